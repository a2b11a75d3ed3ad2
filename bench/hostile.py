"""Issue 11's figures on hostile sizes: ingest time against the mentions in one article,
the reader on a 2.5 MB article, and the seeds' figures (which the hardening must not move).

    python bench/hostile.py [--skip-reader]

Prints seconds; quote `uptime` with them (the machine is shared).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from reader.ingest.pipeline import ingest_paths
from reader.paths import seeds_dir

SENTENCE = "وقال الرئيس فلاديمير بوتين إن بوتين سيزور القاهرة. "  # three mentions
PARAGRAPH = (
    "قال الرئيس الروسي فلاديمير بوتين إن المحادثات مع الزعيم الكوري الشمالي كانت مفيدة"
    " للطرفين وإن التعاون بين البلدين سيستمر في المرحلة المقبلة. "
)


def _count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def mentions_scaling(folder: Path) -> None:
    print("ingest of one article against its mentions (workers=1, entities on)")
    warm = folder / "warm.txt"
    warm.write_text("عنوان\n\n" + SENTENCE * 20 + "\n", encoding="utf-8")
    ingest_paths(folder / "warm.db", [warm], workers=1)  # the model loads here, untimed
    for mentions in (2_000, 4_000, 8_000, 50_000):
        path = folder / f"m{mentions}.txt"
        body = SENTENCE * (mentions // 3)
        path.write_text(f"مقال فيه {mentions} اسم\n\n{body}\n", encoding="utf-8")
        db = folder / f"m{mentions}.db"
        start = time.perf_counter()
        report = ingest_paths(db, [path], workers=1)
        seconds = time.perf_counter() - start
        stored = _count(db, "SELECT count(*) FROM mentions")
        note = "; ".join(n.split(": ", 1)[1] for n in report.notes) or "-"
        print(
            f"  {mentions:>6} mentions in the text: {seconds:6.2f} s, {stored} stored, "
            f"{seconds / mentions * 1e6:6.0f} µs per mention in the text  (note: {note})"
        )


def seeds(folder: Path) -> None:
    db = folder / "seeds.db"
    start = time.perf_counter()
    report = ingest_paths(db, [seeds_dir()], workers=1)
    seconds = time.perf_counter() - start
    mentions = _count(db, "SELECT count(*) FROM mentions")
    persons = _count(db, "SELECT count(*) FROM entities WHERE kind = 'PER'")
    keys = _count(db, "SELECT count(DISTINCT entity_id) FROM mentions")
    print(
        f"seeds: {report.added} documents, {report.articles} articles in {seconds:.2f} s "
        f"({report.added / seconds:.1f} documents/s); {mentions} mentions, {keys} entities "
        f"mentioned, {persons} persons"
    )


async def _reader(db: Path) -> dict[str, float]:
    from reader.tui.app import KhabarApp
    from reader.tui.widgets.body_view import BodyView

    timings: dict[str, list[float]] = {"show": [], "render_lines": []}

    def timed(name: str, method: Any) -> Any:
        def wrapper(self: BodyView, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return method(self, *args, **kwargs)
            finally:
                timings[name].append(time.perf_counter() - start)

        return wrapper

    BodyView.show = timed("show", BodyView.show)  # type: ignore[method-assign]
    BodyView.render_lines = timed("render_lines", BodyView.render_lines)  # type: ignore[method-assign]
    app = KhabarApp(db)
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(BodyView)
        while view.article is None:
            await pilot.pause(0.01)
        opened = time.perf_counter() - started
        # The longest the event loop went without running a 10 ms timer: how long the UI
        # thread was blocked (by its own work, or waiting for the GIL) at worst.
        ticks = [time.perf_counter()]
        gaps: list[float] = []
        app.set_interval(0.01, lambda: ticks.append(time.perf_counter()))

        def worst_gap() -> float:
            gap = max((b - a for a, b in itertools.pairwise(ticks)), default=0.0)
            ticks[:] = [time.perf_counter()]
            return gap

        await pilot.press("2")
        timings["render_lines"].clear()
        worst_gap()
        during = await _scroll(pilot)
        gaps.append(worst_gap())
        worst_paint = max(timings["render_lines"], default=0.0)
        while not view.laid_out:
            await pilot.pause(0.05)
        whole = time.perf_counter() - started
        gaps.append(worst_gap())
        after = await _scroll(pilot)
        gaps.append(worst_gap())
        mode_start = time.perf_counter()
        await pilot.press("m")
        await pilot.pause()
        mode = time.perf_counter() - mode_start
        gaps.append(worst_gap())
    return {
        "open (app start to the article on screen)": opened,
        "BodyView.show on the UI thread": max(timings["show"]),
        "a scroll key pressed and painted, while the worker lays out (mean of 5)": during,
        "  longest UI-thread stall meanwhile": gaps[0],
        "longest body paint while scrolling": worst_paint,
        "whole body laid out (worker), from app start": whole,
        "  longest UI-thread stall while the worker finished": gaps[1],
        "a scroll key pressed and painted, once laid out (mean of 5)": after,
        "  longest UI-thread stall meanwhile ": gaps[2],
        "m (bidi mode) pressed and painted": mode,
        "  longest UI-thread stall meanwhile  ": gaps[3],
    }


async def _scroll(pilot: Any) -> float:
    start = time.perf_counter()
    for key in ("pagedown", "pagedown", "j", "j", "pagedown"):
        await pilot.press(key)
        await pilot.pause()
    return (time.perf_counter() - start) / 5


def reader(folder: Path) -> None:
    body = "\n\n".join(f"{n} {PARAGRAPH * 3}" for n in range(3_200))
    path = folder / "huge.txt"
    path.write_text("مقال طويل جدا عن المحادثات\n\n" + body + "\n", encoding="utf-8")
    size = path.stat().st_size
    db = folder / "huge.db"
    ingest_paths(db, [path], entities=False, workers=1)
    print(f"the reader on a {size / 1e6:.1f} MB article ({len(body):,} characters), 120x40")
    for name, seconds in asyncio.run(_reader(db)).items():
        print(f"  {name}: {seconds:.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-reader", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khabar-hostile-") as tmp:
        folder = Path(tmp)
        mentions_scaling(folder)
        seeds(folder)
        if not args.skip_reader:
            reader(folder)


if __name__ == "__main__":
    main()
