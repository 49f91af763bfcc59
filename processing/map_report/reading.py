"""Reading the parameters of ``sundplan:map_report`` into a :class:`PageRequest`, with a
message naming the parameter for every value that was given but cannot be used."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsMapLayer, QgsVectorLayer

from ...sundplan_qgis.errors import SundplanError
from ..base import PLUGIN_DIR, tr
from .pdf import new_part_file
from .provenance import display_name
from .subset import atlas_subset_of

LAYOUTS_DIR = PLUGIN_DIR / "resources" / "layouts"


@dataclass
class PageRequest:
    """What the user asked for: the layers, their fields, the page and the texts given."""

    source: QgsMapLayer
    language: str
    template_path: Path
    style: str | None = None
    backdrop: QgsVectorLayer | None = None
    backdrop_field: str = ""
    atlas: QgsVectorLayer | None = None
    atlas_field: str = ""
    atlas_outside: QgsVectorLayer | None = None  # areas outside ATLAS_SUBSET, drawn dimmed
    atlas_subset: dict = field(default_factory=dict)  # what ATLAS_SUBSET chose, for the report
    atlas_subset_label: str = ""
    summary: QgsVectorLayer | None = None
    summary_fields: list[str] = field(default_factory=list)
    points: QgsVectorLayer | None = None
    points_field: str = ""
    texts: dict[str, str] = field(default_factory=dict)  # TITLE, SUBTITLE, … as given
    logo: str = ""


def read_request(alg, parameters, context, feedback) -> PageRequest:
    """The page request; the checks run in the order the parameters are listed."""
    source = read_layer(alg, parameters, "LAYER", context, vector=False)
    if source is None:
        raise SundplanError(
            tr("No layer to map was given (parameter {parameter}).").format(parameter="LAYER")
        )
    if isinstance(source, QgsVectorLayer) and source.featureCount() == 0:
        raise SundplanError(
            tr(
                "The layer to map '{layer}' (parameter {parameter}) has no features{filter}: "
                "there is nothing to draw. Choose a sundplan output with features, or "
                "change its filter."
            ).format(layer=display_name(source), parameter="LAYER", filter=filter_text(source))
        )
    style = read_file(alg, parameters, "STYLE", context) or None
    backdrop = read_layer(alg, parameters, "BACKDROP", context)
    atlas = read_layer(alg, parameters, "ATLAS_LAYER", context)
    summary = read_layer(alg, parameters, "SUMMARY", context)
    points = read_layer(alg, parameters, "POINTS", context)
    if atlas is not None and atlas.featureCount() == 0:
        raise SundplanError(
            tr(
                "The atlas coverage layer '{layer}' has no features{filter}, so there is no "
                "area to make a page for. Choose a layer with areas (e.g. the kommuner), or "
                "leave the atlas coverage empty for a single page."
            ).format(layer=display_name(atlas), filter=filter_text(atlas))
        )
    atlas_field = read_field(
        alg, parameters, "ATLAS_NAME_FIELD", "ATLAS_LAYER", atlas, context, feedback
    )
    subset_text = alg.parameterAsString(parameters, "ATLAS_SUBSET", context) or ""
    if subset_text.strip() and atlas is None:
        raise SundplanError(
            tr(
                "ATLAS_SUBSET limits the pages of an atlas: choose the atlas coverage layer "
                "(ATLAS_LAYER, e.g. the kommuner), or leave ATLAS_SUBSET empty."
            )
        )
    subset = atlas_subset_of(atlas, subset_text, context) if atlas is not None else None
    if subset is not None:
        atlas = subset.pages
        if backdrop is None:
            backdrop = subset.full
        feedback.pushInfo(
            tr(
                "Atlas limited to {subset}: {pages} page(s); {outside} area(s) around it dimmed."
            ).format(
                subset=subset.label,
                pages=subset.record["pages"],
                outside=subset.record["outside"],
            )
        )
    if backdrop is None:
        backdrop = atlas
    backdrop_field = read_field(
        alg,
        parameters,
        "BACKDROP_LABEL_FIELD",
        "ATLAS_LAYER"
        if atlas is not None and (backdrop is atlas or (subset and backdrop is subset.full))
        else "BACKDROP",
        backdrop,
        context,
        feedback,
    )
    if (backdrop is atlas or (subset and backdrop is subset.full)) and not backdrop_field:
        backdrop_field = atlas_field
    points_field = read_field(
        alg, parameters, "POINTS_LABEL_FIELD", "POINTS", points, context, feedback
    )
    own_template = read_file(alg, parameters, "TEMPLATE_FILE", context)
    template_path = (
        Path(own_template)
        if own_template
        else LAYOUTS_DIR / f"{alg.choice(parameters, 'TEMPLATE', context)}.qpt"
    )
    texts = {
        key: alg.parameterAsString(parameters, key, context)
        for key in ("TITLE", "SUBTITLE", "METHOD_NOTE", "SOURCES", "ORGANISATION")
    }
    logo = read_file(alg, parameters, "LOGO", context)
    as_strings = getattr(alg, "parameterAsStrings", None) or alg.parameterAsFields
    return PageRequest(
        source=source,
        language=alg.choice(parameters, "LANGUAGE", context),
        template_path=template_path,
        style=style,
        backdrop=backdrop,
        backdrop_field=backdrop_field,
        atlas=atlas,
        atlas_field=atlas_field,
        atlas_outside=subset.outside if subset is not None else None,
        atlas_subset=subset.record if subset is not None else {},
        atlas_subset_label=subset.label if subset is not None else "",
        summary=summary,
        summary_fields=as_strings(parameters, "SUMMARY_FIELDS", context),
        points=points,
        points_field=points_field,
        texts=texts,
        logo=logo,
    )


def read_file(alg, parameters, key: str, context) -> str:
    """The file of parameter ``key`` ("" when not given); a message naming the parameter
    when it was given but is not an existing file (never silently left out)."""
    path = alg.parameterAsFile(parameters, key, context) or ""
    given = parameters.get(key)
    if is_given(given) and not (path and Path(path).is_file()):
        raise SundplanError(
            tr("The file given for {parameter} does not exist: {file}.").format(
                parameter=key, file=path or parameter_text(given)
            )
        )
    return path


def read_layer(alg, parameters, key: str, context, *, vector: bool = True):
    """The layer of parameter ``key`` (None when not given); a clear message when it was
    given but cannot be opened, or when its filter is not valid."""
    value = parameters.get(key)
    if vector:
        layer = alg.parameterAsVectorLayer(parameters, key, context)
    else:
        layer = alg.parameterAsLayer(parameters, key, context)
    if not is_given(value):
        return layer
    if layer is None or not layer.isValid():
        raise SundplanError(
            tr(
                "The layer given for {parameter} could not be opened: {value}. Check the "
                "file path and the layer name after '|layername=', or leave {parameter} "
                "empty."
            ).format(parameter=key, value=parameter_text(value))
        )
    if isinstance(layer, QgsVectorLayer) and layer.subsetString() and layer.featureCount() < 0:
        raise SundplanError(
            tr(
                "The filter of the layer '{layer}' given for {parameter} is not valid: "
                "{filter}. Write it as a QGIS expression on the layer's fields ({fields}), "
                "e.g. kommune = 'Læsø'."
            ).format(
                layer=display_name(layer),
                parameter=key,
                filter=layer.subsetString(),
                fields=field_list(layer),
            )
        )
    return layer


def read_field(alg, parameters, key: str, parent_key: str, layer, context, feedback=None) -> str:
    """The field named by parameter ``key`` ("" when not given); a clear message naming the
    parameter, the layer and its fields when the layer has no such field."""
    name = alg.parameterAsString(parameters, key, context) or ""
    if name and layer is None:
        if feedback is not None:
            feedback.pushWarning(
                tr("{parameter} is ignored: it names a field of {parent}, which is empty.").format(
                    parameter=key, parent=parent_key
                )
            )
        return ""
    if not name:
        return name
    if layer.fields().indexOf(name) < 0:
        raise SundplanError(
            tr(
                "The field '{field}' given for {parameter} is not in the layer '{layer}' "
                "({parent}). Its fields are: {fields}. Choose one of them, or leave "
                "{parameter} empty to use the first name-like field."
            ).format(
                field=name,
                parameter=key,
                layer=display_name(layer),
                parent=parent_key,
                fields=field_list(layer),
            )
        )
    return name


def is_given(value) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def parameter_text(value) -> str:
    """A parameter value as the user gave it (path, layer source or text)."""
    if isinstance(value, QgsMapLayer):
        return value.source()
    source = getattr(value, "source", None)
    if source is not None and hasattr(source, "staticValue"):
        return str(source.staticValue())
    return str(value)


def field_list(layer: QgsVectorLayer, most: int = 25) -> str:
    """The layer's field names for a message (at most ``most``, then how many more)."""
    names = layer.fields().names()
    text = ", ".join(names[:most]) or "-"
    if len(names) > most:
        text += tr(" … ({n} more)").format(n=len(names) - most)
    return text


def filter_text(layer: QgsVectorLayer) -> str:
    """`` (filter: "x" = 1)`` when the layer is filtered, else ``""`` (for messages)."""
    subset = layer.subsetString() if isinstance(layer, QgsVectorLayer) else ""
    return tr(" (filter: {filter})").format(filter=subset) if subset else ""


def prepare_output(output: str) -> str:
    """Check the PDF destination can be written; return a temporary path beside it."""
    if not output:
        raise SundplanError(tr("No PDF file name was given."))
    path = Path(output)
    if path.suffix.lower() != ".pdf":
        raise SundplanError(
            tr(
                "The PDF file name {file} (OUTPUT) does not end in .pdf; give a name ending in "
                ".pdf."
            ).format(file=output)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = new_part_file(path)
    except OSError as exc:
        raise SundplanError(
            tr(
                "The PDF cannot be written to {file}: {reason}. Choose a folder you can write to."
            ).format(file=output, reason=exc.strerror or exc)
        ) from None
    if path.is_dir():
        os.remove(tmp)
        raise SundplanError(
            tr("The PDF destination {file} is a folder; give a file name ending in .pdf.").format(
                file=output
            )
        )
    return tmp


def check_report_path(report: str, output: str) -> None:
    """The run report must not overwrite the PDF and its folder must be writable."""
    if not report:
        return
    if os.path.abspath(report) == os.path.abspath(output):
        raise SundplanError(
            tr(
                "The run report (REPORT) and the PDF (OUTPUT) were given the same file {file}; "
                "give the report its own name ending in .json."
            ).format(file=report)
        )
    if Path(report).suffix.lower() != ".json":
        raise SundplanError(
            tr(
                "The run report {file} (REPORT) does not end in .json; give a name ending in "
                ".json (a text copy is written beside it)."
            ).format(file=report)
        )
    folder = Path(report).parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        writable = os.access(folder, os.W_OK)
    except OSError:
        writable = False
    if not writable or Path(report).is_dir():
        raise SundplanError(
            tr(
                "The run report cannot be written to {file}. Choose a folder you can write to."
            ).format(file=report)
        )
