"""processing/base.py helpers: DataFrame -> sink, user errors, progress and cancel."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant


@pytest.fixture
def alg_class(sundplan_package, qgis_processing):
    """A throw-away SundplanAlgorithm whose compute() is set per test."""
    from sundplan.processing._sinks import dataframe_to_sink
    from sundplan.processing.base import SundplanAlgorithm

    class _TestAlgorithm(SundplanAlgorithm):
        _name = "test_alg"
        _display_name = "Test"
        _requires = ("pandas",)
        body = None

        def define_parameters(self, config=None):
            self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", "Output"))

        def compute(self, parameters, context, feedback):
            return type(self).body(self, parameters, context, feedback, dataframe_to_sink)

    return _TestAlgorithm


def _run(alg_class, body, tmp_path=None, **params):
    """Run the test algorithm; with tmp_path the OUTPUT is a GeoPackage, returned as a layer."""
    import processing

    alg_class.body = body
    if tmp_path is None:
        return processing.run(alg_class(), {"OUTPUT": "TEMPORARY_OUTPUT", **params})
    out = tmp_path / "out.gpkg"
    results = processing.run(alg_class(), {"OUTPUT": str(out), **params})
    results["OUTPUT"] = QgsVectorLayer(str(out), "out", "ogr")
    assert results["OUTPUT"].isValid()
    return results


def test_dataframe_with_xy_points_and_typed_fields(alg_class, tmp_path):
    df = pd.DataFrame(
        {
            "code": ["0101", "0147", None],
            "n": pd.Series([1, 2, 3], dtype="int64"),
            "share": [0.5, math.nan, 1.0],
            "ok": [True, False, True],
            "when": pd.to_datetime(["2027-01-01", "2027-06-30", None]),
            "x": [720_000.0, 721_000.0, math.nan],
            "y": [6_170_000.0, 6_171_000.0, 6_172_000.0],
        }
    )

    def body(self, parameters, context, feedback, to_sink):
        return {
            "OUTPUT": to_sink(
                self, df, parameters, "OUTPUT", context, x="x", y="y", crs="EPSG:25832"
            )
        }

    layer = _run(alg_class, body, tmp_path)["OUTPUT"]
    assert layer.crs().authid() == "EPSG:25832"
    assert layer.wkbType() == QgsWkbTypes.parseType("Point")
    fields = layer.fields()
    assert fields.names()[-5:] == ["code", "n", "share", "ok", "when"]  # after gpkg's fid
    assert fields.field("n").type() == QVariant.LongLong
    assert fields.field("share").type() == QVariant.Double
    assert fields.field("ok").type() == QVariant.Bool
    assert fields.field("when").type() == QVariant.DateTime
    assert fields.field("code").type() == QVariant.String
    rows = list(layer.getFeatures())
    assert [r["code"] for r in rows][:2] == ["0101", "0147"]
    assert rows[2]["code"] is None or rows[2].attribute("code") == QVariant()
    assert rows[1]["share"] is None or rows[1].attribute("share") == QVariant()
    assert rows[0]["n"] == 1 and rows[0]["ok"] is True
    assert rows[1]["when"].date().month() == 6
    assert rows[0].geometry().asPoint().x() == 720_000.0
    assert rows[2].geometry().isNull() or rows[2].geometry().isEmpty()  # NaN -> no geometry


def test_dataframe_with_shapely_geometries_promotes_to_multi(alg_class, tmp_path):
    from shapely.geometry import MultiPolygon, Polygon

    square = Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])
    geometries = np.empty(3, dtype=object)  # avoid pandas calling len() on shapely 1.8
    for i, geometry in enumerate([square, MultiPolygon([square]), None]):
        geometries[i] = geometry
    df = pd.DataFrame({"name": ["a", "b", "c"]})
    df["geometry"] = geometries

    def body(self, parameters, context, feedback, to_sink):
        return {
            "OUTPUT": to_sink(
                self, df, parameters, "OUTPUT", context, geometry="geometry", crs="EPSG:25832"
            )
        }

    layer = _run(alg_class, body, tmp_path)["OUTPUT"]
    assert QgsWkbTypes.isMultiType(layer.wkbType())
    assert layer.fields().names()[-1] == "name"
    geoms = [f.geometry() for f in layer.getFeatures()]
    assert geoms[0].isMultipart() and abs(geoms[0].area() - 1.0) < 1e-12
    assert geoms[2].isNull() or geoms[2].isEmpty()


def test_table_without_geometry(alg_class, tmp_path):
    df = pd.DataFrame({"a": [1, 2]})

    def body(self, parameters, context, feedback, to_sink):
        return {"OUTPUT": to_sink(self, df, parameters, "OUTPUT", context)}

    layer = _run(alg_class, body, tmp_path)["OUTPUT"]
    assert not layer.isSpatial() and layer.featureCount() == 2


def test_sundplan_error_becomes_processing_exception(alg_class):
    from sundplan.sundplan_qgis.errors import SundplanError

    def body(self, parameters, context, feedback, to_sink):
        raise SundplanError("Layer 'roads', feature 7: no speed. Fill maxspeed_kmh.")

    with pytest.raises(QgsProcessingException, match="Layer 'roads', feature 7: no speed"):
        _run(alg_class, body)


def test_sundplan_error_from_second_import_name_also_converted(alg_class):
    """The core imported as top-level ``sundplan_qgis`` (tests, scripts) raises its own class."""
    from sundplan_qgis.errors import SundplanError as TopLevelError

    def body(self, parameters, context, feedback, to_sink):
        raise TopLevelError("from the other import name")

    with pytest.raises(QgsProcessingException, match="from the other import name"):
        _run(alg_class, body)


def test_import_error_in_compute_gives_install_hint(alg_class):
    def body(self, parameters, context, feedback, to_sink):
        raise ImportError("No module named 'osmnx'", name="osmnx")

    with pytest.raises(QgsProcessingException, match="python3-osmnx"):
        _run(alg_class, body)


def test_raise_user_error(alg_class):
    from sundplan.processing._runtime import raise_user_error

    def body(self, parameters, context, feedback, to_sink):
        raise_user_error("Pick a layer in EPSG:25832.")

    with pytest.raises(QgsProcessingException, match="Pick a layer in EPSG:25832"):
        _run(alg_class, body)


def test_progress_callback_maps_range_and_cancels(sundplan_package):
    from sundplan.processing._runtime import progress_callback
    from sundplan.sundplan_qgis.errors import Cancelled, SundplanError

    feedback = QgsProcessingFeedback()
    texts = []
    feedback.progressTextChanged.connect(texts.append) if hasattr(
        feedback, "progressTextChanged"
    ) else None
    progress = progress_callback(feedback, start=0.5, end=1.0)
    progress(0.5, "Routing")
    assert feedback.progress() == pytest.approx(75.0)
    progress(2.0, "Routing")
    assert feedback.progress() == pytest.approx(100.0)
    feedback.cancel()
    with pytest.raises(Cancelled) as info:
        progress(0.9, "")
    assert isinstance(info.value, SundplanError)
    progress_callback(None)(0.3, "no feedback: no-op")


def test_cancel_inside_compute_is_a_message(alg_class):
    from sundplan.sundplan_qgis.errors import Cancelled

    def body(self, parameters, context, feedback, to_sink):
        raise Cancelled("Cancelled by the user.")

    with pytest.raises(QgsProcessingException, match="Cancelled"):
        _run(alg_class, body)


def test_subclass_run_method_is_refused(sundplan_package):
    """A subclass that names its hook ``run`` must not shadow QgsProcessingAlgorithm.run:
    defining it fails at class creation with a message naming ``compute``."""
    from sundplan.processing.base import SundplanAlgorithm

    with pytest.raises(TypeError, match=r"Legacy defines run\(\).*compute\(\)"):

        class Legacy(SundplanAlgorithm):
            def run(self, parameters, context, feedback):
                return {"X": 1}


def test_write_frame_registers_the_output_for_metadata_and_keeps_its_style(alg_class, tmp_path):
    """``write_frame`` is the method form of ``dataframe_to_sink``: the written output gets
    provenance metadata (title from the parameter), and a style chosen with ``style_output``
    is kept."""
    from sundplan.processing._postprocess import OutputStyle

    df = pd.DataFrame({"n": [1, 2]})
    seen = {}

    def body(self, parameters, context, feedback, _to_sink):
        dest = self.write_frame(df, "OUTPUT", parameters, context)
        seen["first"] = self._outputs_to_style[dest]
        self.style_output(dest, None, context, title="Styled", in_file=False)
        self.register_output(dest, title="Ignored: already set")
        seen["second"] = self._outputs_to_style[dest]
        return {"OUTPUT": dest}

    layer = _run(alg_class, body, tmp_path)["OUTPUT"]
    assert layer.featureCount() == 2
    assert seen["first"] == OutputStyle(title="Output")
    assert seen["second"] == OutputStyle(title="Styled", in_file=False)
