"""The one exception type the user sees.

Raise :class:`SundplanError` for anything the user can fix: the message names the layer or
file (and the feature, when known) and says what to do, e.g. "reproject to EPSG:25832".

Messages are English templates with named values, never f-strings::

    raise SundplanError("The layer '{layer}' has no field '{field}'.", layer=name, field=f)
    progress(0.5, msg("Snapping {n:,} locations", n=n))

``str()`` gives the English text (logs, tests, the core on its own). The core never imports
Qt: the Processing layer looks the *template* up in the Danish translation (``i18n/``) and
fills in the values (``processing/base.py: translate_message``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def _format(template: str, values: dict[str, Any]) -> str:
    return template.format(**values) if values else template


class Message(str):
    """An English message that remembers its template and values (for translation).

    A ``str`` in every other respect, so core code and tests can treat it as text.
    """

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> Message:
        self = super().__new__(cls, _format(template, values))
        self.template = template
        self.values = values
        return self

    def __reduce__(self):  # survive pickling (multiprocessing workers)
        return (_message, (self.template, self.values))


def _message(template: str, values: dict[str, Any]) -> Message:
    return Message(template, **values)


msg = Message  # short marker for progress texts: progress(f, msg("... {n}", n=n))


def listing(items: Iterable[Any], sep: str = ", ") -> Message:
    """``items`` joined by ``sep``, each translated on its own.

    For lists whose entries carry words of their own:
    ``listing(msg("{name} in area {area}", name=n, area=a) for ...)``. (``", ".join`` of
    messages gives plain text, which stays English.)
    """
    values = {f"item{i}": item for i, item in enumerate(items)}
    return Message(sep.join("{" + key + "}" for key in values), **values)


class SundplanError(Exception):
    """A user-facing error whose message names the layer/feature and the fix.

    ``SundplanError(template, **values)``; ``.template`` and ``.values`` are kept for the
    translation, ``str(exc)`` is the English message.
    """

    def __init__(self, template: str = "", /, **values: Any):
        self.template = str(template)
        self.values = values
        super().__init__(_format(self.template, values))

    def __reduce__(self):  # survive pickling (multiprocessing workers)
        return (_rebuild_error, (type(self), self.template, self.values))


def _rebuild_error(cls: type, template: str, values: dict[str, Any]) -> SundplanError:
    return cls(template, **values)


class Cancelled(SundplanError):
    """The user cancelled the run.

    Raised by the ``progress(fraction, message)`` callback the Processing layer gives the core
    (see ``processing/base.py: progress_callback``) when the user presses Cancel.
    """
