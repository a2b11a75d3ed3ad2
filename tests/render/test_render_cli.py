"""`khabar render` as a user runs it: through the CLI, and on a real terminal in tmux."""

from __future__ import annotations

import shlex
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reader.cli import main
from tests.render.conftest import rtl_word
from tests.support import require_tool


def _first_paragraph(seed: Path) -> str:
    body = [p for p in seed.read_text("utf-8").split("\n") if len(p.split()) > 12]
    return body[0]


def test_cli_prints_padded_visual_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], seed_paths: list[Path]
) -> None:
    paragraph = _first_paragraph(seed_paths[0])
    source = tmp_path / "in.txt"
    source.write_text(paragraph + "\n\n\x1b]0;title\x07", "utf-8")
    assert main(["render", "--width", "40", str(source)]) == 0
    rows = capsys.readouterr().out.split("\n")
    assert rows[-1] == ""
    assert all(len(row) == 40 for row in rows[:-1])
    assert rows[0].endswith(rtl_word(paragraph.split()[0].strip("،")))
    assert "\x1b" not in "".join(rows)


def test_cli_rejects_an_unknown_mode_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    monkeypatch.setenv("KHABAR_BIDI", "sideways")
    source = tmp_path / "in.txt"
    source.write_text("نص", "utf-8")
    assert main(["render", "--width", "10", str(source)]) == 2
    assert "sideways" in capsys.readouterr().err


@pytest.mark.e2e
def test_first_words_at_the_right_end_in_tmux(seed_paths: list[Path], tmp_path: Path) -> None:
    tmux = require_tool("tmux")
    paragraph = _first_paragraph(seed_paths[0])
    source = tmp_path / "paragraph.txt"
    source.write_text(paragraph, "utf-8")
    done = tmp_path / "done"
    socket = f"khabar-render-{uuid.uuid4().hex[:8]}"
    command = (
        f"{shlex.quote(sys.executable)} -m reader render --width 40 {shlex.quote(str(source))}"
        f"; touch {shlex.quote(str(done))}; sleep 30"
    )
    base = [tmux, "-L", socket, "-f", "/dev/null"]
    env_command = f"env LANG=C.UTF-8 LC_ALL=C.UTF-8 sh -c {shlex.quote(command)}"
    subprocess.run([*base, "new-session", "-d", "-x", "80", "-y", "24", env_command], check=True)
    try:
        deadline = time.monotonic() + 20
        while not done.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert done.exists(), "khabar render did not finish in tmux"
        screen = subprocess.run(
            [*base, "capture-pane", "-p"], capture_output=True, text=True, check=True
        ).stdout.split("\n")
    finally:
        subprocess.run([*base, "kill-server"], check=False)
    first_row = screen[0].rstrip(" ")
    first_word = paragraph.split()[0].strip("،")
    assert len(first_row) == 40
    assert first_row.endswith(rtl_word(first_word))
    assert rtl_word(paragraph.split()[-1].strip(".")) not in screen[0]


def test_cli_one_line_errors_for_a_directory_or_a_missing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", "--width", "10", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"khabar render: {tmp_path}: Is a directory\n"
    missing = tmp_path / "missing.txt"
    assert main(["render", "--width", "10", str(missing)]) == 1
    assert capsys.readouterr().err == f"khabar render: {missing}: No such file or directory\n"


def test_cli_empty_file_prints_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    assert main(["render", "--width", "10", str(source)]) == 0
    assert capsys.readouterr() == ("", "")


def test_cli_invalid_utf8_warns_once_and_still_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(b"abc\xff\xfe \xd8\xa8")
    assert main(["render", "--width", "10", "--bidi", "off", str(source)]) == 0
    out, err = capsys.readouterr()
    assert out == "abc\ufffd\ufffd \u0628   \n"
    assert err.count("\n") == 1
    assert "not valid UTF-8" in err and "offset 3" in err
