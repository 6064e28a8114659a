"""Helpers for the tests: a console-session parser and an offline guard."""
