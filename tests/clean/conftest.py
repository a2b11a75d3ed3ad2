"""Fixtures of the cleaning room: seed texts by name and the hand-written HTML pages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture(scope="session")
def seed_text(seed_paths: list[Path]) -> Callable[[str], str]:
    by_name = {path.name: path for path in seed_paths}

    def read(name: str) -> str:
        return by_name[name].read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def html_page() -> Callable[[str], str]:
    def read(name: str) -> str:
        return (DATA / "html" / name).read_text(encoding="utf-8")

    return read
