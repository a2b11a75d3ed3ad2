"""Which files an ingest run reads: named files as given, directories recursively."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reader.ingest.prepare import SUFFIXES


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Files to read, in a stable order, and the arguments that name nothing readable.

    A file named on the command line is read whatever its suffix (it may be a dump
    saved without one); inside a directory only .txt, .html, .htm and .jsonl count,
    and hidden entries are skipped so caches and VCS folders stay out.
    """
    files: list[Path] = []
    missing: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.exists():
            found = [path]
        else:
            missing.append((path, "no such file or directory"))
            continue
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, missing
