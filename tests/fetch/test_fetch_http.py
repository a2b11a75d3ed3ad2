"""The polite client on the local site: validators, redirects, errors, caps, spacing, robots."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest

from reader.fetch.http import USER_AGENT, Client, FetchError, Limits, retry_after_seconds
from tests.fetch.site import Answer, Hit, Site

QUICK = Limits(delay=0.0, connect_timeout=1.0, read_timeout=0.5, total_timeout=3.0)


@pytest.fixture
def client() -> Iterator[Client]:
    with Client(QUICK) as http:
        yield http


def test_conditional_get_sends_the_validators_and_gets_304(site: Site, client: Client) -> None:
    def answer(hit: Hit) -> Answer:
        if hit.headers.get("if-none-match") == '"v1"':
            return Answer(304, headers={"ETag": '"v1"'})
        return Answer(body=b"<rss/>", headers={"ETag": '"v1"', "Last-Modified": "Mon, 06 May 2019"})

    url = site.route("/feed.xml", answer)
    first = client.get(url)
    assert first.status == 200 and first.headers["etag"] == '"v1"'
    second = client.get(url, etag='"v1"', last_modified="Mon, 06 May 2019")
    assert second.not_modified and second.body == b""
    sent = site.requested("/feed.xml")[1].headers
    assert sent["if-none-match"] == '"v1"'
    assert sent["if-modified-since"] == "Mon, 06 May 2019"
    assert sent["user-agent"] == USER_AGENT


def test_permanent_redirects_are_reported_temporary_ones_are_not(
    site: Site, client: Client
) -> None:
    site.route("/old", Answer(301, headers={"Location": "/newer"}))
    site.route("/newer", Answer(308, headers={"Location": f"{site.base}/new"}))
    site.route("/new", Answer(body=b"here"))
    site.route("/for-now", Answer(302, headers={"Location": "/new"}))
    site.route("/moved-then-for-now", Answer(301, headers={"Location": "/for-now"}))
    moved = client.get(f"{site.base}/old")
    assert (moved.body, moved.url, moved.permanent_url) == (b"here", f"{site.base}/new", moved.url)
    assert client.get(f"{site.base}/for-now").permanent_url is None
    assert client.get(f"{site.base}/moved-then-for-now").permanent_url == f"{site.base}/for-now"


def test_redirect_loops_end(site: Site, client: Client) -> None:
    site.route("/loop", Answer(302, headers={"Location": "/loop"}))
    with pytest.raises(FetchError, match="redirects"):
        client.get(f"{site.base}/loop")
    assert len(site.requested("/loop")) == QUICK.max_redirects + 1


@pytest.mark.parametrize(
    ("status", "words"),
    [(410, "gone"), (404, "not found"), (500, "server error"), (403, "refused")],
)
def test_error_statuses_in_plain_words(site: Site, client: Client, status: int, words: str) -> None:
    url = site.route("/x", Answer(status))
    with pytest.raises(FetchError, match=words) as caught:
        client.get(url)
    assert caught.value.status == status


def test_429_retry_after_is_read_and_the_host_is_left_alone(site: Site, client: Client) -> None:
    url = site.route("/busy", Answer(429, headers={"Retry-After": "120"}))
    with pytest.raises(FetchError, match="asked to wait 2 minutes") as caught:
        client.get(url)
    assert caught.value.retry_after == 120
    with pytest.raises(FetchError, match="asked to wait"):
        client.get(site.route("/other", Answer(body=b"fine")))
    assert site.requested("/other") == []  # the same host is not asked again in this run


def test_retry_after_as_an_http_date() -> None:
    asked = datetime(2015, 10, 21, 7, 26, 30, tzinfo=UTC)
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", asked) == 90.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", asked + timedelta(hours=1)) == 0.0
    assert retry_after_seconds("30", asked) == 30.0
    assert retry_after_seconds("soon", asked) is None


def test_a_slow_server_times_out(site: Site, client: Client) -> None:
    url = site.route("/slow", Answer(body=b"late", pause=1.5))
    with pytest.raises(FetchError, match="stopped answering"):
        client.get(url)


@pytest.mark.parametrize("chunked", [False, True])
def test_oversized_bodies_are_refused(site: Site, chunked: bool) -> None:
    url = site.route("/huge", Answer(body=b"x" * 300_000, chunked=chunked))
    with Client(Limits(delay=0.0, max_bytes=100_000)) as small:
        with pytest.raises(FetchError, match="too large"):
            small.get(url)
        assert small.get(site.route("/fits", Answer(body=b"y" * 90_000))).body == b"y" * 90_000


def test_requests_to_one_host_are_spaced_by_the_delay(site: Site) -> None:
    paths = [f"/p{n}" for n in range(5)]
    for path in paths:
        site.route(path, Answer(body=b"ok"))
    delay = 0.2
    with Client(Limits(delay=delay, connections=4)) as polite, ThreadPoolExecutor(4) as pool:
        list(pool.map(polite.get, [site.base + p for p in paths]))
    arrivals = sorted(hit.at for hit in site.hits)
    assert len(arrivals) == 5
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    assert min(gaps) >= delay


def test_robots_txt_decides_which_pages_may_be_fetched(site: Site, client: Client) -> None:
    site.route("/robots.txt", Answer(body=b"User-agent: *\nDisallow: /private/\n"))
    assert client.allowed(f"{site.base}/pages/a.html")
    assert not client.allowed(f"{site.base}/private/b.html")
    assert len(site.requested("/robots.txt")) == 1  # read once per host


def test_missing_robots_allows_and_broken_robots_forbids(site: Site) -> None:
    with Client(QUICK) as client:
        assert client.allowed(f"{site.base}/pages/a.html")  # 404: no rules
    site.route("/robots.txt", Answer(503))
    with Client(QUICK) as client:
        assert not client.allowed(f"{site.base}/pages/a.html")


def test_non_http_addresses_are_refused(client: Client) -> None:
    with pytest.raises(FetchError, match="not an http"):
        client.get("file:///etc/passwd")
