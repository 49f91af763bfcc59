"""The words and numbers printed on a sundplan map page (``sundplan:map_report``).

Pure Python (no ``qgis``): the Processing algorithm passes in what it found out about the
layers (kind of output, provenance record, inputs) and gets back the texts to put into the
print layout: title, subtitle, method note, source line, date line, legend/summary headings and
the rows of the per-area summary table. (Not to be confused with the *run reports* of the
tools: those are the JSON/text records of a run.)

Language: the *page* language is chosen per report (``language`` = ``"da"`` or ``"en"``) and is
Danish by default, independent of the QGIS interface language: a planner with an English
QGIS still prints for a Danish meeting. The algorithm's parameter texts and messages go
through Qt's ``tr()`` as usual; the page texts live here, in both languages, keyed by language.

Modules: :mod:`.tables` (fixed words, titles, summary columns), :mod:`.formatting` (numbers
and dates), :mod:`.params` (the run's parameters from the provenance), one module per page
kind (:mod:`.travel`, :mod:`.gp_density`, :mod:`.access`, :mod:`.specialist_gaps`) joined by
:mod:`.page`, and :mod:`.sources`, :mod:`.summary`, :mod:`.not_reached`.
"""

from __future__ import annotations

from .access import fca_method_name
from .formatting import date_line, format_date, format_number, format_share, language_of, word
from .not_reached import (
    ACCESS_KINDS,
    TRAVEL_KINDS,
    NotReached,
    format_percent,
    has_not_reached_counts,
    not_reached_figure,
    not_reached_note,
    not_reached_totals,
    with_not_reached,
)
from .page import (
    backdrop_title,
    legend_title,
    method_note,
    outside_subset_title,
    points_title,
    subtitle,
    title,
)
from .sources import SourceInfo, sources_line
from .summary import (
    SummaryTable,
    area_key_figures,
    column_heading,
    default_summary_fields,
    format_cell,
    is_numeric_field,
    summary_table,
)
from .tables import (
    AREA_KINDS,
    COLUMNS,
    DEFAULT_LANGUAGE,
    DEFAULT_TEMPLATE,
    KINDS,
    LANGUAGE_CHOICES,
    LANGUAGES,
    TEMPLATE_CHOICES,
    TITLES,
    WORDS,
)

__all__ = [
    "ACCESS_KINDS",
    "AREA_KINDS",
    "COLUMNS",
    "DEFAULT_LANGUAGE",
    "DEFAULT_TEMPLATE",
    "KINDS",
    "LANGUAGES",
    "LANGUAGE_CHOICES",
    "TEMPLATE_CHOICES",
    "TITLES",
    "TRAVEL_KINDS",
    "WORDS",
    "NotReached",
    "SourceInfo",
    "SummaryTable",
    "area_key_figures",
    "backdrop_title",
    "outside_subset_title",
    "column_heading",
    "date_line",
    "default_summary_fields",
    "fca_method_name",
    "format_cell",
    "format_date",
    "format_number",
    "format_percent",
    "format_share",
    "has_not_reached_counts",
    "is_numeric_field",
    "language_of",
    "legend_title",
    "method_note",
    "not_reached_figure",
    "not_reached_note",
    "not_reached_totals",
    "points_title",
    "sources_line",
    "subtitle",
    "summary_table",
    "title",
    "with_not_reached",
    "word",
]
