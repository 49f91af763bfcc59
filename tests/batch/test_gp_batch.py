"""sundplan:gp_density and sundplan:fca_access through qgis_process (headless batch), on the
sample region and on the real kommune boundaries/population in ../shared/data."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from .conftest import read_table

pytestmark = pytest.mark.slow


def test_fca_access_batch_on_sample(run_alg, sample, tmp_path):
    gpkg = sample / "sample_region.gpkg"
    out = run_alg(
        "sundplan:fca_access",
        {
            "PRACTICES": f"{gpkg}|layername=gp_practices",
            "CAPACITY_FIELD": "n_gps",
            "POPULATION_RASTER": sample / "population.tif",
            "AREAS": f"{gpkg}|layername=kommuner",
            "AREA_ID_FIELD": "kommunekode",
            "METHOD": 1,
            "THRESHOLD_MIN": 20,
            "NETWORK_FILE": sample / "roads.osm.pbf",
            "ACCESS_POINTS": tmp_path / "pts.gpkg",
            "AREA_ACCESS": tmp_path / "areas.gpkg",
            "PRACTICE_RATIO": tmp_path / "prac.gpkg",
            "REPORT": tmp_path / "report.json",
        },
    )
    report = json.loads(Path(out["results"]["REPORT"]).read_text("utf-8"))
    assert report["conservation"]["relative_difference"] < 1e-9
    assert "E2SFCA" in report["method"]
    assert len(read_table(tmp_path / "prac.gpkg")) == report["practices"]["n"]


@pytest.mark.shared
def test_gp_density_batch_on_real_kommuner(run_alg, shared_data, tmp_path):
    """SOR 'speciallægepraksis' points (a test table: 1 capacity each) per real kommune."""
    kom = shared_data / "dagi-kommuner-regioner-2021-folk1a/kommuner_2021_folk1a.geojson"
    sor = shared_data / "sor-sundhedsenheder-2025/shak_from_sor.geojson"
    out = run_alg(
        "sundplan:gp_density",
        {
            "PRACTICES": f"{sor}|subset=\"Unit_type\" = 'speciallægepraksis'",
            "PRACTICE_NAME_FIELD": "Unit_name",
            "AREAS": kom,
            "AREA_ID_FIELD": "kode",
            "AREA_NAME_FIELD": "navn",
            "AREA_POPULATION_FIELD": "population",
            "NEED_WEIGHTS": 0,
            "AREA_OUTPUT": tmp_path / "areas.gpkg",
            "GROUP_OUTPUT": tmp_path / "groups.gpkg",
            "SUMMARY": tmp_path / "summary.gpkg",
            "LORENZ": tmp_path / "lorenz.gpkg",
            "OUTSIDE_PRACTICES": tmp_path / "outside.gpkg",
            "REPORT": tmp_path / "report.json",
        },
    )
    areas = pd.DataFrame(read_table(tmp_path / "areas.gpkg"))
    props = pd.DataFrame([f["properties"] for f in json.loads(kom.read_text("utf-8"))["features"]])
    assert areas["population"].sum() == pytest.approx(props["population"].sum())  # 5 840 045
    n_spec = sum(
        f["properties"]["Unit_type"] == "speciallægepraksis"
        for f in json.loads(sor.read_text("utf-8"))["features"]
    )
    assert areas["gp_capacity"].sum() == n_spec  # inside + the outside row: nothing dropped
    groups = pd.DataFrame(read_table(tmp_path / "groups.gpkg"))
    sr = groups[groups["level"] == "sundhedsraad"]
    assert len(sr) >= 17
    report = json.loads(Path(out["results"]["REPORT"]).read_text("utf-8"))
    assert report["weights"]["label"].startswith("none")


def test_fca_access_batch_without_any_practice_on_the_network_fails_cleanly(
    qgis_process_env, qgis_process_tools, tmp_path
):
    """Every practice 30+ km from the only road: a clear error (exit ≠ 0, no traceback, the
    layer and the fix named), no output written, the inputs unchanged."""
    import hashlib

    from osgeo import ogr

    from tests.plugin.test_gaps_plugin import X0, Y0, _write_layer

    gpkg = tmp_path / "praksis.gpkg"  # qgis_process names the layer after the file
    road = ", ".join(f"{X0 + k * 1000} {Y0}" for k in range(5))
    _write_layer(gpkg, "roads", ogr.wkbLineString, {"speed": ogr.OFTReal},
                 [(f"LINESTRING ({road})", {"speed": 50.0})])  # fmt: skip
    _write_layer(gpkg, "far_practices", ogr.wkbPoint, {"capacity": ogr.OFTReal},
                 [(f"POINT ({X0} {Y0 + 30_000})", {"capacity": 2.0}),
                  (f"POINT ({X0 + 40_000} {Y0})", {"capacity": 1.0})])  # fmt: skip
    _write_layer(gpkg, "residents", ogr.wkbPoint, {"pop": ogr.OFTReal},
                 [(f"POINT ({X0 + 1000} {Y0 + 10})", {"pop": 100.0})])  # fmt: skip
    before = hashlib.sha256(gpkg.read_bytes()).hexdigest()
    data, proc = qgis_process_tools.run_qgis_process(
        qgis_process_env,
        "sundplan:fca_access",
        {
            "PRACTICES": f"{gpkg}|layername=far_practices",
            "CAPACITY_FIELD": "capacity",
            "POPULATION_LAYER": f"{gpkg}|layername=residents",
            "POPULATION_FIELD": "pop",
            "NETWORK_LAYER": f"{gpkg}|layername=roads",
            "SPEED_FIELD": "speed",
            "ACCESS_POINTS": tmp_path / "pts.gpkg",
            "PRACTICE_RATIO": tmp_path / "prac.gpkg",
            "REPORT": tmp_path / "report.json",
        },
        check=False,
    )
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "Traceback" not in text
    assert "None of the 2 practice(s) of 'praksis'" in text
    assert "raise the maximum snap distance" in text
    assert not any((tmp_path / n).exists() for n in ("pts.gpkg", "prac.gpkg", "report.json"))
    assert hashlib.sha256(gpkg.read_bytes()).hexdigest() == before
