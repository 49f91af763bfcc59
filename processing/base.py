"""Shared base class and helpers for sundplan's Processing algorithms.

An algorithm module subclasses :class:`SundplanAlgorithm`, sets the class attributes
(``_name``, ``_display_name``, ``_group_id``, ``_help``, ``_requires``) and implements
:meth:`SundplanAlgorithm.define_parameters` and :meth:`SundplanAlgorithm.compute`. The base class
does the rest: translation, icon, help, the dependency check, turning ``SundplanError`` into a
``QgsProcessingException`` (a message, not a traceback), the ``PROVENANCE`` output, layer
metadata and QML styles on the outputs.

Only relative imports of this plugin's modules: QGIS has its own top-level ``processing``.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsLayerMetadata,
    QgsMapLayer,
    QgsPointXY,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
    QgsProperty,
    QgsProviderRegistry,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication, QDate, QDateTime, QVariant
from qgis.PyQt.QtGui import QIcon

from ..sundplan_qgis import deps
from ..sundplan_qgis.errors import Cancelled, SundplanError
from ..sundplan_qgis.provenance import provenance_json

PROVIDER_ID = "sundplan"
TR_CONTEXT = "sundplan"
PLUGIN_DIR = Path(__file__).resolve().parents[1]
ICON_PATH = PLUGIN_DIR / "resources" / "icons" / "sundplan.svg"
STYLES_DIR = PLUGIN_DIR / "resources" / "styles"
PROVENANCE_OUTPUT = "PROVENANCE"

# Group ids -> English group names (translated at display time). Add new groups here.
GROUPS = {
    "data": "Data",
    "accessibility": "Accessibility",
    "capacity": "Capacity and need",
    "maps": "Maps and reports",
}


def tr(message: str) -> str:
    """Translate ``message`` in the single context ``sundplan`` (i18n/sundplan_da.ts)."""
    return QCoreApplication.translate(TR_CONTEXT, message)


def translate_message(message: Any) -> str:
    """A core message (``SundplanError``, ``errors.Message`` or plain text) in the UI language.

    The core cannot call Qt: it keeps the English template and the values
    (``SundplanError("... {layer} ...", layer=name)``); the template is looked up in the
    translation and the values filled in. Anything without a translation stays English.
    """
    template = getattr(message, "template", None)
    if template is None:
        return tr(str(message))
    values = {
        key: translate_message(value) if hasattr(value, "template") else value
        for key, value in (getattr(message, "values", None) or {}).items()
    }
    translated = tr(template)
    if translated == template and not values:
        return str(message)
    try:
        return translated.format(**values) if values else translated
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
        return str(message)


def icon() -> QIcon:
    """The plugin icon."""
    return QIcon(str(ICON_PATH))


# --------------------------------------------------------------------------- dependencies
_dependency_cache: dict[tuple[str, ...], str] = {}


def dependency_problem(requires: Iterable[str] | None = None) -> str:
    """The install hint for the missing ones of ``requires`` (None: all), or ``""``.

    Cached per process (the answer does not change while QGIS runs); tests call
    :func:`reset_dependency_cache` after changing ``SUNDPLAN_SIMULATE_MISSING``.
    """
    key = tuple(requires) if requires is not None else ("*",)
    if key not in _dependency_cache:
        missing = deps.missing_dependencies()
        if requires is not None:
            wanted = set(requires)
            missing = [m for m in missing if m in wanted]
        _dependency_cache[key] = deps.install_hint(missing) if missing else ""
    return _dependency_cache[key]


def reset_dependency_cache() -> None:
    """Forget cached dependency answers (for tests)."""
    _dependency_cache.clear()


def _is_sundplan_error(exc: BaseException) -> bool:
    """True for SundplanError, also when the core was imported under a second name.

    (``sundplan_qgis.errors`` and ``sundplan.sundplan_qgis.errors`` are different modules when
    both are importable, e.g. in the test suite.)
    """
    return any(
        cls.__name__ == "SundplanError" and cls.__module__.endswith("sundplan_qgis.errors")
        for cls in type(exc).__mro__
    )


def _is_cancelled(exc: BaseException) -> bool:
    return any(
        cls.__name__ == "Cancelled" and cls.__module__.endswith("sundplan_qgis.errors")
        for cls in type(exc).__mro__
    )


def raise_user_error(message: str) -> None:
    """Stop the algorithm with ``message`` shown to the user (no traceback)."""
    raise QgsProcessingException(message)


# --------------------------------------------------------------------------- progress
def progress_callback(
    feedback: QgsProcessingFeedback | None, *, start: float = 0.0, end: float = 1.0
) -> Callable[[float, str], None]:
    """A plain ``progress(fraction, message)`` callable for the core.

    ``fraction`` in [0, 1] is mapped to ``start..end`` of the feedback's 0–100 % bar (so one
    algorithm can give several core calls a share each). A new non-empty message is shown as
    progress text. Raises :class:`sundplan_qgis.errors.Cancelled` when the user cancelled.
    """
    last = {"message": None}

    def progress(fraction: float, message: str = "") -> None:
        if feedback is None:
            return
        if feedback.isCanceled():
            raise Cancelled(tr("Cancelled by the user."))
        if fraction is not None and not math.isnan(fraction):
            fraction = min(max(float(fraction), 0.0), 1.0)
            feedback.setProgress(100.0 * (start + (end - start) * fraction))
        if message and message != last["message"]:
            last["message"] = message
            feedback.setProgressText(translate_message(message))

    return progress


# --------------------------------------------------------------------------- data frames
def _field(name: str, kind: str) -> QgsField:
    """A QgsField of ``kind`` in ('bool', 'int', 'double', 'datetime', 'date', 'string')."""
    if Qgis.QGIS_VERSION_INT >= 33800:
        from qgis.PyQt.QtCore import QMetaType

        types = {
            "bool": QMetaType.Type.Bool,
            "int": QMetaType.Type.LongLong,
            "double": QMetaType.Type.Double,
            "datetime": QMetaType.Type.QDateTime,
            "date": QMetaType.Type.QDate,
            "string": QMetaType.Type.QString,
        }
    else:  # QGIS 3.34/3.36: QVariant types
        types = {
            "bool": QVariant.Bool,
            "int": QVariant.LongLong,
            "double": QVariant.Double,
            "datetime": QVariant.DateTime,
            "date": QVariant.Date,
            "string": QVariant.String,
        }
    return QgsField(name, types[kind])


def _dtype_kind(series) -> str:
    import pandas as pd

    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "bool"
    if pd.api.types.is_integer_dtype(dtype):
        return "int"
    if pd.api.types.is_float_dtype(dtype):
        return "double"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "datetime"
    return "string"


def fields_from_dataframe(df, *, exclude: Iterable[str] = ()) -> QgsFields:
    """QgsFields typed from the frame's dtypes (int -> 64-bit int, float -> double, ...)."""
    excluded = set(exclude)
    fields = QgsFields()
    for column in df.columns:
        if column in excluded:
            continue
        fields.append(_field(str(column), _dtype_kind(df[column])))
    return fields


def _qgis_value(value: Any, kind: str) -> Any:
    if value is None or type(value).__name__ == "NAType":  # pandas' missing value (Int64)
        return None
    try:
        if isinstance(value, float) and math.isnan(value):
            return None
    except TypeError:
        pass
    if kind == "datetime":
        import pandas as pd

        if value is pd.NaT or (hasattr(value, "isnull") and value.isnull()):
            return None
        return QDateTime(pd.Timestamp(value).to_pydatetime())
    if kind == "date":
        return QDate(value)
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()  # numpy scalar -> Python
        if isinstance(value, float) and math.isnan(value):
            return None
    if kind == "string" and not isinstance(value, str):
        import pandas as pd

        if pd.isna(value):
            return None
        return str(value)
    if kind == "int" and isinstance(value, float):
        return int(value)
    return value


def _sink_geometry_type(geometries) -> Qgis.WkbType:
    names = {g.geom_type for g in geometries if g is not None and not g.is_empty}
    if not names:
        return Qgis.WkbType.NoGeometry
    bases = {n.replace("Multi", "") for n in names}
    if len(bases) > 1:
        raise SundplanError(f"mixed geometry types cannot be written to one layer: {sorted(names)}")
    base = bases.pop()
    multi = any(n.startswith("Multi") for n in names)
    return QgsWkbTypes.parseType(("Multi" if multi else "") + base)


def dataframe_to_sink(
    algorithm: QgsProcessingAlgorithm,
    df,
    parameters: dict,
    name: str,
    context: QgsProcessingContext,
    *,
    x: str | None = None,
    y: str | None = None,
    geometry: str | None = None,
    crs: QgsCoordinateReferenceSystem | str | None = None,
    feedback: QgsProcessingFeedback | None = None,
) -> str | None:
    """Write a pandas DataFrame to the feature sink parameter ``name``; return its dest id.

    Returns None (writes nothing) for an optional sink the user did not ask for.

    Geometry comes from point columns ``x``/``y`` or from a column ``geometry`` of shapely
    objects (shapely 1.8 or 2; ``None`` = no geometry); with neither, a table is written.
    ``crs`` is a ``QgsCoordinateReferenceSystem`` or an auth id such as ``"EPSG:25832"``.
    Fields are typed from the dtypes; the coordinate / geometry columns are not written as
    fields. NaN / None become NULL.
    """
    if isinstance(crs, str):
        crs = QgsCoordinateReferenceSystem(crs)
    crs = crs or QgsCoordinateReferenceSystem()
    exclude = [c for c in (x, y, geometry) if c]
    fields = fields_from_dataframe(df, exclude=exclude)
    kinds = [_dtype_kind(df[f.name()]) for f in fields]
    columns = [f.name() for f in fields]

    if x and y:
        wkb_type = QgsWkbTypes.parseType("Point")
    elif geometry:
        wkb_type = _sink_geometry_type(df[geometry])
    else:
        wkb_type = Qgis.WkbType.NoGeometry
    multi = QgsWkbTypes.isMultiType(wkb_type)

    sink, dest_id = algorithm.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    if sink is None:
        definition = algorithm.parameterDefinition(name)
        optional = definition is not None and bool(
            definition.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
        )
        if optional and parameters.get(name) in (None, ""):
            return None  # an optional output the user did not ask for
        raise QgsProcessingException(algorithm.invalidSinkError(parameters, name))

    n = len(df)
    values = [
        df[c].tolist() if k != "datetime" else list(df[c])
        for c, k in zip(columns, kinds, strict=True)
    ]
    xs = df[x].to_numpy(dtype=float) if x and y else None
    ys = df[y].to_numpy(dtype=float) if x and y else None
    geoms = list(df[geometry]) if geometry else None
    for i in range(n):
        if feedback is not None and feedback.isCanceled():
            break
        feature = QgsFeature(fields)
        feature.setAttributes([_qgis_value(v[i], k) for v, k in zip(values, kinds, strict=True)])
        if xs is not None:
            if not (math.isnan(xs[i]) or math.isnan(ys[i])):
                feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(xs[i], ys[i])))
        elif geoms is not None and geoms[i] is not None and not geoms[i].is_empty:
            geom = QgsGeometry()
            geom.fromWkb(bytes(geoms[i].wkb))
            if multi and not geom.isMultipart():
                geom.convertToMultiType()
            feature.setGeometry(geom)
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(
                tr("Could not write feature {i} to output {name}: {error}").format(
                    i=i, name=name, error=sink.lastError()
                )
            )
    del sink  # flush and close the output before post-processing reads it
    if isinstance(algorithm, SundplanAlgorithm):
        definition = algorithm.parameterDefinition(name)
        title = definition.description() if definition is not None else name
        algorithm._outputs_to_style.setdefault(dest_id, (None, title, True, None))
    return dest_id


# --------------------------------------------------------------------------- post-processing
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


def style_path(style_name: str | None) -> Path | None:
    """``resources/styles/<style_name>.qml`` if it exists, else None."""
    if not style_name:
        return None
    path = STYLES_DIR / f"{style_name}.qml"
    return path if path.is_file() else None


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
    layer = QgsVectorLayer(uri, title or "sundplan", "ogr")
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


# --------------------------------------------------------------------------- base class
def _jsonable_parameter(value: Any) -> Any:
    """Processing parameter values in a form that survives JSON."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        return _jsonable_parameter(value.sink)
    if isinstance(value, QgsProperty):
        return (
            value.staticValue()
            if value.propertyType() == QgsProperty.Type.StaticProperty
            else value.expressionString()
        )
    if isinstance(value, QgsMapLayer):
        return value.source()
    if isinstance(value, QgsCoordinateReferenceSystem):
        return value.authid() or value.toWkt()
    if isinstance(value, QgsRectangle):
        return value.toString()
    if isinstance(value, list | tuple):
        return [_jsonable_parameter(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable_parameter(v) for k, v in value.items()}
    return value


class SundplanAlgorithm(QgsProcessingAlgorithm):
    """Base class of every sundplan algorithm.

    Subclasses set:

    * ``_name``: algorithm id without provider (``"reference_data"``);
    * ``_display_name``: English display name (translated via ``tr``);
    * ``_group_id``: a key of :data:`GROUPS`;
    * ``_help``: English short help (translated);
    * ``_requires``: import names the algorithm needs (``None``: all of ``deps``);
    * ``_tags``: extra search tags;

    and implement :meth:`define_parameters` and :meth:`compute`. Inside :meth:`compute`, use
    :meth:`progress` for the core's callback, :func:`dataframe_to_sink` for tables,
    :meth:`style_output` to style a layer output; raise ``SundplanError`` (from the core) or
    call :func:`raise_user_error` for problems the user can fix.
    """

    _name = ""
    _display_name = ""
    _group_id = "data"
    _help = ""
    _requires: tuple[str, ...] | None = None
    _tags: tuple[str, ...] = ()
    HELP_URL_BASE = ""

    def __init_subclass__(cls, **kwargs):
        """Guard: a subclass method named ``run`` would shadow ``QgsProcessingAlgorithm.run``.

        (Processing's Python executor calls ``alg.run(parameters, context, feedback, {},
        False)``.) Such a method is moved to :meth:`compute`, the intended hook; please name it
        ``compute`` directly.
        """
        super().__init_subclass__(**kwargs)
        own_run = cls.__dict__.get("run")
        if own_run is not None and "compute" not in cls.__dict__:
            cls.compute = own_run
            delattr(cls, "run")

    def __init__(self):
        super().__init__()
        # dest id -> (QML path or None, title, store style/metadata inside a GeoPackage)
        self._outputs_to_style: dict[str, tuple[Path | None, str | None, bool]] = {}
        self._provenance: str | None = None
        # enum parameter name -> option keys, in option order (see add_choice)
        self._choice_keys: dict[str, tuple[str, ...]] = {}

    # -- identity ---------------------------------------------------------------------
    def tr(self, message: str) -> str:
        """Translate in the ``sundplan`` context (else in the class's own context).

        The fallback serves a ``.ts`` made by ``pylupdate5``, which files ``self.tr()`` strings
        under the class name.
        """
        translated = tr(message)
        if translated == message:
            translated = QCoreApplication.translate(type(self).__name__, message)
        return translated

    def name(self) -> str:
        """Algorithm id (without the provider prefix)."""
        return self._name

    def displayName(self) -> str:  # noqa: N802
        """Translated display name."""
        return self.tr(self._display_name)

    def group(self) -> str:
        """Translated group name."""
        return self.tr(GROUPS.get(self._group_id, self._group_id)) if self._group_id else ""

    def groupId(self) -> str:  # noqa: N802
        """Group id (stable, untranslated)."""
        return self._group_id

    def tags(self) -> list[str]:
        """Search tags; always contains ``sundplan`` so the toolbox filter finds every tool."""
        return ["sundplan", "sundhed", "health", *self._tags]

    def shortHelpString(self) -> str:  # noqa: N802
        """Translated help text, plus the dependency problem when there is one."""
        text = self.tr(self._help) if self._help else ""
        problem = dependency_problem(self._requires)
        if problem:
            text = problem.replace("\n", "<br>") + "<br><br>" + text
        return text

    def helpUrl(self) -> str:  # noqa: N802
        """Online help page, when a base URL is configured."""
        return f"{self.HELP_URL_BASE}{self._name}" if self.HELP_URL_BASE else ""

    def icon(self) -> QIcon:
        """The plugin icon."""
        return icon()

    def createInstance(self):  # noqa: N802
        """A fresh instance of the same class."""
        return type(self)()

    # -- parameters -------------------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802
        """Calls :meth:`define_parameters`, then adds the ``PROVENANCE`` string output."""
        self.define_parameters(config)
        self.addOutput(
            QgsProcessingOutputString(
                PROVENANCE_OUTPUT, self.tr("Provenance (parameters and versions, JSON)")
            )
        )

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

    def add_choice(
        self,
        name: str,
        description: str,
        choices,
        *,
        default: str,
        optional: bool = False,
        advanced: bool = False,
    ) -> None:
        """An enum parameter whose options are ``(key, English label)`` pairs defined once in
        the core. Labels are translated here; :meth:`choice` reads the key and the provenance
        records the key, never the option's position."""
        from qgis.core import QgsProcessingParameterEnum

        keys = tuple(key for key, _label in choices)
        param = QgsProcessingParameterEnum(
            name,
            description,
            options=[tr(label) for _key, label in choices],
            defaultValue=keys.index(default),
            optional=optional,
        )
        if advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(param)
        self._choice_keys[name] = keys

    def choice(self, parameters: dict, name: str, context: QgsProcessingContext) -> str:
        """The key of the option chosen for an :meth:`add_choice` parameter."""
        return self._choice_keys[name][self.parameterAsEnum(parameters, name, context)]

    def add_not_reached_parameter(self) -> None:
        """NOT_REACHED_WARNING_PCT (advanced): warn in the log when more than this share of
        the residents is not reached (unsnapped or unreachable)."""
        from qgis.core import QgsProcessingParameterNumber

        from ..sundplan_qgis.coverage import DEFAULT_WARN_PCT

        param = QgsProcessingParameterNumber(
            "NOT_REACHED_WARNING_PCT",
            tr("Warn when more than this share of residents is not reached (%)"),
            QgsProcessingParameterNumber.Double,
            defaultValue=DEFAULT_WARN_PCT,
            minValue=0.0,
            maxValue=100.0,
        )
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(param)

    def warn_not_reached(
        self, parameters, context, feedback, *, coverage: dict, areas=None, name: str = "area_name"
    ) -> dict:
        """Push the coverage warning (naming the worst areas of the table ``areas``) when more
        than NOT_REACHED_WARNING_PCT % is not reached; returns the report section
        (``coverage`` plus the threshold and the worst areas)."""
        from ..sundplan_qgis import coverage as cov

        threshold = self.parameterAsDouble(parameters, "NOT_REACHED_WARNING_PCT", context)
        cov.check_threshold(threshold)
        worst = cov.worst_areas(areas, threshold_pct=threshold, name=name)
        warning = cov.warning(coverage, worst, threshold_pct=threshold)
        if warning is not None and feedback is not None:
            feedback.pushWarning(translate_message(warning))
        return {**coverage, "warning_threshold_pct": threshold, "worst_areas": worst}

    def add_report_output(self, *, optional: bool = False) -> None:
        """REPORT (the run report as JSON) and REPORT_TEXT (the same as text beside it)."""
        from qgis.core import QgsProcessingOutputFile, QgsProcessingParameterFileDestination

        self.addParameter(
            QgsProcessingParameterFileDestination(
                "REPORT",
                tr("Run report (JSON)"),
                fileFilter="JSON (*.json)",
                optional=optional,
                createByDefault=True,
            )
        )
        self.addOutput(QgsProcessingOutputFile("REPORT_TEXT", tr("Run report (text)")))

    def write_report(self, report: dict, parameters, context) -> dict:
        """The run report as JSON (with the provenance) and as readable text beside it;
        the JSON is written to a temporary file first, so no half-written report remains."""
        path = self.parameterAsFileOutput(parameters, "REPORT", context)
        full = {"provenance": json.loads(self._provenance or "{}"), **report}
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".sundplan-", suffix=".json.tmp", dir=Path(path).parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(json.dumps(full, indent=2, ensure_ascii=False, default=str))
        os.replace(tmp, path)
        text_path = str(Path(path).with_suffix(".txt"))
        Path(text_path).write_text(report_as_text(full), "utf-8")
        return {"REPORT": path, "REPORT_TEXT": text_path}

    def define_parameters(self, config=None) -> None:
        """Add parameters and outputs (subclasses)."""
        raise NotImplementedError

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Refuse to start when the algorithm's dependencies are missing (with the hint), or
        a parameter fails :meth:`check_parameters` (the message names it and the fix)."""
        problem = dependency_problem(self._requires)
        if problem:
            return False, problem
        try:
            ok, message = super().checkParameterValues(parameters, context)
            if not ok:
                return ok, message
            self.check_parameters(parameters, context)
        except QgsProcessingException as exc:
            return False, str(exc)
        except Exception as exc:  # never a traceback, also not from a check
            return False, self._unexpected(exc, None)
        return True, ""

    def check_parameters(self, parameters: dict, context: QgsProcessingContext) -> None:
        """Parameter hygiene for every tool, before anything is computed or written.

        * every number (number, distance, duration) is finite: NaN and ±inf are refused;
        * every expression parses (QGIS's parser message, naming the parameter);
        * every output can be written, fits its kind (vector formats, GeoTIFF, the file
          destination's filter, e.g. .json / .pdf), is not an input, and no two outputs
          share a file (``_outputs.check_destinations``).

        Raises ``QgsProcessingException``.
        """
        from . import _outputs

        for definition in self.parameterDefinitions():
            kind = definition.type()
            if kind in ("number", "distance", "duration", "scale"):
                self._check_finite(definition, parameters, context)
            elif kind == "expression":
                text = _raw_expression(parameters.get(definition.name()))
                if text:
                    from qgis.core import QgsExpression

                    expression = QgsExpression(text)
                    if expression.hasParserError():
                        raise QgsProcessingException(
                            tr(
                                "The expression in {parameter} cannot be read: {error} "
                                "(expression: {expression}). Write field names in double "
                                "quotes (\"active\") and texts in single quotes ('yes')."
                            ).format(
                                parameter=definition.name(),
                                error=expression.parserErrorString(),
                                expression=text,
                            )
                        )
        _outputs.check_destinations(self, parameters)

    def _check_finite(self, definition, parameters, context) -> None:
        name = definition.name()
        raw = parameters.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return
        values = []
        if isinstance(raw, str | int | float):
            try:
                values.append(float(str(raw).strip().replace(",", ".")))
            except ValueError:
                pass  # not a number at all: QGIS's own check names it
        try:
            values.append(self.parameterAsDouble(parameters, name, context))
        except Exception:  # noqa: BLE001 (QGIS's own check reports unreadable values)
            pass
        for value in values:
            if not math.isfinite(value):
                raise QgsProcessingException(
                    tr(
                        "The parameter '{description}' ({name}) is {value}; give a finite "
                        "number."
                    ).format(description=definition.description(), name=name, value=raw)
                )

    def parameterAsExpression(self, parameters, name, context):  # noqa: N802
        """The expression text as given, also when it does not parse.

        (QGIS returns an empty string for an unparsable expression, which would silently
        mean "all features"; :meth:`check_parameters` and ``_inputs.select_by_expression``
        stop with QGIS's parser message instead.)
        """
        text = _raw_expression(parameters.get(name))
        if text is not None:
            return text
        return super().parameterAsExpression(parameters, name, context)

    # -- running ----------------------------------------------------------------------
    def compute(
        self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        """Do the work and return the results dict (subclasses)."""
        raise NotImplementedError

    def progress(
        self, feedback, *, start: float = 0.0, end: float = 1.0
    ) -> Callable[[float, str], None]:
        """See :func:`progress_callback`."""
        return progress_callback(feedback, start=start, end=end)

    def provenance_json(self, parameters: dict, context: QgsProcessingContext | None = None) -> str:
        """Provenance of this run: parameters, sundplan/Python/library/GDAL/QGIS versions.

        With ``context``, numbers, booleans and enums are recorded as evaluated values (from
        ``qgis_process`` they arrive as strings); everything else as given.
        """
        params = {}
        # Defaults count too: a run is reproducible only with every value that shaped it.
        given = dict(parameters)
        for definition in self.parameterDefinitions():
            if definition.name() not in given and definition.defaultValue() is not None:
                given[definition.name()] = definition.defaultValue()
        for key, value in given.items():
            definition = self.parameterDefinition(key)
            if context is not None and definition is not None:
                value = self._evaluated_parameter(definition, given, context, value)
            params[key] = _jsonable_parameter(value)
        return provenance_json(
            params, algorithm=f"{PROVIDER_ID}:{self._name}", extra_versions={"qgis": Qgis.version()}
        )

    def _evaluated_parameter(self, definition, parameters, context, raw):
        name = definition.name()
        kind = definition.type()
        try:
            if kind == "number":
                integer = definition.dataType() == definition.Type.Integer
                return (
                    self.parameterAsInt(parameters, name, context)
                    if integer
                    else self.parameterAsDouble(parameters, name, context)
                )
            if kind in ("distance", "duration"):
                return self.parameterAsDouble(parameters, name, context)
            if kind == "boolean":
                return self.parameterAsBool(parameters, name, context)
            if kind == "enum":
                if name in self._choice_keys:  # recorded by key, not position
                    return self.choice(parameters, name, context)
                if definition.allowMultiple():
                    return self.parameterAsEnums(parameters, name, context)
                return self.parameterAsEnum(parameters, name, context)
        except Exception:  # provenance must never break a run
            return raw
        return raw

    def style_output(
        self,
        dest_id: str,
        style_name: str | None,
        context: QgsProcessingContext,
        *,
        title: str | None = None,
        in_file: bool = True,
        adapt: Callable | None = None,
    ) -> None:
        """After the run: apply ``resources/styles/<style_name>.qml`` and provenance metadata.

        In the GUI (layer loaded on completion) through a :class:`LayerPostProcessor`; for
        GeoPackage outputs also stored in the file (default style + layer metadata), so
        ``qgis_process`` outputs open styled (``in_file=False``: not in the file, e.g. for
        inputs the algorithm did not create). ``style_name=None``: metadata only. A missing
        ``resources/styles/<style_name>.qml`` is not an error. ``adapt(layer)`` runs after the
        style is loaded, to fit it to the data (legend labels, custom class limits). Raster
        outputs (GeoTIFF) get the style as a ``.qml`` file beside them.
        """
        previous = self._outputs_to_style.get(dest_id, (None, None, True, None))
        self._outputs_to_style[dest_id] = (
            style_path(style_name),
            title or previous[1],
            in_file,
            adapt,
        )

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Dependency check, parameter hygiene, :meth:`compute` with the outputs redirected to
        temporaries (moved into place only when everything succeeded), user errors as
        messages, provenance in the results. Nothing but a short message reaches the user."""
        from . import _outputs

        problem = dependency_problem(self._requires)
        if problem:
            raise QgsProcessingException(problem)
        self._outputs_to_style = {}
        self._final_geopackages = []
        transaction = None
        try:
            self.check_parameters(parameters, context)
            self._provenance = self.provenance_json(parameters, context)
            transaction = _outputs.OutputTransaction(self, parameters)
            run_parameters = transaction.prepare()
            results = self.compute(run_parameters, context, feedback) or {}
            if feedback is not None and feedback.isCanceled():
                raise Cancelled(tr("Cancelled by the user."))
            results = transaction.commit(results, context)
            self._final_geopackages = [
                f for f in transaction.final_files if f.suffix.lower() == ".gpkg"
            ]
        except Exception as exc:
            if transaction is not None:
                transaction.rollback()
            raise self._user_exception(exc, feedback) from None
        results[PROVENANCE_OUTPUT] = self._provenance
        return results

    def _user_exception(self, exc: BaseException, feedback) -> QgsProcessingException:
        """Any exception as a ``QgsProcessingException`` with a message for the user."""
        if isinstance(exc, QgsProcessingException):
            return exc
        if _is_cancelled(exc):
            return QgsProcessingException(
                translate_message(exc) if str(exc) else tr("Cancelled by the user.")
            )
        if _is_sundplan_error(exc):
            return QgsProcessingException(translate_message(exc))
        if isinstance(exc, ImportError):
            hint = deps.install_hint([exc.name]) if exc.name else ""
            return QgsProcessingException(
                tr("A required Python package could not be imported: {error}").format(error=exc)
                + ("\n" + hint if hint else "")
            )
        return QgsProcessingException(self._unexpected(exc, feedback))

    def _unexpected(self, exc: BaseException, feedback) -> str:
        """The short message for an unexpected error; the traceback goes to the log only."""
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        try:
            from qgis.core import QgsMessageLog

            QgsMessageLog.logMessage(details, "Sundplan", Qgis.MessageLevel.Info)
        except Exception:  # noqa: BLE001
            pass
        if feedback is not None:
            feedback.pushInfo(details)
        return tr(
            "{tool} stopped on an unexpected error ({kind}: {error}). Nothing was written. "
            "Please report it to the Sundplan developers with the tool's log (the details are "
            "in the log as information) and, if you can, the input files."
        ).format(tool=self.displayName(), kind=type(exc).__name__, error=str(exc)[:300])

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Main thread, after the run: styles and provenance metadata on the outputs, then
        every GeoPackage output taken out of WAL mode (one self-contained file)."""
        from . import _outputs

        try:
            for dest_id, (style, title, in_file, adapt) in self._outputs_to_style.items():
                if in_file:
                    _persist_in_file(dest_id, style, self._provenance, title, feedback, adapt)
                if context.willLoadLayerOnCompletion(dest_id):
                    details = context.layerToLoadOnCompletionDetails(dest_id)
                    details.setPostProcessor(
                        LayerPostProcessor.create(style, self._provenance, title, adapt)
                    )
            for gpkg in getattr(self, "_final_geopackages", []):
                _outputs.close_wal(gpkg)
        except Exception as exc:  # styling is a bonus: report, never a traceback
            if feedback is not None:
                feedback.reportError(self._unexpected(exc, feedback), False)
        return {}


def _raw_expression(value) -> str | None:
    """An expression parameter's text as given (None when it is not a plain value)."""
    from ._outputs import raw_value

    text = raw_value(value)
    return text.strip() if text is not None else None


def report_as_text(report: dict) -> str:
    """A plain-language rendering of a run report (English keys; numbers as in the JSON)."""
    lines = ["Sundplan run report", "=" * 19, ""]

    def fmt(v) -> str:
        if isinstance(v, float):
            return f"{v:,.2f}" if abs(v) < 1e6 else f"{v:,.0f}"
        return str(v)

    def walk(obj, indent=0):
        pad = "  " * indent
        if isinstance(obj, dict):
            for k, v in obj.items():
                if isinstance(v, dict | list):
                    lines.append(f"{pad}{k}:")
                    walk(v, indent + 1)
                else:
                    lines.append(f"{pad}{k}: {fmt(v)}")
        elif isinstance(obj, list):
            for v in obj:
                if isinstance(v, dict):
                    lines.append(f"{pad}- " + ", ".join(f"{k}: {fmt(x)}" for k, x in v.items()))
                else:
                    lines.append(f"{pad}- {fmt(v)}")

    walk(report)
    return "\n".join(lines) + "\n"


def provenance_dict(results: dict) -> dict:
    """Parse the ``PROVENANCE`` output of a results dict (helper for tests and callers)."""
    return json.loads(results[PROVENANCE_OUTPUT])


__all__ = [
    "GROUPS",
    "PROVENANCE_OUTPUT",
    "PROVIDER_ID",
    "LayerPostProcessor",
    "SundplanAlgorithm",
    "SundplanError",
    "dataframe_to_sink",
    "dependency_problem",
    "fields_from_dataframe",
    "icon",
    "progress_callback",
    "raise_user_error",
    "reset_dependency_cache",
    "style_path",
    "tr",
    "translate_message",
]
