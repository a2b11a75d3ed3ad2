"""Cleaning speed on the seed-sized text dumps: documents per second of one core's CPU time.

    python bench/clean_speed.py [--seconds 3]

Counts process CPU time (not wall time), so a busy machine slows the figure less; still quote
the load average printed with it. The acceptance line is 1,500 dumps/s per core.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from reader.clean import clean_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    for text in texts:
        clean_text(text)  # loads the line model once, as a long-lived worker has it
    best = 0.0
    for _ in range(3):
        done = 0
        start = time.process_time()
        while time.process_time() - start < args.seconds / 3:
            for text in texts:
                clean_text(text)
            done += len(texts)
        best = max(best, done / (time.process_time() - start))
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"clean_text on the {len(texts)} seeds: {best:,.0f} dumps/s per core (load {load})")


if __name__ == "__main__":
    main()
