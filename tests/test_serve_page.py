"""`khabar serve`'s page loads nothing from the internet, serves a local Arabic font, and
always runs the reader in app bidi mode (the mode that reads right in the browser:
bench/serve_browser.py compares the modes in headless Chromium)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from reader.cli import build_parser
from reader.commands import serve
from reader.web import server as web_server
from reader.web.fonts import arabic_mono_font


def test_page_has_no_internet_urls_and_serves_the_local_font(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    font = tmp_path / "arabic.ttf"
    font.write_bytes(b"\x00\x01\x00\x00" + bytes(64))
    monkeypatch.setattr(web_server, "arabic_mono_font", lambda: font)

    async def fetch() -> tuple[str, int, bytes]:
        app = await web_server.KhabarServer("true", host="localhost", port=8000)._make_app()
        async with TestClient(TestServer(app)) as client:
            page = await (await client.get("/")).text()
            answer = await client.get(web_server.FONT_ROUTE)
            return page, answer.status, await answer.read()

    page, status, body = asyncio.run(fetch())
    assert "googleapis" not in page and "https://" not in page
    assert web_server.FONT_ROUTE in page and "U+FE70-FEFF" in page
    assert status == 200 and body == font.read_bytes()


def test_the_machine_has_a_font_with_arabic_presentation_forms() -> None:
    found = arabic_mono_font()
    if found is None:
        pytest.skip("no DejaVu/Noto mono font installed (fonts-dejavu-core)")
    assert found.is_file() and found.suffix.lower() in {".ttf", ".otf"}


def test_serve_always_runs_the_reader_in_app_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}

    class Fake:
        def __init__(self, command: str, **options: Any) -> None:
            seen["command"] = command

        def serve(self) -> None:
            seen["served"] = True

    monkeypatch.setattr(web_server, "KhabarServer", Fake)
    parser, _ = build_parser()
    args = parser.parse_args(["serve", "--port", "8123"])
    args.db = None
    assert serve.run(args) == 0 and seen["served"]
    assert seen["command"].endswith("--bidi app")
    with pytest.raises(SystemExit):
        parser.parse_args(["serve", "--bidi", "terminal"])


def test_serve_refuses_an_unknown_theme_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from reader.cli import main

    assert main(["serve", "--theme", "nope"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("khabar: --theme: unknown theme 'nope'") and err.count("\n") == 1
