"""Cancel while reading road networks: the readers call ``progress`` as they go, and an
exception raised there (the Processing layer's cancel) stops the reading at once."""

from __future__ import annotations

import functools

import pytest

from sundplan_qgis import _compat, network
from sundplan_qgis.network import osm_reader


class Stop(Exception):
    pass


def stop_at(call: int):
    calls = []

    def progress(fraction, message):
        calls.append((fraction, str(message)))
        if len(calls) >= call:
            raise Stop

    return progress, calls


@pytest.fixture(scope="module")
def region(tmp_path_factory):
    from sundplan_qgis.sample import generate_sample_region

    return generate_sample_region(tmp_path_factory.mktemp("region"), seed=2027)


@pytest.mark.parametrize("fmt", ["pbf", "xml"])
def test_osm_reader_stops_when_progress_raises(region, monkeypatch, fmt):
    path = region.roads_osm_pbf if fmt == "pbf" else region.roads_osm
    monkeypatch.setattr(osm_reader, "OSM_PROGRESS_EVERY", 50)
    progress, calls = stop_at(10**9)
    full = network.read_osm(path, progress=progress)  # never stops: counts the calls
    n_calls = len(calls)
    assert n_calls >= 5 and "Reading the road network" in calls[0][1]

    progress, calls = stop_at(3)
    with pytest.raises(Stop):
        network.read_osm(path, progress=progress)
    assert len(calls) == 3 < n_calls
    assert full.n_lines > 0


def test_gdal_arrow_reader_stops_when_progress_raises(region, monkeypatch):
    monkeypatch.setattr(
        _compat, "ogr_arrow_batches", functools.partial(_compat.ogr_arrow_batches, batch_size=100)
    )
    kwargs = {
        "layer": "roads",
        "speed_field": "maxspeed_kmh",
        "oneway_field": "oneway",
        "class_field": "road_class",
        "duration_field": "duration_min",
    }
    progress, calls = stop_at(10**9)
    full = network.read_lines_ogr(region.gpkg, progress=progress, **kwargs)
    fractions = [f for f, _ in calls]
    assert len(calls) > 3 and fractions == sorted(fractions) and fractions[0] == 0.0
    assert fractions[-1] < 1 and fractions[1] == pytest.approx(100 / full.n_lines, rel=0.5)

    progress, calls = stop_at(2)
    with pytest.raises(Stop):
        network.read_lines_ogr(region.gpkg, progress=progress, **kwargs)
    assert len(calls) == 2
