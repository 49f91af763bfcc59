"""Build ``resources/data/denmark.gpkg``: kommuner and the units dissolved from them.

Not shipped (the Makefile leaves ``resources/*/make_*.py`` out). Run from the repository root:

    python resources/data/make_national.py [SOURCE_GEOJSON]

SOURCE_GEOJSON defaults to the project's read-only copy
``../shared/data/dagi-kommuner-regioner-2021-folk1a/kommuner_2021_folk1a.geojson`` (DAGI
kommuner 2021 joined with FOLK1A 2021K1, from the MIT-licensed R package dagir; see
``resources/data/README.md``). The geometry is already topologically simplified upstream
(mapshaper, keep 3 %): it is only reprojected to EPSG:25832 and rounded to 1 cm, vertex by
vertex, so neighbours keep sharing their borders exactly. Units (regioner, regioner 2027,
sundhedsråd, sundhedsfællesskaber) are dissolved from the kommuner with the embedded grouping
(``reference.kommuner()``); Christiansø (0411) is in no unit, so it is in no unit layer.

The output is deterministic: same input, same bytes (fixed feature order, rounded
coordinates, a fixed GeoPackage timestamp).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # appended: never shadow QGIS's own ``processing`` package
    sys.path.append(str(ROOT))

from osgeo import gdal, ogr, osr  # noqa: E402
from pyproj import Transformer  # noqa: E402
from shapely import wkb  # noqa: E402
from shapely.geometry import MultiPolygon, Polygon, shape  # noqa: E402
from shapely.ops import transform, unary_union  # noqa: E402

from sundplan_qgis import reference  # noqa: E402

SOURCE = (
    ROOT.parent
    / "shared"
    / "data"
    / "dagi-kommuner-regioner-2021-folk1a"
    / "kommuner_2021_folk1a.geojson"
)
OUTPUT = ROOT / "resources" / "data" / "denmark.gpkg"
AGE_SEX_CSV = (
    ROOT.parent / "shared" / "data" / "folk1a-2014q1-kommune-koen-alder"
    / "folk1a_2014q1_kommune_koen_alder.csv"
)  # fmt: skip
QUARTERS_CSV = (
    ROOT.parent / "shared" / "data" / "folk1a-kommuner-2008-2020"
    / "folk1a_kommune_kvartal_2008q1_2020q3.csv"
)  # fmt: skip
AGE_SEX_QUARTER = "2014K1"  # the latest quarter with kommune x sex x age available to us
POPULATION_CREDIT = (
    "FOLK1A, Kilde: Danmarks Statistik (via the R package dagir, MIT licence, "
    "github.com/LarsHernandez/dagir)."
)
STAT_QUARTER = "2021K1"
PRECISION_M = 2  # decimals of a metre: 1 cm, far below the 3 % simplification upstream
PAGE_SIZE_BYTES = 512
FIXED_DATE = "2021-09-02T00:00:00Z"  # dagir commit date: the file's timestamps never change

CREDIT = (
    "Boundaries: DAGI kommuner 2021 (SDFI, Styrelsen for Dataforsyning og Infrastruktur, via "
    "Dataforsyningen; free data), simplified upstream with mapshaper (keep 3 %) in the R "
    "package dagir (MIT licence, github.com/LarsHernandez/dagir). Population: FOLK1A 2021K1, "
    "Kilde: Danmarks Statistik. Reprojected to EPSG:25832 by sundplan (make_national.py)."
)
CHRISTIANSOE_NOTE = (
    "Christiansø (0411) lies outside the kommune division and in no unit. The units (regioner, "
    "regioner_2027, sundhedsraad, sundhedsfaellesskaber) are not stored: sundplan dissolves them "
    "from this layer when read (reference.national_layer), so their borders are the kommuner's."
)

KOMMUNE_FIELDS = (
    ("kommunekode", ogr.OFTString),
    ("kommune", ogr.OFTString),
    ("regionskode", ogr.OFTString),
    ("outside_kommune_division", ogr.OFTInteger),
    ("population", ogr.OFTInteger),
    ("stat_quarter", ogr.OFTString),
    ("region", ogr.OFTString),
    ("region_2027_id", ogr.OFTInteger),
    ("region_2027", ogr.OFTString),
    ("sundhedsraad_id", ogr.OFTInteger),
    ("sundhedsraad", ogr.OFTString),
    ("sundhedsfaellesskab_id", ogr.OFTInteger),
    ("sundhedsfaellesskab", ogr.OFTString),
)


def _multi(geometry) -> MultiPolygon:
    """Every geometry as a MultiPolygon (one geometry type per layer)."""
    if isinstance(geometry, Polygon):
        return MultiPolygon([geometry])
    return geometry


def kommune_records(source: Path) -> list[dict]:
    """The 99 source features in EPSG:25832 with the grouping's units, ordered by code."""
    with open(source, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)

    def project(x, y, z=None):
        # vertex by vertex: a border vertex shared by two kommuner maps to the same point
        px, py = to_utm.transform(x, y)
        return (round(px, PRECISION_M), round(py, PRECISION_M))

    kom = reference.kommuner().set_index("kommunekode")
    region_2027_ids = reference.regioner_2027().set_index("region_2027")["region_2027_id"]
    sf_names = reference.sundhedsfaellesskaber().set_index("sundhedsfaellesskab_id")["akutsygehus"]
    records = []
    for feature in features:
        props = feature["properties"]
        code = props["kode"]
        geometry = _multi(transform(project, shape(feature["geometry"])))
        if not geometry.is_valid:
            raise SystemExit(f"{code}: invalid geometry after reprojection")
        record = {
            "kommunekode": code,
            "kommune": props["navn"],
            "regionskode": props["regionskode"],
            "outside_kommune_division": int(bool(props["udenforkommuneinddeling"])),
            "population": int(props["population"]),
            "stat_quarter": STAT_QUARTER,
            "geometry": geometry,
        }
        if code in kom.index:
            row = kom.loc[code]
            record.update(
                region=row["region"],
                region_2027_id=int(region_2027_ids[row["region_2027"]]),
                region_2027=row["region_2027"],
                sundhedsraad_id=int(row["sundhedsraad_id"]),
                sundhedsraad=row["sundhedsraad"],
                sundhedsfaellesskab_id=int(row["sundhedsfaellesskab_id"]),
                sundhedsfaellesskab=sf_names[int(row["sundhedsfaellesskab_id"])],
            )
        elif not record["outside_kommune_division"]:
            raise SystemExit(f"{code} is a kommune but not in the embedded grouping")
        records.append(record)
    records.sort(key=lambda r: r["kommunekode"])
    return records


def check_shared_borders(kommuner: list[dict], source: Path) -> None:
    """No overlaps (sum of areas = area of the union) and no gaps (the union has as many
    holes as the source's union)."""
    geometries = [r["geometry"] for r in kommuner]
    union = unary_union(geometries)
    total = sum(g.area for g in geometries)
    if abs(total - union.area) > 1e-6 * total:
        raise SystemExit(f"kommuner overlap: sum of areas {total} != union {union.area}")
    with open(source, encoding="utf-8") as handle:
        source_union = unary_union([shape(f["geometry"]) for f in json.load(handle)["features"]])

    def holes(geometry) -> int:
        return sum(len(p.interiors) for p in _multi(geometry).geoms)

    if holes(union) != holes(source_union):
        raise SystemExit(
            f"gaps: {holes(union)} holes in the union, {holes(source_union)} in source"
        )


def age_sex_records(path: Path) -> list[dict]:
    """Persons per kommune in the 5-year age groups by sex (``m_0_4`` … ``k_85_plus``, the
    columns ``need.age_sex_columns`` reads), one row per kommunekode (Christiansø included)."""
    import pandas as pd

    from sundplan_qgis import need

    table = pd.read_csv(path, dtype={"kommunekode": str})
    quarters = set(table["period"].str.replace("Q", "K"))
    if quarters != {AGE_SEX_QUARTER}:
        raise SystemExit(f"{path.name}: quarters {sorted(quarters)}, expected {AGE_SEX_QUARTER}")
    groups = need.AGE_GROUPS
    lower = [int(g.split("_")[0]) for g in groups]
    table["group"] = [groups[sum(a >= b for b in lower) - 1] for a in table["age"]]
    table["sex_code"] = table["sex"].map({"Men": "m", "Women": "k"})
    if table["sex_code"].isna().any():
        raise SystemExit(f"{path.name}: unknown sex values {set(table['sex'])}")
    wide = table.pivot_table(
        index=["kommunekode", "kommune"],
        columns=["sex_code", "group"],
        values="population",
        aggfunc="sum",
        fill_value=0,
    )
    columns = [f"{sex}_{g}" for sex in ("m", "k") for g in groups]
    wide.columns = [f"{sex}_{g}" for sex, g in wide.columns]
    wide = wide.reindex(columns=columns, fill_value=0).reset_index().sort_values("kommunekode")
    records = []
    for row in wide.to_dict("records"):
        row = {k: (int(v) if k in columns else v) for k, v in row.items()}
        row["population"] = sum(row[c] for c in columns)
        row["stat_quarter"] = AGE_SEX_QUARTER
        records.append(row)
    return records


def quarter_records(path: Path, kommuner: list[dict]) -> list[dict]:
    """Persons per kommune and quarter: every quarter of ``path`` plus the kommuner layer's."""
    import pandas as pd

    table = pd.read_csv(path, dtype={"kommunekode": str})
    records = [
        {
            "kommunekode": r["kommunekode"],
            "kommune": r["kommune"],
            "quarter": r["period"].replace("Q", "K"),
            "population": int(r["population"]),
        }
        for r in table.to_dict("records")
    ]
    have = {r["quarter"] for r in records}
    if STAT_QUARTER not in have:
        records += [
            {
                "kommunekode": k["kommunekode"],
                "kommune": k["kommune"],
                "quarter": STAT_QUARTER,
                "population": k["population"],
            }
            for k in kommuner
        ]
    records.sort(key=lambda r: (r["quarter"], r["kommunekode"]))
    return records


def write_table(dataset, name: str, description: str, fields, records: list[dict]) -> None:
    """One table without geometry (GeoPackage attributes table), rows in the given order."""
    layer = dataset.CreateLayer(
        name,
        None,
        ogr.wkbNone,
        options=[f"DESCRIPTION={description}", f"IDENTIFIER={name}", "FID=fid"],
    )
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    layer.StartTransaction()
    for fid, record in enumerate(records, start=1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetFID(fid)
        for field_name, _type in fields:
            feature.SetField(field_name, record[field_name])
        layer.CreateFeature(feature)
    layer.CommitTransaction()


def write_layer(dataset, name: str, description: str, fields, records: list[dict]) -> None:
    """One MultiPolygon layer in EPSG:25832, features in the given order."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    layer = dataset.CreateLayer(
        name,
        srs,
        ogr.wkbMultiPolygon,
        # no spatial index: at most 99 features, and the index would cost the size budget
        options=[
            f"DESCRIPTION={description}",
            f"IDENTIFIER={name}",
            "FID=fid",
            "SPATIAL_INDEX=NO",
        ],
    )
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))
    layer.StartTransaction()
    for fid, record in enumerate(records, start=1):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetFID(fid)
        for field_name, _type in fields:
            value = record.get(field_name)
            if value is None:
                feature.SetFieldNull(field_name)
            else:
                feature.SetField(field_name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb.dumps(record["geometry"])))
        layer.CreateFeature(feature)
    layer.CommitTransaction()


def compact(path: Path) -> None:
    """Rewrite the file with the smallest SQLite page: every geometry blob ends in a partly
    filled overflow page, and small pages keep that waste within the 3 MB budget."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(f"PRAGMA page_size = {PAGE_SIZE_BYTES}")
        connection.execute("VACUUM")
    finally:
        connection.close()


def main(
    source: Path = SOURCE,
    output: Path = OUTPUT,
    *,
    age_sex_csv: Path = AGE_SEX_CSV,
    quarters_csv: Path = QUARTERS_CSV,
) -> None:
    """Read, check and write; prints what it wrote."""
    gdal.UseExceptions()
    ogr.UseExceptions()
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_DATE)
    gdal.SetConfigOption("OGR_SQLITE_JOURNAL", "DELETE")
    kommuner = kommune_records(source)
    check_shared_borders(kommuner, source)
    if output.exists():
        output.unlink()
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(output))
    outside = [r["kommunekode"] for r in kommuner if r["outside_kommune_division"]]
    write_layer(
        dataset,
        "kommuner",
        f"The 98 kommuner and Christiansø ({', '.join(outside)}, outside_kommune_division = 1, "
        f"in no unit), population FOLK1A {STAT_QUARTER}. {CHRISTIANSOE_NOTE} {CREDIT}",
        KOMMUNE_FIELDS,
        kommuner,
    )
    age_sex = age_sex_records(age_sex_csv)
    columns = [c for c in age_sex[0] if c[:2] in ("m_", "k_")]
    write_table(
        dataset,
        "population_age_sex",
        f"Persons per kommune by sex and 5-year age group (m_0_4 … k_85_plus), FOLK1A "
        f"{AGE_SEX_QUARTER}, the latest quarter with kommune x sex x age here. "
        f"{POPULATION_CREDIT}",
        [("kommunekode", ogr.OFTString), ("kommune", ogr.OFTString)]
        + [(c, ogr.OFTInteger) for c in columns]
        + [("population", ogr.OFTInteger), ("stat_quarter", ogr.OFTString)],
        age_sex,
    )
    quarters = quarter_records(quarters_csv, kommuner)
    write_table(
        dataset,
        "population_quarters",
        f"Persons per kommune and quarter (FOLK1A, first day of the quarter), "
        f"{quarters[0]['quarter']}–{quarters[-1]['quarter']}. {POPULATION_CREDIT}",
        [
            ("kommunekode", ogr.OFTString),
            ("kommune", ogr.OFTString),
            ("quarter", ogr.OFTString),
            ("population", ogr.OFTInteger),
        ],
        quarters,
    )
    print(f"population_age_sex: {len(age_sex)} rows; population_quarters: {len(quarters)} rows")
    dataset = None
    compact(output)
    print(f"kommuner: {len(kommuner)} features; wrote {output} ({output.stat().st_size} bytes)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE)
