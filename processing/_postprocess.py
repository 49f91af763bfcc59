"""After a run: QML styles and provenance metadata on the outputs.

In the GUI through a layer post-processor; for GeoPackage and GeoTIFF outputs also stored in
or beside the file, so outputs of ``qgis_process`` open styled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsLayerMetadata,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ._i18n import tr


@dataclass
class OutputStyle:
    """How one output is finished after the run."""

    style: Path | None = None  # the QML, or None: metadata only
    title: str | None = None  # layer title in the metadata
    in_file: bool = True  # also store style and metadata in the GeoPackage / beside the raster
    adapt: Callable | None = None  # fits the loaded style to the data (legend labels ...)


class LayerPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies a QML style and the provenance metadata to an output layer loaded in QGIS.

    The standard pattern: QGIS holds only a C++ pointer to the post-processor, so Python
    must keep the object alive: :meth:`create` keeps every instance in a class list.
    """

    _instances: list[LayerPostProcessor] = []

    def __init__(
        self,
        style_path: Path | None,
        provenance: str | None,
        title: str | None,
        adapt: Callable | None = None,
    ):
        super().__init__()
        self.style_path = style_path
        self.provenance = provenance
        self.title = title
        self.adapt = adapt

    @classmethod
    def create(
        cls,
        style_path: Path | None,
        provenance: str | None,
        title: str | None = None,
        adapt: Callable | None = None,
    ) -> LayerPostProcessor:
        """Create and keep alive a post-processor."""
        instance = cls(style_path, provenance, title, adapt)
        cls._instances.append(instance)
        return instance

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        """Called by QGIS in the main thread after the layer was loaded."""
        if layer is None or not layer.isValid():
            return
        if self.style_path is not None and self.style_path.is_file():
            _message, ok = layer.loadNamedStyle(str(self.style_path))
            if ok:
                _adapt(layer, self.adapt, None)
                layer.triggerRepaint()
        if self.provenance:
            layer.setMetadata(_layer_metadata(layer.metadata(), self.provenance, self.title))


def _layer_metadata(
    metadata: QgsLayerMetadata | None, provenance: str, title: str | None
) -> QgsLayerMetadata:
    md = QgsLayerMetadata(metadata) if metadata is not None else QgsLayerMetadata()
    if title:
        md.setTitle(title)
    md.setAbstract(tr("Made by the Sundplan QGIS plugin. Provenance (JSON):") + "\n" + provenance)
    keywords = md.keywords()
    keywords["sundplan"] = ["sundplan"]
    md.setKeywords(keywords)
    return md


def _adapt(layer, adapt: Callable | None, feedback: QgsProcessingFeedback | None) -> None:
    """Fit a loaded style to the layer's data (e.g. legend labels from the hospital names)."""
    if adapt is None:
        return
    try:
        adapt(layer)
    except Exception as exc:  # a legend nicety must never fail a run
        if feedback is not None:
            feedback.pushInfo(tr("Could not adapt the style: {error}").format(error=exc))


def _persist_raster_style(
    source: str, style: Path, adapt: Callable | None, feedback: QgsProcessingFeedback | None
) -> None:
    """Write ``<raster>.qml`` beside a raster output: QGIS loads it as the default style."""
    from qgis.core import QgsRasterLayer

    layer = QgsRasterLayer(source, Path(source).stem)
    if not layer.isValid():
        return
    _message, ok = layer.loadNamedStyle(str(style))
    if ok:
        _adapt(layer, adapt, feedback)
        layer.saveNamedStyle(str(Path(source).with_suffix(".qml")))
    del layer


def _persist_in_file(
    dest_id: str,
    style: Path | None,
    provenance: str | None,
    title: str | None,
    feedback: QgsProcessingFeedback | None,
    adapt: Callable | None = None,
) -> None:
    """Store style (as default style) and metadata inside a GeoPackage output.

    This makes them show up when the file is opened later, also for ``qgis_process`` runs.
    Other formats are left alone. Failures are reported as info, never raised.
    """
    source = dest_id.split("|", 1)[0]
    if source.lower().endswith((".tif", ".tiff")) and style is not None and Path(source).is_file():
        _persist_raster_style(source, style, adapt, feedback)
        return
    if not source.lower().endswith(".gpkg") or not Path(source).is_file():
        return
    uri = dest_id
    if "layername=" not in uri:  # saveLayerMetadata needs the layer name spelled out
        from osgeo import ogr

        dataset = ogr.Open(source)
        if dataset is None or dataset.GetLayerCount() != 1:
            return
        uri = f"{source}|layername={dataset.GetLayer(0).GetName()}"
        dataset = None
    # The file has no stored style yet and the QML replaces the symbology anyway: looking
    # for a default style (a query per output) is skipped. Metadata is read either way.
    layer = QgsVectorLayer(
        uri, title or "sundplan", "ogr", QgsVectorLayer.LayerOptions(loadDefaultStyle=False)
    )
    if not layer.isValid():
        return
    try:
        if style is not None:
            _message, ok = layer.loadNamedStyle(str(style))
            if ok:
                _adapt(layer, adapt, feedback)
                error = layer.saveStyleToDatabase(style.stem, "sundplan", True, "")
                if error and feedback is not None:
                    feedback.pushInfo(
                        tr("Could not store the style in {file}: {error}").format(
                            file=source, error=error
                        )
                    )
        if provenance:
            md = _layer_metadata(layer.metadata(), provenance, title)
            ok, error = QgsProviderRegistry.instance().saveLayerMetadata("ogr", uri, md)
            if not ok and feedback is not None:
                feedback.pushInfo(
                    tr("Could not store metadata in {file}: {error}").format(
                        file=source, error=error
                    )
                )
    except Exception as exc:  # metadata is a bonus: never fail the run for it
        if feedback is not None:
            feedback.pushInfo(
                tr("Could not store metadata in {file}: {error}").format(file=source, error=exc)
            )
    finally:
        del layer
