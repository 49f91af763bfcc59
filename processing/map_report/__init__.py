"""``sundplan:map_report``: a sundplan output as a print-ready PDF (one page or an atlas).

The layer is drawn over a basemap-free backdrop of the areas (light grey, thin boundaries,
names) in one of the templates ``resources/layouts/*.qpt`` (see ``make_layouts.py`` there for
the item ids), with legend, scale bar, north arrow, method note, sources, date and a summary
table. With an atlas coverage (e.g. the kommuner) there is one page per area, the map zoomed
to it, the neighbours faded and the summary table reduced to that area's row(s).

Everything happens in a private, in-memory ``QgsProject``: it runs headless in
``qgis_process`` and never touches the user's open project. The PDF is written to a temporary
file beside the destination and renamed at the end, so a failed run leaves no half-written PDF.

Page language: Danish by default (LANGUAGE parameter), independent of the QGIS interface
language; the page texts come from ``sundplan_qgis.page_text``. Parameter names, messages and
help go through ``tr()`` like everywhere else.

Modules: :mod:`.algorithm` (parameters, one call), :mod:`.reading` (parameters -> page
request), :mod:`.render` (the page, step by step), :mod:`.provenance` (what the output says
about itself), :mod:`.layers` (the drawn layers), :mod:`.layout` (template and labels),
:mod:`.legend` (legend fitting), :mod:`.not_reached` (the key figure), :mod:`.summary` (the
table), :mod:`.atlas` (atlas and PDF export).
"""

from .algorithm import MapReportAlgorithm
from .layers import check_style_fields, style_needs
from .provenance import describe_inputs, detect_kind, read_provenance

__all__ = [
    "MapReportAlgorithm",
    "check_style_fields",
    "describe_inputs",
    "detect_kind",
    "read_provenance",
    "style_needs",
]
