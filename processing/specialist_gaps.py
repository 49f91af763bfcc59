"""``sundplan:specialist_gaps``: specialist-practice capacity against a need-based distribution.

Thin wrapper: QGIS inputs -> plain pandas frames -> ``sundplan_qgis.gaps.specialist_gaps``;
tables (and area polygons / relocation lines) out. The optional network part reuses the
catchments engine (``run_catchments``) with one specialty's practices as the "hospitals".

Network part, per area and specialty (the ACCESS table): ``pop_beyond`` = reached residents
whose drive time to the nearest practice of the specialty exceeds the limit (``> limit``, as the
bands of ``sundplan_qgis.catchments``); ``share_beyond = pop_beyond / population_reached`` (of
reached residents). Residents the network cannot place have no travel time at all and are
counted apart (the coverage vocabulary of ``sundplan_qgis.coverage``): ``pop_unsnapped`` (no road
within the snapping distance), ``pop_unreachable`` (by a road whose network part holds no
practice of the specialty) and ``share_not_reached``; the log warns when more than
NOT_REACHED_WARNING_PCT is not reached. A specialty without any practice: everyone is beyond
(``pop_beyond`` = the areas' population; the not-reached columns NULL: nothing was placed).

Areas outside the grouping (ids not in the grouping table, e.g. Christiansø 0411) form one row
"outside the grouping" (``sundplan_qgis.reference.units_of``, the rule of every roll-up),
compared with nothing. Relocation centres lie inside their area or unit
(``sundplan_qgis.reference.inside_point``).
"""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..sundplan_qgis.errors import SundplanError
from . import _inputs, _styling
from ._network_alg import NetworkAlgorithmBase
from .base import dataframe_to_sink, tr, translate_message
from .gp_density import translate_outside_grouping

GROUPINGS = (
    (None, "None: the areas themselves"),
    ("region", "Regions (5, until 2026), by kommunekode"),
    ("region_2027", "Regions from 2027 (4), by kommunekode"),
    ("sundhedsraad", "Sundhedsråd (17), by kommunekode"),
    ("sundhedsfaellesskab", "Sundhedsfællesskaber (21, 2019 proposal), by kommunekode"),
    ("table", "A grouping table (area id -> unit)"),
)
WEIGHT_MODES = (
    "Default need weights per specialty (shipped, documented)",
    "Unweighted population",
    "A weight table (CSV: specialty, age_group, sex, weight)",
)


def _value(v):
    """QGIS NULL -> None."""
    if v is None or (hasattr(v, "isNull") and v.isNull()):
        return None
    return v


class SpecialistGapsAlgorithm(NetworkAlgorithmBase):
    """Speciallægedækning mod behovsbaseret fordeling."""

    _name = "specialist_gaps"
    _display_name = "Specialist-practice gaps against need (Speciallægedækning mod behov)"
    _group_id = "capacity"
    _requires = ("numpy", "scipy", "pandas", "shapely")
    _tags = (
        "speciallæge",
        "speciallægepraksis",
        "ydernummer",
        "behov",
        "need",
        "specialist",
        "gap",
        "Gini",
        "dissimilarity",
        "relocation",
    )
    _help = (
        "Compares, per specialty and area, today's specialist capacity (ydernumre) with a "
        "need-based fair share, and shows what it would take to close the gap.<br><br>"
        "<b>Inputs</b>: specialist practices as points (specialty field; capacity field, "
        "default 1 per practice) or a table of capacity per area and specialty; areas with "
        "population by age and sex (columns m_0_4, k_0_4 … m_85_plus, k_85_plus, or a "
        "'population' column), as polygons or a table; optionally a grouping into regions, "
        "sundhedsråd (embedded, by kommunekode) or your own grouping table; need weights per "
        "specialty (shipped defaults, none, or your CSV); the reference total per specialty: "
        "today's capacity (default) or a planned total ('Dermato-venerologi=60; "
        "Reumatologi=50'). Specialty names may be Danish, English or common aliases "
        "(hudlæge, øjenlæge, ENT …).<br><br>"
        "<b>Method</b>: need-weighted population = Σ persons × weight, scaled so its total "
        "equals the total population. Fair share = reference total × the area's share of "
        "need. Gap = capacity − fair share; ratio = capacity / fair share; classes under- / "
        "over-supplied at your thresholds (default 0.8 and 1.25). Per specialty: the highest "
        "to lowest capacity per 100 000 need-weighted inhabitants, a Gini coefficient of "
        "capacity against need, and the index of dissimilarity (the share of capacity that "
        "would have to move) with the number of capacities it means. The relocation plan is "
        "a transport problem solved with scipy/HiGHS: moves from over- to under-supplied "
        "areas reaching the fair shares with the least capacity × km between area centres; "
        "with today's total it moves exactly dissimilarity × capacity. A planned total adds "
        "'new' (or 'withdraw') rows for the difference.<br><br>"
        "<b>Optional network part</b>: with a road network and resident locations (raster or "
        "points), the population beyond a travel time (default 60 minutes) from the nearest "
        "practice of each specialty, per area, as a share of reached residents. Residents with "
        "no road within the snap distance (pop_unsnapped) or by a road that leads to no practice "
        "of the specialty (pop_unreachable) are counted apart (share_not_reached), and the log "
        "warns when more than the warning share (default 1 %) is not reached.<br><br>"
        "Practices outside all areas are reported and not counted; areas without population "
        "get fair share 0. Areas whose id is not in the grouping (Christiansø, 0411, is in no "
        "region) form the row 'outside the grouping': shown, but without a fair share and left "
        "out of Gini, dissimilarity, classes and relocations. Capacities must be numbers ≥ 0, "
        "and not 0 everywhere. Relocation centres lie inside their area (population-weighted "
        "for grouping units). Defaults and sources: resources/data/README.md."
    )

    # ------------------------------------------------------------------ parameters
    def define_parameters(self, config=None) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "PRACTICES",
                tr("Specialist practices (points)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "SPECIALTY_FIELD",
                tr("Specialty field of the practices"),
                parentLayerParameterName="PRACTICES",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "CAPACITY_FIELD",
                tr("Capacity field (full-time ydernumre; empty = 1 per practice)"),
                parentLayerParameterName="PRACTICES",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "CAPACITY_TABLE",
                tr("…or a capacity table per area and specialty"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        for key, label in (
            ("CAPACITY_AREA_FIELD", tr("Area id field of the capacity table")),
            ("CAPACITY_SPECIALTY_FIELD", tr("Specialty field of the capacity table")),
            ("CAPACITY_VALUE_FIELD", tr("Capacity field of the capacity table")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    key, label, parentLayerParameterName="CAPACITY_TABLE", optional=True
                )
            )
        self.add_area_parameters(
            tr("Areas with population by age and sex (polygons or a table)"),
            optional=False,
            tables=True,
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "GROUPING",
                tr("Report for larger units"),
                options=[tr(label) for _key, label in GROUPINGS],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "GROUPING_TABLE",
                tr("Grouping table (for 'a grouping table')"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        for key, label in (
            ("GROUPING_KEY_FIELD", tr("Grouping table: area id field")),
            ("GROUPING_UNIT_FIELD", tr("Grouping table: unit field")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    key, label, parentLayerParameterName="GROUPING_TABLE", optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterEnum(
                "WEIGHTS",
                tr("Need weights"),
                options=[tr(m) for m in WEIGHT_MODES],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                "WEIGHTS_TABLE",
                tr("Weight table (CSV)"),
                optional=True,
                fileFilter=tr("CSV files") + " (*.csv *.txt)",
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SPECIALTIES",
                tr("Only these specialties (separated by ';', empty = all found)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "PLANNED_TOTALS",
                tr("Planned totals (specialty=number; …; empty = today's national capacity)"),
                optional=True,
            )
        )
        for key, label, default in (
            ("UNDER_RATIO", tr("Under-supplied below capacity / fair share"), 0.8),
            ("OVER_RATIO", tr("Over-supplied above capacity / fair share"), 1.25),
        ):
            self.addParameter(
                QgsProcessingParameterNumber(
                    key, label, QgsProcessingParameterNumber.Double, default, minValue=0.0
                )
            )
        # Optional network part -----------------------------------------------------
        self.add_network_parameters()
        self.addParameter(
            QgsProcessingParameterNumber(
                "TIME_LIMIT_MIN",
                tr("Network part: travel time limit (minutes)"),
                QgsProcessingParameterNumber.Double,
                60.0,
                minValue=0.1,
            )
        )
        self.add_residents_parameters(
            raster_label=tr("Network part: residents (population raster)"),
            layer_label=tr("Network part: …or residents as points/polygons"),
            field_label=tr("Network part: population field"),
        )
        self.add_snapping_parameters()
        if self.parameterDefinition("NOT_REACHED_WARNING_PCT") is None:
            self.add_not_reached_parameter()
        # Outputs ---------------------------------------------------------------------
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Gaps per area and specialty"), QgsProcessing.TypeVectorAnyGeometry
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "SUMMARY", tr("Summary per specialty"), QgsProcessing.TypeVector
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "RELOCATIONS",
                tr("Relocation plan (moves between area centres)"),
                QgsProcessing.TypeVectorAnyGeometry,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "ACCESS",
                tr("Population beyond the time limit per area and specialty (network part)"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=False,
            )
        )
        self.add_report_output(optional=True)

    # ------------------------------------------------------------------ reading
    def _areas(self, parameters, context) -> dict:
        import pandas as pd

        from ..sundplan_qgis import need

        source = self.parameterAsSource(parameters, "AREAS", context)
        if source is None:
            raise SundplanError(tr("Choose the areas with population (a layer or table)."))
        name = self._layer_name(parameters, "AREAS", context)
        id_field = self.parameterAsString(parameters, "AREA_ID_FIELD", context) or None
        name_field = self.parameterAsString(parameters, "AREA_NAME_FIELD", context) or None
        fields = source.fields().names()
        pop_cols = list(need.age_sex_columns(fields))
        if "population" in fields:
            pop_cols.append("population")
        if not pop_cols:
            raise SundplanError(
                tr(
                    "The areas '{layer}' have no population columns: give age/sex columns "
                    "(m_0_4, k_0_4 … m_85_plus, k_85_plus) or a 'population' field. Fields "
                    "found: {fields}."
                ).format(layer=name, fields=", ".join(fields))
            )
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.PolygonGeometry
        crs = source.sourceCrs()
        if polygons and (not crs.isValid() or crs.isGeographic()):
            crs = QgsCoordinateReferenceSystem(_inputs.EPSG_25832)
        if polygons:
            polys = _inputs.read_polygons(
                source,
                layer_name=name,
                target_crs=crs,
                context=context,
                id_field=id_field,
                name_field=name_field,
                fields=tuple(pop_cols),
            )
            ids, names, geoms = polys["ids"], polys["names"], polys["geometries"]
            values = {c: polys[c] for c in pop_cols}
        else:
            for f in (id_field, name_field):
                if f and f not in fields:
                    raise SundplanError(
                        tr("The table '{layer}' has no field '{field}'.").format(
                            layer=name, field=f
                        )
                    )
            ids, names, geoms, values = [], [], None, {c: [] for c in pop_cols}
            for feat in source.getFeatures():
                ids.append(feat[id_field] if id_field else feat.id())
                names.append(str(feat[name_field]) if name_field else str(ids[-1]))
                for c in pop_cols:
                    values[c].append(feat[c])
            if not ids:
                raise SundplanError(tr("The area table '{layer}' is empty.").format(layer=name))
        ids = [str(_value(i)) for i in ids]
        frame = pd.DataFrame(
            {"area_id": ids, "area_name": names}
            | {c: [_value(v) for v in vals] for c, vals in values.items()}
        )
        for c in pop_cols:
            frame[c] = pd.to_numeric(frame[c], errors="coerce")
        if "population" in frame.columns and len(pop_cols) > 1:
            frame = frame.drop(columns="population")  # age/sex columns are the population
        dupes = frame["area_id"][frame["area_id"].duplicated()].unique()
        if len(dupes):
            raise SundplanError(
                tr(
                    "The areas '{layer}' have duplicate ids: {ids}. Choose an id field with one "
                    "value per area."
                ).format(layer=name, ids=", ".join(dupes[:10]))
            )
        return {"frame": frame, "geometries": geoms, "crs": crs, "name": name}

    def _grouping(self, parameters, context) -> tuple[str | None, dict | None]:
        from ..sundplan_qgis import gaps

        key, _label = GROUPINGS[self.parameterAsEnum(parameters, "GROUPING", context)]
        if key is None:
            return None, None
        if key != "table":
            return key, gaps.reference_grouping(key)
        source = self.parameterAsSource(parameters, "GROUPING_TABLE", context)
        key_field = self.parameterAsString(parameters, "GROUPING_KEY_FIELD", context)
        unit_field = self.parameterAsString(parameters, "GROUPING_UNIT_FIELD", context)
        if source is None or not key_field or not unit_field:
            raise SundplanError(
                tr(
                    "Grouping by a table needs the grouping table and its area id and unit "
                    "fields."
                )
            )
        mapping = {}
        for feat in source.getFeatures():
            k, u = _value(feat[key_field]), _value(feat[unit_field])
            if k is not None and u is not None:
                mapping[str(k).strip()] = str(u)
        return "table", mapping

    def _capacity(self, parameters, context, areas) -> tuple:
        """Capacity rows (area_id, specialty, capacity) at the level of the input areas."""
        import pandas as pd

        from ..sundplan_qgis import gaps
        from ..sundplan_qgis.catchments import assign_areas_by_point

        practices = self.parameterAsSource(parameters, "PRACTICES", context)
        table = self.parameterAsSource(parameters, "CAPACITY_TABLE", context)
        outside = []
        points = None
        if practices is not None:
            name = self._layer_name(parameters, "PRACTICES", context)
            spec_field = self.parameterAsString(parameters, "SPECIALTY_FIELD", context)
            cap_field = self.parameterAsString(parameters, "CAPACITY_FIELD", context) or None
            if not spec_field:
                raise SundplanError(tr("Choose the specialty field of the practices."))
            if areas["geometries"] is None:
                raise SundplanError(
                    tr(
                        "Practices as points need polygon areas to be placed in. Give the "
                        "areas as polygons, or give a capacity table per area instead."
                    )
                )
            pts = _inputs.read_points(
                practices,
                layer_name=name,
                target_crs=areas["crs"],
                context=context,
                fields=tuple(f for f in (spec_field, cap_field) if f),
            )
            specs = gaps.normalise_specialties(
                [_value(v) for v in pts[spec_field]], source_name=f"{name}: {spec_field}"
            )
            if cap_field:
                caps = gaps.practice_capacities(
                    [_value(v) for v in pts[cap_field]],
                    ids=pts["ids"],
                    layer=name,
                    field=cap_field,
                )
            else:
                caps = np.ones(len(specs))
            where = assign_areas_by_point(pts["xy"], areas["geometries"])
            ids = areas["frame"]["area_id"].to_numpy()
            for i in np.flatnonzero(where < 0):
                outside.append(
                    {
                        "feature_id": int(pts["ids"][i]),
                        "specialty": specs[i],
                        "capacity": float(caps[i]),
                        "x": round(float(pts["xy"][i, 0]), 1),
                        "y": round(float(pts["xy"][i, 1]), 1),
                    }
                )
            inside = where >= 0
            rows = pd.DataFrame(
                {
                    "area_id": ids[where[inside]],
                    "specialty": np.array(specs, dtype=object)[inside],
                    "capacity": caps[inside],
                }
            )
            points = {"xy": pts["xy"], "specialty": np.array(specs, dtype=object)}
            return rows, outside, points, "base"
        if table is not None:
            name = self._layer_name(parameters, "CAPACITY_TABLE", context)
            keys = [
                self.parameterAsString(parameters, k, context)
                for k in ("CAPACITY_AREA_FIELD", "CAPACITY_SPECIALTY_FIELD", "CAPACITY_VALUE_FIELD")
            ]
            if not all(keys):
                raise SundplanError(
                    tr("The capacity table needs its area id, specialty and capacity fields.")
                )
            a, s, c = [], [], []
            for feat in table.getFeatures():
                a.append(str(_value(feat[keys[0]])))
                s.append(_value(feat[keys[1]]))
                c.append(_value(feat[keys[2]]))
            specs = gaps.normalise_specialties(s, source_name=f"{name}: {keys[1]}")
            rows = pd.DataFrame({"area_id": a, "specialty": specs, "capacity": c})
            return rows, outside, None, "table"
        raise SundplanError(
            tr("Give the specialist practices (points) or a capacity table per area.")
        )

    # ------------------------------------------------------------------ running
    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..sundplan_qgis import gaps, reference

        progress = self.progress(feedback)
        progress(0.02, tr("Reading areas and population"))
        areas = self._areas(parameters, context)
        level, mapping = self._grouping(parameters, context)
        progress(0.1, tr("Reading specialist capacity"))
        cap_rows, outside, points, cap_level = self._capacity(parameters, context, areas)

        mode = self.parameterAsEnum(parameters, "WEIGHTS", context)
        if mode == 0:
            weights = gaps.load_specialist_weights()
        elif mode == 1:
            weights = None
        else:
            path = self.parameterAsFile(parameters, "WEIGHTS_TABLE", context)
            if not path:
                raise SundplanError(tr("Choose the weight table (CSV), or another weight mode."))
            weights = gaps.load_specialist_weights(path)
        only = [
            s.strip()
            for s in (self.parameterAsString(parameters, "SPECIALTIES", context) or "").split(";")
            if s.strip()
        ]
        only = gaps.normalise_specialties(only, source_name="specialties") if only else None
        planned = gaps.parse_planned_totals(
            self.parameterAsString(parameters, "PLANNED_TOTALS", context) or ""
        )
        if only:
            cap_rows = cap_rows[cap_rows["specialty"].isin(only)]

        # Grouping: population, capacity and geometry per unit --------------------------
        base = areas["frame"]
        geoms = areas["geometries"]
        centres = None
        if geoms is not None:
            centres = np.array([reference.inside_point(g) for g in geoms])
        if mapping is not None:
            population = gaps.group_areas(base, mapping, source_name=areas["name"])
            units = gaps.unit_of_areas(base["area_id"], mapping)
            unit_of = dict(zip(base["area_id"], units, strict=True))
            if cap_level == "base" or set(cap_rows["area_id"]) <= set(base["area_id"]):
                cap_rows = cap_rows.assign(area_id=cap_rows["area_id"].map(unit_of))
            if geoms is not None:
                centres, geoms = _unit_geometry(base, geoms, centres, unit_of, population)
        else:
            population = base
        progress(0.3, tr("Need-weighted population, fair shares and gaps"))
        result = gaps.specialist_gaps(
            capacity=cap_rows,
            population=population,
            weights=weights,
            reference_totals=planned,
            centres_xy=centres,
            under_ratio=self.parameterAsDouble(parameters, "UNDER_RATIO", context),
            over_ratio=self.parameterAsDouble(parameters, "OVER_RATIO", context),
            only_specialties=only,
        )
        report = result.report
        report["weights"] = (
            {"label": weights.attrs.get("label"), "rows": len(weights)}
            if weights is not None
            else {"label": "none (unweighted population)"}
        )
        report["grouping"] = level or "none"
        if outside:
            by_spec = pd.DataFrame(outside).groupby("specialty")["capacity"].agg(["count", "sum"])
            report["practices_outside_all_areas"] = {
                "count": len(outside),
                "capacity_by_specialty": {k: float(v) for k, v in by_spec["sum"].items()},
                "practices": outside[:50],
                "note": "not counted in any area nor in today's national capacity",
            }
            feedback.reportError(
                tr(
                    "{n} practice(s) lie outside all areas and are not counted (feature ids "
                    "{ids}). See the report."
                ).format(n=len(outside), ids=", ".join(str(o["feature_id"]) for o in outside[:20])),
                False,
            )
        for w in report["warnings"]:
            feedback.pushWarning(translate_message(w))
        n_out = int(population.get("outside_grouping", pd.Series(dtype=bool)).sum())
        if n_out:
            outs = [a for a, u in unit_of.items() if u == gaps.CLASS_OUTSIDE]
            feedback.pushWarning(
                tr(
                    "{n} area(s) are not in the grouping ({areas}): they form the row 'outside "
                    "the grouping', shown without a fair share and left out of the comparison."
                ).format(n=len(outs), areas=", ".join(map(str, outs[:10])))
            )
            report["areas_outside_grouping"] = outs

        # Network part --------------------------------------------------------------------
        access = None
        if (
            self.parameterAsFile(parameters, "NETWORK_FILE", context)
            or self.parameterAsSource(parameters, "NETWORK_LAYER", context) is not None
        ):
            access = self._network_part(
                parameters, context, feedback, areas, points, mapping, result, progress
            )
            report["network_part"] = access[1]
            if access[2] is not None:
                report["coverage"] = access[2]
            access = access[0]

        # Outputs -------------------------------------------------------------------------
        progress(0.9, tr("Writing outputs"))
        out = {}
        tab = result.areas.copy()
        crs = areas["crs"] if geoms is not None else None
        if geoms is not None:
            gmap = dict(zip(population["area_id"].astype(str), geoms, strict=True))
            tab["geometry"] = _objects([gmap.get(a) for a in tab["area_id"]])
        out["OUTPUT"] = dataframe_to_sink(
            self,
            translate_outside_grouping(tab),
            parameters,
            "OUTPUT",
            context,
            geometry="geometry" if geoms is not None else None,
            crs=crs,
            feedback=feedback,
        )
        self.style_output(
            out["OUTPUT"],
            "specialist_gaps",
            context,
            title=tr("Specialist gaps"),
            adapt=_styling.specialist_gaps(
                self.parameterAsDouble(parameters, "UNDER_RATIO", context),
                self.parameterAsDouble(parameters, "OVER_RATIO", context),
            ),
        )
        out["SUMMARY"] = dataframe_to_sink(
            self, result.summary, parameters, "SUMMARY", context, feedback=feedback
        )
        self.style_output(out["SUMMARY"], None, context, title=tr("Summary per specialty"))
        reloc = result.relocations.copy()
        if centres is not None:
            from shapely.geometry import LineString

            cmap = dict(zip(population["area_id"].astype(str), map(tuple, centres), strict=True))
            reloc["geometry"] = _objects(
                [
                    LineString([cmap[f], cmap[t]]) if f in cmap and t in cmap else None
                    for f, t in zip(reloc["from_area_id"], reloc["to_area_id"], strict=True)
                ]
            )
        out["RELOCATIONS"] = dataframe_to_sink(
            self,
            reloc,
            parameters,
            "RELOCATIONS",
            context,
            geometry="geometry" if centres is not None and len(reloc) else None,
            crs=crs,
            feedback=feedback,
        )
        self.style_output(
            out["RELOCATIONS"],
            "specialist_relocations" if centres is not None else None,
            context,
            title=tr("Relocation plan"),
        )
        if access is not None and parameters.get("ACCESS") not in (None, ""):
            out["ACCESS"] = dataframe_to_sink(
                self,
                translate_outside_grouping(access),
                parameters,
                "ACCESS",
                context,
                feedback=feedback,
            )
        if parameters.get("REPORT") not in (None, ""):
            out.update(self.write_report(report, parameters, context))
        progress(1.0, "")
        return out

    def _network_part(self, parameters, context, feedback, areas, points, mapping, result, prog):
        """Population beyond the time limit from the nearest practice of each specialty."""
        import pandas as pd

        from ..sundplan_qgis import coverage, gaps
        from ..sundplan_qgis.catchments import run_catchments

        coverages: dict[str, dict] = {}
        if points is None or areas["geometries"] is None:
            raise SundplanError(
                tr("The network part needs the practices as points and the areas as polygons.")
            )
        limit = self.parameterAsDouble(parameters, "TIME_LIMIT_MIN", context)
        inputs = self.read_inputs(parameters, context, feedback, bands_min=[limit])
        if inputs["areas"] is None:
            raise SundplanError(tr("The network part needs polygon areas."))
        xy = _inputs_transform(points["xy"], areas["crs"], inputs["crs"], context)
        specs = sorted(set(result.areas["specialty"]))
        frames, info = [], {"time_limit_min": limit, "specialties": {}}
        column = [c for c in ("pop_over_" + _field(limit) + "_min",)][0]
        for k, spec in enumerate(specs):
            prog(0.4 + 0.45 * k / max(len(specs), 1), tr("Travel times: {s}").format(s=spec))
            sel = np.flatnonzero(points["specialty"] == spec)
            base_ids = list(areas["frame"]["area_id"])
            if sel.size == 0:
                tab = pd.DataFrame({"area_id": base_ids})
                tab["population"] = np.nan
                tab["pop_beyond"] = np.nan
                tab["pop_unsnapped"] = np.nan
                tab["pop_unreachable"] = np.nan
                info["specialties"][spec] = "no practices: everyone is beyond the limit"
            else:
                res = run_catchments(
                    inputs["graph"],
                    hospital_xy=xy[sel],
                    hospital_names=[f"{spec} {i}" for i in range(sel.size)],
                    population=inputs["population"],
                    areas=inputs["areas"],
                    bands_min=[limit],
                    max_snap_m=inputs["max_snap_m"],
                    access_speed_kmh=inputs["access_speed_kmh"],
                    cell_size_m=inputs["cell_size_m"],
                    polygons=False,
                )
                a = res.areas[res.areas["area_id"].notna()].copy()
                a["area_id"] = a["area_id"].astype(str)
                tab = pd.DataFrame(
                    {
                        "area_id": a["area_id"],
                        "population": a["population"],
                        "pop_beyond": a[column],
                        "pop_unsnapped": a["pop_unsnapped"],
                        "pop_unreachable": a["pop_unreachable"],
                    }
                )
                info["specialties"][spec] = {"practices": int(sel.size)}
                # outside every area: in the run's coverage, not in any area row
                outside = res.areas[res.areas["area_id"].isna()]
                out_unsnapped = float(outside["pop_unsnapped"].sum())
                out_unreachable = float(outside["pop_unreachable"].sum())
                coverages[spec] = coverage.summary(
                    total=float(res.areas["population"].sum()),
                    unsnapped=float(a["pop_unsnapped"].sum()) + out_unsnapped,
                    unreachable=float(a["pop_unreachable"].sum()) + out_unreachable,
                )
            if mapping is not None:
                tab["area_id"] = gaps.unit_of_areas(tab["area_id"], mapping)
                tab = tab.groupby("area_id", as_index=False, sort=False).sum(min_count=1)
            tab.insert(1, "specialty", spec)
            if sel.size == 0:
                pops = result.areas[result.areas["specialty"] == spec].set_index("area_id")
                tab["population"] = tab["area_id"].map(pops["population"])
                tab["pop_beyond"] = tab["population"]
                tab["population_reached"] = tab["population"]
            else:
                tab["population_reached"] = (
                    tab["population"] - tab["pop_unsnapped"] - tab["pop_unreachable"]
                )
            coverage.add_share_not_reached(tab)
            if sel.size == 0:
                tab["share_not_reached"] = np.nan  # nothing was placed on the network
            with np.errstate(divide="ignore", invalid="ignore"):
                tab["share_beyond"] = np.where(
                    tab["population_reached"] > 0,
                    tab["pop_beyond"] / tab["population_reached"],
                    np.nan,
                )
            tab["time_limit_min"] = limit
            frames.append(tab)
        info["definition"] = (
            "pop_beyond = reached residents whose drive time to the nearest practice of the "
            "specialty exceeds the limit; share_beyond = pop_beyond / population_reached (of "
            "reached residents). Not reached, counted apart and not as beyond: pop_unsnapped "
            "(no road within the snapping distance) and pop_unreachable (by a road whose network "
            "part holds no practice of the specialty), share_not_reached = their sum / "
            "population. A specialty without practices: everyone is beyond"
        )
        access = pd.concat(frames, ignore_index=True)
        names = dict(zip(result.areas["area_id"], result.areas["area_name"], strict=False))
        access.insert(1, "area_name", access["area_id"].map(names))
        info["coverage_by_specialty"] = coverages
        section = None
        if coverages:
            worst = max(
                coverages,
                key=lambda k: np.nan_to_num(coverages[k]["share_not_reached"], nan=-1.0),
            )
            rows = access[access["specialty"] == worst]
            section = self.warn_not_reached(
                parameters, context, feedback, coverage=coverages[worst], areas=rows
            )
            section["specialty"] = worst
        return access, info, section


def _field(v: float) -> str:
    from ..sundplan_qgis.catchments import _field as f

    return f(v)


def _inputs_transform(xy, src_crs, dst_crs, context):
    from qgis.core import QgsPointXY

    ct = _inputs._transform(src_crs, dst_crs, context)
    if ct is None:
        return xy
    out = np.empty_like(xy)
    for i, (x, y) in enumerate(xy):
        p = ct.transform(QgsPointXY(x, y))
        out[i] = (p.x(), p.y())
    return out


def _objects(values: list) -> np.ndarray:
    arr = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        arr[i] = v
    return arr


def _unit_geometry(base, geoms, centres, unit_of, population):
    """Dissolved polygons per unit and their centres: the population-weighted centre of the
    member areas' centres when it lies inside the unit, else the nearest point inside
    (:func:`sundplan_qgis.reference.weighted_inside_point`; a region's centre never lies in
    the sea between its islands)."""
    from shapely.ops import unary_union

    from ..sundplan_qgis import need, reference

    cols = list(need.age_sex_columns(base.columns)) or ["population"]
    weight = base[cols].sum(axis=1).to_numpy(dtype=float)
    units = list(population["area_id"])
    out_c, out_g = [], []
    for u in units:
        idx = [i for i, a in enumerate(base["area_id"]) if unit_of[a] == u]
        geom = unary_union([geoms[i] for i in idx])
        out_c.append(reference.weighted_inside_point(geom, centres[idx], weight[idx]))
        out_g.append(geom)
    return np.array(out_c, dtype=float), out_g
