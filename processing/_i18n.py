"""Translation at the edge: ``tr`` for interface strings, ``translate_message`` for core
messages (English templates plus values, see ``sundplan_qgis.errors``)."""

from __future__ import annotations

import numbers
import string
from typing import Any

from qgis.PyQt.QtCore import QCoreApplication

from ..sundplan_qgis.page_text.formatting import swap_separators

TR_CONTEXT = "sundplan"

#: Languages whose numbers use a decimal comma and a dot between thousands (1.234,5).
DECIMAL_COMMA_LANGUAGES = frozenset({"da", "de", "nb", "nn", "sv", "fi", "nl"})


def language() -> str:
    """The language of the installed translation ('en' without one): the translation of the
    marker "en" is its own language code, so numbers always match the words around them."""
    return str(tr("en")) or "en"


def number_text(text: str, lang: str | None = None) -> str:
    """A number formatted the English way (``1,234.5``) written for ``lang``'s readers."""
    if (lang or language()) in DECIMAL_COMMA_LANGUAGES:
        return swap_separators(text)
    return text


class _NumberFormatter(string.Formatter):
    """``str.format`` that writes number fields in the UI language's convention."""

    def format_field(self, value: Any, format_spec: str) -> str:
        text = format(value, format_spec)
        if isinstance(value, numbers.Number) and not isinstance(value, bool):
            return number_text(text)
        return text


_FORMATTER = _NumberFormatter()


class LocalText(str):
    """A translated text: its ``format`` writes numbers as the UI language does
    (``{n:,}`` -> ``86.547`` and ``{s:.1f}`` -> ``0,2`` in Danish)."""

    __slots__ = ()

    def format(self, *args: Any, **kwargs: Any) -> str:  # noqa: D102
        return _FORMATTER.vformat(str(self), args, kwargs)


def tr(message: str) -> LocalText:
    """Translate ``message`` in the single context ``sundplan`` (i18n/sundplan_da.ts)."""
    return LocalText(QCoreApplication.translate(TR_CONTEXT, message))


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
