"""sundplan through ``qgis_process`` (the batch / CI path), in an isolated QGIS profile."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from osgeo import ogr

DK_BBOX_25832 = (400_000, 6_030_000, 900_000, 6_420_000)


def _count(path: Path) -> int:
    ds = ogr.Open(str(path))
    assert ds is not None, path
    return ds.GetLayer(0).GetFeatureCount()


def test_list_contains_sundplan_algorithms(qgis_process_env, qgis_process_tools):
    proc = subprocess.run(
        [qgis_process_tools.qgis_process, "list"],
        env=qgis_process_env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "sundplan:reference_data" in proc.stdout
    assert "sundplan:sample_data" in proc.stdout
    assert "Traceback" not in proc.stderr


def test_reference_data(run_alg, tmp_path):
    out = run_alg(
        "sundplan:reference_data",
        {
            "HOSPITALS": tmp_path / "h.gpkg",
            "KOMMUNER": tmp_path / "k.gpkg",
            "REGIONS_2027": tmp_path / "r27.csv",
            "GROUPING": tmp_path / "g.gpkg",
        },
    )
    results = out["results"]
    assert results["HOSPITALS"] == str(tmp_path / "h.gpkg")
    assert "REGIONS" not in results  # optional, not asked for

    ds = ogr.Open(str(tmp_path / "h.gpkg"))
    layer = ds.GetLayer(0)
    assert layer.GetFeatureCount() == 21
    srs = layer.GetSpatialRef()
    assert srs.GetAuthorityCode(None) == "25832"
    xmin, xmax, ymin, ymax = layer.GetExtent()
    bx0, by0, bx1, by1 = DK_BBOX_25832
    assert bx0 < xmin and xmax < bx1 and by0 < ymin and ymax < by1
    ds = None

    ds = ogr.Open(str(tmp_path / "k.gpkg"))
    codes = [f.GetField("kommunekode") for f in ds.GetLayer(0)]
    assert len(codes) == 98 and len(set(codes)) == 98
    ds = None
    assert _count(tmp_path / "g.gpkg") == 98
    assert _count(tmp_path / "r27.csv") == 4

    record = json.loads(results["PROVENANCE"])
    assert record["algorithm"] == "sundplan:reference_data"
    assert record["versions"]["qgis"].startswith("3.")
    # provenance also stored as layer metadata in the GeoPackage
    ds = ogr.Open(str(tmp_path / "h.gpkg"))
    md = ds.ExecuteSQL("SELECT metadata FROM gpkg_metadata")
    text = md.GetNextFeature().GetField(0)
    ds.ReleaseResultSet(md)
    assert "sundplan:reference_data" in text


def test_sample_data(run_alg, tmp_path):
    out = run_alg("sundplan:sample_data", {"SEED": 5, "OUTPUT_FOLDER": tmp_path / "sample"})
    results = out["results"]
    gpkg = Path(results["GPKG"])
    assert gpkg.is_file()
    for name in ("ROADS", "HOSPITALS", "GP_PRACTICES", "SPECIALISTS", "KOMMUNER"):
        path, layer_name = results[name].split("|layername=")
        ds = ogr.Open(path)
        assert ds.GetLayerByName(layer_name).GetFeatureCount() > 0, name
        ds = None
    assert Path(results["POPULATION"]).is_file()
    assert Path(results["README"]).is_file()
    assert json.loads(results["PROVENANCE"])["parameters"]["SEED"] == 5  # evaluated, not "5"


def test_missing_dependency_is_a_message_not_a_traceback(
    qgis_process_env, qgis_process_tools, tmp_path
):
    env = dict(qgis_process_env, SUNDPLAN_SIMULATE_MISSING="pandas,osmnx")
    data, proc = qgis_process_tools.run_qgis_process(
        env, "sundplan:reference_data", {"HOSPITALS": tmp_path / "h.gpkg"}, check=False
    )
    assert proc.returncode != 0
    output = proc.stdout + proc.stderr
    assert "python3-pandas" in output
    assert "Sundplan needs Python packages" in output
    assert "Traceback" not in output
    assert not (tmp_path / "h.gpkg").exists()


@pytest.mark.slow
def test_packaged_zip_installs_and_runs(tmp_path_factory, qgis_process_tools):
    tools = qgis_process_tools
    build = tmp_path_factory.mktemp("zipbuild")
    proc = subprocess.run(
        ["make", "-C", str(tools.repo_dir), "zip", f"DIST={build}/dist", f"BUILD={build}/build"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    zips = list((build / "dist").glob("sundplan-*.zip"))
    assert len(zips) == 1
    with zipfile.ZipFile(zips[0]) as archive:
        names = archive.namelist()
        assert all(n.startswith("sundplan/") for n in names)
        for required in (
            "sundplan/__init__.py",
            "sundplan/metadata.txt",
            "sundplan/plugin.py",
            "sundplan/processing/provider.py",
            "sundplan/sundplan_qgis/__init__.py",
            "sundplan/resources/icons/sundplan.svg",
            "sundplan/resources/data/akutsygehuse.csv",
        ):
            assert required in names, required
        for banned in ("/tests/", "/bench/", "/.venv/", "/.git/", "/build/", "__pycache__"):
            assert not any(banned in n for n in names), banned
        assert not any(n.endswith((".pyc", ".ts")) for n in names)
        # the benchmark generator is for bench/ and the tests only
        assert "sundplan/sundplan_qgis/sample/region.py" in names
        assert "sundplan/sundplan_qgis/sample/country.py" not in names
        unpacked = tmp_path_factory.mktemp("unzipped")
        archive.extractall(unpacked)

    config = tmp_path_factory.mktemp("clean_profile")
    env = tools.make_profile(config, unpacked / "sundplan", copy=True)
    installed = config / "profiles" / "default" / "python" / "plugins" / "sundplan"
    assert installed.is_dir() and not installed.is_symlink()
    out_dir = tmp_path_factory.mktemp("zip_run")
    data, proc = tools.run_qgis_process(
        env,
        "sundplan:reference_data",
        {"HOSPITALS": out_dir / "h.gpkg", "KOMMUNER": out_dir / "k.gpkg"},
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Could not load algorithm" not in proc.stderr, proc.stderr
    assert _count(out_dir / "h.gpkg") == 21
    assert _count(out_dir / "k.gpkg") == 98
    assert json.loads(data["results"]["PROVENANCE"])["versions"]["sundplan"]
