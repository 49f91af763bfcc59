"""The base class of sundplan's Processing algorithms: :class:`SundplanAlgorithm`.

An algorithm module subclasses it, sets the class attributes (``_name``, ``_display_name``,
``_group_id``, ``_help``, ``_requires``) and implements :meth:`SundplanAlgorithm.define_parameters`
and :meth:`SundplanAlgorithm.compute`. The base class does the rest: translation, icon, help,
the dependency check, turning ``SundplanError`` into a ``QgsProcessingException`` (a message,
not a traceback), the ``PROVENANCE`` output, layer metadata and QML styles on the outputs.

Helpers live beside it: ``_sinks`` (frames to feature sinks), ``_postprocess`` (styles and
metadata after the run), ``_hygiene`` (parameter checks), ``_provenance``, ``_runtime``
(dependencies, errors, progress) and ``_i18n`` (``tr``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputString,
    QgsProcessingParameterDefinition,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..sundplan_qgis.errors import Cancelled
from . import _help, _sinks
from ._hygiene import ParameterChecks
from ._i18n import tr, translate_message
from ._postprocess import LayerPostProcessor, OutputStyle, _persist_in_file
from ._provenance import ProvenanceRecorder
from ._report import RunReport
from ._runtime import dependency_problem, progress_callback, unexpected_message, user_exception

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


def icon() -> QIcon:
    """The plugin icon."""
    return QIcon(str(ICON_PATH))


def style_path(style_name: str | None) -> Path | None:
    """``resources/styles/<style_name>.qml`` if it exists, else None."""
    if not style_name:
        return None
    path = STYLES_DIR / f"{style_name}.qml"
    return path if path.is_file() else None


class SundplanAlgorithm(ParameterChecks, ProvenanceRecorder, RunReport, QgsProcessingAlgorithm):
    """Base class of every sundplan algorithm.

    Subclasses set:

    * ``_name``: algorithm id without provider (``"reference_data"``);
    * ``_display_name``: English display name (translated via ``tr``);
    * ``_group_id``: a key of :data:`GROUPS`;
    * ``_help``: English short help (translated);
    * ``_requires``: import names the algorithm needs (``None``: all of ``deps``);
    * ``_tags``: extra search tags;

    and implement :meth:`define_parameters` and :meth:`compute`. Inside :meth:`compute`, use
    :meth:`progress` for the core's callback, :meth:`write_frame` for tables,
    :meth:`style_output` to style a layer output; raise ``SundplanError`` (from the core) or
    call :func:`_runtime.raise_user_error` for problems the user can fix.
    """

    _name = ""
    _display_name = ""
    _group_id = "data"
    _help = ""
    _help_defaults = ""  # a paragraph on what the tool uses when inputs are left empty
    _requires: tuple[str, ...] | None = None
    _tags: tuple[str, ...] = ()
    HELP_URL_BASE = ""

    def __init_subclass__(cls, **kwargs):
        """Refuse a subclass method named ``run``: it would shadow ``QgsProcessingAlgorithm.run``
        (Processing's Python executor calls ``alg.run(parameters, context, feedback, {},
        False)``). The hook is :meth:`compute`."""
        super().__init_subclass__(**kwargs)
        if "run" in cls.__dict__:
            raise TypeError(
                f"{cls.__name__} defines run(), which would replace QgsProcessingAlgorithm.run; "
                "name the method compute() instead."
            )

    def __init__(self):
        super().__init__()
        self._outputs_to_style: dict[str, OutputStyle] = {}  # dest id -> how to finish it
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
        """Translated help text, plus the dependency problem when there is one: rich text in
        the dialog, plain text in ``qgis_process help`` (see :mod:`._help`)."""
        text = self.tr(self._help) if self._help else ""
        if self._help_defaults:
            text += "<br><br>" + self.tr(self._help_defaults)
        problem = dependency_problem(self._requires)
        if problem:
            text = problem.replace("\n", "<br>") + "<br><br>" + text
        return _help.for_display(text)

    def helpUrl(self) -> str:  # noqa: N802
        """The bundled help page in the interface language (``file://``, works offline);
        ``HELP_URL_BASE`` (an online base URL) takes precedence when set."""
        if self.HELP_URL_BASE:
            return f"{self.HELP_URL_BASE}{self._name}"
        return _help.help_url(self._name)

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

    def add_advanced(self, param: QgsProcessingParameterDefinition) -> None:
        """Add ``param`` under the dialog's "Advanced parameters"."""
        param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(param)

    def layer_name(self, parameters: dict, name: str, context: QgsProcessingContext) -> str:
        """The name of the layer given for ``name`` (the parameter name when there is none)."""
        layer = self.parameterAsVectorLayer(parameters, name, context)
        return layer.name() if layer is not None else name

    def push_warnings(self, feedback: QgsProcessingFeedback | None, warnings) -> None:
        """Core warnings (``errors.Message``) in the log, in the user's language."""
        for warning in warnings:
            if feedback is not None:
                feedback.pushWarning(translate_message(warning))

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

    def _choices_as_positions(self, parameters: dict) -> dict:
        """``parameters`` with every choice given by its key (``GROUPING=none`` on the
        command line, in a model or a script) replaced by the option's position, which is
        what QGIS's own check of an enum parameter accepts."""
        out = dict(parameters)
        for name, keys in self._choice_keys.items():
            value = out.get(name)
            if isinstance(value, str) and value.strip() in keys:
                out[name] = keys.index(value.strip())
        return out

    def choice(self, parameters: dict, name: str, context: QgsProcessingContext) -> str:
        """The key of the option chosen for an :meth:`add_choice` parameter (given by its
        position or by its key)."""
        keys = self._choice_keys[name]
        raw = parameters.get(name)
        if isinstance(raw, str) and raw.strip() in keys:
            return raw.strip()
        return keys[self.parameterAsEnum(parameters, name, context)]

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
            ok, message = super().checkParameterValues(
                self._choices_as_positions(parameters), context
            )
            if not ok:
                return ok, message
            self.check_parameters(parameters, context)
        except QgsProcessingException as exc:
            return False, str(exc)
        except Exception as exc:  # never a traceback, also not from a check
            return False, self._unexpected(exc, None)
        return True, ""

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
        previous = self._outputs_to_style.get(dest_id, OutputStyle())
        self._outputs_to_style[dest_id] = OutputStyle(
            style=style_path(style_name),
            title=title or previous.title,
            in_file=in_file,
            adapt=adapt,
        )

    @property
    def run_provenance(self) -> str:
        """This run's provenance (JSON), e.g. for a raster's tags; empty before the run."""
        return self._provenance or ""

    def register_output(self, dest_id: str, *, title: str) -> None:
        """Give a written output provenance metadata (and a title) after the run, unless
        :meth:`style_output` already set how to finish it."""
        self._outputs_to_style.setdefault(dest_id, OutputStyle(title=title))

    def write_frame(
        self, df, name: str, parameters: dict, context: QgsProcessingContext, **kwargs
    ) -> str | None:
        """Write ``df`` to the sink parameter ``name``; see :func:`_sinks.dataframe_to_sink`.
        The sink is a new file of this run: written without SQLite fsyncs (see
        :func:`_outputs.unsynced_sqlite_writes`)."""
        from . import _outputs

        with _outputs.unsynced_sqlite_writes():
            return _sinks.dataframe_to_sink(self, df, parameters, name, context, **kwargs)

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
        self._transaction = None
        transaction = None
        try:
            self.check_parameters(parameters, context)
            self._provenance = self.provenance_json(parameters, context)
            transaction = _outputs.OutputTransaction(self, parameters)
            self._transaction = transaction  # reports name the final paths (write_report)
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
        return user_exception(exc, feedback, tool=self.displayName())

    def _unexpected(self, exc: BaseException, feedback) -> str:
        """The short message for an unexpected error; the traceback goes to the log only."""
        return unexpected_message(exc, feedback, tool=self.displayName())

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Main thread, after the run: styles and provenance metadata on the outputs, then
        every GeoPackage output taken out of WAL mode (one self-contained file)."""
        from . import _outputs

        try:
            for dest_id, out in self._outputs_to_style.items():
                if out.in_file:
                    with _outputs.unsynced_sqlite_writes():
                        _persist_in_file(
                            dest_id, out.style, self._provenance, out.title, feedback, out.adapt
                        )
                if context.willLoadLayerOnCompletion(dest_id):
                    details = context.layerToLoadOnCompletionDetails(dest_id)
                    details.setPostProcessor(
                        LayerPostProcessor.create(out.style, self._provenance, out.title, out.adapt)
                    )
            for gpkg in getattr(self, "_final_geopackages", []):
                _outputs.close_wal(gpkg)
        except Exception as exc:  # styling is a bonus: report, never a traceback
            if feedback is not None:
                feedback.reportError(self._unexpected(exc, feedback), False)
        return {}


def provenance_dict(results: dict) -> dict:
    """Parse the ``PROVENANCE`` output of a results dict (helper for tests and callers)."""
    return json.loads(results[PROVENANCE_OUTPUT])


__all__ = [
    "GROUPS",
    "ICON_PATH",
    "PLUGIN_DIR",
    "PROVENANCE_OUTPUT",
    "STYLES_DIR",
    "SundplanAlgorithm",
    "icon",
    "provenance_dict",
    "style_path",
]
