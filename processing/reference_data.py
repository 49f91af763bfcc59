"""``sundplan:reference_data``: the embedded Danish reference data as layers and tables."""

from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSink
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from .base import SundplanAlgorithm

# (output name, English description, reference.<function>, style name or None)
TABLES = (
    ("KOMMUNER", QT_TRANSLATE_NOOP("sundplan", "Kommuner"), "kommuner", None),
    ("REGIONS", QT_TRANSLATE_NOOP("sundplan", "Regioner (until 2026)"), "regioner", None),
    ("REGIONS_2027", QT_TRANSLATE_NOOP("sundplan", "Regioner from 2027"), "regioner_2027", None),
    ("SUNDHEDSRAAD", QT_TRANSLATE_NOOP("sundplan", "Sundhedsråd"), "sundhedsraad", None),
    (
        "SUNDHEDSFAELLESSKABER",
        QT_TRANSLATE_NOOP("sundplan", "Sundhedsfællesskaber"),
        "sundhedsfaellesskaber",
        None,
    ),
    (
        "GROUPING",
        QT_TRANSLATE_NOOP("sundplan", "Kommune grouping (region, sundhedsråd, ...)"),
        "grouping_table",
        None,
    ),
)


class ReferenceDataAlgorithm(SundplanAlgorithm):
    """Writes the 21 akutsygehuse as points (EPSG:25832) and the administrative tables."""

    _name = "reference_data"
    _display_name = QT_TRANSLATE_NOOP(
        "sundplan", "Reference data: akutsygehuse, kommuner, regioner, sundhedsråd"
    )
    _group_id = "data"
    _requires = ("numpy", "pandas", "pyproj")
    _tags = ("akutsygehuse", "hospitals", "kommuner", "regioner", "reference")
    _help = QT_TRANSLATE_NOOP(
        "sundplan",
        "Writes the reference data embedded in the plugin, no download needed:<br>"
        "<b>Akutsygehuse</b>: the 21 acute hospitals (fælles akutmodtagelse) as points in "
        "ETRS89 / UTM 32N (EPSG:25832), with region, kommune and sundhedsfællesskab.<br>"
        "<b>Kommuner</b>: the 98 kommuner with region (until 2026 and from 2027), "
        "sundhedsråd, sundhedsfællesskab and population.<br>"
        "<b>Regioner</b>, <b>Regioner from 2027</b>, <b>Sundhedsråd</b>, "
        "<b>Sundhedsfællesskaber</b>: one row per unit.<br>"
        "<b>Kommune grouping</b>: one row per kommune with the larger units it belongs to, "
        "for joining kommune results to regions and sundhedsråd.<br>"
        "The tables have no geometry; join them to your own boundaries by kommunekode. "
        "The tables are optional outputs: leave one empty to skip it.",
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
        for name, description, _function, _style in TABLES:
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    name,
                    self.tr(description),
                    QgsProcessing.SourceType.TypeVector,
                    None,
                    True,  # optional: qgis_process writes only the tables it is given
                    True,  # created by default (temporary layer) in the dialog
                )
            )

    def compute(self, parameters, context, feedback):
        """Read the reference CSVs through the core and write them to the sinks."""
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
        for i, (name, description, function, style) in enumerate(TABLES, start=1):
            progress(i / steps, self.tr(description))
            if parameters.get(name) in (None, ""):
                continue
            table = getattr(reference, function)()
            dest_id = self.write_frame(table, name, parameters, context, feedback=feedback)
            if dest_id is None:
                continue
            results[name] = dest_id
            if style:
                self.style_output(results[name], style, context)
        progress(1.0, "")
        return results
