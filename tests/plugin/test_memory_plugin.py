"""Cancel and progress inside QGIS (issue 9 item 7): cancelling stops the reading of networks
(file and QGIS layer) and population rasters within about a second, progress never goes
backwards within a run, and a cancelled sample_data leaves nothing in its output folder."""

from __future__ import annotations

import time

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from .test_catchments_plugin import params


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from sundplan_qgis.sample import generate_sample_region

    return generate_sample_region(tmp_path_factory.mktemp("sample"), seed=2027)


@pytest.fixture(scope="module")
def big_raster(sample, tmp_path_factory):
    """20000 × 20000 cells (3 m), 75,000 of them populated, near the sample roads."""
    from sundplan_qgis.sample.country import generate_sparse_population_raster

    path = tmp_path_factory.mktemp("big") / "pop20k.tif"
    generate_sparse_population_raster(path, source_tif=sample.population_tif)
    return path


class Feedback(QgsProcessingFeedback):
    """Records every progress value (and when it came); cancels when ``cancel_when(value,
    calls)`` says so."""

    def __init__(self, cancel_when=None):
        super().__init__()
        self.values: list[float] = []
        self.cancelled_at: float | None = None
        self.cancel_when = cancel_when
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, value):
        self.values.append(value)
        if self.cancelled_at is None and self.cancel_when and self.cancel_when(value, self.values):
            self.cancelled_at = time.perf_counter()
            self.cancel()


def run(alg, parameters, feedback):
    import processing

    return processing.run(alg, parameters, feedback=feedback)


def assert_stops_soon(feedback, parameters, alg="sundplan:catchments"):
    with pytest.raises(QgsProcessingException, match="[Cc]ancel"):
        run(alg, parameters, feedback)
    assert feedback.cancelled_at is not None, "the run never reached the cancel point"
    assert time.perf_counter() - feedback.cancelled_at < 1.5


@pytest.mark.parametrize("network", ["pbf", "gpkg"])
def test_progress_never_goes_backwards(sundplan_provider, sample, tmp_path, network):
    extra = {}
    if network == "gpkg":
        extra = {
            "NETWORK_FILE": None,
            "NETWORK_LAYER": sample.uri("roads"),
            "SPEED_FIELD": "maxspeed_kmh",
            "ONEWAY_FIELD": "oneway",
            "CLASS_FIELD": "road_class",
            "DURATION_FIELD": "duration_min",
        }
    fb = Feedback()
    run("sundplan:catchments", params(sample, tmp_path, **extra), fb)
    assert len(fb.values) > 10 and fb.values[-1] >= 90
    backwards = [(a, b) for a, b in zip(fb.values, fb.values[1:], strict=False) if b < a]
    assert backwards == [], f"progress went back: {backwards[:5]}"


def test_cancel_at_the_first_progress_stops_the_run(sundplan_provider, sample, tmp_path):
    fb = Feedback(cancel_when=lambda value, values: len(values) == 1)
    assert_stops_soon(fb, params(sample, tmp_path))
    assert max(fb.values) <= 15  # stopped while reading the network
    assert not (tmp_path / "tt.tif").exists()


def _many_lines_layer(n: int) -> QgsVectorLayer:
    layer = QgsVectorLayer("LineString?crs=EPSG:25832&field=maxspeed:double", "many", "memory")
    feats = []
    for i in range(n):
        f = QgsFeature(layer.fields())
        f.setAttributes([50.0])
        x, y = 500_000 + (i % 300) * 100.0, 6_200_000 + (i // 300) * 100.0
        f.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y), QgsPointXY(x + 100, y)]))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def test_cancel_stops_reading_a_qgis_line_layer(sundplan_provider, sample, tmp_path):
    layer = _many_lines_layer(30_000)
    fb = Feedback(cancel_when=lambda value, values: len(values) == 1)
    parameters = params(sample, tmp_path, NETWORK_FILE=None, NETWORK_LAYER=layer)
    parameters["SPEED_FIELD"] = "maxspeed"
    t0 = time.perf_counter()
    assert_stops_soon(fb, parameters)
    assert time.perf_counter() - t0 < 5


def test_cancel_stops_reading_a_huge_raster(sundplan_provider, sample, big_raster, tmp_path):
    """Cancel as soon as the raster reading starts (progress 30 %): the 20000² raster is not
    read to the end (a whole read takes seconds), the run stops within about a second."""
    fb = Feedback(cancel_when=lambda value, values: value >= 30)
    assert_stops_soon(fb, params(sample, tmp_path, POPULATION_RASTER=str(big_raster)))
    assert max(fb.values) < 35


SAMPLE_FILES = sorted(
    ["sample_region.gpkg", "population.tif", "roads.osm", "roads.osm.pbf", "README.txt"]
)


@pytest.mark.parametrize("cancel_after", range(1, 10))
def test_cancelled_sample_data_leaves_nothing(sundplan_provider, tmp_path, cancel_after):
    """Cancel at every progress call in turn: the run stops and leaves nothing, or (a cancel
    after the files are in place) it completes with every file."""
    for out, before in ((tmp_path / "new" / "out", []), (tmp_path / "keep", ["mine.txt"])):
        if before:
            out.mkdir()
            (out / "mine.txt").write_text("x")
        fb = Feedback(cancel_when=lambda value, values: len(values) >= cancel_after)
        try:
            run("sundplan:sample_data", {"SEED": 2027, "OUTPUT_FOLDER": str(out)}, fb)
        except QgsProcessingException as exc:
            assert "ancel" in str(exc)
            assert not out.exists() or sorted(p.name for p in out.rglob("*")) == before
        else:
            # Only a cancel at the last check (moving the files into place: 95 % of the
            # core's 0–90 %) or later lets the run complete.
            assert fb.cancelled_at is None or fb.values[cancel_after - 1] >= 85.5
            assert sorted(p.name for p in out.iterdir()) == sorted(SAMPLE_FILES + before)


def test_sample_data_progress_never_goes_backwards(sundplan_provider, tmp_path):
    fb = Feedback()
    res = run("sundplan:sample_data", {"SEED": 2027, "OUTPUT_FOLDER": str(tmp_path / "s")}, fb)
    assert len(fb.values) >= 8 and fb.values[-1] == 100
    assert fb.values == sorted(fb.values)
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == SAMPLE_FILES
    assert res["POPULATION"] == str(tmp_path / "s" / "population.tif")
