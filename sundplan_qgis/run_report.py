"""The run report of every tool as plain text (the ``.txt`` beside the JSON report).

Not to be confused with ``page_text``, the text of the map-report pages.

In English the text shows the report's keys as they are (the JSON's vocabulary). With a
translation (``translate``, from the Processing layer) the title, the keys the tools write
(:data:`KEY_LABELS`), the code values (:data:`VALUE_LABELS`) and every message value are
written in the UI language; keys of data (hospital and specialty names, parameter names,
package names) are shown as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .errors import Message, msg
from .page_text.formatting import swap_separators

TITLE = msg("Sundplan run report")

#: Labels of the keys the tools write in their reports (the .txt in another language).
KEY_LABELS: dict[str, Message] = {
    "access_speed_kmh": msg("access speed (km/h)"),
    "added": msg("added"),
    "added_hospitals": msg("added hospitals"),
    "age_group": msg("age group"),
    "algorithm": msg("algorithm"),
    "allocation": msg("allocation"),
    "area": msg("area"),
    "areas": msg("areas"),
    "areas_outside_grouping": msg("areas outside the grouping"),
    "band_rule": msg("band rule"),
    "bands_min": msg("time bands (min)"),
    "base_year": msg("base year"),
    "baseline": msg("baseline"),
    "baseline_run": msg("baseline run"),
    "batch_size": msg("batch size"),
    "batches": msg("batches"),
    "best_need_gps_per_10000": msg("best need-adjusted GPs per 10 000"),
    "best_unit": msg("best unit"),
    "build_s": msg("building (s)"),
    "capacity": msg("capacity"),
    "capacity_by_specialty": msg("capacity by specialty"),
    "capacity_field": msg("capacity field"),
    "capacity_of_practices_reaching_demand": msg("capacity of practices reaching demand"),
    "capacity_outside_areas": msg("capacity outside all areas"),
    "capacity_outside_grouping": msg("capacity outside the grouping"),
    "capacity_reaching_nobody": msg("capacity reaching nobody"),
    "capacity_source": msg("capacity source"),
    "capacity_to_add": msg("capacity to add"),
    "capacity_to_remove": msg("capacity to remove"),
    "capacity_today": msg("capacity today"),
    "capacity_total": msg("total capacity"),
    "catchment_area_km2": msg("catchment area (km²)"),
    "cell_size": msg("cell size (m)"),
    "cells_computed": msg("cells computed"),
    "centre_x": msg("centre x"),
    "centre_y": msg("centre y"),
    "change_needed": msg("change needed"),
    "class": msg("class"),
    "closed": msg("closed"),
    "closed_hospitals": msg("closed hospitals"),
    "columns": msg("columns"),
    "component": msg("component"),
    "components": msg("components"),
    "conservation": msg("conservation"),
    "count": msg("count"),
    "coverage": msg("coverage"),
    "coverage_by_specialty": msg("coverage by specialty"),
    "definition": msg("definition"),
    "demand": msg("demand"),
    "demand_total": msg("total demand"),
    "detected": msg("detected"),
    "detour_factor": msg("detour factor"),
    "contracted": msg("shape points contracted (searches on the junctions)"),
    "directed_edges": msg("directed edges"),
    "disconnected_parts": msg("disconnected parts"),
    "dissimilarity_index": msg("dissimilarity index"),
    "distinct_practice_nodes": msg("distinct practice nodes"),
    "duration": msg("duration"),
    "fair_share": msg("fair share"),
    "feature_id": msg("feature id"),
    "fields": msg("fields"),
    "filter": msg("filter"),
    "gap": msg("gap"),
    "gini": msg("Gini coefficient"),
    "gini_capacity_vs_need": msg("Gini coefficient, capacity against need"),
    "gp_capacity": msg("GP capacity"),
    "gps_per_10000": msg("GPs per 10 000"),
    "grouping": msg("grouping"),
    "grouping_levels": msg("grouping levels"),
    "height": msg("height (cells)"),
    "hospital": msg("hospital"),
    "hospital_id": msg("hospital id"),
    "hospital_ids": msg("hospital ids"),
    "hospitals": msg("hospitals"),
    "include_ferries": msg("include ferries"),
    "cache": msg("graph cache"),
    "cache_key": msg("graph cache key"),
    "inhabitants_per_gp": msg("inhabitants per GP"),
    "inputs": msg("inputs"),
    "kind": msg("kind"),
    "known": msg("known"),
    "kommuner": msg("kommuner"),
    "label": msg("label"),
    "land_area_km2": msg("land area (km²)"),
    "land_mask": msg("land mask"),
    "land_parts": msg("land parts"),
    "language": msg("language"),
    "layer": msg("layer"),
    "level": msg("level"),
    "levels": msg("levels"),
    "lines": msg("lines"),
    "locate_s": msg("locating (s)"),
    "locations": msg("locations"),
    "locations_by_status": msg("locations by status"),
    "locations_off_land": msg("locations off land"),
    "low_access_per_10000": msg("low access (per 10 000)"),
    "max_snap_m": msg("maximum snap distance (m)"),
    "mean_access_covers": msg("mean access covers"),
    "mean_change_covers": msg("mean change covers"),
    "method": msg("method"),
    "n": msg("number"),
    "n_balanced": msg("number balanced"),
    "n_over_supplied": msg("number over-supplied"),
    "n_shortage": msg("number with a GP shortage"),
    "n_under_supplied": msg("number under-supplied"),
    "n_units": msg("number of units"),
    "name": msg("name"),
    "nearest_road_m": msg("nearest road (m)"),
    "need_change_pct": msg("change of need (%)"),
    "need_gps_per_10000": msg("need-adjusted GPs per 10 000"),
    "need_index": msg("need index"),
    "need_population": msg("need-weighted population"),
    "need_population_total": msg("need-weighted population, total"),
    "need_weighted": msg("need-weighted residents"),
    "need_weighted_population": msg("need-weighted population"),
    "need_weighting_applied": msg("need weighting applied"),
    "need_weights": msg("need weights"),
    "network": msg("road network"),
    "network_part": msg("network part"),
    "node_order": msg("node order"),
    "nodes": msg("nodes"),
    "nodes_reaching_a_hospital": msg("nodes reaching a hospital"),
    "nodes_settled_total": msg("nodes settled, total"),
    "not_reached": msg("residents not reached"),
    "note": msg("note"),
    "notes": msg("notes"),
    "of_run": msg("of the run"),
    "oneway": msg("one-way"),
    "output": msg("output"),
    "over_ratio": msg("over-supply ratio"),
    "page": msg("page"),
    "pages": msg("pages"),
    "pairs": msg("pairs"),
    "pairs_kept_in": msg("pairs kept in"),
    "pairs_within_threshold": msg("pairs within the threshold"),
    "parameters": msg("parameters"),
    "parts": msg("parts"),
    "parts_without_hospital": msg("parts without a hospital"),
    "planned": msg("planned"),
    "platform": msg("platform"),
    "polygons_along_all_roads": msg("polygons along all roads"),
    "polygons_along_residential_roads": msg("polygons along residential roads"),
    "polygons_s": msg("polygons (s)"),
    "polygons_without_roads_areal": msg("polygons without roads (areal)"),
    "population": msg("population"),
    "population_changing_hospital": msg("population changing hospital"),
    "population_in_shortage": msg("population in areas with a GP shortage"),
    "population_newly_reached": msg("population newly reached"),
    "population_newly_unreached": msg("population newly not reached"),
    "population_not_located": msg("population not located"),
    "population_not_reached_in_both": msg("population not reached in both runs"),
    "population_off_land": msg("population off land"),
    "population_outside_grouping": msg("population outside the grouping"),
    "population_served": msg("population served"),
    "population_source": msg("population source"),
    "population_table": msg("population table"),
    "population_total": msg("total population"),
    "population_weighted_mean_access_per_10000": msg(
        "population-weighted mean access (per 10 000)"
    ),
    "population_weighted_mean_change_min": msg("population-weighted mean change (min)"),
    "population_with_longer_trip": msg("population with a longer trip"),
    "population_with_shorter_trip": msg("population with a shorter trip"),
    "practice": msg("practice"),
    "practices": msg("practices"),
    "practices_outside_all_areas": msg("practices outside all areas"),
    "practices_outside_areas": msg("practices outside all areas"),
    "practices_unsnapped": msg("practices not on the network"),
    "printed": msg("printed on the pages"),
    "provenance": msg("provenance"),
    "rank_rule": msg("rank rule"),
    "reached": msg("reached"),
    "reaching_no_demand": msg("reaching no demand"),
    "read_and_build_s": msg("reading and building (s)"),
    "read_s": msg("reading (s)"),
    "reason": msg("reason"),
    "reference": msg("reference"),
    "reference_totals": msg("reference totals"),
    "relative_difference": msg("relative difference"),
    "relocation": msg("relocation"),
    "residents": msg("residents"),
    "residents_75_plus": msg("residents aged 75+"),
    "residents_by_it": msg("residents by it"),
    "road_class_weights_per_m": msg("road class weights (per m)"),
    "road_km": msg("road length (km)"),
    "rounding": msg("rounding"),
    "rows": msg("rows"),
    "rule": msg("rule"),
    "sample_spacing_m": msg("sample spacing (m)"),
    "scenario": msg("scenario"),
    "scenario_run": msg("scenario run"),
    "search_directed_edges": msg("directed edges searched"),
    "search_nodes": msg("nodes searched (junctions; shape points read off their roads)"),
    "sex": msg("sex"),
    "sha256": msg("SHA-256"),
    "share_not_reached": msg("share not reached"),
    "shortage_rule": msg("shortage rule"),
    "shortage_threshold": msg("shortage threshold"),
    "shortage_threshold_source": msg("source of the shortage threshold"),
    "shortest_paths": msg("shortest paths"),
    "snap": msg("snapping"),
    "snap_distance_m": msg("snap distance (m)"),
    "solve_s": msg("solving (s)"),
    "source": msg("source"),
    "specialties": msg("specialties"),
    "specialty": msg("specialty"),
    "speed": msg("speed"),
    "speed_kmh": msg("speed (km/h)"),
    "speeds_kmh": msg("speeds (km/h)"),
    "spread_difference": msg("spread, difference"),
    "spread_ratio_best_worst": msg("spread, ratio best to worst"),
    "statistics": msg("statistics"),
    "statistics_cover": msg("statistics cover"),
    "sum_access_x_demand": msg("sum of access × demand"),
    "sum_fair_share_base": msg("sum of fair shares, base year"),
    "sum_fair_share_target": msg("sum of fair shares, target year"),
    "summaries_s": msg("summaries (s)"),
    "summary": msg("summary"),
    "surface_grid": msg("surface grid"),
    "table": msg("table"),
    "target_year": msg("target year"),
    "text": msg("text"),
    "threshold_rule": msg("threshold rule"),
    "thresholds": msg("thresholds"),
    "tie_rule": msg("tie rule"),
    "time_limit_min": msg("time limit (min)"),
    "time_method": msg("time method"),
    "timestamp_utc": msg("time (UTC)"),
    "timings_s": msg("timings (s)"),
    "total": msg("total"),
    "travel_times": msg("travel times"),
    "two_step": msg("two-step"),
    "under_ratio": msg("under-supply ratio"),
    "unit": msg("unit"),
    "units": msg("units"),
    "units_without_capacity_data": msg("units without capacity data"),
    "unreachable": msg("unreachable"),
    "unreachable_reason": msg("why unreachable"),
    "unsnapped": msg("not on the network"),
    "unsnapped_reason": msg("why not on the network"),
    "used": msg("used"),
    "value": msg("value"),
    "version": msg("version"),
    "versions": msg("versions"),
    "warning_threshold_pct": msg("warning threshold (%)"),
    "warnings": msg("warnings"),
    "weight": msg("weight"),
    "weights": msg("need weights"),
    "weights_used": msg("weights used"),
    "width": msg("width (cells)"),
    "workers": msg("worker processes"),
    "worst_areas": msg("worst areas"),
    "worst_need_gps_per_10000": msg("worst need-adjusted GPs per 10 000"),
    "worst_unit": msg("worst unit"),
    # location_allocation
    "aggregation": msg("aggregation"),
    "beyond_snap_distance": msg("beyond the snap distance"),
    "candidates": msg("candidate sites"),
    "demand_beyond_limit_after": msg("demand beyond the time limit, after"),
    "demand_beyond_limit_before": msg("demand beyond the time limit, before"),
    "demand_s": msg("demand (s)"),
    "demand_within_limit_after": msg("demand within the time limit, after"),
    "demand_within_limit_before": msg("demand within the time limit, before"),
    "existing_sites": msg("existing sites"),
    "gain": msg("gain"),
    "grid_spacing_m": msg("grid spacing (m)"),
    "k": msg("number of new sites (k)"),
    "max_exact_nonzeros": msg("exact solver up to (nonzeros)"),
    "mean_time_min_after": msg("mean travel time after (min)"),
    "mean_time_min_before": msg("mean travel time before (min)"),
    "method_text": msg("method used"),
    "mip_gap": msg("optimality gap"),
    "model": msg("model"),
    "nonzeros": msg("nonzeros"),
    "objective": msg("objective"),
    "objective_check": msg("objective (solver's own value)"),
    "objective_label": msg("objective, in words"),
    "on_network": msg("on the road network"),
    "optimal": msg("proven optimal"),
    "pairs_within_limit": msg("pairs within the time limit"),
    "residents_total": msg("residents in total"),
    "result": msg("result"),
    "searches": msg("shortest-path searches"),
    "solver": msg("solver"),
    "status": msg("status"),
    "time_limit_rule": msg("time limit rule"),
    "time_limit_s": msg("time limit (s)"),
    "travel_times_s": msg("travel times (s)"),
    "road_nodes": msg("demand units (road nodes)"),
    "value_after": msg("objective after"),
    "value_before": msg("objective before"),
    "variables": msg("variables"),
    "year": msg("year"),
    "years": msg("years"),
    "sections": msg("sections"),
    "travel": msg("travel time"),
    "gp_density": msg("GP density"),
    "fca": msg("2SFCA access"),
    "specialists": msg("specialist gaps"),
    "input": msg("input"),
    "matched": msg("rows matched"),
    "today": msg("today"),
    "not_computed": msg("not computed"),
    "p90_rule": msg("90th percentile"),
}

#: Labels of code values the tools write as plain text (codes stay codes in the JSON).
VALUE_LABELS: dict[str, Message] = {
    "all": msg("all"),
    "none": msg("none"),
    "ok": msg("ok"),
    "network": msg("network"),
    "general": msg("general"),
    "specialty": msg("specialty"),
    "baseline": msg("baseline"),
    "scenario": msg("scenario"),
    "unsnapped": msg("not on the network"),
    "unreachable": msg("unreachable"),
    "no practice in its network part": msg("no practice in its network part"),
    "reaches no demand": msg("reaches no demand"),
    "True": msg("yes"),
    "False": msg("no"),
    "None": msg("(none)"),
    "area": msg("area"),
    "national": msg("the whole country"),
    "region_2027": msg("region from 2027"),
}

Translate = Callable[[Any], str]


def report_as_text(
    report: dict, *, translate: Translate | None = None, decimal_comma: bool = False
) -> str:
    """A plain-language rendering of a run report.

    Without ``translate``: English keys and values as in the JSON (numbers ``1,234.56``).
    With ``translate`` (``processing._i18n.translate_message``): the title, known keys, code
    values and messages in the UI language; ``decimal_comma`` writes numbers ``1.234,56``.
    """
    title = str(TITLE) if translate is None else translate(TITLE)
    lines = [title, "=" * len(title), ""]

    def fmt(v) -> str:
        if isinstance(v, float):
            text = f"{v:,.2f}" if abs(v) < 1e6 else f"{v:,.0f}"
            return swap_separators(text) if decimal_comma else text
        if translate is None:
            return str(v)
        if isinstance(v, Message):
            return translate(v)
        if (v is None or isinstance(v, bool | str)) and str(v) in VALUE_LABELS:
            return translate(VALUE_LABELS[str(v)])
        return str(v)

    def key(k) -> str:
        if translate is None:
            return str(k)
        label = (KEY_LABELS.get(k) or VALUE_LABELS.get(k)) if isinstance(k, str) else None
        if label is None and isinstance(k, Message):
            label = k
        return str(k) if label is None else translate(label)

    def walk(obj, indent=0, names=False):
        pad = "  " * indent
        if isinstance(obj, dict):
            for k, v in obj.items():
                shown = str(k) if names else key(k)
                if isinstance(v, dict | list):
                    lines.append(f"{pad}{shown}:")
                    walk(v, indent + 1, k in _NAME_SECTIONS)
                else:
                    lines.append(f"{pad}{shown}: {fmt(v)}")
        elif isinstance(obj, list):
            for v in obj:
                if isinstance(v, dict):
                    lines.append(
                        f"{pad}- " + ", ".join(f"{key(k)}: {fmt(x)}" for k, x in v.items())
                    )
                else:
                    lines.append(f"{pad}- {fmt(v)}")

    walk(report)
    return "\n".join(lines) + "\n"


_NAME_SECTIONS = frozenset({"versions", "speeds_kmh"})
"""Sections whose keys are names (packages, road classes), never labelled; the provenance's
parameter names are upper case and so never found in :data:`KEY_LABELS`."""
