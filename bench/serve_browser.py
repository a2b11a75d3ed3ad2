"""`khabar serve` in headless Chromium: is the Arabic on the page the article's Arabic?

For each variant (bidi mode × page), this serves a copy of the database, opens the
page in headless Chromium (driven over the DevTools protocol), takes a screenshot,
reads it back with Tesseract (Arabic), and prints how many of the opened article's
first words the screenshot shows. The stock textual-serve page with `--bidi terminal`
is what users saw before; khabar's page with `--bidi app` is what `khabar serve` now
serves. Not a test (it needs chromium, tesseract-ocr-ara and a font package, and takes
a minute): `python bench/serve_browser.py [--db PATH]`.

Needs: apt install chromium tesseract-ocr tesseract-ocr-ara fonts-dejavu-core
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.request
from pathlib import Path
from typing import Any

import aiohttp

from reader.store.read.library import Library
from reader.store.read.rows import ArticleFilter

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
)
HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")
VARIANTS = (
    ("stock page, --bidi terminal", "stock", "terminal"),
    ("stock page, --bidi app", "stock", "app"),
    ("khabar page, --bidi app", "khabar", "app"),
)
SERVER = """
import sys
from textual_serve.server import Server
from reader.web.server import KhabarServer
kind, port, command = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cls = KhabarServer if kind == "khabar" else Server
cls(command, host="localhost", port=port, title="khabar").serve()
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _words(text: str) -> list[str]:
    folded = HARAKAT.sub("", unicodedata.normalize("NFKC", text))
    return [w for w in re.findall(r"[\u0621-\u064a]+", folded) if len(w) >= 3]


async def _screenshot(url: str, wait: float) -> bytes:
    port = _free_port()
    profile = tempfile.mkdtemp(prefix="khabar-chromium-")
    browser = subprocess.Popen(
        [
            "chromium",
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            f"--remote-debugging-port={port}",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        tabs: list[dict[str, Any]] = []
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as answer:
                    tabs = json.load(answer)
                break
            except OSError:
                time.sleep(0.1)
        page = next(t["webSocketDebuggerUrl"] for t in tabs if t["type"] == "page")
        async with (
            aiohttp.ClientSession() as session,
            session.ws_connect(page, max_msg_size=0) as ws,
        ):
            serial = 0

            async def call(method: str, **params: Any) -> dict[str, Any]:
                nonlocal serial
                serial += 1
                await ws.send_json({"id": serial, "method": method, "params": params})
                while True:
                    message: dict[str, Any] = await ws.receive_json()
                    if message.get("id") == serial:
                        return dict(message.get("result", {}))

            await call("Page.enable")
            await call("Page.navigate", url=url)
            await asyncio.sleep(wait)
            shot = await call("Page.captureScreenshot", format="png")
            return base64.b64decode(shot["data"])
    finally:
        browser.terminate()
        browser.wait()
        shutil.rmtree(profile, ignore_errors=True)


def _ocr(png: bytes, work: Path) -> str:
    image = work / "shot.png"
    image.write_bytes(png)
    big = work / "big.png"
    subprocess.run(
        ["convert", str(image), "-scale", "300%", "-colorspace", "Gray", "-negate", str(big)],
        check=True,
    )
    return subprocess.run(
        ["tesseract", str(big), "-", "-l", "ara", "--psm", "6"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def _opened_words(db: Path, count: int) -> list[str]:
    store = Library(db, readonly=True)
    try:
        rows = store.listing.articles_after(ArticleFilter(), None, 1)
        article = store.articles.article(rows[0].id) if rows else None
    finally:
        store.close()
    if article is None:
        raise SystemExit(f"{db} has no articles")
    return _words(article.body)[:count]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", type=Path, help="database to serve (default: the seeds)")
    parser.add_argument("--words", type=int, default=60, help="first N words to look for")
    parser.add_argument("--wait", type=float, default=20.0, help="seconds before the shot")
    args = parser.parse_args()
    for tool in ("chromium", "tesseract", "convert"):
        if shutil.which(tool) is None:
            raise SystemExit(f"needs {tool} (see this script's docstring)")
    with tempfile.TemporaryDirectory(prefix="khabar-serve-bench-") as folder:
        work = Path(folder)
        template = work / "template.db"
        if args.db:
            shutil.copy(args.db, template)
        else:
            from reader.ingest.pipeline import ingest_paths
            from reader.paths import seeds_dir

            ingest_paths(template, [seeds_dir()], workers=1)
        expected = _opened_words(template, args.words)
        print(f"expected: the first {len(expected)} words of the opened article")
        for label, page, mode in VARIANTS:
            db = work / f"{page}-{mode}.db"
            shutil.copy(template, db)
            port = _free_port()
            command = f"{sys.executable} -m reader --db {db} --bidi {mode}"
            server = subprocess.Popen(
                [sys.executable, "-c", SERVER, page, str(port), command],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            try:
                time.sleep(3)
                png = asyncio.run(_screenshot(f"http://localhost:{port}/", args.wait))
            finally:
                server.terminate()
                server.wait()
            (Path.cwd() / f"serve-{page}-{mode}.png").write_bytes(png)
            seen = set(_words(_ocr(png, work)))
            found = sum(word in seen for word in expected)
            share = found / len(expected)
            print(f"{label:32} {found}/{len(expected)} words read back ({share:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
