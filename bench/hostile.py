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
import threading
import time
from pathlib import Path
from statistics import mean
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


async def _reader(db: Path) -> dict[str, float | int]:
    from reader.render.engine import Line, Settings
    from reader.tui import body_rows
    from reader.tui.app import KhabarApp
    from reader.tui.body_rows import Piece
    from reader.tui.widgets.body_view import BodyView

    shows: list[float] = []
    laid = {"ui": 0, "worker": 0}
    real_show, real_lay_out = BodyView.show, body_rows.lay_out

    def show(self: BodyView, *args: Any, **kwargs: Any) -> None:
        start = time.perf_counter()
        real_show(self, *args, **kwargs)
        shows.append(time.perf_counter() - start)

    def lay_out(piece: Piece, width: int, settings: Settings) -> tuple[Line, ...]:
        main = threading.current_thread() is threading.main_thread()
        laid["ui" if main else "worker"] += len(piece.text)
        return real_lay_out(piece, width, settings)

    BodyView.show = show  # type: ignore[method-assign]
    body_rows.lay_out = lay_out
    app = KhabarApp(db)
    started = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        view = app.query_one(BodyView)
        while view.article is None:
            await pilot.pause(0.01)
        opened = time.perf_counter() - started
        length = len(view.article.body)
        # The longest the event loop went without running a 10 ms timer: how long the UI
        # thread was blocked (by its own work, or waiting for the GIL) at worst.
        ticks = [time.perf_counter()]
        app.set_interval(0.01, lambda: ticks.append(time.perf_counter()))
        await pilot.press("2")
        await pilot.app.workers.wait_for_complete()
        ticks[:] = [time.perf_counter()]
        await pilot.pause(1.0)
        idle = max(b - a for a, b in itertools.pairwise(ticks))
        ticks[:] = [time.perf_counter()]
        steps = await _keys(pilot, ["pagedown"] * 10 + ["j"] * 5 + ["ctrl+d"] * 3)
        jumps = await _keys(pilot, ["G", "g", "G", "m", "m", "m"])
        back = await _keys(pilot, ["pageup"] * 10)
        stall = max(b - a for a, b in itertools.pairwise(ticks))
        await pilot.app.workers.wait_for_complete()
    steps += back
    return {
        "open (app start to the article on screen), s": opened,
        "BodyView.show on the UI thread, s": max(shows),
        "a step key (PgDn/PgUp/j/Ctrl-d) pressed and painted, mean of 28, s": mean(steps),
        "  the slowest step, s": max(steps),
        "a jump (G, g, m) pressed and painted, mean of 6, s": mean(jumps),
        "  the slowest jump, s": max(jumps),
        "longest UI-thread stall in all of it, s": stall,
        "  the same, idle for a second before (the machine's load alone), s": idle,
        "characters laid out on the UI thread": laid["ui"],
        "characters laid out by the read-ahead worker": laid["worker"],
        "characters in the body": length,
    }


async def _keys(pilot: Any, keys: list[str]) -> list[float]:
    """Each key pressed and painted, one after the other, without waiting for workers."""
    times: list[float] = []
    for key in keys:
        start = time.perf_counter()
        await pilot.press(key)
        await pilot.pause()
        times.append(time.perf_counter() - start)
    return times


def reader(folder: Path) -> None:
    """The same keys on the huge article and on a long ordinary one (13,000 characters,
    30 paragraphs): what is left of the huge one's cost is the difference."""
    results: list[dict[str, float | int]] = []
    for name, paragraphs in (("huge", 3_200), ("ordinary", 30)):
        body = "\n\n".join(f"{n} {PARAGRAPH * 3}" for n in range(paragraphs))
        path = folder / f"{name}.txt"
        path.write_text("مقال طويل جدا عن المحادثات\n\n" + body + "\n", encoding="utf-8")
        db = folder / f"{name}.db"
        ingest_paths(db, [path], entities=False, workers=1)
        results.append(asyncio.run(_reader(db)))
    size = (folder / "huge.txt").stat().st_size
    print(f"the reader at 120x40 on a {size / 1e6:.1f} MB article | on an ordinary long one")
    for key, value in results[0].items():
        other = results[1][key]
        if isinstance(value, float):
            print(f"  {key}: {value:,.3f} | {other:,.3f}")
        else:
            print(f"  {key}: {value:,} | {other:,}")


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
