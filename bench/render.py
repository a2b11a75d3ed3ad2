"""Cost of the display engine against the bare reshape + get_display it builds on.

Prints, for the longest seed article at width 80: the engine's uncached time (layout cache
and shaped-word memo both cleared before each run), the time of `arabic_reshaper.reshape` +
`bidi.get_display` on the whole text (same run, same process), their ratio (target at most
2.0), and the cost of a cached re-render (target under 1 ms).

Other work on the machine only ever adds time, so the two are measured interleaved (in
alternating order, so neither always runs first) and the minimum of many runs is the figure;
medians and the load average are printed to show how disturbed the run was, and CPU time
(which a busy neighbour does not inflate) gives a second ratio to check the first against.
Usage: python bench/render.py [--width N] [--repeat N]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import arabic_reshaper
from bidi import get_display

from reader.paths import seeds_dir
from reader.render.engine import clear_caches, render_text


def _timed(action: Callable[[], object], before: Callable[[], None]) -> tuple[float, float]:
    """Wall and CPU milliseconds of one call, after `before` and a collection, so that
    neither a cache nor another run's garbage is paid for inside the measurement."""
    before()
    gc.collect()
    wall, cpu = time.perf_counter(), time.thread_time()
    action()
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--width", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    longest = max(sorted(seeds_dir().glob("*.txt")), key=lambda p: len(p.read_text("utf-8")))
    text = longest.read_text("utf-8")

    def nothing() -> None:
        return None

    def whole() -> object:
        return get_display(arabic_reshaper.reshape(text))

    def engine() -> object:
        return render_text(text, args.width)

    load_before = _load()
    whole()
    engine()  # warm imports and the per-character tables
    baseline_runs: list[tuple[float, float]] = []
    engine_runs: list[tuple[float, float]] = []
    for run in range(args.repeat):
        if run % 2:
            engine_runs.append(_timed(engine, clear_caches))
            baseline_runs.append(_timed(whole, nothing))
        else:
            baseline_runs.append(_timed(whole, nothing))
            engine_runs.append(_timed(engine, clear_caches))
    engine()
    cached_runs = [_timed(engine, nothing)[0] for _ in range(args.repeat)]
    load_after = _load()

    def wall(runs: list[tuple[float, float]]) -> list[float]:
        return [run[0] for run in runs]

    def cpu(runs: list[tuple[float, float]]) -> list[float]:
        return [run[1] for run in runs]

    baseline, uncached = min(wall(baseline_runs)), min(wall(engine_runs))
    baseline_median = statistics.median(wall(baseline_runs))
    uncached_median = statistics.median(wall(engine_runs))
    print(f"article: {Path(longest).name} ({len(text)} characters), width {args.width}")
    print(
        f"runs: {args.repeat} interleaved; min (median); load average {load_before} -> {load_after}"
    )
    print(f"reshape + get_display: {baseline:.2f} ms ({baseline_median:.2f})")
    print(f"engine, uncached:      {uncached:.2f} ms ({uncached_median:.2f})")
    ratio, ratio_median = uncached / baseline, uncached_median / baseline_median
    print(f"ratio:                 {ratio:.2f} ({ratio_median:.2f}) (target <= 2.0)")
    print(f"ratio of CPU times:    {min(cpu(engine_runs)) / min(cpu(baseline_runs)):.2f}")
    cached, cached_median = min(cached_runs), statistics.median(cached_runs)
    print(f"engine, cached:        {cached:.3f} ms ({cached_median:.3f}) (target < 1 ms)")


if __name__ == "__main__":
    main()
