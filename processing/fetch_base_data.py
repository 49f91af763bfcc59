"""``sundplan:fetch_base_data``: OpenStreetMap Denmark and Danmarks Statistik's population
tables, downloaded into a verified cache (core: ``sundplan_qgis/fetch.py``, ``dst.py``)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingOutputFile,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from .base import SundplanAlgorithm

# (parameter, English description, fetch.WHAT key)
SOURCES = (
    (
        "FETCH_OSM",
        QT_TRANSLATE_NOOP(
            "sundplan", "Fetch OpenStreetMap Denmark (Geofabrik, several hundred MB)"
        ),
        "osm",
    ),
    (
        "FETCH_POPULATION",
        QT_TRANSLATE_NOOP(
            "sundplan", "Fetch population by kommune, sex and age (FOLK1A, latest quarter)"
        ),
        "folk1a",
    ),
    (
        "FETCH_PROJECTION",
        QT_TRANSLATE_NOOP("sundplan", "Fetch the newest kommune population projection (FRKM1yy)"),
        "projection",
    ),
)


def default_cache() -> str:
    """``<QGIS profile>/sundplan/cache``: downloads survive between runs and projects."""
    return str(Path(QgsApplication.qgisSettingsDirPath()) / "sundplan" / "cache")


class FetchBaseDataAlgorithm(SundplanAlgorithm):
    """Downloads OpenStreetMap Denmark (.osm.pbf, md5-verified) and FOLK1A / FRKM1yy from the
    Statbank API into a cache, and writes the population as tidy tables and a kommune layer."""

    _name = "fetch_base_data"
    _display_name = QT_TRANSLATE_NOOP(
        "sundplan", "Fetch base data (OpenStreetMap, Danmarks Statistik)"
    )
    _group_id = "data"
    _requires = ("numpy", "pandas", "shapely")
    _tags = ("download", "hent", "OpenStreetMap", "Geofabrik", "FOLK1A", "befolkning", "cache")
    _help = QT_TRANSLATE_NOOP(
        "sundplan",
        "Downloads public base data into a cache folder (by default in the QGIS profile), "
        "with progress, cancel and resume:<br>"
        "<b>OpenStreetMap Denmark</b>: <i>denmark-latest.osm.pbf</i> from Geofabrik, checked "
        "against its published md5 checksum; give the file as NETWORK_FILE to the routing "
        "tools. © OpenStreetMap-bidragydere, ODbL.<br>"
        "<b>Population</b> (FOLK1A, latest quarter) from Danmarks Statistik's Statbank API: a "
        "table per kommune, sex and 5-year age group, and the 98 kommuner as polygons with the "
        "columns m_0_4 … k_85_plus, population and quarter, ready as AREAS or POPULATION_LAYER. "
        "Christiansø is counted and reported, not on the layer.<br>"
        "<b>Projection</b>: the newest kommune population projection (FRKM1yy, found in the "
        "API's table list) per kommune, sex, age group and year. Kilde: Danmarks Statistik.<br>"
        "A file already in the cache is used without going online (tick <i>Download again</i> "
        "for fresh data); a partial download is resumed, a damaged one fetched again. Tables "
        "are semicolon-separated UTF-8 CSV.",
    )

    def define_parameters(self, config=None) -> None:
        """What to fetch, the cache, the servers (advanced) and the outputs."""
        from ..sundplan_qgis import dst, fetch

        for name, description, _key in SOURCES:
            self.addParameter(QgsProcessingParameterBoolean(name, self.tr(description), True))
        self.addParameter(
            QgsProcessingParameterFile(
                "CACHE_FOLDER",
                self.tr("Cache folder"),
                behavior=QgsProcessingParameterFile.Behavior.Folder,
                defaultValue=default_cache(),
                optional=True,
            )
        )
        self.add_advanced(
            QgsProcessingParameterBoolean(
                "REFRESH", self.tr("Download again even when the cache has the data"), False
            )
        )
        for name, description, default in (
            ("OSM_BASE_URL", self.tr("Geofabrik folder (URL)"), fetch.GEOFABRIK_URL),
            ("DST_BASE_URL", self.tr("Statbank API (URL)"), dst.DST_URL),
        ):
            self.add_advanced(QgsProcessingParameterString(name, description, default))
        self.add_advanced(
            QgsProcessingParameterNumber(
                "TIMEOUT_S",
                self.tr("Give up when a server does not answer for (seconds)"),
                QgsProcessingParameterNumber.Type.Double,
                fetch.DEFAULT_TIMEOUT_S,
                False,
                1.0,
                3600.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "POPULATION_TABLE",
                self.tr("Population by kommune, sex and age group (CSV)"),
                "CSV (*.csv)",
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "POPULATION_LAYER",
                self.tr("Kommuner with population by sex and age group"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                None,
                True,
                True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "PROJECTION_TABLE",
                self.tr("Population projection by kommune, sex, age group and year (CSV)"),
                "CSV (*.csv)",
                optional=True,
                createByDefault=True,
            )
        )
        self.add_report_output(optional=True)
        self.addOutput(
            QgsProcessingOutputFile("OSM_PBF", self.tr("OpenStreetMap Denmark (.osm.pbf)"))
        )
        self.addOutput(QgsProcessingOutputString("QUARTER", self.tr("Quarter of the population")))
        self.addOutput(
            QgsProcessingOutputString("PROJECTION_TABLE_ID", self.tr("Projection table"))
        )

    def read(self, parameters, context):
        """Parameters -> ``fetch.FetchInputs``."""
        from ..sundplan_qgis import fetch

        what = tuple(
            key
            for name, _description, key in SOURCES
            if self.parameterAsBool(parameters, name, context)
        )
        cache = self.parameterAsFile(parameters, "CACHE_FOLDER", context) or default_cache()
        return fetch.FetchInputs(
            what=what,
            cache_dir=Path(cache),
            osm_base_url=self.parameterAsString(parameters, "OSM_BASE_URL", context).strip()
            or fetch.GEOFABRIK_URL,
            dst_base_url=self.parameterAsString(parameters, "DST_BASE_URL", context).strip(),
            refresh=self.parameterAsBool(parameters, "REFRESH", context),
            timeout_s=self.parameterAsDouble(parameters, "TIMEOUT_S", context),
        )

    def compute(self, parameters, context, feedback):
        """Fetch through the core, then write the tables, the layer and the report."""
        from ..sundplan_qgis import dst, fetch, reference

        inputs = self.read(parameters, context)
        feedback.pushInfo(self.tr("Cache folder: {cache}").format(cache=inputs.cache_dir))
        result = fetch.run(inputs, progress=self.progress(feedback, end=0.9))
        self.push_warnings(feedback, result.warnings)
        results: dict[str, object] = {
            "OSM_PBF": str(result.osm.path) if result.osm else "",
            "QUARTER": result.quarter,
            "PROJECTION_TABLE_ID": result.projection_table,
        }
        if result.osm is not None:
            feedback.pushInfo(self._osm_line(result.osm))
        if result.folk1a is not None:
            path = self._path(parameters, "POPULATION_TABLE", context)
            if path:
                dst.write_csv(result.folk1a, path)
                results["POPULATION_TABLE"] = path
                self._load(path, f"FOLK1A {result.quarter}", "POPULATION_TABLE", context)
            dest = self.write_frame(
                result.folk1a_layer,
                "POPULATION_LAYER",
                parameters,
                context,
                geometry="geometry",
                crs=reference.NATIONAL_CRS,
                feedback=feedback,
            )
            if dest is not None:
                results["POPULATION_LAYER"] = dest
                title = self.tr(
                    "Kommuner, population {quarter} (FOLK1A, Kilde: Danmarks Statistik)"
                )
                self.style_output(dest, None, context, title=title.format(quarter=result.quarter))
            feedback.pushInfo(
                self.tr("FOLK1A {quarter}: {persons:,} persons in the 98 kommuner.").format(
                    quarter=result.quarter, persons=int(result.folk1a_layer["population"].sum())
                )
            )
        if result.projection is not None:
            path = self._path(parameters, "PROJECTION_TABLE", context)
            if path:
                dst.write_csv(result.projection, path)
                results["PROJECTION_TABLE"] = path
                self._load(path, result.projection_table, "PROJECTION_TABLE", context)
            feedback.pushInfo(
                self.tr("Projection {table}: years {first}–{last}.").format(
                    table=result.projection_table,
                    first=int(result.projection["year"].min()),
                    last=int(result.projection["year"].max()),
                )
            )
        if self.parameterAsFileOutput(parameters, "REPORT", context):
            results.update(self.write_report(result.report, parameters, context))
        feedback.setProgress(100)
        return results

    def _path(self, parameters, name: str, context) -> str:
        value = parameters.get(name)
        return self.parameterAsFileOutput(parameters, name, context) if value else ""

    def _osm_line(self, entry) -> str:
        how = (
            self.tr("from the cache, not downloaded")
            if entry.from_cache
            else self.tr("downloaded, md5 matches Geofabrik's checksum")
        )
        return self.tr("OpenStreetMap Denmark: {path} ({mb:,.1f} MB, {how}).").format(
            path=entry.path, mb=entry.size_bytes / 1e6, how=how
        )

    def _load(self, path: str, title: str, output_name: str, context) -> None:
        """In the GUI: open a written table when the run finishes."""
        if context.project() is not None:
            details = QgsProcessingContext.LayerDetails(title, context.project(), output_name)
            context.addLayerToLoadOnCompletion(path, details)
