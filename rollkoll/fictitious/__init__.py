"""Fictitious but realistic data for demos, tests and benchmarks.

Invented names, personnummer from the 1800s, example.org addresses; the same
seed always gives the same files.
"""
