"""The `khabar` command line.

Subcommands are discovered from `reader.commands`: every module there exposes
`NAME`, `HELP`, `add_arguments(parser)` and `run(args) -> int`, so a room can add
its command without touching this file. Command modules keep heavy imports
(Textual, trafilatura, the NER model) inside `run`, so `khabar --help` and
`khabar render` start fast.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import reader.commands
from reader import __version__
from reader.commands._output import echo
from reader.errors import KhabarError
from reader.render.sanitize import terminal_text

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

DEFAULT_COMMAND = "read"


class _Parser(argparse.ArgumentParser):
    """argparse echoes what it was given (an invalid choice, an unknown command): its help,
    usage and errors go through the same sanitiser as every other message."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            (file or sys.stderr).write(terminal_text(message))


def _command_modules() -> dict[str, ModuleType]:
    modules: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(reader.commands.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"reader.commands.{info.name}")
        modules[module.NAME] = module
    return modules


def _common_options() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="SQLite database to use (default: khabar.db in the XDG data directory)",
    )
    return common


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, ModuleType]]:
    modules = _command_modules()
    common = _common_options()
    parser = _Parser(
        prog="khabar",
        description="A terminal reader for Arabic news. With no command, opens the reader.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"khabar {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in modules.items():
        sub = subparsers.add_parser(
            name, help=module.HELP, description=module.HELP, parents=[common]
        )
        module.add_arguments(sub)
    if DEFAULT_COMMAND in modules:
        modules[DEFAULT_COMMAND].add_arguments(parser)
    return parser, modules


def main(argv: Sequence[str] | None = None) -> int:
    parser, modules = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "db"):
        args.db = None
    command = args.command or DEFAULT_COMMAND
    if command not in modules:
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(modules[command].run(args))
    except KhabarError as error:
        echo(f"khabar: {error}", err=True)
        return 1
    except sqlite3.DatabaseError as error:
        echo(f"khabar: database error: {error}", err=True)
        return 1
    except KeyboardInterrupt:
        echo("khabar: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
