"""Issue 11, item 10: `khabar serve` on 127.0.0.1 asks for the token printed at start,
checks Host and Origin, and caps concurrent sessions. Against a real local server."""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest

from tests.support import HANG

pytestmark = pytest.mark.slow
SERVE = (sys.executable, "-m", "reader", "serve")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, str]]:
    db = tmp_path_factory.mktemp("serve") / "k.db"
    port = _free_port()
    process = subprocess.Popen(
        [*SERVE, "--db", str(db), "--port", str(port), "--max-sessions", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = ""
        for line in process.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/\?token=[\w-]+", line)
            if found:
                url = found.group()
                break
        assert url, "no URL with a token printed at start"
        token = url.split("token=")[1]
        _wait_listening(port)
        yield f"http://127.0.0.1:{port}", port, token
    finally:
        process.terminate()
        try:
            process.wait(timeout=HANG)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_listening(port: int) -> None:
    """The URL is printed as the server starts, a moment before it listens: wait for the
    port (a bound on waiting, not a timing assertion)."""
    deadline = time.monotonic() + HANG
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}")


def _browser() -> aiohttp.ClientSession:
    """A client that keeps cookies for 127.0.0.1, as a browser does (aiohttp does not)."""
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))


async def _status(url: str, **headers: str) -> int:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers) as reply:
        return reply.status


def test_the_printed_url_works_and_a_wrong_or_missing_token_does_not(
    served: tuple[str, int, str],
) -> None:
    base, _, token = served
    assert asyncio.run(_status(f"{base}/?token={token}")) == 200
    assert asyncio.run(_status(f"{base}/")) == 403
    assert asyncio.run(_status(f"{base}/?token=guessed")) == 403
    assert asyncio.run(_status(f"{base}/static/js/textual.js")) == 403


def test_a_foreign_host_or_origin_is_refused(served: tuple[str, int, str]) -> None:
    base, port, token = served
    url = f"{base}/?token={token}"
    assert asyncio.run(_status(url, Host=f"evil.example:{port}")) == 403
    assert asyncio.run(_status(url, Origin="http://evil.example")) == 403
    assert asyncio.run(_status(url, Origin=f"http://localhost:{port}")) == 200


async def _sessions(base: str, token: str, origin: str) -> tuple[str, str]:
    """Open a session with the page's cookie, then try a second one while it is open."""
    async with _browser() as session:
        async with session.get(f"{base}/?token={token}") as reply:
            assert reply.status == 200
        results = []
        first = await session.ws_connect(f"{base}/ws", headers={"Origin": origin})
        results.append("open")
        try:
            second = await session.ws_connect(f"{base}/ws", headers={"Origin": origin})
            await second.close()
            results.append("open")
        except aiohttp.WSServerHandshakeError as error:
            results.append(str(error.status))
        await first.close()
        return results[0], results[1]


async def _foreign_socket(base: str, token: str) -> int:
    async with _browser() as session:
        async with session.get(f"{base}/?token={token}") as reply:
            assert reply.status == 200
        try:
            socket_ = await session.ws_connect(
                f"{base}/ws", headers={"Origin": "https://evil.example"}
            )
        except aiohttp.WSServerHandshakeError as error:
            return error.status
        await socket_.close()
        return 101


def test_websocket_origin_and_session_cap(served: tuple[str, int, str]) -> None:
    base, port, token = served
    assert asyncio.run(_foreign_socket(base, token)) == 403
    assert asyncio.run(_sessions(base, token, f"http://127.0.0.1:{port}")) == ("open", "503")


def test_serve_binds_loopback_and_caps_two_sessions_by_default(tmp_path: Path) -> None:
    from reader.cli import build_parser

    parser, _ = build_parser()
    args = parser.parse_args(["serve"])
    assert args.max_sessions == 2
