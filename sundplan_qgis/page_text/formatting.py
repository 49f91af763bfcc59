"""Page language and number/date formats: Danish ``12.345`` / ``7,5`` / ``12 %``; English
``12,345`` / ``7.5`` / ``12%``."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Mapping
from typing import Any

from .tables import DEFAULT_LANGUAGE, MONTHS, WORDS


# --------------------------------------------------------------------------- basics
def language_of(code: str | None) -> str:
    """``"en"`` for English codes (``en``, ``en_GB``, ``English``), else ``"da"``."""
    if code and str(code).strip().lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


def word(key: str, language: str) -> str:
    """A fixed page word (see :data:`WORDS`)."""
    return WORDS[language_of(language)][key]


def format_number(value: Any, *, decimals: int = 0, language: str = DEFAULT_LANGUAGE) -> str:
    """``12345.6`` -> ``"12.346"`` (da, 0 decimals) / ``"12,345.6"`` (en, 1 decimal).

    ``None`` / NaN / text that is not a number -> ``"–"``.
    """
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "–"
    if math.isnan(number) or math.isinf(number):
        return "–"
    text = f"{number:,.{decimals}f}"
    if text in ("-0", "-0." + "0" * decimals):
        text = text[1:]
    if language_of(language) == "da":
        text = swap_separators(text)
    return text


_SWAP = str.maketrans({",": ".", ".": ","})


def swap_separators(text: str) -> str:
    """A number written the English way (``1,234.5``) with Danish separators (``1.234,5``)."""
    return text.translate(_SWAP)


def format_share(value: Any, *, language: str = DEFAULT_LANGUAGE) -> str:
    """A share 0..1 as a whole percentage: ``0.123`` -> ``"12 %"`` (da) / ``"12%"`` (en).

    Shares above 0 that round to 0 are printed ``"< 1 %"`` so nobody reads them as none.
    """
    try:
        share = float(value)
    except (TypeError, ValueError):
        return "–"
    if math.isnan(share):
        return "–"
    percent = 100.0 * share
    sep = " " if language_of(language) == "da" else ""
    if 0 < percent < 0.5:
        return f"< 1{sep}%"
    return f"{format_number(percent, decimals=0, language=language)}{sep}%"


def format_date(date: _dt.date, *, language: str = DEFAULT_LANGUAGE) -> str:
    """``25. november 2026`` (da) / ``25 November 2026`` (en)."""
    lang = language_of(language)
    month = MONTHS[lang][date.month - 1]
    if lang == "da":
        return f"{date.day}. {month} {date.year}"
    return f"{date.day} {month} {date.year}"


def _parse_date(text: str | None) -> _dt.date | None:
    if not text:
        return None
    try:
        return _dt.datetime.fromisoformat(str(text).replace("Z", "+00:00")).date()
    except ValueError:
        return None


def date_line(
    *,
    printed: _dt.date,
    provenance: Mapping | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """``Dato: 25. november 2026 (data beregnet 24. november 2026)``."""
    lang = language_of(language)
    text = f"{word('date', lang)}: {format_date(printed, language=lang)}"
    computed = _parse_date((provenance or {}).get("timestamp_utc"))
    if computed is not None and computed != printed:
        text += f" (data {word('computed', lang)} {format_date(computed, language=lang)})"
    return text
