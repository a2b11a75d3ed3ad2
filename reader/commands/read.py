"""`khabar` / `khabar read`: open the reader (the default command)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.config import LAYOUTS
from reader.render.modes import MODES

NAME = "read"
HELP = "open the reader on the database (the default when no command is given)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bidi",
        choices=MODES,
        default=argparse.SUPPRESS,
        help="who orders Arabic: app (default), terminal (its own bidi), off",
    )
    parser.add_argument(
        "--theme",
        default=argparse.SUPPRESS,
        help="light, dark, or any Textual theme name",
    )
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        default=argparse.SUPPRESS,
        help="rtl: the panes mirrored, the article list on the right; ltr: on the left "
        "(default: rtl when most letters of the newest titles are Arabic)",
    )


def check_database(args: argparse.Namespace) -> None:
    """One line and no app for a database khabar must not open (foreign, or newer); an
    older one is upgraded here, where the migration's progress shows, not behind the
    app's first frame."""
    from reader.paths import default_db_path
    from reader.store.schema import upgrade_if_due

    db_path: Path = args.db or default_db_path()
    if db_path.exists() and db_path.stat().st_size > 0:
        upgrade_if_due(db_path)


def _ensure_corpus(db_path: Path) -> str | None:
    """On a new database (no file yet, or an empty one), ingest the bundled seeds before
    the app starts; a database that exists keeps exactly what its owner put in it."""
    import sqlite3

    from reader.paths import seeds_dir
    from reader.store.schema import SchemaTooNew, connect

    if db_path.exists() and db_path.stat().st_size > 0:
        return None
    try:
        conn = connect(db_path)
        try:
            empty = conn.execute("SELECT 1 FROM articles LIMIT 1").fetchone() is None
        finally:
            conn.close()
    except (sqlite3.Error, OSError, SchemaTooNew):
        return None  # the app shows the error itself
    if not empty or not seeds_dir().is_dir():
        return None
    from reader.commands._output import echo
    from reader.ingest.pipeline import ingest_paths

    echo(f"khabar: first run, adding the sample articles to {db_path} …", err=True)
    try:
        report = ingest_paths(db_path, [seeds_dir()], progress=sys.stderr.isatty())
    except (sqlite3.Error, OSError) as error:
        return f"Could not add the sample articles: {error}"
    if report.failed:
        # Without this the reader opens on "no articles yet" and never says why.
        path, reason = report.failed[0]
        more = f" (and {len(report.failed) - 1} more)" if len(report.failed) > 1 else ""
        return f"Could not add the sample article {path.name}: {reason}{more}"
    return None


def chosen_theme(flag: str | None, configured: str | None, notices: list[str]) -> str | None:
    """The theme to start with. A wrong `--theme` stops here with one line; a wrong
    `theme =` in config.toml becomes a notice in the app, which starts in its default."""
    from reader.config import config_path
    from reader.errors import KhabarError
    from reader.tui.themes import theme_name, unknown_theme

    if flag:
        if theme_name(flag) is None:
            raise KhabarError(f"--theme: {unknown_theme(flag)}")
        return flag
    if configured and theme_name(configured) is None:
        notices.append(f"{config_path()}: {unknown_theme(configured)}; using the default")
        return None
    return configured


def build_app(args: argparse.Namespace) -> object:
    from reader.config import config_path, load_config
    from reader.paths import default_db_path
    from reader.render.modes import resolve_mode
    from reader.tui.app import KhabarApp
    from reader.tui.keymap import unknown_binding_ids
    from reader.tui.ui_text import language_for

    config = load_config()
    db_path: Path = args.db or default_db_path()
    notices = list(config.problems)
    theme = chosen_theme(getattr(args, "theme", None), config.theme, notices)
    unknown = unknown_binding_ids(config.keys)
    if unknown:
        notices.append(
            f"{config_path()}: [keys] has no binding {', '.join(unknown)}; "
            "press ? for the ids it accepts"
        )
    keymap = {k: v for k, v in config.keys.items() if k not in unknown}
    problem = _ensure_corpus(db_path)
    if problem:
        notices.append(problem)
    try:
        mode = resolve_mode(getattr(args, "bidi", None), config.bidi)
    except ValueError as error:
        notices.append(str(error))
        mode = resolve_mode("app")
    return KhabarApp(
        db_path,
        bidi=mode,
        theme=theme,
        layout=getattr(args, "layout", None) or config.layout,
        keymap=keymap,
        notices=tuple(notices),
        max_width=config.max_width,
        language=language_for(config.ui_language, os.environ),
        views=config.views,
    )


def run(args: argparse.Namespace) -> int:
    from reader.tui.app import KhabarApp
    from reader.tui.terminal_bidi import restore_terminal

    check_database(args)
    app = build_app(args)
    assert isinstance(app, KhabarApp)
    try:
        app.run()
    finally:
        restore_terminal()
    return int(app.return_code or 0)
