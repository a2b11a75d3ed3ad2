"""Test helpers importable from any test module (`from tests.support import …`)."""

from __future__ import annotations

import os
import shutil

import pytest

# How long a test waits for a subprocess or a port before calling it stuck: only a
# bound on waiting, never a timing assertion, so it is sized for a 2-core machine at
# load 20-30 (others' suites and benchmarks beside this one), where an ingest of a few
# thousand files takes minutes.
HANG = 600.0


def require_tool(name: str) -> str:
    """Path to an external tool; skipped locally when absent, a failure under CI."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed; .ci/run must install it")
        pytest.skip(f"{name} is not installed")
    return path
