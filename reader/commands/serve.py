"""`khabar serve`: the same reader in a browser on localhost, through textual-serve."""

from __future__ import annotations

import argparse
import shlex
import sys

NAME = "serve"
HELP = "serve the reader in a web browser on localhost (textual-serve)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="port on localhost (8000)")
    parser.add_argument(
        "--bidi",
        choices=("app", "off"),
        default="app",
        help="app (default): the browser terminal has no bidi of its own, so khabar orders "
        "and shapes Arabic itself; off: raw logical text",
    )
    parser.add_argument("--theme", default=None, help="light, dark, or a Textual theme")
    parser.add_argument(
        "--max-sessions",
        type=int,
        default=2,
        help="browser sessions open at once, each a reader process (default 2)",
    )


def run(args: argparse.Namespace) -> int:
    from reader.errors import KhabarError
    from reader.tui.themes import theme_name, unknown_theme

    if args.theme and theme_name(args.theme) is None:
        raise KhabarError(f"--theme: {unknown_theme(args.theme)}")
    try:
        from reader.web.guard import GuardedServer
    except ModuleNotFoundError:
        from reader.commands._output import echo

        echo("khabar serve needs textual-serve: pip install 'khabar[serve]'", err=True)
        return 2
    command = [sys.executable, "-m", "reader"]
    if args.db is not None:
        command += ["--db", str(args.db)]
    command += ["--bidi", args.bidi]
    if args.theme:
        command += ["--theme", args.theme]
    server = GuardedServer(
        shlex.join(command), port=args.port, max_sessions=args.max_sessions, title="khabar"
    )
    server.serve()
    return 0
