"""Read drivable roads and ferries from OSM files (.osm.pbf / .osm / .osm.bz2) with pyosmium."""

from __future__ import annotations

import contextlib
import math
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from .. import _compat
from ..errors import SundplanError, msg
from ._wkb import decode_wkb_lines, index_ranges, split_concat_linestrings
from .lines import RoadLines, check_projected_metres
from .speeds import (
    DRIVABLE_HIGHWAYS,
    ONEWAY_FWD,
    ONEWAY_REV,
    implausible_speeds,
    parse_duration_min,
    parse_maxspeed_kmh,
    parse_unique,
)

_NO_ACCESS = ("no", "private")


def _osm_way_attrs(tags: Any, include_ferries: bool) -> tuple[str, str, int, str] | None:
    """(class, maxspeed text, oneway, duration text) for a usable way; None to skip it."""
    hw = tags.get("highway")
    if hw in DRIVABLE_HIGHWAYS:
        cls = hw
    elif include_ferries and tags.get("route") == "ferry":
        cls = "ferry"
    else:
        return None
    t = tags  # tags.get() is cheaper than building a dict of a pyosmium TagList
    if cls != "ferry" and t.get("area") == "yes":
        return None
    # passenger-only ferries (motor_vehicle=no) are kept: islanders still reach the mainland
    mv = t.get("motor_vehicle") or t.get("motorcar")
    if (mv in _NO_ACCESS and cls != "ferry") or (
        t.get("access") in _NO_ACCESS
        and mv not in ("yes", "designated", "permissive", "destination")
    ):
        return None
    ow_tag = (t.get("oneway") or "").strip().lower()
    if ow_tag in ONEWAY_FWD:
        ow = 1
    elif ow_tag in ONEWAY_REV:
        ow = -1
    elif ow_tag:
        ow = 0  # 'no', 'reversible', 'alternating', ...
    elif t.get("junction") in ("roundabout", "circular") or hw == "motorway":
        ow = 1
    else:
        ow = 0
    return cls, t.get("maxspeed") or "", ow, t.get("duration") or ""


OSM_PROGRESS_EVERY = 5000
"""How many ways :func:`read_osm` reads between two progress (and cancel) checks."""

PREFILTER_MIN_BYTES = 32 * 1024 * 1024
"""PBF files at least this large are first cut down to their roads and ferries by osmium-tool
(see :func:`_prefiltered`); smaller files are read directly (the extra process costs more)."""


def _prefilter_expressions() -> list[str]:
    return ["w/highway=" + ",".join(sorted(DRIVABLE_HIGHWAYS)), "w/route=ferry"]


@contextlib.contextmanager
def _prefiltered(path: str, progress: Any, text: Any) -> Iterator[str]:
    """The path to read: a temporary copy of ``path`` holding only its drivable highways and
    ferries and the nodes they use, written by ``osmium tags-filter`` (osmium-tool, C++); or
    ``path`` itself when the file is small, not a PBF, or osmium-tool is not installed.

    Why: on a national extract the reader's time goes to decoding and indexing every node of
    the country (56 M on Denmark, of which 5 M are on roads) through pyosmium; osmium-tool
    drops the buildings, landuse and POIs about 3x faster in C++, so pyosmium then indexes the
    road nodes only. The ways and nodes kept are exactly those the reader could use, so the
    result is the same. ``progress`` is called while it runs (it may raise to cancel: the
    process is killed and the temporary file removed).
    """
    exe = shutil.which("osmium")
    try:
        big = Path(path).stat().st_size >= PREFILTER_MIN_BYTES
    except OSError:
        big = False
    if exe is None or not big or not path.lower().endswith(".pbf"):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="sundplan-osm-") as tmp:
        out = str(Path(tmp) / "roads.osm.pbf")
        cmd = [exe, "tags-filter", path, *_prefilter_expressions(), "-o", out, "--no-progress"]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            while True:
                try:
                    _, err = proc.communicate(timeout=0.5)
                    break
                except subprocess.TimeoutExpired:
                    if progress is not None:
                        progress(math.nan, text)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if proc.returncode != 0:
            # osmium-tool could not read it: let pyosmium read the original and say why
            yield path
            return
        yield out


def read_osm(
    path: str | Path,
    *,
    include_ferries: bool = True,
    target_crs: str = "EPSG:25832",
    progress: Any = None,
) -> RoadLines:
    """Read drivable roads (and ferries) from .osm.pbf / .osm / .osm.bz2 with pyosmium.

    Keeps ways with a drivable ``highway`` (see :data:`DRIVABLE_HIGHWAYS`), skipping
    ``access``/``motor_vehicle``/``motorcar`` = no/private and ``area=yes``; with
    ``include_ferries`` also ``route=ferry`` ways (class 'ferry', ``duration`` → minutes;
    passenger-only ferries are kept, ``access=no/private`` ones skipped).
    ``maxspeed`` → km/h (NaN = class default); oneway from ``oneway``, implied for
    ``junction=roundabout`` and ``highway=motorway``. Every vertex is kept (the graph makes
    every vertex a node, so junctions need no splitting). A way with nodes missing from the
    file (clipped extracts) is split into its runs of located nodes. Coordinates are
    projected from WGS84 to ``target_crs`` (metres) in one vectorised pyproj call.
    ``progress(fraction, message)`` is called every few thousand ways (it may raise to cancel
    the reading; pyosmium stops at once).

    Raises:
        SundplanError: missing/unreadable file, no usable ways, or a non-metric target CRS.
    """
    import osmium
    from pyproj import CRS, Transformer

    path_s = str(path)
    fname = Path(path_s).name
    if not Path(path_s).is_file():
        raise SundplanError("OSM file '{path}' does not exist or is not a file.", path=path_s)
    try:
        tcrs = CRS.from_user_input(target_crs)
    except Exception as exc:  # pyproj raises CRSError, subclass varies
        raise SundplanError(
            "Unknown target CRS {crs!r} for '{file}': {error}",
            crs=target_crs,
            file=fname,
            error=str(exc),
        ) from exc
    check_projected_metres(tcrs.to_wkt(), f"{fname} (target CRS {target_crs})")

    factory = _compat.osm_wkb_factory()
    invalid_loc = getattr(osmium, "InvalidLocationError", RuntimeError)

    class _Handler(osmium.SimpleHandler):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.hex_chunks: list[str] = []
            self.coord_chunks: list[np.ndarray] = []
            self.len_chunks: list[np.ndarray] = []
            self.src_chunks: list[np.ndarray] = []
            self.pending_hex: list[str] = []
            self.pending_src: list[int] = []
            self.cls: list[str] = []
            self.maxspeed: list[str] = []
            self.oneway: list[int] = []
            self.duration: list[str] = []
            self.slow_parts: list[tuple[int, np.ndarray]] = []
            self.n_ways = 0

        def way(self, w: Any) -> None:
            self.n_ways += 1
            if progress is not None and self.n_ways % OSM_PROGRESS_EVERY == 0:
                progress(math.nan, text)
            attrs = _osm_way_attrs(w.tags, include_ferries)
            if attrs is None:
                return
            wid = len(self.cls)
            try:
                self.pending_hex.append(factory.create_linestring(w))
                self.pending_src.append(wid)
            except (invalid_loc, RuntimeError):
                runs = _located_runs(w)
                if not runs:
                    return
                for run in runs:
                    self.slow_parts.append((wid, run))
            self.cls.append(attrs[0])
            self.maxspeed.append(attrs[1])
            self.oneway.append(attrs[2])
            self.duration.append(attrs[3])
            if len(self.pending_hex) >= 50_000:
                self.flush()

        def flush(self) -> None:
            if not self.pending_hex:
                return
            raw = bytes.fromhex("".join(self.pending_hex))
            # split the concatenated WKB: each LineString is 9 + 16 n bytes
            wkbs = split_concat_linestrings(raw)
            coords, lengths, src, _ = decode_wkb_lines(wkbs)
            self.coord_chunks.append(coords)
            self.len_chunks.append(lengths)
            self.src_chunks.append(np.asarray(self.pending_src, dtype=np.int64)[src])
            self.pending_hex = []
            self.pending_src = []

    handler = _Handler()
    text = msg("Reading the road network '{network}'", network=fname)
    if progress is not None:
        progress(0.0, text)
    try:
        with _prefiltered(path_s, progress, text) as read_path:
            _compat.osm_apply_file(handler, read_path, idx="flex_mem")
    except (RuntimeError, ValueError, OSError) as exc:
        raise SundplanError(
            "Cannot read OSM file '{file}': {error}. Check that it is an OSM XML (.osm, "
            ".osm.bz2) or PBF (.osm.pbf) file and not truncated.",
            file=fname,
            error=str(exc),
        ) from exc
    handler.flush()
    for wid, run in handler.slow_parts:
        handler.coord_chunks.append(run)
        handler.len_chunks.append(np.array([len(run)], dtype=np.int64))
        handler.src_chunks.append(np.array([wid], dtype=np.int64))
    if not handler.len_chunks:
        if include_ferries:
            raise SundplanError(
                "OSM file '{file}' has no drivable roads or ferries (highway=motorway ... "
                "service). Check the extract covers the area.",
                file=fname,
            )
        raise SundplanError(
            "OSM file '{file}' has no drivable roads (highway=motorway ... service). Check "
            "the extract covers the area.",
            file=fname,
        )
    lonlat = np.concatenate(handler.coord_chunks)
    lengths = np.concatenate(handler.len_chunks)
    src = np.concatenate(handler.src_chunks)
    # ways in file order (slow-path parts were appended last)
    order = np.argsort(src, kind="stable")
    if np.any(order != np.arange(len(order))):
        starts = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=starts[1:])
        lonlat = lonlat[index_ranges(starts[order], lengths[order])]
        lengths, src = lengths[order], src[order]
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])

    tr = Transformer.from_crs("EPSG:4326", tcrs, always_xy=True)
    x, y = tr.transform(lonlat[:, 0], lonlat[:, 1])
    coords = np.column_stack([np.asarray(x, np.float64), np.asarray(y, np.float64)])

    cls = np.asarray(handler.cls, dtype=object)[src]
    speed = parse_unique(np.asarray(handler.maxspeed, dtype=object), parse_maxspeed_kmh)[src]
    # OSM data is not the user's to correct: implausible tags fall back to the class default
    speed[implausible_speeds(speed)] = np.nan
    oneway = np.asarray(handler.oneway, dtype=np.int8)[src]
    dur = parse_unique(np.asarray(handler.duration, dtype=object), parse_duration_min)[src]
    dur[cls != "ferry"] = np.nan
    lines = RoadLines(
        coords=coords,
        offsets=offsets,
        road_class=cls,
        speed_kmh=speed,
        oneway=oneway,
        ferry_duration_min=dur,
        crs_wkt=tcrs.to_wkt(),
        source_name=fname,
    )
    return lines.validate()


def _located_runs(way: Any) -> list[np.ndarray]:
    """(lon, lat) runs of consecutive nodes with a known location (≥ 2 distinct nodes)."""
    runs: list[np.ndarray] = []
    cur: list[tuple[float, float]] = []
    for n in way.nodes:
        loc = n.location
        if loc.valid():
            pt = (loc.lon, loc.lat)
            if not cur or cur[-1] != pt:
                cur.append(pt)
        else:
            if len(cur) >= 2:
                runs.append(np.array(cur, dtype=np.float64))
            cur = []
    if len(cur) >= 2:
        runs.append(np.array(cur, dtype=np.float64))
    return runs
