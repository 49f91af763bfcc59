"""The area table every capacity tool reads: one row per area, its geometry when polygons.

This module never imports qgis.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .errors import msg

OUTSIDE_AREAS = msg("(outside all areas)")
"""Name of the extra row of the tables for what lies outside every area."""


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

    @classmethod
    def from_polygons(
        cls,
        geometries: Sequence,
        ids: Sequence,
        names: Sequence[str],
        source_name: str = "areas",
        *,
        columns: pd.DataFrame | None = None,
        crs_wkt: str | None = None,
    ) -> AreaTable:
        """Polygons with their ids (kept as given) and names, plus attribute ``columns``
        (e.g. age/sex) in the same order: the summary areas of the routing tools."""
        frame = pd.DataFrame(
            {
                "area_id": pd.Series(list(ids), dtype=object),
                "area_name": pd.Series(list(names), dtype=object),
            }
        )
        if columns is not None and len(columns.columns):
            frame = pd.concat([frame, columns.reset_index(drop=True)], axis=1)
        return cls(
            frame=frame,
            geometries=list(geometries),
            crs=None,
            source_name=source_name,
            crs_wkt=crs_wkt,
        )

    @property
    def ids(self) -> list:
        """Area ids in row order."""
        return self.frame["area_id"].tolist()

    @property
    def names(self) -> list[str]:
        """Area names in row order."""
        return self.frame["area_name"].tolist()


def object_array(values: Sequence) -> np.ndarray:
    """A 1-D object array of geometries (numpy and pandas must not unpack multi-part shapes)."""
    arr = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        arr[i] = v
    return arr
