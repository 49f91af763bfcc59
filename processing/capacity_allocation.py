"""``sundplan:capacity_allocation`` (Fordelingsmodel): a total of capacities distributed over
kommuner, sundhedsråd or regions by need in a target year, against today's capacities.

Thin wrapper: parameters -> ``allocation.AllocationInputs`` -> ``sundplan_qgis.allocation.run``
-> one polygon layer per unit (and the run report). Today's capacities come from a table
(unit code + capacity) or from practice points (read like gp_density reads them).
"""

from __future__ import annotations

import dataclasses

import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..sundplan_qgis import allocation, density, gaps, need, projection, specialties
from ..sundplan_qgis.errors import SundplanError
from ..sundplan_qgis.practices import Practices
from . import _inputs
from ._i18n import tr
from ._inputs import null_to_none
from ._outputs import labelled
from ._params.need import NeedWeightParameters
from .base import SundplanAlgorithm
from .need_projection import PopulationTableParameters

LABELS = {"level": projection.LEVEL_LABELS, "method": allocation.METHOD_LABELS}


class CapacityAllocationAlgorithm(
    PopulationTableParameters, NeedWeightParameters, SundplanAlgorithm
):
    """Fordelingsmodel."""

    _name = "capacity_allocation"
    _display_name = "Capacity allocation by need (Fordelingsmodel)"
    _group_id = "capacity"
    _requires = ("numpy", "pandas", "shapely")
    _tags = (
        "fordelingsmodel",
        "lægekapacitet",
        "ydernummer",
        "behov",
        "need",
        "allocation",
        "fair share",
        "sundhedsråd",
        "2030",
    )
    _help = (
        "Distributes a total of capacities (lægekapaciteter, or a specialty's ydernumre) over "
        "kommuner, sundhedsråd, regions or the regions from 2027 by need, now and in a target "
        "year, against today's capacities (the national plan's fordelingsmodel, Princip 2: "
        "resources by need).<br><br>"
        "<b>Method</b>: fair share = total × the unit's share of the country's need-weighted "
        "residents (Σ persons × weight by age and sex) in the base year and in the target year; "
        "change needed = fair share in the target year − today's capacity; all three also per "
        "10 000 residents. Optionally rounded to whole units by the largest-remainder method: "
        "whole parts first, the units left one each to the largest remainders (ties to the "
        "larger quota, then the smaller area code); the total is kept exactly either way.<br>"
        "<b>Today's capacities</b>: a table with a unit code field (the level's codes - "
        "kommunekode, sundhedsraad_id 1-17, regionskode, region_2027_id 1-4 - its names, or "
        "kommunekoder, summed to the level) and a capacity field; or practices as points with "
        "a capacity field (1 per practice when empty), placed in the embedded kommuner. Units "
        "without capacity data are listed and left empty, never counted as 0.<br>"
        "<b>Population</b>: as in need_projection (a projection CSV, e.g. from "
        "fetch_base_data). The method, weights, years and total are written into the table, "
        "the report and the provenance."
    )
    _help_defaults = (
        "<b>Defaults</b>: population = the embedded FOLK1A 2021 (one year, so the target year "
        "is the base year); base year = the first year of the table, target year = its last; "
        "total = today's total capacity; level = sundhedsråd (the national model distributes "
        "on sundhedsråd level); need weights = almen praksis, or with a specialty the shipped "
        "weights of that specialty."
    )

    def define_parameters(self, config=None) -> None:
        self.add_population_table_parameters()
        self.add_year_parameter(
            "TARGET_YEAR", tr("Target year (empty = the last year of the table)")
        )
        self.add_choice("LEVEL", tr("Level"), allocation.LEVELS, default=allocation.DEFAULT_LEVEL)
        self.add_need_parameters(service=need.GP, default="default", matrix=True)
        self.addParameter(
            QgsProcessingParameterString(
                "SPECIALTY",
                tr("Specialty (empty = almen praksis; e.g. øjenlæge or Øjenlægevidenskab)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TOTAL",
                tr("Total to distribute (empty = today's total capacity)"),
                QgsProcessingParameterNumber.Double,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "CURRENT_TABLE",
                tr("Today's capacities: a table or layer per unit"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        for key, label in (
            ("CURRENT_CODE_FIELD", tr("Unit code field of the capacity table")),
            ("CURRENT_VALUE_FIELD", tr("Capacity field of the capacity table")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    key, label, parentLayerParameterName="CURRENT_TABLE", optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "PRACTICES",
                tr("…or practices (points)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "CAPACITY_FIELD",
                tr("Capacity field (number of GPs / lægekapaciteter; empty = 1 per practice)"),
                parentLayerParameterName="PRACTICES",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "ROUND", tr("Round to whole units (largest remainder)"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                "OUTPUT", tr("Fair shares per unit"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.add_report_output(optional=True)

    # ------------------------------------------------------------------ reading
    def _weights(self, parameters, context, specialty: str | None):
        if specialty and self.choice(parameters, "NEED_WEIGHTS", context) == "default":
            rows = gaps.weights_for(need.load_weights(service=need.SPECIALISTS), specialty)[0]
            # the rows of one specialty, named and hashed as the table the run used
            return dataclasses.replace(
                rows, label=f"{rows.label}: {specialty}", sha256=need.weights_hash(rows)
            )
        return self.read_need_weights(parameters, context, service=need.GP)

    def _current(self, parameters, context) -> dict:
        """The capacity keywords of ``AllocationInputs``: a table or practices."""
        table = self.parameterAsSource(parameters, "CURRENT_TABLE", context)
        points = self.parameterAsSource(parameters, "PRACTICES", context)
        if table is not None and points is not None:
            raise SundplanError(tr("Give today's capacities as a table or as practices, not both."))
        if table is not None:
            name = self.layer_name(parameters, "CURRENT_TABLE", context)
            code = self.parameterAsString(parameters, "CURRENT_CODE_FIELD", context)
            value = self.parameterAsString(parameters, "CURRENT_VALUE_FIELD", context)
            if not code or not value:
                raise SundplanError(
                    tr(
                        "The capacity table '{layer}' needs its unit code field and its "
                        "capacity field."
                    ).format(layer=name)
                )
            rows = [(null_to_none(f[code]), null_to_none(f[value])) for f in table.getFeatures()]
            return {
                "capacity_table": pd.DataFrame(rows, columns=["unit_code", "capacity"]),
                "capacity_source": f"{name}: {value}",
            }
        if points is None:
            return {}
        name = self.layer_name(parameters, "PRACTICES", context)
        field = self.parameterAsString(parameters, "CAPACITY_FIELD", context) or None
        pts = _inputs.read_points(
            points,
            layer_name=name,
            target_crs=QgsCoordinateReferenceSystem(allocation.CRS),
            context=context,
            fields=(field,) if field else (),
        )
        if not pts["ids"]:
            raise SundplanError(tr("The practice layer '{layer}' is empty.").format(layer=name))
        if field:
            capacity = density.validate_capacity(
                [null_to_none(v) for v in pts[field]],
                names=pts["names"],
                ids=pts["ids"],
                source_name=name,
                field_name=field,
            )
        else:
            capacity = [1.0] * len(pts["ids"])
        practices = Practices(
            xy=pts["xy"], capacity=capacity, names=pts["names"], ids=pts["ids"], source_name=name
        )
        return {"practices": practices}

    def read(self, parameters, context) -> allocation.AllocationInputs:
        """The only place that turns this tool's parameters into core inputs."""
        text = (self.parameterAsString(parameters, "SPECIALTY", context) or "").strip()
        specialty = (
            specialties.normalise_specialties([text], source_name="SPECIALTY")[0] if text else None
        )
        total = None
        if parameters.get("TOTAL") not in (None, ""):
            total = self.parameterAsDouble(parameters, "TOTAL", context)
        return allocation.AllocationInputs(
            population=self.read_population_table(parameters, context),
            weights=self._weights(parameters, context, specialty),
            level=self.choice(parameters, "LEVEL", context),
            base_year=self.read_year(parameters, "BASE_YEAR", context),
            target_year=self.read_year(parameters, "TARGET_YEAR", context),
            total=total,
            round_whole=self.parameterAsBool(parameters, "ROUND", context),
            unit_label="ydernumre" if specialty else "lægekapaciteter",
            with_geometry=True,
            **self._current(parameters, context),
        )

    # ------------------------------------------------------------------ running
    def compute(self, parameters, context, feedback):
        progress, result = self.run_core(parameters, context, feedback, allocation.run)
        out = {
            "OUTPUT": self.write_frame(
                labelled(result.table, LABELS),
                "OUTPUT",
                parameters,
                context,
                geometry="geometry",
                crs=allocation.CRS,
                feedback=feedback,
            )
        }
        self.style_output(
            out["OUTPUT"], "capacity_allocation", context, title=tr("Fair shares per unit")
        )
        if parameters.get("REPORT") not in (None, ""):
            out.update(self.write_report(result.report, parameters, context))
        progress(1.0, "")
        return out
