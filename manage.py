#!/usr/bin/env python
from rollkoll.__main__ import main

if __name__ == "__main__":
    main()
