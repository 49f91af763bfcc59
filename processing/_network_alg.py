"""Shared parameters, input reading and output writing of the network algorithms
(``catchments``, ``catchment_scenario``)."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..sundplan_qgis.errors import SundplanError
from . import _inputs, _styling
from .base import SundplanAlgorithm, dataframe_to_sink, tr, translate_message

NETWORK_EXTENSIONS = "osm.pbf pbf osm osm.bz2 gpkg shp geojson fgb"


class NetworkParameters:
    """Mixin: the road-network parameters and reading them into a graph, shared by every
    algorithm that routes (catchments, scenario, 2SFCA, specialist reach)."""

    def _adv(self, param):
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(param)

    def add_network_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterFile(
                "NETWORK_FILE",
                tr("Road network file (.osm.pbf, .osm, .osm.bz2, GeoPackage, shapefile)"),
                optional=True,
                fileFilter=tr("Road networks")
                + " (*.osm.pbf *.pbf *.osm *.osm.bz2 *.gpkg *.shp *.geojson *.fgb)",
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "NETWORK_LAYER",
                tr("…or a road network line layer"),
                [QgsProcessing.TypeVectorLine],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterExtent(
                "DOWNLOAD_EXTENT",
                tr(
                    "…or download the network for this extent with osmnx "
                    "(needs internet; cached)"
                ),
                optional=True,
            )
        )
        self._adv(
            QgsProcessingParameterFile(
                "DOWNLOAD_CACHE",
                tr("Download cache folder (osmnx answers from it when the extent repeats)"),
                behavior=QgsProcessingParameterFile.Folder,
                defaultValue=_default_osm_cache(),
                optional=True,
            )
        )
        for key, label in (
            ("SPEED_FIELD", tr("Speed field (km/h) of the line layer")),
            ("ONEWAY_FIELD", tr("One-way field (yes/1/true, -1/reverse) of the line layer")),
            ("CLASS_FIELD", tr("Road class field (OSM highway values) of the line layer")),
            ("DURATION_FIELD", tr("Ferry crossing time field (minutes) of the line layer")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    key, label, parentLayerParameterName="NETWORK_LAYER", optional=True
                )
            )
        from ..sundplan_qgis import network

        defaults = []
        for cls, kmh in network.DEFAULT_SPEEDS_KMH.items():
            defaults += [cls, kmh]
        self._adv(
            QgsProcessingParameterMatrix(
                "SPEED_TABLE",
                tr("Speed per road class (km/h) where the network has no speed"),
                headers=[tr("Road class"), tr("km/h")],
                defaultValue=defaults,
                optional=True,
            )
        )
        self._adv(
            QgsProcessingParameterNumber(
                "REALISM_FACTOR",
                tr("Realism factor (effective speed = speed × factor)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=1.0,
                minValue=0.05,
                maxValue=2.0,
            )
        )
        self._adv(
            QgsProcessingParameterBoolean(
                "INCLUDE_FERRIES", tr("Include ferries (route=ferry)"), defaultValue=True
            )
        )
        self._adv(
            QgsProcessingParameterNumber(
                "FERRY_BOARDING_MIN",
                tr("Ferry boarding time (minutes, added once per crossing)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=network.DEFAULT_FERRY_BOARDING_MIN,
                minValue=0.0,
            )
        )

    def read_network(self, parameters, context, feedback, *, required: bool = True):
        """The routable graph from NETWORK_FILE, NETWORK_LAYER or DOWNLOAD_EXTENT (in that
        order): (graph, lines, report). With ``required=False`` and no network given:
        (None, None, {})."""
        from ..sundplan_qgis import network

        t0 = time.perf_counter()
        feedback.setProgressText(tr("Reading the road network"))
        net_file = self.parameterAsFile(parameters, "NETWORK_FILE", context)
        net_source = self.parameterAsSource(parameters, "NETWORK_LAYER", context)
        include_ferries = self.parameterAsBoolean(parameters, "INCLUDE_FERRIES", context)
        fields = {
            k.lower(): self.parameterAsString(parameters, k, context) or None
            for k in ("SPEED_FIELD", "ONEWAY_FIELD", "CLASS_FIELD", "DURATION_FIELD")
        }
        reading = self.progress(feedback, start=0.0, end=0.1)  # checks cancel, too
        if net_file:
            if not Path(net_file).is_file():
                raise SundplanError(
                    tr("The road network file '{path}' does not exist.").format(path=net_file)
                )
            low = net_file.lower()
            if low.endswith((".pbf", ".osm", ".osm.bz2", ".bz2")):
                lines = network.read_osm(
                    net_file, include_ferries=include_ferries, progress=reading
                )
            else:
                lines = network.read_lines_ogr(
                    net_file,
                    speed_field=fields["speed_field"],
                    oneway_field=fields["oneway_field"],
                    class_field=fields["class_field"],
                    duration_field=fields["duration_field"],
                    progress=reading,
                )
        elif net_source is not None:
            layer = self.parameterAsVectorLayer(parameters, "NETWORK_LAYER", context)
            name = layer.name() if layer is not None else "NETWORK_LAYER"
            file_layer = _inputs.ogr_file_of(layer)
            if file_layer is not None:
                lines = network.read_lines_ogr(
                    file_layer[0],
                    layer=file_layer[1],
                    speed_field=fields["speed_field"],
                    oneway_field=fields["oneway_field"],
                    class_field=fields["class_field"],
                    duration_field=fields["duration_field"],
                    progress=reading,
                )
            else:
                lines = _inputs.lines_from_source(
                    net_source,
                    layer_name=name,
                    speed_field=fields["speed_field"],
                    oneway_field=fields["oneway_field"],
                    class_field=fields["class_field"],
                    duration_field=fields["duration_field"],
                    feedback=feedback,
                )
        elif _has_value(parameters, "DOWNLOAD_EXTENT"):
            lines = self._download_network(parameters, context, feedback, include_ferries)
        elif not required:
            return None, None, {}
        else:
            raise SundplanError(
                tr(
                    "No road network given. Choose a road network file (.osm.pbf, .osm, "
                    "GeoPackage), a line layer, or an extent to download the network for "
                    "with osmnx (needs internet); `sundplan:sample_data` writes a sample one."
                )
            )
        lines.validate()
        t_read = time.perf_counter() - t0
        feedback.setProgress(15)
        if feedback.isCanceled():
            raise SundplanError(tr("Cancelled by the user."))
        feedback.setProgressText(tr("Building the routable graph"))
        speeds = _speed_table(self.parameterAsMatrix(parameters, "SPEED_TABLE", context))
        graph = network.build_graph(
            lines,
            speeds_kmh=speeds,
            realism_factor=self.parameterAsDouble(parameters, "REALISM_FACTOR", context),
            include_ferries=include_ferries,
            ferry_boarding_min=self.parameterAsDouble(parameters, "FERRY_BOARDING_MIN", context),
        )
        t_build = time.perf_counter() - t0 - t_read
        feedback.pushInfo(
            tr(
                "Road network '{name}': {lines:,} lines, {nodes:,} nodes, {edges:,} directed "
                "edges, {comp} connected parts (read {tr:.1f} s, graph {tb:.1f} s)."
            ).format(
                name=graph.source_name,
                lines=int(lines.offsets.size - 1),
                nodes=int(graph.node_xy.shape[0]),
                edges=int(graph.forward.nnz),
                comp=int(graph.n_components),
                tr=t_read,
                tb=t_build,
            )
        )

        report = {
            "lines": int(lines.offsets.size - 1),
            "read_s": round(t_read, 3),
            "build_s": round(t_build, 3),
            "include_ferries": include_ferries,
            "speeds_kmh": speeds,
        }
        return graph, lines, report

    def _download_network(self, parameters, context, feedback, include_ferries: bool):
        """Roads (and ferries) of DOWNLOAD_EXTENT through osmnx/Overpass, cached."""
        from ..sundplan_qgis import osm_download

        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        ext_crs = self.parameterAsExtentCrs(parameters, "DOWNLOAD_EXTENT", context)
        if not ext_crs.isValid():
            project = context.project()
            ext_crs = project.crs() if project is not None and project.crs().isValid() else wgs84
        rect = self.parameterAsExtent(parameters, "DOWNLOAD_EXTENT", context, ext_crs)
        if rect.isNull() or rect.isEmpty():
            raise SundplanError(
                tr("The download extent is empty. Draw or choose an extent covering the area.")
            )
        if ext_crs != wgs84:
            xform = QgsCoordinateTransform(ext_crs, wgs84, context.transformContext())
            try:
                rect = xform.transformBoundingBox(rect)
            except QgsCsException as exc:
                raise SundplanError(
                    tr(
                        "Cannot transform the download extent from {crs} to EPSG:4326: {err}"
                    ).format(crs=ext_crs.authid() or ext_crs.description(), err=exc)
                ) from exc
        cache = self.parameterAsFile(parameters, "DOWNLOAD_CACHE", context) or _default_osm_cache()
        bbox = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        feedback.pushInfo(
            tr(
                "Downloading roads{ferries} for {w:.4f}, {s:.4f}, {e:.4f}, {n:.4f} (EPSG:4326) "
                "with osmnx from Overpass; cache: {cache}"
            ).format(
                ferries=tr(" and ferries") if include_ferries else "",
                w=bbox[0],
                s=bbox[1],
                e=bbox[2],
                n=bbox[3],
                cache=cache,
            )
        )
        return osm_download.download_roads(
            bbox_lonlat=bbox, cache_dir=Path(cache), include_ferries=include_ferries
        )

    def add_snapping_parameters(self) -> None:
        """MAX_SNAP_M, ACCESS_SPEED_KMH and CELL_SIZE_M: how locations join the road network
        and the cell size used where population is not a raster."""
        self.addParameter(
            QgsProcessingParameterNumber(
                "MAX_SNAP_M",
                tr("Maximum snapping distance to the road network (m)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=1000.0,
                minValue=0.0,
            )
        )
        self._adv(
            QgsProcessingParameterNumber(
                "ACCESS_SPEED_KMH",
                tr("Access speed between a location and the road (km/h, straight line)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=30.0,
                minValue=0.1,
            )
        )
        self._adv(
            QgsProcessingParameterNumber(
                "CELL_SIZE_M",
                tr("Raster cell size when population is not a raster (m)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=100.0,
                minValue=1.0,
            )
        )

    def add_residents_parameters(
        self, *, raster_label: str, layer_label: str, field_label: str, optional: bool = True
    ) -> None:
        """Where people live: POPULATION_RASTER, or POPULATION_LAYER (points or polygons) with
        POPULATION_FIELD, and how polygons place their residents (POLYGON_ALLOCATION)."""
        self.addParameter(
            QgsProcessingParameterRasterLayer("POPULATION_RASTER", raster_label, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "POPULATION_LAYER",
                layer_label,
                [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "POPULATION_FIELD",
                field_label,
                parentLayerParameterName="POPULATION_LAYER",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self._adv(
            QgsProcessingParameterEnum(
                "POLYGON_ALLOCATION",
                tr("Population polygons: how to place their residents"),
                options=[
                    tr("Areal: spread evenly over the polygon (raster cells)"),
                    tr("Centroid: one point inside each polygon"),
                ],
                defaultValue=0,
            )
        )

    def read_residents(
        self, parameters, context, *, crs, cell_size_m: float, required: bool = True, feedback=None
    ):
        """``rasters.Population`` from the residents parameters (points and polygons in
        ``crs``, a raster in its own CRS); None when not given and not ``required``."""
        from ..sundplan_qgis import rasters

        pop_raster = self.parameterAsRasterLayer(parameters, "POPULATION_RASTER", context)
        pop_source = self.parameterAsSource(parameters, "POPULATION_LAYER", context)
        if pop_raster is not None:
            return rasters.read_population_raster(
                pop_raster.source(), progress=self.progress(feedback, start=0.30, end=0.35)
            )
        if pop_source is None:
            if not required:
                return None
            raise SundplanError(
                tr("No population given. Choose a population raster or a point/polygon layer.")
            )
        field = self.parameterAsString(parameters, "POPULATION_FIELD", context)
        if not field:
            raise SundplanError(tr("Choose the population field of the population layer."))
        layer = self.parameterAsVectorLayer(parameters, "POPULATION_LAYER", context)
        name = layer.name() if layer is not None else "POPULATION_LAYER"
        crs_wkt = crs.toWkt()
        if "Polygon" in _wkb_name(pop_source.wkbType()):
            polys = _inputs.read_polygons(
                pop_source,
                layer_name=name,
                target_crs=crs,
                context=context,
                id_field=None,
                name_field=None,
                fields=(field,),
            )
            method = ("areal", "centroid")[
                self.parameterAsEnum(parameters, "POLYGON_ALLOCATION", context)
            ]
            return rasters.population_from_polygons(
                geometries=polys["geometries"],
                population=_null_to_none(polys[field]),
                crs_wkt=crs_wkt,
                source_name=name,
                feature_ids=np.array(polys["ids"]),
                method=method,
                cell_size_m=cell_size_m,
            )
        pts = _inputs.read_points(
            pop_source, layer_name=name, target_crs=crs, context=context, fields=(field,)
        )
        return rasters.population_from_points(
            xy=pts["xy"],
            population=_null_to_none(pts[field]),
            crs_wkt=crs_wkt,
            source_name=name,
            feature_ids=np.array(pts["ids"]),
        )


class NetworkAlgorithmBase(NetworkParameters, SundplanAlgorithm):
    """Base of the algorithms that route over a road network to hospitals."""

    _requires = ("numpy", "scipy", "pandas", "pyproj", "rasterio", "shapely", "osmium")

    # ------------------------------------------------------------------ parameters
    def add_hospital_parameters(self, *, scenario: bool) -> None:
        label = tr("Hospitals (default: the 21 embedded akutsygehuse)")
        if scenario:
            label = tr("Baseline hospitals (default: the 21 embedded akutsygehuse)")
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "HOSPITALS", label, [QgsProcessing.TypeVectorPoint], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "HOSPITAL_NAME_FIELD",
                tr("Hospital name field"),
                parentLayerParameterName="HOSPITALS",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "HOSPITAL_ID_FIELD",
                tr(
                    "Hospital id field (default: hospital_id of the embedded akutsygehuse, "
                    "else the feature id)"
                ),
                parentLayerParameterName="HOSPITALS",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterExpression(
                "ACTIVE_EXPRESSION",
                tr("Which hospitals are active (expression; empty = all)"),
                parentLayerParameterName="HOSPITALS",
                optional=True,
            )
        )
        if scenario:
            self.addParameter(
                QgsProcessingParameterString(
                    "CLOSE",
                    tr("Hospitals to close in the scenario (names, comma separated)"),
                    optional=True,
                )
            )
            self.addParameter(
                QgsProcessingParameterFeatureSource(
                    "ADD_HOSPITALS",
                    tr("Hospitals to add in the scenario (points)"),
                    [QgsProcessing.TypeVectorPoint],
                    optional=True,
                )
            )
            self.addParameter(
                QgsProcessingParameterField(
                    "ADD_NAME_FIELD",
                    tr("Name field of the added hospitals"),
                    parentLayerParameterName="ADD_HOSPITALS",
                    optional=True,
                )
            )
            self.addParameter(
                QgsProcessingParameterField(
                    "ADD_ID_FIELD",
                    tr("Id field of the added hospitals (default: the feature id)"),
                    parentLayerParameterName="ADD_HOSPITALS",
                    optional=True,
                )
            )

    def add_population_parameters(self) -> None:
        self.add_residents_parameters(
            raster_label=tr("Population raster (persons per cell)"),
            layer_label=tr("…or population points/polygons"),
            field_label=tr("Population field"),
        )
        self.add_area_parameters(tr("Areas for the summary, e.g. kommuner (optional)"))
        self.addParameter(
            QgsProcessingParameterString(
                "BANDS", tr("Time bands (minutes, comma separated)"), defaultValue="15,30,45,60"
            )
        )
        self.add_snapping_parameters()
        self.add_not_reached_parameter()

    def add_output_parameters(self, *, scenario: bool) -> None:
        if scenario:
            self.addParameter(
                QgsProcessingParameterRasterDestination(
                    "CHANGE_RASTER", tr("Change in travel time (minutes, scenario − baseline)")
                )
            )
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    "AREA_CHANGES",
                    tr("Change per area"),
                    QgsProcessing.TypeVector,
                    optional=True,
                    createByDefault=True,
                )
            )
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    "SWITCHES",
                    tr("Population changing hospital (from → to)"),
                    QgsProcessing.TypeVector,
                )
            )
        else:
            self.addParameter(
                QgsProcessingParameterRasterDestination(
                    "TRAVEL_TIME", tr("Travel time to the nearest akutsygehus (minutes)")
                )
            )
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    "CATCHMENTS",
                    tr("Catchments (optageområder)"),
                    QgsProcessing.TypeVectorPolygon,
                )
            )
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    "BAND_POLYGONS", tr("Travel-time bands"), QgsProcessing.TypeVectorPolygon
                )
            )
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    "AREA_SUMMARY",
                    tr("Summary per area"),
                    QgsProcessing.TypeVector,
                    optional=True,
                    createByDefault=True,
                )
            )
        self.add_report_output()

    # ------------------------------------------------------------------ inputs
    def read_inputs(self, parameters, context, feedback, *, bands_min=None) -> dict:
        """Network graph, population, areas and numbers, validated. ``bands_min`` overrides
        the BANDS parameter (for algorithms that ask for a single time limit instead)."""
        from ..sundplan_qgis.catchments import Areas, validate_bands

        if bands_min is None:
            bands_min = _parse_bands(self.parameterAsString(parameters, "BANDS", context))
        bands = validate_bands(bands_min)
        max_snap_m = self.parameterAsDouble(parameters, "MAX_SNAP_M", context)
        access = self.parameterAsDouble(parameters, "ACCESS_SPEED_KMH", context)
        cell = self.parameterAsDouble(parameters, "CELL_SIZE_M", context)

        graph, lines, net_report = self.read_network(parameters, context, feedback)
        crs = QgsCoordinateReferenceSystem.fromWkt(graph.crs_wkt)
        feedback.setProgress(30)

        population = self.read_residents(
            parameters, context, crs=crs, cell_size_m=cell, feedback=feedback
        )

        # Areas ---------------------------------------------------------------------
        areas = None
        area_source = self.parameterAsSource(parameters, "AREAS", context)
        if area_source is not None:
            name = self._layer_name(parameters, "AREAS", context)
            polys = _inputs.read_polygons(
                area_source,
                layer_name=name,
                target_crs=crs,
                context=context,
                id_field=self.parameterAsString(parameters, "AREA_ID_FIELD", context) or None,
                name_field=self.parameterAsString(parameters, "AREA_NAME_FIELD", context) or None,
            )
            areas = Areas(polys["geometries"], polys["ids"], polys["names"], name)
        return {
            "graph": graph,
            "crs": crs,
            "population": population,
            "areas": areas,
            "bands": bands,
            "max_snap_m": max_snap_m,
            "access_speed_kmh": access,
            "cell_size_m": cell,
            "network_report": net_report,
        }

    def _layer_name(self, parameters, key, context) -> str:
        layer = self.parameterAsVectorLayer(parameters, key, context)
        return layer.name() if layer is not None else key

    def read_hospitals(self, parameters, context, crs, *, prefix: str = "") -> dict:
        """Active hospitals: xy in the network CRS, names, and ``hospital_ids`` (the user's
        ids from HOSPITAL_ID_FIELD; default the embedded layer's ``hospital_id``, else the
        feature ids) with ``id_source`` saying which."""
        source = self.parameterAsSource(parameters, "HOSPITALS", context)
        name_field = self.parameterAsString(parameters, "HOSPITAL_NAME_FIELD", context) or None
        id_field = self.parameterAsString(parameters, "HOSPITAL_ID_FIELD", context) or None
        layer_name = self._layer_name(parameters, "HOSPITALS", context)
        if source is None:
            layer = _inputs.default_hospitals_layer()
            source, layer_name = layer, tr("embedded akutsygehuse")
            name_field = name_field or "name"
            id_field = id_field or "hospital_id"
            self._default_hospitals = layer  # keep alive while reading
        expression = self.parameterAsExpression(parameters, "ACTIVE_EXPRESSION", context) or None
        pts = _inputs.read_points(
            source,
            layer_name=layer_name,
            target_crs=crs,
            context=context,
            name_field=name_field,
            active_expression=expression,
            fields=(id_field,) if id_field else (),
        )
        pts["hospital_ids"], pts["id_source"] = hospital_ids(pts, id_field, layer_name)
        if len(pts["names"]) == 0:
            raise SundplanError(
                tr(
                    "No active hospitals in '{layer}'. Check the layer and the expression for "
                    "active hospitals."
                ).format(layer=layer_name)
            )
        return pts

    def coverage_report(self, report: dict, areas, parameters, context, feedback) -> dict:
        """Warn when too many residents are not reached (naming the worst areas) and put the
        coverage section in the run's ``report``; translate the land-mask note. Returns the
        report."""
        report["coverage"] = self.warn_not_reached(
            parameters, context, feedback, coverage=report["coverage"], areas=areas
        )
        land = report.get("land_mask") or {}
        if "note" in land:
            land["note"] = translate_message(land["note"])
        if land and not land.get("used") and land.get("note"):
            feedback.pushInfo(land["note"])
        return report

    # ------------------------------------------------------------------ outputs
    def write_catchment_outputs(self, result, parameters, context, feedback, inputs) -> dict:
        """Write raster, polygons, tables and the report; style them; return the results."""
        from ..sundplan_qgis import rasters

        feedback.setProgressText(tr("Writing outputs"))
        grid = result.grid
        out = {}
        tif = self.parameterAsOutputLayer(parameters, "TRAVEL_TIME", context)
        values = result.surface_time_min  # NaN (not reached) is written as nodata
        rasters.write_geotiff(
            tif,
            values,
            grid,
            nodata=-9999.0,
            tags={"units": "minutes", "sundplan_provenance": self._provenance or ""},
            description=tr("Minutes to the nearest akutsygehus"),
            cells=result.surface_cells,
        )
        out["TRAVEL_TIME"] = tif
        self.style_output(
            tif,
            "travel_time",
            context,
            title=tr("Travel time (minutes)"),
            adapt=_styling.travel_time_raster(result.bands_min),
        )

        catch = result.catchments.copy()
        catch["geometry"] = _objects(
            [result.catchment_polygons.get(i) for i in catch["hospital_index"]]
        )
        catch = catch.drop(columns="hospital_index")  # hospital_id: the user's id, unchanged
        catch["mean_min"] = catch["mean_min"].round(2)
        catch["max_min"] = catch["max_min"].round(2)
        out["CATCHMENTS"] = dataframe_to_sink(
            self, catch, parameters, "CATCHMENTS", context, geometry="geometry", crs=inputs["crs"]
        )
        self.style_output(
            out["CATCHMENTS"],
            "catchments",
            context,
            title=tr("Catchments"),
            adapt=_styling.catchments(),
        )

        bands = result.bands.copy()
        bands["geometry"] = _objects([result.band_polygons.get(i) for i in bands["band_id"]])
        bands["to_min"] = bands["to_min"].replace(np.inf, np.nan)  # "> last" and not reached
        out["BAND_POLYGONS"] = dataframe_to_sink(
            self,
            bands,
            parameters,
            "BAND_POLYGONS",
            context,
            geometry="geometry",
            crs=inputs["crs"],
        )
        self.style_output(
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
            geoms = list(inputs["areas"].geometries)
            areas["geometry"] = _objects(geoms + [None] * (len(areas) - len(geoms)))
            out["AREA_SUMMARY"] = dataframe_to_sink(
                self,
                areas,
                parameters,
                "AREA_SUMMARY",
                context,
                geometry="geometry",
                crs=inputs["crs"],
            )
            self.style_output(
                out["AREA_SUMMARY"],
                "area_summary",
                context,
                title=tr("Summary per area"),
                adapt=_styling.reached_aliases(),
            )
        out.update(self.write_report(result.report, parameters, context))
        return out


def hospital_ids(points: dict, id_field: str | None, layer_name: str) -> tuple[list, str]:
    """The user's hospital ids of ``points`` (from ``_inputs.read_points``): the values of
    ``id_field`` unchanged (integers stay integers), else the feature ids; and a sentence
    for the report saying where they come from."""
    if id_field:
        ids = [_plain_value(v) for v in points[id_field]]
        return ids, tr("field '{field}' of '{layer}'").format(field=id_field, layer=layer_name)
    return [int(i) for i in points["ids"]], tr(
        "feature ids of '{layer}' (no hospital id field chosen)"
    ).format(layer=layer_name)


def _plain_value(value):
    """A QGIS attribute as a plain Python value: NULL -> None, whole doubles -> int."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float | str):
        return value
    return str(value)


def _default_osm_cache() -> str:
    """``<QGIS profile>/sundplan/osm_cache``: where osmnx keeps downloaded Overpass answers."""
    return str(Path(QgsApplication.qgisSettingsDirPath()) / "sundplan" / "osm_cache")


def _has_value(parameters: dict, key: str) -> bool:
    value = parameters.get(key)
    return value is not None and not (isinstance(value, str) and not value.strip())


def _objects(values: list) -> np.ndarray:
    """An object array of geometries (pandas would otherwise iterate multi-part shapes)."""
    arr = np.empty(len(values), dtype=object)
    for i, v in enumerate(values):
        arr[i] = v
    return arr


def _parse_bands(text: str) -> list[float]:
    try:
        return [float(x) for x in text.replace(";", ",").split(",") if x.strip()]
    except ValueError as exc:
        raise SundplanError(
            tr("Time bands must be numbers in minutes separated by commas, e.g. 15,30,45,60.")
        ) from exc


def _speed_table(matrix) -> dict[str, float] | None:
    """Processing matrix [class, km/h, class, km/h, ...] -> {class: km/h}, validated by the
    core (``network.speeds_from_table``: numbers in (0, 150] km/h)."""
    from ..sundplan_qgis import network

    if not matrix:
        return None
    if len(matrix) % 2:
        raise SundplanError(tr("The speed table needs pairs of road class and km/h."))
    return network.speeds_from_table(list(zip(matrix[0::2], matrix[1::2], strict=True)))


def _null_to_none(values: list) -> list:
    """QGIS NULL (a QVariant) -> None, so the core sees missing values as missing."""
    out = []
    for v in values:
        if v is None or (hasattr(v, "isNull") and v.isNull()):
            out.append(None)
        else:
            try:
                out.append(float(v))
            except (TypeError, ValueError):
                out.append(None)
    return out


def _wkb_name(wkb_type) -> str:
    from qgis.core import QgsWkbTypes

    return QgsWkbTypes.displayString(wkb_type)


__all__ = ["NetworkAlgorithmBase", "QgsProcessingException"]
