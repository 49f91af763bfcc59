"""Fit the shipped QML styles to a run's data: legend labels from the hospital names, only the
hospitals present, and travel-time classes at the bands the user chose.

The QML files in ``resources/styles/`` hold the colours; these adapters keep those colours
and rewrite classes and labels, so the legend of a printed map says "Thisted", not
"Sygehus nr. 21", and "0–20 min" when the user chose 20-minute bands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFeatureRequest,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtGui import QColor

from ..sundplan_qgis.legends import da_number, gap_rules
from ._i18n import tr


def _fmt(v: float) -> str:
    return f"{v:g}"


def _interpolate(colours: Sequence[QColor], n: int) -> list[QColor]:
    """``n`` colours spread evenly along the given colours (first and last kept)."""
    if n <= 0:
        return []
    if len(colours) == 1 or n == 1:
        return [QColor(colours[0])] * n
    out = []
    for i in range(n):
        pos = i * (len(colours) - 1) / (n - 1)
        a = int(pos)
        b = min(a + 1, len(colours) - 1)
        t = pos - a
        ca, cb = colours[a], colours[b]
        out.append(
            QColor(
                round(ca.red() + (cb.red() - ca.red()) * t),
                round(ca.green() + (cb.green() - ca.green()) * t),
                round(ca.blue() + (cb.blue() - ca.blue()) * t),
                round(ca.alpha() + (cb.alpha() - ca.alpha()) * t),
            )
        )
    return out


def band_label(lower: float, upper: float | None) -> str:
    """'0–15 min', '> 60 min'."""
    if upper is None:
        return tr("> {limit} min").format(limit=_fmt(lower))
    return tr("{lower}–{upper} min").format(lower=_fmt(lower), upper=_fmt(upper))


def travel_time_raster(bands_min: Sequence[float]) -> Callable:
    """Adapter: discrete raster classes at ``bands_min`` plus '> last', in the style's colours."""
    limits = [float(b) for b in bands_min]

    def adapt(layer) -> None:
        renderer = layer.renderer()
        if not isinstance(renderer, QgsSingleBandPseudoColorRenderer):
            return
        shader_fn = renderer.shader().rasterShaderFunction()
        items = shader_fn.colorRampItemList()
        colours = _interpolate([it.color for it in items] or [QColor("#ffffcc")], len(limits) + 1)
        new_items = []
        lower = 0.0
        for limit, colour in zip(limits, colours, strict=False):
            new_items.append(
                QgsColorRampShader.ColorRampItem(limit, colour, band_label(lower, limit))
            )
            lower = limit
        new_items.append(
            QgsColorRampShader.ColorRampItem(float("inf"), colours[-1], band_label(lower, None))
        )
        shader_fn.setColorRampType(QgsColorRampShader.Discrete)
        shader_fn.setColorRampItemList(new_items)
        shader_fn.setMinimumValue(0.0)
        shader_fn.setMaximumValue(limits[-1])
        renderer.setClassificationMin(0.0)
        renderer.setClassificationMax(limits[-1])

    return adapt


def categories_from_features(value_field: str, label_field: str, *, suffix: str = "") -> Callable:
    """Adapter for a categorized renderer: one category per value present in the layer,
    labelled from ``label_field``, with the style's colour for that value (or its palette,
    cycled, for values the style does not list). Keeps the 'all other values' fallback out."""

    def adapt(layer) -> None:
        renderer = layer.renderer()
        if not isinstance(renderer, QgsCategorizedSymbolRenderer):
            return
        idx_v = layer.fields().indexOf(value_field)
        idx_l = layer.fields().indexOf(label_field)
        if idx_v < 0 or idx_l < 0:
            return
        present = {}
        # the two fields only: reading every polygon's geometry would cost more than the rest
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes([idx_v, idx_l])
        for f in layer.getFeatures(request):
            attributes = f.attributes()
            present[attributes[idx_v]] = attributes[idx_l]
        existing = [c for c in renderer.categories() if c.value() not in (None, "")]
        by_value = {str(c.value()): c for c in existing}
        palette = [c.symbol() for c in existing] or [renderer.sourceSymbol()]
        new = []
        for i, value in enumerate(sorted(v for v in present if v is not None)):
            cat = by_value.get(str(value))
            symbol = (cat.symbol() if cat is not None else palette[i % len(palette)]).clone()
            label = f"{present[value]}{suffix}"
            new.append(QgsRendererCategory(value, symbol, label))
        if not new:
            return
        renderer.deleteAllCategories()
        for cat in new:
            renderer.addCategory(cat)

    return adapt


NOT_REACHED_COLOUR = "#9e9e9e"
"""Grey of the "not reached" class in band legends."""


def band_polygons() -> Callable:
    """Adapter for the band polygons: legend labels '0–15 min' from the ``band`` field, and
    the "not reached" class (band_id -1: residents unsnapped or unreachable) in grey."""
    from ..sundplan_qgis.catchments import NOT_REACHED_BAND

    categories = categories_from_features("band_id", "band", suffix=" min")

    def adapt(layer) -> None:
        categories(layer)
        renderer = layer.renderer()
        if not isinstance(renderer, QgsCategorizedSymbolRenderer):
            return
        cats = renderer.categories()
        lost = [c for c in cats if str(c.value()) == str(NOT_REACHED_BAND)]
        if lost:  # last in the legend, grey
            symbol = lost[0].symbol().clone()
            symbol.setColor(QColor(NOT_REACHED_COLOUR))
            ordered = [c for c in cats if str(c.value()) != str(NOT_REACHED_BAND)]
            ordered.append(QgsRendererCategory(lost[0].value(), symbol, tr("Not reached")))
            renderer.deleteAllCategories()
            for cat in ordered:
                renderer.addCategory(cat)
        reached_aliases()(layer)

    return adapt


def catchments() -> Callable:
    """Adapter for catchment polygons: one legend entry per hospital, by name; the minutes
    fields say they are of reached residents."""
    categories = categories_from_features("hospital_id", "hospital")

    def adapt(layer) -> None:
        categories(layer)
        reached_aliases()(layer)

    return adapt


def reached_aliases() -> Callable:
    """Adapter: aliases saying the mean/median/P90/max minutes are of reached residents."""
    labels = {
        "mean_min": tr("Mean minutes (of reached residents)"),
        "median_min": tr("Median minutes (of reached residents)"),
        "p90_min": tr("90th percentile minutes (of reached residents)"),
        "max_min": tr("Longest minutes (of reached residents)"),
    }

    def adapt(layer) -> None:
        for name, label in labels.items():
            idx = layer.fields().indexOf(name)
            if idx >= 0:
                layer.setFieldAlias(idx, label)

    return adapt


# --------------------------------------------------------------------------- capacity styles
# gp_density.qml, fca_access.qml, fca_access_areas.qml, specialist_gaps.qml (rule-based, made by
# resources/styles/make_styles.py): the rules carry these tags in their description. The
# legend texts are Danish, as in the QML files.
TAG_TITLE = "sundplan:title"
TAG_SHORTAGE = "sundplan:shortage"
TAG_NONE = "sundplan:none"
TAG_CLASS = "sundplan:class:{index}"

DENSITY_TITLE = "Behovsvægtede borgere pr. læge"
DENSITY_TITLE_UNWEIGHTED = "Borgere pr. læge (ikke behovsvægtet)"
DENSITY_SHORTAGE_LABEL = "Lægedækningstruet: over {threshold} pr. læge eller ingen læge"

FCA_METHOD_NAMES = {"2sfca": "2SFCA", "e2sfca": "E2SFCA", "gaussian": "Gauss-2SFCA"}
"""Short method names for the legend, by ``fca_access`` METHOD key."""


def _tagged_rules(layer) -> dict:
    """Rules of a rule-based renderer by their tag (description); {} for other renderers."""
    renderer = layer.renderer()
    if not isinstance(renderer, QgsRuleBasedRenderer):
        return {}
    return {r.description(): r for r in renderer.rootRule().descendants() if r.description()}


def _first_value(layer, field_name: str):
    """First non-empty value of ``field_name`` in the layer (None without field or value)."""
    idx = layer.fields().indexOf(field_name)
    if idx < 0:
        return None
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([idx])
    for feature in layer.getFeatures(request):
        value = feature.attributes()[idx]
        if value is not None and not (hasattr(value, "isNull") and value.isNull()) and value != "":
            return value
    return None


def _weighted(layer) -> bool | None:
    """Was the run need-weighted? From the ``weights`` field ('none (…)' = no); None: unknown."""
    text = _first_value(layer, "weights")
    if text is None:
        return None
    return not str(text).strip().lower().startswith("none")


def gp_density(shortage_threshold: float | None = None) -> Callable:
    """Adapter for ``gp_density.qml``: the legend title says whether the residents are
    need-weighted (from the ``weights`` field) and the shortage entry names the run's
    threshold (residents per GP)."""

    def adapt(layer) -> None:
        rules = _tagged_rules(layer)
        weighted = _weighted(layer)
        if TAG_TITLE in rules and weighted is not None:
            rules[TAG_TITLE].setLabel(DENSITY_TITLE if weighted else DENSITY_TITLE_UNWEIGHTED)
        if TAG_SHORTAGE in rules and shortage_threshold is not None:
            rules[TAG_SHORTAGE].setLabel(
                DENSITY_SHORTAGE_LABEL.format(threshold=da_number(shortage_threshold))
            )

    return adapt


def fca_method_key(label: str | None) -> str | None:
    """METHOD key from the ``method`` field ('E2SFCA (weighted …), catchment ≤ 20 min …')."""
    text = str(label or "").strip().lower()
    if text.startswith("e2sfca"):
        return "e2sfca"
    if text.startswith("gauss"):
        return "gaussian"
    if text.startswith("2sfca"):
        return "2sfca"
    return None


def fca_threshold_min(label: str | None) -> float | None:
    """Catchment threshold (minutes) from the ``method`` field, or None."""
    import re

    match = re.search(r"catchment\s*(?:≤|<=)\s*([0-9]+(?:\.[0-9]+)?)\s*min", str(label or ""))
    return float(match.group(1)) if match else None


def fca_title(
    method: str | None, threshold_min: float | None, *, weighted: bool, per_area: bool
) -> str:
    """'Læger pr. 10.000 borgere (E2SFCA, ≤ 20 min)'; 'Gns. …' for the per-area layer."""
    name = FCA_METHOD_NAMES.get(method or "", "2SFCA")
    detail = name if threshold_min is None else f"{name}, ≤ {da_number(threshold_min)} min"
    who = "behovsvægtede borgere" if weighted else "borgere"
    return f"{'Gns. læger' if per_area else 'Læger'} pr. 10.000 {who} ({detail})"


def fca_access(method: str | None = None, threshold_min: float | None = None) -> Callable:
    """Adapter for ``fca_access.qml`` (points) and ``fca_access_areas.qml``: the legend title
    names the run's method and catchment, the 'none' entry the catchment. ``method`` (METHOD
    key: 2sfca, e2sfca, gaussian) and ``threshold_min`` default to what the layer's ``method``
    field says."""

    def adapt(layer) -> None:
        rules = _tagged_rules(layer)
        if not rules:
            return
        label = _first_value(layer, "method")
        key = method or fca_method_key(label)
        threshold = threshold_min if threshold_min is not None else fca_threshold_min(label)
        per_area = layer.fields().indexOf("access_mean_per_10000") >= 0
        if TAG_TITLE in rules and (key is not None or threshold is not None):
            rules[TAG_TITLE].setLabel(
                fca_title(key, threshold, weighted=bool(_weighted(layer)), per_area=per_area)
            )
        if TAG_NONE in rules and threshold is not None:
            rules[TAG_NONE].setLabel(f"Ingen læge inden for {da_number(threshold)} min")

    return adapt


def specialist_gaps(under: float, over: float) -> Callable:
    """Adapter for ``specialist_gaps.qml``: class limits and legend labels at the run's
    UNDER_RATIO / OVER_RATIO (the colours follow the ``class`` field either way)."""
    rules_def = gap_rules(float(under), float(over))

    def adapt(layer) -> None:
        rules = _tagged_rules(layer)
        for i, (flt, label) in enumerate(rules_def):
            rule = rules.get(TAG_CLASS.format(index=i))
            if rule is not None:
                rule.setFilterExpression(flt)
                rule.setLabel(label)

    return adapt
