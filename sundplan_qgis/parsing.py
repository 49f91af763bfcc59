"""Parsing of the free-text list parameters shared by every tool (one rule for all)."""

from __future__ import annotations

import re


def split_list(text: str | None) -> tuple[str, ...]:
    """Items of a list typed into one text parameter, stripped, empty items dropped.

    Separated by ``;`` or new lines; a text without either is separated by ``,`` (so
    ``"Kardiologi, Neurologi"`` works too, while names that contain commas stay whole when
    the list uses ``;``).
    """
    if not text:
        return ()
    parts = re.split(r"[;\n]", text) if re.search(r"[;\n]", text) else text.split(",")
    return tuple(p.strip() for p in parts if p.strip())
