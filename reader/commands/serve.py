"""`khabar serve`: the same reader in a browser on localhost, through textual-serve."""

from __future__ import annotations

import argparse
import shlex
import sys

NAME = "serve"
HELP = "serve the reader in a web browser on localhost (textual-serve)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="port on localhost (8000)")
    parser.add_argument("--bidi", choices=("app", "terminal", "off"), default=None)
    parser.add_argument("--theme", default=None, help="light, dark, or a Textual theme")


def run(args: argparse.Namespace) -> int:
    try:
        from textual_serve.server import Server
    except ModuleNotFoundError:
        from reader.commands._output import echo

        echo("khabar serve needs textual-serve: pip install 'khabar[serve]'", err=True)
        return 2
    command = [sys.executable, "-m", "reader"]
    if args.db is not None:
        command += ["--db", str(args.db)]
    if args.bidi:
        command += ["--bidi", args.bidi]
    if args.theme:
        command += ["--theme", args.theme]
    server = Server(shlex.join(command), host="localhost", port=args.port, title="khabar")
    server.serve()
    return 0
