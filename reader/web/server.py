"""textual-serve's server with khabar's page: no font from the internet, Arabic from a local
font, and the reader always in app bidi mode (the browser terminal has no bidi of its own)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.server import Server

from reader.web.fonts import arabic_mono_font

TEMPLATES = Path(__file__).resolve().parent / "templates"
FONT_ROUTE = "/khabar-font/arabic.ttf"


class KhabarServer(Server):
    def __init__(self, command: str, **options: Any) -> None:
        super().__init__(command, templates_path=TEMPLATES, **options)
        self.font = arabic_mono_font()

    async def _make_app(self) -> web.Application:
        app: web.Application = await super()._make_app()
        app.router.add_get(FONT_ROUTE, self.handle_font)
        return app

    async def handle_font(self, request: web.Request) -> web.StreamResponse:
        if self.font is None:
            raise web.HTTPNotFound()
        return web.FileResponse(self.font, headers={"Content-Type": "font/ttf"})
