"""Specialty names of speciallægepraksis: the 15 specialties, their aliases, and planned totals.

Every tool that reads a specialty (practices, capacity tables, weight tables, the SPECIALTIES
filter, planned totals) matches it here, ignoring case, spaces and punctuation.

This module never imports qgis.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import SundplanError, listing, msg

DATA_DIR: Path = Path(__file__).resolve().parents[1] / "resources" / "data"
SPECIALTIES_CSV = "specialties.csv"


def specialties(*, data_dir: Path | None = None) -> pd.DataFrame:
    """The 15 specialties of speciallægepraksis (``resources/data/specialties.csv``).

    Columns: ``specialty`` (canonical Danish name), ``english``, ``aliases`` (``;``-separated
    Danish and English names and common spellings), ``note``, ``source``.
    """
    path = (Path(data_dir) if data_dir is not None else DATA_DIR) / SPECIALTIES_CSV
    return pd.read_csv(path, dtype=str, encoding="utf-8", keep_default_na=False)


def _key(name: object) -> str:
    """Matching key of a specialty name: case, spaces and punctuation ignored."""
    text = re.sub(r"\b(og|and)\b|&", " ", str(name).casefold())
    return re.sub(r"[\s\-/.,()_:]+", "", text)


def specialty_lookup(*, data_dir: Path | None = None) -> dict[str, str]:
    """Matching key (:func:`_key`) of every name and alias -> canonical Danish name."""
    table = specialties(data_dir=data_dir)
    out: dict[str, str] = {}
    for row in table.itertuples(index=False):
        for name in [row.specialty, row.english, *str(row.aliases).split(";")]:
            if name.strip():
                out[_key(name)] = row.specialty
    return out


EMPTY = msg("(empty)")
"""Shown for an empty or NULL specialty name in messages (translated with them)."""


def normalise_specialties(
    names: Sequence, *, source_name: str = "practices", lookup: Mapping[str, str] | None = None
) -> list[str]:
    """Canonical Danish specialty names for ``names`` (aliases, English, any case).

    Unknown names are a :class:`SundplanError` listing every unknown name (with how many
    rows have it) and the known specialties. Empty / NULL names are errors too.
    """
    lookup = specialty_lookup() if lookup is None else lookup
    out, unknown = [], {}
    for name in names:
        if name is None or (isinstance(name, float) and np.isnan(name)) or not str(name).strip():
            unknown[EMPTY] = unknown.get(EMPTY, 0) + 1
            out.append("")
            continue
        canonical = lookup.get(_key(name))
        if canonical is None:
            unknown[str(name)] = unknown.get(str(name), 0) + 1
            out.append("")
        else:
            out.append(canonical)
    if unknown:
        found = listing(msg("'{name}' ({n}×)", name=k, n=v) for k, v in sorted(unknown.items()))
        known = ", ".join(sorted(set(lookup.values())))
        raise SundplanError(
            "Unknown specialty names in '{source}': {found}. Use one of the 15 "
            "specialties (Danish or English name, or a common alias): {known}. Names are "
            "matched ignoring case, spaces and hyphens; see resources/data/specialties.csv.",
            source=source_name,
            found=found,
            known=known,
        )
    return out


def parse_planned_totals(text: str) -> dict[str, float]:
    """``"Dermato-venerologi=60; Reumatologi: 50"`` -> {canonical name: total}."""
    out: dict[str, float] = {}
    if not text or not text.strip():
        return out
    for part in re.split(r"[;\n]+", text):
        if not part.strip():
            continue
        m = re.match(r"^\s*(.+?)\s*[=:]\s*([-+0-9.,eE]+)\s*$", part)
        if not m:
            raise SundplanError(
                "Cannot read the planned total '{text}'. Write specialty=number, "
                "separated by ';', e.g. 'Dermato-venerologi=60; Reumatologi=50'.",
                text=part.strip(),
            )
        name = normalise_specialties([m.group(1)], source_name="planned totals")[0]
        try:
            value = float(m.group(2).replace(",", "."))
        except ValueError as exc:
            raise SundplanError(
                "The planned total for '{specialty}' is not a number.", specialty=name
            ) from exc
        if value < 0:
            raise SundplanError(
                "The planned total for '{specialty}' must be 0 or more.", specialty=name
            )
        out[name] = value
    return out
