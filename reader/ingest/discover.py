"""Which files an ingest run reads: named files as given, directories recursively."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from reader.ingest.prepare import SUFFIXES

_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(mode: int) -> str:
    """What a file that is not regular is, for the one line that refuses it."""
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to read, in a stable order, and the arguments that name nothing readable.

    A file named on the command line is read whatever its suffix (it may be a dump
    saved without one); inside a directory only .txt, .html, .htm and .jsonl count,
    and hidden entries are skipped so caches and VCS folders stay out. Only regular
    files are taken (open() on a FIFO waits for a writer for ever), and a directory
    that cannot be listed is reported rather than passed over in silence.
    """
    files: list[Path] = []
    missing: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for path in paths:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            missing.append((path, "no such file or directory"))
            continue
        except OSError as error:
            missing.append((path, f"cannot read: {(error.strerror or str(error)).lower()}"))
            continue
        if stat.S_ISDIR(mode):
            found = _walk(path, missing)
        elif stat.S_ISREG(mode):
            found = [path]
        else:
            missing.append((path, f"not a regular file ({special_kind(mode)})"))
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, missing


def _walk(top: Path, problems: list[tuple[Path, str]]) -> list[Path]:
    def refused(error: OSError) -> None:
        reason = (error.strerror or str(error)).lower()
        problems.append((Path(error.filename or top), f"cannot read this directory: {reason}"))

    found: list[Path] = []
    for folder, dirs, names in os.walk(top, onerror=refused):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = Path(folder, name)
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                continue
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
            except OSError:
                regular = False
            if regular:
                found.append(path)
    return sorted(found)
