"""sundplan:catchments inside QGIS (processing.run, as the toolbox runs it): bad inputs give
messages naming the layer/feature, progress is reported, cancelling stops the run, and the
outputs are styled for the bands the user chose."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRasterLayer,
    QgsVectorLayer,
)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from sundplan_qgis.sample import generate_sample_region

    return generate_sample_region(tmp_path_factory.mktemp("sample"), seed=2027)


def params(sample, out, **extra):
    p = {
        "HOSPITALS": sample.uri("hospitals"),
        "HOSPITAL_NAME_FIELD": "name",
        "ACTIVE_EXPRESSION": '"active" = 1',
        "NETWORK_FILE": str(sample.roads_osm_pbf),
        "POPULATION_RASTER": str(sample.population_tif),
        "AREAS": sample.uri("kommuner"),
        "AREA_ID_FIELD": "kommunekode",
        "AREA_NAME_FIELD": "kommune",
        "TRAVEL_TIME": str(out / "tt.tif"),
        "CATCHMENTS": str(out / "c.gpkg"),
        "BAND_POLYGONS": str(out / "b.gpkg"),
        "AREA_SUMMARY": str(out / "a.gpkg"),
        "REPORT": str(out / "r.json"),
    }
    p.update(extra)
    return p


def run(params, feedback=None):
    import processing

    return processing.run("sundplan:catchments", params, feedback=feedback)


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self, cancel_at: float | None = None):
        super().__init__()
        self.progress_values: list[float] = []
        self.texts: list[str] = []
        self.cancel_at = cancel_at
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, value):
        self.progress_values.append(value)
        if self.cancel_at is not None and value >= self.cancel_at:
            self.cancel()

    def setProgressText(self, text):  # noqa: N802
        self.texts.append(text)
        super().setProgressText(text)


def test_progress_is_reported(sundplan_provider, sample, tmp_path):
    fb = RecordingFeedback()
    run(params(sample, tmp_path), fb)
    assert len(fb.progress_values) > 5 and max(fb.progress_values) >= 90
    assert any("Shortest paths" in t for t in fb.texts)


def test_cancelling_stops_the_run_without_outputs(sundplan_provider, sample, tmp_path):
    fb = RecordingFeedback(cancel_at=40)
    with pytest.raises(QgsProcessingException, match="[Cc]ancel"):
        run(params(sample, tmp_path), fb)
    assert not (tmp_path / "tt.tif").exists()


def test_custom_bands_style_the_raster(sundplan_provider, sample, tmp_path):
    res = run(params(sample, tmp_path, BANDS="10,20"))
    layer = QgsRasterLayer(res["TRAVEL_TIME"], "tt")
    assert layer.isValid()
    items = layer.renderer().shader().rasterShaderFunction().colorRampItemList()
    assert [it.label for it in items] == ["0–10 min", "10–20 min", "> 20 min"]
    bands = QgsVectorLayer(res["BAND_POLYGONS"], "b", "ogr")
    labels = [c.label() for c in bands.renderer().categories()]
    assert labels[:3] == ["0–10 min", "10–20 min", "> 20 min"]
    catch = QgsVectorLayer(res["CATCHMENTS"], "c", "ogr")
    assert {c.label() for c in catch.renderer().categories()} == {
        "Fjordby Sygehus",
        "Sølund Sygehus",
        "Lyngå Sygehus",
    }
    with rasterio.open(res["TRAVEL_TIME"]) as src:
        assert src.tags()["units"] == "minutes"


def memory_points(name, crs, rows, fields="field=name:string&field=pop:double"):
    layer = QgsVectorLayer(f"Point?crs={crs}&{fields}", name, "memory")
    feats = []
    for x, y, *attrs in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_hospitals_in_another_crs_are_reprojected(sundplan_provider, sample, tmp_path):
    """The same hospitals given in lon/lat give the same minutes."""
    from pyproj import Transformer

    h = QgsVectorLayer(sample.uri("hospitals"), "h", "ogr")
    to_ll = Transformer.from_crs(25832, 4326, always_xy=True)
    rows = []
    for f in h.getFeatures():
        if f["active"] == 1:
            p = f.geometry().asPoint()
            lon, lat = to_ll.transform(p.x(), p.y())
            rows.append((lon, lat, f["name"], 0.0))
    lonlat = memory_points("hospitals_wgs84", "EPSG:4326", rows)
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    run(params(sample, a))
    run(params(sample, b, HOSPITALS=lonlat, ACTIVE_EXPRESSION=""))
    with rasterio.open(a / "tt.tif") as s1, rasterio.open(b / "tt.tif") as s2:
        t1, t2 = s1.read(1), s2.read(1)
    assert np.allclose(t1, t2, atol=1e-3)


def test_population_points_with_null_name_the_feature(sundplan_provider, sample, tmp_path):
    pts = memory_points(
        "people", "EPSG:25832", [(530000, 6230000, "a", 10.0), (531000, 6230000, "b", None)]
    )
    p = params(sample, tmp_path, POPULATION_LAYER=pts, POPULATION_FIELD="pop")
    p.pop("POPULATION_RASTER")
    with pytest.raises(QgsProcessingException, match="'people'.*NULL.*feature id 2"):
        run(p)


def test_empty_hospital_layer_is_named(sundplan_provider, sample, tmp_path):
    empty = memory_points("no_hospitals", "EPSG:25832", [])
    with pytest.raises(QgsProcessingException, match="no_hospitals"):
        run(params(sample, tmp_path, HOSPITALS=empty, ACTIVE_EXPRESSION=""))


def test_raster_without_crs_is_refused(sundplan_provider, sample, tmp_path):
    bad = tmp_path / "nocrs.tif"
    with rasterio.open(sample.population_tif) as src:
        data, profile = src.read(1), src.profile
    profile.pop("crs", None)
    with rasterio.open(bad, "w", **profile) as dst:
        dst.write(data, 1)
    with pytest.raises(QgsProcessingException, match="nocrs.tif.*no CRS"):
        run(params(sample, tmp_path, POPULATION_RASTER=str(bad)))


def test_no_network_says_what_to_do(sundplan_provider, sample, tmp_path):
    p = params(sample, tmp_path)
    p.pop("NETWORK_FILE")
    with pytest.raises(QgsProcessingException, match="No road network"):
        run(p)


def test_results_carry_provenance(sundplan_provider, sample, tmp_path):
    import json

    res = run(params(sample, tmp_path))
    prov = json.loads(res["PROVENANCE"])
    assert prov["algorithm"] == "sundplan:catchments"
    assert prov["parameters"]["BANDS"] == "15,30,45,60"
    assert "scipy" in prov["versions"]
    ctx = QgsProcessingContext()
    assert ctx is not None
