"""``sundplan:reference_data``: the embedded Danish reference data as layers and tables."""

from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSink
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from .base import SundplanAlgorithm

# (output name, English description, reference.<function>, national polygon layer or None,
#  key joining the table to that layer)
TABLES = (
    ("KOMMUNER", QT_TRANSLATE_NOOP("sundplan", "Kommuner"), "kommuner", "kommuner", "kommunekode"),
    (
        "REGIONS",
        QT_TRANSLATE_NOOP("sundplan", "Regioner (until 2026)"),
        "regioner",
        "regioner",
        "regionskode",
    ),
    (
        "REGIONS_2027",
        QT_TRANSLATE_NOOP("sundplan", "Regioner from 2027"),
        "regioner_2027",
        "regioner_2027",
        "region_2027_id",
    ),
    (
        "SUNDHEDSRAAD",
        QT_TRANSLATE_NOOP("sundplan", "Sundhedsråd"),
        "sundhedsraad",
        "sundhedsraad",
        "sundhedsraad_id",
    ),
    (
        "SUNDHEDSFAELLESSKABER",
        QT_TRANSLATE_NOOP("sundplan", "Sundhedsfællesskaber"),
        "sundhedsfaellesskaber",
        "sundhedsfaellesskaber",
        "sundhedsfaellesskab_id",
    ),
    (
        "GROUPING",
        QT_TRANSLATE_NOOP("sundplan", "Kommune grouping (region, sundhedsråd, ...)"),
        "grouping_table",
        None,  # a table: one row per kommune, joined by kommunekode
        None,
    ),
    (
        "POPULATION_AGE_SEX",
        QT_TRANSLATE_NOOP("sundplan", "Population by kommune, sex and age group (FOLK1A 2014K1)"),
        "population_age_sex",
        None,
        None,
    ),
    (
        "POPULATION_QUARTERS",
        QT_TRANSLATE_NOOP("sundplan", "Population by kommune and quarter (FOLK1A 2008K1–2021K1)"),
        "population_quarters",
        None,
        None,
    ),
)


class ReferenceDataAlgorithm(SundplanAlgorithm):
    """Writes the 21 akutsygehuse as points and the kommuner and units as polygons (both
    EPSG:25832), plus the kommune grouping table."""

    _name = "reference_data"
    _display_name = QT_TRANSLATE_NOOP(
        "sundplan", "Reference data: akutsygehuse, kommuner, regioner, sundhedsråd"
    )
    _group_id = "data"
    _requires = ("numpy", "pandas", "pyproj", "shapely")
    _tags = ("akutsygehuse", "hospitals", "kommuner", "regioner", "reference")
    _help = QT_TRANSLATE_NOOP(
        "sundplan",
        "Writes the reference data embedded in the plugin, no download needed:<br>"
        "<b>Akutsygehuse</b>: the 21 acute hospitals (fælles akutmodtagelse) as points in "
        "ETRS89 / UTM 32N (EPSG:25832), with region, kommune and sundhedsfællesskab.<br>"
        "<b>Kommuner</b>: the 98 kommuner as polygons with region (until 2026 and from 2027), "
        "sundhedsråd, sundhedsfællesskab and population (1 January 2021).<br>"
        "<b>Regioner</b>, <b>Regioner from 2027</b>, <b>Sundhedsråd</b>, "
        "<b>Sundhedsfællesskaber</b>: one polygon per unit, dissolved from the kommuner.<br>"
        "<b>Kommune grouping</b>: a table with one row per kommune and the larger units it "
        "belongs to, for joining kommune results to regions and sundhedsråd.<br>"
        "<b>Population</b> (FOLK1A, Kilde: Danmarks Statistik): persons per kommune by sex and "
        "5-year age group (m_0_4 … k_85_plus, the columns the need weights read) for 2014K1, "
        "the latest quarter with age and sex embedded, and persons per kommune and quarter "
        "2008K1–2021K1; every row states its quarter.<br>"
        "Polygons are in EPSG:25832, generalised (DAGI 2021 via Dataforsyningen, simplified "
        "by dagir) with borders shared exactly between neighbours; fine for maps and as areas, "
        "not for exact boundary work. Christiansø is not a kommune and is in none of the "
        "layers. The layers are optional outputs: leave one empty to skip it.",
    )

    def define_parameters(self, config=None) -> None:
        """One feature sink per reference table."""
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "HOSPITALS",
                self.tr("Akutsygehuse"),
                QgsProcessing.SourceType.TypeVectorPoint,
                "TEMPORARY_OUTPUT",
            )
        )
        for name, description, _function, layer, _key in TABLES:
            kind = QgsProcessing.SourceType.TypeVectorPolygon if layer else None
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    name,
                    self.tr(description),
                    kind or QgsProcessing.SourceType.TypeVector,
                    None,
                    True,  # optional: qgis_process writes only the tables it is given
                    True,  # created by default (temporary layer) in the dialog
                )
            )

    def compute(self, parameters, context, feedback):
        """Read the reference tables (and their polygons) through the core; write the sinks."""
        from ..sundplan_qgis import reference

        results = {}
        progress = self.progress(feedback)
        steps = 1 + len(TABLES)
        progress(0.0, self.tr("Akutsygehuse"))
        hospitals = reference.akutsygehuse()
        results["HOSPITALS"] = self.write_frame(
            hospitals,
            "HOSPITALS",
            parameters,
            context,
            x="x_25832",
            y="y_25832",
            crs="EPSG:25832",
            feedback=feedback,
        )
        self.style_output(results["HOSPITALS"], "akutsygehuse", context)
        for i, (name, description, function, layer, key) in enumerate(TABLES, start=1):
            progress(i / steps, self.tr(description))
            if parameters.get(name) in (None, ""):
                continue
            table = getattr(reference, function)()
            spatial = {}
            if layer:
                table = reference.with_polygons(table, layer, key=key)
                spatial = {"geometry": "geometry", "crs": reference.NATIONAL_CRS}
            dest_id = self.write_frame(
                table, name, parameters, context, feedback=feedback, **spatial
            )
            if dest_id is not None:
                results[name] = dest_id
        progress(1.0, "")
        return results
