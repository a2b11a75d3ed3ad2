"""A news site on 127.0.0.1 for the fetch tests and bench/fetch.py: feeds, pages, robots.txt.

A threading http.server started in a thread by the fixture itself, so no test reaches
the internet. Every request is recorded with its arrival time, so tests can check
what was asked, with which headers, and how far apart.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass(frozen=True, slots=True)
class Hit:
    at: float  # time.monotonic() when the request arrived
    path: str
    headers: dict[str, str]


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    pause: float = 0.0  # seconds before the first byte of the body
    chunked: bool = False  # no Content-Length: the size is only known by reading


Route = Answer | Callable[[Hit], Answer]


class Site:
    def __init__(self, host: str = "127.0.0.1") -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                hit = Hit(
                    time.monotonic(), self.path, {k.lower(): v for k, v in self.headers.items()}
                )
                with site._lock:
                    site.hits.append(hit)
                    route = site.routes.get(self.path)
                if route is None:
                    answer = Answer(404, b"not here")
                else:
                    answer = route(hit) if callable(route) else route
                self._send(answer)

            def _send(self, answer: Answer) -> None:
                try:
                    self.send_response(answer.status)
                    for key, value in answer.headers.items():
                        self.send_header(key, value)
                    if answer.chunked:
                        self.send_header("Transfer-Encoding", "chunked")
                    else:
                        self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    if answer.pause:
                        time.sleep(answer.pause)
                    if answer.chunked:
                        step = 64 * 1024
                        for start in range(0, len(answer.body), step):
                            part = answer.body[start : start + step]
                            self.wfile.write(f"{len(part):x}\r\n".encode() + part + b"\r\n")
                        self.wfile.write(b"0\r\n\r\n")
                    else:
                        self.wfile.write(answer.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: object) -> None:
                return

        self._server = ThreadingHTTPServer((host, 0), Handler)
        self._server.daemon_threads = True
        self.base = f"http://{host}:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def route(self, path: str, answer: Route) -> str:
        self.routes[path] = answer
        return self.base + path

    def feed(self, path: str, name: str, **headers: str) -> str:
        """Serve the fixture feed `name`, its `{base}` placeholders pointing here."""
        body = (DATA / name).read_bytes().replace(b"{base}", self.base.encode())
        kind = "application/atom+xml" if name.startswith("atom") else "application/rss+xml"
        return self.route(path, Answer(body=body, headers={"Content-Type": kind, **headers}))

    def pages(self, names: list[str]) -> None:
        """An article page for each name, /pages/NAME.html, with a seed article's text."""
        seeds = sorted(SEEDS.glob("*.txt"))
        for number, name in enumerate(names):
            text = seeds[number % len(seeds)].read_text(encoding="utf-8")
            self.route(f"/pages/{name}.html", Answer(body=article_page(text, name)))

    def requested(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path == path]


def article_page(text: str, marker: str) -> bytes:
    """A news page around a seed article: navigation and footer for trafilatura to drop."""
    title, *paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    page = f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{escape(title)} - موقع الاختبار</title>
<meta property="og:site_name" content="موقع الاختبار">
<meta name="article-id" content="{marker}">
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/world">العالم</a> <a href="/sport">رياضة</a></nav>
<article><h1>{escape(title)}</h1>
{body}
<p>رقم المقال {escape(marker)}</p>
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""
    return page.encode("utf-8")


def many_items_feed(base: str, count: int, prefix: str = "m") -> bytes:
    """An RSS 2.0 feed of `count` items linking to /pages/{prefix}N.html."""
    items = "".join(
        f"<item><title>خبر رقم {n} من الخلاصة الكبيرة</title>"
        f"<link>{base}/pages/{prefix}{n}.html</link><guid>{prefix}-{n}</guid>"
        f"<pubDate>Mon, 06 May 2019 10:00:00 +0000</pubDate>"
        f"<description>موجز الخبر رقم {n} عن القمة والمحادثات.</description></item>"
        for n in range(count)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>خلاصة كبيرة {prefix}</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()
