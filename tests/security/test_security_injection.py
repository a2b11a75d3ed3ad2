"""Issue 11, item 1: no escape or control from a title, body, URL, author or file name
reaches a human-readable output; JSON output escapes every one of them and keeps the
text as given."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hostile_corpus import FORBIDDEN, PAYLOADS, forbidden

from reader.cli import main

PERSON = "وقال الرئيس الروسي فلاديمير بوتين إن بوتين سيزور القاهرة."


def _hostile(name: str) -> str:
    return PAYLOADS[name]


def _json_line(record: dict[str, Any]) -> str:
    """A JSON line as a scraper writes it: Arabic as is, controls as \\u escapes."""
    text = json.dumps(record, ensure_ascii=False)
    return FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def _write_corpus(folder: Path) -> list[dict[str, Any]]:
    folder.mkdir()
    records = []
    for name, payload in PAYLOADS.items():
        record = {
            "title": f"عنوان {payload} الخبر",
            "body": f"{PERSON} {payload} " + "وأضاف أن الاجتماع سيبحث العلاقات الثنائية. " * 4,
            "url": f"https://example.com/{payload}/a",
            "author": f"كاتب {payload}",
        }
        records.append(record)
        safe = payload.replace("\x00", "").replace("/", "")
        target = folder / f"news-{name}-{safe}.jsonl"
        target.write_text(_json_line(record), encoding="utf-8")
        bad = folder / f"broken-{name}-{safe}.txt"
        bad.write_bytes(b"")
    return records


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[dict[str, Any]]]:
    root = tmp_path_factory.mktemp("hostile")
    records = _write_corpus(root / "in")
    db = root / "k.db"
    assert main(["ingest", "--db", str(db), "--workers", "1", str(root / "in")]) == 0
    return root, db, records


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        status = main(argv)
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_ingest_summary_names_hostile_files_safely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_corpus(tmp_path / "in")
    status, out, err = _run(
        ["ingest", "--db", str(tmp_path / "k.db"), "--no-entities", str(tmp_path / "in")], capsys
    )
    assert status == 0
    assert err.count("failed: ") == len(PAYLOADS)
    assert forbidden(out + err) == []


@pytest.mark.parametrize(
    "command", [["people"], ["stats"], ["stats", "--top", "50"]], ids=lambda c: " ".join(c)
)
def test_text_outputs_carry_no_control(
    command: list[str],
    corpus: tuple[Path, Path, list[dict[str, Any]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, db, _ = corpus
    status, out, err = _run([*command, "--db", str(db)], capsys)
    assert status == 0, err
    assert out.strip()
    assert forbidden(out + err) == []


def test_people_lists_the_hostile_articles(
    corpus: tuple[Path, Path, list[dict[str, Any]]], capsys: pytest.CaptureFixture[str]
) -> None:
    _, db, _ = corpus
    _, out, _ = _run(["people", "--db", str(db)], capsys)
    assert out.count("news-") == len(PAYLOADS)


@pytest.mark.parametrize(
    "command", [["people", "--json"], ["stats", "--json"], ["export"]], ids=lambda c: c[0]
)
def test_json_outputs_escape_every_control(
    command: list[str],
    corpus: tuple[Path, Path, list[dict[str, Any]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, db, _ = corpus
    status, out, err = _run([*command, "--db", str(db)], capsys)
    assert status == 0, err
    assert forbidden(out.replace("\n", "")) == []
    assert forbidden(err) == []


def test_export_keeps_urls_and_paths_as_given(
    corpus: tuple[Path, Path, list[dict[str, Any]]], capsys: pytest.CaptureFixture[str]
) -> None:
    _, db, _ = corpus
    _, out, _ = _run(["export", "--db", str(db)], capsys)
    exported = [json.loads(line) for line in out.splitlines()]
    stored_urls = {r["url"] for r in exported}
    assert "https://example.com/\u202e\u2066\u200f/a" in stored_urls
    assert any("\x1b]52;c;" in r["source_path"] for r in exported)


def test_entities_json_escapes_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "t.txt"
    text.write_text(PERSON + "".join(PAYLOADS.values()), encoding="utf-8")
    status, out, err = _run(["entities", str(text)], capsys)
    assert status == 0, err
    assert forbidden(out.replace("\n", "")) == []
    lines = tmp_path / "t.jsonl"
    lines.write_text(
        json.dumps({"id": "\u202e\x9b", "text": PERSON}) + "\n{bad \x1b]2;x\x07\n", encoding="utf-8"
    )
    status, out, err = _run(["entities", "--jsonl", str(lines)], capsys)
    assert status == 1
    assert json.loads(out.splitlines()[0])["id"] == "\u202e\x9b"
    assert forbidden(out.replace("\n", "") + err.replace("\n", "")) == []


@pytest.mark.parametrize("payload", list(PAYLOADS), ids=str)
def test_errors_and_argument_echoes_carry_no_control(
    payload: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = _hostile(payload).replace("\x00", "")
    outputs = []
    for argv in (
        ["stats", "--db", str(tmp_path / f"missing{hostile}.db")],
        ["render", str(tmp_path / f"missing{hostile}.txt")],
        ["entities", str(tmp_path / f"missing{hostile}.txt")],
        ["render", "--bidi", hostile],
        ["stats", "--top", hostile],
        [f"nosuch{hostile}"],
    ):
        status, out, err = _run(argv, capsys)
        assert status != 0
        outputs.append(out + err)
    text = "".join(outputs)
    assert "Traceback" not in text
    assert forbidden(text.replace("\n", "")) == []


def test_render_output_carries_no_control(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    text = tmp_path / "t.txt"
    text.write_text(PERSON + "".join(PAYLOADS.values()) + "\nسطر ثان", encoding="utf-8")
    assert main(["render", "--width", "40", str(text)]) == 0
    out = capfdbinary.readouterr().out.decode("utf-8")
    assert forbidden(out.replace("\n", "")) == []
