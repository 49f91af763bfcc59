"""Our node-to-hospital times against QGIS's own router, native:shortestpathpointtopoint.

The same lines, speeds and one-way rules are handed to QGIS's network analysis library
(fastest strategy, speed field, direction field); its path cost (hours) must equal our
time from the start node to the 'hospital' at the end node.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from osgeo import ogr, osr

from sundplan_qgis import network
from sundplan_qgis.catchments import solve_network


def write_explicit_layer(lines: network.RoadLines, speeds: np.ndarray, path: Path) -> None:
    """Lines with an explicit speed_kmh and oneway ('yes', '-1', '') per line, for QGIS."""
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromWkt(lines.crs_wkt)
    layer = ds.CreateLayer("roads", srs, ogr.wkbLineString)
    layer.CreateField(ogr.FieldDefn("speed_kmh", ogr.OFTReal))
    layer.CreateField(ogr.FieldDefn("oneway", ogr.OFTString))
    layer.StartTransaction()
    for i in range(lines.n_lines):
        pts = lines.coords[lines.offsets[i] : lines.offsets[i + 1]]
        geom = ogr.Geometry(ogr.wkbLineString)
        for x, y in pts:
            geom.AddPoint_2D(float(x), float(y))
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetGeometry(geom)
        f.SetField("speed_kmh", float(speeds[i]))
        f.SetField("oneway", {1: "yes", -1: "-1"}.get(int(lines.oneway[i]), ""))
        layer.CreateFeature(f)
    layer.CommitTransaction()
    ds = None


def roads_without_ferries(lines: network.RoadLines) -> tuple[network.RoadLines, np.ndarray]:
    keep = np.flatnonzero(lines.road_class != "ferry")
    counts = np.diff(lines.offsets)[keep]
    idx = np.concatenate([np.arange(lines.offsets[i], lines.offsets[i + 1]) for i in keep])
    sub = network.RoadLines(
        coords=lines.coords[idx],
        offsets=np.concatenate([[0], np.cumsum(counts)]).astype(np.int64),
        road_class=lines.road_class[keep],
        speed_kmh=lines.speed_kmh[keep],
        oneway=lines.oneway[keep],
        ferry_duration_min=lines.ferry_duration_min[keep],
        crs_wkt=lines.crs_wkt,
        source_name=lines.source_name,
    )
    table = network.DEFAULT_SPEEDS_KMH
    speeds = np.array(
        [
            s if np.isfinite(s) and s > 0 else table[c]
            for s, c in zip(sub.speed_kmh, sub.road_class, strict=True)
        ]
    )
    return sub, speeds


def compare_with_native(lines: network.RoadLines, tmp_path: Path, n_pairs: int = 6) -> None:
    import processing

    sub, speeds = roads_without_ferries(lines)
    explicit = tmp_path / "explicit.gpkg"
    write_explicit_layer(sub, speeds, explicit)
    graph = network.build_graph(sub, include_ferries=False)
    main = np.bincount(graph.component).argmax()
    nodes = np.flatnonzero(graph.component == main)
    rng = np.random.default_rng(3)
    checked = 0
    for _ in range(n_pairs * 3):
        start, end = rng.choice(nodes, size=2, replace=False)
        sol = solve_network(
            graph, hospital_xy=graph.node_xy[[end]], hospital_names=["end"], max_snap_m=1
        )
        ours_s = sol.node_time_s[start]
        if not np.isfinite(ours_s):
            continue  # one-way streets can make a pair unreachable
        (sx, sy), (ex, ey) = graph.node_xy[start], graph.node_xy[end]
        res = processing.run(
            "native:shortestpathpointtopoint",
            {
                "INPUT": f"{explicit}|layername=roads",
                "STRATEGY": 1,  # fastest
                "DIRECTION_FIELD": "oneway",
                "VALUE_FORWARD": "yes",
                "VALUE_BACKWARD": "-1",
                "VALUE_BOTH": "",
                "DEFAULT_DIRECTION": 2,
                "SPEED_FIELD": "speed_kmh",
                "DEFAULT_SPEED": 50,
                "TOLERANCE": 0,
                "START_POINT": f"{sx},{sy} [EPSG:25832]",
                "END_POINT": f"{ex},{ey} [EPSG:25832]",
                "OUTPUT": "memory:",
            },
        )
        feats = list(res["OUTPUT"].getFeatures())
        assert len(feats) == 1
        native_s = float(feats[0]["cost"]) * 3600.0  # fastest: cost in hours
        assert ours_s == pytest.approx(native_s, rel=1e-6, abs=0.01), (start, end)
        checked += 1
        if checked == n_pairs:
            break
    assert checked == n_pairs


def test_sample_network_matches_native_router(qgis_app, qgis_processing, tmp_path):
    from sundplan_qgis.sample import generate_sample_region

    region = generate_sample_region(tmp_path / "sample", seed=11)
    lines = network.read_lines_ogr(
        region.roads_gpkg,
        layer=region.roads_layer,
        speed_field="maxspeed_kmh",
        oneway_field="oneway",
        class_field="road_class",
    )
    compare_with_native(lines, tmp_path)


def test_ronne_osm_extract_matches_native_router(qgis_app, qgis_processing, shared_data, tmp_path):
    lines = network.read_osm(shared_data / "osm-extracts-dk" / "ronne_bornholm.osm")
    compare_with_native(lines, tmp_path)
