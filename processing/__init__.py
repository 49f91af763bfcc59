"""sundplan's Processing provider and algorithms (the only part that talks to QGIS).

Import this package relatively only (``from .processing.provider import ...``): QGIS ships a
top-level package called ``processing`` of its own. The list of algorithms is
``ALGORITHMS`` in :mod:`.provider`.
"""
