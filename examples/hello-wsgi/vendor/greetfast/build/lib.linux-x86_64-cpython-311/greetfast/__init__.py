"""Greetings built by a C extension."""
from greetfast._native import greet

__all__ = ["greet"]
