"""The run report of every tool as plain text (the ``.txt`` beside the JSON report).

Not to be confused with ``page_text``, the text of the map-report pages.
"""

from __future__ import annotations


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
