"""Which planning unit a planner means by "Region Nordjylland", "1081" or "sundhedsraad:5".

The map report limits an atlas to one region, region from 2027, sundhedsråd or
sundhedsfællesskab; this module finds the unit in the embedded geography
(:func:`reference.national_layer`) and tells which kommuner belong to it. Plain text in, plain
data out: the Processing layer turns the answer into the atlas pages.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from typing import Any

from . import reference
from .errors import SundplanError

#: Prefixes that name a level explicitly: ``"sundhedsraad:5"``, ``"region_2027:Region Østdanmark"``.
LEVEL_PREFIXES: dict[str, str] = {
    "region": "regioner",
    "regioner": "regioner",
    "region_2027": "regioner_2027",
    "regioner_2027": "regioner_2027",
    "sundhedsraad": "sundhedsraad",
    "sundhedsråd": "sundhedsraad",
    "sundhedsfaellesskab": "sundhedsfaellesskaber",
    "sundhedsfællesskab": "sundhedsfaellesskaber",
    "sundhedsfaellesskaber": "sundhedsfaellesskaber",
}


@dataclass(frozen=True)
class Unit:
    """A planning unit of the embedded geography.

    Attributes:
        level: the national layer (``regioner``, ``regioner_2027``, ``sundhedsraad``,
            ``sundhedsfaellesskaber``).
        unit_id: its code as text (``"1081"``, ``"5"``).
        name: its name (``"Region Nordjylland"``).
        kommunekoder: the 4-digit codes of its kommuner.
        geometry: its polygon (shapely, metres in :data:`reference.NATIONAL_CRS`).
    """

    level: str
    unit_id: str
    name: str
    kommunekoder: tuple[str, ...]
    geometry: Any


def _fold(text: str) -> str:
    """Case, accents and Danish letters folded: 'Sundhedsråd Fyn' == 'sundhedsraad fyn'."""
    text = text.strip().casefold().replace("å", "aa").replace("æ", "ae").replace("ø", "oe")
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def _code(value: Any) -> str:
    text = str(value).strip()
    return text[:-2] if text.endswith(".0") else text


def units(*, data_dir=None) -> list[Unit]:
    """Every unit of every level, in level order then by code (dissolved once per folder)."""
    return list(_units(str(data_dir) if data_dir is not None else None))


@functools.lru_cache(maxsize=2)
def _units(data_dir: str | None) -> tuple[Unit, ...]:
    kommuner = reference.kommune_polygons(data_dir=data_dir)
    out = []
    for level, (id_field, name_field) in reference.UNIT_FIELDS.items():
        layer = reference.national_layer(level, data_dir=data_dir)
        for row in layer.itertuples(index=False):
            unit_id = _code(getattr(row, id_field))
            members = kommuner[kommuner[id_field].map(_code) == unit_id]["kommunekode"]
            out.append(
                Unit(
                    level=level,
                    unit_id=unit_id,
                    name=str(getattr(row, name_field)),
                    kommunekoder=tuple(str(k).zfill(4) for k in members),
                    geometry=row.geometry,
                )
            )
    return tuple(out)


def find_unit(text: str, *, data_dir=None) -> Unit | None:
    """The unit ``text`` names (by name or code, optionally ``level:`` first), or None when it
    names none (then it may be an expression).

    Names shared by two levels with the same kommuner (Region Nordjylland before and after
    2027) are the same unit; a code or name that means different areas is refused.

    Raises:
        SundplanError: ``text`` is ambiguous (the message lists how to say each meaning).
    """
    level = None
    body = text.strip()
    if ":" in body:
        head, rest = body.split(":", 1)
        if _fold(head) in {_fold(k) for k in LEVEL_PREFIXES}:
            level = next(v for k, v in LEVEL_PREFIXES.items() if _fold(k) == _fold(head))
            body = rest.strip()
    wanted = _fold(body)
    if not wanted:
        return None
    candidates = [u for u in units(data_dir=data_dir) if level is None or u.level == level]
    hits = [u for u in candidates if _fold(u.name) == wanted]
    if not hits:
        bare = {"region ", "sundhedsraad "}
        hits = [
            u
            for u in candidates
            if any(_fold(u.name) == p + wanted for p in bare) and not wanted.isdigit()
        ]
    if not hits and wanted.isdigit():
        hits = [u for u in candidates if u.unit_id.lstrip("0") == wanted.lstrip("0")]
    if not hits:
        return None
    if len({u.kommunekoder for u in hits}) > 1:
        raise SundplanError(
            "'{text}' names several areas: {options}. Write the level first, e.g. {example}.",
            text=text,
            options=", ".join(f"{u.level}:{u.unit_id} ({u.name})" for u in hits),
            example=f"{hits[0].level}:{hits[0].unit_id}",
        )
    return hits[0]


def unit_names(*, data_dir=None) -> list[str]:
    """The names a planner can give, for messages (regions and sundhedsråd)."""
    return sorted({u.name for u in units(data_dir=data_dir) if u.level != "sundhedsfaellesskaber"})
