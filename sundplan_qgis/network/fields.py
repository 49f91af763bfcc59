"""Which attribute of a road line layer holds its class, speed, one-way rule and ferry time.

A file network (GeoPackage, shapefile) has no field chooser in the Processing dialog, so the
usual names are detected when the user names none: OSM exports (``highway``, ``maxspeed``,
``oneway``), OpenMapTiles (``class``), Geofabrik's shapefiles (``fclass``, ``maxspeed`` with 0 =
unknown, ``oneway`` coded B/F/T) and ``road_class``. A field the user names always wins.

A ``oneway`` field is detected only beside an OSM-native class field (``highway``, ``fclass``):
there each line is an OSM way, drawn in the way's direction. Tile-derived layers (OpenMapTiles'
``class``) merge ways and lose that direction, so their one-way flag is not trusted unless named.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import SundplanError, msg

#: Field roles and the names detected for each, in order of preference (case-insensitive).
DETECTED_NAMES: dict[str, tuple[str, ...]] = {
    "class": ("highway", "class", "road_class", "fclass"),
    "speed": ("maxspeed",),
    "oneway": ("oneway",),
    "duration": ("duration_min", "duration"),
}

#: Class fields of layers whose lines keep the OSM way's direction (see the module text).
_OSM_NATIVE_CLASS = ("highway", "fclass")

#: The Processing parameter a user sets for each role (named in messages).
PARAMETER_OF_ROLE = {
    "class": "CLASS_FIELD",
    "speed": "SPEED_FIELD",
    "oneway": "ONEWAY_FIELD",
    "duration": "DURATION_FIELD",
}

#: Geofabrik's shapefile one-way codes: B both ways, F along the line, T against it.
GEOFABRIK_ONEWAY = {"B": 0, "F": 1, "T": -1}


@dataclass(frozen=True)
class RoadFields:
    """The field used for each role (None: not used) and whether it was detected."""

    speed: str | None = None
    oneway: str | None = None
    road_class: str | None = None
    duration: str | None = None
    detected: tuple[str, ...] = ()

    def as_report(self) -> dict[str, str | None]:
        """``{role: field}`` plus the detected roles, for the run report."""
        return {
            "class": self.road_class,
            "speed": self.speed,
            "oneway": self.oneway,
            "duration": self.duration,
            "detected": list(self.detected),
        }


def find_field(names: Sequence[str], wanted: str, *, role: str, layer: str) -> str:
    """``wanted`` as spelled in ``names`` (case-insensitive); a clear error when absent."""
    if wanted in names:
        return wanted
    lower = {n.lower(): n for n in names}
    if wanted.lower() in lower:
        return lower[wanted.lower()]
    raise SundplanError(
        "Road layer '{layer}' has no field '{field}' (given as the {what} field). "
        "Fields found: {fields}. Choose one of those.",
        layer=layer,
        field=wanted,
        what=_ROLE_WORDS[role],
        fields=", ".join(names) if names else msg("(none)"),
    )


_ROLE_WORDS = {  # messages: translated inside the message that names the field
    "class": msg("road class"),
    "speed": msg("speed"),
    "oneway": msg("oneway"),
    "duration": msg("ferry duration"),
    "length": msg("length"),
}


def resolve_fields(
    names: Sequence[str],
    *,
    layer: str,
    speed_field: str | None = None,
    oneway_field: str | None = None,
    class_field: str | None = None,
    duration_field: str | None = None,
    detect: bool = True,
) -> RoadFields:
    """The fields to read: those given (checked to exist), and with ``detect`` the usual names
    (:data:`DETECTED_NAMES`) for the roles given none.

    Raises:
        SundplanError: a given field is missing (the message lists the fields found).
    """
    given = {
        "speed": speed_field or None,
        "oneway": oneway_field or None,
        "class": class_field or None,
        "duration": duration_field or None,
    }
    lower = {n.lower(): n for n in names}
    chosen: dict[str, str | None] = {}
    detected: list[str] = []
    for role, wanted in given.items():
        if wanted is not None:
            chosen[role] = find_field(names, wanted, role=role, layer=layer)
            continue
        hit = next((lower[c] for c in DETECTED_NAMES[role] if c in lower), None) if detect else None
        chosen[role] = hit
        if hit is not None:
            detected.append(role)
    if "oneway" in detected and (chosen["class"] or "").lower() not in _OSM_NATIVE_CLASS:
        chosen["oneway"] = None
        detected.remove("oneway")
    return RoadFields(
        speed=chosen["speed"],
        oneway=chosen["oneway"],
        road_class=chosen["class"],
        duration=chosen["duration"],
        detected=tuple(detected),
    )


def no_class_nor_speed(lines_fields: dict | None, *, layer: str) -> SundplanError | None:
    """The error for a layer read with neither a class nor a speed field (so no line has a
    speed), naming the parameters to set and the fields found; None when one was read or the
    source was not a field-based layer."""
    if not lines_fields or lines_fields.get("class") or lines_fields.get("speed"):
        return None
    names = lines_fields.get("found") or []
    return SundplanError(
        "Road layer '{layer}' has no road class field and no speed field, so no line has "
        "a speed. Set the road class field (CLASS_FIELD, OSM highway values such as "
        "'primary') or the speed field (SPEED_FIELD, km/h). Fields found: {fields}.",
        layer=layer,
        fields=", ".join(names) if names else msg("(none)"),
    )


def read_oneway(values) -> np.ndarray:
    """One-way codes (int8: 0 both, 1 along, -1 against) of a column: Geofabrik's B/F/T
    coding when the column uses it, else :func:`.speeds.parse_oneway`."""
    from .. import _compat
    from .speeds import parse_oneway

    text = np.asarray(_compat.column_to_str(values), dtype=object)
    coded = geofabrik_oneway(text)
    return coded if coded is not None else parse_oneway(values)


def geofabrik_oneway(text: np.ndarray) -> np.ndarray | None:
    """One-way codes of a column coded like Geofabrik's shapefiles (B/F/T, with B present),
    else None (then the usual yes/1/-1 parser applies: 'T' there means true)."""
    uniq, inverse = np.unique(np.asarray(text, dtype=str), return_inverse=True)
    decoded = [u.strip().upper() for u in uniq]  # per distinct value, not per line
    values = set(decoded) - {""}
    if not values or "B" not in values or not values <= set(GEOFABRIK_ONEWAY):
        return None
    per_value = np.array([GEOFABRIK_ONEWAY.get(v, 0) for v in decoded], dtype=np.int8)
    return per_value[inverse.reshape(-1)]


#: Share of lines whose class is an OpenStreetMap highway value (or ferry) above which a layer
#: is taken to be derived from OpenStreetMap, and credited so (ODbL) on maps.
OSM_SCHEMA_SHARE = 0.9


def osm_schema(road_class: np.ndarray) -> bool:
    """True when the lines' classes are OpenStreetMap's highway values: such a layer is
    derived from OpenStreetMap (a GeoPackage export, OpenMapTiles, Geofabrik's shapefiles)
    and must credit it. Errs towards crediting; the map's SOURCES parameter overrides."""
    from .speeds import DRIVABLE_HIGHWAYS

    classes = np.asarray(road_class, dtype=object)
    if not len(classes):
        return False
    known = set(DRIVABLE_HIGHWAYS) | {"ferry", "ferry_connector"}
    values, counts = np.unique(classes.astype(str), return_counts=True)  # per class, not line
    osm = sum(
        int(n) for v, n in zip(values, counts, strict=True) if v.removesuffix("_link") in known
    )
    return osm / len(classes) >= OSM_SCHEMA_SHARE
