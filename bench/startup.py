"""Time to first painted frame of khabar on the seeds, against a minimal Textual app.

Each app runs in a fresh process (headless, so no terminal is needed) and says
when its first frame with content has been painted; the parent measures from
spawning the process. Also prints the app-side time from `j` to the next
article on screen (target < 16 ms) and the ratio (target <= 1.5).

    python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MARK = "PAINTED"


def child_minimal() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello")

        def on_mount(self) -> None:
            self.call_after_refresh(self.done)

        def done(self) -> None:
            print(MARK, flush=True)
            self.exit()

    Minimal().run(headless=True)


def child_khabar(db: Path) -> None:
    from reader.tui.app import KhabarApp
    from reader.tui.widgets.article_list import ArticleList

    class Timed(KhabarApp):
        def on_ready(self) -> None:
            self.set_interval(0.002, self.check)

        def check(self) -> None:
            if self.query_one(ArticleList).count and self.current is not None:
                self.call_after_refresh(self.done)

        def done(self) -> None:
            print(MARK, flush=True)
            self.exit()

    Timed(db).run(headless=True)


def spawn(args: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, *args], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip() == MARK:
            elapsed = time.perf_counter() - start
            proc.wait(timeout=30)
            return elapsed
    raise RuntimeError(f"child {args} exited without painting")


async def next_article_ms(db: Path, moves: int = 5) -> list[float]:
    from reader.tui.app import KhabarApp
    from reader.tui.widgets.article_list import ArticleList

    app = KhabarApp(db)
    times: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while app.current is None:
            await pilot.pause(0.01)
        for _ in range(moves):
            before = app.current.id
            start = time.perf_counter()
            app.query_one(ArticleList).action_cursor_down()
            while app.current is None or app.current.id == before:
                await asyncio.sleep(0)
            times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=("minimal", "khabar"))
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    if args.child == "minimal":
        child_minimal()
        return 0
    if args.child == "khabar":
        child_khabar(args.db)
        return 0

    from reader.ingest.pipeline import ingest_paths
    from reader.paths import seeds_dir

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.db"
        ingest_paths(db, [seeds_dir()], workers=1)
        spawn(["--child", "khabar", "--db", str(db)])  # warm the file cache
        spawn(["--child", "minimal"])
        minimal, khabar = [], []
        for _ in range(args.runs):
            minimal.append(spawn(["--child", "minimal"]))
            khabar.append(spawn(["--child", "khabar", "--db", str(db)]))
        m, k = statistics.median(minimal), statistics.median(khabar)
        print(f"first paint, minimal Textual app: {m * 1000:.0f} ms (median of {args.runs})")
        print(f"first paint, khabar on the seeds: {k * 1000:.0f} ms (median of {args.runs})")
        print(f"ratio: {k / m:.2f} (target <= 1.5)")
        moves = asyncio.run(next_article_ms(db))
        print(
            "j to next article shown (app side, action to body set): "
            f"median {statistics.median(moves):.1f} ms, "
            f"max {max(moves):.1f} ms (target < 16 ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
