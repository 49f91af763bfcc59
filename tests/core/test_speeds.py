"""One speed-text parser for every network reader: the documented outcomes, table-driven,
through the parser, the GDAL/Arrow file reader and the OSM reader; implausible speeds (≤ 0 or
> 150 km/h) rejected with the features named (user data) or ignored (OSM tags).

The QGIS-layer reader (``processing/_inputs.lines_from_source``) runs the same table in
``tests/plugin/test_hygiene.py``.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
from osgeo import ogr, osr

from sundplan_qgis import network as N
from sundplan_qgis.errors import SundplanError

MPH = 1.609344
NAN = math.nan

#: (speed text, km/h) — the documented outcomes; NaN = the road class's default speed.
SPEED_TABLE: list[tuple[str, float]] = [
    ("50", 50.0),
    (" 80 ", 80.0),
    ("50 km/h", 50.0),
    ("50kmh", 50.0),
    ("50,5", 50.5),
    ("50 mph", 50 * MPH),
    ("30 MPH", 30 * MPH),
    ("20 knots", 20 * 1.852),
    ("DK:urban", 50.0),
    ("dk:rural", 80.0),
    ("DK:motorway", 130.0),
    ("DK:zone30", 30.0),
    ("50;60", 50.0),
    ("none", NAN),
    ("signals", NAN),
    ("variable", NAN),
    ("walk", NAN),
    ("", NAN),
    ("fast", NAN),
    ("50 km", NAN),
    ("NULL", NAN),
]

#: implausible values: kept by the parser, rejected by the user-data readers
IMPLAUSIBLE = [("0", 0.0), ("-5", -5.0), ("200", 200.0), ("100 mph", 100 * MPH)]


def osr_wkt(epsg: int) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def _same(got: float, want: float) -> bool:
    return math.isnan(got) if math.isnan(want) else got == pytest.approx(want)


@pytest.mark.parametrize(("text", "kmh"), SPEED_TABLE + IMPLAUSIBLE)
def test_parser_outcomes(text: str, kmh: float) -> None:
    assert _same(N.parse_maxspeed_kmh(text), kmh)
    assert N.parse_speed_kmh is N.parse_maxspeed_kmh  # one parser, two names


def test_numbers_and_nulls() -> None:
    assert N.parse_maxspeed_kmh(70) == 70.0
    assert N.parse_maxspeed_kmh(np.float32(60.5)) == pytest.approx(60.5)
    assert N.parse_maxspeed_kmh(0) == 0.0  # kept, so the readers can reject it
    for v in (None, float("nan"), float("inf"), True):
        assert math.isnan(N.parse_maxspeed_kmh(v))


def test_speeds_from_values_mixed_column() -> None:
    got = N.speeds_from_values(np.array(["50 mph", None, 70, "DK:urban", 7.5], dtype=object))
    want = [50 * MPH, NAN, 70.0, 50.0, 7.5]
    assert all(_same(g, w) for g, w in zip(got, want, strict=True))
    masked = np.ma.masked_array([30.0, 0.0], mask=[False, True])
    assert list(np.isnan(N.speeds_from_values(masked))) == [False, True]


def _gpkg(path: Path, values: list, ftype=ogr.OFTString) -> Path:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    lyr = ds.CreateLayer("roads", srs, ogr.wkbLineString)
    lyr.CreateField(ogr.FieldDefn("speed", ftype))
    lyr.CreateField(ogr.FieldDefn("road_class", ogr.OFTString))
    for i, v in enumerate(values):
        f = ogr.Feature(lyr.GetLayerDefn())
        if v is not None:
            f.SetField("speed", v)
        f.SetField("road_class", "tertiary")
        x = 700000.0 + 100.0 * i
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"LINESTRING ({x} 6170000, {x + 50} 6170000)"))
        lyr.CreateFeature(f)
    ds = None
    return path


def test_file_reader_uses_the_parser(tmp_path: Path) -> None:
    texts = [t for t, _ in SPEED_TABLE]
    lines = N.read_lines_ogr(
        _gpkg(tmp_path / "r.gpkg", texts), speed_field="speed", class_field="road_class"
    )
    assert len(lines.speed_kmh) == len(SPEED_TABLE)
    for got, (text, want) in zip(lines.speed_kmh, SPEED_TABLE, strict=True):
        assert _same(got, want), text


def test_file_reader_rejects_implausible_speeds_naming_features(tmp_path: Path) -> None:
    texts = ["50", "200", "60", "0", "-5", "100 mph"]
    with pytest.raises(SundplanError) as err:
        N.read_lines_ogr(_gpkg(tmp_path / "r.gpkg", texts), speed_field="speed")
    text = str(err.value)
    # GeoPackage fids start at 1: features 2 (200), 4 (0), 5 (-5), 6 (100 mph)
    assert "'speed'" in text and "4 features" in text
    assert "2 (200 km/h)" in text and "4 (0 km/h)" in text and "5 (-5 km/h)" in text
    assert "6 (160.934 km/h)" in text and "1 (50" not in text
    assert "NULL" in text  # the fix


@pytest.mark.parametrize("value", [0, -30, 151, 999])
def test_numeric_field_implausible_rejected(tmp_path: Path, value: int) -> None:
    with pytest.raises(SundplanError, match=r"implausible speeds .* 1 features: 2 \("):
        N.read_lines_ogr(
            _gpkg(tmp_path / "n.gpkg", [80, value, None], ogr.OFTInteger), speed_field="speed"
        )


def test_numeric_field_null_and_limits_accepted(tmp_path: Path) -> None:
    lines = N.read_lines_ogr(
        _gpkg(tmp_path / "n.gpkg", [150, None, 1], ogr.OFTInteger), speed_field="speed"
    )
    assert lines.speed_kmh[0] == 150 and math.isnan(lines.speed_kmh[1])
    assert lines.speed_kmh[2] == 1


def _osm(path: Path, texts: list[str]) -> Path:
    nodes, ways = [], []
    for i, t in enumerate(texts):
        a, b = 2 * i + 1, 2 * i + 2
        nodes.append(f'<node id="{a}" lat="55.70" lon="{12.50 + 0.01 * i:.2f}" version="1"/>')
        nodes.append(f'<node id="{b}" lat="55.705" lon="{12.50 + 0.01 * i:.2f}" version="1"/>')
        tag = f'<tag k="maxspeed" v="{t}"/>' if t else ""
        ways.append(
            f'<way id="{100 + i}" version="1"><nd ref="{a}"/><nd ref="{b}"/>'
            f'<tag k="highway" v="tertiary"/>{tag}</way>'
        )
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\">\n"
        + "\n".join(nodes + ways)
        + "\n</osm>\n"
    )
    return path


def test_osm_reader_uses_the_parser(tmp_path: Path) -> None:
    table = [(t, k) for t, k in SPEED_TABLE if t.strip()]
    lines = N.read_osm(_osm(tmp_path / "s.osm", [t for t, _ in table]))
    assert len(lines.speed_kmh) == len(table)
    for got, (text, want) in zip(lines.speed_kmh, table, strict=True):
        assert _same(got, want), text


def test_osm_implausible_tags_fall_back_to_the_class_default(tmp_path: Path) -> None:
    lines = N.read_osm(_osm(tmp_path / "bad.osm", ["0", "200", "60"]))
    assert np.isnan(lines.speed_kmh[:2]).all() and lines.speed_kmh[2] == 60
    graph = N.build_graph(lines)
    assert graph.stats["n_lines_default_speed"] == 2


def test_build_graph_ignores_implausible_line_speeds() -> None:
    # a RoadLines made by other code (e.g. the osmnx download) with 500 km/h: class default
    lines = N.RoadLines(
        coords=np.array([[0.0, 0.0], [1000.0, 0.0]]),
        offsets=np.array([0, 2]),
        road_class=np.array(["tertiary"], dtype=object),
        speed_kmh=np.array([500.0]),
        oneway=np.zeros(1, dtype=np.int8),
        ferry_duration_min=np.array([np.nan]),
        crs_wkt=osr_wkt(25832),
        source_name="t",
    )
    graph = N.build_graph(lines)
    # 1000 m at the tertiary default 50 km/h = 72 s
    assert graph.forward.data.max() == pytest.approx(72.0)


@pytest.mark.parametrize("kmh", ["151", "0", "-1", "nan", "inf"])
def test_speed_table_rejects_implausible(kmh: str) -> None:
    with pytest.raises(SundplanError, match="tertiary"):
        N.speeds_from_table([("tertiary", kmh)])
    assert N.speeds_from_table([("tertiary", "150")]) == {"tertiary": 150.0}
