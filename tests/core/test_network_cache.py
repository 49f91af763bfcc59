"""The compiled-graph cache (issue 11, item 3): hits equal fresh builds array for array, every
option and the file's identity are in the key, damaged entries are rebuilt and never used,
concurrent writers leave one valid entry, the folder stays bounded."""

from __future__ import annotations

import dataclasses
import json
import os
import threading
from pathlib import Path

import numpy as np
import pytest
from scipy.sparse import issparse

from sundplan_qgis import network as N
from sundplan_qgis import reference
from sundplan_qgis.network import cache as C

from .network_helpers import HAND, read_hand, write_gpkg

BUILD = {
    "speeds_kmh": None,
    "realism_factor": 1.0,
    "include_ferries": True,
    "ferry_boarding_min": 15.0,
}
FIELDS = {
    "class_field": "road_class",
    "speed_field": "maxspeed_kmh",
    "oneway_field": "oneway",
    "duration_field": "duration_min",
}


@pytest.fixture
def hand_file(tmp_path) -> Path:
    return write_gpkg(tmp_path / "hand.gpkg", HAND)


def key_of(path, *, layer=None, reader="ogr", read=None, build=None, version="1.0"):
    return C.network_key(
        source=C.file_source(path, layer=layer),
        reader=reader,
        read_options=FIELDS if read is None else read,
        build_options=BUILD if build is None else build,
        sundplan_version=version,
    )


def get(folder, path, *, counter=None, build=None, **key_args):
    """One cached read of the hand network; ``counter`` counts the real reads."""
    record, key = key_of(path, build=build, **key_args)
    options = BUILD if build is None else build

    def read():
        if counter is not None:
            counter.append(1)
        return read_hand(path)

    return C.cached_network(
        folder=folder,
        record=record,
        key=key,
        read=read,
        build=lambda lines: N.build_graph(lines, **options),
    )


def assert_same(a, b) -> None:
    """Every field of two dataclasses (graph or lines) equal: arrays by value and dtype,
    CSR matrices by their three arrays and shape."""
    assert type(a) is type(b)
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if issparse(x):
            assert x.shape == y.shape, f.name
            for part in ("data", "indices", "indptr"):
                px, py = getattr(x, part), getattr(y, part)
                assert px.dtype == py.dtype, (f.name, part)
                np.testing.assert_array_equal(px, py, err_msg=f"{f.name}.{part}")
            assert x.has_sorted_indices == y.has_sorted_indices, f.name
        elif isinstance(x, np.ndarray):
            assert x.dtype == y.dtype and x.shape == y.shape, f.name
            np.testing.assert_array_equal(x, y, err_msg=f.name)
        else:
            assert x == y, f.name


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


# ----------------------------------------------------------------------------- hit and miss
def test_hit_after_miss_gives_identical_lines_and_graph(tmp_path, hand_file):
    folder = tmp_path / "cache"
    reads: list[int] = []
    first = get(folder, hand_file, counter=reads)
    second = get(folder, hand_file, counter=reads)
    assert (first.status, second.status) == (C.MISS, C.HIT)
    assert len(reads) == 1  # the hit neither read nor built
    assert first.key == second.key and len(entries(folder)) == 1
    assert not first.warnings and not second.warnings
    fresh_lines = read_hand(hand_file)
    fresh = N.build_graph(fresh_lines, **BUILD)
    assert fresh.stats["n_ferry_docks"] > 0  # the dock nodes travel with the graph
    assert_same(second.graph, fresh)
    assert_same(second.lines, fresh_lines)
    assert second.size_bytes == first.size_bytes > 0


def test_shipped_overview_network_round_trips(tmp_path):
    """The real national main roads (shipped): every array of a hit equals a fresh build."""
    path = reference.overview_network_path()
    record, key = C.network_key(
        source=C.file_source(path),
        reader="overview",
        read_options={},
        build_options=BUILD,
        sundplan_version="x",
    )
    args = dict(
        folder=tmp_path,
        record=record,
        key=key,
        read=reference.overview_network,
        build=lambda lines: N.build_graph(lines, **BUILD),
    )
    miss = C.cached_network(**args)
    hit = C.cached_network(**args)
    assert (miss.status, hit.status) == (C.MISS, C.HIT)
    assert_same(hit.graph, miss.graph)
    assert_same(hit.lines, miss.lines)
    assert hit.lines.length_m is not None  # the travel lengths of the shipped file


def test_off_without_folder_or_key(hand_file):
    reads: list[int] = []
    got = C.cached_network(
        folder=None,
        record=None,
        key=None,
        read=lambda: reads.append(1) or read_hand(hand_file),
        build=N.build_graph,
    )
    assert got.status == C.OFF and got.key is None and reads == [1]


@pytest.mark.parametrize(
    "change",
    [
        {"build": {**BUILD, "speeds_kmh": {"tertiary": 70.0}}},
        {"build": {**BUILD, "realism_factor": 0.85}},
        {"build": {**BUILD, "include_ferries": False}},
        {"build": {**BUILD, "ferry_boarding_min": 0.0}},
        {"read": {**FIELDS, "speed_field": None}},
        {"read": {**FIELDS, "oneway_field": None}},
        {"read": {**FIELDS, "class_field": None}},
        {"read": {**FIELDS, "duration_field": None}},
        {"read": {**FIELDS, "length_field": "length_m"}},
        {"layer": "roads"},
        {"reader": "osm"},
        {"version": "1.1"},
    ],
    ids=lambda c: next(iter(c)) + ":" + json.dumps(c[next(iter(c))], default=str)[-40:],
)
def test_every_option_is_in_the_key(tmp_path, hand_file, change):
    folder = tmp_path / "cache"
    assert get(folder, hand_file).status == C.MISS
    _, base = key_of(hand_file)
    _, changed = key_of(hand_file, **change)
    assert changed != base
    build = change.get("build")
    if build is not None:  # through the whole road: a miss, then a hit of its own
        assert get(folder, hand_file, build=build).status == C.MISS
        assert get(folder, hand_file, build=build).status == C.HIT
        assert get(folder, hand_file).status == C.HIT


def test_code_version_is_in_the_key(hand_file, monkeypatch):
    _, before = key_of(hand_file)
    monkeypatch.setattr(C, "GRAPH_CODE_VERSION", C.GRAPH_CODE_VERSION + 1)
    _, after = key_of(hand_file)
    assert after != before


def test_the_readers_source_is_in_the_key(hand_file, monkeypatch):
    """An edit to a reader or build_graph without a version bump still misses."""
    record, before = key_of(hand_file)
    assert record["code_digest"] == C.code_digest()
    monkeypatch.setattr(C, "code_digest", lambda: "edited")
    _, after = key_of(hand_file)
    assert after != before
    files = C._CODE_FILES
    assert "network/*.py" in files and "reference.py" in files


def test_touching_or_replacing_the_file_misses(tmp_path, hand_file):
    folder = tmp_path / "cache"
    assert get(folder, hand_file).status == C.MISS
    assert get(folder, hand_file).status == C.HIT
    st = hand_file.stat()
    os.utime(hand_file, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert get(folder, hand_file).status == C.MISS
    # another file at the same path (other size): a miss, and the new roads are used
    hand_file.unlink()
    write_gpkg(hand_file, HAND[:4])
    got = get(folder, hand_file)
    assert got.status == C.MISS and got.lines.n_lines == 4


def test_not_a_file_has_no_key(tmp_path):
    assert C.file_source(tmp_path / "missing.gpkg") is None
    assert C.file_source(tmp_path) is None  # a folder


# ----------------------------------------------------------------------------- damage
def _npz(folder: Path) -> Path:
    (meta,) = entries(folder)
    return folder / json.loads(meta.read_text())["npz"]


@pytest.mark.parametrize("damage", ["truncate", "flip", "delete", "json", "garbage"])
def test_damaged_entry_is_rebuilt_with_a_warning_never_used(tmp_path, hand_file, damage):
    folder = tmp_path / "cache"
    first = get(folder, hand_file)
    npz = _npz(folder)
    data = npz.read_bytes()
    if damage == "truncate":
        npz.write_bytes(data[: len(data) // 2])
    elif damage == "flip":  # same size: only the checksum sees it
        pos = len(data) // 2
        npz.write_bytes(data[:pos] + bytes([data[pos] ^ 0xFF]) + data[pos + 1 :])
    elif damage == "delete":
        npz.unlink()
    elif damage == "json":
        (meta,) = entries(folder)
        meta.write_text(meta.read_text()[:50])
    else:  # a valid-looking entry whose data file is not an npz at all
        (meta,) = entries(folder)
        record = json.loads(meta.read_text())
        npz.write_bytes(b"x" * 64)
        record.update(size=64, sha256=C._digest(npz))
        meta.write_text(json.dumps(record))
    reads: list[int] = []
    again = get(folder, hand_file, counter=reads)
    assert again.status == C.MISS and reads == [1]
    assert len(again.warnings) == 1 and "damaged" in again.warnings[0]
    assert again.warnings[0].template.startswith("The cached road graph")
    assert_same(again.graph, first.graph)
    # rebuilt: the next run hits again, without a warning
    third = get(folder, hand_file)
    assert third.status == C.HIT and not third.warnings


def test_entry_of_another_key_under_the_same_hash_is_not_used(tmp_path, hand_file):
    folder = tmp_path / "cache"
    first = get(folder, hand_file)
    meta = folder / f"{first.key}.json"
    record = json.loads(meta.read_text())
    record["key"]["build"]["realism_factor"] = 0.5
    meta.write_text(json.dumps(record))
    again = get(folder, hand_file)
    assert again.status == C.MISS and again.warnings


def test_unwritable_folder_costs_a_warning_not_the_run(tmp_path, hand_file):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    got = get(blocker / "cache", hand_file)
    assert got.status == C.MISS and got.size_bytes == 0
    assert len(got.warnings) == 1 and "could not be stored" in got.warnings[0]
    assert got.graph.n_nodes > 0


def test_no_pickles(tmp_path, hand_file):
    """Road classes (text) are stored as codes: the cache loads with allow_pickle=False."""
    get(tmp_path, hand_file)
    with np.load(_npz(tmp_path), allow_pickle=False) as z:
        assert all(z[name].dtype != object for name in z.files)


# ----------------------------------------------------------------------------- concurrency
def test_concurrent_writers_leave_one_valid_entry(tmp_path, hand_file):
    folder = tmp_path / "cache"
    lines = read_hand(hand_file)
    graph = N.build_graph(lines, **BUILD)
    record, key = key_of(hand_file)
    start = threading.Barrier(6)
    errors: list[BaseException] = []

    def write():
        cache = C.GraphCache(folder)
        try:
            start.wait()
            for _ in range(3):
                assert cache.store(key, record, lines=lines, graph=graph) > 0
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert [p.name for p in entries(folder)] == [f"{key}.json"]
    assert not list(folder.glob(".*.tmp"))
    cache = C.GraphCache(folder)
    loaded = cache.load(key, record)
    assert loaded is not None and not cache.warnings
    assert_same(loaded[1], graph)
    # unreferenced data files of the losers are young: kept until stale, then pruned
    for npz in folder.glob("*.npz"):
        os.utime(npz, (0, 0))
    os.utime(folder / f"{key}.json")
    cache.prune()
    assert len(list(folder.glob("*.npz"))) == 1
    assert cache.load(key, record) is not None


_WRITER = """
import json, sys
from sundplan_qgis import network as N
from sundplan_qgis.network import cache as C
path, folder, fields, build = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])
record, key = C.network_key(source=C.file_source(path), reader="ogr", read_options=fields,
                            build_options=build, sundplan_version="1.0")
lines = N.read_lines_ogr(path, **fields)
graph = N.build_graph(lines, **build)
cache = C.GraphCache(folder)
sizes = [cache.store(key, record, lines=lines, graph=graph) for _ in range(3)]
sys.exit(0 if all(sizes) and not cache.warnings else 1)
"""


def test_concurrent_processes_leave_one_valid_entry(tmp_path, hand_file):
    import subprocess
    import sys

    folder = tmp_path / "cache"
    repo = Path(__file__).resolve().parents[2]
    cmd = [sys.executable, "-c", _WRITER, str(hand_file), str(folder)]
    cmd += [json.dumps(FIELDS), json.dumps(BUILD)]
    env = {**os.environ, "PYTHONPATH": str(repo)}
    procs = [subprocess.Popen(cmd, env=env, cwd=repo) for _ in range(3)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    record, key = key_of(hand_file)
    assert [p.name for p in entries(folder)] == [f"{key}.json"]
    got = get(folder, hand_file)
    assert got.status == C.HIT and not got.warnings
    assert_same(got.graph, N.build_graph(read_hand(hand_file), **BUILD))


# ----------------------------------------------------------------------------- bounded
def test_the_cache_keeps_the_most_recently_used_entries(tmp_path, hand_file):
    folder = tmp_path / "cache"
    lines = read_hand(hand_file)
    graph = N.build_graph(lines, **BUILD)
    cache = C.GraphCache(folder, max_entries=3)
    keys = []
    for i in range(5):
        for j, older in enumerate(keys):  # used in the order written (pruned ones gone)
            if (folder / f"{older}.json").exists():
                os.utime(folder / f"{older}.json", (1000 + j, 1000 + j))
        record, key = key_of(hand_file, build={**BUILD, "realism_factor": 1.0 - i / 10})
        cache.store(key, record, lines=lines, graph=graph)
        keys.append(key)
    kept = {p.stem for p in entries(folder)}
    assert kept == set(keys[-3:])
    assert len(list(folder.glob("*.npz"))) == 3
    # a size cap below one entry still keeps the entry just written
    small = C.GraphCache(folder, max_entries=8, max_bytes=1)
    record, key = key_of(hand_file, build={**BUILD, "realism_factor": 0.3})
    small.store(key, record, lines=lines, graph=graph)
    assert {p.stem for p in entries(folder)} == {key}
    assert len(list(folder.glob("*.npz"))) == 1
