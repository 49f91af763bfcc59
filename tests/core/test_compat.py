"""Tests of sundplan_qgis._compat: the version-specific helpers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from sundplan_qgis import _compat


def test_unique_inverse_is_1d() -> None:
    uniq, inv = _compat.unique_inverse(np.array([3, 1, 3, 2]))
    assert list(uniq) == [1, 2, 3]
    assert inv.ndim == 1 and list(inv) == [2, 0, 2, 1]
    uniq, inv = _compat.unique_inverse(np.array(["b", "a", "b"], dtype=object).astype(str))
    assert list(uniq) == ["a", "b"] and list(inv) == [1, 0, 1]


def test_gdal_exceptions_restores_state() -> None:
    before = (gdal.GetUseExceptions(), ogr.GetUseExceptions())
    with pytest.raises(RuntimeError):
        with _compat.gdal_exceptions():
            gdal.OpenEx("/nonexistent/nowhere.gpkg", gdal.OF_VECTOR)
            # without exceptions OpenEx returns None; make sure we never get here silently
            raise AssertionError("no exception raised")
    assert (gdal.GetUseExceptions(), ogr.GetUseExceptions()) == before


def _tiny_gpkg(path: Path) -> Path:
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    lyr = ds.CreateLayer("roads", srs, ogr.wkbLineString)
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("speed", ogr.OFTReal))
    for i, (name, speed) in enumerate([("Vej", 50.0), (None, None), ("Gade", 30.0)]):
        f = ogr.Feature(lyr.GetLayerDefn())
        if name is not None:
            f.SetField("name", name)
            f.SetField("speed", speed)
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"LINESTRING ({i} 0, {i} 1)"))
        lyr.CreateFeature(f)
    ds = None
    return path


def test_ogr_arrow_batches_and_columns(tmp_path: Path) -> None:
    ds = ogr.Open(str(_tiny_gpkg(tmp_path / "t.gpkg")))
    batches = list(_compat.ogr_arrow_batches(ds.GetLayer(0), batch_size=2))
    assert len(batches) == 2
    names = np.concatenate([_compat.column_to_str(b["name"]) for b in batches])
    assert list(names) == ["Vej", "", "Gade"]
    speed = np.concatenate([_compat.column_to_float(b["speed"]) for b in batches])
    np.testing.assert_array_equal(speed, [50.0, np.nan, 30.0])
    geoms = [g for b in batches for g in _compat.wkb_column_to_list(b["geom"])]
    assert all(isinstance(g, bytes) for g in geoms)
    assert ogr.CreateGeometryFromWkb(geoms[2]).ExportToWkt() == "LINESTRING (2 0,2 1)"


def test_column_to_str_variants() -> None:
    assert list(_compat.column_to_str(np.array([b"a", b"\xc3\xa6"]))) == ["a", "æ"]
    assert list(_compat.column_to_str(np.array(["x", "y"]))) == ["x", "y"]
    assert list(_compat.column_to_str(np.array([b"a", None, "b"], dtype=object))) == ["a", "", "b"]
    masked = np.ma.masked_array(np.array([b"yes", b"no"]), mask=[False, True])
    assert list(_compat.column_to_str(masked)) == ["yes", ""]
    assert list(_compat.column_to_str(np.array([1.0, -1.0, np.nan]))) == ["1", "-1", ""]
    assert list(_compat.column_to_str(np.array([1, -1], dtype=np.int64))) == ["1", "-1"]


def test_wkb_column_to_list_void_and_masked() -> None:
    wkb = ogr.CreateGeometryFromWkt("LINESTRING (0 0, 1 1)").ExportToIsoWkb()
    void = np.array([bytes(wkb), bytes(wkb)], dtype=f"V{len(wkb)}")
    assert _compat.wkb_column_to_list(void) == [bytes(wkb)] * 2
    obj = np.ma.masked_array(np.array([bytes(wkb), None], dtype=object), mask=[False, True])
    assert _compat.wkb_column_to_list(obj) == [bytes(wkb), None]


def test_pyosmium_helpers(tmp_path: Path) -> None:
    import osmium

    version = _compat.pyosmium_version()
    assert len(version) >= 2 and version[0] >= 3
    p = tmp_path / "t.osm"
    p.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><osm version='0.6'>"
        "<node id='1' lat='55.0' lon='12.0' version='1'/>"
        "<node id='2' lat='55.0' lon='12.1' version='1'/>"
        "<way id='3' version='1'><nd ref='1'/><nd ref='2'/><tag k='highway' v='primary'/></way>"
        "</osm>"
    )
    factory = _compat.osm_wkb_factory()
    seen: list[str] = []

    class H(osmium.SimpleHandler):
        def way(self, w: object) -> None:
            seen.append(factory.create_linestring(w))

    _compat.osm_apply_file(H(), str(p))
    assert len(seen) == 1
    geom = ogr.CreateGeometryFromWkb(bytes.fromhex(seen[0]))
    assert geom.GetPointCount() == 2
    assert geom.GetX(1) == pytest.approx(12.1) and geom.GetY(1) == pytest.approx(55.0)


def test_osmnx_graph_from_xml(tmp_path: Path) -> None:
    pytest.importorskip("osmnx")
    p = tmp_path / "t.osm"
    p.write_text(
        "<?xml version='1.0' encoding='UTF-8'?><osm version='0.6'>"
        "<node id='1' lat='55.0' lon='12.0' version='1'/>"
        "<node id='2' lat='55.0' lon='12.01' version='1'/>"
        "<node id='4' lat='55.01' lon='12.01' version='1'/>"
        "<way id='3' version='1'><nd ref='1'/><nd ref='2'/><nd ref='4'/>"
        "<tag k='highway' v='residential'/></way>"
        "</osm>"
    )
    g = _compat.osmnx_graph_from_xml(str(p), simplify=False)
    assert set(g.nodes) == {1, 2, 4}
    assert g.number_of_edges() == 4  # two-way residential: 2 segments x 2 directions


def test_pyproj_transform_xy_arrays_and_no_warning_for_one_point() -> None:
    import warnings

    from pyproj import Transformer

    tr = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
    x1, y1 = tr.transform(10.0, 56.0)
    with warnings.catch_warnings():
        # pyproj >= 3.5 + numpy >= 1.25 warn for a one-element array (scalar fast path)
        warnings.simplefilter("error")
        for n in (0, 1, 3):
            x, y = _compat.pyproj_transform_xy(tr, np.full(n, 10.0), np.full(n, 56.0))
            assert isinstance(x, np.ndarray) and isinstance(y, np.ndarray)
            assert x.shape == y.shape == (n,) and x.dtype == y.dtype == np.float64
            np.testing.assert_allclose(x, x1)
            np.testing.assert_allclose(y, y1)
