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
        self.infos: list[str] = []
        self.cancel_at = cancel_at
        self.progressChanged.connect(self._on_progress)

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)
        super().pushInfo(info)

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


def test_no_network_routes_on_the_overview_and_says_so(sundplan_provider, sample, tmp_path):
    """No network given: the shipped national main roads (the sample region lies in mid
    Jutland), named in the report, the provenance and the log; the user's residents and
    areas are kept as given."""
    import json

    p = params(sample, tmp_path)
    p.pop("NETWORK_FILE")
    feedback = RecordingFeedback()
    res = run(p, feedback)
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert report["network"]["source"] == "overview"
    assert report["network"]["note"] == "overview: main roads only (OpenStreetMap 2021)"
    assert report["network"]["attribution"] == "© OpenStreetMap contributors, ODbL 1.0"
    assert report["network"]["lines"] > 50_000
    prov = json.loads(res["PROVENANCE"])
    assert prov["defaults"]["network"]["source"] == "overview"
    assert set(prov["defaults"]) == {"network"}  # own residents and areas: no default
    assert "kommuner" not in report["population"]["source"]
    assert any("overview: main roads only" in t for t in feedback.infos)


def test_results_carry_provenance(sundplan_provider, sample, tmp_path):
    import json

    res = run(params(sample, tmp_path))
    prov = json.loads(res["PROVENANCE"])
    assert prov["algorithm"] == "sundplan:catchments"
    assert prov["parameters"]["BANDS"] == "15,30,45,60"
    assert "scipy" in prov["versions"]
    ctx = QgsProcessingContext()
    assert ctx is not None


# --------------------------------------------------------------------------- issue 9
class WarningFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)
        super().pushWarning(text)


def _features(path):
    layer = QgsVectorLayer(str(path), "t", "ogr")
    assert layer.isValid(), path
    names = layer.fields().names()
    return [
        dict(zip(names, f.attributes(), strict=True)) | {"_geom": f.geometry()}
        for f in layer.getFeatures()
    ]


def _raster_total(path):
    with rasterio.open(path) as src:
        pop = src.read(1, masked=True).filled(0).astype(float)
    return float(pop[pop > 0].sum())


def test_residents_not_reached_are_counted_warned_and_mapped(sundplan_provider, sample, tmp_path):
    import json

    fb = WarningFeedback()
    res = run(params(sample, tmp_path, MAX_SNAP_M=120), feedback=fb)
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    total = _raster_total(sample.population_tif)
    cov = report["coverage"]
    assert cov["total"] == pytest.approx(total)
    lost = cov["unsnapped"] + cov["unreachable"]
    assert cov["not_reached"] == pytest.approx(lost) and lost > 0.01 * total
    assert cov["share_not_reached"] == pytest.approx(lost / total)
    assert cov["warning_threshold_pct"] == 1.0 and cov["worst_areas"]
    assert any("not reached" in w and "Worst areas" in w for w in fb.warnings)
    # Per area: the three columns, share = (unsnapped + unreachable) / population.
    areas = _features(res["AREA_SUMMARY"])
    for a in areas:
        expected = (a["pop_unsnapped"] + a["pop_unreachable"]) / a["population"]
        assert a["share_not_reached"] == pytest.approx(expected)
    assert sum(a["pop_unsnapped"] + a["pop_unreachable"] for a in areas) == pytest.approx(lost)
    # Bands: the "not reached" class closes the sum to the input total and has a polygon.
    bands = _features(res["BAND_POLYGONS"])
    nr = [b for b in bands if b["band_id"] == -1]
    assert len(nr) == 1 and nr[0]["band"] == "not reached"
    assert nr[0]["population"] == pytest.approx(lost)
    assert not nr[0]["_geom"].isEmpty() and nr[0]["area_km2"] > 0
    assert sum(b["population"] for b in bands) == pytest.approx(total)
    band_layer = QgsVectorLayer(res["BAND_POLYGONS"], "b", "ogr")
    assert band_layer.renderer().categories()[-1].label() == "Not reached"
    # A threshold above the share: no warning.
    quiet = WarningFeedback()
    (tmp_path / "q").mkdir()
    run(params(sample, tmp_path / "q", MAX_SNAP_M=120, NOT_REACHED_WARNING_PCT=100), quiet)
    assert not any("not reached" in w for w in quiet.warnings)


def test_catchments_are_clipped_to_the_land_of_the_areas(sundplan_provider, sample, tmp_path):
    import json

    from shapely import wkb
    from shapely.ops import unary_union

    res = run(params(sample, tmp_path))
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    kommuner = QgsVectorLayer(sample.uri("kommuner"), "k", "ogr")
    land = unary_union([wkb.loads(bytes(f.geometry().asWkb())) for f in kommuner.getFeatures()])
    assert report["land_mask"]["used"] is True
    assert report["land_mask"]["land_area_km2"] == pytest.approx(land.area / 1e6, rel=1e-6)
    catch = _features(res["CATCHMENTS"])
    catch_km2 = sum(c["area_km2"] for c in catch)
    union = unary_union([wkb.loads(bytes(c["_geom"].asWkb())) for c in catch])
    assert union.difference(land.buffer(0.01)).area < 1.0  # m²: nothing off land
    # Land not covered by a catchment = cells nobody on them can reach (raster nodata on land).
    import rasterio.features

    with rasterio.open(res["TRAVEL_TIME"]) as src:
        tt = src.read(1)
        on_land = rasterio.features.rasterize(
            [(land, 1)], out_shape=tt.shape, transform=src.transform, fill=0
        ).astype(bool)
        cell_km2 = abs(src.transform.a * src.transform.e) / 1e6
        assert (tt[~on_land] == src.nodata).all()  # sea cells are nodata
    unreached_km2 = (on_land & (tt == -9999)).sum() * cell_km2
    assert catch_km2 == pytest.approx(land.area / 1e6 - unreached_km2, rel=0.01)


def test_sample_hospitals_without_id_field_use_the_feature_ids(sundplan_provider, sample, tmp_path):
    import json

    res = run(params(sample, tmp_path))
    layer = QgsVectorLayer(sample.uri("hospitals"), "h", "ogr")
    expected = {f["name"]: f.id() for f in layer.getFeatures() if f["active"] == 1}
    got = {c["hospital"]: c["hospital_id"] for c in _features(res["CATCHMENTS"])}
    assert got == expected
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert "feature ids" in report["hospital_ids"]
    assert {h["hospital"]: h["hospital_id"] for h in report["hospitals"]} == expected


def test_repeated_hospital_ids_are_refused(sundplan_provider, sample, tmp_path):
    # "synthetic" is 1 for every sample hospital: not an id.
    with pytest.raises(QgsProcessingException, match="hospital id 1 is used by both"):
        run(params(sample, tmp_path, HOSPITAL_ID_FIELD="synthetic"))


def test_filtered_embedded_hospitals_keep_their_ids(sundplan_provider, tmp_path):
    """Herlev (3) and Hillerød (4) of the embedded 21, on a small road between them."""
    import json

    from sundplan_qgis import reference

    h = reference.akutsygehuse().set_index("hospital_id")
    (x3, y3), (x4, y4) = (h.loc[i, ["x_25832", "y_25832"]].to_numpy(float) for i in (3, 4))
    roads = QgsVectorLayer("LineString?crs=EPSG:25832&field=highway:string", "road", "memory")
    f = QgsFeature(roads.fields())
    f.setAttributes(["primary"])
    pts = [
        QgsPointXY(x3 + 50, y3),
        QgsPointXY((x3 + x4) / 2, (y3 + y4) / 2),
        QgsPointXY(x4 + 50, y4),
    ]
    f.setGeometry(QgsGeometry.fromPolylineXY(pts))
    roads.dataProvider().addFeatures([f])
    people = memory_points(
        "people", "EPSG:25832", [(x3 + 200, y3, "a", 30.0), (x4 + 200, y4, "b", 12.0)]
    )
    out = {
        "ACTIVE_EXPRESSION": '"hospital_id" IN (3, 4)',
        "NETWORK_LAYER": roads,
        "CLASS_FIELD": "highway",
        "POPULATION_LAYER": people,
        "POPULATION_FIELD": "pop",
        "TRAVEL_TIME": str(tmp_path / "tt.tif"),
        "CATCHMENTS": str(tmp_path / "c.gpkg"),
        "BAND_POLYGONS": str(tmp_path / "b.gpkg"),
        "REPORT": str(tmp_path / "r.json"),
    }
    res = run(out)
    catch = {c["hospital_id"]: c for c in _features(res["CATCHMENTS"])}
    assert set(catch) == {3, 4}  # not 1, 2: their positions among the active hospitals
    assert catch[3]["hospital"] == h.loc[3, "name"] and catch[3]["population"] == 30
    assert catch[4]["hospital"] == h.loc[4, "name"] and catch[4]["population"] == 12
    report = json.loads((tmp_path / "r.json").read_text("utf-8"))
    assert [x["hospital_id"] for x in report["hospitals"]] == [3, 4]
    assert "hospital_id" in report["hospital_ids"]
    # No areas: no land mask, and the report says so.
    assert report["land_mask"]["used"] is False
    assert "No land mask was used" in report["land_mask"]["note"]


def test_population_polygons_default_to_roads(sundplan_provider, sample, tmp_path):
    """Issue 10 item 3: kommuner as residents with a network place them along the roads by
    default (stated in the report), conserving every kommune's population; "areal" stays."""
    import json

    import geopandas as gpd

    from sundplan_qgis import rasters

    kommuner = gpd.read_file(sample.gpkg, layer="kommuner")
    total = float(kommuner.population.sum())
    polygons = dict(
        POPULATION_RASTER=None,
        POPULATION_LAYER=sample.uri("kommuner"),
        POPULATION_FIELD="population",
    )
    fb = WarningFeedback()
    run(params(sample, tmp_path, **polygons), fb)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    population = report["population"]
    assert population["kind"].startswith("polygons (along roads")
    assert population["allocation"]["method"] == "along roads (residential road length)"
    assert population["allocation"]["polygons_along_residential_roads"] == len(kommuner)
    assert population["total"] == pytest.approx(total)
    assert not [w for w in fb.warnings if "population polygons" in w]

    areal = tmp_path / "areal"
    areal.mkdir()
    areal_index = [key for key, _label in rasters.POLYGON_ALLOCATIONS].index("areal")
    run(params(sample, areal, POLYGON_ALLOCATION=areal_index, **polygons))
    report = json.loads((areal / "r.json").read_text(encoding="utf-8"))
    assert report["population"]["kind"].startswith("polygons (areal")
    assert "allocation" not in report["population"]
    assert report["population"]["total"] == pytest.approx(total)


def test_polygon_without_roads_is_spread_evenly_and_warned(sundplan_provider, sample, tmp_path):
    """A population polygon with no road inside keeps its residents (areal), counted in the
    report and warned in the log."""
    import json

    import geopandas as gpd
    from shapely.geometry import box

    kommuner = gpd.read_file(sample.gpkg, layer="kommuner")[["population", "geometry"]]
    x0, y0, x1, y1 = kommuner.total_bounds
    island = box(x1 + 20_000, y0, x1 + 23_000, y0 + 3_000)  # out at sea, no road
    people = gpd.GeoDataFrame(
        {"population": [*kommuner.population, 500]},
        geometry=[*kommuner.geometry, island],
        crs=kommuner.crs,
    )
    people.to_file(tmp_path / "people.gpkg", layer="people")
    fb = WarningFeedback()
    polygons = dict(
        POPULATION_RASTER=None,
        POPULATION_LAYER=f"{tmp_path / 'people.gpkg'}|layername=people",
        POPULATION_FIELD="population",
    )
    run(params(sample, tmp_path, **polygons), fb)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["population"]["allocation"]["polygons_without_roads_areal"] == 1
    assert report["population"]["total"] == pytest.approx(float(people.population.sum()))
    assert any("1 population polygons have no road inside" in w for w in fb.warnings)
