"""What the mapped output says about itself: its provenance record, its kind, the facts the
page text needs (specialty, method, added hospitals), its inputs and its per-area tables."""

from __future__ import annotations

import json
import os
from pathlib import Path

from qgis.core import (
    QgsFeatureRequest,
    QgsMapLayer,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ...sundplan_qgis import page_text
from ...sundplan_qgis.page_text import kinds
from ...sundplan_qgis.page_text.specialist_gaps import reference_total

# Fields that name an area, in order of preference (labels, atlas page names).
NAME_FIELDS = ("area_name", "kommune", "kommunenavn", "navn", "name", "region", "regionsnavn")


def raster_metadata(layer: QgsMapLayer) -> dict[str, str]:
    """GDAL metadata of a raster layer's file (lower-case keys), {} when not a GDAL file."""
    try:
        from osgeo import gdal
    except ImportError:
        return {}
    path = layer.source().split("|", 1)[0]
    if not os.path.isfile(path):
        return {}
    dataset = gdal.Open(path)
    if dataset is None:
        return {}
    metadata = {k.lower(): v for k, v in (dataset.GetMetadata() or {}).items()}
    band = dataset.GetRasterBand(1)
    metadata.update({k.lower(): v for k, v in (band.GetMetadata() or {}).items()})
    dataset = None
    return metadata


def _parse_json_after_brace(text: str) -> dict | None:
    start = text.find("{")
    if start < 0:
        return None
    try:
        value, _end = json.JSONDecoder().raw_decode(text[start:])
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, dict) else None


def read_provenance(layer: QgsMapLayer) -> dict | None:
    """The sundplan provenance record of an output (layer metadata or GeoTIFF tag)."""
    if isinstance(layer, QgsRasterLayer):
        tag = raster_metadata(layer).get("sundplan_provenance")
        if tag:
            return _parse_json_after_brace(tag)
    abstract = layer.metadata().abstract() if layer.metadata() is not None else ""
    if not abstract and isinstance(layer, QgsVectorLayer):
        reopened = QgsVectorLayer(layer.source(), "p", layer.providerType())
        abstract = reopened.metadata().abstract()
    return _parse_json_after_brace(abstract or "")


def _synthetic_file(path_or_uri: str) -> tuple[bool, int | None]:
    """Is a file (or ``file|layername=x``) sundplan's synthetic sample data? (+ the seed)."""
    path = str(path_or_uri).split("|", 1)[0]
    texts: list[str] = []
    if os.path.isfile(path):
        readme = Path(path).parent / "README.txt"
        if path.lower().endswith((".osm", ".pbf")) and readme.is_file():
            texts.append(readme.read_text("utf-8", errors="replace")[:300])
        else:
            try:
                from osgeo import gdal

                dataset = gdal.OpenEx(path)
            except (ImportError, RuntimeError):
                dataset = None
            if dataset is not None:
                texts.extend(f"{k}={v}" for k, v in (dataset.GetMetadata() or {}).items())
                name = page_text.sources.layer_name_of(str(path_or_uri))
                layer = dataset.GetLayerByName(name) if name else None
                if layer is None and dataset.GetLayerCount():
                    layer = dataset.GetLayer(0)
                if layer is not None:
                    texts.extend(f"{k}={v}" for k, v in (layer.GetMetadata() or {}).items())
                dataset = None
    return page_text.sources.synthetic_marker(texts)


def describe_inputs(
    provenance: dict | None, layer: QgsMapLayer
) -> tuple[list[page_text.SourceInfo], int | None]:
    """The inputs named in the provenance, as :class:`page_text.SourceInfo` (+ sample seed)."""
    return page_text.sources.input_sources(
        provenance,
        probe=_synthetic_file,
        layer_source=layer.source(),
        layer_name=layer.name(),
        origin=_written_by,
    )


def _written_by(path_or_uri: str) -> str | None:
    """The sundplan algorithm whose provenance a vector file carries (e.g. the kommuner of
    ``sundplan:reference_data``), else None."""
    layer = QgsVectorLayer(str(path_or_uri), "origin", "ogr")
    if not layer.isValid():
        return None
    record = read_provenance(layer) or {}
    return str(record.get("algorithm") or "") or None


def display_name(layer: QgsMapLayer) -> str:
    """The GeoPackage layer name of ``file.gpkg|layername=x`` sources, else the layer name."""
    return page_text.sources.layer_name_of(layer.source()) or layer.name()


def detect_kind(layer: QgsMapLayer, provenance: dict | None = None) -> str:
    """Which sundplan output this is (a style name in resources/styles), or ``""``: by the
    raster's ``units`` tag or the vector's fields, see :mod:`sundplan_qgis.page_text.kinds`."""
    algorithm = str((provenance or {}).get("algorithm") or "")
    if isinstance(layer, QgsRasterLayer):
        return kinds.raster_kind(raster_metadata(layer).get("units", ""), algorithm=algorithm)
    return kinds.vector_kind(layer.fields().names(), algorithm=algorithm)


def _unique_values(layer: QgsVectorLayer, field: str) -> list:
    index = layer.fields().indexOf(field)
    if index < 0:
        return []
    return sorted((v for v in layer.uniqueValues(index) if plain(v) not in (None, "")), key=str)


def _first_value(layer: QgsVectorLayer, field: str):
    if layer.fields().indexOf(field) < 0:
        return None
    request = QgsFeatureRequest().setSubsetOfAttributes([field], layer.fields()).setLimit(1)
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    for feature in layer.getFeatures(request):
        return plain(feature[field])
    return None


def layer_details(layer: QgsMapLayer, kind: str, provenance: dict | None) -> dict:
    """What the page texts need to know from the mapped data itself (see page_text.title).

    Specialist gaps: the specialty when the layer (or its filter) holds one, the number of
    specialties otherwise, the reference total (Σ fair shares of that specialty); 2SFCA: the
    method and travel-time method written into the output; scenario: the added hospitals'
    names (read from the run's ADD_HOSPITALS layer when it still exists).
    """
    details: dict = {}
    params = (provenance or {}).get("parameters") or {}
    if isinstance(layer, QgsVectorLayer) and kind in kinds.SPECIALIST_KINDS:
        specialties = _unique_values(layer, "specialty")
        details["n_specialties"] = len(specialties)
        if len(specialties) == 1:
            details["specialty"] = str(specialties[0])
            if kind == "specialist_gaps":
                details["reference_total"] = reference_total(
                    plain(feature["fair_share"]) for feature in layer.getFeatures()
                )
    if isinstance(layer, QgsVectorLayer) and kind in kinds.FCA_KINDS:
        details["method_label"] = _first_value(layer, "method") or ""
        details["time_method"] = _first_value(layer, "time_method") or ""
        details["specialist"] = bool(params.get("SPECIALTIES"))
    if kind == "travel_time_change" and params.get("ADD_HOSPITALS"):
        added = QgsVectorLayer(str(params["ADD_HOSPITALS"]), "added", "ogr")
        name_field = str(params.get("ADD_NAME_FIELD") or "")
        if added.isValid():
            name_field = name_field or guess_name_field(added)
            if name_field and added.fields().indexOf(name_field) >= 0:
                names = [str(f[name_field]) for f in added.getFeatures()]
                details["added"] = ", ".join(n for n in names if n and n != "NULL")
    return details


def default_summary_layer(source: QgsMapLayer, kind: str, provenance: dict | None):
    """The summary table for a page without SUMMARY: the layer itself for per-area outputs,
    the run's own per-area output for the 2SFCA points and the scenario raster, else None."""
    if kind in kinds.SELF_SUMMARY_KINDS and isinstance(source, QgsVectorLayer):
        return source
    key = kinds.SUMMARY_OUTPUTS.get(kind)
    value = ((provenance or {}).get("parameters") or {}).get(key) if key else None
    if not value or not isinstance(value, str):
        return None
    if not Path(value.split("|", 1)[0]).is_file():
        return None
    layer = QgsVectorLayer(value, key.lower(), "ogr")
    return layer if layer.isValid() and layer.featureCount() > 0 else None


def has_counts(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and page_text.has_not_reached_counts(
        layer.fields().names()
    )


def coverage_table(source, kind: str, provenance: dict | None, summary_src):
    """The per-area table with ``pop_unsnapped`` and ``pop_unreachable`` for this page: the
    summary table, the mapped layer itself, or the run's own per-area output (provenance);
    None when none of them has both counts (the figure is then "unknown", never 0)."""
    for candidate in (summary_src, source):
        if has_counts(candidate):
            return candidate
    params = (provenance or {}).get("parameters") or {}
    for key in kinds.AREA_TABLE_OUTPUTS:
        value = params.get(key)
        if not isinstance(value, str) or not value:
            continue
        if not Path(value.split("|", 1)[0]).is_file():
            continue
        layer = QgsVectorLayer(value, key.lower(), "ogr")
        if layer.isValid() and has_counts(layer):
            return layer
    return None


def report_totals(provenance: dict | None) -> page_text.NotReached | None:
    """The run's totals from its JSON run report (section ``coverage`` or ``population``), for
    outputs made without areas; None when there is no such report."""
    params = (provenance or {}).get("parameters") or {}
    path = params.get("REPORT")
    if not isinstance(path, str) or not os.path.isfile(path):
        return None
    try:
        report = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return page_text.not_reached.totals_from_run_report(report)


def plain(value):
    """QVariant NULL -> None; everything else as is."""
    try:
        from qgis.PyQt.QtCore import QVariant

        if isinstance(value, QVariant):
            return None if value.isNull() else value.value()
    except ImportError:  # pragma: no cover
        pass
    return value


def guess_name_field(layer: QgsVectorLayer) -> str:
    names = layer.fields().names()
    for candidate in NAME_FIELDS:
        if candidate in names:
            return candidate
    for field in layer.fields():
        if field.type() == 10 or field.typeName().lower() in ("string", "text", "varchar"):
            return field.name()
    return ""
