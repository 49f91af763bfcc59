"""The tools' outputs given as inputs, read into plain tables (attributes only)."""

from __future__ import annotations

import pandas as pd
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ...sundplan_qgis import profile
from .._inputs import null_to_none


def layer_frame(layer: QgsVectorLayer) -> pd.DataFrame:
    """The attribute table of ``layer`` (NULL as None); geometry is not read."""
    names = layer.fields().names()
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    rows = [[null_to_none(v) for v in f.attributes()] for f in layer.getFeatures(request)]
    return pd.DataFrame(rows, columns=names)


def read_table(algorithm, parameters, name: str, context) -> profile.Table | None:
    """The layer given for ``name`` as a :class:`profile.Table`, or None when not given."""
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        return None
    return profile.Table(layer_frame(layer), layer.name())
