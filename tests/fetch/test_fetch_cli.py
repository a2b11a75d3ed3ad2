"""`khabar feeds …` and `khabar fetch` as a person (or cron) runs them, config file included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.config import config_path
from reader.fetch.settings import load_fetch_settings
from tests.fetch.site import Answer, Site

SITE_PAGE = """<!DOCTYPE html><html><head><title>موقع</title>
<link rel="alternate" type="application/rss+xml" title="كل الأخبار" href="/rss.xml">
<link rel="alternate" type="application/atom+xml" href="{base}/atom.xml">
</head><body><p>الصفحة الرئيسية</p></body></html>"""


@pytest.fixture
def config() -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[fetch]\ndelay = 0\ntimeout = 2\nfull = false\n", encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_add_discovers_the_feeds_a_site_announces(
    site: Site, db_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site.feed("/rss.xml", "rss2.xml")
    site.feed("/atom.xml", "atom.xml")
    page = SITE_PAGE.replace("{base}", site.base).encode()
    site.route("/", Answer(body=page, headers={"Content-Type": "text/html; charset=utf-8"}))
    code, out, _ = _run(
        capsys, "feeds", "add", f"{site.base}/", "--tag", "test", "--db", str(db_path)
    )
    assert code == 0
    assert f"subscribed: [1] أخبار الاختبار <{site.base}/rss.xml> (3 items now)" in out
    assert f"the site also offers: {site.base}/atom.xml (خلاصة أتوم)" in out
    code, out, _ = _run(capsys, "feeds", "list", "--db", str(db_path))
    assert "أخبار الاختبار [test]" in out and "never fetched; due now" in out


def test_add_refuses_what_offers_no_feed(
    site: Site, db_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site.route("/plain", Answer(body=b"<html><body><p>nothing here</p></body></html>"))
    code, _, err = _run(capsys, "feeds", "add", f"{site.base}/plain", "--db", str(db_path))
    assert code == 1 and "no feed found" in err


def test_fetch_prints_a_line_per_feed_and_quiet_prints_only_problems(
    site: Site, db_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    _run(capsys, "feeds", "add", site.feed("/rss.xml", "rss091.xml"), "--db", db)
    _run(capsys, "feeds", "add", "--no-check", site.route("/down.xml", Answer(503)), "--db", db)
    code, _, err = _run(capsys, "fetch", "--workers", "0", "--no-entities", "--db", db)
    assert code == 0
    assert "[1] نشرة قديمة: 2 new articles" in err
    assert "[2] " in err and "failed: server unavailable (503); next try after" in err
    assert "2 feeds: 2 new articles, 1 feeds failed" in err
    code, out, err = _run(
        capsys, "fetch", "--workers", "0", "--no-entities", "--all", "--quiet", "--db", db
    )
    assert code == 0 and out == ""
    assert err.count("\n") == 1 and "server unavailable (503)" in err


def test_fetch_exit_status_is_one_when_every_feed_failed(
    site: Site, db_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    _run(capsys, "feeds", "add", "--no-check", site.route("/x.xml", Answer(500)), "--db", db)
    assert _run(capsys, "fetch", "--workers", "0", "--no-entities", "--db", db)[0] == 1
    code, _, err = _run(capsys, "fetch", "--workers", "0", "--no-entities", "--db", db)
    assert code == 0 and "no feed is due" in err


def test_import_newsboat_export_opml_import_again(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = tmp_path / "urls"
    urls.write_text(
        'https://a.example/rss news "~الأولى"\nhttps://b.example/feed world news\n'
        '"query:Unread:unread = \\"yes\\""\n',
        encoding="utf-8",
    )
    code, out, _ = _run(capsys, "feeds", "import", str(urls), "--db", str(db_path))
    assert code == 0 and "imported 2 feeds (2 new, 0 already subscribed), 1 skipped" in out
    opml = tmp_path / "feeds.opml"
    _run(capsys, "feeds", "export", "-o", str(opml), "--db", str(db_path))
    other = tmp_path / "other.db"
    _run(capsys, "feeds", "import", str(opml), "--db", str(other))
    _, first, _ = _run(capsys, "feeds", "export", "--format", "newsboat", "--db", str(db_path))
    _, second, _ = _run(capsys, "feeds", "export", "--format", "newsboat", "--db", str(other))
    assert (
        first
        == second
        == 'https://a.example/rss news "~الأولى"\nhttps://b.example/feed world news\n'
    )
    _, again, _ = _run(capsys, "feeds", "import", str(opml), "--db", str(db_path))
    assert "(0 new, 2 already subscribed)" in again


def test_remove_by_tag_keeps_the_articles(
    site: Site, db_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(db_path)
    _run(capsys, "feeds", "add", site.feed("/rss.xml", "rss091.xml"), "--tag", "old", "--db", db)
    _run(capsys, "fetch", "--workers", "0", "--no-entities", "--db", db)
    code, out, _ = _run(capsys, "feeds", "remove", "old", "--db", db)
    assert code == 0 and "removed: [1] نشرة قديمة" in out
    assert "no feeds yet" in _run(capsys, "feeds", "list", "--db", db)[1]
    assert "articles       2" in _run(capsys, "stats", "--db", db)[1]


def test_the_shipped_sample_opml_imports(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = Path(__file__).resolve().parents[2] / "examples" / "arabic-news.opml"
    code, out, _ = _run(capsys, "feeds", "import", str(sample), "--db", str(db_path))
    assert code == 0 and "0 skipped" in out
    assert int(out.split()[1]) >= 5


def test_config_settings_and_their_problems(config: Path) -> None:
    config.write_text(
        "[fetch]\nreload = 30\nmax_items = 0\nfull = 'yes'\n"
        "[fetch.feed.sport]\nreload = 5\nfull = false\n"
        '[[fetch.ignore]]\ntitle = "^إعلان"\n'
        '[[fetch.ignore]]\nurl = "(unclosed"\n',
        encoding="utf-8",
    )
    settings = load_fetch_settings()
    assert settings.reload == 30 and settings.max_items == 50 and settings.full is True
    assert settings.feeds["sport"].reload == 5 and settings.feeds["sport"].full is False
    assert len(settings.ignore) == 1
    assert len(settings.problems) == 3
    assert any("max_items" in p for p in settings.problems)
    assert any("not a valid pattern" in p for p in settings.problems)
    assert os.fspath(config) in settings.problems[0]


def test_hostile_feed_titles_never_reach_the_terminal(
    site: Site, db_path: Path, config: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>أخبار&#x1b;]52;c;ZXZpbA==&#x7;'
        "</title><item><title>خبر&#x9b;2J</title><link>/p</link>"
        "<description>نص الخبر.</description></item></channel></rss>"
    )
    url = site.route("/evil.xml", Answer(body=feed.encode()))
    db = str(db_path)
    _, added, _ = _run(capsys, "feeds", "add", url, "--db", db)
    _, _, fetched = _run(capsys, "fetch", "--workers", "0", "--no-entities", "--db", db)
    _, listed, _ = _run(capsys, "feeds", "list", "--db", db)
    _, opml, _ = _run(capsys, "feeds", "export", "--db", db)
    for text in (added, fetched, listed, opml):
        assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert "أخبار]52;c;ZXZpbA==" in listed
