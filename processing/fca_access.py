"""``sundplan:fca_access``: 2SFCA / E2SFCA / Gaussian accessibility to practices.

Thin wrapper around ``sundplan_qgis.fca``. The road network parameters and their reading
are those of the catchments algorithms (the ``NetworkParameters`` mixin).
"""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..sundplan_qgis.errors import SundplanError
from . import _inputs, _styling
from ._network_alg import NetworkParameters
from .base import SundplanAlgorithm, dataframe_to_sink, tr
from .gp_density import PracticeParameters, _null, _objects

METHOD_KEYS = ("2sfca", "e2sfca", "gaussian")


class FcaAccessAlgorithm(PracticeParameters, NetworkParameters, SundplanAlgorithm):
    """Tilgængelighed til praksis (2SFCA)."""

    _name = "fca_access"
    _display_name = "Access to practices, 2SFCA (Tilgængelighed til praksis)"
    _group_id = "capacity"
    _requires = ("numpy", "scipy", "pandas", "pyproj", "rasterio", "shapely")
    _tags = (
        "2SFCA",
        "E2SFCA",
        "floating catchment",
        "tilgængelighed",
        "almen praksis",
        "speciallæge",
    )
    _help = (
        "Spatial accessibility to practices with the two-step floating catchment area family: "
        "how many GPs (or specialists) residents can reach within the catchment threshold, "
        "competing with everyone else who can reach them.<br><br>"
        "<b>Method</b>: step 1, each practice's ratio R = capacity / (weighted) demand within "
        "the threshold; step 2, each location's accessibility = sum of the (weighted) ratios of "
        "the practices it reaches, shown as GPs per 10 000 residents. Variants: 2SFCA (step, "
        "Luo & Wang 2003), E2SFCA (zones in thirds of the threshold with weights 1.00 / 0.68 / "
        "0.22, Luo & Qi 2009), Gaussian decay (Dai 2010). The threshold is inclusive: a home "
        "exactly at the threshold is inside. Travel times run home → practice over the road "
        "network (homes and practices snapped to the nearest road within the maximum snap "
        "distance, access legs at the access speed). Without a network, tick the straight-line "
        "fallback: distance × detour factor (default 1.4: KL 2016, 20 km by road vs 14 km "
        "straight line) at 60 km/h; every output says which was used.<br>"
        "<b>Demand</b>: a population raster or points/polygons, optionally need-weighted with "
        "the age/sex columns of the areas. <b>Supply</b>: practices with capacity; a specialty "
        "filter makes the same tool serve specialist practices.<br>"
        "<b>Outputs</b>: accessibility per demand location, per area (population-weighted mean "
        "of reached residents, share of residents below the low-access level, default 6.25 per "
        "10 000 = 1 GP per 1 600) and the supply-to-demand ratio per practice; a run report with "
        "conservation check (Σ accessibility × demand = capacity of practices reaching "
        "anyone).<br>"
        "<b>Residents not reached</b>: a home with no practice within the threshold has "
        "accessibility 0 (a result). A home with no road within the maximum snap distance "
        "(unsnapped) or by a road whose network part holds no practice (unreachable) is not "
        "placed on the network: no accessibility (NULL), left out of every mean, and counted per "
        "area in pop_unsnapped, pop_unreachable and share_not_reached; the log warns, naming the "
        "worst areas, when more than the warning share (default 1 %) is not reached. When no "
        "practice lies within the snap distance of a road, the run stops."
    )

    def define_parameters(self, config=None) -> None:
        self.add_practice_parameters(list_and_open=False)
        self.add_residents_parameters(
            raster_label=tr("Demand: population raster (persons per cell)"),
            layer_label=tr("…or population points/polygons"),
            field_label=tr("Population field"),
        )
        self.add_area_parameters(
            tr("Areas for the summary and need factors, e.g. kommuner (optional)")
        )
        self.add_need_parameters(default=0)
        self.addParameter(
            QgsProcessingParameterEnum(
                "METHOD",
                tr("Method"),
                options=[
                    tr("2SFCA (step)"),
                    tr("E2SFCA (weighted zones, Luo & Qi 2009)"),
                    tr("Gaussian decay"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "THRESHOLD_MIN",
                tr("Catchment threshold (minutes, inclusive)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=30.0,
            )
        )
        self._adv(
            QgsProcessingParameterString(
                "ZONE_BREAKS",
                tr("E2SFCA zone limits (minutes; empty = thirds of the threshold)"),
                optional=True,
            )
        )
        self._adv(
            QgsProcessingParameterString(
                "ZONE_WEIGHTS",
                tr("E2SFCA zone weights"),
                defaultValue="1.0,0.68,0.22",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "LOW_ACCESS",
                tr("Low access below (GPs per 10 000 residents)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=6.25,
                minValue=0.0,
            )
        )
        self.add_network_parameters()
        self.add_snapping_parameters()
        if self.parameterDefinition("NOT_REACHED_WARNING_PCT") is None:
            self.add_not_reached_parameter()
        self.addParameter(
            QgsProcessingParameterBoolean(
                "STRAIGHT_LINE",
                tr("No network: use the straight-line fallback (labelled)"),
                defaultValue=False,
            )
        )
        self._adv(
            QgsProcessingParameterNumber(
                "DETOUR_FACTOR",
                tr("Straight-line fallback: detour factor"),
                QgsProcessingParameterNumber.Double,
                defaultValue=1.4,
                minValue=1.0,
            )
        )
        self._adv(
            QgsProcessingParameterNumber(
                "FALLBACK_SPEED_KMH",
                tr("Straight-line fallback: speed (km/h)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=60.0,
                minValue=1.0,
            )
        )
        self._adv(
            QgsProcessingParameterNumber(
                "BATCH_SIZE",
                tr("Practices per shortest-path batch (memory ∝ batch × nodes)"),
                QgsProcessingParameterNumber.Integer,
                defaultValue=16,
                minValue=1,
                maxValue=256,
            )
        )
        self._adv(
            QgsProcessingParameterNumber(
                "WORKERS",
                tr(
                    "Parallel processes for the shortest paths (Linux/macOS fork; 1 = off, "
                    "0 = automatic: 1 in QGIS desktop, one per core in qgis_process/Python)"
                ),
                QgsProcessingParameterNumber.Integer,
                defaultValue=0,
                minValue=0,
                maxValue=64,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "ACCESS_POINTS",
                tr("Accessibility per demand location"),
                QgsProcessing.TypeVectorPoint,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "AREA_ACCESS",
                tr("Accessibility per area"),
                QgsProcessing.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "PRACTICE_RATIO",
                tr("Supply-to-demand ratio per practice"),
                QgsProcessing.TypeVectorPoint,
            )
        )
        self.add_report_output()

    # ------------------------------------------------------------------ network
    def _read_graph(self, parameters, context, feedback):
        """The road graph (None without a network: the straight-line fallback decides)."""
        graph, lines, report = self.read_network(parameters, context, feedback, required=False)
        if graph is None:
            return None, {}
        info = {
            "source": graph.source_name,
            "lines": int(lines.offsets.size - 1),
            "nodes": int(graph.n_nodes),
            "read_and_build_s": round(report["read_s"] + report["build_s"], 3),
        }
        return graph, info

    # ------------------------------------------------------------------ run
    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..sundplan_qgis import fca, need, rasters
        from ..sundplan_qgis.catchments import assign_areas_by_point

        progress = self.progress(feedback)
        method = METHOD_KEYS[self.parameterAsEnum(parameters, "METHOD", context)]
        threshold = self.parameterAsDouble(parameters, "THRESHOLD_MIN", context)

        def numbers(key):
            text = self.parameterAsString(parameters, key, context) or ""
            try:
                return [float(x) for x in text.replace(";", ",").split(",") if x.strip()]
            except ValueError as exc:
                raise SundplanError(
                    tr("{key}: '{text}' must be numbers separated by commas.").format(
                        key=key, text=text
                    )
                ) from exc

        decay = fca.make_decay(
            method,
            threshold,
            zone_breaks_min=numbers("ZONE_BREAKS") or None,
            zone_weights=numbers("ZONE_WEIGHTS") or None,
        )
        progress(0.0, tr("Reading the road network"))
        graph, net_info = self._read_graph(parameters, context, feedback)
        straight = self.parameterAsBoolean(parameters, "STRAIGHT_LINE", context)
        if graph is None and not straight:
            raise SundplanError(
                tr(
                    "No road network given. Choose a road network file or line layer, or tick "
                    "'No network: use the straight-line fallback' to use straight-line distance "
                    "× detour factor (labelled in the outputs)."
                )
            )
        if graph is not None:
            crs = QgsCoordinateReferenceSystem.fromWkt(graph.crs_wkt)
        else:
            crs = QgsCoordinateReferenceSystem("EPSG:25832")
        crs_wkt = crs.toWkt()
        progress(0.1, tr("Reading practices and demand"))
        practices, practice_info = self.read_practices(
            parameters, context, crs, list_and_open=False
        )

        # Demand ----------------------------------------------------------------------
        population = self.read_residents(
            parameters,
            context,
            crs=crs,
            cell_size_m=self.parameterAsDouble(parameters, "CELL_SIZE_M", context),
            required=False,
        )
        if population is None:
            raise SundplanError(
                tr("No demand given. Choose a population raster or a point/polygon layer.")
            )
        demand_xy = rasters.transform_xy(population.xy, src_wkt=population.crs_wkt, dst_wkt=crs_wkt)
        pop = population.population

        # Areas and need factors ------------------------------------------------------------
        area_source = self.parameterAsSource(parameters, "AREAS", context)
        weights = self.read_weights(parameters, context)
        area_index = np.full(pop.size, -1, dtype=np.int64)
        areas = None
        need_info = "none (unweighted population)"
        demand = pop.astype("float64")
        if area_source is not None:
            alayer = self.parameterAsVectorLayer(parameters, "AREAS", context)
            aname = alayer.name() if alayer else "AREAS"
            age_cols = need.age_sex_columns(area_source.fields().names())
            areas = _inputs.read_polygons(
                area_source,
                layer_name=aname,
                target_crs=crs,
                context=context,
                id_field=self.parameterAsString(parameters, "AREA_ID_FIELD", context) or None,
                name_field=self.parameterAsString(parameters, "AREA_NAME_FIELD", context) or None,
                fields=tuple(age_cols),
            )
            area_index = assign_areas_by_point(demand_xy, areas["geometries"])
            if weights is not None:
                if not age_cols:
                    raise SundplanError(
                        tr(
                            "Need weighting needs age/sex columns (m_0_4 … k_85_plus) on the area "
                            "layer '{layer}'."
                        ).format(layer=aname)
                    )
                table = pd.DataFrame({c: [_null(v) for v in areas[c]] for c in age_cols})
                labels = [f"'{n}'" for n in areas["names"]]
                weighted = need.need_weighted_population(
                    table, weights=weights, columns=age_cols, row_names=labels
                )
                heads = need.age_sex_total(table, age_cols)
                factor = np.where(heads > 0, weighted / heads.where(heads > 0, 1.0), 1.0)
                f_loc = np.where(area_index >= 0, factor[np.maximum(area_index, 0)], 1.0)
                demand = pop * f_loc
                need_info = need.weights_label(weights)
        elif weights is not None:
            raise SundplanError(
                tr("Need weighting needs an area layer with age/sex columns (m_0_4 … k_85_plus).")
            )

        # Travel times -------------------------------------------------------------------
        progress(0.2, tr("Travel times within the catchment"))
        stage = self.progress(feedback, start=0.2, end=0.85)
        if graph is not None:
            # One call: with several workers the pairs stay in the search processes.
            pairs, result = fca.network_fca(
                graph,
                demand_xy=demand_xy,
                supply_xy=practices.xy,
                demand=demand,
                capacity=practices.capacity,
                decay=decay,
                max_snap_m=self.parameterAsDouble(parameters, "MAX_SNAP_M", context),
                access_speed_kmh=self.parameterAsDouble(parameters, "ACCESS_SPEED_KMH", context),
                supply_names=practices.names,
                supply_source=practice_info["layer"],
                batch_size=self.parameterAsInt(parameters, "BATCH_SIZE", context),
                workers=self.parameterAsInt(parameters, "WORKERS", context),
                progress=stage,
            )
        else:
            pairs = fca.straight_line_pairs(
                demand_xy,
                practices.xy,
                threshold_min=threshold,
                detour_factor=self.parameterAsDouble(parameters, "DETOUR_FACTOR", context),
                speed_kmh=self.parameterAsDouble(parameters, "FALLBACK_SPEED_KMH", context),
                progress=stage,
            )
            feedback.pushWarning(
                tr("Straight-line fallback used: {label}.").format(label=pairs.time_method)
            )
            capacity = np.where(pairs.supply_status == fca.STATUS_OK, practices.capacity, 0.0)
            result = fca.two_step_fca(pairs, demand=demand, capacity=capacity, decay=decay)
        time_label = pairs.time_method
        low = self.parameterAsDouble(parameters, "LOW_ACCESS", context)
        off = np.flatnonzero(pairs.supply_status != fca.STATUS_OK)
        if off.size:
            feedback.pushWarning(
                tr(
                    "{n} practice(s) of '{layer}' lie farther than the maximum snap distance "
                    "from any road and are left out (capacity {capacity:g}): {names}. Check "
                    "their positions or raise the maximum snap distance."
                ).format(
                    n=off.size,
                    layer=practice_info["layer"],
                    capacity=float(practices.capacity[off].sum()),
                    names=", ".join(f"'{practices.names[j]}'" for j in off[:10]),
                )
            )

        # Outputs -------------------------------------------------------------------------
        progress(0.9, tr("Writing outputs"))
        out = {}
        labels = fca.STATUS_LABELS
        pts_df = pd.DataFrame(
            {
                "population": pop,
                "demand": demand,
                "access_per_10000": result.access * fca.PER,
                "n_practices_reachable": result.n_reachable.astype("int64"),
                "nearest_practice_min": result.nearest_min,
                "status": [labels[int(s)] for s in pairs.demand_status],
                "area_id": [
                    str(areas["ids"][k]) if areas is not None and k >= 0 else None
                    for k in area_index
                ],
                "x": demand_xy[:, 0],
                "y": demand_xy[:, 1],
            }
        )
        pts_df["method"] = decay.label()
        pts_df["time_method"] = time_label
        pts_df["weights"] = need_info
        dest = dataframe_to_sink(
            self, pts_df, parameters, "ACCESS_POINTS", context, x="x", y="y", crs=crs
        )
        if dest:
            out["ACCESS_POINTS"] = dest
            self.style_output(
                dest,
                "fca_access",
                context,
                title=tr("Accessibility (GPs per 10 000)"),
                adapt=_styling.fca_access(method, threshold),
            )
        area_tab = None
        if areas is not None:
            area_tab = fca.area_access(
                result.access,
                pop,
                area_index=area_index,
                area_ids=areas["ids"],
                area_names=areas["names"],
                low_access_per_10000=low,
                status=pairs.demand_status,
            )
            area_tab["low_access_per_10000"] = low
            area_tab["method"] = decay.label()
            area_tab["time_method"] = time_label
            area_tab["weights"] = need_info
            geoms = list(areas["geometries"])
            area_tab["geometry"] = _objects(geoms + [None] * (len(area_tab) - len(geoms)))
            dest = dataframe_to_sink(
                self, area_tab, parameters, "AREA_ACCESS", context, geometry="geometry", crs=crs
            )
            if dest:
                out["AREA_ACCESS"] = dest
                self.style_output(
                    dest,
                    "fca_access_areas",
                    context,
                    title=tr("Accessibility per area"),
                    adapt=_styling.fca_access(method, threshold),
                )
        prac = pd.DataFrame(
            {
                "practice": practices.names,
                "feature_id": [str(i) for i in practices.ids],
                "capacity": practices.capacity,
                "demand_reached": result.demand_reached,
                "ratio_per_10000": result.ratio * fca.PER,
                "residents_per_capacity": np.where(
                    result.ratio > 0, 1.0 / np.where(result.ratio > 0, result.ratio, 1), np.nan
                ),
                "status": [
                    labels[int(s)] if s != fca.STATUS_OK or np.isfinite(r) else "reaches no demand"
                    for s, r in zip(pairs.supply_status, result.ratio, strict=True)
                ],
                "x": practices.xy[:, 0],
                "y": practices.xy[:, 1],
            }
        )
        prac["method"] = decay.label()
        prac["time_method"] = time_label
        out["PRACTICE_RATIO"] = dataframe_to_sink(
            self, prac, parameters, "PRACTICE_RATIO", context, x="x", y="y", crs=crs
        )
        located = pairs.demand_status == fca.STATUS_OK
        coverage = self.warn_not_reached(
            parameters,
            context,
            feedback,
            coverage=fca.coverage_of(pop, pairs.demand_status),
            areas=area_tab,
        )
        report = {
            "method": decay.label(),
            "threshold_rule": "inclusive: a location exactly at the threshold is inside (1 ms tolerance)",
            "time_method": time_label,
            "network": net_info or None,
            "travel_times": pairs.report,
            "practices": {
                **practice_info,
                "n": len(practices.names),
                "capacity_total": float(practices.capacity.sum()),
                "unsnapped": int((pairs.supply_status != fca.STATUS_OK).sum()),
                "reaching_no_demand": int((~np.isfinite(result.ratio)).sum()),
            },
            "demand": {
                "source": population.source_name,
                "kind": population.kind,
                "locations": int(pop.size),
                "population_total": float(pop.sum()),
                "demand_total": float(demand.sum()),
                "population_not_located": float(pop[~located].sum()),
                "locations_by_status": {
                    labels[k]: int((pairs.demand_status == k).sum()) for k in labels
                },
                "mean_access_covers": "reached residents only (placed on the network)",
                "population_weighted_mean_access_per_10000": (
                    float(
                        np.nansum(result.access[located] * pop[located])
                        / pop[located].sum()
                        * fca.PER
                    )
                    if pop[located].sum() > 0
                    else None
                ),
            },
            "need_weights": need.weights_record(weights if areas is not None else None),
            "low_access_per_10000": low,
            "conservation": result.conservation,
            "pairs_within_threshold": int(result.n_reachable.sum()),
            "coverage": coverage,
        }
        out.update(self.write_report(report, parameters, context))
        progress(1.0, tr("Done"))
        return out
