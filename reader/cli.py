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

import reader.commands
from reader import __version__
from reader.errors import KhabarError

DEFAULT_COMMAND = "read"


def _command_modules() -> dict[str, ModuleType]:
    modules: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(reader.commands.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"reader.commands.{info.name}")
        modules[module.NAME] = module
    return modules


def _common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
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
    parser = argparse.ArgumentParser(
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
        print(f"khabar: {error}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as error:
        print(f"khabar: database error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("khabar: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
