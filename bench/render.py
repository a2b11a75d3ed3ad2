"""Cost of the display engine against the bare reshape + get_display it builds on.

Prints, for the longest seed article at width 80: the engine's uncached time, the time of
`arabic_reshaper.reshape` + `bidi.get_display` on the whole text (same run, same
process), their ratio (target at most 2.0), and the cost of a cached re-render (target
under 1 ms). Usage: python bench/render.py [--width N] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import arabic_reshaper
from bidi import get_display

from reader.paths import seeds_dir
from reader.render.engine import clear_caches, render_text


def _timed(action: Callable[[], object], before: Callable[[], None]) -> float:
    before()
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    longest = max(sorted(seeds_dir().glob("*.txt")), key=lambda p: len(p.read_text("utf-8")))
    text = longest.read_text("utf-8")

    def nothing() -> None:
        return None

    def whole() -> object:
        return get_display(arabic_reshaper.reshape(text))

    def engine() -> object:
        return render_text(text, args.width)

    engine()  # warm imports and the per-character tables
    # Interleaved, so both see the same machine load; the minimum is the least disturbed run.
    baseline_runs: list[float] = []
    engine_runs: list[float] = []
    for _ in range(args.repeat):
        baseline_runs.append(_timed(whole, nothing))
        engine_runs.append(_timed(engine, clear_caches))
    engine()
    cached_runs = [_timed(engine, nothing) for _ in range(args.repeat)]
    baseline, uncached, cached = min(baseline_runs), min(engine_runs), min(cached_runs)
    print(f"article: {Path(longest).name} ({len(text)} characters), width {args.width}")
    print(f"runs: {args.repeat} interleaved; min (median)")
    print(f"reshape + get_display: {baseline:.2f} ms ({statistics.median(baseline_runs):.2f})")
    print(f"engine, uncached:      {uncached:.2f} ms ({statistics.median(engine_runs):.2f})")
    print(f"ratio:                 {uncached / baseline:.2f} (target <= 2.0)")
    cached_median = statistics.median(cached_runs)
    print(f"engine, cached:        {cached:.3f} ms ({cached_median:.3f}) (target < 1 ms)")


if __name__ == "__main__":
    main()
