#!/usr/bin/env python
import os

from rollkoll.__main__ import main

# manage.py is the developer's entry point: DEBUG on unless said otherwise.
# The installed `rollkoll` command keeps the production default (DEBUG off).
os.environ.setdefault("DEBUG", "1")

if __name__ == "__main__":
    main()
