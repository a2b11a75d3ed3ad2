"""Errors a user can act on: the CLI prints them as one line, never a traceback."""

from __future__ import annotations


class KhabarError(Exception):
    """Something about the input or the environment the user can fix."""
