"""Writing the outputs of the hospital tools (``catchments``, ``catchment_scenario``):
rasters, polygons and tables from the core results, styled, and the run report."""

from __future__ import annotations

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem

from ..sundplan_qgis import rasters
from ..sundplan_qgis.areas import object_array
from ..sundplan_qgis.catchment_tables import BAND_LABELS
from ..sundplan_qgis.catchments import CatchmentResult, RoutingInputs
from ..sundplan_qgis.scenario import ScenarioResult
from . import _styling
from ._i18n import tr
from ._outputs import labelled
from .base import SundplanAlgorithm


def write_catchments(
    alg: SundplanAlgorithm,
    result: CatchmentResult,
    routing: RoutingInputs,
    parameters: dict,
    context,
    feedback,
) -> dict:
    """Travel-time raster, catchment and band polygons, the area table and the run report."""
    feedback.setProgressText(tr("Writing outputs"))
    crs = QgsCoordinateReferenceSystem.fromWkt(routing.graph.crs_wkt)
    grid = result.grid
    out = {}
    tif = alg.parameterAsOutputLayer(parameters, "TRAVEL_TIME", context)
    values = result.surface_time_min  # NaN (not reached) is written as nodata
    rasters.write_geotiff(
        tif,
        values,
        grid,
        nodata=-9999.0,
        tags={"units": "minutes", "sundplan_provenance": alg.run_provenance},
        description=tr("Minutes to the nearest akutsygehus"),
        cells=result.surface_cells,
    )
    out["TRAVEL_TIME"] = tif
    alg.style_output(
        tif,
        "travel_time",
        context,
        title=tr("Travel time (minutes)"),
        adapt=_styling.travel_time_raster(result.bands_min),
    )

    catch = result.catchments.copy()
    catch["geometry"] = object_array(
        [result.catchment_polygons.get(i) for i in catch["hospital_index"]]
    )
    catch = catch.drop(columns="hospital_index")  # hospital_id: the user's id, unchanged
    catch["mean_min"] = catch["mean_min"].round(2)
    catch["max_min"] = catch["max_min"].round(2)
    out["CATCHMENTS"] = alg.write_frame(
        catch, "CATCHMENTS", parameters, context, geometry="geometry", crs=crs
    )
    alg.style_output(
        out["CATCHMENTS"],
        "catchments",
        context,
        title=tr("Catchments"),
        adapt=_styling.catchments(),
    )

    bands = result.bands.copy()
    bands["geometry"] = object_array([result.band_polygons.get(i) for i in bands["band_id"]])
    bands["to_min"] = bands["to_min"].replace(np.inf, np.nan)  # "> last" and not reached
    out["BAND_POLYGONS"] = alg.write_frame(
        labelled(bands, {"band": BAND_LABELS}),
        "BAND_POLYGONS",
        parameters,
        context,
        geometry="geometry",
        crs=crs,
    )
    alg.style_output(
        out["BAND_POLYGONS"],
        "travel_time_bands",
        context,
        title=tr("Travel-time bands"),
        adapt=_styling.band_polygons(),
    )

    if result.areas is not None and parameters.get("AREA_SUMMARY") is not None:
        areas = result.areas.copy()
        areas["area_id"] = areas["area_id"].astype(str).where(areas["area_id"].notna(), None)
        for c in areas.columns:
            if c.endswith("_min") and areas[c].dtype.kind == "f":
                areas[c] = areas[c].round(2)
        geoms = list(routing.areas.geometries)
        areas["geometry"] = object_array(geoms + [None] * (len(areas) - len(geoms)))
        out["AREA_SUMMARY"] = alg.write_frame(
            labelled(areas),
            "AREA_SUMMARY",
            parameters,
            context,
            geometry="geometry",
            crs=crs,
        )
        alg.style_output(
            out["AREA_SUMMARY"],
            "area_summary",
            context,
            title=tr("Summary per area"),
            adapt=_styling.reached_aliases(),
        )
    out.update(alg.write_report(result.report, parameters, context))
    return out


def write_scenario(
    alg: SundplanAlgorithm, result: ScenarioResult, parameters: dict, context
) -> dict:
    """Change raster, change per area, the population changing hospital and the run report."""
    out = {}
    tif = alg.parameterAsOutputLayer(parameters, "CHANGE_RASTER", context)
    change = np.where(np.isfinite(result.change_min), result.change_min, -9999.0)
    rasters.write_geotiff(
        tif,
        change,
        result.baseline.grid,
        nodata=-9999.0,
        tags={"units": "minutes (scenario - baseline)", "sundplan_provenance": alg.run_provenance},
        description=tr("Change in minutes (scenario − baseline)"),
        cells=result.baseline.surface_cells,
    )
    out["CHANGE_RASTER"] = tif
    alg.style_output(tif, "travel_time_change", context, title=tr("Change in travel time"))
    if result.area_changes is not None and parameters.get("AREA_CHANGES") is not None:
        ac = result.area_changes.copy()
        ac["area_id"] = ac["area_id"].astype(str).where(ac["area_id"].notna(), None)
        rounded = [c for c in ac.columns if "share" not in c and ac[c].dtype.kind == "f"]
        ac[rounded] = ac[rounded].round(3)  # minutes and persons; shares keep their digits
        out["AREA_CHANGES"] = alg.write_frame(labelled(ac), "AREA_CHANGES", parameters, context)
    out["SWITCHES"] = alg.write_frame(labelled(result.switches), "SWITCHES", parameters, context)
    out.update(alg.write_report(result.report, parameters, context))
    return out
