"""sundplan_qgis.provenance: the record written with every output."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import numpy as np

from sundplan_qgis import __version__, provenance


def test_record_has_parameters_versions_and_time():
    record = provenance.provenance(
        {"SEED": 2027, "OUT": Path("/tmp/x.gpkg"), "W": np.float64(1.5), "N": float("nan")},
        algorithm="sundplan:test",
        extra_versions={"qgis": "3.40.6"},
    )
    assert record["algorithm"] == "sundplan:test"
    assert record["parameters"] == {"SEED": 2027, "OUT": "/tmp/x.gpkg", "W": 1.5, "N": None}
    versions = record["versions"]
    for key in ("sundplan", "python", "numpy", "scipy", "pandas", "geopandas", "pyproj"):
        assert versions[key], key
    for key in ("rasterio", "gdal"):
        assert key in versions
    assert versions["qgis"] == "3.40.6"
    assert versions["numpy"] == np.__version__
    assert record["platform"]
    stamp = datetime.fromisoformat(record["timestamp_utc"])
    assert stamp.utcoffset().total_seconds() == 0


def test_version_matches_metadata_txt():
    metadata = Path(provenance.PLUGIN_DIR, "metadata.txt")
    line = next(
        x for x in metadata.read_text(encoding="utf-8").splitlines() if x.startswith("version=")
    )
    assert provenance.sundplan_version() == line.split("=", 1)[1].strip()
    assert provenance.sundplan_version() == __version__


def test_json_round_trip_and_unicode():
    text = provenance.provenance_json({"NAME": "Sundhedsråd Sjælland", "L": (1, 2)}, algorithm="a")
    record = json.loads(text)
    assert record["parameters"] == {"NAME": "Sundhedsråd Sjælland", "L": [1, 2]}
    assert "Sundhedsråd" in text  # not escaped


def test_unknown_objects_become_strings():
    class Thing:
        def __str__(self):
            return "thing"

    assert provenance.provenance({"X": Thing()}, algorithm="a")["parameters"] == {"X": "thing"}
