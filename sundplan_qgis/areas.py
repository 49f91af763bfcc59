"""The area table every capacity tool reads: one row per area, its geometry when polygons.

This module never imports qgis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class AreaTable:
    """``frame``: ``area_id`` (text), ``area_name`` and the population columns (age/sex
    columns and/or ``population``); ``geometries`` (shapely, in ``crs``) or None for a plain
    table; ``crs``: the reader's CRS, handed back untouched to the writer (``crs_wkt`` the
    same as WKT, for core transforms); ``source_name`` and ``id_field`` name the layer and its
    id field in messages."""

    frame: pd.DataFrame
    geometries: Sequence | None
    crs: Any
    source_name: str
    crs_wkt: str | None = None
    id_field: str | None = None
