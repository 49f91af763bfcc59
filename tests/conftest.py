"""Shared fixtures: the location of ../shared/data and a skip when it is absent."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_DIR.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Path to ../shared/data; skips the test with a clear reason when it is not there."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"needs the project's shared data at {SHARED_DATA} (present in CI)")
    return SHARED_DATA


# QGIS (started by pytest-qgis) segfaults while the interpreter tears down its Qt objects
# after exitQgis (see ../shared/docs/qgis-env-notes.md), which would turn a green run into
# exit code 139. Once pytest has reported everything, end the process with pytest's own
# exit status instead of going through that teardown.
_EXIT_STATUS: dict[str, int] = {}


def pytest_sessionfinish(session, exitstatus):
    _EXIT_STATUS["code"] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    if "code" in _EXIT_STATUS and "qgis" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS["code"])
