"""Parameters and software versions recorded with every sundplan output.

No ``qgis`` import here; the Processing layer adds the QGIS version through
``extra_versions`` and writes the JSON into the algorithm results and layer metadata.
"""

from __future__ import annotations

import configparser
import functools
import importlib.metadata
import json
import math
import platform
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import __version__ as _package_version

PLUGIN_DIR = Path(__file__).resolve().parents[1]

# (key in the record, distribution name for importlib.metadata, import name)
_PACKAGES = (
    ("numpy", "numpy", "numpy"),
    ("scipy", "scipy", "scipy"),
    ("pandas", "pandas", "pandas"),
    ("geopandas", "geopandas", "geopandas"),
    ("shapely", "shapely", "shapely"),
    ("pyproj", "pyproj", "pyproj"),
    ("rasterio", "rasterio", "rasterio"),
    ("osmnx", "osmnx", "osmnx"),
    ("osmium", "osmium", "osmium"),
)


@functools.lru_cache(maxsize=1)
def sundplan_version() -> str:
    """The plugin version: ``version=`` in metadata.txt, else ``sundplan_qgis.__version__``
    (read once per process; a reloaded plugin re-imports this module)."""
    metadata = PLUGIN_DIR / "metadata.txt"
    if metadata.is_file():
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(metadata, encoding="utf-8")
            version = parser.get("general", "version", fallback="").strip()
        except configparser.Error:
            version = ""
        if version:
            return version
    return _package_version


def _package_version_of(dist_name: str, import_name: str) -> str | None:
    module = sys.modules.get(import_name)
    version = getattr(module, "__version__", None) if module is not None else None
    if version:
        return str(version)
    try:
        return importlib.metadata.version(dist_name)
    except importlib.metadata.PackageNotFoundError:
        return None


def _gdal_version() -> str | None:
    try:
        from osgeo import gdal
    except ImportError:
        return None
    return str(gdal.VersionInfo("RELEASE_NAME"))


def software_versions() -> dict[str, str | None]:
    """Versions of sundplan, Python, the scientific stack and GDAL (None when not installed)."""
    return dict(_software_versions())


@functools.lru_cache(maxsize=1)
def _software_versions() -> dict[str, str | None]:
    """Once per process: reading package metadata scans site-packages (milliseconds per
    package), and an installed package cannot change version under a running interpreter
    (a reloaded plugin re-imports this module and so starts afresh)."""
    versions: dict[str, str | None] = {
        "sundplan": sundplan_version(),
        "python": platform.python_version(),
    }
    for key, dist_name, import_name in _PACKAGES:
        versions[key] = _package_version_of(dist_name, import_name)
    versions["gdal"] = _gdal_version()
    return versions


def _jsonable(value: Any) -> Any:
    """Parameter values as JSON: paths and unknown objects as strings, NaN as None."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if hasattr(value, "item") and callable(value.item):  # numpy scalars
        try:
            return _jsonable(value.item())
        except (TypeError, ValueError):
            pass
    return str(value)


def provenance(
    params: dict, *, algorithm: str, extra_versions: dict | None = None
) -> dict[str, Any]:
    """The record written with an output.

    Keys: ``algorithm``, ``parameters`` (JSON-safe copy of ``params``), ``versions``
    (:func:`software_versions` updated with ``extra_versions``, e.g. ``{"qgis": "3.40.6"}``),
    ``platform`` (``platform.platform()``) and ``timestamp_utc`` (ISO 8601, seconds).
    """
    versions = software_versions()
    if extra_versions:
        versions.update(
            {str(k): (None if v is None else str(v)) for k, v in extra_versions.items()}
        )
    return {
        "algorithm": algorithm,
        "parameters": _jsonable(dict(params)),
        "versions": versions,
        "platform": platform.platform(),
        "timestamp_utc": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def provenance_json(
    params: dict, *, algorithm: str, extra_versions: dict | None = None, indent: int | None = 2
) -> str:
    """:func:`provenance` as a JSON string (UTF-8 safe, keys in insertion order)."""
    record = provenance(params, algorithm=algorithm, extra_versions=extra_versions)
    return json.dumps(record, ensure_ascii=False, indent=indent)
