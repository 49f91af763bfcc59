"""An offline stand-in for the Overpass API, shared by the core and plugin download tests.

``OverpassMock`` serves canned Overpass JSON on 127.0.0.1 (a random free port) from a
thread: ``POST``/``GET /api/interpreter`` answers a road query with :func:`road_json` and a
``route=ferry`` query with :func:`ferry_json`; ``GET /api/status`` answers like Overpass's
slot status. It counts the requests it served. :func:`loopback_only` makes any socket
connection to a non-loopback address fail, so a test can never reach the internet.

The tiny network (near Aarhus, lon 10.00-10.06, lat 56.00-56.03)::

    1 --100-- 2 --100-- 3 --103-- 6 ~~200 ferry~~ 9 ~~200~~ 7 --105-- 8   (7, 8: an island)
              |  \\       |
            102   104   101  (104 is a footway: not drivable)
              |      \\    |
              5 --102--- 4

* way 100: primary, maxspeed 80, two-way, nodes 1-2-3 (2 segments)
* way 101: residential, oneway=yes, 3-4 (1 segment, 3 -> 4)
* way 102: residential, oneway=-1, nodes 4-5-2: travel 2 -> 5 -> 4 (2 segments)
* way 103: tertiary, maxspeed DK:urban (50), two-way, 3-6
* way 104: footway 2-4 (dropped: not a drivable class)
* way 105: residential, two-way, 7-8 (on the island)
* way 200: route=ferry, duration 00:30, 6-9-7 (2 segments, 30 minutes in all)
"""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

#: (west, south, east, north) of a box around the canned network.
BBOX = (9.99, 55.99, 10.07, 56.04)

NODES = {
    1: (10.000, 56.000),
    2: (10.010, 56.000),
    3: (10.020, 56.000),
    4: (10.020, 56.010),
    5: (10.010, 56.010),
    6: (10.030, 56.000),
    7: (10.050, 56.020),
    8: (10.060, 56.025),
    9: (10.040, 56.010),
}

ROAD_WAYS = [
    (100, [1, 2, 3], {"highway": "primary", "maxspeed": "80", "name": "Hovedvejen"}),
    (101, [3, 4], {"highway": "residential", "oneway": "yes"}),
    (102, [4, 5, 2], {"highway": "residential", "oneway": "-1"}),
    (103, [3, 6], {"highway": "tertiary", "maxspeed": "DK:urban"}),
    (104, [2, 4], {"highway": "footway"}),
    (105, [7, 8], {"highway": "residential", "name": "Øvej"}),
]
FERRY_WAYS = [
    (200, [6, 9, 7], {"route": "ferry", "duration": "00:30", "name": "Øfærgen"}),
]

STATUS_TEXT = (
    "Connected as: 2130706433\n"
    "Current time: 2024-01-01T00:00:00Z\n"
    "Announced endpoint: none\n"
    "Rate limit: 2\n"
    "2 slots available now.\n"
    "Currently running queries (pid, space limit, time limit, start time):\n"
)


def _overpass_json(ways: list) -> dict:
    node_ids = sorted({n for _, nodes, _ in ways for n in nodes})
    elements = [{"type": "node", "id": i, "lat": NODES[i][1], "lon": NODES[i][0]} for i in node_ids]
    elements += [
        {"type": "way", "id": wid, "nodes": nodes, "tags": tags} for wid, nodes, tags in ways
    ]
    return {
        "version": 0.6,
        "generator": "Overpass API (sundplan test mock)",
        "osm3s": {"timestamp_osm_base": "2024-01-01T00:00:00Z", "copyright": "test data"},
        "elements": elements,
    }


def road_json() -> dict:
    """Overpass JSON of the canned roads (ways 100-105 and their nodes)."""
    return _overpass_json(ROAD_WAYS)


def ferry_json() -> dict:
    """Overpass JSON of the canned ferry (way 200 and its nodes)."""
    return _overpass_json(FERRY_WAYS)


def empty_json() -> dict:
    return _overpass_json([])


class OverpassMock:
    """A threaded HTTP server on 127.0.0.1 answering like Overpass. Use as a context manager.

    Attributes:
        endpoint: the base URL to give osmnx (``http://127.0.0.1:PORT/api``).
        queries: the Overpass QL of every interpreter request served, in order.
        status_requests: number of ``/api/status`` requests served.
        empty: answer every query with no elements (an area without roads).
    """

    def __init__(self, *, empty: bool = False) -> None:
        self.empty = empty
        self.queries: list[str] = []
        self.status_requests = 0
        self.other_requests: list[str] = []
        self._lock = threading.Lock()
        mock = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def _send(self, code: int, body: bytes, ctype: str) -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _interpreter(self, query: str) -> None:
                with mock._lock:
                    mock.queries.append(query)
                if mock.empty:
                    data = empty_json()
                elif '"route"="ferry"' in query or "'route'='ferry'" in query:
                    data = ferry_json()
                else:
                    data = road_json()
                self._send(200, json.dumps(data).encode("utf-8"), "application/json")

            def do_GET(self) -> None:  # noqa: N802
                url = urlparse(self.path)
                if url.path.rstrip("/").endswith("/status"):
                    with mock._lock:
                        mock.status_requests += 1
                    self._send(200, STATUS_TEXT.encode("ascii"), "text/plain")
                elif url.path.rstrip("/").endswith("/interpreter"):
                    self._interpreter(parse_qs(url.query).get("data", [""])[0])
                else:
                    with mock._lock:
                        mock.other_requests.append(self.path)
                    self._send(404, b"not found", "text/plain")

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                if urlparse(self.path).path.rstrip("/").endswith("/interpreter"):
                    self._interpreter(parse_qs(body).get("data", [""])[0])
                else:
                    with mock._lock:
                        mock.other_requests.append(self.path)
                    self._send(404, b"not found", "text/plain")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.endpoint = f"http://127.0.0.1:{self.port}/api"
        self._thread: threading.Thread | None = None

    @property
    def n_queries(self) -> int:
        return len(self.queries)

    def start(self) -> OverpassMock:
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> OverpassMock:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def unreachable_endpoint() -> str:
    """A loopback Overpass URL on a port nobody listens on (connection refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/api"


_LOOPBACK = ("127.0.0.1", "::1", "localhost")


def loopback_only(monkeypatch) -> None:
    """Refuse socket connections to anything but loopback, and drop proxy settings.

    With a proxy in the environment, requests would send even 127.0.0.1 traffic to it.
    """
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost,::1")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost,::1")

    def _check(address) -> None:
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and host not in _LOOPBACK and not host.startswith("127."):
            raise OSError(f"test guard: connection to non-loopback address {host!r} refused")

    orig_connect = socket.socket.connect
    orig_connect_ex = socket.socket.connect_ex

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _check(address)
        return orig_connect(self, address)

    def connect_ex(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            _check(address)
        return orig_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
