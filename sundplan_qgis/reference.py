"""Embedded Danish reference data: akutsygehuse, kommuner, regioner and health-planning units.

The national geography (kommuner and the units dissolved from them, as polygons) is the
GeoPackage ``resources/data/denmark.gpkg``, read by :func:`national_layer`.

The tables live as UTF-8 CSV files in ``resources/data`` (see ``resources/data/README.md`` for
the official source of every fact, the dates and the checks). Every function here reads one of
them and returns a fresh :class:`pandas.DataFrame`; codes (``kommunekode``, ``regionskode``,
``sor_code``) are kept as strings so that leading zeros survive (``"0101"`` København).

This module never imports qgis.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import SundplanError, msg

DATA_DIR: Path = Path(__file__).resolve().parents[1] / "resources" / "data"
"""Folder holding the reference CSV files (``<plugin>/resources/data``)."""

# Columns converted to integers after reading everything as text. Anything not listed stays str.
_INT_COLUMNS: dict[str, tuple[str, ...]] = {
    "akutsygehuse.csv": ("hospital_id", "sundhedsfaellesskab_id"),
    "kommuner.csv": ("sundhedsraad_id", "sundhedsfaellesskab_id", "population_2021q1"),
    "regioner.csv": ("population_2021q1",),
    "regioner_2027.csv": ("region_2027_id", "n_kommuner", "n_sundhedsraad", "population_2021q1"),
    "sundhedsraad.csv": ("sundhedsraad_id", "n_kommuner", "population_2021q1"),
    "sundhedsfaellesskaber.csv": (
        "sundhedsfaellesskab_id",
        "population",
        "gp_capacities",
        "n_kommuner",
    ),
}
_FLOAT_COLUMNS: dict[str, tuple[str, ...]] = {"akutsygehuse.csv": ("lon", "lat")}

_CRS_LONLAT = "EPSG:4326"
_CRS_UTM32 = "EPSG:25832"


def _read(name: str, *, data_dir: Path | None) -> pd.DataFrame:
    """Read ``name`` from ``data_dir`` (default :data:`DATA_DIR`): text, then typed numbers."""
    path = Path(data_dir) if data_dir is not None else DATA_DIR
    frame = pd.read_csv(path / name, dtype=str, encoding="utf-8", keep_default_na=False)
    for column in _INT_COLUMNS.get(name, ()):
        frame[column] = frame[column].astype("int64")
    for column in _FLOAT_COLUMNS.get(name, ()):
        frame[column] = frame[column].astype("float64")
    return frame


def akutsygehuse(*, data_dir: Path | None = None) -> pd.DataFrame:
    """The 21 akutsygehuse (hospitals with a fælles akutmodtagelse), one row each.

    Columns: ``hospital_id`` (int, 1–21), ``name``, ``short_name`` (town), ``regionskode``
    (str, 1081–1085), ``region``, ``kommunekode`` (str, 4 digits), ``sor_code`` (str, SOR id of
    the unit used for the location), ``lon``/``lat`` (float, degrees, WGS84 / EPSG:4326),
    ``sundhedsfaellesskab_id`` (int, the Table B.1 row the hospital heads), plus
    ``x_25832``/``y_25832`` (float, metres, ETRS89 / UTM zone 32N, EPSG:25832).
    """
    from pyproj import Transformer

    frame = _read("akutsygehuse.csv", data_dir=data_dir)
    transformer = Transformer.from_crs(_CRS_LONLAT, _CRS_UTM32, always_xy=True)
    x_m, y_m = transformer.transform(frame["lon"].to_numpy(), frame["lat"].to_numpy())
    frame["x_25832"] = x_m
    frame["y_25832"] = y_m
    return frame


def kommuner(*, data_dir: Path | None = None) -> pd.DataFrame:
    """The 98 kommuner (Christiansø, 0411, is not a kommune and is not included).

    Columns: ``kommunekode`` (str, 4 digits), ``kommune``, ``regionskode`` (str), ``region``
    (current region), ``region_2027`` (region from 1 January 2027), ``sundhedsraad_id`` (int),
    ``sundhedsraad``, ``sundhedsfaellesskab_id`` (int, Table B.1 row), ``population_2021q1``
    (int, persons, Danmarks Statistik FOLK1A 1 January 2021).
    """
    return _read("kommuner.csv", data_dir=data_dir)


def regioner(*, data_dir: Path | None = None) -> pd.DataFrame:
    """The 5 regions in force until 31 December 2026.

    Columns: ``regionskode`` (str, 1081–1085), ``region``, ``nuts2`` (DK01–DK05),
    ``population_2021q1`` (int, persons, FOLK1A; Region Hovedstaden includes Christiansø's 90),
    ``iso_3166_2`` (DK-81–DK-85), ``region_2027``.
    """
    return _read("regioner.csv", data_dir=data_dir)


def regioner_2027(*, data_dir: Path | None = None) -> pd.DataFrame:
    """The 4 regions from 1 January 2027 (sundhedsreform 2024).

    Columns: ``region_2027_id`` (int 1–4, our own id, not an official code), ``region_2027``,
    ``regionskoder_2021`` and ``regioner_2021`` (the current regions forming it, ';'-separated),
    ``n_kommuner``, ``n_sundhedsraad``, ``population_2021q1`` (int, persons, sum over its
    kommuner, so without Christiansø).
    """
    return _read("regioner_2027.csv", data_dir=data_dir)


def sundhedsraad(*, data_dir: Path | None = None) -> pd.DataFrame:
    """The 17 sundhedsråd from 2027.

    Columns: ``sundhedsraad_id`` (int 1–17, our own id), ``sundhedsraad``, ``region_2027``,
    ``n_kommuner``, ``population_2021q1`` (int, persons, FOLK1A sum over its kommuner).
    """
    return _read("sundhedsraad.csv", data_dir=data_dir)


def sundhedsfaellesskaber(*, data_dir: Path | None = None) -> pd.DataFrame:
    """The 21 sundhedsfællesskaber of Table B.1 in "Patienten først" (one per akutsygehus).

    Columns: ``sundhedsfaellesskab_id`` (int, row number in B.1), ``akutsygehus`` (as printed),
    ``regionskode`` (str), ``region``, ``population`` (int, persons on 1 January 2018, as
    printed), ``gp_capacities`` (int, almen praksis kapaciteter 2018, as printed),
    ``n_kommuner`` (int, as printed).
    """
    return _read("sundhedsfaellesskaber.csv", data_dir=data_dir)


def grouping_table(*, data_dir: Path | None = None) -> pd.DataFrame:
    """One row per kommune with the larger units it belongs to, for rolling kommuner up.

    Columns: ``kommunekode`` (str), ``kommune``, ``region``, ``region_2027``, ``sundhedsraad``,
    ``sundhedsfaellesskab`` (the B.1 akutsygehus name heading the sundhedsfællesskab).
    """
    kom = kommuner(data_dir=data_dir)
    names = sundhedsfaellesskaber(data_dir=data_dir).set_index("sundhedsfaellesskab_id")
    kom["sundhedsfaellesskab"] = kom["sundhedsfaellesskab_id"].map(names["akutsygehus"])
    columns = ["kommunekode", "kommune", "region", "region_2027", "sundhedsraad"]
    return kom[[*columns, "sundhedsfaellesskab"]].reset_index(drop=True)


# --------------------------------------------------------------------------- national geography
NATIONAL_GPKG = "denmark.gpkg"
"""The embedded national geography (``resources/data``, built by ``make_national.py``)."""

NATIONAL_CRS = _CRS_UTM32
"""CRS of every layer of :data:`NATIONAL_GPKG` (ETRS89 / UTM zone 32N)."""

NATIONAL_LAYERS: tuple[str, ...] = (
    "kommuner",
    "regioner",
    "regioner_2027",
    "sundhedsraad",
    "sundhedsfaellesskaber",
)
"""The national layers: the kommuner (plus Christiansø), stored in :data:`NATIONAL_GPKG`, and
the units, dissolved from them when read (so their borders are the kommuner's by construction,
and the file holds each border once)."""

UNIT_FIELDS: dict[str, tuple[str, str]] = {
    "regioner": ("regionskode", "region"),
    "regioner_2027": ("region_2027_id", "region_2027"),
    "sundhedsraad": ("sundhedsraad_id", "sundhedsraad"),
    "sundhedsfaellesskaber": ("sundhedsfaellesskab_id", "sundhedsfaellesskab"),
}
"""Unit layer -> its (id field, name field) in the ``kommuner`` layer."""

NATIONAL_TABLES: tuple[str, ...] = ("population_age_sex", "population_quarters")
"""Population tables of :data:`NATIONAL_GPKG` (see :func:`national_table`)."""

CHRISTIANSOE = "0411"
"""Kommunekode-like code of Christiansø: outside the kommune division, in no unit."""


def national_layer(layer: str, *, data_dir: Path | None = None) -> pd.DataFrame:
    """One layer of the embedded national geography, one row per feature in file order.

    Columns: the layer's fields plus ``geometry`` (shapely MultiPolygon, metres in
    :data:`NATIONAL_CRS`). Read with GDAL's ogr (safe inside QGIS, unlike pyogrio wheels).
    ``kommuner`` (99 rows): ``kommunekode``, ``kommune``, ``regionskode``,
    ``outside_kommune_division`` (1 for Christiansø), ``population`` (FOLK1A),
    ``stat_quarter`` ("2021K1"), then the units it belongs to (``region``, ``region_2027_id``,
    ``region_2027``, ``sundhedsraad_id``, ``sundhedsraad``, ``sundhedsfaellesskab_id``,
    ``sundhedsfaellesskab``; empty for Christiansø). Unit layers: id, name, ``n_kommuner``,
    ``population`` (sum over the member kommuner), ``stat_quarter``.
    """

    if layer not in NATIONAL_LAYERS:
        raise ValueError(f"unknown national layer {layer!r}; one of {', '.join(NATIONAL_LAYERS)}")
    if layer in UNIT_FIELDS:
        id_field, name_field = UNIT_FIELDS[layer]
        kommuner = national_layer("kommuner", data_dir=data_dir)
        return dissolve_units(kommuner, id_field=id_field, name_field=name_field)
    return _read_national(layer, data_dir=data_dir, geometry=True)


def national_table(table: str, *, data_dir: Path | None = None) -> pd.DataFrame:
    """One population table of :data:`NATIONAL_GPKG` (FOLK1A, "Kilde: Danmarks Statistik"):

    * ``population_age_sex``: one row per kommunekode (99, Christiansø included) with
      ``kommune``, persons by sex and 5-year age group ``m_0_4`` … ``k_85_plus`` (the columns
      the need weights read), ``population`` and ``stat_quarter`` (``2014K1``: the latest
      quarter with kommune × sex × age available to us);
    * ``population_quarters``: ``kommunekode``, ``kommune``, ``quarter`` (``2008K1`` …
      ``2021K1``), ``population``.
    """
    if table not in NATIONAL_TABLES:
        raise ValueError(f"unknown national table {table!r}; one of {', '.join(NATIONAL_TABLES)}")
    return _read_national(table, data_dir=data_dir, geometry=False)


def population_age_sex(*, data_dir: Path | None = None) -> pd.DataFrame:
    """:func:`national_table` ``"population_age_sex"`` (FOLK1A 2014K1 by kommune, sex, age)."""
    return national_table("population_age_sex", data_dir=data_dir)


def population_quarters(*, data_dir: Path | None = None) -> pd.DataFrame:
    """:func:`national_table` ``"population_quarters"`` (FOLK1A per kommune and quarter)."""
    return national_table("population_quarters", data_dir=data_dir)


def _read_national(layer: str, *, data_dir: Path | None, geometry: bool) -> pd.DataFrame:
    from osgeo import ogr
    from shapely import wkb

    from ._compat import gdal_exceptions

    path = (Path(data_dir) if data_dir is not None else DATA_DIR) / NATIONAL_GPKG
    with gdal_exceptions():
        dataset = ogr.Open(str(path))
        source = dataset.GetLayerByName(layer)
        definition = source.GetLayerDefn()
        names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
        rows = []
        for feature in source:
            row = {n: feature.GetField(n) for n in names}
            if geometry:
                row["geometry"] = wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb()))
            rows.append(row)
        source = dataset = None
    frame = pd.DataFrame(rows, columns=[*names, "geometry"] if geometry else names)
    for column in names:  # integer fields with NULLs (Christiansø) come back as float
        values = frame[column]
        if values.dtype == float and values.dropna().apply(float.is_integer).all():
            frame[column] = values.astype("Int64")
    return frame


def dissolve_units(kommuner: pd.DataFrame, *, id_field: str, name_field: str) -> pd.DataFrame:
    """One MultiPolygon per unit (the union of its kommuner), ordered by (id, name):
    ``id_field``, ``name_field``, ``n_kommuner``, ``population`` (sum), ``stat_quarter``,
    ``geometry``. Kommuner in no unit (Christiansø) are left out."""
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.ops import unary_union

    members = kommuner[kommuner[name_field].notna()]
    rows = []
    for (unit_id, name), group in sorted(
        members.groupby([id_field, name_field], sort=False), key=lambda item: item[0]
    ):
        union = unary_union(list(group["geometry"]))
        rows.append(
            {
                id_field: unit_id,
                name_field: name,
                "n_kommuner": len(group),
                "population": int(group["population"].sum()),
                "stat_quarter": group["stat_quarter"].iloc[0],
                "geometry": MultiPolygon([union]) if isinstance(union, Polygon) else union,
            }
        )
    return pd.DataFrame(
        rows, columns=[id_field, name_field, "n_kommuner", "population", "stat_quarter", "geometry"]
    )


def kommune_polygons(
    *, include_outside: bool = False, data_dir: Path | None = None
) -> pd.DataFrame:
    """The 98 kommuner as polygons (:func:`national_layer` ``"kommuner"``); with
    ``include_outside`` also Christiansø (99 rows, ``outside_kommune_division`` = 1)."""
    frame = national_layer("kommuner", data_dir=data_dir)
    if not include_outside:
        frame = frame[frame["outside_kommune_division"] == 0].reset_index(drop=True)
    return frame


def with_polygons(
    table: pd.DataFrame, layer: str, *, key: str, data_dir: Path | None = None
) -> pd.DataFrame:
    """``table`` (one of the reference tables) with a ``geometry`` column taken from the
    national ``layer`` by ``key``; a row without a polygon there is an error (the embedded
    files disagree)."""
    shapes = national_layer(layer, data_dir=data_dir)
    lookup = dict(zip(shapes[key].astype(str), shapes["geometry"], strict=True))
    missing = [str(k) for k in table[key] if str(k) not in lookup]
    if missing:
        raise ValueError(f"no polygon in {NATIONAL_GPKG}:{layer} for {key} {missing[:5]}")
    out = table.copy()
    out["geometry"] = [lookup[str(k)] for k in table[key]]
    return out


def kommune_residents(*, crs_wkt: str | None = None, data_dir: Path | None = None) -> pd.DataFrame:
    """The embedded residents: the 98 kommuner (Christiansø, outside the kommune division, left
    out) with the population of the latest quarter of :func:`population_quarters`.

    Columns ``kommunekode``, ``kommune``, ``population``, ``quarter`` (e.g. ``"2021K1"``) and
    ``geometry`` (in ``crs_wkt`` when given, else :data:`NATIONAL_CRS`).
    """
    frame = kommune_polygons(data_dir=data_dir)
    quarters = population_quarters(data_dir=data_dir)
    latest = str(quarters["quarter"].max())  # "YYYYKq" sorts as text
    population = quarters[quarters["quarter"] == latest].set_index("kommunekode")["population"]
    missing = sorted(set(frame["kommunekode"]) - set(population.index))
    if missing:
        raise ValueError(f"no {latest} population in {NATIONAL_GPKG} for kommuner {missing[:5]}")
    out = pd.DataFrame(
        {
            "kommunekode": frame["kommunekode"],
            "kommune": frame["kommune"],
            "population": frame["kommunekode"].map(population).astype("int64"),
            "quarter": latest,
        }
    )
    out["geometry"] = frame["geometry"]  # as a Series: pandas never asks a polygon its len
    if crs_wkt:
        from pyproj import CRS, Transformer
        from shapely.ops import transform

        target = CRS.from_user_input(crs_wkt)
        if not target.equals(CRS.from_user_input(NATIONAL_CRS)):
            project = Transformer.from_crs(NATIONAL_CRS, target, always_xy=True).transform
            out["geometry"] = pd.Series(
                [transform(project, g) for g in out["geometry"]], index=out.index, dtype=object
            )
    return out


# --------------------------------------------------------------------------- overview network
OVERVIEW_GPKG = "overview_roads.gpkg"
"""The shipped national main-road network (``resources/data``, built by
``make_overview_network.py`` from OpenStreetMap 2021)."""

OVERVIEW_LAYER = "roads"
"""Its one line layer: ``class``, ``oneway``, ``duration_min``, ``length_m``."""

OVERVIEW_ATTRIBUTION = "© OpenStreetMap contributors, ODbL 1.0"
"""The credit every use of the overview network carries (ODbL 1.0)."""

OVERVIEW_CREDIT = (
    f"Data {OVERVIEW_ATTRIBUTION} (Open Database License, "
    "https://opendatacommons.org/licenses/odbl/1-0/); a derived database, so share-alike "
    "applies if it is published."
)

OVERVIEW_NOTE = msg("overview: main roads only (OpenStreetMap 2021)")
"""Said in the log, the report and on the map wherever a run used the overview network."""


def overview_network_path(*, data_dir: Path | None = None) -> Path:
    """Path of the shipped overview network (:data:`OVERVIEW_GPKG`)."""
    return (Path(data_dir) if data_dir is not None else DATA_DIR) / OVERVIEW_GPKG


def overview_network(*, data_dir: Path | None = None, progress=None):
    """The shipped overview network as ``network.RoadLines`` (class, ferry duration and the
    travel length measured before generalising; one-way flags are not used: the source's
    line direction is not reliable, as with the original file)."""
    from .network import read_lines_ogr

    return read_lines_ogr(
        overview_network_path(data_dir=data_dir),
        layer=OVERVIEW_LAYER,
        class_field="class",
        duration_field="duration_min",
        length_field="length_m",
        progress=progress,
    )


# --------------------------------------------------------------------------- grouping
OUTSIDE_GROUPING = msg("outside the grouping")
"""Unit of every area whose id is not in the grouping table (Christiansø, 0411, is in no
region, sundhedsråd or sundhedsfællesskab): one separate row of each roll-up, left out of ranks,
Gini, best/worst and shortage counts. A :class:`~sundplan_qgis.errors.Message`, so the
Processing layer can print it translated ("uden for inddeling")."""


def normalise_code(value) -> str:
    """An area/kommune code as text; numbers get the 4-digit kommunekode form (``101``,
    ``101.0`` and ``'101'`` -> ``'0101'``); NULL -> ``''``."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text.zfill(4) if text.isdigit() and len(text) < 4 else text


def units_of(
    ids: Sequence, mapping: Mapping, *, source_name: str = "grouping table"
) -> list[str | None]:
    """The unit of every id in ``mapping`` (area id -> unit), ``None`` = outside the grouping.

    The one rule of every roll-up (GP density, specialist gaps): ids and keys are compared as
    codes (:func:`normalise_code`: ``101`` = ``0101``); an id that is not a key, or whose unit is
    empty (NULL, blank), is outside the grouping. It never stops a run: the caller puts those
    areas in a row of their own (:data:`OUTSIDE_GROUPING`). A key listed twice with different
    units is an error naming it.
    """
    lookup: dict[str, str] = {}
    conflicts: dict[str, set] = {}
    for key, unit in mapping.items():
        code = normalise_code(key)
        if unit is None or (isinstance(unit, float) and unit != unit) or not str(unit).strip():
            continue
        unit = str(unit)
        if code in lookup and lookup[code] != unit:
            conflicts.setdefault(code, {lookup[code]}).add(unit)
        lookup[code] = unit
    if conflicts:
        raise SundplanError(
            "The grouping table gives some areas more than one unit: {areas}. List every area "
            "id once.",
            areas=", ".join(
                f"{k} ({' / '.join(sorted(v))})" for k, v in list(conflicts.items())[:5]
            ),
        )
    return [lookup.get(normalise_code(i)) for i in ids]


def inside_point(geometry, xy: Sequence[float] | None = None) -> tuple[float, float]:
    """A point inside ``geometry`` (shapely polygon or multipolygon) as close as possible to
    ``xy``: ``xy`` itself when it lies inside, else the nearest point of the area moved a
    hair inside; without ``xy``, the centroid on the same rule. Falls back to shapely's
    ``representative_point`` (always inside). Used for relocation centres and label points, so
    no area's centre lies in the sea (Region Hovedstaden's centroid is in Øresund)."""
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    if geometry is None or geometry.is_empty:
        raise ValueError("no geometry")
    p = geometry.centroid if xy is None else Point(float(xy[0]), float(xy[1]))
    if geometry.contains(p):
        return (p.x, p.y)
    if not geometry.is_valid:
        geometry = geometry.buffer(0)
    edge = nearest_points(geometry, p)[0]
    size = max(geometry.area, 1e-12) ** 0.5
    for eps in (1e-4 * size, 1e-3 * size, 1e-2 * size):
        piece = geometry.intersection(edge.buffer(eps))
        if not piece.is_empty:
            q = piece.representative_point()
            if geometry.contains(q):
                return (q.x, q.y)
    q = geometry.representative_point()
    return (q.x, q.y)


def weighted_inside_point(
    geometry, points_xy: np.ndarray, weights: np.ndarray
) -> tuple[float, float]:
    """Population-weighted centre of ``points_xy`` (one row per point, e.g. the member areas'
    centres or resident cells) when it lies inside ``geometry``, else the nearest point inside
    (:func:`inside_point`). Zero or missing weights: the plain mean of the points."""
    xy = np.asarray(points_xy, dtype=float).reshape(-1, 2)
    w = np.nan_to_num(np.asarray(weights, dtype=float).reshape(-1), nan=0.0)
    if xy.shape[0] == 0:
        return inside_point(geometry)
    if w.sum() > 0:
        centre = (xy * w[:, None]).sum(axis=0) / w.sum()
    else:
        centre = xy.mean(axis=0)
    return inside_point(geometry, centre)
