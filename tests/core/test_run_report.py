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
