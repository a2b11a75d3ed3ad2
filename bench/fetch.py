"""`khabar fetch` throughput against a local site: 50 feeds × 50 items, every page fetched.

    python bench/fetch.py [--feeds 50] [--items 50] [--hosts 10] [--delay 0.1] [--workers 2]

The site runs in this process, on --hosts loopback addresses (127.0.0.1, 127.0.0.2,
…), each serving its share of the feeds and their pages (seed articles). The fetch
runs in a child process, once with the politeness delay set and once with it at
zero, into a fresh database each time, with entity extraction. Printed per run:
wall time, articles stored, articles per second, and peak RSS of the fetching
process and of its largest cleaning worker. With the delay set, the bound is
(requests per host × delay) per host, hosts taken `connections` at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.fetch.site import Answer, Site, article_page, many_items_feed  # noqa: E402


def serve(feeds: int, items: int, hosts: int) -> tuple[list[Site], list[str]]:
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    sites = [Site(f"127.0.0.{n + 1}") for n in range(hosts)]
    urls: list[str] = []
    for number in range(feeds):
        site = sites[number % hosts]
        prefix = f"f{number}-"
        site.route(f"/{prefix}rss.xml", Answer(body=many_items_feed(site.base, items, prefix)))
        for item in range(items):
            page = article_page(texts[(number + item) % len(texts)], f"{prefix}{item}")
            site.route(f"/pages/{prefix}{item}.html", Answer(body=page))
        urls.append(f"{site.base}/{prefix}rss.xml")
    for site in sites:
        site.route("/robots.txt", Answer(body=b"User-agent: *\nDisallow: /private/\n"))
    return sites, urls


def child(urls: list[str], delay: float, workers: int, db: Path) -> None:
    from reader.fetch.run import fetch_feeds
    from reader.fetch.settings import FetchSettings
    from reader.store.feeds import add_feed
    from reader.store.schema import connect

    conn = connect(db)
    for url in urls:
        add_feed(conn, url)
    conn.close()
    settings = FetchSettings(delay=delay, max_items=10_000, timeout=30.0)
    start = time.perf_counter()
    report = fetch_feeds(db, settings=settings, workers=workers)
    seconds = time.perf_counter() - start
    failed = [f.error for f in report.feeds if f.error] + [
        reason for f in report.feeds for _, reason in f.failed
    ]
    figures = {
        "seconds": seconds,
        "articles": report.added,
        "summaries": sum(f.summaries for f in report.feeds),
        "failed": failed[:3],
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description="khabar fetch throughput on a local site")
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--delay", type=float, default=0.1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--child", nargs=3, metavar=("URLS", "DELAY", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        urls_file, delay, db = args.child
        urls = Path(urls_file).read_text(encoding="utf-8").split()
        child(urls, float(delay), args.workers, Path(db))
        return
    sites, urls = serve(args.feeds, args.items, args.hosts)
    requests_per_host = (args.feeds // args.hosts) * (args.items + 1) + 1
    print(
        f"{args.feeds} feeds × {args.items} items on {args.hosts} hosts "
        f"({requests_per_host} requests per host), {args.workers} cleaning workers, "
        f"load {os.getloadavg()[0]:.1f}"
    )
    try:
        with tempfile.TemporaryDirectory() as folder:
            listing = Path(folder) / "urls"
            listing.write_text("\n".join(urls), encoding="utf-8")
            for delay in (args.delay, 0.0):
                db = Path(folder) / f"delay-{delay}.db"
                command = [sys.executable, __file__, "--workers", str(args.workers)]
                command += ["--child", str(listing), str(delay), str(db)]
                out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
                figures = json.loads(out.strip().splitlines()[-1])
                rate = figures["articles"] / figures["seconds"]
                print(
                    f"delay {delay:g} s: {figures['seconds']:.1f} s, {figures['articles']} articles"
                    f" ({figures['summaries']} from summaries), {rate:.1f} articles/s;"
                    f" peak RSS {figures['rss_mb']:.0f} MB, largest worker"
                    f" {figures['worker_rss_mb']:.0f} MB; load {os.getloadavg()[0]:.1f}"
                )
                if figures["failed"]:
                    print(f"  failures, first three: {figures['failed']}")
    finally:
        for site in sites:
            site.close()


if __name__ == "__main__":
    main()
