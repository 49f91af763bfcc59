"""Synthetic, seeded sample data: a fictional Danish-like region.

Everything written here is FICTIONAL. Every vector layer has a ``synthetic`` field (= 1) and a
layer description, the raster carries a ``SYNTHETIC`` tag, and a ``README.txt`` is written next
to the data. Coordinates are metres in EPSG:25832 (ETRS89 / UTM zone 32N).

:func:`generate_sample_region` writes a small region (60 km x 60 km around x 500 000–560 000,
y 6 200 000–6 260 000) with towns, rural roads, a motorway with one-way carriageways, a ferry
to an island, disconnected stubs, a population raster (100 m cells), hospitals, GP practices,
specialists and fictional kommuner with population by age and sex. Fast (well under 5 s).

One module per thing generated: :mod:`.areas` (land, kommuner), :mod:`.roads`,
:mod:`.population`, :mod:`.facilities`; :mod:`.writers` writes the files and :mod:`.region`
runs the steps in order. :mod:`.country` (country-size benchmark data) is for ``bench/`` and
the tests only and is not shipped in the plugin zip; import it explicitly.

Same seed → same content (GeoPackage timestamps are pinned too). This package never imports
qgis.
"""

from __future__ import annotations

from .region import SampleRegion, generate_sample_region
from .schema import (
    AGE_GROUPS,
    AGE_SEX_COLUMNS,
    CELL_SIZE_M,
    EPSG,
    GP_PRACTICES_LAYER,
    GPKG_NAME,
    HOSPITALS_LAYER,
    KOMMUNER_LAYER,
    POPULATION_NODATA,
    ROAD_CLASSES,
    ROAD_FIELDS,
    ROADS_LAYER,
    SPECIALISTS_LAYER,
    SPECIALTIES,
    synthetic_note,
)

__all__ = [
    "AGE_GROUPS",
    "AGE_SEX_COLUMNS",
    "CELL_SIZE_M",
    "EPSG",
    "GPKG_NAME",
    "GP_PRACTICES_LAYER",
    "HOSPITALS_LAYER",
    "KOMMUNER_LAYER",
    "POPULATION_NODATA",
    "ROAD_CLASSES",
    "ROAD_FIELDS",
    "ROADS_LAYER",
    "SPECIALISTS_LAYER",
    "SPECIALTIES",
    "SampleRegion",
    "generate_sample_region",
    "synthetic_note",
]
