"""QGIS entry point of the sundplan plugin.

QGIS ships a top-level package called ``processing``; this plugin's own ``processing``
folder must therefore only ever be imported relatively (``from .processing import ...``).
"""


def classFactory(iface):  # noqa: N802 (name required by QGIS)
    """Create the plugin object; called by QGIS (also by ``qgis_process``, with iface None)."""
    from .plugin import SundplanPlugin

    return SundplanPlugin(iface)
