"""HTTP for feeds and pages, politely: one request at a time per host, a pause between them.

httpx does the transfers (timeouts split into connect and read, a bounded connection
pool, streaming so the size cap stops a body before it is all in memory). Redirects
are followed here, hop by hop, so every hop waits its host's turn and a chain of
permanent redirects can be reported back to the subscription. Article pages are
checked against the site's robots.txt (Protego, the parser Scrapy uses), fetched
once per host per run. Feeds are not: the user subscribed to them by name.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from reader import __version__

USER_AGENT = f"khabar/{__version__} (terminal reader for Arabic news; fetches feeds it is given)"
ROBOTS_AGENT = "khabar"
PERMANENT = frozenset({301, 308})
REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Limits:
    """How long to wait and how much to take; the defaults suit a cron run over many sites."""

    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # a server dripping bytes forever is still cut off
    max_bytes: int = 8 * 1024 * 1024
    delay: float = 1.0  # seconds between two requests to one host
    connections: int = 4  # open at once, all hosts together
    max_redirects: int = 5
    max_wait: float = 30.0  # the longest Retry-After worth waiting for inside one run
    max_crawl_delay: float = 10.0  # a robots.txt Crawl-delay is honoured up to this


class FetchError(Exception):
    """A request that brought nothing usable; the message is for the user, in plain words."""

    def __init__(
        self, reason: str, *, status: int | None = None, retry_after: float | None = None
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class Reply:
    url: str  # where the body came from, after redirects
    status: int  # 200, or 304 when the validators matched
    body: bytes
    headers: Mapping[str, str] = field(default_factory=dict)
    permanent_url: str | None = None  # the end of the leading permanent redirects, if any

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class HostGate:
    """One request at a time per host, `delay` seconds apart (end of one to start of next)."""

    def __init__(self, delay: float) -> None:
        self._delay = delay
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._not_before: dict[str, float] = {}

    def slow_down(self, host: str, delay: float) -> None:
        with self._lock:
            self._delays[host] = max(self._delays.get(host, self._delay), delay)

    def hold_off(self, host: str, seconds: float) -> None:
        with self._lock:
            until = time.monotonic() + seconds
            self._not_before[host] = max(self._not_before.get(host, 0.0), until)

    def wait_left(self, host: str) -> float:
        with self._lock:
            return self._not_before.get(host, 0.0) - time.monotonic()

    @contextmanager
    def turn(self, host: str) -> Iterator[None]:
        with self._lock:
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            with self._lock:
                ready = max(
                    self._last.get(host, -1e9) + self._delays.get(host, self._delay),
                    self._not_before.get(host, 0.0),
                )
            pause = ready - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            try:
                yield
            finally:
                with self._lock:
                    self._last[host] = time.monotonic()


class Client:
    """The one HTTP client of a fetch run, shared by its threads."""

    def __init__(self, limits: Limits, *, transport: httpx.BaseTransport | None = None) -> None:
        self.limits = limits
        self.gate = HostGate(limits.delay)
        self._http = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout),
            limits=httpx.Limits(
                max_connections=limits.connections, max_keepalive_connections=limits.connections
            ),
            follow_redirects=False,
            transport=transport,
        )
        self._robots: dict[str, Protego | None] = {}
        self._robots_lock = threading.Lock()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Reply:
        """GET `url`, following redirects; raises FetchError with the reason in plain words."""
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        permanent: str | None = None
        leading = True
        current = url
        for _ in range(self.limits.max_redirects + 1):
            status, reply_headers, body = self._one(current, headers)
            if status in REDIRECTS:
                location = reply_headers.get("location")
                if not location:
                    raise FetchError(f"redirect ({status}) without a Location", status=status)
                current = urljoin(current, location)
                if leading and status in PERMANENT:
                    permanent = current
                else:
                    leading = False
                continue
            if status == 304:
                return Reply(current, 304, b"", reply_headers, permanent)
            if 200 <= status < 300:
                return Reply(current, status, body, reply_headers, permanent)
            error = _status_error(status, reply_headers)
            host = urlsplit(current).hostname
            if error.retry_after is not None and host:
                self.gate.hold_off(host.lower(), error.retry_after)
            raise error
        raise FetchError(f"more than {self.limits.max_redirects} redirects")

    def _one(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) address: {url}")
        host = parts.hostname.lower()
        waiting = self.gate.wait_left(host)
        if waiting > self.limits.max_wait:
            raise FetchError(
                f"the server asked to wait {_duration(waiting)} before asking again",
                retry_after=waiting,
            )
        with self.gate.turn(host):
            try:
                return self._transfer(url, headers)
            except httpx.ConnectTimeout:
                raise FetchError(
                    f"no answer: could not connect within {self.limits.connect_timeout:g} s"
                ) from None
            except httpx.ReadTimeout:
                raise FetchError(
                    f"the server stopped answering (nothing for {self.limits.read_timeout:g} s)"
                ) from None
            except httpx.TimeoutException:
                raise FetchError("timed out") from None
            except httpx.ConnectError as error:
                raise FetchError(f"cannot connect to {host} ({_first_line(error)})") from None
            except (httpx.HTTPError, httpx.InvalidURL) as error:
                raise FetchError(f"transfer failed ({_first_line(error)})") from None

    def _transfer(self, url: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        cap = self.limits.max_bytes
        deadline = time.monotonic() + self.limits.total_timeout
        with self._http.stream("GET", url, headers=headers) as response:
            reply_headers = {k.lower(): v for k, v in response.headers.items()}
            status = response.status_code
            if not 200 <= status < 300:
                return status, reply_headers, b""
            declared = reply_headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise FetchError(f"too large: {int(declared) / 1e6:.1f} MB (limit {_mb(cap)})")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise FetchError(f"too large: more than {_mb(cap)}")
                if time.monotonic() > deadline:
                    raise FetchError(f"too slow: not done after {self.limits.total_timeout:g} s")
                chunks.append(chunk)
            return status, reply_headers, b"".join(chunks)

    def allowed(self, url: str) -> bool:
        """May khabar fetch this page? robots.txt says, read once per host and run.

        No robots.txt (4xx) allows everything; one that cannot be read (5xx, no answer)
        allows nothing, as RFC 9309 asks. A Crawl-delay slows that host down.
        """
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        with self._robots_lock:
            known = root in self._robots
            rules = self._robots.get(root)
        if not known:
            rules = self._read_robots(root)
            with self._robots_lock:
                self._robots[root] = rules
            if rules is not None and parts.hostname:
                delay = rules.crawl_delay(ROBOTS_AGENT)
                if delay:
                    self.gate.slow_down(
                        parts.hostname.lower(), min(float(delay), self.limits.max_crawl_delay)
                    )
        if rules is None:
            return False
        return bool(rules.can_fetch(url, ROBOTS_AGENT))

    def _read_robots(self, root: str) -> Protego | None:
        try:
            reply = self.get(f"{root}/robots.txt", accept="text/plain")
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500:
                return Protego.parse("")
            return None
        return Protego.parse(reply.body.decode("utf-8", errors="replace"))


def _status_error(status: int, headers: Mapping[str, str]) -> FetchError:
    retry = retry_after_seconds(headers.get("retry-after"))
    if status == 410:
        return FetchError("gone: the server says the address was removed (410)", status=410)
    if status == 404:
        return FetchError("not found (404)", status=404)
    if status in (401, 403):
        return FetchError(f"refused by the server ({status})", status=status)
    if status == 429:
        wait = f", asked to wait {_duration(retry)}" if retry is not None else ""
        return FetchError(f"too many requests (429){wait}", status=429, retry_after=retry)
    if status == 503:
        wait = f", asked to wait {_duration(retry)}" if retry is not None else ""
        return FetchError(f"server unavailable (503){wait}", status=503, retry_after=retry)
    if status >= 500:
        return FetchError(f"server error ({status})", status=status)
    return FetchError(f"unexpected answer ({status})", status=status)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Retry-After as seconds from `now` (the current time by default): a number of
    seconds, or an HTTP date."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "a while"
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 90 * 60:
        return f"{seconds / 60:.0f} minutes"
    return f"{seconds / 3600:.1f} hours"


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def _first_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__
