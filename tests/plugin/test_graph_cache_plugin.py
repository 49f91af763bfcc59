"""The compiled-graph cache through sundplan:catchments (issue 11, item 3): the second run on
the same network reports a hit, and its outputs equal the first run's and an uncached run's."""

from __future__ import annotations

import json

import numpy as np
import pytest
import rasterio
from qgis.core import QgsFeatureRequest, QgsProcessingFeedback, QgsVectorLayer

from .test_catchments_plugin import params, run

VECTORS = ("c.gpkg", "b.gpkg", "a.gpkg")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from sundplan_qgis.sample import generate_sample_region

    return generate_sample_region(tmp_path_factory.mktemp("sample"), seed=2027)


class Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos: list[str] = []
        self.warnings: list[str] = []

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)
        super().pushInfo(info)

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)
        super().pushWarning(text)


def _run(sample, out, **extra):
    out.mkdir()
    log = Log()
    run(params(sample, out, **extra), log)
    report = json.loads((out / "r.json").read_text("utf-8"))
    return report, log


def _comparable(report: dict):
    """The report without timings, the provenance (its parameters differ) and the cache."""
    if isinstance(report, dict):
        return {
            k: _comparable(v)
            for k, v in report.items()
            if not k.endswith("_s") and k not in ("provenance", "cache", "cache_key", "timings")
        }
    if isinstance(report, list):
        return [_comparable(v) for v in report]
    return report


def _features(path):
    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid(), path
    return [(f.attributes(), f.geometry().asWkt(6)) for f in layer.getFeatures()]


def _assert_same_outputs(a, b) -> None:
    with rasterio.open(a / "tt.tif") as ra, rasterio.open(b / "tt.tif") as rb:
        np.testing.assert_array_equal(ra.read(), rb.read())
    for name in VECTORS:
        assert _features(a / name) == _features(b / name), name


def test_second_run_hits_and_changes_nothing(sundplan_provider, sample, tmp_path):
    folder = tmp_path / "graphs"
    first, log1 = _run(sample, tmp_path / "first", NETWORK_CACHE_FOLDER=str(folder))
    second, log2 = _run(sample, tmp_path / "second", NETWORK_CACHE_FOLDER=str(folder))
    off, log3 = _run(sample, tmp_path / "off", NETWORK_CACHE=False)

    assert first["network"]["cache"] == "miss"
    assert second["network"]["cache"] == "hit"
    assert off["network"]["cache"] == "off" and "cache_key" not in off["network"]
    key = first["network"]["cache_key"]
    assert second["network"]["cache_key"] == key
    assert sorted(p.name for p in folder.glob("*.json")) == [f"{key}.json"]
    assert any(t.startswith("Road graph cache: miss") for t in log1.infos)
    assert any(t.startswith("Road graph cache: hit") for t in log2.infos)
    assert any("Road graph cache: off (NETWORK_CACHE is false)" in t for t in log3.infos)
    assert log2.warnings == log1.warnings == log3.warnings

    assert _comparable(second) == _comparable(first) == _comparable(off)
    _assert_same_outputs(tmp_path / "first", tmp_path / "second")
    _assert_same_outputs(tmp_path / "first", tmp_path / "off")

    # another option is another entry; the first one still hits afterwards
    slower, _ = _run(
        sample, tmp_path / "slow", NETWORK_CACHE_FOLDER=str(folder), REALISM_FACTOR=0.8
    )
    assert slower["network"]["cache"] == "miss" and slower["network"]["cache_key"] != key
    again, _ = _run(sample, tmp_path / "again", NETWORK_CACHE_FOLDER=str(folder))
    assert again["network"]["cache"] == "hit"


def test_damaged_entry_is_rebuilt_and_warned(sundplan_provider, sample, tmp_path):
    folder = tmp_path / "graphs"
    first, _ = _run(sample, tmp_path / "first", NETWORK_CACHE_FOLDER=str(folder))
    (npz,) = folder.glob("*.npz")
    npz.write_bytes(npz.read_bytes()[:1000])
    second, log = _run(sample, tmp_path / "second", NETWORK_CACHE_FOLDER=str(folder))
    assert second["network"]["cache"] == "miss"
    assert any("damaged" in w for w in log.warnings)
    _assert_same_outputs(tmp_path / "first", tmp_path / "second")


def test_memory_layer_is_not_cached(sundplan_provider, sample, tmp_path):
    roads = QgsVectorLayer(sample.uri("roads"), "roads", "ogr")
    memory = roads.materialize(QgsFeatureRequest())
    folder = tmp_path / "graphs"
    p = {k: v for k, v in params(sample, tmp_path).items() if k != "NETWORK_FILE"}
    p.update(NETWORK_LAYER=memory, NETWORK_CACHE_FOLDER=str(folder), CLASS_FIELD="road_class")
    log = Log()
    run(p, log)
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert report["network"]["cache"] == "off"
    assert any("only a network read from a file is cached" in t for t in log.infos)
    assert not folder.exists() or not list(folder.iterdir())


def test_overview_network_is_cached(sundplan_provider, sample, tmp_path):
    folder = tmp_path / "graphs"
    p = {"NETWORK_FILE": None, "NETWORK_CACHE_FOLDER": str(folder)}
    first, _ = _run(sample, tmp_path / "first", **p)
    second, _ = _run(sample, tmp_path / "second", **p)
    assert first["network"]["source"] == second["network"]["source"] == "overview"
    assert (first["network"]["cache"], second["network"]["cache"]) == ("miss", "hit")
    assert _comparable(second) == _comparable(first)


def test_fca_access_on_a_file_layer_hits(sundplan_provider, sample, tmp_path):
    """2SFCA scenario sweeps re-run on one network: a NETWORK_LAYER backed by a GeoPackage
    is cached like a file, and the report says so."""
    import processing

    folder = tmp_path / "graphs"
    reports, rows = [], []
    for run_no in range(2):
        out = tmp_path / f"run{run_no}"
        out.mkdir()
        res = processing.run(
            "sundplan:fca_access",
            {
                "PRACTICES": sample.uri("gp_practices"),
                "PRACTICE_NAME_FIELD": "name",
                "CAPACITY_FIELD": "n_gps",
                "POPULATION_RASTER": str(sample.population_tif),
                "THRESHOLD_MIN": 15,
                "NETWORK_LAYER": sample.uri("roads"),
                "CLASS_FIELD": "road_class",
                "SPEED_FIELD": "maxspeed_kmh",
                "NETWORK_CACHE_FOLDER": str(folder),
                "ACCESS_POINTS": str(out / "pts.gpkg"),
                "AREA_ACCESS": "TEMPORARY_OUTPUT",
                "PRACTICE_RATIO": "TEMPORARY_OUTPUT",
                "REPORT": str(out / "report.json"),
            },
        )
        reports.append(json.loads((out / "report.json").read_text("utf-8")))
        rows.append(_features(res["ACCESS_POINTS"]))
    assert [r["network"]["cache"] for r in reports] == ["miss", "hit"]
    assert reports[0]["network"]["cache_key"] == reports[1]["network"]["cache_key"]
    # equal to 1e-12: two uncached runs of fca_access differ in the last bit already (the
    # workers' summation order), so exact equality is not the cache's to promise here
    assert len(rows[0]) == len(rows[1])
    for (a, ga), (b, gb) in zip(rows[0], rows[1], strict=True):
        assert ga == gb and len(a) == len(b)
        for x, y in zip(a, b, strict=True):
            assert x == pytest.approx(y, rel=1e-12) if isinstance(x, float) else x == y
