"""`khabar feeds add|list|remove|import|export`: the subscriptions `khabar fetch` reads."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.commands._output import echo, json_text

if TYPE_CHECKING:
    from reader.store.feeds import Feed

NAME = "feeds"
HELP = "subscribe to feeds (a feed or a site URL), list, remove, import and export them"


def _db_option() -> argparse.ArgumentParser:
    """--db after the action too (`khabar feeds list --db X`), as every other command takes it."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--db", type=Path, default=argparse.SUPPRESS, help="SQLite database")
    return parent


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    common = _db_option()
    add = actions.add_parser(
        "add", help="subscribe to a feed URL, or the feed a site announces", parents=[common]
    )
    add.add_argument("url", metavar="URL")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeatable)")
    add.add_argument("--title", help="your name for the feed (default: the feed's own title)")
    add.add_argument(
        "--no-check", action="store_true", help="store the URL as given, without fetching it"
    )
    listing = actions.add_parser(
        "list", help="the feeds, their state and article counts", parents=[common]
    )
    listing.add_argument("--json", action="store_true", help="one JSON object per feed")
    remove = actions.add_parser("remove", help="unsubscribe (the articles stay)", parents=[common])
    remove.add_argument("selector", metavar="ID|TAG|URL")
    imports = actions.add_parser(
        "import", help="subscribe to an OPML or newsboat file's feeds", parents=[common]
    )
    imports.add_argument("file", metavar="FILE", help="OPML, or newsboat's urls file; - for stdin")
    export = actions.add_parser(
        "export", help="the subscriptions as OPML (or newsboat urls)", parents=[common]
    )
    export.add_argument("--format", choices=("opml", "newsboat"), default="opml")
    export.add_argument("-o", "--output", type=Path, help="write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    from reader.paths import default_db_path
    from reader.store.schema import connect

    conn = connect(Path(args.db or default_db_path()))
    try:
        action = {
            "add": _add,
            "list": _list,
            "remove": _remove,
            "import": _import,
            "export": _export,
        }[args.action]
        return action(conn, args)
    finally:
        conn.close()


def _add(conn: sqlite3.Connection, args: argparse.Namespace) -> int:
    from reader.fetch.discover import discover_feeds
    from reader.fetch.http import Client, FetchError
    from reader.fetch.settings import load_fetch_settings
    from reader.store.feeds import add_feed

    if args.no_check:
        feed, new = add_feed(conn, args.url, title=args.title, tags=args.tag)
        echo(f"{'subscribed' if new else 'already subscribed'}: [{feed.id}] {feed.url}")
        return 0
    with Client(load_fetch_settings().limits()) as client:
        try:
            found = discover_feeds(client, args.url)
        except FetchError as error:
            echo(f"khabar: {args.url}: {error.reason}", err=True)
            return 1
    first, others = found[0], found[1:]
    feed, new = add_feed(
        conn,
        first.url,
        title=args.title or first.feed.title,
        tags=args.tag,
        site_url=first.feed.site_url,
    )
    state = "subscribed" if new else "already subscribed"
    echo(f"{state}: [{feed.id}] {feed.name} <{feed.url}> ({len(first.feed.items)} items now)")
    for other in others:
        echo(f"  the site also offers: {other.url} ({other.feed.title or 'untitled'})")
    return 0


def _list(conn: sqlite3.Connection, args: argparse.Namespace) -> int:
    from reader.store.feeds import all_feeds, article_counts

    feeds = all_feeds(conn)
    counts = article_counts(conn)
    if args.json:
        for feed in feeds:
            record = {
                "id": feed.id,
                "url": feed.url,
                "title": feed.title,
                "tags": list(feed.tags),
                "articles": counts.get(feed.id, 0),
                "last_fetched": feed.last_fetched,
                "last_status": feed.last_status,
                "last_error": feed.last_error,
                "next_due": feed.next_due,
                "gone": feed.gone,
            }
            print(json_text(record))
        return 0
    if not feeds:
        echo("no feeds yet: khabar feeds add URL, or khabar feeds import FILE")
        return 0
    for feed in feeds:
        tags = f" [{', '.join(feed.tags)}]" if feed.tags else ""
        echo(f"{feed.id:>4}  {feed.name}{tags}  {feed.url}")
        echo(f"      {counts.get(feed.id, 0)} articles; {_state(feed)}")
    return 0


def _state(feed: Feed) -> str:
    if feed.gone:
        return "gone (410): no longer fetched"
    if feed.last_fetched is None:
        return "never fetched; due now"
    when = _short(feed.last_fetched)
    if feed.last_error:
        head = f"last fetch {when} failed: {feed.last_error} ({feed.error_count} in a row)"
    else:
        head = f"last fetched {when}"
    return f"{head}; next due {_short(feed.next_due) if feed.next_due else 'now'}"


def _short(iso: str) -> str:
    return iso.replace("T", " ").replace("+00:00", " UTC")


def _remove(conn: sqlite3.Connection, args: argparse.Namespace) -> int:
    from reader.store.feeds import remove_feed, select_feeds

    feeds = select_feeds(conn, args.selector)
    if not feeds:
        echo(f"khabar: no feed has the id, tag or URL {args.selector!r}", err=True)
        return 1
    for feed in feeds:
        remove_feed(conn, feed.id)
        echo(f"removed: [{feed.id}] {feed.name} (its articles stay)")
    return 0


def _import(conn: sqlite3.Connection, args: argparse.Namespace) -> int:
    from reader.errors import KhabarError
    from reader.fetch.lists import read_list
    from reader.store.feeds import add_feed

    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as error:
        raise KhabarError(f"{args.file}: {error.strerror or error}") from None
    try:
        imported = read_list(data)
    except ValueError as error:
        raise KhabarError(f"{args.file}: {error}") from None
    added = 0
    for entry in imported.entries:
        _, new = add_feed(
            conn, entry.url, title=entry.title, tags=entry.tags, site_url=entry.site_url
        )
        added += new
    echo(
        f"imported {len(imported.entries)} feeds ({added} new, "
        f"{len(imported.entries) - added} already subscribed), {len(imported.skipped)} skipped"
    )
    for reason in imported.skipped:
        echo(f"  skipped: {reason}")
    return 0 if imported.entries or not imported.skipped else 1


def _export(conn: sqlite3.Connection, args: argparse.Namespace) -> int:
    from reader.fetch.lists import Entry, write_newsboat, write_opml
    from reader.store.feeds import all_feeds

    entries = [Entry(f.url, f.title, f.tags, f.site_url) for f in all_feeds(conn) if not f.gone]
    data = write_opml(entries) if args.format == "opml" else write_newsboat(entries).encode()
    if args.output is not None:
        args.output.write_bytes(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    return 0
