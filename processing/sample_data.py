"""``sundplan:sample_data``: write the synthetic sample region and load it."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingOutputFile,
    QgsProcessingOutputRasterLayer,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from .base import SundplanAlgorithm

# (output name, English description, SampleRegion field with the layer name)
VECTOR_OUTPUTS = (
    ("KOMMUNER", QT_TRANSLATE_NOOP("sundplan", "Sample kommuner"), "kommuner_layer"),
    ("ROADS", QT_TRANSLATE_NOOP("sundplan", "Sample roads"), "roads_layer"),
    ("GP_PRACTICES", QT_TRANSLATE_NOOP("sundplan", "Sample GP practices"), "gp_practices_layer"),
    ("SPECIALISTS", QT_TRANSLATE_NOOP("sundplan", "Sample specialists"), "specialists_layer"),
    ("HOSPITALS", QT_TRANSLATE_NOOP("sundplan", "Sample hospitals"), "hospitals_layer"),
)
# (output name, English description, SampleRegion field with the path)
FILE_OUTPUTS = (
    ("GPKG", QT_TRANSLATE_NOOP("sundplan", "Sample GeoPackage"), "gpkg"),
    ("ROADS_OSM", QT_TRANSLATE_NOOP("sundplan", "Sample roads as OSM XML"), "roads_osm"),
    ("ROADS_OSM_PBF", QT_TRANSLATE_NOOP("sundplan", "Sample roads as OSM PBF"), "roads_osm_pbf"),
    ("README", QT_TRANSLATE_NOOP("sundplan", "README of the sample data"), "readme"),
)


class SampleDataAlgorithm(SundplanAlgorithm):
    """Generates the seeded, fictional sample region (roads, population, providers)."""

    _name = "sample_data"
    _display_name = QT_TRANSLATE_NOOP("sundplan", "Synthetic sample region")
    _group_id = "data"
    _requires = ("numpy", "shapely", "rasterio", "pyproj")
    _tags = ("sample", "example", "eksempel", "synthetic", "syntetisk", "demo")
    _help = QT_TRANSLATE_NOOP(
        "sundplan",
        "Writes a small FICTIONAL region (60 km × 60 km in EPSG:25832) to try every Sundplan "
        "tool without downloading anything: roads with classes, speeds, one-way streets and "
        "a ferry to an island; a population raster (100 m cells); hospitals, GP practices and "
        "specialists; and fictional kommuner with population by age and sex.<br>"
        "Everything is synthetic and marked as such (a <i>synthetic</i> field, layer "
        "descriptions and a README). The same <b>seed</b> always gives the same data.<br>"
        "Output: <i>sample_region.gpkg</i>, <i>population.tif</i>, <i>roads.osm</i> (and "
        "<i>roads.osm.pbf</i> when pyosmium is installed) and <i>README.txt</i> in the "
        "output folder.",
    )

    def define_parameters(self, config=None) -> None:
        """Seed and output folder; one output per written layer / file."""
        self.addParameter(
            QgsProcessingParameterNumber(
                "SEED",
                self.tr("Random seed"),
                QgsProcessingParameterNumber.Type.Integer,
                2027,
                False,
                0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", self.tr("Output folder"))
        )
        for name, description, _field in VECTOR_OUTPUTS:
            self.addOutput(QgsProcessingOutputVectorLayer(name, self.tr(description)))
        self.addOutput(
            QgsProcessingOutputRasterLayer("POPULATION", self.tr("Sample population raster"))
        )
        for name, description, _field in FILE_OUTPUTS:
            self.addOutput(QgsProcessingOutputFile(name, self.tr(description)))

    def compute(self, parameters, context, feedback):
        """Generate the region with the core and return (and in the GUI load) its layers."""
        from ..sundplan_qgis.sample import generate_sample_region

        seed = self.parameterAsInt(parameters, "SEED", context)
        out_dir = Path(self.parameterAsString(parameters, "OUTPUT_FOLDER", context))
        progress = self.progress(feedback)
        progress(
            0.0, self.tr("Generating the synthetic sample region (seed {seed})").format(seed=seed)
        )
        # All or nothing: a cancel (raised by the progress callback) or an error leaves no
        # files in the output folder (the core writes to a hidden folder and moves at the end).
        region = generate_sample_region(
            out_dir, seed=seed, progress=self.progress(feedback, start=0.0, end=0.9)
        )
        # Written and in place: from here on a cancel no longer undoes the run.
        feedback.setProgress(90)
        feedback.setProgressText(self.tr("Loading the layers"))

        results: dict[str, object] = {"OUTPUT_FOLDER": str(out_dir)}
        for name, description, layer_field in VECTOR_OUTPUTS:
            layer_name = getattr(region, layer_field)
            uri = f"{region.gpkg}|layername={layer_name}"
            results[name] = uri
            self._load_on_completion(uri, self.tr(description), name, layer_name, context)
        population = str(region.population_tif)
        results["POPULATION"] = population
        self._load_on_completion(
            population, self.tr("Sample population raster"), "POPULATION", "population", context
        )
        for name, _description, path_field in FILE_OUTPUTS:
            path = getattr(region, path_field)
            results[name] = str(path) if path else ""
        feedback.pushInfo(
            self.tr(
                "Synthetic sample region, seed {seed}: {roads} road lines, {hospitals} hospitals, "
                "{gps} GP practices, {kommuner} kommuner, {population} residents."
            ).format(
                seed=seed,
                roads=region.n_road_lines,
                hospitals=region.n_hospitals,
                gps=region.n_gp_practices,
                kommuner=region.n_kommuner,
                population=region.total_population,
            )
        )
        feedback.setProgress(100)
        return results

    def _load_on_completion(
        self, uri: str, title: str, output_name: str, style_name: str, context
    ) -> None:
        """In the GUI: load ``uri`` when the run finishes, styled and with provenance."""
        if context.project() is not None:
            details = QgsProcessingContext.LayerDetails(title, context.project(), output_name)
            context.addLayerToLoadOnCompletion(uri, details)
        # in_file=False: keep the generated files byte-identical for a given seed
        self.style_output(uri, style_name, context, title=title, in_file=False)
