"""No module in reader/ is over 400 lines: past that a file holds more than one thing,
and whoever changes it next has to read all of them (issue 12)."""

from __future__ import annotations

from pathlib import Path

LIMIT = 400
READER = Path(__file__).resolve().parent.parent / "reader"


def test_no_module_in_reader_is_over_the_limit() -> None:
    sizes = {
        str(path.relative_to(READER.parent)): len(path.read_text("utf-8").splitlines())
        for path in sorted(READER.rglob("*.py"))
    }
    assert len(sizes) > 50  # the walk found the package
    assert {name: n for name, n in sizes.items() if n > LIMIT} == {}
