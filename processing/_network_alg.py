"""Compatibility for the tool modules not yet moved onto the parameter groups in ``_params``
(``fca_access``, ``specialist_gaps``); new code composes the groups directly.

To be removed by the integrator once no tool imports it.
"""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingException

from ._params import network as _network
from ._params.hospitals import hospital_ids
from ._params.residents import ResidentsParameters
from .base import SundplanAlgorithm


class NetworkParameters(_network.NetworkParameters, ResidentsParameters):
    """The road network and residents groups together, as the old mixin offered them."""


class NetworkAlgorithmBase(NetworkParameters, SundplanAlgorithm):
    """Base of the algorithms that route over a road network (old shape)."""

    _requires = _network.ROUTING_REQUIRES

    def read_inputs(self, parameters, context, feedback, *, bands_min=None) -> dict:
        """:meth:`read_routing` as the old dict (with the network CRS as ``crs``)."""
        routing = self.read_routing(parameters, context, feedback, bands_min=bands_min)
        return {
            "graph": routing.graph,
            "crs": QgsCoordinateReferenceSystem.fromWkt(routing.graph.crs_wkt),
            "population": routing.population,
            "areas": routing.areas,
            "bands": routing.bands_min,
            "max_snap_m": routing.max_snap_m,
            "access_speed_kmh": routing.access_speed_kmh,
            "cell_size_m": routing.cell_size_m,
            "network_report": routing.network_report,
        }


__all__ = [
    "NetworkAlgorithmBase",
    "NetworkParameters",
    "QgsProcessingException",
    "hospital_ids",
]
