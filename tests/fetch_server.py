"""A local stand-in for Geofabrik and the Statbank API, shared by the core and plugin fetch
tests (``tests/core/test_fetch.py``, ``tests/core/test_dst.py``,
``tests/plugin/test_fetch_plugin.py``).

:class:`FetchServer` serves on 127.0.0.1 (a free port) from a thread:

* ``GET /europe/denmark-latest.osm.pbf`` (with ``Range`` support) and its ``.md5`` in
  ``md5sum`` format; the body is :attr:`FetchServer.pbf` (deterministic bytes);
* ``POST /v1/tables``, ``/v1/tableinfo``, ``/v1/data``: the fixtures in
  ``tests/fixtures/fetch/`` (real Statbank formats, see the README there), chosen by the
  JSON body's ``table``; ``national=True`` serves FOLK1A and FRKM125 for all 98 kommuner and
  Christiansø (:func:`national_folk1a`, :func:`national_projection`).

Switches for the failure tests: ``ignore_range``, ``truncate_to`` (send fewer bytes than the
``Content-Length``), ``wrong_md5``, ``delay_s`` (sleep before answering), ``missing``
(paths answered 404). Every request is recorded (path, headers, body) in :attr:`requests`.
"""

from __future__ import annotations

import hashlib
import json
import random
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "fetch"
PBF_PATH = "/europe/denmark-latest.osm.pbf"


def pbf_bytes(size: int = 300_000) -> bytes:
    """Deterministic stand-in for the PBF (the tests check bytes, not OSM content)."""
    return random.Random(2027).randbytes(size)


def closed_port_url() -> str:
    """``http://127.0.0.1:<port>`` of a port nobody listens on (connection refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def national_folk1a(quarter: str = "2025K3") -> tuple[bytes, bytes]:
    """(tableinfo JSON, BULK CSV) of FOLK1A for every kommune, from the embedded table: each
    5-year group of ``reference.population_age_sex()`` spread over its ages (85_plus over
    85-89), so the tidy result must give back the embedded numbers exactly."""
    from sundplan_qgis import reference

    table = reference.population_age_sex()
    names = dict(zip(table["kommunekode"], table["kommune"], strict=True))
    areas = [("000", "Hele landet"), ("084", "Region Hovedstaden")] + [
        (k.lstrip("0"), names[k]) for k in table["kommunekode"]
    ]
    info = json.loads((FIXTURES / "tableinfo_FOLK1A.json").read_text("utf-8"))
    info["variables"][0]["values"] = [{"id": i, "text": t} for i, t in areas]
    info["variables"][-1]["values"] = [{"id": quarter, "text": quarter}]
    lines = ["OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD"]
    country = {"Mænd": 0, "Kvinder": 0}
    for row in table.itertuples(index=False):
        row = row._asdict()
        for sex, label in (("m", "Mænd"), ("k", "Kvinder")):
            for start in range(0, 90, 5):
                group = f"{start}_plus" if start == 85 else f"{start}_{start + 4}"
                value = int(row[f"{sex}_{group}"])
                for i in range(5):  # value // 5 each, the remainder on the youngest ages
                    persons = value // 5 + (1 if i < value % 5 else 0)
                    lines.append(
                        f"{row['kommune']};{label};{start + i} år;I alt;{quarter};{persons}"
                    )
                country[label] += value
    for label, total in country.items():
        lines.append(f"Hele landet;{label};Alder i alt;I alt;{quarter};{total}")
    return (
        json.dumps(info, ensure_ascii=False).encode("utf-8"),
        ("\n".join(lines) + "\n").encode("utf-8"),
    )


def national_projection() -> tuple[bytes, bytes]:
    """(tableinfo JSON, BULK CSV) of FRKM125 for every kommune and Christiansø: one person of
    each sex at every age (0-99 and "100 år og derover") in 2025 and two in 2050, so every
    kommune has 101 men and 101 women in 2025 and twice that in 2050."""
    from sundplan_qgis import reference

    table = reference.population_age_sex()
    areas = [
        (k.lstrip("0"), n) for k, n in zip(table["kommunekode"], table["kommune"], strict=True)
    ]
    info = json.loads((FIXTURES / "tableinfo_FRKM125.json").read_text("utf-8"))
    info["variables"][0]["values"] = [{"id": i, "text": t} for i, t in areas]
    ages = [v["text"] for v in info["variables"][1]["values"] if v["id"] != "TOT"]
    lines = ["KOMMUNEDK;ALDER;KØN;TID;INDHOLD"]
    for _code, name in areas:
        for age in ages:
            for sex in ("Mænd", "Kvinder"):
                lines += [f"{name};{age};{sex};2025;1", f"{name};{age};{sex};2050;2"]
    return (
        json.dumps(info, ensure_ascii=False).encode("utf-8"),
        ("\n".join(lines) + "\n").encode("utf-8"),
    )


class FetchServer:
    """See the module docstring; use as a context manager."""

    def __init__(self, *, national: bool = False) -> None:
        self.pbf = pbf_bytes()
        self.ignore_range = False
        self.truncate_to: int | None = None
        self.wrong_md5 = False
        self.delay_s = 0.0
        self.missing: set[str] = set()
        self.requests: list[dict] = []
        self.files: dict[tuple[str, str], bytes] = {
            ("tables", ""): (FIXTURES / "tables.json").read_bytes(),
            ("tableinfo", "FOLK1A"): (FIXTURES / "tableinfo_FOLK1A.json").read_bytes(),
            ("tableinfo", "FRKM125"): (FIXTURES / "tableinfo_FRKM125.json").read_bytes(),
            ("data", "FOLK1A"): (FIXTURES / "FOLK1A.csv").read_bytes(),
            ("data", "FRKM125"): (FIXTURES / "FRKM125.csv").read_bytes(),
        }
        if national:
            info, data = national_folk1a()
            self.files[("tableinfo", "FOLK1A")] = info
            self.files[("data", "FOLK1A")] = data
            info, data = national_projection()
            self.files[("tableinfo", "FRKM125")] = info
            self.files[("data", "FRKM125")] = data
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def _record(self, body: bytes = b"") -> None:
                server.requests.append(
                    {
                        "method": self.command,
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": body,
                    }
                )

            def _send(self, code: int, body: bytes, ctype: str, extra: dict | None = None):
                if server.delay_s:
                    time.sleep(server.delay_s)
                length = len(body)
                sent = body if server.truncate_to is None else body[: server.truncate_to]
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(length))
                for key, value in (extra or {}).items():
                    self.send_header(key, value)
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    self.wfile.write(sent)
                    self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass
                self.close_connection = True

            def do_GET(self) -> None:  # noqa: N802
                self._record()
                if self.path in server.missing:
                    self._send(404, b"Not Found", "text/plain")
                elif self.path == PBF_PATH + ".md5":
                    digest = hashlib.md5(server.pbf).hexdigest()  # noqa: S324
                    if server.wrong_md5:
                        digest = "0" * 32
                    line = f"{digest}  denmark-latest.osm.pbf\n".encode()
                    self._send(200, line, "text/plain")
                elif self.path == PBF_PATH:
                    self._pbf()
                else:
                    self._send(404, b"Not Found", "text/plain")

            def _pbf(self) -> None:
                body = server.pbf
                etag = '"' + hashlib.md5(body).hexdigest() + '"'  # noqa: S324
                asked = self.headers.get("Range")
                if_range = self.headers.get("If-Range")
                if if_range is not None and if_range != etag:
                    asked = None  # changed since: the whole file (RFC 9110 If-Range)
                if asked and not server.ignore_range and asked.startswith("bytes="):
                    start = int(asked[6:].split("-")[0])
                    if start >= len(body):
                        extra = {"Content-Range": f"bytes */{len(body)}"}
                        self._send(416, b"", "text/plain", extra)
                        return
                    part = body[start:]
                    extra = {
                        "Content-Range": f"bytes {start}-{len(body) - 1}/{len(body)}",
                        "ETag": etag,
                    }
                    self._send(206, part, "application/octet-stream", extra)
                else:
                    self._send(200, body, "application/octet-stream", {"ETag": etag})

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                self._record(body)
                function = self.path.rstrip("/").rsplit("/", 1)[-1]
                query = json.loads(body or b"{}")
                table = str(query.get("table", "")).upper()
                answer = server.files.get((function, table))
                if self.path in server.missing or answer is None:
                    error = {
                        "errorTypeCode": "EXTRACT-NOTFOUND",
                        "message": "Tabellen blev ikke fundet",
                    }
                    self._send(
                        400 if answer is None else 404,
                        json.dumps(error).encode(),
                        "application/json",
                    )
                    return
                ctype = (
                    "text/csv; charset=utf-8"
                    if function == "data"
                    else "application/json; charset=utf-8"
                )
                self._send(200, answer, ctype)

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    @property
    def osm_url(self) -> str:
        """The Geofabrik folder of this server (``.../europe``)."""
        return self.url + "/europe"

    @property
    def dst_url(self) -> str:
        """The Statbank base of this server (``.../v1``)."""
        return self.url + "/v1"

    def paths(self) -> list[str]:
        """Paths requested so far, in order."""
        return [r["path"] for r in self.requests]

    def start(self) -> FetchServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FetchServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
