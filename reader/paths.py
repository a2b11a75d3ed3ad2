"""Where khabar's files live, for an installed wheel and for a source checkout alike.

The wheel carries `seeds/` and `styles/` as `reader/_data/…` (see pyproject);
an editable install or a plain checkout has them at the repository's top level.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "khabar"


def _bundled(name: str) -> Path:
    """Beside this file, not through importlib.resources: the package is never imported
    from a zip (the styles are read as files), and importlib.resources' readers pull
    zipfile into the reader's start-up."""
    packaged = Path(__file__).resolve().parent / "_data" / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / name


def seeds_dir() -> Path:
    return _bundled("seeds")


def styles_dir() -> Path:
    return _bundled("styles")


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def saved_dir() -> Path:
    """Where the reader offers to save articles and export lists: the user's documents
    folder (XDG_DOCUMENTS_DIR, else ~/Documents), under khabar/."""
    return Path(platformdirs.user_documents_dir()) / APP_NAME


def default_db_path() -> Path:
    """`KHABAR_DB` wins so tests and scripts can redirect every command at once."""
    env = os.environ.get("KHABAR_DB")
    if env:
        return Path(env)
    return data_dir() / "khabar.db"
