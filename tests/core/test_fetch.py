"""The download cache (``sundplan_qgis/fetch.py``) against the local server of
``tests/fetch_server.py``: md5, cache hits without a server, resume, Range ignored, 404,
truncated bodies, checksum mismatch, timeout, no network, cancel."""

from __future__ import annotations

import hashlib
import json

import pytest

from sundplan_qgis import fetch
from sundplan_qgis.errors import Cancelled, SundplanError
from tests import osm_mock
from tests.fetch_server import FIXTURES, PBF_PATH, FetchServer, closed_port_url


@pytest.fixture
def server(monkeypatch):
    osm_mock.loopback_only(monkeypatch)  # no test ever reaches the internet
    with FetchServer() as srv:
        yield srv


def _osm(cache, srv, **kw):
    return fetch.fetch_osm_pbf(cache_dir=cache, base_url=srv.osm_url, timeout_s=5, **kw)


def test_download_md5_ok_and_sidecar(server, tmp_path):
    entry = _osm(tmp_path, server)
    data = entry.path.read_bytes()
    assert data == server.pbf
    expected = hashlib.md5(server.pbf).hexdigest()  # noqa: S324
    assert entry.md5 == expected and entry.size_bytes == len(server.pbf)
    side = json.loads(fetch.sidecar_path(entry.path).read_text("utf-8"))
    assert side["md5"] == expected and side["size_bytes"] == 300_000
    assert side["url"].endswith(PBF_PATH) and side["md5_source"] == "published"
    assert not fetch.part_path(entry.path).exists()
    assert server.paths() == [PBF_PATH + ".md5", PBF_PATH]


def test_cache_hit_never_touches_the_network(server, tmp_path):
    first = _osm(tmp_path, server)
    server.stop()
    again = fetch.fetch_osm_pbf(cache_dir=tmp_path, base_url=closed_port_url(), timeout_s=2)
    assert again.from_cache and again.path == first.path and again.md5 == first.md5


def test_corrupt_cache_entry_is_fetched_again(server, tmp_path):
    entry = _osm(tmp_path, server)
    raw = bytearray(entry.path.read_bytes())
    raw[1000] ^= 0xFF  # same size, different bytes: only the md5 sees it
    entry.path.write_bytes(bytes(raw))
    assert fetch.cached_entry(entry.path) is None
    again = _osm(tmp_path, server)
    assert not again.from_cache and again.path.read_bytes() == server.pbf
    # a cut-short entry (size differs from the sidecar) too
    entry.path.write_bytes(server.pbf[:500])
    assert not _osm(tmp_path, server).from_cache


def test_resume_sends_range_and_is_byte_identical(server, tmp_path):
    target = tmp_path / "osm" / fetch.OSM_FILE
    target.parent.mkdir(parents=True)
    fetch.part_path(target).write_bytes(server.pbf[:123_456])
    entry = _osm(tmp_path, server)
    assert entry.resumed_from_bytes == 123_456
    assert entry.path.read_bytes() == server.pbf
    ranged = [r for r in server.requests if r["path"] == PBF_PATH]
    assert ranged[-1]["headers"].get("Range") == "bytes=123456-"


def test_server_ignoring_range_restarts_cleanly(server, tmp_path):
    target = tmp_path / "osm" / fetch.OSM_FILE
    target.parent.mkdir(parents=True)
    fetch.part_path(target).write_bytes(b"x" * 5000)  # not even the right bytes
    server.ignore_range = True
    entry = _osm(tmp_path, server)
    assert entry.resumed_from_bytes == 0
    assert entry.path.read_bytes() == server.pbf  # the full 200 body, not appended


def test_404_names_the_url(server, tmp_path):
    server.missing.add(PBF_PATH + ".md5")
    with pytest.raises(fetch.HttpError) as info:
        _osm(tmp_path, server)
    assert "404" in str(info.value) and "denmark-latest.osm.pbf.md5" in str(info.value)
    assert not (tmp_path / "osm" / fetch.OSM_FILE).exists()


def test_truncated_body_is_kept_as_part_and_resumed(server, tmp_path):
    server.truncate_to = 100_000
    with pytest.raises(fetch.FetchError) as info:
        fetch.fetch_file(
            server.osm_url + "/denmark-latest.osm.pbf", tmp_path / "f.pbf", timeout_s=5
        )
    assert "100,000 of 300,000 bytes; nothing was cached" in str(info.value)
    assert not (tmp_path / "f.pbf").exists()
    assert fetch.part_path(tmp_path / "f.pbf").stat().st_size == 100_000
    server.truncate_to = None
    entry = fetch.fetch_file(
        server.osm_url + "/denmark-latest.osm.pbf", tmp_path / "f.pbf", timeout_s=5
    )
    assert entry.resumed_from_bytes == 100_000 and entry.path.read_bytes() == server.pbf


def test_checksum_mismatch_leaves_nothing(server, tmp_path):
    server.wrong_md5 = True
    with pytest.raises(fetch.FetchError) as info:
        _osm(tmp_path, server)
    assert "checksum" in str(info.value)
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert leftovers == []


def test_timeout(server, tmp_path):
    server.delay_s = 3.0
    with pytest.raises(fetch.FetchTimeout) as info:
        fetch.fetch_osm_pbf(cache_dir=tmp_path, base_url=server.osm_url, timeout_s=0.5)
    assert "127.0.0.1" in str(info.value) and "0.5 s" in str(info.value)


@pytest.mark.parametrize("kind", ["closed port", "unresolvable host"])
def test_no_network_gives_the_clear_message(tmp_path, monkeypatch, kind):
    osm_mock.loopback_only(monkeypatch)
    base = closed_port_url() if kind == "closed port" else "http://sundplan-no-such-host.invalid"
    if kind == "unresolvable host":

        def no_dns(*args, **kwargs):
            raise __import__("socket").gaierror(-2, "Name or service not known")

        monkeypatch.setattr("socket.getaddrinfo", no_dns)
    (tmp_path / "dst").mkdir()
    inputs = fetch.FetchInputs(
        what=("osm",), cache_dir=tmp_path, osm_base_url=base, dst_base_url=base, timeout_s=2
    )
    with pytest.raises(SundplanError) as info:
        fetch.run(inputs)
    text = str(info.value)
    host = "127.0.0.1" if kind == "closed port" else "sundplan-no-such-host.invalid"
    assert text.startswith("Could not fetch OpenStreetMap Denmark")
    assert (
        f"The server {host} cannot be reached" in text
        and str(tmp_path) in text
        and "already cached: nothing" in text
    )


def test_offline_message_lists_what_is_cached(tmp_path, monkeypatch):
    osm_mock.loopback_only(monkeypatch)
    with FetchServer(national=True) as srv:
        inputs = fetch.FetchInputs(what=("folk1a",), cache_dir=tmp_path, dst_base_url=srv.dst_url)
        fetch.run(inputs)
    inputs = fetch.FetchInputs(
        what=("osm",), cache_dir=tmp_path, osm_base_url=closed_port_url(), timeout_s=2
    )
    with pytest.raises(SundplanError) as info:
        fetch.run(inputs)
    assert "dst/FOLK1A_2025K3.csv" in str(info.value)


def test_cancel_keeps_the_part_for_resuming(server, tmp_path):
    seen = []

    def progress(fraction, message=""):
        seen.append(fraction)
        if len(seen) == 2:
            raise Cancelled("Cancelled by the user.")

    target = tmp_path / "f.pbf"
    url = server.osm_url + "/denmark-latest.osm.pbf"
    with pytest.raises(Cancelled):
        fetch.fetch_file(url, target, timeout_s=5, progress=progress, chunk_bytes=50_000)
    assert not target.exists()
    assert fetch.part_path(target).stat().st_size == 100_000
    entry = fetch.fetch_file(url, target, timeout_s=5)
    assert entry.resumed_from_bytes == 100_000 and target.read_bytes() == server.pbf


def test_progress_fractions_rise_to_one(server, tmp_path):
    seen = []
    fetch.fetch_file(
        server.osm_url + "/denmark-latest.osm.pbf",
        tmp_path / "f.pbf",
        progress=lambda f, m="": seen.append(f),
        chunk_bytes=100_000,
    )
    assert seen == [pytest.approx(1 / 3), pytest.approx(2 / 3), 1.0]


def test_md5_file_format():
    line = (FIXTURES / "denmark-latest.osm.pbf.md5.example").read_text("utf-8")
    assert fetch.parse_md5(line, filename="denmark-latest.osm.pbf", url="u") == (
        "3f2a81c5e0d94b7a6c1e8f0b2d4a6c8e"
    )
    with pytest.raises(SundplanError, match="does not hold an md5"):
        fetch.parse_md5(line, filename="sweden-latest.osm.pbf", url="u")
    with pytest.raises(SundplanError):
        fetch.parse_md5("<html>Not here</html>", filename="denmark-latest.osm.pbf", url="u")


def test_nothing_to_fetch(tmp_path):
    with pytest.raises(SundplanError, match="Nothing to fetch"):
        fetch.run(fetch.FetchInputs(what=(), cache_dir=tmp_path))


def test_changed_file_with_if_range_restarts(server, tmp_path):
    url = server.osm_url + "/denmark-latest.osm.pbf"
    server.truncate_to = 50_000
    with pytest.raises(fetch.FetchError):
        fetch.fetch_file(url, tmp_path / "f.pbf", timeout_s=5)
    server.truncate_to = None
    server.pbf = bytes(reversed(server.pbf))  # a new extract on the server
    entry = fetch.fetch_file(
        url, tmp_path / "f.pbf", timeout_s=5, expected_md5=hashlib.md5(server.pbf).hexdigest()
    )
    sent = [r["headers"] for r in server.requests if r["path"] == PBF_PATH][-1]
    assert sent.get("If-Range", "").startswith('"') and sent.get("Range") == "bytes=50000-"
    assert entry.resumed_from_bytes == 0 and entry.path.read_bytes() == server.pbf
    # no .part, no .part.json left: only the file and its sidecar
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.pbf", "f.pbf.json"]


def test_changed_file_without_validator_is_fetched_whole_after_the_md5_fails(server, tmp_path):
    target = tmp_path / "osm" / fetch.OSM_FILE
    target.parent.mkdir(parents=True)
    fetch.part_path(target).write_bytes(bytes(reversed(server.pbf))[:70_000])  # old extract
    entry = _osm(tmp_path, server)
    assert entry.path.read_bytes() == server.pbf and entry.resumed_from_bytes == 0
    ranges = [r["headers"].get("Range") for r in server.requests if r["path"] == PBF_PATH]
    assert ranges == ["bytes=70000-", None]  # resumed, md5 failed, fetched whole once


def test_api_posts_are_never_resumed(server, tmp_path):
    target = tmp_path / "tables.json"
    fetch.part_path(target).write_bytes(b"[{")
    entry = fetch.fetch_file(server.dst_url + "/tables", target, data=b"{}", timeout_s=5)
    assert json.loads(entry.path.read_text("utf-8"))[0]["id"] == "FOLK1A"
    assert "Range" not in server.requests[-1]["headers"]


def test_offline_for_one_server_still_fetches_the_other(tmp_path, monkeypatch):
    osm_mock.loopback_only(monkeypatch)
    with FetchServer(national=True) as srv:
        inputs = fetch.FetchInputs(
            what=("osm", "projection"),
            cache_dir=tmp_path,
            osm_base_url=closed_port_url(),
            dst_base_url=srv.dst_url,
            timeout_s=2,
        )
        with pytest.raises(SundplanError) as info:
            fetch.run(inputs)
    text = str(info.value)
    assert text.startswith("Could not fetch OpenStreetMap Denmark (Geofabrik, .osm.pbf): The")
    assert "Population" not in text and "projection (FRKM1yy)" not in text
    assert "already cached: dst/FRKM125.csv, dst/tableinfo_FRKM125.json, dst/tables.json" in text


def test_part_longer_than_the_file_starts_over(server, tmp_path):
    target = tmp_path / "osm" / fetch.OSM_FILE
    target.parent.mkdir(parents=True)
    fetch.part_path(target).write_bytes(b"\0" * 400_000)  # the extract shrank since
    entry = _osm(tmp_path, server)
    assert entry.path.read_bytes() == server.pbf and entry.resumed_from_bytes == 0
    ranges = [r["headers"].get("Range") for r in server.requests if r["path"] == PBF_PATH]
    assert ranges == ["bytes=400000-", None]  # 416, then the whole file


def test_truncated_api_answer_is_asked_again(server, tmp_path):
    server.truncate_to = 10
    target = tmp_path / "tables.json"
    with pytest.raises(fetch.FetchError, match="nothing was cached"):
        fetch.fetch_file(server.dst_url + "/tables", target, data=b"{}", timeout_s=5)
    assert not fetch.part_path(target).exists() and not target.exists()


def test_refresh_that_fails_keeps_the_cached_file(server, tmp_path):
    first = _osm(tmp_path, server)
    server.stop()
    with pytest.raises(fetch.NoConnection):
        fetch.fetch_osm_pbf(
            cache_dir=tmp_path, base_url=closed_port_url(), timeout_s=2, refresh=True
        )
    kept = fetch.cached_entry(first.path)
    assert kept is not None and kept.md5 == first.md5


def test_refresh_replaces_the_cached_file(server, tmp_path):
    _osm(tmp_path, server)
    server.pbf = bytes(reversed(server.pbf))  # tomorrow's extract
    assert _osm(tmp_path, server).path.read_bytes() != server.pbf  # cache hit: old file
    fresh = _osm(tmp_path, server, refresh=True)
    assert not fresh.from_cache and fresh.path.read_bytes() == server.pbf
    assert fetch.cached_entry(fresh.path).md5 == hashlib.md5(server.pbf).hexdigest()  # noqa: S324
