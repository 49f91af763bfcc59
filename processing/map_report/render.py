"""One page request made into a PDF: the layers prepared, the template filled (texts, key
figure, legend, overview, summary table), the pages exported."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemTextTable,
    QgsMapLayer,
    QgsProject,
    QgsVectorLayer,
)

from ...sundplan_qgis import page_text
from ...sundplan_qgis.errors import SundplanError
from ...sundplan_qgis.page_text import kinds
from ..base import tr
from . import layers as lyr
from .atlas import atlas_fade_layer, export_pdf
from .hospitals import run_hospitals
from .layout import fill_labels, load_template
from .legend import (
    fill_legend,
    fit_legend,
    grow_legend_into_free_space,
    legend_into_spare_table_room,
    reclaim_overview_space,
)
from .not_reached import AreaRows, NotReachedFigure, add_not_reached_label
from .pdf import PdfInfo, write_info
from .provenance import (
    coverage_table,
    default_summary_layer,
    describe_inputs,
    detect_kind,
    display_name,
    guess_name_field,
    has_counts,
    layer_details,
    read_provenance,
    report_totals,
)
from .reading import PageRequest, field_list


@dataclass
class PageLayers:
    """The output as drawn and everything around it, in the page CRS."""

    layer: QgsMapLayer
    kind: str
    provenance: dict | None
    details: dict
    sources: list
    seed: int | None
    crs: QgsCoordinateReferenceSystem
    summary: QgsVectorLayer | None = None
    backdrop_fill: QgsMapLayer | None = None
    backdrop_lines: QgsMapLayer | None = None
    atlas_layer: QgsVectorLayer | None = None
    atlas_name_field: str = ""
    coverage: QgsVectorLayer | None = None
    fallback: page_text.NotReached | None = None
    shows_residents: bool = False
    top_first: list = field(default_factory=list)
    legend_layers: list = field(default_factory=list)


def prepare_layers(request: PageRequest, context, feedback, project: QgsProject) -> PageLayers:
    """The styled output, backdrop, points, atlas fade and not-reached hatch, added to
    ``project`` (drawing order: points on top, backdrop fill at the bottom)."""
    source, language = request.source, request.language
    provenance = read_provenance(source)
    layer, kind = lyr.prepare_layer(source, request.style, context, provenance)
    lyr.check_style_fields(layer, request.style or tr("its style"))
    lyr.tidy_categories(layer, kind)
    has_not_reached_class = lyr.style_not_reached_class(layer, kind, language)
    details = layer_details(source, kind, provenance)
    if details.get("n_specialties", 0) > 1:
        feedback.pushWarning(
            tr(
                "'{layer}' holds {n} specialties, drawn on top of each other. Map one "
                "specialty at a time: filter the layer, e.g. {example}."
            ).format(
                layer=display_name(source),
                n=details["n_specialties"],
                example="specialist_gaps.gpkg|subset=\"specialty\" = '…'",
            )
        )
    sources, seed = describe_inputs(provenance, source)
    crs = layer.crs()
    if not crs.isValid() or crs.isGeographic():
        crs = QgsCoordinateReferenceSystem("EPSG:25832")
    project.setCrs(crs)
    feedback.setProgressText(tr("Preparing the page"))
    page = PageLayers(layer, kind, provenance, details, sources, seed, crs)
    page.summary = request.summary
    if page.summary is None:
        page.summary = default_summary_layer(source, kind, provenance)
    layer.setName(
        page_text.legend_title(kind, display_name(source), details=details, language=language)
    )
    backdrop, points, atlas = request.backdrop, None, request.atlas
    if backdrop is not None:
        page.backdrop_fill, page.backdrop_lines = lyr.backdrop_layers(
            backdrop, request.backdrop_field or guess_name_field(backdrop), language
        )
    if request.points is not None:
        points = lyr.points_layer(
            request.points, request.points_field or guess_name_field(request.points), language
        )
    else:
        found = run_hospitals(kind, provenance, feedback)
        if found is not None:
            points = lyr.points_layer(found[0], found[1], language)
    atlas_fade = None
    if atlas is not None:
        page.atlas_layer = lyr.clone_plain(atlas)
        page.atlas_name_field = request.atlas_field or guess_name_field(atlas)
        atlas_fade = atlas_fade_layer(atlas)
    # --- residents not reached: the area table with the counts, the land they live on
    page.coverage = coverage_table(source, kind, provenance, page.summary)
    page.fallback = None if page.coverage is not None else report_totals(provenance)
    page.shows_residents = (
        page.coverage is not None or page.fallback is not None or kind in kinds.RESIDENT_KINDS
    )
    hatch = knockout = None
    if kind in kinds.HATCH_KINDS:
        land = backdrop or lyr.polygons_or_none(page.coverage)
        if land is not None:
            hatch = lyr.not_reached_hatch_layer(land, language)
            if not lyr.flatten_raster_over_knockout(layer):
                knockout = lyr.knockout_layer(layer)
    outside = request.atlas_outside
    if outside is not None:
        outside.setName(
            page_text.outside_subset_title(request.atlas_subset_label, language=language)
        )
    drawn = (
        points,
        page.backdrop_lines,
        atlas_fade,
        outside,
        layer,
        knockout,
        hatch,
        page.backdrop_fill,
    )
    page.top_first = [item for item in drawn if item is not None]
    legend_hatch = hatch if not has_not_reached_class else None
    page.legend_layers = [
        item
        for item in (points, layer, legend_hatch, outside, page.backdrop_lines)
        if item is not None
    ]
    for item in [*page.top_first, page.atlas_layer]:
        if item is not None:
            project.addMapLayer(item, False)
    return page


def page_texts(request: PageRequest, page: PageLayers) -> dict[str, str]:
    """The texts of the page's labels by item id: given ones, else made from the output."""
    language, kind, details, provenance = (
        request.language,
        page.kind,
        page.details,
        page.provenance,
    )
    given = request.texts
    title = given["TITLE"] or page_text.title(kind, details=details, language=language)
    subtitle = given["SUBTITLE"] or page_text.subtitle(
        kind,
        provenance=provenance,
        synthetic=any(s.synthetic for s in page.sources),
        details=details,
        language=language,
    )
    if page.atlas_layer is not None and page.atlas_name_field:
        title = f"{title} – [% @atlas_pagename %]"
    method = given["METHOD_NOTE"] or page_text.method_note(
        kind, provenance=provenance, details=details, language=language
    )
    sources_text = given["SOURCES"]
    sources_word = page_text.word("sources", language)
    if not sources_text:
        sources_text = page_text.sources_line(
            page.sources, provenance=provenance, seed=page.seed, language=language
        )
    elif not sources_text.lower().startswith(sources_word.lower()):
        sources_text = f"{sources_word}: {sources_text}"
    texts = {
        "title": title,
        "subtitle": subtitle,
        "organisation": given["ORGANISATION"],
        "method_note": f"{page_text.word('method', language)}: {method}",
        "sources": sources_text,
        "date": page_text.date_line(
            printed=_dt.date.today(), provenance=provenance, language=language
        ),
        "summary_title": page_text.word("summary", language),
        "summary_note": "",
        "page_number": "",
    }
    if page.atlas_layer is not None:
        texts["page_number"] = page_text.word("page", language).format(
            number="[% @atlas_featurenumber %]", total="[% @atlas_totalfeatures %]"
        )
    return texts


def summary_fields(request: PageRequest, page: PageLayers) -> list[str]:
    """SUMMARY_FIELDS (checked against the summary layer), else the page's default columns."""
    summary = page.summary
    missing = [f for f in request.summary_fields if summary.fields().indexOf(f) < 0]
    if missing:
        raise SundplanError(
            tr(
                "The summary layer '{layer}' has no field(s) {fields} (SUMMARY_FIELDS). "
                "Its fields are: {available}."
            ).format(
                layer=display_name(summary),
                fields=", ".join(missing),
                available=field_list(summary),
            )
        )
    if request.summary_fields:
        return list(request.summary_fields)
    return page_text.summary.page_summary_fields(
        summary.fields().names(),
        kind=detect_kind(summary),
        has_counts=has_counts(summary),
        one_specialty=bool(page.details.get("specialty")),
    )


def set_scalebar_numbers(scalebar, language: str) -> None:
    """Scale bar numbers in the page's language (Danish: 1,5 km, 2.000 m), whatever the
    interface or system locale."""
    from qgis.core import QgsBasicNumericFormat, QgsLayoutItemScaleBar

    if not isinstance(scalebar, QgsLayoutItemScaleBar):
        return
    numbers = QgsBasicNumericFormat()
    numbers.setShowThousandsSeparator(True)
    if page_text.language_of(language) == "da":
        numbers.setDecimalSeparator(",")
        numbers.setThousandsSeparator(".")
    else:
        numbers.setDecimalSeparator(".")
        numbers.setThousandsSeparator(",")
    scalebar.setNumericFormat(numbers)


def render(request: PageRequest, context, feedback, *, pdf_path: str) -> tuple[int, dict]:
    """Write the PDF to ``pdf_path``; (pages, run report record)."""
    from .summary import SummaryFiller

    language = request.language
    project = QgsProject()
    page = prepare_layers(request, context, feedback, project)
    layout = load_template(project, request.template_path, feedback)
    items = {item.id(): item for item in layout.items() if hasattr(item, "id") and item.id()}
    map_item = items["map"]
    set_scalebar_numbers(items.get("scalebar"), language)
    map_item.setCrs(page.crs)
    map_item.setLayers(page.top_first)
    map_item.setKeepLayerSet(True)
    layer = page.layer
    full_extent = lyr.extent_of(
        [layer, page.backdrop_fill or layer, page.atlas_layer or layer], page.crs, project
    )
    map_item.zoomToExtent(lyr.grow(full_extent, 0.04))

    texts = page_texts(request, page)
    fill_labels(items, texts, page.atlas_layer, page.atlas_name_field, request.logo)

    # --- key figure: residents not reached (on every page that shows residents)
    figure = None
    label = items.get("not_reached")
    if page.shows_residents:
        if not isinstance(label, QgsLayoutItemLabel):
            label = add_not_reached_label(layout, map_item)
        figure = NotReachedFigure(
            label,
            AreaRows(page.coverage, page.crs, project) if page.coverage is not None else None,
            page.kind,
            language,
            fallback=page.fallback,
            name_field=page.atlas_name_field,
        )
    elif isinstance(label, QgsLayoutItemLabel):
        label.setVisibility(False)

    legend = items.get("legend")
    if isinstance(legend, QgsLayoutItemLegend):
        legend.setTitle(page_text.word("legend", language))
        fill_legend(legend, page.legend_layers)

    # --- overview map (atlas only)
    overview = items.get("overview_map")
    if isinstance(overview, QgsLayoutItemMap):
        if page.atlas_layer is None:
            overview.setVisibility(False)
            reclaim_overview_space(items)
        else:
            overview.setCrs(page.crs)
            outline_source = request.backdrop or page.atlas_layer
            outline = lyr.overview_layer(outline_source)
            project.addMapLayer(outline, False)
            overview.setLayers([outline])
            overview.setKeepLayerSet(True)
            overview.zoomToExtent(lyr.grow(full_extent, 0.02))

    # --- summary table
    summary = None
    frame = items.get("summary_table")
    table = frame.multiFrame() if isinstance(frame, QgsLayoutFrame) else None
    if page.summary is not None and isinstance(table, QgsLayoutItemTextTable):
        summary = SummaryFiller(
            table,
            frame,
            items.get("summary_note"),
            items.get("summary_title"),
            page.summary,
            summary_fields(request, page),
            language,
            page.crs,
            project,
            name_field=page.atlas_name_field,
        )
    else:
        for item_id in ("summary_title", "summary_table", "summary_note"):
            if items.get(item_id) is not None:
                items[item_id].setVisibility(False)
        if frame is not None and table is not None:
            table.setContents([])
        grow_legend_into_free_space(items)
    if figure is not None and page.atlas_layer is None:
        figure.show_all()
    if summary is not None and page.atlas_layer is None:
        summary.show_all()
        legend_into_spare_table_room(items, summary)
    if isinstance(legend, QgsLayoutItemLegend):
        fit_legend(legend)

    pages = export_pdf(
        layout,
        map_item,
        legend if isinstance(legend, QgsLayoutItemLegend) else None,
        atlas_layer=page.atlas_layer,
        atlas_name_field=page.atlas_name_field,
        atlas_name=request.atlas.name() if request.atlas is not None else "",
        slots=[f.show_feature for f in (summary, figure) if f is not None],
        title=texts["title"],
        pdf_path=pdf_path,
        feedback=feedback,
    )
    write_info(
        pdf_path,
        PdfInfo(texts["title"], subject=texts["subtitle"], author=texts["organisation"] or ""),
        feedback,
    )
    feedback.pushInfo(tr("{pages} page(s) written.").format(pages=pages))
    record = {
        "pages": pages,
        "kind": page.kind,
        "language": language,
        "coverage": figure.report() if figure is not None else None,
    }
    if figure is not None:
        for line in figure.log_lines():
            feedback.pushInfo(line)
    return pages, record
