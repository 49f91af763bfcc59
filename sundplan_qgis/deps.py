"""Which of sundplan's Python dependencies are importable, and how to install the missing ones.

No ``qgis`` import here: the Processing provider asks :func:`missing_dependencies` once at
load time and shows :func:`install_hint` instead of a traceback when something is missing.

Package names, decided for the two ways QGIS is usually installed:

* Debian / Ubuntu (QGIS from the distribution or from QGIS's own package repositories): every
  dependency has a ``python3-*`` package linked against the same GDAL/PROJ/GEOS as QGIS.
  Use these, not PyPI wheels: wheels bundle their own GDAL/PROJ and crash inside QGIS
  (see ``docs/qgis-env-notes.md``).
* Windows (OSGeo4W network installer or the QGIS standalone installer, which is OSGeo4W
  inside): ``numpy``, ``pandas``, ``scipy``, ``pyproj``, ``shapely``, ``fiona``,
  ``geopandas`` and ``rasterio`` are OSGeo4W packages with the same ``python3-*`` names
  ("Advanced install" in ``osgeo4w-setup.exe``). ``osmnx`` and ``osmium`` (pyosmium) are not
  in OSGeo4W: install them with pip from the *OSGeo4W Shell*
  (``python -m pip install osmnx osmium``), after the OSGeo4W packages so that pip reuses
  them.

Testing: the environment variable ``SUNDPLAN_SIMULATE_MISSING`` (comma-separated import
names, e.g. ``SUNDPLAN_SIMULATE_MISSING=geopandas,osmnx``) makes those packages count as
missing without uninstalling anything. ``SUNDPLAN_SIMULATE_MISSING=all`` marks every
dependency as missing.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from dataclasses import dataclass

SIMULATE_ENV = "SUNDPLAN_SIMULATE_MISSING"


@dataclass(frozen=True)
class Dependency:
    """One Python package sundplan needs, with its install names."""

    import_name: str
    display_name: str
    apt: str
    osgeo4w: str | None  # None: not in OSGeo4W, install with pip in the OSGeo4W Shell
    pip: str


# Order: what a user would install first comes first.
DEPENDENCIES: tuple[Dependency, ...] = (
    Dependency("numpy", "numpy", "python3-numpy", "python3-numpy", "numpy"),
    Dependency("pandas", "pandas", "python3-pandas", "python3-pandas", "pandas"),
    Dependency("scipy", "SciPy", "python3-scipy", "python3-scipy", "scipy"),
    Dependency("pyproj", "pyproj", "python3-pyproj", "python3-pyproj", "pyproj"),
    Dependency("shapely", "Shapely", "python3-shapely", "python3-shapely", "shapely"),
    Dependency("geopandas", "GeoPandas", "python3-geopandas", "python3-geopandas", "geopandas"),
    Dependency("rasterio", "rasterio", "python3-rasterio", "python3-rasterio", "rasterio"),
    Dependency("osmnx", "OSMnx", "python3-osmnx", None, "osmnx"),
    Dependency("osmium", "pyosmium", "python3-pyosmium", None, "osmium"),
)

_BY_IMPORT_NAME = {d.import_name: d for d in DEPENDENCIES}


def _simulated_missing() -> set[str]:
    raw = os.environ.get(SIMULATE_ENV, "")
    names = {n.strip() for n in raw.split(",") if n.strip()}
    if "all" in names:
        return set(_BY_IMPORT_NAME)
    return names


def _importable(import_name: str) -> bool:
    """True when the package can be found (without importing it: osmnx alone takes ~1 s).

    A package that is found but broken fails at import when an algorithm runs; the
    Processing layer turns that ``ImportError`` into :func:`install_hint` as well.
    """
    if sys.modules.get(import_name) is not None:
        return True
    try:
        return importlib.util.find_spec(import_name) is not None
    except (ImportError, ValueError):
        return False


def missing_dependencies() -> list[str]:
    """Import names of the dependencies that cannot be imported, in :data:`DEPENDENCIES` order.

    Honours ``SUNDPLAN_SIMULATE_MISSING`` (see the module docstring).
    """
    simulated = _simulated_missing()
    return [
        d.import_name
        for d in DEPENDENCIES
        if d.import_name in simulated or not _importable(d.import_name)
    ]


def install_hint(missing: list[str] | None = None, *, platform: str | None = None) -> str:
    """A message for the user: what is missing and the commands that install it.

    ``missing`` defaults to :func:`missing_dependencies`. ``platform`` is ``sys.platform``
    by default; the hint shows the Windows (OSGeo4W) instructions on ``win32`` and the
    Debian/Ubuntu ones elsewhere, and names the other in one line. Returns ``""`` when
    nothing is missing.
    """
    if missing is None:
        missing = missing_dependencies()
    if not missing:
        return ""
    platform = sys.platform if platform is None else platform
    deps = [_BY_IMPORT_NAME.get(m) or Dependency(m, m, f"python3-{m}", None, m) for m in missing]
    names = ", ".join(d.display_name for d in deps)
    apt_cmd = "sudo apt install " + " ".join(d.apt for d in deps)
    osgeo = [d.osgeo4w for d in deps if d.osgeo4w]
    pip_only = [d.pip for d in deps if not d.osgeo4w]
    win_lines = []
    if osgeo:
        win_lines.append(
            "in the OSGeo4W installer (osgeo4w-setup.exe, Advanced install) select: "
            + ", ".join(osgeo)
        )
    if pip_only:
        win_lines.append("in the OSGeo4W Shell run: python -m pip install " + " ".join(pip_only))
    win_text = "; then ".join(win_lines)
    head = (
        f"Sundplan needs Python packages that are not installed: {names}. "
        "Install them, then restart QGIS."
    )
    if platform.startswith("win"):
        return f"{head}\nWindows (OSGeo4W / QGIS installer): {win_text}.\nDebian/Ubuntu: {apt_cmd}"
    return f"{head}\nDebian/Ubuntu: {apt_cmd}\nWindows (OSGeo4W / QGIS installer): {win_text}."
