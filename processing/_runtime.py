"""What every run needs besides its parameters: the dependency check, telling user errors
from bugs, and the progress callback handed to the core."""

from __future__ import annotations

import math
import traceback
from collections.abc import Callable, Iterable

from qgis.core import Qgis, QgsProcessingException, QgsProcessingFeedback

from ..sundplan_qgis import deps
from ..sundplan_qgis.errors import Cancelled
from ._i18n import tr, translate_message

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


def user_exception(exc: BaseException, feedback, *, tool: str) -> QgsProcessingException:
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
    return QgsProcessingException(unexpected_message(exc, feedback, tool=tool))


def unexpected_message(exc: BaseException, feedback, *, tool: str) -> str:
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
    ).format(tool=tool, kind=type(exc).__name__, error=str(exc)[:300])
