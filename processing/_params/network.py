"""The road network group: NETWORK_FILE | NETWORK_LAYER | DOWNLOAD_EXTENT, the line layer's
fields, speeds per road class and ferries; read into a routable ``network.RoadGraph``."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
)

from ...sundplan_qgis.errors import SundplanError
from .. import _inputs
from .._i18n import tr, translate_message

NETWORK_EXTENSIONS = "osm.pbf pbf osm osm.bz2 gpkg shp geojson fgb"
ROUTING_REQUIRES = ("numpy", "scipy", "pandas", "pyproj", "rasterio", "shapely", "osmium")
"""What a tool that reads a road network and routes over it needs installed."""


class NetworkParameters:
    """Mixin of a :class:`base.SundplanAlgorithm`: the road network of every tool that routes
    (catchments, scenario, 2SFCA, specialist reach), read into a graph."""

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
        self.add_advanced(
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
        from ...sundplan_qgis import network

        defaults = []
        for cls, kmh in network.DEFAULT_SPEEDS_KMH.items():
            defaults += [cls, kmh]
        self.add_advanced(
            QgsProcessingParameterMatrix(
                "SPEED_TABLE",
                tr("Speed per road class (km/h) where the network has no speed"),
                headers=[tr("Road class"), tr("km/h")],
                defaultValue=defaults,
                optional=True,
            )
        )
        self.add_advanced(
            QgsProcessingParameterNumber(
                "REALISM_FACTOR",
                tr("Realism factor (effective speed = speed × factor)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=1.0,
                minValue=0.05,
                maxValue=2.0,
            )
        )
        self.add_advanced(
            QgsProcessingParameterBoolean(
                "INCLUDE_FERRIES", tr("Include ferries (route=ferry)"), defaultValue=True
            )
        )
        self.add_advanced(
            QgsProcessingParameterNumber(
                "FERRY_BOARDING_MIN",
                tr("Ferry boarding time (minutes, added once per crossing)"),
                QgsProcessingParameterNumber.Double,
                defaultValue=network.DEFAULT_FERRY_BOARDING_MIN,
                minValue=0.0,
            )
        )
        self.add_advanced(
            QgsProcessingParameterBoolean(
                "NETWORK_CACHE",
                tr(
                    "Cache the routable graph (a repeat run on the same network file and "
                    "options skips reading and building it)"
                ),
                defaultValue=True,
            )
        )
        self.add_advanced(
            QgsProcessingParameterFile(
                "NETWORK_CACHE_FOLDER",
                tr("Graph cache folder"),
                behavior=QgsProcessingParameterFile.Folder,
                defaultValue=_default_graph_cache(),
                optional=True,
            )
        )

    def read_network(self, parameters, context, feedback, *, required: bool = True):
        """The routable graph from NETWORK_FILE, NETWORK_LAYER or DOWNLOAD_EXTENT (in that
        order): (graph, lines, report). With none of them: the shipped overview network
        (national main roads, said in the log, the report and the provenance), or with
        ``required=False`` (None, None, {})."""
        from ...sundplan_qgis import network, reference

        feedback.setProgressText(tr("Reading the road network"))
        net_file = self.parameterAsFile(parameters, "NETWORK_FILE", context)
        net_source = self.parameterAsSource(parameters, "NETWORK_LAYER", context)
        include_ferries = self.parameterAsBoolean(parameters, "INCLUDE_FERRIES", context)
        fields = {
            k.lower(): self.parameterAsString(parameters, k, context) or None
            for k in ("SPEED_FIELD", "ONEWAY_FIELD", "CLASS_FIELD", "DURATION_FIELD")
        }
        reading = self.progress(feedback, start=0.0, end=0.1)  # checks cancel, too
        overview = False
        source = None  # network.file_source(...) of a network read from a file: cacheable
        read_options: dict = {}
        if net_file:
            if not Path(net_file).is_file():
                raise SundplanError(
                    tr("The road network file '{path}' does not exist.").format(path=net_file)
                )
            source = network.file_source(net_file)
            low = net_file.lower()
            if low.endswith((".pbf", ".osm", ".osm.bz2", ".bz2")):
                reader = "osm"
                read_options = {"include_ferries": include_ferries}

                def read():
                    return network.read_osm(
                        net_file, include_ferries=include_ferries, progress=reading
                    )
            else:
                reader, read_options = "ogr", dict(fields)

                def read():
                    return network.read_lines_ogr(net_file, **fields, progress=reading)
        elif net_source is not None:
            layer = self.parameterAsVectorLayer(parameters, "NETWORK_LAYER", context)
            name = layer.name() if layer is not None else "NETWORK_LAYER"
            file_layer = _inputs.ogr_file_of(layer)
            if file_layer is not None:
                source = network.file_source(file_layer[0], layer=file_layer[1])
                reader, read_options = "ogr", dict(fields)

                def read():
                    return network.read_lines_ogr(
                        file_layer[0], layer=file_layer[1], **fields, progress=reading
                    )
            else:  # a memory, database or filtered layer: nothing to key a cache on

                def read():
                    return _inputs.lines_from_source(
                        net_source, layer_name=name, **fields, feedback=feedback
                    )
        elif _has_value(parameters, "DOWNLOAD_EXTENT"):
            # osmnx caches the download itself; Overpass answers change, so no graph cache

            def read():
                return self._download_network(parameters, context, feedback, include_ferries)
        elif not required:
            return None, None, {}
        else:
            overview = True
            reader = "overview"
            source = network.file_source(reference.overview_network_path())

            def read():
                return reference.overview_network(progress=reading)

        speeds = _speed_table(self.parameterAsMatrix(parameters, "SPEED_TABLE", context))
        build_options = {
            "speeds_kmh": speeds,
            "realism_factor": self.parameterAsDouble(parameters, "REALISM_FACTOR", context),
            "include_ferries": include_ferries,
            "ferry_boarding_min": self.parameterAsDouble(parameters, "FERRY_BOARDING_MIN", context),
        }

        def build(lines):
            feedback.setProgress(15)
            if feedback.isCanceled():
                raise SundplanError(tr("Cancelled by the user."))
            feedback.setProgressText(tr("Building the routable graph"))
            return network.build_graph(lines, **build_options)

        folder, record, key = self._graph_cache_key(
            parameters, context, source, reader if source else None, read_options, build_options
        )
        got = network.cached_network(
            folder=folder, record=record, key=key, read=lambda: read().validate(), build=build
        )
        graph, lines = got.graph, got.lines
        if not overview and (net_file or net_source is not None):
            from ...sundplan_qgis.network.fields import osm_schema

            if osm_schema(lines.road_class):  # an OSM-derived layer: credited on maps
                record_input(self, "network", {"osm_schema": True})
        feedback.setProgress(15)
        if feedback.isCanceled():  # a cache hit reads nothing, so nothing checked it yet
            raise SundplanError(tr("Cancelled by the user."))
        self.push_warnings(feedback, got.warnings)
        t_read, t_build = (
            (got.load_s, 0.0) if got.status == network.HIT else (got.read_s, got.build_s)
        )
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
        feedback.pushInfo(_cache_text(got, folder=folder))

        if lines.fields:
            feedback.pushInfo(_fields_text(lines.fields))
        report = {
            "lines": int(lines.offsets.size - 1),
            "fields": lines.fields,
            "read_s": round(t_read, 3),
            "build_s": round(t_build, 3),
            "include_ferries": include_ferries,
            "speeds_kmh": speeds,
            "cache": got.status,
        }
        if got.key is not None:
            report["cache_key"] = got.key
        if overview:  # only then: a user's own network keeps its report as it was
            defaults = overview_network_record()
            report.update(defaults)
            record_default(self, "network", defaults)
            feedback.pushInfo(
                tr(
                    "No road network given: using the embedded national main-road network "
                    "{file} ({attribution}). Note: {note}."
                ).format(
                    file=reference.OVERVIEW_GPKG,
                    attribution=reference.OVERVIEW_ATTRIBUTION,
                    note=defaults["note"],
                )
            )
        return graph, lines, report

    def _graph_cache_key(self, parameters, context, source, reader, read_options, build_options):
        """(folder, key record, key hash) of the graph cache: all None when NETWORK_CACHE is
        off, record and hash None when the network is not a file (nothing to key on)."""
        from ...sundplan_qgis import network
        from ...sundplan_qgis.provenance import sundplan_version

        if self.parameterDefinition("NETWORK_CACHE") is None or not self.parameterAsBoolean(
            parameters, "NETWORK_CACHE", context
        ):
            return None, None, None
        folder = (
            self.parameterAsFile(parameters, "NETWORK_CACHE_FOLDER", context)
            or _default_graph_cache()
        )
        if source is None:
            return folder, None, None
        record, key = network.network_key(
            source=source,
            reader=reader,
            read_options=read_options,
            build_options=build_options,
            sundplan_version=sundplan_version(),
        )
        return folder, record, key

    def _download_network(self, parameters, context, feedback, include_ferries: bool):
        """Roads (and ferries) of DOWNLOAD_EXTENT through osmnx/Overpass, cached."""
        from ...sundplan_qgis import osm_download

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


def overview_network_record() -> dict:
    """What the run report and the provenance say about the shipped overview network."""
    from ...sundplan_qgis import reference

    return {
        "source": "overview",
        "file": reference.OVERVIEW_GPKG,
        "note": translate_message(reference.OVERVIEW_NOTE),
        "attribution": reference.OVERVIEW_ATTRIBUTION,
    }


def record_default(algorithm, role: str, info: dict) -> None:
    """Add what stood in for an input not given (``role``: network, population, areas) to the
    run's provenance, under ``defaults``: every output, the run report and map_report's
    method and source note read it from there."""
    _record(algorithm, "defaults", role, info)


def record_input(algorithm, role: str, info: dict) -> None:
    """Add what the run found out about a given input (``role``) to its provenance, under
    ``input_traits`` (e.g. that a road layer is derived from OpenStreetMap, for the map's
    credit)."""
    _record(algorithm, "input_traits", role, info)


def _record(algorithm, section: str, role: str, info: dict) -> None:
    import json

    text = getattr(algorithm, "_provenance", None)
    if not text:
        return
    record = json.loads(text)
    record.setdefault(section, {})[role] = info
    algorithm._provenance = json.dumps(record, ensure_ascii=False, indent=2)


def _default_osm_cache() -> str:
    """``<QGIS profile>/sundplan/osm_cache``: where osmnx keeps downloaded Overpass answers."""
    return str(Path(QgsApplication.qgisSettingsDirPath()) / "sundplan" / "osm_cache")


def _default_graph_cache() -> str:
    """``<QGIS profile>/sundplan/cache/graphs``: the compiled-graph cache (network.cache)."""
    return str(Path(QgsApplication.qgisSettingsDirPath()) / "sundplan" / "cache" / "graphs")


def _cache_text(got, *, folder: str | None) -> str:
    """One log line: whether the graph came from the cache, was stored there, or neither."""
    from ...sundplan_qgis import network

    mb = got.size_bytes / 2**20
    if got.status == network.HIT:
        return tr(
            "Road graph cache: hit ({key}, {mb:.1f} MB read in {s:.1f} s from {folder}); "
            "the network was neither read nor built."
        ).format(key=got.key, mb=mb, s=got.load_s, folder=folder)
    if got.status == network.MISS and got.size_bytes:
        return tr(
            "Road graph cache: miss ({key}); the graph is stored in {folder} ({mb:.1f} MB, "
            "{s:.1f} s) for the next run on the same network file and options."
        ).format(key=got.key, mb=mb, s=got.store_s, folder=folder)
    if got.status == network.MISS:
        return tr("Road graph cache: miss ({key}); the graph was not stored.").format(key=got.key)
    if folder is None:
        return tr("Road graph cache: off (NETWORK_CACHE is false).")
    return tr("Road graph cache: off (only a network read from a file is cached).")


def _fields_text(fields: dict) -> str:
    """One log line: which attribute gave each role, and which were detected by name."""
    roles = (
        ("class", tr("road class")),
        ("speed", tr("speed")),
        ("oneway", tr("one-way")),
        ("duration", tr("ferry time")),
    )
    detected = set(fields.get("detected") or ())
    parts = []
    for key, label in roles:
        field = fields.get(key)
        if field is None:
            parts.append(tr("{role}: none").format(role=label))
        elif key in detected:
            parts.append(tr("{role}: '{field}' (detected)").format(role=label, field=field))
        else:
            parts.append(f"{label}: '{field}'")
    return tr("Road network fields: {fields}.").format(fields="; ".join(parts))


def _has_value(parameters: dict, key: str) -> bool:
    value = parameters.get(key)
    return value is not None and not (isinstance(value, str) and not value.strip())


def _speed_table(matrix) -> dict[str, float] | None:
    """Processing matrix [class, km/h, class, km/h, ...] -> {class: km/h}, validated by the
    core (``network.speeds_from_table``: numbers in (0, 150] km/h)."""
    from ...sundplan_qgis import network

    if not matrix:
        return None
    if len(matrix) % 2:
        raise SundplanError(tr("The speed table needs pairs of road class and km/h."))
    return network.speeds_from_table(list(zip(matrix[0::2], matrix[1::2], strict=True)))
