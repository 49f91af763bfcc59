"""Timing, memory and subprocess helpers of ``bench_catchments.py``.

Per-stage peak memory: before every stage the process resets its peak-RSS counter
(``echo 5 > /proc/self/clear_refs``, Linux >= 4.0) and reads ``VmHWM`` from
``/proc/self/status`` when the stage ends. Whole processes are measured with
``/usr/bin/time -v`` (wall clock and maximum resident set size).
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[1]
EPSG = 25832
MB = 1024.0 * 1024.0


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def status_kb(key: str) -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


class StageRecorder:
    """Wall time and peak RSS per stage of this process (see the module docstring)."""

    def __init__(self) -> None:
        self.stages: list[dict] = []
        self._name: str | None = None
        self._t0 = 0.0
        self._rss0 = 0
        self.can_reset = self._reset()

    @staticmethod
    def _reset() -> bool:
        try:
            with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
                fh.write("5")
            return True
        except OSError:
            return False

    def start(self, name: str) -> None:
        self.stop()
        self._reset()
        self._name = name
        self._rss0 = status_kb("VmRSS")
        self._t0 = time.perf_counter()

    def stop(self) -> None:
        if self._name is None:
            return
        wall = time.perf_counter() - self._t0
        self.stages.append(
            {
                "stage": self._name,
                "wall_s": wall,
                "peak_rss_mb": status_kb("VmHWM") / 1024.0,
                "rss_start_mb": self._rss0 / 1024.0,
                "rss_end_mb": status_kb("VmRSS") / 1024.0,
            }
        )
        self._name = None


def read_hospitals(path: Path):
    """(xy, names) of the points in a GeoPackage (first layer, field 'name')."""
    import numpy as np
    from osgeo import ogr

    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    xy, names = [], []
    for f in lyr:
        g = f.GetGeometryRef()
        xy.append((g.GetX(), g.GetY()))
        names.append(f.GetField("name"))
    return np.asarray(xy, dtype="float64"), names


def timed(cmd: list[str], env: dict[str, str], tfile: Path, *, timeout_s=None) -> dict:
    """Run ``cmd`` under /usr/bin/time -v; wall clock, max RSS, stdout."""
    load = os.getloadavg()[0]
    proc = subprocess.run(
        ["/usr/bin/time", "-v", "-o", str(tfile), *cmd],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
    )
    text = tfile.read_text(encoding="utf-8", errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(
            f"failed (rc {proc.returncode}): {' '.join(cmd)}\n{proc.stdout[-3000:]}\n"
            f"{proc.stderr[-3000:]}\n{text}"
        )
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", text)
    parts = [float(p) for p in m.group(1).split(":")]
    wall = 0.0
    for p in parts:
        wall = wall * 60 + p
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return {"wall_s": wall, "max_rss_mb": rss_kb / 1024.0, "load1": load, "stdout": proc.stdout}


def last_json(stdout: str) -> dict:
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError(f"no JSON in output:\n{stdout[-2000:]}")


def fresh(*paths: Path) -> None:
    for p in paths:
        if p.is_dir():
            shutil.rmtree(p)
        elif p.exists():
            p.unlink()


def med(values: list[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def machine_info() -> dict:
    from sundplan_qgis import provenance

    mem_kb = 0
    with open("/proc/meminfo", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    cpu = ""
    with open("/proc/cpuinfo", encoding="ascii", errors="replace") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    qv = subprocess.run(
        ["qgis_process", "--version"], env=qgis_env(Path("/tmp")), capture_output=True, text=True
    ).stdout
    m = re.search(r"QGIS (\S+)", qv)
    os_name = ""
    if Path("/etc/os-release").is_file():
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = line.split("=", 1)[1].strip('"')
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "ram_gib": round(mem_kb / MB, 1),
        "os": os_name,
        "kernel": platform.release(),
        "qgis": m.group(1) if m else qv.strip()[:40],
        "versions": provenance.software_versions(),
    }


def qgis_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = "/usr/bin:/bin:" + env.get("PATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(work / "qgis-profile")
    env.setdefault("PROJ_DATA", "/usr/share/proj")
    env.setdefault("LC_ALL", "C.UTF-8")
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONHOME", None)
    return env
