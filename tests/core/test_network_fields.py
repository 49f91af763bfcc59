"""Road-layer fields detected by name when none is chosen (a file has no field chooser)."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import ogr

from sundplan_qgis import network as N
from sundplan_qgis.errors import SundplanError
from sundplan_qgis.network import fields as F

from .network_helpers import ls, write_gpkg

GEOFABRIK = {"fclass": ogr.OFTString, "maxspeed": ogr.OFTInteger, "oneway": ogr.OFTString}


def _geofabrik_file(tmp_path):
    # three 1 000 m lines in a row; Geofabrik's shapefile coding (maxspeed 0 = unknown)
    feats = [
        {"wkt": ls((0, 0), (1000, 0)), "fclass": "primary", "maxspeed": 0, "oneway": "B"},
        {"wkt": ls((1000, 0), (2000, 0)), "fclass": "primary", "maxspeed": 50, "oneway": "F"},
        {"wkt": ls((2000, 0), (3000, 0)), "fclass": "tertiary", "maxspeed": 0, "oneway": "T"},
    ]
    return write_gpkg(tmp_path / "gis_osm_roads.gpkg", feats, fields=GEOFABRIK)


def test_geofabrik_fields_are_detected_and_decoded(tmp_path):
    lines = N.read_lines_ogr(_geofabrik_file(tmp_path))
    assert lines.fields == {
        "class": "fclass",
        "speed": "maxspeed",
        "oneway": "oneway",
        "duration": None,
        "detected": ["speed", "oneway", "class"],
        "found": ["fclass", "maxspeed", "oneway"],
    }
    assert list(lines.road_class) == ["primary", "primary", "tertiary"]
    # maxspeed 0 is unknown (NaN: the class default applies), not an implausible speed
    assert (
        np.isnan(lines.speed_kmh[0]) and lines.speed_kmh[1] == 50 and np.isnan(lines.speed_kmh[2])
    )
    assert list(lines.oneway) == [0, 1, -1]  # B both, F along, T against the line
    graph = N.build_graph(lines)
    primary_s = 1000 / (N.DEFAULT_SPEEDS_KMH["primary"] / 3.6)
    x0 = graph.node_xy[:, 0].min()
    node = {round(x - x0): i for i, x in enumerate(graph.node_xy[:, 0])}
    fwd = graph.forward
    assert fwd[node[0], node[1000]] == pytest.approx(primary_s)
    assert fwd[node[1000], node[0]] == pytest.approx(primary_s)
    assert fwd[node[1000], node[2000]] == pytest.approx(1000 / (50 / 3.6))
    assert fwd[node[2000], node[1000]] == 0  # F: along the line only
    assert fwd[node[2000], node[3000]] == 0  # T: against the line only
    assert fwd[node[3000], node[2000]] == pytest.approx(
        1000 / (N.DEFAULT_SPEEDS_KMH["tertiary"] / 3.6)
    )


def test_a_named_field_wins_and_detection_can_be_off(tmp_path):
    path = _geofabrik_file(tmp_path)
    lines = N.read_lines_ogr(path, class_field="fclass", oneway_field=None, detect_fields=False)
    assert lines.fields["detected"] == [] and lines.fields["speed"] is None
    assert not lines.oneway.any() and np.isnan(lines.speed_kmh).all()


def test_tile_class_field_does_not_bring_its_oneway(tmp_path):
    # OpenMapTiles layers merge ways: their oneway flag is used only when named
    feats = [{"wkt": ls((0, 0), (1000, 0)), "class": "primary", "oneway": "1"}]
    path = write_gpkg(
        tmp_path / "tiles.gpkg", feats, fields={"class": ogr.OFTString, "oneway": ogr.OFTString}
    )
    lines = N.read_lines_ogr(path)
    assert lines.fields["class"] == "class" and lines.fields["oneway"] is None
    assert not lines.oneway.any()
    assert N.read_lines_ogr(path, oneway_field="oneway").oneway.tolist() == [1]


def test_true_false_letters_keep_their_usual_meaning():
    # without a 'B' the column is not Geofabrik's coding: 'T' is true (along the line)
    assert F.read_oneway(np.array(["T", "F", "T"], dtype=object)).tolist() == [1, 0, 1]
    assert F.read_oneway(np.array(["B", "T", ""], dtype=object)).tolist() == [0, -1, 0]


def test_no_class_and_no_speed_names_the_field_to_set(tmp_path):
    feats = [{"wkt": ls((0, 0), (1000, 0)), "kind": "vej"}]
    path = write_gpkg(tmp_path / "veje.gpkg", feats, fields={"kind": ogr.OFTString})
    lines = N.read_lines_ogr(path)  # readable: the geometry alone is fine
    with pytest.raises(SundplanError) as err:
        N.build_graph(lines)  # but no line has a speed
    text = str(err.value)
    assert "CLASS_FIELD" in text and "SPEED_FIELD" in text and "kind" in text and "veje" in text


def test_a_missing_named_field_lists_the_fields_found(tmp_path):
    path = _geofabrik_file(tmp_path)
    with pytest.raises(SundplanError, match="no field 'highway'.*fclass, maxspeed, oneway"):
        N.read_lines_ogr(path, class_field="highway")


def test_osm_schema_is_recognised_by_its_classes():
    osm = np.array(["primary", "primary_link", "tertiary", "ferry", "residential"], dtype=object)
    assert F.osm_schema(osm)
    own = np.array(["Motorvej", "Hovedrute", "Lokalvej", "primary"], dtype=object)
    assert not F.osm_schema(own)  # GeoDanmark-style classes: not credited to OSM
    assert not F.osm_schema(np.array([], dtype=object))
