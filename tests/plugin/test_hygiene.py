"""Parameter and output hygiene of the base class (every tool gets it), in-process:

* expressions with QGIS semantics: the active set equals ``native:extractbyexpression``;
  parse and evaluation errors stop naming the parameter;
* NaN/inf numbers, two outputs one path, an output over an input, wrong output extensions,
  unwritable folders, paths under a regular file, 256-byte names: a message, nothing written;
* outputs all or nothing (a failure leaves no new file and older outputs intact), GeoPackages
  out of WAL mode, no traceback for unexpected errors;
* the QGIS-layer network reader uses the core's one speed parser.
"""

from __future__ import annotations

import math
import os
import sqlite3
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)


class Recorder(QgsProcessingFeedback):
    """Keeps every error and info text (``processing.run`` puts check failures there)."""

    def __init__(self):
        super().__init__()
        self.errors: list[str] = []
        self.infos: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)
        super().reportError(error, fatalError)

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)
        super().pushInfo(info)


def _files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# --------------------------------------------------------------------------- test algorithm
@pytest.fixture
def hyg_class(sundplan_package, qgis_processing):
    """A tool with a number, two sinks, a GeoTIFF and a report; ``fail_after`` makes compute
    raise after writing some outputs."""
    from sundplan.processing._sinks import dataframe_to_sink
    from sundplan.processing.base import SundplanAlgorithm

    class _Hygiene(SundplanAlgorithm):
        _name = "hygiene_test"
        _display_name = "Hygiene test"
        _requires = ("pandas",)
        fail_with: Exception | None = None

        def define_parameters(self, config=None):
            self.addParameter(
                QgsProcessingParameterNumber(
                    "DIST", "Distance", QgsProcessingParameterNumber.Double, 100.0, minValue=0
                )
            )
            self.addParameter(QgsProcessingParameterFeatureSource("INPUT", "Input", optional=True))
            self.addParameter(QgsProcessingParameterFeatureSink("A", "Table A"))
            self.addParameter(QgsProcessingParameterFeatureSink("B", "Table B"))
            self.addParameter(QgsProcessingParameterRasterDestination("R", "Raster"))
            self.add_report_output()

        def compute(self, parameters, context, feedback):
            import rasterio
            from rasterio.transform import from_origin

            df = pd.DataFrame({"v": [1.0, 2.0], "x": [0.0, 1.0], "y": [0.0, 1.0]})
            out = {
                "A": dataframe_to_sink(
                    self, df, parameters, "A", context, x="x", y="y", crs="EPSG:25832"
                )
            }
            path = self.parameterAsOutputLayer(parameters, "R", context)
            with rasterio.open(
                path,
                "w",
                driver="GTiff",
                width=2,
                height=2,
                count=1,
                dtype="float32",
                crs="EPSG:25832",
                transform=from_origin(0, 2, 1, 1),
            ) as ds:
                ds.write(np.ones((1, 2, 2), dtype="float32"))
            out["R"] = path
            if type(self).fail_with is not None:
                raise type(self).fail_with
            out["B"] = dataframe_to_sink(self, df, parameters, "B", context)
            out.update(self.write_report({"n": 2}, parameters, context))
            return out

    yield _Hygiene
    _Hygiene.fail_with = None


def _params(folder: Path, **extra) -> dict:
    p = {
        "DIST": 10.0,
        "A": str(folder / "a.gpkg"),
        "B": str(folder / "b.gpkg"),
        "R": str(folder / "r.tif"),
        "REPORT": str(folder / "report.json"),
    }
    p.update(extra)
    return p


def _run(alg, params, feedback=None):
    import processing

    return processing.run(alg(), params, feedback=feedback or Recorder())


def _refused(alg, params) -> str:
    """Run, expect a refusal; return every message the user saw."""
    fb = Recorder()
    with pytest.raises(QgsProcessingException) as err:
        _run(alg, params, fb)
    text = "\n".join([str(err.value), *fb.errors])
    assert "Traceback" not in text
    return text


def test_good_run_writes_everything_and_no_temporaries(hyg_class, tmp_path):
    res = _run(hyg_class, _params(tmp_path / "new" / "sub"))
    out = tmp_path / "new" / "sub"
    assert _files(out) == sorted(
        ["a.gpkg", "b.gpkg", "r.tif", "report.json", "report.txt"]
        + [f for f in _files(out) if f.endswith((".aux.xml", ".qml"))]
    )
    assert res["A"] == str(out / "a.gpkg") and res["REPORT"] == str(out / "report.json")
    assert res["REPORT_TEXT"] == str(out / "report.txt") and res["R"] == str(out / "r.tif")
    assert QgsVectorLayer(res["A"], "a", "ogr").featureCount() == 2


def test_geopackages_are_left_out_of_wal_mode(hyg_class, tmp_path):
    _run(hyg_class, _params(tmp_path))
    for name in ("a.gpkg", "b.gpkg"):
        con = sqlite3.connect(tmp_path / name)
        assert con.execute("PRAGMA journal_mode").fetchone()[0].lower() == "delete"
        con.close()
        assert not (tmp_path / (name + "-wal")).exists()


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", float("nan"), float("inf")])
def test_nan_and_inf_numbers_refused(hyg_class, tmp_path, value):
    text = _refused(hyg_class, _params(tmp_path, DIST=value))
    assert "DIST" in text and "finite" in text
    assert _files(tmp_path) == []


def test_two_outputs_one_path_refused(hyg_class, tmp_path):
    text = _refused(hyg_class, _params(tmp_path, B=str(tmp_path / "a.gpkg")))
    assert "(B)" in text and "(A)" in text and "own file" in text
    assert _files(tmp_path) == []


def test_same_file_spelled_differently_refused(hyg_class, tmp_path):
    (tmp_path / "sub").mkdir()
    text = _refused(hyg_class, _params(tmp_path, B=str(tmp_path / "sub" / ".." / "a.gpkg")))
    assert "(B)" in text and "(A)" in text
    assert _files(tmp_path) == ["sub"]


@pytest.mark.parametrize(
    ("key", "name", "wanted"),
    [
        ("A", "a.txt", ".gpkg"),
        ("A", "a", ".gpkg"),
        ("R", "r.png", ".tif"),
        ("R", "r.gpkg", ".tif"),
        ("REPORT", "report.txt", ".json"),
    ],
)
def test_output_extension_must_fit_the_kind(hyg_class, tmp_path, key, name, wanted):
    text = _refused(hyg_class, _params(tmp_path, **{key: str(tmp_path / name)}))
    assert f"({key})" in text and wanted in text
    assert _files(tmp_path) == []


def test_output_under_a_regular_file_refused(hyg_class, tmp_path):
    (tmp_path / "afile").write_text("x")
    text = _refused(hyg_class, _params(tmp_path, REPORT=str(tmp_path / "afile" / "r.json")))
    assert "(REPORT)" in text and "is a file, not a folder" in text
    assert _files(tmp_path) == ["afile"] and (tmp_path / "afile").read_text() == "x"


def test_256_byte_file_name_refused(hyg_class, tmp_path):
    text = _refused(hyg_class, _params(tmp_path, REPORT=str(tmp_path / ("x" * 251 + ".json"))))
    assert "(REPORT)" in text and "256 bytes" in text and "255" in text
    assert _files(tmp_path) == []
    # 255 bytes is allowed
    res = _run(hyg_class, _params(tmp_path, REPORT=str(tmp_path / ("y" * 250 + ".json"))))
    assert Path(res["REPORT"]).is_file()


def test_output_that_is_a_folder_refused(hyg_class, tmp_path):
    (tmp_path / "dir.gpkg").mkdir()
    text = _refused(hyg_class, _params(tmp_path, A=str(tmp_path / "dir.gpkg")))
    assert "(A)" in text and "is a folder" in text
    assert _files(tmp_path) == ["dir.gpkg"]


def test_unwritable_output_folder_refused(hyg_class, tmp_path):
    # /proc refuses new folders, also for root
    text = _refused(hyg_class, _params(tmp_path, B="/proc/sundplan-test/b.gpkg"))
    assert "(B)" in text and "/proc" in text
    assert _files(tmp_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_read_only_folder_refused(hyg_class, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir(mode=0o555)
    text = _refused(hyg_class, _params(tmp_path, B=str(ro / "b.gpkg")))
    assert "(B)" in text and "cannot be written" in text


def test_output_over_an_input_refused(hyg_class, tmp_path):
    src = tmp_path / "in.gpkg"
    layer = QgsVectorLayer("Point?crs=EPSG:25832&field=n:integer", "in", "memory")
    f = QgsFeature(layer.fields())
    f.setAttributes([1])
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(1, 1)))
    layer.dataProvider().addFeatures([f])
    QgsVectorFileWriter.writeAsVectorFormatV3(
        layer,
        str(src),
        QgsProject.instance().transformContext(),
        QgsVectorFileWriter.SaveVectorOptions(),
    )
    before = src.read_bytes()
    text = _refused(hyg_class, _params(tmp_path, INPUT=str(src), B=str(src)))
    assert "(B)" in text and "INPUT" in text and "overwritten" in text
    assert src.read_bytes() == before and _files(tmp_path) == ["in.gpkg"]


def test_failure_writes_nothing_and_keeps_older_outputs(hyg_class, tmp_path):
    from sundplan.sundplan_qgis.errors import SundplanError

    (tmp_path / "a.gpkg").write_bytes(b"older output")
    hyg_class.fail_with = SundplanError("Feature 3 of 'x' has no geometry.")
    text = _refused(hyg_class, _params(tmp_path))
    assert "Feature 3" in text
    # a.gpkg and r.tif were written before the error: neither reached the folder
    assert _files(tmp_path) == ["a.gpkg"]
    assert (tmp_path / "a.gpkg").read_bytes() == b"older output"


def test_unexpected_error_is_a_short_message_naming_the_tool(hyg_class, tmp_path):
    hyg_class.fail_with = ZeroDivisionError("float division by zero")
    fb = Recorder()
    with pytest.raises(QgsProcessingException) as err:
        _run(hyg_class, _params(tmp_path / "o"), fb)
    message = str(err.value)
    assert "Hygiene test" in message and "ZeroDivisionError" in message
    assert "report" in message and "Traceback" not in message
    assert any("Traceback" in info for info in fb.infos)  # details in the log only
    assert not (tmp_path / "o").exists()


# --------------------------------------------------------------------------- expressions
ROWS = [  # name, active_txt, active_num, active_real
    ("yes", "yes", 1, 1.0),
    ("no", "no", 0, 0.0),
    ("zero", "0", 0, 0.5),
    ("false", "false", 2, None),
    ("FALSE", "FALSE", None, -1.0),
    ("empty", "", 1, 0.0),
    ("null", None, None, None),
    ("true", "true", -1, 2.5),
    ("ja", "ja", 0, 0.0),
]
EXPRESSIONS = [
    '"active_txt"',
    '"active_num"',
    '"active_real"',
    "'no'",
    "NULL",
    "0",
    "1",
    "\"active_txt\" = 'yes'",
    '"active_num" > 0 AND "active_txt" <> \'no\'',
    '"active_num" IS NULL OR "active_real" < 1',
    "coalesce(\"active_txt\", 'x') IN ('yes', 'ja', 'x')",
    "\"name\" LIKE '%e%'",
]


def _layer(kind: str, tmp_path: Path) -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "Point?crs=EPSG:25832&field=name:string&field=active_txt:string"
        "&field=active_num:integer&field=active_real:double",
        "hospitals",
        "memory",
    )
    feats = []
    for i, row in enumerate(ROWS):
        f = QgsFeature(layer.fields())
        f.setAttributes(list(row))
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(700000 + i * 100, 6170000)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    if kind == "memory":
        return layer
    path = tmp_path / "h.gpkg"
    options = QgsVectorFileWriter.SaveVectorOptions()
    QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, str(path), QgsProject.instance().transformContext(), options
    )
    out = QgsVectorLayer(str(path), "hospitals", "ogr")
    assert out.isValid()
    return out


@pytest.mark.parametrize("kind", ["memory", "gpkg"])
def test_active_set_equals_extractbyexpression(sundplan_provider, tmp_path, kind):
    from qgis.core import QgsCoordinateReferenceSystem
    from sundplan.processing import _inputs

    import processing

    layer = _layer(kind, tmp_path)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())

    def active(expression):
        return sorted(
            _inputs.read_points(
                layer,
                layer_name="hospitals",
                target_crs=QgsCoordinateReferenceSystem("EPSG:25832"),
                context=context,
                name_field="name",
                active_expression=expression,
            )["names"]
        )

    for expression in EXPRESSIONS:
        native = processing.run(
            "native:extractbyexpression",
            {"INPUT": layer, "EXPRESSION": expression, "OUTPUT": "memory:"},
        )["OUTPUT"]
        want = sorted(f["name"] for f in native.getFeatures())
        assert active(expression) == want, (kind, expression)
    # QGIS truthiness, not Python's: the text 'no' is true, '0', 'false' and '' are not
    got = active('"active_txt"')
    if kind == "memory":
        assert sorted(got) == ["ja", "no", "true", "yes"]


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('"active" = = 1', "syntax error"),
        ('"active" = 1 AND', "syntax error"),
        ('"nofield" = 1', "nofield"),
        ('to_int("name") > 0', "Cannot convert"),
    ],
)
def test_bad_active_expression_stops_naming_the_parameter(
    sundplan_provider, tmp_path, expression, expected
):
    import processing
    from sundplan_qgis.sample import generate_sample_region

    sample = generate_sample_region(tmp_path / "s", seed=2027)
    out = tmp_path / "out"
    fb = Recorder()
    with pytest.raises(QgsProcessingException) as err:
        processing.run(
            "sundplan:catchments",
            {
                "HOSPITALS": sample.uri("hospitals"),
                "HOSPITAL_NAME_FIELD": "name",
                "ACTIVE_EXPRESSION": expression,
                "NETWORK_FILE": str(sample.roads_osm_pbf),
                "POPULATION_RASTER": str(sample.population_tif),
                "TRAVEL_TIME": str(out / "tt.tif"),
                "CATCHMENTS": str(out / "c.gpkg"),
                "BAND_POLYGONS": str(out / "b.gpkg"),
                "REPORT": str(out / "r.json"),
            },
            feedback=fb,
        )
    text = "\n".join([str(err.value), *fb.errors])
    assert "ACTIVE_EXPRESSION" in text and expected in text, text
    assert "Traceback" not in text
    assert not out.exists()


# --------------------------------------------------------------------------- speeds
def _road_layer(values) -> QgsVectorLayer:
    layer = QgsVectorLayer(
        "LineString?crs=EPSG:25832&field=speed:string&field=road_class:string", "roads", "memory"
    )
    feats = []
    for i, v in enumerate(values):
        f = QgsFeature(layer.fields())
        f.setAttributes([v, "tertiary"])
        x = 700000.0 + 100 * i
        f.setGeometry(
            QgsGeometry.fromPolylineXY([QgsPointXY(x, 6170000), QgsPointXY(x + 50, 6170000)])
        )
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def _read(layer):
    from sundplan.processing import _inputs

    return _inputs.lines_from_source(
        layer,
        layer_name="roads",
        speed_field="speed",
        oneway_field=None,
        class_field="road_class",
        duration_field=None,
    )


def test_qgis_layer_reader_uses_the_core_speed_parser(sundplan_package):
    from tests.core.test_speeds import SPEED_TABLE

    lines = _read(_road_layer([t for t, _ in SPEED_TABLE] + [None]))
    for got, (text, want) in zip(lines.speed_kmh, SPEED_TABLE, strict=False):
        assert math.isnan(got) if math.isnan(want) else got == pytest.approx(want), text
    assert math.isnan(lines.speed_kmh[-1])  # NULL → class default
    assert lines.speed_kmh[SPEED_TABLE.index(("50 mph", 50 * 1.609344))] == pytest.approx(80.4672)


def test_qgis_layer_reader_rejects_implausible_speeds(sundplan_package):
    from sundplan.sundplan_qgis.errors import SundplanError

    with pytest.raises(Exception) as err:
        _read(_road_layer(["50", "0", "300", "60"]))
    assert type(err.value).__name__ == SundplanError.__name__
    text = str(err.value)
    # memory layer feature ids start at 1
    assert "'speed'" in text and "2 features" in text and "2 (0 km/h)" in text
    assert "3 (300 km/h)" in text and "1 (" not in text and "4 (" not in text


def test_toolbox_style_outputs_load_from_the_final_paths(hyg_class, tmp_path):
    """The toolbox passes QgsProcessingOutputLayerDefinition values and loads the outputs on
    completion: the layers to load must point at the final files, not the temporaries."""
    from qgis.core import QgsProcessingOutputLayerDefinition

    alg = hyg_class()
    alg.initAlgorithm()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    params = _params(tmp_path)
    for key in ("A", "B", "R"):
        params[key] = QgsProcessingOutputLayerDefinition(params[key], QgsProject.instance())
    fb = Recorder()
    ok, message = alg.checkParameterValues(params, context)
    assert ok, message
    results, ok = alg.run(params, context, fb)
    assert ok, fb.errors
    loads = sorted(context.layersToLoadOnCompletion())
    assert loads == sorted(str(tmp_path / n) for n in ("a.gpkg", "b.gpkg", "r.tif"))
    assert all(Path(p).is_file() for p in loads)
    assert results["A"] == str(tmp_path / "a.gpkg")
