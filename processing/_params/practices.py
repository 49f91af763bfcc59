"""PRACTICES and their fields, read into the core's one practices type: GP practices
(capacity, list size, open, specialty filter) or specialist capacity (points or a table)."""

from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ...sundplan_qgis import density, practices
from ...sundplan_qgis.areas import AreaTable
from ...sundplan_qgis.errors import SundplanError
from ...sundplan_qgis.parsing import split_list
from .. import _inputs
from .._i18n import tr
from .._inputs import null_to_none


class CapacityParameters:
    """Mixin (with ``SundplanAlgorithm``): specialist practices as points or a capacity table."""

    def add_capacity_parameters(self) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "PRACTICES",
                tr("Specialist practices (points)"),
                [QgsProcessing.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "SPECIALTY_FIELD",
                tr("Specialty field of the practices"),
                parentLayerParameterName="PRACTICES",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "CAPACITY_FIELD",
                tr("Capacity field (full-time ydernumre; empty = 1 per practice)"),
                parentLayerParameterName="PRACTICES",
                type=QgsProcessingParameterField.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "CAPACITY_TABLE",
                tr("…or a capacity table per area and specialty"),
                [QgsProcessing.TypeVector],
                optional=True,
            )
        )
        for key, label in (
            ("CAPACITY_AREA_FIELD", tr("Area id field of the capacity table")),
            ("CAPACITY_SPECIALTY_FIELD", tr("Specialty field of the capacity table")),
            ("CAPACITY_VALUE_FIELD", tr("Capacity field of the capacity table")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    key, label, parentLayerParameterName="CAPACITY_TABLE", optional=True
                )
            )

    def _source_name(self, parameters, key, context) -> str:
        layer = self.parameterAsVectorLayer(parameters, key, context)
        return layer.name() if layer is not None else key

    def read_capacity(self, parameters, context, *, areas: AreaTable) -> dict:
        """``{"practices": Practices}`` (in the areas' CRS) or ``{"capacity_table": rows,
        "capacity_source": name}``: the capacity keywords of ``gaps.GapInputs``."""
        source = self.parameterAsSource(parameters, "PRACTICES", context)
        table = self.parameterAsSource(parameters, "CAPACITY_TABLE", context)
        if source is not None:
            name = self._source_name(parameters, "PRACTICES", context)
            spec_field = self.parameterAsString(parameters, "SPECIALTY_FIELD", context)
            cap_field = self.parameterAsString(parameters, "CAPACITY_FIELD", context) or None
            if not spec_field:
                raise SundplanError(tr("Choose the specialty field of the practices."))
            if areas.geometries is None:
                raise SundplanError(
                    tr(
                        "Practices as points need polygon areas to be placed in. Give the "
                        "areas as polygons, or give a capacity table per area instead."
                    )
                )
            pts = _inputs.read_points(
                source,
                layer_name=name,
                target_crs=areas.crs,
                context=context,
                fields=tuple(f for f in (spec_field, cap_field) if f),
            )
            return {
                "practices": practices.specialist_practices(
                    xy=pts["xy"],
                    ids=pts["ids"],
                    specialty_values=[null_to_none(v) for v in pts[spec_field]],
                    capacity_values=(
                        [null_to_none(v) for v in pts[cap_field]] if cap_field else None
                    ),
                    source_name=name,
                    specialty_field=spec_field,
                    capacity_field=cap_field,
                )
            }
        if table is not None:
            name = self._source_name(parameters, "CAPACITY_TABLE", context)
            keys = [
                self.parameterAsString(parameters, k, context)
                for k in ("CAPACITY_AREA_FIELD", "CAPACITY_SPECIALTY_FIELD", "CAPACITY_VALUE_FIELD")
            ]
            if not all(keys):
                raise SundplanError(
                    tr("The capacity table needs its area id, specialty and capacity fields.")
                )
            rows = [
                (str(null_to_none(f[keys[0]])), null_to_none(f[keys[1]]), null_to_none(f[keys[2]]))
                for f in table.getFeatures()
            ]
            frame = pd.DataFrame(rows, columns=["area_id", "specialty", "capacity"])
            return {"capacity_table": frame, "capacity_source": f"{name}: {keys[1]}"}
        raise SundplanError(
            tr("Give the specialist practices (points) or a capacity table per area.")
        )


class PracticeParameters:
    """Mixin (with ``SundplanAlgorithm``): practice layer + capacity/list/open/specialty
    parameters (GP density, 2SFCA)."""

    def add_practice_parameters(self, *, list_and_open: bool) -> None:
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                "PRACTICES", tr("Practices (points)"), [QgsProcessing.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                "PRACTICE_NAME_FIELD",
                tr("Practice name field"),
                parentLayerParameterName="PRACTICES",
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
        if list_and_open:
            self.addParameter(
                QgsProcessingParameterField(
                    "LIST_SIZE_FIELD",
                    tr("List size field (patients, optional)"),
                    parentLayerParameterName="PRACTICES",
                    type=QgsProcessingParameterField.Numeric,
                    optional=True,
                )
            )
            self.addParameter(
                QgsProcessingParameterField(
                    "OPEN_FIELD",
                    tr("'Open for new patients' field (1/0, yes/no, ja/nej; optional)"),
                    parentLayerParameterName="PRACTICES",
                    optional=True,
                )
            )
        self.addParameter(
            QgsProcessingParameterField(
                "SPECIALTY_FIELD",
                tr("Specialty field"),
                parentLayerParameterName="PRACTICES",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "SPECIALTIES",
                tr("Only these specialties (comma separated; empty = all practices)"),
                optional=True,
            )
        )

    def read_practices(self, parameters, context, crs, *, list_and_open: bool):
        """(practices in ``crs``, what to report about them): capacity checked, the
        SPECIALTIES filter (:func:`split_list`) applied."""
        source = self.parameterAsSource(parameters, "PRACTICES", context)
        layer = self.parameterAsVectorLayer(parameters, "PRACTICES", context)
        name = layer.name() if layer is not None else "PRACTICES"
        fields = {}
        for key in ("CAPACITY_FIELD", "SPECIALTY_FIELD") + (
            ("LIST_SIZE_FIELD", "OPEN_FIELD") if list_and_open else ()
        ):
            fields[key] = self.parameterAsString(parameters, key, context) or None
        wanted = tuple(f for f in fields.values() if f)
        pts = _inputs.read_points(
            source,
            layer_name=name,
            target_crs=crs,
            context=context,
            name_field=self.parameterAsString(parameters, "PRACTICE_NAME_FIELD", context) or None,
            fields=wanted,
        )
        keep = np.ones(len(pts["names"]), dtype=bool)
        specialties = self.parameterAsString(parameters, "SPECIALTIES", context) or ""
        wanted_spec = {s.lower() for s in split_list(specialties)}
        filter_label = "all practices"
        if wanted_spec:
            if not fields["SPECIALTY_FIELD"]:
                raise SundplanError(tr("A specialty filter needs the specialty field."))
            values = [
                str(null_to_none(v) or "").strip().lower() for v in pts[fields["SPECIALTY_FIELD"]]
            ]
            keep = np.array([v in wanted_spec for v in values], dtype=bool)
            filter_label = f"{fields['SPECIALTY_FIELD']} in ({', '.join(sorted(wanted_spec))})"
            if not keep.any():
                found = sorted({v for v in values if v})
                raise SundplanError(
                    tr(
                        "No practice of '{layer}' has specialty {wanted}. Specialties found: {found}."
                    ).format(
                        layer=name,
                        wanted=", ".join(sorted(wanted_spec)),
                        found=", ".join(found[:20]),
                    )
                )
        idx = np.flatnonzero(keep)
        names = [pts["names"][i] for i in idx]
        ids = [pts["ids"][i] for i in idx]
        if idx.size == 0:
            raise SundplanError(tr("The practice layer '{layer}' is empty.").format(layer=name))
        if fields["CAPACITY_FIELD"]:
            cap = density.validate_capacity(
                [null_to_none(pts[fields["CAPACITY_FIELD"]][i]) for i in idx],
                names=names,
                ids=ids,
                source_name=name,
                field_name=fields["CAPACITY_FIELD"],
            )
        else:
            cap = np.ones(idx.size)
        list_size = open_ = None
        if list_and_open and fields["LIST_SIZE_FIELD"]:
            list_size = np.array(
                [
                    practices.to_float(null_to_none(pts[fields["LIST_SIZE_FIELD"]][i]))
                    if null_to_none(pts[fields["LIST_SIZE_FIELD"]][i]) is not None
                    else np.nan
                    for i in idx
                ]
            )
        if list_and_open and fields["OPEN_FIELD"]:
            open_ = density.open_flags([null_to_none(pts[fields["OPEN_FIELD"]][i]) for i in idx])
        return practices.Practices(
            xy=pts["xy"][idx],
            capacity=cap,
            names=names,
            ids=ids,
            list_size=list_size,
            open_for_patients=open_,
            source_name=name,
        ), {
            "layer": name,
            "filter": filter_label,
            "capacity_field": fields["CAPACITY_FIELD"] or "1 per practice",
        }
