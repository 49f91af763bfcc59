"""Downloads into a verified cache, and the tool entry of ``sundplan:fetch_base_data``.

Generic part (:func:`fetch_file`): a resumable HTTP GET/POST with the standard library's
``urllib`` (no new dependency, and it honours the system's proxy settings):

* the body goes to ``<name>.part``; an existing ``.part`` is resumed with an HTTP ``Range``
  request, with ``If-Range`` set to the server's ``ETag`` / ``Last-Modified`` recorded when the
  ``.part`` began (``<name>.part.json``). A ``206 Partial Content`` answer is appended; a
  ``200`` (Range ignored, or the file changed) restarts from byte 0, so the result is never a
  mix of two answers; a resumed file that fails its md5 is fetched whole once more. POSTed
  API queries are never resumed (their answers are made on the fly);
* the size is checked against ``Content-Length`` (a truncated body keeps its ``.part`` for the
  next run and is never renamed into place), and the md5 against an expected value (e.g.
  Geofabrik's published ``.md5``: on a mismatch the ``.part`` is deleted, nothing is cached);
* only a complete, verified file is renamed into place (``os.replace``, atomic), then a JSON
  sidecar ``<name>.json`` records url, size, md5 and the time of the download;
* a cache hit (file + sidecar, size and md5 as recorded) never touches the network; an entry
  that fails the check (partial, corrupt, sidecar missing) is deleted and fetched again;
* ``progress(fraction, message)`` is called per chunk; it raises
  :class:`~sundplan_qgis.errors.Cancelled` to stop (the ``.part`` stays, to be resumed);
* connection failures (DNS, refused, unreachable) raise :class:`NoConnection`, timeouts
  :class:`FetchTimeout`, HTTP errors :class:`HttpError`: all :class:`SundplanError` with the
  URL's host, so the tool can say what could not be fetched and where the cache is.

Tool entry (:func:`run`): OpenStreetMap Denmark from Geofabrik (verified against its ``.md5``)
and the Statbank tables of :mod:`sundplan_qgis.dst` into one cache folder.

This module never imports qgis.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from .errors import Message, SundplanError, listing, msg

Progress = Callable[[float, str], None]

GEOFABRIK_URL = "https://download.geofabrik.de/europe"
"""Geofabrik's folder of European extracts; the Denmark extract is ``denmark-latest.osm.pbf``
with its checksum beside it as ``denmark-latest.osm.pbf.md5``."""
OSM_FILE = "denmark-latest.osm.pbf"

DEFAULT_TIMEOUT_S = 60.0
"""Seconds without any answer (connect or between two reads) before giving up."""
CHUNK_BYTES = 1 << 20
SIDECAR_SUFFIX = ".json"
PART_SUFFIX = ".part"
USER_AGENT = "sundplan-qgis (QGIS plugin; health planning)"


# --------------------------------------------------------------------------- errors
class FetchError(SundplanError):
    """A download failed; ``host`` is the server's host name (for the tool's message)."""

    host: str = ""


class NoConnection(FetchError):
    """No connection at all: name not resolvable, connection refused, network unreachable."""


class FetchTimeout(FetchError):
    """The server did not answer within the timeout."""


class HttpError(FetchError):
    """The server answered with an HTTP error status (404, 500 ...)."""


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).hostname or url


def _raise(cls: type[FetchError], message: Message) -> None:
    """Raise ``cls`` with the template and values of ``message`` (which has ``host``)."""
    exc = cls(message.template, **message.values)
    exc.host = str(message.values["host"])
    raise exc


# --------------------------------------------------------------------------- cache entries
@dataclass(frozen=True)
class CacheEntry:
    """A verified file in the cache and what its sidecar says about it."""

    path: Path
    url: str
    size_bytes: int
    md5: str
    fetched_at: str
    from_cache: bool = False
    resumed_from_bytes: int = 0
    md5_source: str = ""  # "published" when checked against the server's checksum
    request: str = ""  # the POSTed query (API answers share one URL)

    def as_dict(self) -> dict:
        """For the run report."""
        return {
            "path": str(self.path),
            "url": self.url,
            "size_bytes": self.size_bytes,
            "md5": self.md5,
            "md5_checked_against": self.md5_source or "computed at download",
            "fetched_at": self.fetched_at,
            "from_cache": self.from_cache,
            "resumed_from_bytes": self.resumed_from_bytes,
            **({"request": self.request} if self.request else {}),
        }


def sidecar_path(path: Path) -> Path:
    """``<file>.json`` beside a cache file."""
    return path.with_name(path.name + SIDECAR_SUFFIX)


def part_path(path: Path) -> Path:
    """``<file>.part``: the download in progress."""
    return path.with_name(path.name + PART_SUFFIX)


def md5_of(path: Path, *, chunk_bytes: int = CHUNK_BYTES) -> str:
    """Hex md5 of a file, read in chunks."""
    digest = hashlib.md5()  # noqa: S324 - a download checksum, as published, not security
    with open(path, "rb") as handle:
        while block := handle.read(chunk_bytes):
            digest.update(block)
    return digest.hexdigest()


def cached_entry(path: Path, *, verify_md5: bool = True) -> CacheEntry | None:
    """The cache entry at ``path`` when file and sidecar agree (size, and md5 unless
    ``verify_md5`` is False), else None. Never touches the network."""
    path = Path(path)
    side = sidecar_path(path)
    if not (path.is_file() and side.is_file()):
        return None
    try:
        meta = json.loads(side.read_text("utf-8"))
        size, md5 = int(meta["size_bytes"]), str(meta["md5"])
    except (ValueError, KeyError, TypeError, OSError):
        return None
    if path.stat().st_size != size or (verify_md5 and md5_of(path) != md5):
        return None
    return CacheEntry(
        path=path,
        url=str(meta.get("url", "")),
        size_bytes=size,
        md5=md5,
        fetched_at=str(meta.get("fetched_at", "")),
        from_cache=True,
        md5_source=str(meta.get("md5_source", "")),
        request=str(meta.get("request", "")),
    )


def discard(path: Path) -> None:
    """Remove a cache entry (file and sidecar; the ``.part`` is left for resuming)."""
    for p in (Path(path), sidecar_path(Path(path))):
        p.unlink(missing_ok=True)


def _write_sidecar(entry: CacheEntry) -> None:
    meta = {
        "url": entry.url,
        "size_bytes": entry.size_bytes,
        "md5": entry.md5,
        "md5_source": entry.md5_source,
        "fetched_at": entry.fetched_at,
        "request": entry.request,
    }
    side = sidecar_path(entry.path)
    tmp = side.with_name(side.name + ".tmp")
    tmp.write_text(json.dumps(meta, indent=2), "utf-8")
    os.replace(tmp, side)


# --------------------------------------------------------------------------- HTTP
def _open(url: str, *, data: bytes | None, headers: dict, timeout_s: float):
    """``urlopen`` with our errors: NoConnection / FetchTimeout / HttpError."""
    request = urllib.request.Request(url, data=data, headers={"User-Agent": USER_AGENT, **headers})
    try:
        return urllib.request.urlopen(request, timeout=timeout_s)  # noqa: S310 - http(s) only
    except urllib.error.HTTPError as exc:
        detail = _error_detail(exc)
        exc.close()
        _raise(
            HttpError,
            msg(
                "The server {host} answered {status} ({reason}) for {url}.{detail}",
                url=url,
                host=_host(url),
                status=exc.code,
                reason=exc.reason,
                detail=f" {detail}" if detail else "",
            ),
        )
    except urllib.error.URLError as exc:
        _raise_connection(exc.reason, url=url, timeout_s=timeout_s)
    except (TimeoutError, OSError) as exc:
        _raise_connection(exc, url=url, timeout_s=timeout_s)


def _error_detail(exc: urllib.error.HTTPError) -> str:
    """The ``message`` of a JSON error body (Statbank answers 400 with one), else ''."""
    try:
        body = exc.read(4096).decode("utf-8", "replace")
        return str(json.loads(body).get("message", ""))[:300]
    except Exception:  # noqa: BLE001 - a detail only
        return ""


def _raise_connection(reason, *, url: str, timeout_s: float) -> None:
    if isinstance(reason, TimeoutError):  # socket.timeout is TimeoutError since 3.10
        _raise(
            FetchTimeout,
            msg(
                "No answer from {host} within {timeout_s:g} s ({url}).",
                url=url,
                host=_host(url),
                timeout_s=timeout_s,
            ),
        )
    _raise(
        NoConnection,
        msg(
            "The server {host} cannot be reached ({reason}).",
            url=url,
            host=_host(url),
            reason=reason,
        ),
    )


def fetch_text(
    url: str, *, data: bytes | None = None, headers: dict | None = None, timeout_s: float
) -> str:
    """A small answer (a checksum, a JSON list) as text, not cached."""
    response = _open(url, data=data, headers=headers or {}, timeout_s=timeout_s)
    try:
        with response:
            return response.read().decode("utf-8-sig")
    except TimeoutError as exc:
        _raise_connection(exc, url=url, timeout_s=timeout_s)
    except (http.client.HTTPException, OSError) as exc:
        _raise(
            FetchError,
            msg("The answer from {host} broke off ({error}).", url=url, host=_host(url), error=exc),
        )


def parse_md5(text: str, *, filename: str, url: str) -> str:
    """The checksum from an ``md5sum`` line (``<32 hex digits>  <file name>``, Geofabrik's
    ``.md5`` files); a file name other than ``filename`` is an error (wrong checksum file)."""
    for line in text.splitlines():
        parts = line.strip().split()
        if not parts:
            continue
        digest = parts[0].lower()
        name = parts[1].lstrip("*") if len(parts) > 1 else filename
        if len(digest) == 32 and all(c in "0123456789abcdef" for c in digest):
            if Path(name).name != filename:
                break
            return digest
        break
    raise SundplanError(
        "The checksum file {url} does not hold an md5 for {filename}.",
        url=url,
        filename=filename,
    )


def fetch_file(
    url: str,
    path: Path,
    *,
    expected_md5: str | None = None,
    data: bytes | None = None,
    headers: dict | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    refresh: bool = False,
    verify_cached_md5: bool = True,
    progress: Progress | None = None,
    label: str = "",
    chunk_bytes: int = CHUNK_BYTES,
) -> CacheEntry:
    """``url`` into the cache file ``path`` (see the module docstring), resumed from
    ``<path>.part`` when one is there. ``data``: a POST body (an API query); ``refresh``:
    download even when a valid entry is cached. Returns the verified entry."""
    path = Path(path)
    label = label or path.name
    if not refresh:
        entry = cached_entry(path, verify_md5=verify_cached_md5)
        if entry is not None and (expected_md5 is None or entry.md5 == expected_md5):
            return entry
        if entry is None:
            discard(path)  # partial or damaged: never left where a cached file is looked for
    # A valid (older) entry stays until the new file replaces it (atomic rename), so a
    # refresh that fails, e.g. offline, still leaves the cache usable.
    path.parent.mkdir(parents=True, exist_ok=True)
    part = part_path(path)

    def start_over() -> CacheEntry:
        """The .part cannot be continued (the file changed or shrank on the server): fetch
        the whole file again."""
        return fetch_file(
            url,
            path,
            expected_md5=expected_md5,
            headers=headers,
            timeout_s=timeout_s,
            refresh=True,
            progress=progress,
            label=label,
            chunk_bytes=chunk_bytes,
        )

    # Only GETs are resumed: an API's POST answer is made on the fly, there is nothing to
    # continue. A .part of another URL is not resumed either.
    offset = part.stat().st_size if part.is_file() and data is None else 0
    validator = _part_validator(part, url) if offset else None
    if validator == "":
        offset = 0
    request_headers = dict(headers or {})
    if offset:
        request_headers["Range"] = f"bytes={offset}-"
        if validator:  # the server sends the whole file again if it changed since
            request_headers["If-Range"] = validator
    try:
        response = _open(url, data=data, headers=request_headers, timeout_s=timeout_s)
    except HttpError as exc:
        if not (offset and exc.values.get("status") == 416):
            raise
        # "Range Not Satisfiable": the .part is as long as the file or longer (the file
        # shrank): it cannot be continued, so start over
        part.unlink(missing_ok=True)
        return start_over()
    with response:
        status = response.status
        if offset and status != 206:
            offset = 0  # the server ignored the Range: start over, never append a full body
        if not offset:
            _write_part_meta(part, url, response.headers)
        length = response.headers.get("Content-Length")
        expected_bytes = offset + int(length) if length is not None else None
        if status == 206:
            total = _range_total(response.headers.get("Content-Range"))
            expected_bytes = total if total is not None else expected_bytes
        resumed_from = offset
        received = offset
        try:
            with open(part, "ab" if offset else "wb") as handle:
                while block := response.read(chunk_bytes):
                    handle.write(block)
                    received += len(block)
                    if progress is not None:
                        fraction = received / expected_bytes if expected_bytes else float("nan")
                        progress(
                            fraction,
                            msg(
                                "Downloading {label}: {mb:,.1f} MB",
                                label=label,
                                mb=received / 1e6,
                            ),
                        )
        except TimeoutError as exc:
            _raise_connection(exc, url=url, timeout_s=timeout_s)
        except http.client.IncompleteRead:
            received = part.stat().st_size  # what arrived is kept for resuming
        except (http.client.HTTPException, ConnectionError) as exc:
            _raise(
                FetchError,
                msg(
                    "The download of {url} broke off ({error}); run again to resume it.",
                    url=url,
                    host=_host(url),
                    error=exc,
                ),
            )
    if expected_bytes is not None and received != expected_bytes:
        if data is not None:  # an API answer is asked for again, never continued
            part.unlink(missing_ok=True)
        _raise(
            FetchError,
            msg(
                "The download of {url} stopped after {received:,} of {expected:,} bytes; nothing "
                "was cached. Run again (a file download continues where it stopped).",
                url=url,
                host=_host(url),
                received=received,
                expected=expected_bytes,
            ),
        )
    digest = md5_of(part)
    if expected_md5 is not None and digest != expected_md5.lower():
        part.unlink(missing_ok=True)
        if resumed_from:  # the file may have changed on the server since the .part began
            return start_over()
        _part_meta_path(part).unlink(missing_ok=True)
        _raise(
            FetchError,
            msg(
                "The download of {url} does not match its published checksum (md5 {got}, expected "
                "{expected}); it was deleted. Run again; if it repeats, the server's file is being "
                "updated: try later.",
                url=url,
                host=_host(url),
                got=digest,
                expected=expected_md5,
            ),
        )
    os.replace(part, path)
    _part_meta_path(part).unlink(missing_ok=True)
    entry = CacheEntry(
        path=path,
        url=url,
        size_bytes=path.stat().st_size,
        md5=digest,
        fetched_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),  # noqa: UP017
        resumed_from_bytes=resumed_from,
        md5_source="published" if expected_md5 else "",
        request=data.decode("utf-8", "replace") if data else "",
    )
    _write_sidecar(entry)
    return entry


def _part_meta_path(part: Path) -> Path:
    return part.with_name(part.name + SIDECAR_SUFFIX)


def _write_part_meta(part: Path, url: str, headers) -> None:
    """Remember where a .part comes from, and the server's version of the file (a strong
    ``ETag`` or ``Last-Modified``) for ``If-Range`` when it is resumed."""
    etag = headers.get("ETag") or ""
    validator = etag if etag and not etag.startswith("W/") else headers.get("Last-Modified")
    meta = {"url": url, "validator": validator or None}
    _part_meta_path(part).write_text(json.dumps(meta), "utf-8")


def _part_validator(part: Path, url: str) -> str | None:
    """The ``If-Range`` value of a .part; None when unknown (resumed on trust: the md5 or
    size check catches a mix), ``""`` when the .part comes from another URL (start over)."""
    try:
        meta = json.loads(_part_meta_path(part).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("url") != url:
        return ""
    return meta.get("validator") or None


def _range_total(content_range: str | None) -> int | None:
    """Total size from ``Content-Range: bytes 100-199/200`` (None when ``*`` or absent)."""
    if not content_range or "/" not in content_range:
        return None
    total = content_range.rsplit("/", 1)[1].strip()
    return int(total) if total.isdigit() else None


# --------------------------------------------------------------------------- OSM
def fetch_osm_pbf(
    *,
    cache_dir: Path,
    base_url: str = GEOFABRIK_URL,
    filename: str = OSM_FILE,
    refresh: bool = False,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    progress: Progress | None = None,
) -> CacheEntry:
    """OpenStreetMap Denmark as ``<cache_dir>/osm/<filename>``, verified against the
    published ``<filename>.md5``. A cached, verified file is returned without asking the
    server (so an old extract stays until ``refresh``)."""
    path = Path(cache_dir) / "osm" / filename
    if not refresh:
        entry = cached_entry(path)
        if entry is not None:
            return entry
    url = f"{base_url.rstrip('/')}/{filename}"
    md5_url = url + ".md5"
    expected = parse_md5(fetch_text(md5_url, timeout_s=timeout_s), filename=filename, url=md5_url)
    return fetch_file(
        url,
        path,
        expected_md5=expected,
        timeout_s=timeout_s,
        refresh=True,  # the cache was checked above; a stale entry is replaced
        progress=progress,
        label=filename,
    )


# --------------------------------------------------------------------------- tool entry
WHAT_OSM = "osm"
WHAT_FOLK1A = "folk1a"
WHAT_PROJECTION = "projection"
WHAT: tuple[tuple[str, Message], ...] = (
    (WHAT_OSM, msg("OpenStreetMap Denmark (Geofabrik, .osm.pbf)")),
    (WHAT_FOLK1A, msg("Population by kommune, sex and age, latest quarter (FOLK1A)")),
    (WHAT_PROJECTION, msg("Newest kommune population projection (FRKM1yy)")),
)
"""What the tool can fetch: (key, label)."""


@dataclass
class FetchInputs:
    """What to fetch, from where, into which cache."""

    what: tuple[str, ...]
    cache_dir: Path
    osm_base_url: str = GEOFABRIK_URL
    dst_base_url: str = ""  # "" = dst.DST_URL
    refresh: bool = False
    timeout_s: float = DEFAULT_TIMEOUT_S


@dataclass
class FetchResult:
    """Paths and tables for the writers, and the run report."""

    osm: CacheEntry | None = None
    folk1a: pd.DataFrame | None = None  # tidy: kommunekode, kommune, sex, age_group, ...
    folk1a_layer: pd.DataFrame | None = None  # wide, one row per kommune, with geometry
    quarter: str = ""
    projection: pd.DataFrame | None = None
    projection_table: str = ""
    report: dict = field(default_factory=dict)
    warnings: list[Message] = field(default_factory=list)


def cache_contents(cache_dir: Path) -> list[str]:
    """Names of the verified entries in the cache (for the offline message), sizes only."""
    root = Path(cache_dir)
    if not root.is_dir():
        return []
    return sorted(
        str(p.relative_to(root))
        for p in root.rglob("*")
        if p.is_file()
        and sidecar_path(p).is_file()  # sidecars, .part files: no sidecar of their own
        and cached_entry(p, verify_md5=False) is not None
    )


def run(inputs: FetchInputs, *, progress: Progress | None = None) -> FetchResult:
    """Fetch what ``inputs.what`` names; when a server cannot be reached, the others are
    still tried and one message names everything that could not be fetched (with the server),
    the cache folder and what is cached."""
    from . import dst

    unknown = [w for w in inputs.what if w not in dict(WHAT)]
    if unknown or not inputs.what:
        raise SundplanError(
            "Nothing to fetch: choose one or more of: {choices}.",
            choices=listing((label for _key, label in WHAT), sep="; "),
        )
    cache = Path(inputs.cache_dir)
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SundplanError(
            "The cache folder {cache} cannot be created ({error}). Choose another CACHE_FOLDER.",
            cache=cache,
            error=exc,
        ) from None
    result = FetchResult()
    client = dst.StatbankClient(
        base_url=inputs.dst_base_url or dst.DST_URL,
        cache_dir=cache / "dst",
        refresh=inputs.refresh,
        timeout_s=inputs.timeout_s,
    )
    steps = [w for w, _label in WHAT if w in inputs.what]
    sources: dict[str, dict] = {}
    failures: list[Message] = []
    for i, what in enumerate(steps):
        label = dict(WHAT)[what]
        share = _share(progress, i / len(steps), (i + 1) / len(steps))
        try:
            if what == WHAT_OSM:
                result.osm = fetch_osm_pbf(
                    cache_dir=cache,
                    base_url=inputs.osm_base_url,
                    refresh=inputs.refresh,
                    timeout_s=inputs.timeout_s,
                    progress=share,
                )
                sources["osm"] = result.osm.as_dict()
            elif what == WHAT_FOLK1A:
                if share is not None:
                    share(0.0, msg("Danmarks Statistik: FOLK1A"))
                folk = client.folk1a()
                result.folk1a, result.quarter = folk.tidy, folk.period
                result.folk1a_layer = dst.kommune_layer(folk.tidy, quarter=folk.period)
                result.warnings += folk.warnings
                sources["folk1a"] = folk.report
            else:
                if share is not None:
                    share(0.0, msg("Danmarks Statistik: population projection"))
                projection = client.projection()
                result.projection, result.projection_table = projection.tidy, projection.table
                result.warnings += projection.warnings
                sources["projection"] = projection.report
        except (NoConnection, FetchTimeout) as exc:
            # go on with the others (another server may answer, and what arrives is cached),
            # then one message for all that could not be fetched
            failures.append(msg("{what}: {error}", what=label, error=exc))
    if failures:
        raise SundplanError(
            "Could not fetch {failures} Check the internet connection (or proxy) and run "
            "again. Cache folder: {cache}; already cached: {cached}.",
            failures=listing(failures, sep=" "),
            cache=cache,
            cached=", ".join(cache_contents(cache)) or msg("nothing"),
        )
    result.report = {
        "cache_folder": str(cache),
        "fetched": sources,
        "quarter": result.quarter,
        "projection_table": result.projection_table,
        "licences": {
            "osm": "© OpenStreetMap-bidragydere, ODbL 1.0",
            "dst": "Kilde: Danmarks Statistik (CC BY 4.0)",
        },
        "warnings": [str(w) for w in result.warnings],
    }
    if progress is not None:
        progress(1.0, "")
    return result


def _share(progress: Progress | None, start: float, end: float) -> Progress | None:
    """``progress`` mapped to ``start..end`` of the whole run."""
    if progress is None:
        return None

    def inner(fraction: float, message: str = "") -> None:
        f = start if fraction != fraction else start + (end - start) * fraction  # NaN: stay
        progress(f, message)

    return inner
