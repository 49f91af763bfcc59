"""A vectorised WKB decoder for line geometries (GDAL Arrow batches, pyosmium output):
numpy does the common case (2-D little-endian LineStrings), a slow path the rest."""

from __future__ import annotations

import struct
from collections.abc import Sequence

import numpy as np

from .. import _compat

_WKB_LINESTRING = 2
_WKB_MULTILINESTRING = 5


def _u32_le(buf: np.ndarray, pos: np.ndarray) -> np.ndarray:
    """Little-endian uint32 at byte positions ``pos`` of a uint8 buffer, as int64."""
    b = buf[pos[:, None] + np.arange(4)].astype(np.int64)
    return b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16) | (b[:, 3] << 24)


def _wkb_type_dims(code: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Split (ISO or EWKB) geometry type codes into (base type, ndim, has_srid)."""
    code = code.astype(np.int64)
    ewkb_z = (code & 0x80000000) != 0
    ewkb_m = (code & 0x40000000) != 0
    srid = (code & 0x20000000) != 0
    iso = code & 0x0FFFFFFF
    base = iso % 1000
    iso_dim = iso // 1000  # 0 xy, 1 z, 2 m, 3 zm
    ndim = (
        2
        + ((iso_dim == 1) | (iso_dim == 3) | ewkb_z).astype(np.int64)
        + ((iso_dim == 2) | (iso_dim == 3) | ewkb_m).astype(np.int64)
    )
    return base, ndim, srid


def _parse_wkb_slow(wkb: bytes) -> list[tuple[int, int, int, bool]]:
    """Linear parts of one WKB geometry as (coord byte offset, npoints, ndim, little_endian).

    Handles LineString, MultiLineString and GeometryCollection nesting, either byte order.
    Raises ValueError for other geometry types (curves are handled by the caller via OGR).
    """
    parts: list[tuple[int, int, int, bool]] = []

    def walk(pos: int) -> int:
        le = wkb[pos] == 1
        fmt = "<I" if le else ">I"
        (code,) = struct.unpack_from(fmt, wkb, pos + 1)
        iso = code & 0x0FFFFFFF
        base, iso_dim = iso % 1000, iso // 1000
        ndim = 2 + int(iso_dim in (1, 3) or bool(code & 0x80000000))
        ndim += int(iso_dim in (2, 3) or bool(code & 0x40000000))
        srid = bool(code & 0x20000000)
        pos += 5 + (4 if srid else 0)
        (n,) = struct.unpack_from(fmt, wkb, pos)
        pos += 4
        if base == _WKB_LINESTRING:
            parts.append((pos, n, ndim, le))
            return pos + n * 8 * ndim
        if base in (_WKB_MULTILINESTRING, 7):
            for _ in range(n):
                pos = walk(pos)
            return pos
        raise ValueError(f"geometry type {code} is not a line")

    walk(0)
    return parts


def decode_wkb_lines(
    wkbs: Sequence[bytes | None],
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """Decode WKB (Multi)LineStrings in bulk.

    Returns (coords (V, 2) float64, lengths (P,) int64 vertices per part, part_src (P,) int64
    index of the input geometry of each part, bad: indices of non-line geometries). Z and M
    are dropped; null geometries and parts with fewer than 2 vertices are skipped.
    The common case (little-endian LineString or single-part MultiLineString) is decoded
    without a Python loop; other geometries loop over their part headers only.
    """
    n_in = len(wkbs)
    empty = (np.zeros((0, 2)), np.zeros(0, np.int64), np.zeros(0, np.int64), [])
    if n_in == 0:
        return empty
    present = np.fromiter((w is not None for w in wkbs), dtype=bool, count=n_in)
    idx = np.flatnonzero(present)
    if len(idx) == 0:
        return empty
    items = [bytes(wkbs[i]) for i in idx]
    lens = np.fromiter(map(len, items), dtype=np.int64, count=len(items))
    keep_nonempty = lens >= 9
    starts = np.zeros(len(items), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    raw = b"".join(items)
    buf = np.frombuffer(raw, dtype=np.uint8)
    starts_ok = starts[keep_nonempty]
    lens_ok = lens[keep_nonempty]
    src_ok = idx[keep_nonempty]

    le = buf[starts_ok] == 1
    code = np.zeros(len(starts_ok), dtype=np.int64)
    code[le] = _u32_le(buf, starts_ok[le] + 1)
    base, ndim, srid = _wkb_type_dims(code)
    simple_line = le & (base == _WKB_LINESTRING) & ~srid
    multi = le & (base == _WKB_MULTILINESTRING) & ~srid
    n_multi_parts = np.zeros(len(starts_ok), dtype=np.int64)
    n_multi_parts[multi] = _u32_le(buf, starts_ok[multi] + 5)
    # single-part multilinestring whose inner linestring is little-endian with the same dims
    single_multi = multi & (n_multi_parts == 1)
    inner = starts_ok[single_multi] + 9
    inner_ok = buf[inner] == 1
    inner_code = _u32_le(buf, inner + 1)
    ib, ind, isrid = _wkb_type_dims(inner_code)
    inner_ok &= (ib == _WKB_LINESTRING) & ~isrid
    sm_idx = np.flatnonzero(single_multi)
    single_multi[sm_idx[~inner_ok]] = False
    ndim_sm = ind[inner_ok]
    multi_empty = multi & (n_multi_parts == 0)

    # part tables: coordinate byte offset, number of points, ndim, source index
    p_off = [starts_ok[simple_line] + 9, starts_ok[single_multi] + 18]
    p_n = [
        _u32_le(buf, starts_ok[simple_line] + 5),
        _u32_le(buf, starts_ok[single_multi] + 14),
    ]
    p_dim = [ndim[simple_line], ndim_sm]
    p_src = [src_ok[simple_line], src_ok[single_multi]]

    slow = np.flatnonzero(~simple_line & ~single_multi & ~multi_empty)
    bad: list[int] = []
    extra_coords: list[np.ndarray] = []
    extra_src: list[int] = []
    for k in slow:
        s, e = int(starts_ok[k]), int(starts_ok[k] + lens_ok[k])
        wkb = raw[s:e]
        try:
            parts = _parse_wkb_slow(wkb)
        except (ValueError, struct.error):
            parts = None
        if parts is None:
            lin = _linearize_with_ogr(wkb)
            if lin is None:
                bad.append(int(src_ok[k]))
                continue
            parts = _parse_wkb_slow(lin)
            wkb = lin
        for off, n, d, is_le in parts:
            arr = np.frombuffer(wkb, dtype="<f8" if is_le else ">f8", count=n * d, offset=off)
            extra_coords.append(arr.reshape(n, d)[:, :2].astype(np.float64))
            extra_src.append(int(src_ok[k]))

    off = np.concatenate(p_off)
    npts = np.concatenate(p_n)
    dim = np.concatenate(p_dim)
    src = np.concatenate(p_src)
    # buffer order (= input order): _gather_xy reads the coordinate blocks in byte order
    order = np.argsort(off, kind="stable")
    ok = npts[order] >= 2
    order = order[ok]
    off, npts, dim, src = off[order], npts[order], dim[order], src[order]
    coords_fast = _gather_xy(buf, off, npts, dim)

    if extra_coords:
        ex_len = np.array([len(c) for c in extra_coords], dtype=np.int64)
        ex_ok = ex_len >= 2
        ex_coords = [c for c, o in zip(extra_coords, ex_ok, strict=True) if o]
        coords_all = np.concatenate([coords_fast, *ex_coords]) if ex_coords else coords_fast
        lengths = np.concatenate([npts, ex_len[ex_ok]])
        srcs = np.concatenate([src, np.asarray(extra_src, dtype=np.int64)[ex_ok]])
    else:
        coords_all, lengths, srcs = coords_fast, npts, src
    # restore input order of parts (multi-part features were appended at the end)
    order = np.argsort(srcs, kind="stable")
    if np.any(order != np.arange(len(order))):
        line_start = np.zeros(len(lengths), dtype=np.int64)
        np.cumsum(lengths[:-1], out=line_start[1:])
        vidx = index_ranges(line_start[order], lengths[order])
        coords_all = coords_all[vidx]
        lengths = lengths[order]
        srcs = srcs[order]
    return coords_all, lengths.astype(np.int64), srcs.astype(np.int64), bad


def index_ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(s, s + c)`` for all (s, c), vectorised."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    out_start = np.zeros(len(counts), dtype=np.int64)
    np.cumsum(counts[:-1], out=out_start[1:])
    return np.repeat(starts - out_start, counts) + np.arange(total, dtype=np.int64)


def _gather_xy(buf: np.ndarray, off: np.ndarray, npts: np.ndarray, dim: np.ndarray) -> np.ndarray:
    """x, y of coordinate blocks at byte offsets ``off`` (little-endian doubles) in ``buf``.

    Marks the blocks' bytes with a cumulative-sum mask, copies them out contiguously (so the
    doubles become aligned) and picks x, y; no Python loop.
    """
    if len(off) == 0:
        return np.zeros((0, 2), dtype=np.float64)
    nbytes = npts * 8 * dim
    marks = np.zeros(len(buf) + 1, dtype=np.int8)
    marks[off] = 1
    marks[off + nbytes] -= 1
    mask = np.cumsum(marks[:-1], dtype=np.int8).astype(bool)
    flat = buf[mask].view("<f8")
    if np.all(dim == 2):
        return flat.reshape(-1, 2).astype(np.float64, copy=False)
    # mixed / 3-D / measured: index x of every vertex, y follows it
    fstart = np.zeros(len(npts), dtype=np.int64)
    np.cumsum((npts * dim)[:-1], out=fstart[1:])
    vstart = np.zeros(len(npts), dtype=np.int64)
    np.cumsum(npts[:-1], out=vstart[1:])
    total = int(npts.sum())
    k = np.arange(total, dtype=np.int64) - np.repeat(vstart, npts)
    pos = np.repeat(fstart, npts) + k * np.repeat(dim, npts)
    return np.column_stack([flat[pos], flat[pos + 1]])


def _linearize_with_ogr(wkb: bytes) -> bytes | None:
    """Curved / unusual geometries → linear ISO WKB through OGR; None if not a line."""
    from osgeo import ogr

    try:
        with _compat.gdal_exceptions():
            geom = ogr.CreateGeometryFromWkb(wkb)
            if geom is None:
                return None
            geom = geom.GetLinearGeometry()
            geom = ogr.ForceToMultiLineString(geom)
            if geom is None or ogr.GT_Flatten(geom.GetGeometryType()) != ogr.wkbMultiLineString:
                return None
            geom.FlattenTo2D()
            return bytes(geom.ExportToIsoWkb(ogr.wkbNDR))
    except RuntimeError:
        return None


def split_concat_linestrings(raw: bytes) -> list[bytes]:
    """Split back-to-back little-endian 2-D WKB LineStrings (as pyosmium writes them)."""
    out: list[bytes] = []
    pos = 0
    n_total = len(raw)
    unpack = struct.unpack_from
    while pos < n_total:
        (n,) = unpack("<I", raw, pos + 5)
        end = pos + 9 + 16 * n
        out.append(raw[pos:end])
        pos = end
    return out
