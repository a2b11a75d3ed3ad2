"""Time to first painted frame of khabar on the seeds, against a minimal Textual app.

Each app runs in a fresh process (headless, so no terminal is needed) and says
when its first frame with content has been painted, detected the same way for
both: once its content is set (the minimal app's text at mount, khabar's first
article in the body), the next screen refresh prints a mark. The parent
measures from spawning the process; the two apps alternate, and each figure is
the median of the runs. Also prints the app-side time from `j` to the next
article (target < 16 ms) and the ratio (target <= 1.5), with the load average,
since the machine is shared.

Both apps run from bytecode, as after `pip install`: reader/ is byte-compiled
first. Textual's modules come precompiled from pip, while an editable checkout
under PYTHONDONTWRITEBYTECODE=1 (set on this workplace's machines) would
otherwise recompile every khabar module from source at each start, which no
installed copy does.

    python bench/startup.py [--runs N] [--presses N]
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

MARK = "PAINTED"
# Both apps start at the size the headless driver reports. Left to itself, Textual
# starts a headless app at Rich's non-terminal default, 80x25, then takes the driver's
# 80x24 as a resize and lays the screen out twice more, which no terminal start does
# (there the first size is the terminal's), and which costs an app with more widgets more.
SIZE = (80, 24)


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

    Minimal().run(headless=True, size=SIZE)


def child_khabar(db: Path) -> None:
    from textual import on

    from reader.tui.app import KhabarApp
    from reader.tui.screens.reader import ReaderScreen
    from reader.tui.widgets.body_pane import BodyPane

    class Timed(ReaderScreen):
        """Messages stop at the screen that sent them, so the screen is where to listen."""

        @on(BodyPane.Shown)
        def _timed(self) -> None:
            self.call_after_refresh(self.done)

        def done(self) -> None:
            print(MARK, flush=True)
            self.app.exit()

    app = KhabarApp(db)
    app.reader = Timed(db)
    app.run(headless=True, size=SIZE)


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


async def next_article_ms(db: Path, presses: int) -> tuple[list[float], list[float]]:
    """Per press: ms from the action to the body holding the next article (laid out), and
    to the end of the first screen update after that (Textual composes frames on a 60 fps
    tick, so this includes up to 16.7 ms of waiting for it).

    Each round is a fresh app with the engine's caches emptied, walking the list once, so
    every article is new to the display engine as in a corpus larger than the seeds;
    only what the app itself prepares while the reader reads (50 ms here) counts."""
    from textual.screen import Screen

    from reader.render.engine import clear_caches
    from reader.tui.app import KhabarApp
    from reader.tui.widgets.article_list import ArticleList

    # The screen's frame tick is where Textual composes and writes a frame; patched before
    # the app mounts, since the timer keeps the method it was given.
    frames: list[float] = []
    tick = Screen._on_timer_update

    def timed_tick(screen: Screen[Any]) -> None:
        tick(screen)
        frames.append(time.perf_counter())

    Screen._on_timer_update = timed_tick  # type: ignore[method-assign,assignment]
    shown: list[float] = []
    painted: list[float] = []
    while len(shown) < presses:
        clear_caches()
        app = KhabarApp(db)
        async with app.run_test(size=(120, 40)) as pilot:
            while app.reader.current is None:
                await pilot.pause(0.01)
            articles = app.query_one(ArticleList)
            articles.action_first()  # the app reopens where the last round ended
            while app.reader.current is None or articles.cursor != 0:
                await pilot.pause(0.01)
            while articles.cursor < articles.count - 1 and len(shown) < presses:
                await pilot.pause(0.05)
                before = app.reader.current.id if app.reader.current else None
                start = time.perf_counter()
                articles.action_cursor_down()
                while app.reader.current is None or app.reader.current.id == before:
                    await asyncio.sleep(0)
                at = time.perf_counter()
                shown.append((at - start) * 1000)
                while not frames or frames[-1] < at:
                    await asyncio.sleep(0)
                painted.append((frames[-1] - start) * 1000)
    return shown, painted


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--presses", type=int, default=20)
    parser.add_argument("--child", choices=("minimal", "khabar"))
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    if args.child == "minimal":
        child_minimal()
        return 0
    if args.child == "khabar":
        child_khabar(args.db)
        return 0

    import reader
    from reader.ingest.pipeline import ingest_paths
    from reader.paths import seeds_dir

    compileall.compile_dir(Path(reader.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.db"
        ingest_paths(db, [seeds_dir()], workers=1)
        spawn(["--child", "khabar", "--db", str(db)])  # warm the file cache
        spawn(["--child", "minimal"])
        minimal: list[float] = []
        khabar: list[float] = []
        for run in range(args.runs):
            pair = [("minimal", minimal, []), ("khabar", khabar, ["--db", str(db)])]
            for name, times, extra in pair if run % 2 == 0 else pair[::-1]:
                times.append(spawn(["--child", name, *extra]))
        m, k = statistics.median(minimal), statistics.median(khabar)
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        print(f"first paint, minimal Textual app: {m * 1000:.0f} ms (median of {args.runs})")
        print(f"first paint, khabar on the seeds: {k * 1000:.0f} ms (median of {args.runs})")
        print(f"ratio: {k / m:.2f} (target <= 1.5)")
        shown, painted = asyncio.run(next_article_ms(db, args.presses))
        print(
            f"j to next article in the body ({args.presses} presses, app side): "
            f"median {statistics.median(shown):.1f} ms, max {max(shown):.1f} ms "
            "(target < 16 ms)"
        )
        print(
            "j to the end of the next frame (includes the wait for the frame tick): "
            f"median {statistics.median(painted):.1f} ms, max {max(painted):.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
