"""sundplan's Processing provider and algorithms (the only part that talks to QGIS).

The one rule about the name: QGIS ships a top-level package called ``processing`` of its own,
and ours keeps the same name (the design card fixes it). So

* inside the plugin, this package is imported relatively only
  (``from .processing.provider import ...``, ``from .base import ...``): an absolute
  ``import processing`` means QGIS's package;
* code that needs QGIS's package calls :func:`qgis_processing` (here, and nowhere else);
* the test suite, whose root is this repository, puts QGIS's plugin folder first on
  ``sys.path`` (``tests/plugin/conftest.py``).

The list of algorithms is ``ALGORITHMS`` in :mod:`.provider`.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def qgis_processing() -> ModuleType:
    """QGIS's own ``processing`` package (``execAlgorithmDialog``, ``run`` ...), not this one."""
    return importlib.import_module("processing")
