"""The README's "Hele Danmark" commands run verbatim, with Denmark's 2021 main-road network
(OSM, ``../shared/data/osm-roads-dk-2021``) standing in for ``denmark-latest.osm.pbf``."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from .conftest import REPO_DIR

pytestmark = pytest.mark.slow


def national_block() -> str:
    text = (REPO_DIR / "README.md").read_text("utf-8")
    section = text.split("## Hele Danmark", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"```bash\n(.*?)```", section, re.S)
    return block


def test_national_example_runs_on_the_main_roads(qgis_process_env, shared_data, tmp_path):
    roads = shared_data / "osm-roads-dk-2021" / "dk_roads_osm2021_z13.gpkg"
    block = national_block()
    assert "NET=/data/denmark-latest.osm.pbf" in block and "D=/tmp/dk" in block
    # the only changes: the stand-in network (a line layer: its class field) and the folder
    script = block.replace("NET=/data/denmark-latest.osm.pbf", f"NET={roads}")
    script = script.replace("NETWORK_FILE=$NET", "NETWORK_FILE=$NET CLASS_FIELD=class")
    script = script.replace("D=/tmp/dk", f"D={tmp_path}")
    proc = subprocess.run(
        ["bash", "-c", "set -euo pipefail\n" + script],
        env=qgis_process_env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    report = json.loads((tmp_path / "rapport.json").read_text("utf-8"))
    pop = report["population"]
    assert pop["total"] == pytest.approx(5_840_045 - 90)  # FOLK1A 2021K1, the 98 kommuner
    assert round(pop["reached"] + pop["unsnapped"] + pop["unreachable"]) == round(pop["total"])
    assert "roads" in json.dumps(report["population"]).lower()  # placed along roads
    pdf = tmp_path / "nordjylland.pdf"
    assert pdf.stat().st_size > 10_000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed: the PDF's pages are not read")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for kommune in ("Aalborg", "Hjørring", "Thisted"):  # kommuner of Region Nordjylland
        assert kommune in text, kommune
    assert "Odense" not in text  # only the region's kommuner get pages
