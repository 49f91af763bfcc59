"""``sundplan:catchments``: travel time and optageområder to the akutsygehuse.

Thin wrapper: parameters in, ``sundplan_qgis.catchments.run_catchments``, outputs and styles
out. Shared input handling lives in ``_network_alg`` so the scenario algorithm reuses it.
"""

from __future__ import annotations

from ._network_alg import NetworkAlgorithmBase


class CatchmentsAlgorithm(NetworkAlgorithmBase):
    """Rejsetid og optageområder til akutsygehuse."""

    _name = "catchments"
    _display_name = "Travel time and catchments to akutsygehuse (Rejsetid og optageområder)"
    _group_id = "accessibility"
    _tags = ("akutsygehus", "optageområde", "rejsetid", "catchment", "isochrone", "travel time")
    _help = (
        "Computes, for every resident, the drive time in minutes to the nearest active "
        "akutsygehus over the road network, which hospital's optageområde (catchment) they "
        "belong to, and summaries per kommune or any area layer.<br><br>"
        "<b>Method</b>: the road network becomes a directed graph (every vertex a node, one-way "
        "streets respected from home to hospital, ferries with their duration or a default "
        "speed plus boarding time). One multi-source Dijkstra search runs from all hospitals "
        "on the reversed graph (scipy.sparse.csgraph). Population locations (raster cell "
        "centres or points) are snapped to the nearest reachable road within the maximum snap "
        "distance; the straight access leg is driven at the access speed. With areas, land = "
        "the union of the areas: a resident snaps only to roads on the same island (land "
        "part), and the raster and polygons are clipped to the land; without areas no land "
        "mask is used. Equal times go to the "
        "hospital listed first. Bands are closed on the right: exactly 15.0 minutes is in "
        "0–15.<br><br>"
        "<b>Defaults</b>: the 21 akutsygehuse embedded in the plugin (Sundhedsdatastyrelsen "
        "SOR); Danish speed defaults per road class (Færdselsloven §42: 50 km/h in towns, 80 "
        "outside, 130 on motorways; see docs/speeds.md); bands 15, 30, 45, 60 minutes; snap "
        "distance 1 000 m; access speed 30 km/h.<br><br>"
        "<b>Outputs</b>: a travel-time raster (minutes, nodata where unreachable or off land), "
        "catchment polygons with the hospital's own id, population and mean/max minutes, "
        "time-band polygons with population and a 'not reached' class, an area table "
        "(population, mean, median, 90th percentile and max minutes, population and share "
        "beyond each band, the main hospital, pop_unsnapped, pop_unreachable and "
        "share_not_reached) and a run report (JSON and text) with parameters, versions, "
        "network size, coverage and what could not be snapped and why. Mean, median, 90th "
        "percentile and max minutes are of reached residents; residents not reached are "
        "counted apart, and the log warns when more than NOT_REACHED_WARNING_PCT % are not "
        "reached. Population is conserved: bands + not reached = input total.<br><br>"
        "<b>Hospital ids</b>: HOSPITAL_ID_FIELD (default: hospital_id of the embedded "
        "akutsygehuse; for your own layer without it, the feature id) is carried unchanged "
        "into the outputs and the report."
    )

    def define_parameters(self, config=None) -> None:
        self.add_hospital_parameters(scenario=False)
        self.add_network_parameters()
        self.add_population_parameters()
        self.add_output_parameters(scenario=False)

    def compute(self, parameters, context, feedback):
        from ..sundplan_qgis.catchments import run_catchments

        inputs = self.read_inputs(parameters, context, feedback)
        hospitals = self.read_hospitals(parameters, context, inputs["crs"], prefix="")
        result = run_catchments(
            inputs["graph"],
            hospital_xy=hospitals["xy"],
            hospital_names=hospitals["names"],
            population=inputs["population"],
            areas=inputs["areas"],
            bands_min=inputs["bands"],
            max_snap_m=inputs["max_snap_m"],
            access_speed_kmh=inputs["access_speed_kmh"],
            cell_size_m=inputs["cell_size_m"],
            progress=self.progress(feedback, start=0.35, end=0.9),
            hospital_ids=hospitals["hospital_ids"],
        )
        result.report["network"].update(inputs["network_report"])
        result.report["hospital_ids"] = hospitals["id_source"]
        self.coverage_report(result.report, result.areas, parameters, context, feedback)
        return self.write_catchment_outputs(result, parameters, context, feedback, inputs)
