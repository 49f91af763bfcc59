"""AREAS with id and name fields, read into one core area table (population columns kept)."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsWkbTypes

from ...sundplan_qgis.areas import AreaTable
from ...sundplan_qgis.errors import SundplanError
from .. import _inputs
from .._i18n import tr
from .._inputs import null_to_none


class AreaParameters:
    """Mixin (with ``SundplanAlgorithm``): declares AREAS + AREA_ID_FIELD/AREA_NAME_FIELD and
    reads them into :class:`~sundplan_qgis.areas.AreaTable`, the core's one area type."""

    def add_area_parameters(
        self,
        label: str,
        *,
        optional: bool = True,
        tables: bool = False,
        id_label: str | None = None,
    ) -> None:
        """AREAS (polygons; with ``tables`` also plain tables) with AREA_ID_FIELD and
        AREA_NAME_FIELD: the units results are reported for, e.g. kommuner."""
        from qgis.core import (
            QgsProcessing,
            QgsProcessingParameterFeatureSource,
            QgsProcessingParameterField,
        )

        types = [QgsProcessing.TypeVectorPolygon]
        if tables:
            types.append(QgsProcessing.TypeVector)
        self.addParameter(
            QgsProcessingParameterFeatureSource("AREAS", label, types, optional=optional)
        )
        for key, field_label in (
            ("AREA_ID_FIELD", id_label or tr("Area id field (e.g. kommunekode)")),
            ("AREA_NAME_FIELD", tr("Area name field")),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    key, field_label, parentLayerParameterName="AREAS", optional=True
                )
            )

    def read_summary_areas(
        self, parameters, context, *, crs, age_sex: bool = False, embedded: bool = False
    ) -> AreaTable | None:
        """Optional summary areas (e.g. kommuner) reprojected to ``crs`` (the network's); with
        ``age_sex`` also their age/sex columns as read (NULL = None). Without AREAS: the
        embedded 98 kommuner when ``embedded`` (the residents are theirs), else None."""
        from ...sundplan_qgis import need

        source = self.parameterAsSource(parameters, "AREAS", context)
        if source is None:
            return embedded_kommune_areas(self, crs_wkt=crs.toWkt()) if embedded else None
        fields = tuple(need.age_sex_columns(source.fields().names())) if age_sex else ()
        return self._polygon_areas(parameters, context, source, crs=crs, fields=fields)

    def _polygon_areas(self, parameters, context, source, *, crs, fields) -> AreaTable:
        """AREAS as polygons in ``crs`` with the attribute ``fields`` (NULL = None)."""
        import pandas as pd

        polys = _inputs.read_polygons(
            source,
            layer_name=self.layer_name(parameters, "AREAS", context),
            target_crs=crs,
            context=context,
            id_field=self.parameterAsString(parameters, "AREA_ID_FIELD", context) or None,
            name_field=self.parameterAsString(parameters, "AREA_NAME_FIELD", context) or None,
            fields=tuple(fields),
        )
        columns = pd.DataFrame({c: [null_to_none(v) for v in polys[c]] for c in fields})
        ids = [null_to_none(i) for i in polys["ids"]]
        return AreaTable.from_polygons(
            polys["geometries"],
            ids,
            polys["names"],
            self.layer_name(parameters, "AREAS", context),
            columns=columns,
        )

    def read_area_table(self, parameters, context) -> AreaTable:
        """Areas with population columns (age/sex and/or ``population``), as polygons (in a
        projected CRS; EPSG:25832 when the layer's is geographic) or a plain table."""
        import pandas as pd

        from ...sundplan_qgis import need

        source = self.parameterAsSource(parameters, "AREAS", context)
        if source is None:
            raise SundplanError(tr("Choose the areas with population (a layer or table)."))
        layer = self.parameterAsVectorLayer(parameters, "AREAS", context)
        name = layer.name() if layer is not None else "AREAS"
        id_field = self.parameterAsString(parameters, "AREA_ID_FIELD", context) or None
        name_field = self.parameterAsString(parameters, "AREA_NAME_FIELD", context) or None
        fields = source.fields().names()
        pop_cols = list(need.age_sex_columns(fields))
        if "population" in fields:
            pop_cols.append("population")
        if not pop_cols:
            raise SundplanError(
                tr(
                    "The areas '{layer}' have no population columns: give age/sex columns "
                    "(m_0_4, k_0_4 … m_85_plus, k_85_plus) or a 'population' field. Fields "
                    "found: {fields}."
                ).format(layer=name, fields=", ".join(fields))
            )
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == QgsWkbTypes.PolygonGeometry
        crs = source.sourceCrs()
        if polygons and (not crs.isValid() or crs.isGeographic()):
            crs = QgsCoordinateReferenceSystem(_inputs.EPSG_25832)
        if polygons:
            polys = _inputs.read_polygons(
                source,
                layer_name=name,
                target_crs=crs,
                context=context,
                id_field=id_field,
                name_field=name_field,
                fields=tuple(pop_cols),
            )
            ids, names, geoms = polys["ids"], polys["names"], polys["geometries"]
            values = {c: polys[c] for c in pop_cols}
        else:
            for f in (id_field, name_field):
                if f and f not in fields:
                    raise SundplanError(
                        tr("The table '{layer}' has no field '{field}'.").format(
                            layer=name, field=f
                        )
                    )
            ids, names, geoms, values = [], [], None, {c: [] for c in pop_cols}
            for feat in source.getFeatures():
                ids.append(feat[id_field] if id_field else feat.id())
                names.append(str(feat[name_field]) if name_field else str(ids[-1]))
                for c in pop_cols:
                    values[c].append(feat[c])
            if not ids:
                raise SundplanError(tr("The area table '{layer}' is empty.").format(layer=name))
        ids = [str(null_to_none(i)) for i in ids]
        frame = pd.DataFrame(
            {"area_id": ids, "area_name": names}
            | {c: [null_to_none(v) for v in vals] for c, vals in values.items()}
        )
        for c in pop_cols:
            frame[c] = pd.to_numeric(frame[c], errors="coerce")
        if "population" in frame.columns and len(pop_cols) > 1:
            frame = frame.drop(columns="population")  # age/sex columns are the population
        dupes = frame["area_id"][frame["area_id"].duplicated()].unique()
        if len(dupes):
            raise SundplanError(
                tr(
                    "The areas '{layer}' have duplicate ids: {ids}. Choose an id field with one "
                    "value per area."
                ).format(layer=name, ids=", ".join(dupes[:10]))
            )
        return AreaTable(
            frame=frame, geometries=geoms, crs=crs if polygons else None, source_name=name
        )

    def read_area_polygons(self, parameters, context, *, population_field: str | None) -> AreaTable:
        """Area polygons in their own CRS with ``population_field`` and the age/sex columns
        (values as read, NULL = None; ids as read, matched as codes by the core)."""
        import dataclasses

        from ...sundplan_qgis import need

        source = self.parameterAsSource(parameters, "AREAS", context)
        crs = source.sourceCrs()
        age_cols = list(need.age_sex_columns(source.fields().names()))
        wanted = tuple(
            dict.fromkeys([*([population_field] if population_field else []), *age_cols])
        )
        table = self._polygon_areas(parameters, context, source, crs=crs, fields=wanted)
        return dataclasses.replace(
            table,
            crs=crs,
            crs_wkt=crs.toWkt(),
            id_field=self.parameterAsString(parameters, "AREA_ID_FIELD", context) or None,
        )


def embedded_kommune_areas(algorithm, *, crs_wkt: str) -> AreaTable:
    """The embedded 98 kommuner as summary areas (id kommunekode, name kommune; Christiansø
    outside the kommune division is left out, as ``sundplan:reference_data`` marks it)."""
    from ...sundplan_qgis import reference
    from .network import record_default

    kommuner = reference.kommune_residents(crs_wkt=crs_wkt)
    record_default(
        algorithm,
        "areas",
        {"source": "embedded kommuner", "areas": len(kommuner), "file": reference.NATIONAL_GPKG},
    )
    return AreaTable.from_polygons(
        list(kommuner["geometry"]),
        list(kommuner["kommunekode"]),
        list(kommuner["kommune"]),
        "kommuner",
        crs_wkt=crs_wkt,
    )
