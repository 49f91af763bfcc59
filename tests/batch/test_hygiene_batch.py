"""Parameter and output hygiene through qgis_process: each hostile case exits non-zero with
a message naming the parameter, no traceback, and writes nothing; a good run leaves
complete outputs, no temporaries, and GeoPackages out of WAL mode."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from .conftest import run_qgis_process
from .test_catchments_batch import sample_params

pytestmark = pytest.mark.slow


def _hashes(folder: Path) -> dict[str, str]:
    """Hashes of the input files. (QGIS itself may add a GDAL ``.aux.xml`` statistics file
    beside a raster it loads while checking the parameters; that is not ours to hash.)"""
    return {
        str(p): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in folder.rglob("*")
        if p.is_file() and not p.name.endswith(".aux.xml")
    }


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


CASES = {
    "nan number": ({"MAX_SNAP_M": "nan"}, "MAX_SNAP_M"),
    "inf number": ({"ACCESS_SPEED_KMH": "inf"}, "ACCESS_SPEED_KMH"),
    "unparsable expression": ({"ACTIVE_EXPRESSION": '"active" = = 1'}, "ACTIVE_EXPRESSION"),
    "unknown field in expression": ({"ACTIVE_EXPRESSION": '"aktiv" = 1'}, "ACTIVE_EXPRESSION"),
    "two outputs one path": ({"BAND_POLYGONS": "OUT/catchments.gpkg"}, "BAND_POLYGONS"),
    "report under a regular file": ({"REPORT": "OUT/afile/report.json"}, "REPORT"),
    "256-byte file name": ({"REPORT": "OUT/" + "r" * 251 + ".json"}, "REPORT"),
    "unwritable folder": ({"CATCHMENTS": "/proc/sundplan-test/c.gpkg"}, "CATCHMENTS"),
    "raster not GeoTIFF": ({"TRAVEL_TIME": "OUT/tt.png"}, "TRAVEL_TIME"),
    "report not JSON": ({"REPORT": "OUT/report.pdf"}, "REPORT"),
    "speed table 300 km/h": ({"SPEED_TABLE": "motorway,300"}, "motorway"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_hostile_parameters_fail_cleanly(qgis_process_env, sample, tmp_path, case):
    extra, named = CASES[case]
    out = tmp_path / "out"
    out.mkdir()
    (out / "afile").write_text("not a folder")
    params = sample_params(sample, out)
    for key, value in extra.items():
        params[key] = value.replace("OUT/", f"{out}/")
    before_inputs = _hashes(sample)
    data, proc = run_qgis_process(qgis_process_env, "sundplan:catchments", params, check=False)
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0, text[-2000:]
    assert "Traceback" not in text
    assert named in text, text[-2000:]
    assert _files(out) == ["afile"], _files(out)  # nothing written
    assert _hashes(sample) == before_inputs  # inputs unchanged


def test_implausible_speed_field_names_the_features(qgis_process_env, sample, tmp_path):
    from osgeo import ogr

    roads = tmp_path / "roads.gpkg"
    src = ogr.Open(str(sample / "sample_region.gpkg"))
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(str(roads))
    lyr = ds.CopyLayer(src.GetLayerByName("roads"), "roads")
    first = lyr.GetNextFeature()
    fid = first.GetFID()
    first.SetField("maxspeed_kmh", 500)
    lyr.SetFeature(first)
    ds = src = None
    out = tmp_path / "out"
    params = sample_params(sample, out, network="layer")
    params["NETWORK_LAYER"] = f"{roads}|layername=roads"
    data, proc = run_qgis_process(qgis_process_env, "sundplan:catchments", params, check=False)
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "Traceback" not in text
    assert "maxspeed_kmh" in text and f"{fid} (500 km/h)" in text, text[-2000:]
    assert not out.exists()


def test_good_run_complete_no_temporaries_no_wal(run_alg, sample, tmp_path):
    out = tmp_path / "new" / "out"
    results = run_alg("sundplan:catchments", sample_params(sample, out))["results"]
    names = _files(out)
    assert not [n for n in names if ".sundplan-" in n], names
    for key in ("CATCHMENTS", "BAND_POLYGONS", "AREA_SUMMARY"):
        path = Path(results[key].split("|")[0])
        assert path.parent == out and path.is_file()
        con = sqlite3.connect(path)
        assert con.execute("PRAGMA journal_mode").fetchone()[0].lower() == "delete", key
        con.close()
        assert not Path(str(path) + "-wal").exists()
    assert Path(results["REPORT"]).is_file() and Path(results["TRAVEL_TIME"]).is_file()
