"""``sundplan:gp_density``: GPs per inhabitant per kommune (lægedækning), need-weighted,
rolled up to regions / sundhedsråd / sundhedsfællesskaber, with a national summary.

Thin wrapper around ``sundplan_qgis.density.run_density``. The practice and need-weight
parameter helpers here are shared with ``fca_access``.
"""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..sundplan_qgis.errors import SundplanError
from . import _inputs, _styling
from .base import SundplanAlgorithm, dataframe_to_sink, tr, translate_message

NEED_OPTIONS = ("none", "default", "custom")


def _null(v):
    return None if v is None or (hasattr(v, "isNull") and v.isNull()) else v


def translate_outside_grouping(frame, columns=("area_id", "area_name", "unit")):
    """``frame`` with the core's "outside the grouping" label printed in the UI language
    (``uden for inddeling``) in its name columns; the frame is copied only when needed. (The
    ``class`` field keeps its English codes, like every other class value.)"""
    from ..sundplan_qgis.reference import OUTSIDE_GROUPING

    label = translate_message(OUTSIDE_GROUPING)
    if label == str(OUTSIDE_GROUPING):
        return frame
    frame = frame.copy()
    for column in columns:
        if column in frame.columns:
            frame[column] = [
                label if isinstance(v, str) and v == OUTSIDE_GROUPING else v for v in frame[column]
            ]
    return frame


def _objects(values: list) -> np.ndarray:
    arr = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        arr[i] = v
    return arr


class PracticeParameters:
    """Mixin: practice layer + capacity/list/open/specialty parameters, and need weights."""

    def _adv(self, param):
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(param)

    def add_practice_parameters(self, *, list_and_open: bool) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "PRACTICES", tr("Practices (points)"), [QgsProcessing.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "PRACTICE_NAME_FIELD",
                tr("Practice name field"),
                parentLayerParameterName="PRACTICES",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "CAPACITY_FIELD",
                tr("Capacity field (number of GPs / lægekapaciteter; empty = 1 per practice)"),
                parentLayerParameterName="PRACTICES",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        if list_and_open:
            self.addParameter(
                QgsProcessingParameterField(
                    "LIST_SIZE_FIELD",
                    tr("List size field (patients, optional)"),
                    parentLayerParameterName="PRACTICES",
                    type=QgsProcessingParameterField.Numeric,
                    optional=True,
                )
            )
            self.addParameter(
                QgsProcessingParameterField(
                    "OPEN_FIELD",
                    tr("'Open for new patients' field (1/0, yes/no, ja/nej; optional)"),
                    parentLayerParameterName="PRACTICES",
                    optional=True,
                )
            )
        self.addParameter(
            QgsProcessingParameterField(
                "SPECIALTY_FIELD",
                tr("Specialty field (optional)"),
                parentLayerParameterName="PRACTICES",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SPECIALTIES",
                tr("Only these specialties (comma separated; empty = all practices)"),
                optional=True,
            )
        )

    def add_need_parameters(self, *, default: int) -> None:
        self.addParameter(
            QgsProcessingParameterEnum(
                "NEED_WEIGHTS",
                tr("Need weighting (behovsvægte)"),
                options=[
                    tr("None: unweighted population"),
                    tr(
                        "Default almen praksis age/sex weights (resources/data/need_weights_gp.csv)"
                    ),
                    tr("Custom weights (table below or CSV file)"),
                ],
                defaultValue=default,
            )
        )
        self._adv(
            QgsProcessingParameterMatrix(
                "WEIGHTS_TABLE",
                tr("Custom need weights: age group (0_4 … 85_plus), sex (m/k/all), weight"),
                headers=[tr("Age group"), tr("Sex"), tr("Weight")],
                optional=True,
            )
        )
        self._adv(
            QgsProcessingParameterFile(
                "WEIGHTS_FILE",
                tr("…or a CSV of need weights (columns age_group, sex, weight)"),
                optional=True,
                fileFilter="CSV (*.csv *.txt)",
            )
        )

    # ------------------------------------------------------------------ reading
    def read_weights(self, parameters, context):
        from ..sundplan_qgis import need

        choice = NEED_OPTIONS[self.parameterAsEnum(parameters, "NEED_WEIGHTS", context)]
        if choice == "none":
            return None
        if choice == "default":
            return need.load_weights()
        path = self.parameterAsFile(parameters, "WEIGHTS_FILE", context)
        if path:
            return need.load_weights(path)
        matrix = self.parameterAsMatrix(parameters, "WEIGHTS_TABLE", context)
        if not matrix:
            raise SundplanError(
                tr("Custom need weights chosen but neither a weight table nor a CSV file given.")
            )
        if len(matrix) % 3:
            raise SundplanError(tr("The need weight table needs rows of age group, sex, weight."))
        rows = [matrix[k : k + 3] for k in range(0, len(matrix), 3)]
        return need.weights_from_rows(rows, source="custom weight table")

    def read_practices(self, parameters, context, crs, *, list_and_open: bool):
        from ..sundplan_qgis import density

        source = self.parameterAsSource(parameters, "PRACTICES", context)
        layer = self.parameterAsVectorLayer(parameters, "PRACTICES", context)
        name = layer.name() if layer is not None else "PRACTICES"
        fields = {}
        for key in ("CAPACITY_FIELD", "SPECIALTY_FIELD") + (
            ("LIST_SIZE_FIELD", "OPEN_FIELD") if list_and_open else ()
        ):
            fields[key] = self.parameterAsString(parameters, key, context) or None
        wanted = tuple(f for f in fields.values() if f)
        pts = _inputs.read_points(
            source,
            layer_name=name,
            target_crs=crs,
            context=context,
            name_field=self.parameterAsString(parameters, "PRACTICE_NAME_FIELD", context) or None,
            fields=wanted,
        )
        keep = np.ones(len(pts["names"]), dtype=bool)
        specialties = self.parameterAsString(parameters, "SPECIALTIES", context) or ""
        wanted_spec = {s.strip().lower() for s in specialties.split(",") if s.strip()}
        filter_label = "all practices"
        if wanted_spec:
            if not fields["SPECIALTY_FIELD"]:
                raise SundplanError(tr("A specialty filter needs the specialty field."))
            values = [str(_null(v) or "").strip().lower() for v in pts[fields["SPECIALTY_FIELD"]]]
            keep = np.array([v in wanted_spec for v in values], dtype=bool)
            filter_label = f"{fields['SPECIALTY_FIELD']} in ({', '.join(sorted(wanted_spec))})"
            if not keep.any():
                found = sorted({v for v in values if v})
                raise SundplanError(
                    tr(
                        "No practice of '{layer}' has specialty {wanted}. Specialties found: {found}."
                    ).format(
                        layer=name,
                        wanted=", ".join(sorted(wanted_spec)),
                        found=", ".join(found[:20]),
                    )
                )
        idx = np.flatnonzero(keep)
        names = [pts["names"][i] for i in idx]
        ids = [pts["ids"][i] for i in idx]
        if idx.size == 0:
            raise SundplanError(tr("The practice layer '{layer}' is empty.").format(layer=name))
        if fields["CAPACITY_FIELD"]:
            cap = density.validate_capacity(
                [_null(pts[fields["CAPACITY_FIELD"]][i]) for i in idx],
                names=names,
                ids=ids,
                source_name=name,
                field_name=fields["CAPACITY_FIELD"],
            )
        else:
            cap = np.ones(idx.size)
        list_size = open_ = None
        if list_and_open and fields["LIST_SIZE_FIELD"]:
            list_size = np.array(
                [
                    density._to_float(_null(pts[fields["LIST_SIZE_FIELD"]][i]))
                    if _null(pts[fields["LIST_SIZE_FIELD"]][i]) is not None
                    else np.nan
                    for i in idx
                ]
            )
        if list_and_open and fields["OPEN_FIELD"]:
            open_ = density.open_flags([_null(pts[fields["OPEN_FIELD"]][i]) for i in idx])
        return density.Practices(
            xy=pts["xy"][idx],
            capacity=cap,
            names=names,
            ids=ids,
            list_size=list_size,
            open_for_patients=open_,
            source_name=name,
        ), {
            "layer": name,
            "filter": filter_label,
            "capacity_field": fields["CAPACITY_FIELD"] or "1 per practice",
        }


class GpDensityAlgorithm(PracticeParameters, SundplanAlgorithm):
    """Lægedækning pr. kommune."""

    _name = "gp_density"
    _display_name = "GP density per kommune (Lægedækning pr. kommune)"
    _group_id = "capacity"
    _requires = ("numpy", "scipy", "pandas", "pyproj", "rasterio", "shapely")
    _tags = ("lægedækning", "almen praksis", "GP", "kapacitet", "behovsvægt", "gini", "sundhedsråd")
    _help = (
        "GPs per inhabitant per kommune (or any area layer), need-weighted, rolled up to "
        "regions, the 2027 regions, sundhedsråd and sundhedsfællesskaber.<br><br>"
        "<b>Inputs</b>: practices (points; capacity = a field with the number of GPs / "
        "lægekapaciteter, or 1 per practice; optional list size and 'open for new patients' "
        "fields; optional specialty filter); areas with population as a field, as age/sex "
        "columns (m_0_4 … k_85_plus) or aggregated from a population raster; need weights.<br>"
        "<b>Need weights</b>: the default almen praksis weights (age and sex, national mean 1 on "
        "FOLK1A 2014; sources and derivation in resources/data/README.md) turn the age/sex "
        "columns into a need factor per area. The weights used (name and SHA-256) are written "
        "into every output.<br>"
        "<b>Outputs per area and per grouping unit</b>: population, need-weighted population, GP "
        "capacity, inhabitants per GP, GPs per 10 000, the same need-adjusted, closed practices, "
        "list size per GP, rank_shortage (1 = fewest need-adjusted GPs per 10 000) and a "
        "shortage flag: need-weighted residents per GP above the threshold (default 1 600 per "
        "lægekapacitet, Danmarks Statistik LABY27 documentation) or residents and no GP.<br>"
        "<b>National summary</b> per level: totals, best and worst unit and their ratio, the Gini "
        "coefficient of GP capacity against need, and the Lorenz curve points. Practices "
        "outside every area are counted in the row '(outside all areas)' and listed, never "
        "dropped. Areas with zero population get empty ratios and are reported. Areas whose id is "
        "not in the grouping table (Christiansø, 0411, is in no region) form the row 'outside "
        "the grouping' of every roll-up (field outside_grouping): counted in the totals, left "
        "out of rank_shortage, the Gini coefficient, best/worst unit and the shortage counts."
    )

    def define_parameters(self, config=None) -> None:
        self.add_practice_parameters(list_and_open=True)
        self.add_area_parameters(tr("Areas, e.g. kommuner (polygons)"), optional=False)
        self.addParameter(
            QgsProcessingParameterField(
                "POPULATION_FIELD",
                tr("Population field of the areas (empty: sum of age/sex columns or raster)"),
                parentLayerParameterName="AREAS",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                "POPULATION_RASTER", tr("…or a population raster summed per area"), optional=True
            )
        )
        self.add_need_parameters(default=1)
        self.addParameter(
            QgsProcessingParameterBoolean(
                "EMBEDDED_GROUPING",
                tr(
                    "Roll up to regions / sundhedsråd / sundhedsfællesskaber (embedded table; "
                    "area ids must be kommunekoder)"
                ),
                defaultValue=True,
            )
        )
        self._adv(
            QgsProcessingParameterFeatureSource(
                "GROUPING_TABLE",
                tr("…or your own grouping table (kommune → larger units)"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        self._adv(
            QgsProcessingParameterField(
                "GROUPING_KEY_FIELD",
                tr("Key field of the grouping table (matches the area id)"),
                parentLayerParameterName="GROUPING_TABLE",
                optional=True,
            )
        )
        self._adv(
            QgsProcessingParameterField(
                "GROUPING_LEVEL_FIELDS",
                tr("Level fields of the grouping table"),
                parentLayerParameterName="GROUPING_TABLE",
                optional=True,
                allowMultiple=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "SHORTAGE_THRESHOLD",
                tr(
                    "Shortage threshold: need-weighted residents per GP (default 1 600, DST LABY27)"
                ),
                QgsProcessingParameterNumber.Double,
                defaultValue=1600.0,
                minValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "AREA_OUTPUT", tr("GP density per area"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "GROUP_OUTPUT", tr("GP density per grouping unit"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "SUMMARY", tr("National summary per level (Gini, spread)"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "LORENZ", tr("Lorenz curve points"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTSIDE_PRACTICES",
                tr("Practices outside every area"),
                QgsProcessing.TypeVectorPoint,
                optional=True,
                createByDefault=True,
            )
        )
        self.add_report_output()

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..sundplan_qgis import density, need, rasters, reference
        from ..sundplan_qgis.catchments import assign_areas_by_point

        progress = self.progress(feedback)
        progress(0.0, tr("Reading areas"))
        area_source = self.parameterAsSource(parameters, "AREAS", context)
        area_layer = self.parameterAsVectorLayer(parameters, "AREAS", context)
        area_name = area_layer.name() if area_layer is not None else "AREAS"
        crs = area_source.sourceCrs()
        id_field = self.parameterAsString(parameters, "AREA_ID_FIELD", context) or None
        name_field = self.parameterAsString(parameters, "AREA_NAME_FIELD", context) or None
        pop_field = self.parameterAsString(parameters, "POPULATION_FIELD", context) or None
        age_cols = need.age_sex_columns(area_source.fields().names())
        polys = _inputs.read_polygons(
            area_source,
            layer_name=area_name,
            target_crs=crs,
            context=context,
            id_field=id_field,
            name_field=name_field,
            fields=tuple(dict.fromkeys([*([pop_field] if pop_field else []), *age_cols])),
        )
        ids = [_null(i) for i in polys["ids"]]
        density.check_unique_ids(
            [density.normalise_code(i) for i in ids], source_name=area_name, field_name=id_field
        )
        age_table = None
        if age_cols:
            age_table = pd.DataFrame({c: [_null(v) for v in polys[c]] for c in age_cols})
        population = None
        pop_label = "sum of the age/sex columns"
        raster = self.parameterAsRasterLayer(parameters, "POPULATION_RASTER", context)
        if pop_field:
            population = np.array(
                [np.nan if _null(v) is None else float(v) for v in polys[pop_field]]
            )
            pop_label = f"field '{pop_field}'"
        elif raster is not None:
            progress(0.1, tr("Summing the population raster per area"))
            pop = rasters.read_population_raster(raster.source())
            xy = rasters.transform_xy(pop.xy, src_wkt=pop.crs_wkt, dst_wkt=crs.toWkt())
            idx = assign_areas_by_point(xy, polys["geometries"])
            population = np.bincount(
                idx[idx >= 0], weights=pop.population[idx >= 0], minlength=len(ids)
            )
            pop_label = f"raster '{raster.name()}' summed per area (cell centres)"
        weights = self.read_weights(parameters, context)
        if weights is not None and not age_cols:
            feedback.pushWarning(
                tr(
                    "Need weighting chosen but '{layer}' has no age/sex columns (m_0_4 … k_85_plus)."
                ).format(layer=area_name)
            )
        progress(0.2, tr("Reading practices"))
        practices, practice_info = self.read_practices(parameters, context, crs, list_and_open=True)

        grouping = None
        key = "kommunekode"
        levels = None
        gsource = self.parameterAsSource(parameters, "GROUPING_TABLE", context)
        if gsource is not None:
            key = self.parameterAsString(parameters, "GROUPING_KEY_FIELD", context)
            levels = self.parameterAsFields(parameters, "GROUPING_LEVEL_FIELDS", context)
            if not key or not levels:
                raise SundplanError(
                    tr("Choose the key field and the level fields of the grouping table.")
                )
            rows = [[_null(f[c]) for c in [key, *levels]] for f in gsource.getFeatures()]
            grouping = pd.DataFrame(rows, columns=[key, *levels])
        elif self.parameterAsBoolean(parameters, "EMBEDDED_GROUPING", context):
            codes = set(reference.grouping_table()["kommunekode"])
            if any(density.normalise_code(i) in codes for i in ids):
                grouping = reference.grouping_table()
            else:
                feedback.pushInfo(tr("Area ids are not kommunekoder: no embedded roll-up."))
        progress(0.4, tr("Computing GP density"))
        result = density.run_density(
            practices=practices,
            area_ids=ids,
            area_names=polys["names"],
            area_geometries=polys["geometries"],
            population=population,
            age_table=age_table,
            weights=weights if age_cols else None,
            grouping=grouping,
            grouping_key=key,
            grouping_levels=levels,
            shortage_threshold=self.parameterAsDouble(parameters, "SHORTAGE_THRESHOLD", context),
            area_source=area_name,
        )
        for w in result.report["warnings"]:
            feedback.pushWarning(translate_message(w))
        result.report["inputs"] = {
            "areas": area_name,
            "population": pop_label,
            "practices": practice_info,
            "need_weighting_applied": bool(weights is not None and age_cols),
        }
        progress(0.8, tr("Writing outputs"))
        out = {}
        areas = translate_outside_grouping(result.areas).copy()
        geoms = list(polys["geometries"])
        areas["geometry"] = _objects(geoms + [None] * (len(areas) - len(geoms)))
        out["AREA_OUTPUT"] = dataframe_to_sink(
            self, areas, parameters, "AREA_OUTPUT", context, geometry="geometry", crs=crs
        )
        self.style_output(
            out["AREA_OUTPUT"],
            "gp_density",
            context,
            title=tr("GP density per area"),
            adapt=_styling.gp_density(
                self.parameterAsDouble(parameters, "SHORTAGE_THRESHOLD", context)
            ),
        )
        for key_out, frame in (
            ("GROUP_OUTPUT", translate_outside_grouping(result.groups)),
            ("SUMMARY", result.summary),
            ("LORENZ", result.lorenz),
        ):
            out[key_out] = dataframe_to_sink(self, frame, parameters, key_out, context)
        outside = result.outside.copy()
        outside["weights"] = need.weights_label(weights if age_cols else None)
        dest = dataframe_to_sink(
            self, outside, parameters, "OUTSIDE_PRACTICES", context, x="x", y="y", crs=crs
        )
        if dest:
            out["OUTSIDE_PRACTICES"] = dest
        out.update(self.write_report(result.report, parameters, context))
        progress(1.0, tr("Done"))
        return out
