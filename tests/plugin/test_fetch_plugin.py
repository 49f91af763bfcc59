"""sundplan:fetch_base_data inside QGIS (processing.run) against the local Geofabrik /
Statbank stand-in of ``tests/fetch_server.py`` on 127.0.0.1 (no internet is ever contacted)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer

from tests import osm_mock
from tests.fetch_server import FetchServer, closed_port_url, pbf_bytes


def run(params: dict):
    import processing

    return processing.run("sundplan:fetch_base_data", params)


def params(tmp_path: Path, osm_url: str, dst_url: str, **extra) -> dict:
    p = {
        "CACHE_FOLDER": str(tmp_path / "cache"),
        "OSM_BASE_URL": osm_url,
        "DST_BASE_URL": dst_url,
        "TIMEOUT_S": 5,
        "POPULATION_TABLE": str(tmp_path / "out" / "folk1a.csv"),
        "POPULATION_LAYER": str(tmp_path / "out" / "kommuner_folk1a.gpkg"),
        "PROJECTION_TABLE": str(tmp_path / "out" / "fremskrivning.csv"),
        "REPORT": str(tmp_path / "out" / "report.json"),
    }
    p.update(extra)
    return p


@pytest.fixture
def server(monkeypatch):
    osm_mock.loopback_only(monkeypatch)
    with FetchServer(national=True) as srv:
        yield srv


def test_fetch_everything(sundplan_provider, server, tmp_path):
    res = run(params(tmp_path, server.osm_url, server.dst_url))
    pbf = Path(res["OSM_PBF"])
    assert pbf.read_bytes() == server.pbf and pbf.is_relative_to(tmp_path / "cache")
    assert res["QUARTER"] == "2025K3" and res["PROJECTION_TABLE_ID"] == "FRKM125"

    layer = QgsVectorLayer(res["POPULATION_LAYER"], "k", "ogr")
    assert layer.isValid() and layer.featureCount() == 98
    assert layer.crs().authid() == "EPSG:25832"
    names = layer.fields().names()
    for column in ("kommunekode", "kommune", "m_0_4", "k_85_plus", "population", "quarter"):
        assert column in names
    feats = {f["kommunekode"]: f for f in layer.getFeatures()}
    from sundplan_qgis import reference

    embedded = reference.population_age_sex().set_index("kommunekode")
    assert feats["0101"]["population"] == int(embedded.loc["0101", "population"])
    assert feats["0101"]["quarter"] == "2025K3"
    assert all(not f.geometry().isEmpty() and f["population"] > 0 for f in feats.values())
    assert "2025K3" in layer.metadata().title()

    with open(res["POPULATION_TABLE"], encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert list(rows[0]) == ["kommunekode", "kommune", "sex", "age_group", "quarter", "persons"]
    assert rows[0]["kommunekode"] == "0101" and rows[0]["age_group"] == "0_4"
    total = sum(int(r["persons"]) for r in rows)
    assert total == int(embedded["population"].sum())  # Christiansø included in the table
    # QGIS reads the codes as text, thanks to the .csvt
    table = QgsVectorLayer(res["POPULATION_TABLE"], "t", "ogr")
    assert table.isValid() and next(table.getFeatures())["kommunekode"] == "0101"

    with open(res["PROJECTION_TABLE"], encoding="utf-8") as handle:
        projection = list(csv.DictReader(handle, delimiter=";"))
    assert {r["table"] for r in projection} == {"FRKM125"}
    # 101 single ages (0-99, "100 år og derover") x 1 person per sex in 2025, 2 in 2050
    kbh = [r for r in projection if r["kommunekode"] == "0101"]
    assert sum(int(r["persons"]) for r in kbh if r["year"] == "2025") == 2 * 101
    assert sum(int(r["persons"]) for r in kbh if r["year"] == "2050") == 2 * 2 * 101
    assert sum(int(r["persons"]) for r in kbh if r["age_group"] == "85_plus") == 3 * 2 * 16

    report = json.loads(Path(res["REPORT"]).read_text("utf-8"))
    assert report["quarter"] == "2025K3" and report["projection_table"] == "FRKM125"
    assert report["fetched"]["osm"]["md5_checked_against"] == "published"
    assert any("0411 Christiansø" in w for w in report["warnings"])

    # a second run answers from the cache: the server sees no new request
    n = len(server.requests)
    again = run(
        params(
            tmp_path / "again", server.osm_url, server.dst_url, CACHE_FOLDER=str(tmp_path / "cache")
        )
    )
    assert len(server.requests) == n and Path(again["OSM_PBF"]) == pbf


def test_offline_message(sundplan_provider, tmp_path, monkeypatch):
    osm_mock.loopback_only(monkeypatch)
    down = closed_port_url()
    with pytest.raises(QgsProcessingException) as info:
        run(params(tmp_path, down, down, FETCH_OSM=False, FETCH_PROJECTION=False))
    text = str(info.value)
    assert "Could not fetch Population by kommune, sex and age" in text
    assert "The server 127.0.0.1 cannot be reached" in text
    assert str(tmp_path / "cache") in text and "already cached: nothing" in text
    assert not (tmp_path / "out" / "folk1a.csv").exists()  # nothing half-written


def test_kommune_layer_is_an_area_layer_for_gp_density(sundplan_provider, server, tmp_path):
    """The fetched kommune layer goes straight into another tool as AREAS, need-weighted by
    its age/sex columns."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    import processing

    res = run(params(tmp_path, server.osm_url, server.dst_url, FETCH_OSM=False))
    practices = QgsVectorLayer("Point?crs=EPSG:25832&field=n_gps:integer", "gp", "memory")
    feats = []
    for x, y, n in ((724_000.0, 6_175_500.0, 40), (575_000.0, 6_225_000.0, 30)):  # Kbh, Aarhus
        f = QgsFeature(practices.fields())
        f.setAttributes([n])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    practices.dataProvider().addFeatures(feats)
    out = processing.run(
        "sundplan:gp_density",
        {
            "PRACTICES": practices,
            "CAPACITY_FIELD": "n_gps",
            "AREAS": res["POPULATION_LAYER"],
            "AREA_ID_FIELD": "kommunekode",
            "AREA_NAME_FIELD": "kommune",
            "AREA_POPULATION_FIELD": "population",
            "NEED_WEIGHTS": 1,
            "AREA_OUTPUT": str(tmp_path / "density.gpkg"),
            "GROUP_OUTPUT": "TEMPORARY_OUTPUT",
            "SUMMARY": "TEMPORARY_OUTPUT",
            "LORENZ": "TEMPORARY_OUTPUT",
            "REPORT": str(tmp_path / "density.json"),
        },
    )
    areas = QgsVectorLayer(out["AREA_OUTPUT"], "a", "ogr")
    rows = {f["area_id"]: f for f in areas.getFeatures()}
    assert len(rows) == 98
    fetched = {
        f["kommunekode"]: f["population"]
        for f in QgsVectorLayer(res["POPULATION_LAYER"], "k", "ogr").getFeatures()
    }
    assert {k: r["population"] for k, r in rows.items()} == fetched
    assert rows["0101"]["gp_capacity"] == 40 and rows["0751"]["gp_capacity"] == 30


def test_cancel_is_a_message_and_the_part_stays(sundplan_provider, server, tmp_path):
    from qgis.core import QgsProcessingFeedback

    import processing

    class CancelOnFirstChunk(QgsProcessingFeedback):
        def setProgressText(self, text):  # noqa: N802
            super().setProgressText(text)
            if "MB" in text:  # the first downloaded chunk
                self.cancel()

    server.pbf = pbf_bytes(3_500_000)  # 4 chunks of 1 MB: cancelled after the first
    p = params(tmp_path, server.osm_url, server.dst_url, FETCH_POPULATION=False)
    p["FETCH_PROJECTION"] = False
    with pytest.raises(QgsProcessingException, match="Cancelled by the user"):
        processing.run("sundplan:fetch_base_data", p, feedback=CancelOnFirstChunk())
    osm = tmp_path / "cache" / "osm"
    assert not (osm / "denmark-latest.osm.pbf").exists()
    # the cancel is seen at the next chunk: 1 or 2 MB arrived
    kept = (osm / "denmark-latest.osm.pbf.part").stat().st_size
    assert kept in (1 << 20, 2 << 20)
    res = run(p)  # resumed from the .part
    assert Path(res["OSM_PBF"]).read_bytes() == server.pbf
    assert server.requests[-1]["headers"].get("Range") == f"bytes={kept}-"
