"""The README's qgis_process examples run as written (paths moved into a temporary folder)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from .conftest import REPO_DIR

pytestmark = pytest.mark.slow


def readme_commands() -> list[str]:
    text = (REPO_DIR / "README.md").read_text("utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, re.S)
    # Examples that need data we do not have offline (a Denmark .osm.pbf) are skipped.
    return [b for b in blocks if "qgis_process run" in b and "denmark-latest" not in b]


def test_readme_has_the_examples():
    ids = {m for b in readme_commands() for m in re.findall(r"sundplan:\w+", b)}
    assert {
        "sundplan:reference_data",
        "sundplan:sample_data",
        "sundplan:catchments",
        "sundplan:gp_density",
        "sundplan:fca_access",
        "sundplan:specialist_gaps",
        "sundplan:map_report",
    } <= ids


def test_readme_examples_run(qgis_process_env, tmp_path):
    script = "set -euo pipefail\nS=/tmp/sample\n" + "\n".join(readme_commands())
    for folder in ("/tmp/sample", "/tmp/out", "/tmp/ref"):
        script = script.replace(folder, str(tmp_path / Path(folder).name))
    proc = subprocess.run(
        ["bash", "-c", script], env=qgis_process_env, capture_output=True, text=True, timeout=900
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    out = tmp_path / "out"
    for name in ("travel_time.tif", "catchments.gpkg", "gp_density.gpkg", "gaps.gpkg"):
        assert (out / name).is_file(), name
    assert (out / "rejsetid_pr_kommune.pdf").stat().st_size > 10_000
