"""Translation at the edge: ``tr`` for interface strings, ``translate_message`` for core
messages (English templates plus values, see ``sundplan_qgis.errors``)."""

from __future__ import annotations

from typing import Any

from qgis.PyQt.QtCore import QCoreApplication

TR_CONTEXT = "sundplan"


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
