"""Legend classes and labels shared by the shipped QML styles (``resources/styles/
make_styles.py``) and the run-time style adapters (``processing/_styling.py``), so the two
can never drift apart. Plain Python: no QGIS."""

from __future__ import annotations

from .gaps import CLASS_BALANCED, CLASS_OVER, CLASS_UNDER

GAP_STRONG_UNDER = 0.5
"""Ratio below which under-supply counts as strong (or under / 2 for stricter thresholds)."""
GAP_STRONG_OVER = 2.0
"""Ratio above which over-supply counts as strong (or 2 × over for looser thresholds)."""
GAP_CLASS_VALUES = {"under": CLASS_UNDER, "balanced": CLASS_BALANCED, "over": CLASS_OVER}
"""Values of the ``class`` field written by ``sundplan_qgis.gaps``."""


def da_number(value: float) -> str:
    """Danish number text: 1600 -> '1.600', 0.8 -> '0,8', 6.25 -> '6,25'."""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:g}".replace(".", ",")


def gap_rules(under: float, over: float) -> list[tuple[str, str]]:
    """(QGIS filter expression, Danish label) of the five gap classes for the class thresholds
    ``under``/``over`` on capacity / fair share: the ``class`` field decides the side, the
    ratio the strength (strong below 0.5, or under / 2; above 2, or 2 × over)."""
    low = GAP_STRONG_UNDER if under > GAP_STRONG_UNDER else under / 2.0
    high = GAP_STRONG_OVER if over < GAP_STRONG_OVER else over * 2.0
    u, b, o = (GAP_CLASS_VALUES[k] for k in ("under", "balanced", "over"))
    return [
        (f'"class" = \'{u}\' AND "ratio" < {low:g}', f"Underdækket: under {da_number(low)}"),
        (
            f'"class" = \'{u}\' AND "ratio" >= {low:g}',
            f"Underdækket: {da_number(low)}–{da_number(under)}",
        ),
        (f"\"class\" = '{b}'", f"Balance: {da_number(under)}–{da_number(over)}"),
        (
            f'"class" = \'{o}\' AND "ratio" <= {high:g}',
            f"Overdækket: {da_number(over)}–{da_number(high)}",
        ),
        (f'"class" = \'{o}\' AND "ratio" > {high:g}', f"Overdækket: over {da_number(high)}"),
    ]
