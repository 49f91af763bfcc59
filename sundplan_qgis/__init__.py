"""sundplan domain core: travel times, catchments, densities and need-based gaps.

This package never imports ``qgis``: it takes and returns plain data (numpy arrays,
pandas/geopandas frames, file paths) so it can be tested with plain pytest and reused
outside QGIS. The QGIS Processing algorithms in ``processing/`` are thin wrappers around it.
"""

__version__ = "0.1.0"
