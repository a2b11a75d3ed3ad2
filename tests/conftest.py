"""Shared fixtures: an isolated home, the bundled seeds and the gold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# No wall-clock bound in the suite: Hypothesis's per-example deadline and its "input
# generation is slow" check both fail on a loaded machine, not on a slow program.
settings.register_profile("khabar", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("khabar")

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the user's real database or config."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("KHABAR_DB", raising=False)


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((TESTS / "data" / "seed-gold.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))
