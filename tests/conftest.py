"""Shared fixtures: the location of ../shared/data and a skip when it is absent."""

from __future__ import annotations

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
