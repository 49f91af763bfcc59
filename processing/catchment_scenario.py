"""``sundplan:catchment_scenario``: what changes when akutsygehuse close, move or open."""

from __future__ import annotations

import numpy as np

from ..sundplan_qgis.errors import SundplanError
from . import _inputs
from ._network_alg import NetworkAlgorithmBase, hospital_ids
from .base import dataframe_to_sink, tr


class CatchmentScenarioAlgorithm(NetworkAlgorithmBase):
    """Scenario: close, move or add akutsygehuse and compare with the baseline."""

    _name = "catchment_scenario"
    _display_name = "Hospital scenario: close, move or add akutsygehuse (Scenarie)"
    _group_id = "accessibility"
    _tags = ("akutsygehus", "scenario", "scenarie", "lukning", "closure", "optageområde")
    _help = (
        "Compares travel times to the nearest akutsygehus between a baseline hospital set and "
        "a scenario: close hospitals by name, add new points (a moved hospital = close the old "
        "one and add the new site). Answers questions such as 'what happens if Thisted closes "
        "its akutmodtagelse' in one run.<br><br>"
        "<b>Outputs</b>: a raster of the change in minutes per cell (scenario − baseline; "
        "positive = longer trip), a table per area with the change in mean, median, 90th "
        "percentile and max minutes (each of the residents reached in that run) and in "
        "population beyond each band, the residents not reached in each run (base_pop_unsnapped, "
        "pop_unsnapped, pop_unreachable, share_not_reached ...) and those reached in only one "
        "(pop_newly_not_reached, pop_newly_reached), a table of the population that changes "
        "hospital with the from → to pair and both hospitals' own ids ('(not reached)' when a "
        "run reaches no hospital), and a run report. The log warns when more than "
        "NOT_REACHED_WARNING_PCT % of the residents are not reached in the scenario.<br><br>"
        "The method, units and defaults are those of 'Travel time and catchments': both runs use "
        "the same network, population and grid, so every cell is compared one to one."
    )

    def define_parameters(self, config=None) -> None:
        self.add_hospital_parameters(scenario=True)
        self.add_network_parameters()
        self.add_population_parameters()
        self.add_output_parameters(scenario=True)

    def compute(self, parameters, context, feedback):
        from ..sundplan_qgis import rasters
        from ..sundplan_qgis.scenario import run_scenario

        inputs = self.read_inputs(parameters, context, feedback)
        base = self.read_hospitals(parameters, context, inputs["crs"])
        close_text = self.parameterAsString(parameters, "CLOSE", context) or ""
        close = [c.strip() for c in close_text.split(",") if c.strip()]
        closed_idx = set()
        for query in close:
            hits = _find(query, base["names"])
            if len(hits) != 1:
                raise SundplanError(
                    tr(
                        "Hospital to close '{query}' matches {n} hospitals ({hits}). Use a "
                        "unique part of the name. Hospitals in the baseline: {names}."
                    ).format(
                        query=query,
                        n=len(hits),
                        hits=", ".join(base["names"][i] for i in hits) or "-",
                        names="; ".join(base["names"]),
                    )
                )
            closed_idx.add(hits[0])
        keep = [i for i in range(len(base["names"])) if i not in closed_idx]
        xy = [base["xy"][i] for i in keep]
        names = [base["names"][i] for i in keep]
        ids = [base["hospital_ids"][i] for i in keep]
        add_source = self.parameterAsSource(parameters, "ADD_HOSPITALS", context)
        added_source = None
        if add_source is not None:
            add_layer = self._layer_name(parameters, "ADD_HOSPITALS", context)
            add_id_field = self.parameterAsString(parameters, "ADD_ID_FIELD", context) or None
            added = _inputs.read_points(
                add_source,
                layer_name=add_layer,
                target_crs=inputs["crs"],
                context=context,
                name_field=self.parameterAsString(parameters, "ADD_NAME_FIELD", context) or None,
                fields=(add_id_field,) if add_id_field else (),
            )
            added_ids, added_source = hospital_ids(added, add_id_field, add_layer)
            if not add_id_field:  # feature ids of another layer would clash with the baseline's
                added_ids = [f"new {i}" for i in added_ids]
            xy += list(added["xy"])
            names += [f"{n} ({tr('new')})" if n in names else n for n in added["names"]]
            ids += added_ids
        if not names:
            raise SundplanError(tr("The scenario closes every hospital: keep or add at least one."))
        if not close and add_source is None:
            feedback.pushWarning(tr("The scenario equals the baseline: nothing closed or added."))
        res = run_scenario(
            inputs["graph"],
            baseline_xy=base["xy"],
            baseline_names=base["names"],
            baseline_ids=base["hospital_ids"],
            scenario_xy=np.array(xy).reshape(-1, 2),
            scenario_names=names,
            scenario_ids=ids,
            population=inputs["population"],
            areas=inputs["areas"],
            bands_min=inputs["bands"],
            max_snap_m=inputs["max_snap_m"],
            access_speed_kmh=inputs["access_speed_kmh"],
            cell_size_m=inputs["cell_size_m"],
            progress=self.progress(feedback, start=0.35, end=0.9),
        )
        out = {}
        tif = self.parameterAsOutputLayer(parameters, "CHANGE_RASTER", context)
        change = np.where(np.isfinite(res.change_min), res.change_min, -9999.0)
        rasters.write_geotiff(
            tif,
            change,
            res.baseline.grid,
            nodata=-9999.0,
            tags={
                "units": "minutes (scenario - baseline)",
                "sundplan_provenance": self._provenance or "",
            },
            description=tr("Change in minutes (scenario − baseline)"),
            cells=res.baseline.surface_cells,
        )
        out["CHANGE_RASTER"] = tif
        self.style_output(tif, "travel_time_change", context, title=tr("Change in travel time"))
        if res.area_changes is not None and parameters.get("AREA_CHANGES") is not None:
            ac = res.area_changes.copy()
            ac["area_id"] = ac["area_id"].astype(str).where(ac["area_id"].notna(), None)
            rounded = [c for c in ac.columns if "share" not in c and ac[c].dtype.kind == "f"]
            ac[rounded] = ac[rounded].round(3)  # minutes and persons; shares keep their digits
            out["AREA_CHANGES"] = dataframe_to_sink(self, ac, parameters, "AREA_CHANGES", context)
        out["SWITCHES"] = dataframe_to_sink(self, res.switches, parameters, "SWITCHES", context)
        scen_run = res.report["scenario"]
        self.coverage_report(scen_run, res.scenario.areas, parameters, context, feedback)
        report = {
            "scenario": {
                "closed": close,
                "added": names[len(keep) :],
                "closed_hospitals": [
                    {"hospital_id": base["hospital_ids"][i], "hospital": base["names"][i]}
                    for i in sorted(closed_idx)
                ],
                "added_hospitals": [
                    {"hospital_id": i, "hospital": n}
                    for i, n in zip(ids[len(keep) :], names[len(keep) :], strict=True)
                ],
                **{k: v for k, v in res.report.items() if k not in ("baseline", "scenario")},
            },
            "coverage": {
                **scen_run["coverage"],
                "of_run": "scenario",
                "baseline": res.report["baseline"]["coverage"],
            },
            "hospital_ids": {"baseline": base["id_source"], "added": added_source},
            "baseline_run": res.report["baseline"],
            "scenario_run": scen_run,
        }
        land = res.report["baseline"].get("land_mask") or {}
        if "note" in land:
            land["note"] = scen_run["land_mask"]["note"]
        report["baseline_run"]["network"].update(inputs["network_report"])
        out.update(self.write_report(report, parameters, context))
        feedback.pushInfo(
            tr("{pop:,.0f} residents change hospital; {longer:,.0f} get a longer trip.").format(
                pop=res.report["population_changing_hospital"],
                longer=res.report["population_with_longer_trip"],
            )
        )
        return out


def _find(query: str, names: list[str]) -> list[int]:
    """Indices of the names matching ``query``: an exact (case-insensitive) match wins,
    else every name containing it ("Thisted" finds "Aalborg Universitetshospital, Thisted")."""
    q = query.casefold()
    exact = [i for i, n in enumerate(names) if n.casefold() == q]
    return exact or [i for i, n in enumerate(names) if q in n.casefold()]
