"""The one exception type the user sees.

Raise :class:`SundplanError` for anything the user can fix: the message names the layer or
file (and the feature, when known) and says what to do, e.g. "reproject to EPSG:25832".
"""

from __future__ import annotations


class SundplanError(Exception):
    """A user-facing error whose message names the layer/feature and the fix."""


class Cancelled(SundplanError):
    """The user cancelled the run.

    Raised by the ``progress(fraction, message)`` callback the Processing layer gives the core
    (see ``processing/base.py: progress_callback``) when the user presses Cancel.
    """
