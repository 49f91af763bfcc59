"""The run report as text (the ``.txt`` beside every tool's JSON report)."""

from __future__ import annotations

from sundplan_qgis.run_report import report_as_text


def test_report_as_text_walks_dicts_and_lists_in_order():
    text = report_as_text(
        {
            "population": {"total": 1234567.0, "share": 0.123456},
            "bands": [{"band": "0–15", "population": 10.0}, "plain"],
            "note": "ok",
        }
    )
    assert text.splitlines() == [
        "Sundplan run report",
        "===================",
        "",
        "population:",
        "  total: 1,234,567",
        "  share: 0.12",
        "bands:",
        "  - band: 0–15, population: 10.00",
        "  - plain",
        "note: ok",
    ]
    assert text.endswith("\n")


def test_report_as_text_in_another_language():
    """With a translation: title, known keys, code values and messages translated (unknown
    keys and names as they are), numbers with a decimal comma; the English text unchanged."""
    from sundplan_qgis.errors import msg
    from sundplan_qgis.run_report import KEY_LABELS, VALUE_LABELS

    danish = {
        "Sundplan run report": "Sundplan kørselsrapport",
        "population": "befolkning",
        "total": "i alt",
        "grouping": "inddeling",
        "none": "ingen",
        "versions": "versioner",
        "rule": "regel",
        "equal times go to the hospital listed first": "ved lige rejsetider vælges det første",
    }

    def translate(message) -> str:
        return danish.get(message.template, str(message))

    report = {
        "population": {"total": 1234567.0, "share": 0.123456},
        "grouping": "none",
        "rule": msg("equal times go to the hospital listed first"),
        "versions": {"total": "1.24.2"},  # package names are names, never labelled
        "own_key": 2,
    }
    assert "population" in KEY_LABELS and "none" in VALUE_LABELS
    text = report_as_text(report, translate=translate, decimal_comma=True)
    assert text.splitlines() == [
        "Sundplan kørselsrapport",
        "=======================",
        "",
        "befolkning:",
        "  i alt: 1.234.567",
        "  share: 0,12",
        "inddeling: ingen",
        "regel: ved lige rejsetider vælges det første",
        "versioner:",
        "  total: 1.24.2",
        "own_key: 2",
    ]
    english = report_as_text(report)
    assert english.splitlines()[3:7] == [
        "population:",
        "  total: 1,234,567",
        "  share: 0.12",
        "grouping: none",
    ]
