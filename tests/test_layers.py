"""The data and rendering rooms never import Textual: the UI depends on them, never the reverse."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "reader"
PURE_ROOMS = ["store", "clean", "ingest", "nlp", "render", "fetch"]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("room", PURE_ROOMS)
def test_room_source_never_imports_textual_or_tui(room: str) -> None:
    files = sorted((ROOT / room).rglob("*.py"))
    assert files, f"reader/{room} has no modules"
    for path in files:
        for name in _imported_modules(path):
            top = name.split(".")[0]
            assert top != "textual", f"{path} imports {name}"
            assert not name.startswith("reader.tui"), f"{path} imports {name}"


def test_importing_pure_rooms_loads_no_textual() -> None:
    modules = [
        f"reader.{room}.{p.stem}"
        for room in PURE_ROOMS
        for p in sorted((ROOT / room).glob("*.py"))
        if p.stem != "__init__"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print('textual' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"


def test_starting_the_reader_loads_neither_sqlite_utils_nor_numpy() -> None:
    """The reader's first paint (bench/startup.py) stays on plain sqlite3: sqlite-utils,
    and the numpy it loads, cost about 100 ms of import before the first frame."""
    code = (
        "import sys\n"
        "import reader.tui.app\n"
        "print(sorted(m for m in ('sqlite_utils', 'numpy') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "[]"
