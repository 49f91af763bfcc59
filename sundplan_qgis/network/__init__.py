"""Road networks as plain arrays: readers, speed defaults and the routable graph.

Units: coordinates and lengths in metres (a projected CRS), speeds in km/h, ferry durations
in minutes, graph edge weights (travel times) in seconds.

Every source (an OGR file, an OSM file, a QGIS layer, the sample generator) becomes a
:class:`RoadLines`; :func:`build_graph` turns it into a :class:`RoadGraph` whose every vertex
is a node and every segment an edge. No ``qgis`` imports here, ever.

One flow, one module per step:

* :mod:`.lines` - :class:`RoadLines` and its checks (projected CRS in metres);
* :mod:`.speeds` - road-class default speeds and the speed / oneway / duration parsers;
* :mod:`._wkb` - the vectorised WKB decoder the readers share;
* :mod:`.ogr_reader` / :mod:`.osm_reader` - OGR files (GDAL Arrow) and OSM files (pyosmium);
* :mod:`.graph` - :class:`RoadGraph` and :func:`build_graph`;
* :mod:`.cache` - the compiled-graph cache (:func:`cached_network`), keyed by the network
  file and every option that changes the graph.
"""

from __future__ import annotations

from .cache import (
    GRAPH_CODE_VERSION,
    HIT,
    MISS,
    OFF,
    CachedNetwork,
    GraphCache,
    cached_network,
    file_source,
    network_key,
)
from .graph import RoadGraph, build_graph
from .lines import RoadLines
from .ogr_reader import read_lines_ogr
from .osm_reader import OSM_PROGRESS_EVERY, read_osm  # read_osm reads osm_reader.OSM_PROGRESS_EVERY
from .speeds import (
    DEFAULT_FERRY_BOARDING_MIN,
    DEFAULT_FERRY_SPEED_KMH,
    DEFAULT_SPEEDS_KMH,
    DRIVABLE_HIGHWAYS,
    MAX_PLAUSIBLE_SPEED_KMH,
    check_speeds,
    implausible_speeds,
    parse_duration_min,
    parse_maxspeed_kmh,
    parse_oneway,
    parse_speed_kmh,
    speeds_from_table,
    speeds_from_values,
)

__all__ = [
    "GRAPH_CODE_VERSION",
    "HIT",
    "MISS",
    "OFF",
    "CachedNetwork",
    "GraphCache",
    "cached_network",
    "file_source",
    "network_key",
    "RoadLines",
    "RoadGraph",
    "DEFAULT_SPEEDS_KMH",
    "DEFAULT_FERRY_SPEED_KMH",
    "DEFAULT_FERRY_BOARDING_MIN",
    "DRIVABLE_HIGHWAYS",
    "OSM_PROGRESS_EVERY",
    "read_lines_ogr",
    "read_osm",
    "speeds_from_table",
    "build_graph",
    "parse_maxspeed_kmh",
    "parse_speed_kmh",
    "speeds_from_values",
    "check_speeds",
    "implausible_speeds",
    "MAX_PLAUSIBLE_SPEED_KMH",
    "parse_duration_min",
    "parse_oneway",
]
