"""What every run reports: the run report (JSON and text) and how many residents it
did not reach."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from qgis.core import QgsProcessingParameterDefinition

from ..sundplan_qgis.run_report import report_as_text
from ._i18n import DECIMAL_COMMA_LANGUAGES, language, tr, translate_message


class RunReport:
    """Mixin of :class:`base.SundplanAlgorithm`: REPORT / REPORT_TEXT and
    NOT_REACHED_WARNING_PCT."""

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
        section, warning = cov.report_section(coverage, areas, threshold_pct=threshold, name=name)
        if warning is not None and feedback is not None:
            feedback.pushWarning(translate_message(warning))
        return section

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
        transaction = getattr(self, "_transaction", None)
        if transaction is not None:  # outputs are written beside their targets first
            full = transaction.final(full)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(path).parent / f".sundplan-{secrets.token_hex(6)}.json.tmp"
        # 0666 and the umask, like the .txt beside it (mkstemp's 0600 travelled with the rename)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            text = json.dumps(translated_messages(full), indent=2, ensure_ascii=False, default=str)
            handle.write(text)
        os.replace(tmp, path)
        text_path = str(Path(path).with_suffix(".txt"))
        lang = language()
        readable = report_as_text(
            full,
            # English stays exactly the JSON's vocabulary (keys as they are)
            translate=None if lang == "en" else translate_message,
            decimal_comma=lang in DECIMAL_COMMA_LANGUAGES,
        )
        Path(text_path).write_text(readable, "utf-8")
        return {"REPORT": path, "REPORT_TEXT": text_path}


def translated_messages(obj: Any) -> Any:
    """``obj`` with every core message (``errors.Message``: warnings, notes, methods, rules,
    reasons) in the UI language; keys, codes and numbers stay as they are (the JSON is
    machine-readable, its keys documented)."""
    if hasattr(obj, "template"):
        return translate_message(obj)
    if isinstance(obj, dict):
        return {key: translated_messages(value) for key, value in obj.items()}
    if isinstance(obj, list | tuple):
        return [translated_messages(value) for value in obj]
    return obj
