"""Parameter hygiene for every tool, checked before anything is computed or written."""

from __future__ import annotations

import math

from qgis.core import QgsProcessingContext, QgsProcessingException

from ._i18n import tr


class ParameterChecks:
    """Mixin of :class:`base.SundplanAlgorithm`: finite numbers, parsable expressions and
    writable, distinct outputs."""

    def check_parameters(self, parameters: dict, context: QgsProcessingContext) -> None:
        """Parameter hygiene for every tool, before anything is computed or written.

        * every number (number, distance, duration) is finite: NaN and ±inf are refused;
        * every expression parses (QGIS's parser message, naming the parameter);
        * every output can be written, fits its kind (vector formats, GeoTIFF, the file
          destination's filter, e.g. .json / .pdf), is not an input, and no two outputs
          share a file (``_outputs.check_destinations``).

        Raises ``QgsProcessingException``.
        """
        from . import _outputs

        for definition in self.parameterDefinitions():
            kind = definition.type()
            if kind in ("number", "distance", "duration", "scale"):
                self._check_finite(definition, parameters, context)
            elif kind == "expression":
                text = _raw_expression(parameters.get(definition.name()))
                if text:
                    from qgis.core import QgsExpression

                    expression = QgsExpression(text)
                    if expression.hasParserError():
                        raise QgsProcessingException(
                            tr(
                                "The expression in {parameter} cannot be read: {error} "
                                "(expression: {expression}). Write field names in double "
                                "quotes (\"active\") and texts in single quotes ('yes')."
                            ).format(
                                parameter=definition.name(),
                                error=expression.parserErrorString(),
                                expression=text,
                            )
                        )
        _outputs.check_destinations(self, parameters)

    def _check_finite(self, definition, parameters, context) -> None:
        name = definition.name()
        raw = parameters.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return
        values = []
        if isinstance(raw, str | int | float):
            try:
                values.append(float(str(raw).strip().replace(",", ".")))
            except ValueError:
                pass  # not a number at all: QGIS's own check names it
        try:
            values.append(self.parameterAsDouble(parameters, name, context))
        except Exception:  # noqa: BLE001 (QGIS's own check reports unreadable values)
            pass
        for value in values:
            if not math.isfinite(value):
                raise QgsProcessingException(
                    tr(
                        "The parameter '{description}' ({name}) is {value}; give a finite "
                        "number."
                    ).format(description=definition.description(), name=name, value=raw)
                )

    def parameterAsExpression(self, parameters, name, context):  # noqa: N802
        """The expression text as given, also when it does not parse.

        (QGIS returns an empty string for an unparsable expression, which would silently
        mean "all features"; :meth:`check_parameters` and ``_inputs.select_by_expression``
        stop with QGIS's parser message instead.)
        """
        text = _raw_expression(parameters.get(name))
        if text is not None:
            return text
        return super().parameterAsExpression(parameters, name, context)


def _raw_expression(value) -> str | None:
    """An expression parameter's text as given (None when it is not a plain value)."""
    from ._outputs import raw_value

    text = raw_value(value)
    return text.strip() if text is not None else None
