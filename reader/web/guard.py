"""`khabar serve` behind a door: a token in the URL, Host and Origin checked, few sessions.

textual-serve alone accepts any Host (DNS rebinding), any WebSocket Origin (any web
page the user opens could drive the reader) and any number of sessions, each a
reader process; a local user or a page could read the corpus and type keys. As
Jupyter does, the URL printed at start carries a random token; the first visit
trades it for a cookie (SameSite=Strict, HttpOnly) that the page's own requests and
its WebSocket then carry.
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from reader.commands._output import echo
from reader.web.server import KhabarServer

COOKIE = "khabar_token"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class GuardedServer(KhabarServer):
    def __init__(self, command: str, *, port: int, max_sessions: int, title: str) -> None:
        super().__init__(command, host="127.0.0.1", port=port, title=title)
        self.token = secrets.token_urlsafe(24)
        self.max_sessions = max_sessions
        self.sessions = 0
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}

    @property
    def url(self) -> str:
        return f"{self.public_url}/?token={self.token}"

    async def _make_app(self) -> web.Application:
        app: web.Application = await super()._make_app()
        app.middlewares.append(self._guard)
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.host not in self.hosts:
            raise web.HTTPForbidden(text="khabar serve: this Host is not served\n")
        origin = request.headers.get("Origin")
        if origin is not None and origin not in self.origins:
            raise web.HTTPForbidden(text="khabar serve: requests from other sites are refused\n")
        given = request.query.get("token") or request.cookies.get(COOKIE, "")
        if not secrets.compare_digest(given.encode(), self.token.encode()):
            raise web.HTTPForbidden(text="khabar serve: open the URL printed at start\n")
        response = await handler(request)
        if request.query.get("token"):
            response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict")
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if request.headers.get("Origin") is None:
            raise web.HTTPForbidden(text="khabar serve: a session needs the page's Origin\n")
        if self.sessions >= self.max_sessions:
            raise web.HTTPServiceUnavailable(
                text=f"khabar serve: already {self.sessions} sessions open (--max-sessions)\n"
            )
        self.sessions += 1
        try:
            response: web.WebSocketResponse = await super().handle_websocket(request)
        finally:
            self.sessions -= 1
        return response

    async def on_startup(self, app: Any) -> None:
        echo(f"khabar serve: open {self.url}")
        echo("(the token is the key to your corpus; press Ctrl+C to stop)")
        sys.stdout.flush()
