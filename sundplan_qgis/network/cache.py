"""The compiled-graph cache: a built :class:`RoadGraph` and its :class:`RoadLines`, stored on
disk so a repeat run or a scenario on the same network skips reading and building.

One entry per key (see :func:`network_key`: the network file's path, layer, size and
``mtime_ns``, the reader, every option that changes the graph, :data:`GRAPH_CODE_VERSION` and
the sundplan version):

* ``<hash>-<digest>.npz``: every array of the graph and the lines (``np.savez``, uncompressed:
  compression saves little on float coordinates and costs seconds on every hit, see
  docs/benchmarks.md), named by its own content digest, so concurrent writers never overwrite
  each other's file;
* ``<hash>.json``: the key record, the ``.npz`` it points to, its size and SHA-256, and the
  non-array parts (CRS, names, stats). It is the entry's one atomic pointer: written to a
  temporary file in the same folder and ``os.replace``d into place last, so a reader sees the
  old entry or the new one, never half of one. An entry whose ``.npz`` is missing, has another
  size or digest, or does not load is reported (a warning) and rebuilt, never used.

The cache is bounded: the :data:`DEFAULT_MAX_ENTRIES` most recently used entries, at most
:data:`DEFAULT_MAX_BYTES` in all (the entry just written is always kept). A cache that cannot
be written (read-only folder, disk full) costs a warning, never the run. No ``qgis`` here.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, issparse

from ..errors import Message, msg
from .graph import RoadGraph
from .lines import RoadLines

GRAPH_CODE_VERSION = 2
"""Bump whenever a reader (``ogr_reader``, ``osm_reader``, ``reference.overview_network``) or
:func:`build_graph` changes what it produces: every older entry then misses. (The key also
holds a digest of those modules' source, :func:`code_digest`, so a forgotten bump costs a
rebuild, never a stale graph.)"""

_CODE_FILES = ("network/*.py", "reference.py", "_compat.py")
"""The source a cached graph depends on (relative to ``sundplan_qgis``)."""

CACHE_FORMAT = 1
"""Layout of an entry (array names, JSON fields); bump when :func:`_pack` changes."""

DEFAULT_MAX_ENTRIES = 8
"""Entries kept (most recently used first): a planner's few networks × option sets."""

DEFAULT_MAX_BYTES = 4 * 2**30
"""Total size kept (4 GiB: a handful of national graphs)."""

STALE_TEMP_S = 3600.0
"""Temporary and unreferenced files older than this are left-overs of a crashed or losing
writer and are removed when the cache is pruned (younger ones may belong to a run in
progress)."""

HIT, MISS, OFF = "hit", "miss", "off"

_HASH_CHARS = 20
_CHUNK = 8 * 2**20


# ----------------------------------------------------------------------------- the key
def file_source(path: str | Path, *, layer: str | None = None) -> dict | None:
    """What identifies a network file for the cache: resolved path, layer, size and
    ``mtime_ns``; None when ``path`` is not a regular file (nothing to key a cache on)."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return None
    if not p.is_file():
        return None
    return {
        "path": str(p.resolve()),
        "layer": layer,
        "size": int(st.st_size),
        "mtime_ns": int(st.st_mtime_ns),
    }


def network_key(
    *,
    source: Mapping[str, Any],
    reader: str,
    read_options: Mapping[str, Any],
    build_options: Mapping[str, Any],
    sundplan_version: str,
) -> tuple[dict, str]:
    """The key record of a network and its hash (the entry's file name).

    ``source`` comes from :func:`file_source`; ``reader`` names the reader (``osm``, ``ogr``,
    ``overview``); ``read_options`` are the reader's arguments (fields, ferries, CRS) and
    ``build_options`` those of :func:`build_graph` (speed table, realism factor, ferries,
    boarding time). Anything that changes the lines or the graph must be in one of them.
    """
    record = {
        "format": CACHE_FORMAT,
        "code": GRAPH_CODE_VERSION,
        "code_digest": code_digest(),
        "sundplan": str(sundplan_version),
        "source": dict(source),
        "reader": str(reader),
        "read": _canonical(read_options),
        "build": _canonical(build_options),
    }
    text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return record, hashlib.sha256(text.encode("ascii")).hexdigest()[:_HASH_CHARS]


@functools.lru_cache(maxsize=1)
def code_digest() -> str:
    """SHA-256 (16 hex digits) of the readers', :func:`build_graph`'s and this module's
    source: any edit to them makes every older entry miss."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for pattern in _CODE_FILES:
        for path in sorted(root.glob(pattern)):
            h.update(path.relative_to(root).as_posix().encode("utf-8"))
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def _canonical(value):
    """JSON-stable form: mappings sorted by key, tuples as lists, numbers as float/int."""
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, bool | str) or value is None:
        return value
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return float(value)
    return str(value)


# ----------------------------------------------------------------------------- the outcome
@dataclass
class CachedNetwork:
    """A network from :func:`cached_network`: the lines and graph, where they came from
    (``status`` :data:`HIT`, :data:`MISS` or :data:`OFF`), the key hash, timings in seconds
    and warnings (message templates) for the log."""

    lines: RoadLines
    graph: RoadGraph
    status: str
    key: str | None = None
    read_s: float = 0.0
    build_s: float = 0.0
    load_s: float = 0.0
    store_s: float = 0.0
    size_bytes: int = 0
    warnings: list[Message] = field(default_factory=list)


def cached_network(
    *,
    folder: str | Path | None,
    record: Mapping | None,
    key: str | None,
    read: Callable[[], RoadLines],
    build: Callable[[RoadLines], RoadGraph],
    max_entries: int = DEFAULT_MAX_ENTRIES,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> CachedNetwork:
    """The lines and graph of a network: from the cache entry ``key`` when it is valid
    (:data:`HIT`), else ``read()`` then ``build(lines)`` and the result stored (:data:`MISS`).
    With ``folder`` or ``key`` None the cache is :data:`OFF` (read and build, store nothing).
    Errors of ``read``/``build`` propagate; cache problems only add warnings."""
    if folder is None or key is None or record is None:
        t0 = time.perf_counter()
        lines = read()
        t1 = time.perf_counter()
        graph = build(lines)
        return CachedNetwork(lines, graph, OFF, read_s=t1 - t0, build_s=time.perf_counter() - t1)
    cache = GraphCache(folder, max_entries=max_entries, max_bytes=max_bytes)
    t0 = time.perf_counter()
    found = cache.load(key, record)
    if found is not None:
        lines, graph, size = found
        return CachedNetwork(
            lines,
            graph,
            HIT,
            key=key,
            load_s=time.perf_counter() - t0,
            size_bytes=size,
            warnings=cache.warnings,
        )
    t1 = time.perf_counter()
    lines = read()
    t2 = time.perf_counter()
    graph = build(lines)
    t3 = time.perf_counter()
    size = cache.store(key, record, lines=lines, graph=graph)
    return CachedNetwork(
        lines,
        graph,
        MISS,
        key=key,
        read_s=t2 - t1,
        build_s=t3 - t2,
        load_s=t1 - t0,
        store_s=time.perf_counter() - t3,
        size_bytes=size,
        warnings=cache.warnings,
    )


# ----------------------------------------------------------------------------- the store
class _Unusable(Exception):
    """An entry that must not be used (missing, corrupt, another key or layout)."""


class GraphCache:
    """One cache folder. :meth:`load` and :meth:`store` never raise for cache problems: they
    append a warning to :attr:`warnings` and behave as a miss / an uncached run."""

    def __init__(
        self,
        folder: str | Path,
        *,
        max_entries: int = DEFAULT_MAX_ENTRIES,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        self.folder = Path(folder)
        self.max_entries = int(max_entries)
        self.max_bytes = int(max_bytes)
        self.warnings: list[Message] = []

    def entry_path(self, key: str) -> Path:
        """The entry's JSON (its pointer)."""
        return self.folder / f"{key}.json"

    # -- reading
    def load(self, key: str, record: Mapping) -> tuple[RoadLines, RoadGraph, int] | None:
        """(lines, graph, size in bytes) of a valid entry ``key`` for ``record``; None when
        there is none (a corrupt one adds a warning)."""
        meta_path = self.entry_path(key)
        if not meta_path.is_file():
            return None
        try:
            meta, npz = self._checked(meta_path, record)
            with np.load(npz, allow_pickle=False) as z:
                arrays = {name: z[name] for name in z.files}
            lines = _unpack(RoadLines, "lines", meta["lines"], arrays)
            graph = _unpack(RoadGraph, "graph", meta["graph"], arrays)
            lines.validate()
        except Exception as exc:  # noqa: BLE001 - any damage means: rebuild, never use
            self.warnings.append(
                msg(
                    "The cached road graph {entry} is damaged ({reason}); it is rebuilt "
                    "and not used.",
                    entry=meta_path.name,
                    reason=_reason(exc),
                )
            )
            return None
        try:  # most recently used first when pruning
            os.utime(meta_path)
        except OSError:
            pass
        return lines, graph, int(meta["size"])

    def _checked(self, meta_path: Path, record: Mapping) -> tuple[dict, Path]:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("key") != json.loads(json.dumps(record)):
            raise _Unusable("another key under the same hash")
        npz = self.folder / str(meta["npz"])
        if Path(meta["npz"]).name != meta["npz"]:
            raise _Unusable("the data file is outside the cache folder")
        size = npz.stat().st_size if npz.is_file() else -1
        if size != int(meta["size"]):
            raise _Unusable(f"data file of {size} bytes, {meta['size']} expected")
        if _digest(npz) != meta["sha256"]:
            raise _Unusable("checksum mismatch")
        return meta, npz

    # -- writing
    def store(self, key: str, record: Mapping, *, lines: RoadLines, graph: RoadGraph) -> int:
        """Write the entry ``key`` (atomically, see the module docstring) and prune the
        folder; the size written in bytes, 0 when it could not be written (a warning)."""
        tmp_npz = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            arrays: dict[str, np.ndarray] = {}
            meta = {
                "format": CACHE_FORMAT,
                "key": json.loads(json.dumps(record)),
                "created_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                "lines": _pack(lines, "lines", arrays),
                "graph": _pack(graph, "graph", arrays),
            }
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{key}-", suffix=".npz.tmp")
            tmp_npz = Path(tmp)
            with os.fdopen(fd, "wb") as fh:
                np.savez(fh, **arrays)
                fh.flush()
                os.fsync(fh.fileno())
            digest = _digest(tmp_npz)
            npz = self.folder / f"{key}-{digest[:16]}.npz"
            meta.update(npz=npz.name, size=tmp_npz.stat().st_size, sha256=digest)
            os.replace(tmp_npz, npz)
            tmp_npz = None
            _write_atomic(self.entry_path(key), json.dumps(meta, indent=1, ensure_ascii=False))
        except Exception as exc:  # noqa: BLE001 - a cache that cannot be written costs nothing
            if tmp_npz is not None:
                tmp_npz.unlink(missing_ok=True)
            self.warnings.append(
                msg(
                    "The road graph could not be stored in the cache folder {folder} "
                    "({reason}); the next run reads and builds it again.",
                    folder=str(self.folder),
                    reason=_reason(exc),
                )
            )
            return 0
        self.prune(keep=key)
        return int(meta["size"])

    def prune(self, *, keep: str | None = None) -> None:
        """Keep the most recently used entries within :attr:`max_entries` and
        :attr:`max_bytes` (``keep`` always), and remove stale left-overs."""
        now = time.time()
        entries = []
        for meta_path in self.folder.glob("*.json"):
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                entries.append((meta_path.stat().st_mtime, meta_path, str(meta["npz"])))
            except (OSError, ValueError, KeyError, TypeError):
                entries.append((0.0, meta_path, None))
        entries.sort(key=lambda e: (e[1].stem != keep, -e[0]))
        referenced: set[str] = set()
        dropped: set[str] = set()
        total = 0
        for i, (_, meta_path, npz_name) in enumerate(entries):
            size = 0
            if npz_name is not None:
                try:
                    size = (self.folder / npz_name).stat().st_size
                except OSError:
                    size = 0
            kept = npz_name is not None and (
                meta_path.stem == keep or (i < self.max_entries and total + size <= self.max_bytes)
            )
            if kept:
                total += size
                referenced.add(npz_name)
            else:
                meta_path.unlink(missing_ok=True)
                dropped.add(meta_path.stem)
        for path in list(self.folder.glob("*.npz")) + list(self.folder.glob(".*.tmp")):
            if path.name in referenced:
                continue
            try:
                old = now - path.stat().st_mtime > STALE_TEMP_S
            except OSError:
                continue
            # the data of an entry dropped just now goes at once; any other unreferenced file
            # only when old: a young one may be a concurrent writer's, about to be pointed to
            if old or (path.suffix == ".npz" and path.name.split("-")[0] in dropped):
                path.unlink(missing_ok=True)


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".json.tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


# ----------------------------------------------------------------------------- (un)packing
def _pack(obj, prefix: str, arrays: dict[str, np.ndarray]) -> dict:
    """Every dataclass field of ``obj``: arrays into ``arrays`` (``prefix.name``), CSR
    matrices as their three arrays, the rest (str, numbers, dicts) into the returned JSON.
    Generic over the fields, so a field added to :class:`RoadGraph` is cached too (bump
    :data:`GRAPH_CODE_VERSION`); a field of another type refuses to be cached."""
    out: dict[str, dict] = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        name = f"{prefix}.{f.name}"
        if value is None or isinstance(value, bool | int | float | str | dict | list):
            out[f.name] = {"kind": "json", "value": value}
        elif issparse(value):
            m = value.tocsr()
            arrays[f"{name}.data"] = m.data
            arrays[f"{name}.indices"] = m.indices
            arrays[f"{name}.indptr"] = m.indptr
            out[f.name] = {
                "kind": "csr",
                "shape": [int(s) for s in m.shape],
                "sorted": bool(m.has_sorted_indices),
            }
        elif isinstance(value, np.ndarray) and value.dtype == object:
            # text per line (road classes): distinct values + codes, no pickle
            uniq, codes = np.unique(value.astype(str), return_inverse=True)
            arrays[f"{name}.codes"] = codes.astype(np.int32).reshape(value.shape)
            out[f.name] = {"kind": "text", "values": [str(u) for u in uniq]}
        elif isinstance(value, np.ndarray):
            arrays[name] = value
            out[f.name] = {"kind": "array"}
        else:
            raise TypeError(f"{type(obj).__name__}.{f.name} of type {type(value).__name__}")
    return out


def _unpack(cls, prefix: str, spec: Mapping, arrays: Mapping[str, np.ndarray]):
    names = {f.name for f in dataclasses.fields(cls)}
    if set(spec) != names:
        raise _Unusable(f"stored {cls.__name__} fields differ from this version's")
    kwargs = {}
    for fname, how in spec.items():
        name = f"{prefix}.{fname}"
        kind = how["kind"]
        if kind == "json":
            kwargs[fname] = how["value"]
        elif kind == "array":
            kwargs[fname] = arrays[name]
        elif kind == "text":
            kwargs[fname] = np.array(how["values"], dtype=object)[arrays[f"{name}.codes"]]
        elif kind == "csr":
            data, indices, indptr = (arrays[f"{name}.{p}"] for p in ("data", "indices", "indptr"))
            shape = tuple(how["shape"])
            if indptr.shape != (shape[0] + 1,) or indices.shape != data.shape:
                raise _Unusable(f"{name} is not a {shape} CSR matrix")
            m = csr_matrix((data, indices, indptr), shape=shape, copy=False)
            m.has_sorted_indices = bool(how["sorted"])
            kwargs[fname] = m
        else:
            raise _Unusable(f"unknown kind {kind!r} of {name}")
    return cls(**kwargs)
