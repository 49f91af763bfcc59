"""The hostile-input suite (issue 9 item 9): every tool, fed what a real user feeds it.

Each case in ``tests/hostile/test_*.py`` is a :class:`Case`: the tool, the parameters (a
function of the case's own copy of the inputs and an empty output folder) and the outcome class
it must reach, run through ``qgis_process`` (``batch``) and/or ``processing.run`` in this
process (``inproc``, pytest-qgis):

- ``error``: non-zero exit / ``QgsProcessingException``; no ``Traceback`` in any output; the
  message holds the case's ``words`` (the parameter, layer, field or value concerned, and a word
  of the fix); the output folder is exactly as before (nothing written, nothing half-written).
- ``result``: success, and ``check(run)`` compares the outputs with an independent computation
  or an invariant (population conservation, ids preserved, ...).

In both classes every file of the input folder (GeoPackages included) has the same sha256
before and after the run.

The fixtures of ``tests/batch/conftest.py`` (isolated qgis_process profile, the sample region
made once by ``sundplan:sample_data``) and of ``tests/plugin/conftest.py`` (the provider
registered in-process) are imported here, not copied. The hand-made inputs are written once
per session with ``osgeo.ogr`` into a master folder; each case works on its own copy.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import random
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.batch.conftest import (  # noqa: F401  (fixtures, imported to be shared)
    qgis_process_env,
    read_table,
    run_alg,
    run_qgis_process,
    sample,
)
from tests.plugin.conftest import sundplan_package, sundplan_provider  # noqa: F401

# --------------------------------------------------------------------------------------------
# Cases


@dataclass
class Case:
    """One hostile input and the outcome it must reach.

    ``words``: for errors, each item must occur in the message (case-insensitive); an item that
    is a tuple is satisfied by any of its alternatives. ``xfail``: reason while the fix is not
    merged (both modes); ``xfail_modes`` limits it to some modes. ``modes``: where it runs.
    """

    id: str
    tool: str
    params: Callable[[Path, Path], dict]
    outcome: str = "error"
    words: tuple = ()
    check: Callable[[Run], None] | None = None
    modes: tuple[str, ...] = ("batch", "inproc")
    xfail: str | None = None
    xfail_modes: tuple[str, ...] = ("batch", "inproc")
    prepare: Callable[[Path, Path], None] | None = None  # e.g. put a regular file in out/
    allow_sidecars: bool = True  # a new *.aux.xml beside an input raster is tolerated

    def __post_init__(self):
        assert self.outcome in ("error", "result"), self.outcome
        assert self.outcome == "result" or self.words, f"{self.id}: an error case needs words"
        assert self.outcome == "error" or self.check, f"{self.id}: a result case needs a check"


@dataclass
class Run:
    """What a case's check gets: inputs, outputs, the results dict and all the text shown."""

    inp: Path
    out: Path
    results: dict
    text: str
    mode: str
    extra: dict = field(default_factory=dict)

    def report(self, key: str = "REPORT") -> dict:
        return json.loads(Path(self.results[key]).read_text("utf-8"))

    def table(self, name: str) -> list[dict]:
        return read_table(self.out / name)


def case_params(cases: list[Case], xfails: dict | None = None, inproc_only=()) -> list:
    """pytest.param(case, mode) for every case and mode, with its xfail mark.

    ``xfails``: case id -> reason (both modes) or (reason, modes): the cases that fail until
    the fixes of issue 9 are merged (then delete their entries). ``inproc_only``: case ids
    run only in-process (a qgis_process start costs 2-3 s; the suite must stay short)."""
    ids = [c.id for c in cases]
    assert len(ids) == len(set(ids)), "duplicate case ids"
    unknown = (set(xfails or {}) | set(inproc_only)) - set(ids)
    assert not unknown, f"xfail/inproc_only for unknown cases: {unknown}"
    for case in cases:
        if case.id in inproc_only:
            case.modes = ("inproc",)
    params = []
    for case in cases:
        xfail = (xfails or {}).get(case.id) or case.xfail
        xfail_modes = case.xfail_modes
        if isinstance(xfail, tuple):
            xfail, xfail_modes = xfail
        for mode in case.modes:
            marks = []
            if xfail and mode in xfail_modes:
                marks.append(pytest.mark.xfail(strict=False, reason=xfail))
            params.append(pytest.param(case, mode, id=f"{case.id}-{mode}", marks=marks))
    return params


# --------------------------------------------------------------------------------------------
# Hashing and folder listings


def hash_tree(folder: Path) -> dict[str, str]:
    """sha256 of every file under ``folder`` (relative path -> hex digest)."""
    hashes = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            hashes[str(path.relative_to(folder))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def is_wal(gpkg: Path) -> bool:
    """SQLite header bytes 18/19 are 2 in WAL mode, 1 in rollback-journal mode."""
    return gpkg.read_bytes()[18:20] == b"\x02\x02"


def rollback_journal(gpkg: Path) -> None:
    """Put a GeoPackage left in WAL mode back into rollback-journal mode (opening a WAL
    GeoPackage read-only still rewrites it, which would count as a change of the input).
    Whether the tools leave WAL behind is checked by its own case."""
    import sqlite3

    if is_wal(gpkg):
        con = sqlite3.connect(gpkg)
        con.execute("PRAGMA journal_mode=DELETE")
        con.close()
    assert not is_wal(gpkg)


def sidecars(names) -> list[str]:
    return [n for n in names if n.endswith(".aux.xml")]


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


# --------------------------------------------------------------------------------------------
# Hand-made inputs (osgeo.ogr)

EPSG = 25832
REAL_CODES = {"9001": "0101", "9002": "0253", "9003": "0461", "9004": "0751"}
TINY_X0, TINY_Y0 = 700_000.0, 6_100_000.0
MPH_KMH = 1.609344 * 50  # '50 mph' in km/h
TINY_LEN_M = MPH_KMH * 1000 / 10  # six minutes at 50 mph: 8 046.72 m


def _srs(epsg: int):
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


_OGR_TYPES = {"str": 4, "int": 12, "real": 2}  # OFTString, OFTInteger64, OFTReal


def write_layer(path: Path, name: str, geom_type: int, fields: dict, rows, epsg: int = EPSG):
    """Write one layer: ``fields`` name -> 'str'|'int'|'real'; ``rows`` (wkt, {attrs})."""
    from osgeo import ogr

    driver = ogr.GetDriverByName("GPKG")
    ds = driver.Open(str(path), 1) if path.exists() else driver.CreateDataSource(str(path))
    layer = ds.CreateLayer(name, _srs(epsg), geom_type, options=["SPATIAL_INDEX=NO"])
    for fname, ftype in fields.items():
        layer.CreateField(ogr.FieldDefn(fname, _OGR_TYPES[ftype]))
    for wkt, attrs in rows:
        feat = ogr.Feature(layer.GetLayerDefn())
        for key, value in attrs.items():
            if value is None:
                feat.SetFieldNull(key)
            else:
                feat.SetField(key, value)
        if wkt:
            feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feat)
    ds = None


def read_features(path: Path, layer_name: str) -> tuple[dict, list[tuple[str, dict]]]:
    """(fields name -> kind, rows (wkt, attrs)) of a layer, for derived copies."""
    from osgeo import ogr

    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName(layer_name)
    defn = layer.GetLayerDefn()
    kinds = {}
    for i in range(defn.GetFieldCount()):
        fd = defn.GetFieldDefn(i)
        t = fd.GetType()
        kinds[fd.GetName()] = "real" if t == ogr.OFTReal else "int" if t in (0, 12) else "str"
    rows = [(f.GetGeometryRef().ExportToWkt(), f.items()) for f in layer]
    ds = None
    return kinds, rows


def reproject_wkt(rows, src: int, dst: int):
    from osgeo import ogr, osr

    tr = osr.CoordinateTransformation(_srs(src), _srs(dst))
    out = []
    for wkt, attrs in rows:
        g = ogr.CreateGeometryFromWkt(wkt)
        g.Transform(tr)
        out.append((g.ExportToWkt(), attrs))
    return out


def shift_wkt(rows, dx: float, dy: float):
    from osgeo import ogr

    out = []
    for wkt, attrs in rows:
        g = ogr.CreateGeometryFromWkt(wkt)
        for i in range(g.GetPointCount()):
            g.SetPoint_2D(i, g.GetX(i) + dx, g.GetY(i) + dy)
        out.append((g.ExportToWkt(), attrs))
    return out


def _square(x: float, y: float, size: float) -> str:
    return (
        f"MULTIPOLYGON ((({x} {y},{x + size} {y},{x + size} {y + size},"
        f"{x} {y + size},{x} {y})))"
    )


def build_inputs(folder: Path, sample_dir: Path, make_outputs: Callable[[Path], None]) -> Path:
    """The master input folder: the sample region plus the hand-made hostile layers."""
    from osgeo import gdal, ogr

    for f in sample_dir.iterdir():
        if f.is_file():
            shutil.copy2(f, folder / f.name)
    region = folder / "sample_region.gpkg"
    h = folder / "hostile.gpkg"
    pt, line, poly = ogr.wkbPoint, ogr.wkbLineString, ogr.wkbMultiPolygon

    # Hospitals: the user's own ids and a text 'active' field; empty; far at sea; lon/lat.
    kinds, hosp = read_features(region, "hospitals")
    ids = [501, 502, 503, 504]
    # QGIS reads '1' as true and '0' as false (with or without the GeoPackage provider's SQL
    # compilation); Python's truthiness takes both as true. ('yes'/'no' are avoided: QGIS's own
    # expression engine and the provider's compiled SQL disagree on them.)
    texts = ["1", "0", "1", "0"]
    rows = [
        (w, {**a, "sor_id": i, "active_txt": t})
        for (w, a), i, t in zip(hosp, ids, texts, strict=True)
    ]
    write_layer(h, "hospitals_ids", pt, {**kinds, "sor_id": "int", "active_txt": "str"}, rows)
    write_layer(h, "hospitals_empty", pt, kinds, [])
    write_layer(
        h,
        "hospitals_sea",
        pt,
        {"name": "str"},
        [("POINT (400000 6100000)", {"name": "Havhospitalet"})],
    )
    write_layer(
        folder / "lonlat.gpkg", "hospitals", pt, kinds, reproject_wkt(hosp, EPSG, 4326), 4326
    )

    # Practices: zero / negative / NULL / text capacity; all far off the network; lon/lat; empty.
    kinds, prac = read_features(region, "gp_practices")
    n_txt = {**kinds, "n_txt": "str"}
    write_layer(h, "gp_zero", pt, kinds, [(w, {**a, "n_gps": 0}) for w, a in prac])
    write_layer(
        h,
        "gp_negative",
        pt,
        kinds,
        [(w, {**a, "n_gps": -2 if i == 3 else a["n_gps"]}) for i, (w, a) in enumerate(prac)],
    )
    write_layer(
        h,
        "gp_null",
        pt,
        kinds,
        [(w, {**a, "n_gps": None if i == 3 else a["n_gps"]}) for i, (w, a) in enumerate(prac)],
    )
    write_layer(
        h,
        "gp_text",
        pt,
        n_txt,
        [(w, {**a, "n_txt": "x" if i == 3 else str(a["n_gps"])}) for i, (w, a) in enumerate(prac)],
    )
    write_layer(h, "gp_far", pt, kinds, shift_wkt(prac, 200_000, 0))
    write_layer(h, "gp_empty", pt, kinds, [])
    write_layer(
        folder / "lonlat.gpkg", "gp_practices", pt, kinds, reproject_wkt(prac, EPSG, 4326), 4326
    )

    kinds, spec = read_features(region, "specialists")
    write_layer(h, "spec_zero", pt, kinds, [(w, {**a, "capacity": 0.0}) for w, a in spec])
    write_layer(
        h,
        "spec_negative",
        pt,
        kinds,
        [
            (w, {**a, "capacity": -1.0 if i == 0 else a["capacity"]})
            for i, (w, a) in enumerate(spec)
        ],
    )

    # Kommuner: real kommunekoder plus Christiansø (0411, outside every grouping); lon/lat;
    # one self-intersecting ("bow-tie") polygon; empty.
    kinds, kom = read_features(region, "kommuner")
    real = [(w, {**a, "kommunekode": REAL_CODES[a["kommunekode"]]}) for w, a in kom]
    age_cols = [k for k in kinds if k[:2] in ("m_", "k_")]
    chr_attrs = {k: 0 for k in kinds if kinds[k] == "int"}
    chr_attrs.update({"kommunekode": "0411", "kommune": "Christiansø", "population": 90})
    chr_attrs.update({"m_40_44": 45, "k_40_44": 45})
    assert set(age_cols) >= {"m_40_44", "k_40_44"}
    real.append((_square(560_000, 6_200_000, 1_000), chr_attrs))
    write_layer(h, "kommuner_real", poly, kinds, real)
    write_layer(
        folder / "lonlat.gpkg", "kommuner", poly, kinds, reproject_wkt(kom, EPSG, 4326), 4326
    )
    bowtie = "MULTIPOLYGON (((500000 6200000,530000 6260000,530000 6200000,500000 6260000,500000 6200000)))"
    write_layer(h, "kommuner_bowtie", poly, kinds, [(bowtie, kom[0][1])] + kom[1:])
    write_layer(h, "kommuner_empty", poly, kinds, [])

    # Population points: NULL, negative, NaN, text, empty.
    pop_pts = [(f"POINT ({521727 + 300 * i} {6236141 + 200 * i})", i) for i in range(5)]

    def pops(values, kind="real"):
        return (
            {"pop": kind},
            [(w, {"pop": v}) for (w, _), v in zip(pop_pts, values, strict=True)],
        )

    for name, values, kind in [
        ("pop_null", [10, None, 5, 7, 1], "real"),
        ("pop_negative", [10, -5, 5, 7, 1], "real"),
        ("pop_nan", [10, math.nan, 5, 7, 1], "real"),
        ("pop_text", ["10", "abc", "5", "7", "1"], "str"),
    ]:
        f, r = pops(values, kind)
        write_layer(h, name, pt, f, r)
    write_layer(h, "pop_empty", pt, {"pop": "real"}, [])

    # Network in lon/lat (refused: a metric CRS is needed).
    kinds, roads = read_features(region, "roads")
    write_layer(
        folder / "lonlat.gpkg", "roads", line, kinds, reproject_wkt(roads, EPSG, 4326), 4326
    )

    # A tiny world with hand-checkable answers: road A (8 046.72 m at '50 mph' = 6.0 min) from
    # the hospital to 100 residents; road B, not connected, with 7 residents by it; 5 residents
    # 50 km from any road.
    x0, y0, x1 = TINY_X0, TINY_Y0, TINY_X0 + TINY_LEN_M
    road_a = f"LINESTRING ({x0} {y0},{x1} {y0})"
    road_b = f"LINESTRING ({x0} {y0 + 20000},{x1} {y0 + 20000})"
    road_fields = {"highway": "str", "speed_txt": "str", "name": "str"}
    write_layer(
        h,
        "tiny_roads",
        line,
        road_fields,
        [
            (road_a, {"highway": "primary", "speed_txt": "50 mph", "name": "A"}),
            (road_b, {"highway": "primary", "speed_txt": "50 mph", "name": "B"}),
        ],
    )
    write_layer(
        h,
        "tiny_roads_999",
        line,
        road_fields,
        [
            (road_a, {"highway": "primary", "speed_txt": "999", "name": "Racerbanen"}),
            (road_b, {"highway": "primary", "speed_txt": "50", "name": "B"}),
        ],
    )
    write_layer(h, "tiny_hospital", pt, {"name": "str"}, [(f"POINT ({x0} {y0})", {"name": "Tiny"})])
    write_layer(
        h,
        "tiny_pop",
        pt,
        {"pop": "real"},
        [
            (f"POINT ({x1} {y0})", {"pop": 100.0}),
            (f"POINT ({x1} {y0 + 20000})", {"pop": 7.0}),  # residents snap to road nodes
            (f"POINT ({x0} {y0 - 50000})", {"pop": 5.0}),
        ],
    )
    write_tiny_osm(folder / "tiny.osm", [(x0, y0, x1, y0), (x0, y0 + 20000, x1, y0 + 20000)])

    # Broken files: a truncated GeoPackage and random bytes named .osm.pbf.
    (folder / "truncated.gpkg").write_bytes(region.read_bytes()[:8192])
    (folder / "random.osm.pbf").write_bytes(random.Random(9).randbytes(5000))
    (folder / "garbage.qml").write_text("<qgis><this is not a style", "utf-8")
    (folder / "garbage.qpt").write_text("not a layout template at all", "utf-8")

    # The population raster in lon/lat (nearest neighbour: its own total is the truth).
    gdal.Warp(
        str(folder / "population_4326.tif"),
        str(folder / "population.tif"),
        dstSRS="EPSG:4326",
        resampleAlg="near",
        xRes=0.0016,
        yRes=0.0009,
    )

    # Outputs of a good catchments run, as inputs for map_report.
    make_outputs(folder)
    return folder


def write_tiny_osm(path: Path, segments) -> None:
    """The tiny world's roads A and B as an .osm file (lon/lat), maxspeed '50 mph'."""
    from pyproj import Transformer

    tr = Transformer.from_crs(EPSG, 4326, always_xy=True)
    nodes, ways = [], []
    nid = 1
    for wid, (xa, ya, xb, yb) in enumerate(segments, start=1):
        refs = []
        for x, y in ((xa, ya), (xb, yb)):
            lon, lat = tr.transform(x, y)
            nodes.append(f'  <node id="{nid}" version="1" lat="{lat:.9f}" lon="{lon:.9f}"/>')
            refs.append(nid)
            nid += 1
        nds = "".join(f'<nd ref="{r}"/>' for r in refs)
        ways.append(
            f'  <way id="{wid}" version="1">{nds}<tag k="highway" v="primary"/>'
            f'<tag k="maxspeed" v="50 mph"/></way>'
        )
    path.write_text(
        "<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"sundplan-tests\">\n"
        + "\n".join(nodes + ways)
        + "\n</osm>\n",
        "utf-8",
    )


# --------------------------------------------------------------------------------------------
# Parameter sets on the sample region (functions of the case's input and output folders)


def catchments_params(inp: Path, out: Path, **extra) -> dict:
    g = inp / "sample_region.gpkg"
    p = {
        "HOSPITALS": f"{g}|layername=hospitals",
        "HOSPITAL_NAME_FIELD": "name",
        "ACTIVE_EXPRESSION": '"active" = 1',
        "NETWORK_FILE": str(inp / "roads.osm.pbf"),
        "POPULATION_RASTER": str(inp / "population.tif"),
        "AREAS": f"{g}|layername=kommuner",
        "AREA_ID_FIELD": "kommunekode",
        "AREA_NAME_FIELD": "kommune",
        "TRAVEL_TIME": str(out / "tt.tif"),
        "CATCHMENTS": str(out / "catchments.gpkg"),
        "BAND_POLYGONS": str(out / "bands.gpkg"),
        "AREA_SUMMARY": str(out / "areas.gpkg"),
        "REPORT": str(out / "report.json"),
    }
    p.update(extra)
    return {k: v for k, v in p.items() if v is not None}


def tiny_params(inp: Path, out: Path, **extra) -> dict:
    """catchments on the tiny world (GeoPackage line layer, speed as text)."""
    h = inp / "hostile.gpkg"
    p = {
        "HOSPITALS": f"{h}|layername=tiny_hospital",
        "HOSPITAL_NAME_FIELD": "name",
        "NETWORK_LAYER": f"{h}|layername=tiny_roads",
        "SPEED_FIELD": "speed_txt",
        "CLASS_FIELD": "highway",
        "POPULATION_LAYER": f"{h}|layername=tiny_pop",
        "POPULATION_FIELD": "pop",
        "TRAVEL_TIME": str(out / "tt.tif"),
        "CATCHMENTS": str(out / "catchments.gpkg"),
        "BAND_POLYGONS": str(out / "bands.gpkg"),
        "REPORT": str(out / "report.json"),
    }
    p.update(extra)
    return {k: v for k, v in p.items() if v is not None}


# --------------------------------------------------------------------------------------------
# Fixtures


@pytest.fixture(scope="session")
def hostile_inputs(sample, run_alg, tmp_path_factory) -> Path:  # noqa: F811
    """The master input folder (never handed to a tool: each case runs on its own copy)."""
    folder = tmp_path_factory.mktemp("hostile_inputs")

    def make_outputs(inp: Path) -> None:
        # Run on a copy of the sample, so that nothing the run may leave beside its inputs
        # (a GDAL .aux.xml) ends up in the master folder.
        scratch = tmp_path_factory.mktemp("hostile_catchments")
        shutil.copytree(sample, scratch / "in")
        (scratch / "out").mkdir()
        run_alg("sundplan:catchments", catchments_params(scratch / "in", scratch / "out"))
        for src, dst in [
            ("tt.tif", "travel_time.tif"),
            ("areas.gpkg", "area_summary.gpkg"),
            ("catchments.gpkg", "catchments.gpkg"),
        ]:
            shutil.copy2(scratch / "out" / src, inp / dst)
            if dst.endswith(".gpkg"):
                rollback_journal(inp / dst)

    return build_inputs(folder, sample, make_outputs)


class Recorder:
    """A QgsProcessingFeedback that keeps every text pushed to it (in-process runs)."""

    @staticmethod
    def make():
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.texts: list[str] = []

            def pushInfo(self, info):  # noqa: N802
                self.texts.append(info)

            def pushWarning(self, warning):  # noqa: N802
                self.texts.append(warning)

            def reportError(self, error, fatalError=False):  # noqa: N802, N803
                self.texts.append(error)

            def pushDebugInfo(self, info):  # noqa: N802
                self.texts.append(info)

            def pushCommandInfo(self, info):  # noqa: N802
                self.texts.append(info)

            def pushConsoleInfo(self, info):  # noqa: N802
                self.texts.append(info)

        return _Feedback()


def _contains(text: str, words) -> list:
    low = text.lower()
    missing = []
    for w in words:
        alts = w if isinstance(w, tuple) else (w,)
        if not any(a.lower() in low for a in alts):
            missing.append(w)
    return missing


@pytest.fixture
def run_case(request, hostile_inputs, tmp_path):
    """``run_case(case, mode)``: copy the inputs, hash, run, assert the outcome class."""

    def _run(case: Case, mode: str) -> Run:
        inp = tmp_path / "in"
        out = tmp_path / "out"
        shutil.copytree(hostile_inputs, inp)
        out.mkdir()
        if case.prepare:
            case.prepare(inp, out)
        params = case.params(inp, out)
        before_hash = hash_tree(inp)
        before_out = listing(out)
        if mode == "batch":
            env = request.getfixturevalue("qgis_process_env")
            data, proc = run_qgis_process(env, case.tool, params, check=False, timeout=300)
            text = proc.stdout + "\n" + proc.stderr
            ok = proc.returncode == 0
            results = (data or {}).get("results", {}) if ok else {}
            status = f"rc {proc.returncode}"
        else:
            request.getfixturevalue("sundplan_provider")
            from qgis.core import QgsProcessingContext, QgsProcessingException

            import processing

            feedback = Recorder.make()
            context = QgsProcessingContext()
            try:
                results = processing.run(case.tool, params, feedback=feedback, context=context)
                ok, status, exc_text = True, "ok", ""
            except QgsProcessingException as exc:
                results, ok, status, exc_text = {}, False, "QgsProcessingException", str(exc)
            text = exc_text + "\n" + "\n".join(feedback.texts)
            del context
        # Inputs are never changed, whatever happened.
        after_hash = hash_tree(inp)
        changed = [k for k in before_hash if before_hash[k] != after_hash.get(k)]
        assert not changed, f"input files changed or vanished: {changed}"
        new = sorted(set(after_hash) - set(before_hash))
        if case.allow_sidecars:  # GDAL metadata caches are checked by their own cases
            new = [n for n in new if n not in sidecars(new)]
        assert not new, f"files appeared in the input folder: {new}"
        short = text[-3000:]
        assert "Traceback" not in text, f"traceback shown to the user:\n{short}"
        run = Run(inp=inp, out=out, results=results, text=text, mode=mode)
        if case.outcome == "error":
            assert not ok, f"expected an error, the run succeeded ({status}):\n{short}"
            missing = _contains(text, case.words)
            assert not missing, f"message lacks {missing}:\n{short}"
            assert listing(out) == before_out, "an output was written although the run failed"
        else:
            assert ok, f"expected a result, the run failed ({status}):\n{short}"
            case.check(run)
        return run

    return _run


def regular_file_in(out: Path) -> Path:
    """A regular file in the output folder (to put outputs 'under' it)."""
    f = out / "not_a_folder.txt"
    if not f.exists():
        f.write_text("a regular file\n", "utf-8")
    return f


LONG_NAME = "x" * 251  # + ".gpkg" = 256 bytes: one more than a file name may have
PROC_DIR = Path("/proc/sundplan_cannot_write_here")


def gdal_sum(path: Path) -> float:
    """Total of a population raster (positive cells), read with GDAL."""
    import numpy as np
    from osgeo import gdal

    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    arr = band.ReadAsArray().astype(float)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        arr[arr == nodata] = 0
    ds = None
    return float(np.nansum(arr[arr > 0]))


def ogr_values(path: Path, layer: str, fieldname: str) -> list:
    from osgeo import ogr

    ds = ogr.Open(str(path))
    vals = [f.GetField(fieldname) for f in ds.GetLayerByName(layer)]
    ds = None
    return vals


def pdf_pages(path: Path) -> int:
    """Pages of a PDF (pdfinfo when installed, else the page objects in the file)."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF"), "not a PDF"
    if shutil.which("pdfinfo"):
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
        for line in out.stdout.splitlines():
            if line.startswith("Pages:"):
                return int(line.split()[1])
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data))


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
