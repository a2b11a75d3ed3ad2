"""Cost of the bidi algorithm itself, per line, on the lines the engine gives it.

Prints, for the wrapped logical lines of every seed article (width 80, reshaped, as
`engine.logical_lines` gives them) and for generated mixed lines with explicit controls:
how many take the all-at-base-level shortcut, and the CPU microseconds per line of
`reorder.levels` + `reorder.visual_order` with the line cache cleared (the cold cost the
engine pays once per line), next to python-bidi's `get_display` on the same lines (a
compiled UBA that gives a string only, the yardstick the render bench also uses). CPU
time is the figure because the machine is shared; the minimum of the runs is printed,
with the load average.

    python bench/bidi_speed.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections.abc import Callable

from bidi import get_display

from reader.paths import seeds_dir
from reader.render.chars import not_all_ltr_re, not_all_rtl_re
from reader.render.engine import is_rtl, logical_lines
from reader.render.reorder import clear_cache, levels, paragraph_level, visual_order
from reader.render.sanitize import split_paragraphs

_MIXED = (
    "بتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "abcdefghijklmnopqrstuvwxyz",
    "0123456789٠١٢٣",
    "ًٌٍَُِّ",
    "()[]{}.,:;!?%$-+/ ",
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f",
)


def _seed_lines() -> list[tuple[str, int]]:
    lines: list[tuple[str, int]] = []
    for path in sorted(seeds_dir().glob("*.txt")):
        for _, paragraph in split_paragraphs(path.read_text("utf-8")):
            base = int(is_rtl(paragraph))
            lines.extend((line, base) for line in logical_lines(paragraph, 80))
    return lines


def _mixed_lines(count: int) -> list[tuple[str, int]]:
    chooser = random.Random(5)
    lines: list[tuple[str, int]] = []
    for _ in range(count):
        line = "".join(
            chooser.choice(chooser.choice(_MIXED)) for _ in range(chooser.randint(10, 60))
        )
        lines.append((line, paragraph_level(line)))
    return lines


def _cpu_us(action: Callable[[], object], lines: int, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        clear_cache()
        start = time.thread_time()
        action()
        best = min(best, time.thread_time() - start)
    return best * 1e6 / lines


def _report(name: str, lines: list[tuple[str, int]], runs: int) -> None:
    def ours() -> object:
        return [visual_order(levels(line, base)) for line, base in lines]

    def python_bidi() -> object:
        return [get_display(line, base_dir="R" if base else "L") for line, base in lines]

    shortcut = sum(
        1
        for line, base in lines
        if not (not_all_rtl_re() if base else not_all_ltr_re()).search(line)
    )
    print(f"{name}: {len(lines)} lines, {shortcut} all at the base level")
    actions = (("levels + visual_order", ours), ("python-bidi get_display", python_bidi))
    for label, action in actions:
        print(f"  {label:24} {_cpu_us(action, len(lines), runs):7.2f} us CPU per line")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    print("load average", " ".join(f"{value:.2f}" for value in os.getloadavg()))
    _report("seed lines", _seed_lines(), args.runs)
    _report("mixed lines with controls", _mixed_lines(2000), args.runs)


if __name__ == "__main__":
    main()
