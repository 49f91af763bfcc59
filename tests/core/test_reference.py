"""Checks of the embedded reference data against independent sources.

The structural tests run everywhere. Tests taking ``shared_data`` compare our facts with the
project's read-only copies of DAGI/SDFI boundaries, Danmarks Statistik FOLK1A, the SOR register
and the policy texts in ``../shared``; they are skipped (with a reason) where it is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from pyproj import Geod, Transformer
from shapely.geometry import Point, shape
from shapely.ops import unary_union

from sundplan_qgis import reference

DAGI_2021 = "dagi-kommuner-regioner-2021-folk1a"
CHRISTIANSOE = "0411"
CHRISTIANSOE_2021Q1 = 90  # FOLK1A 2021K1, counted in Region Hovedstaden but in no kommune


# ---------------------------------------------------------------------------- helpers
def _geojson_features(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["features"]


@pytest.fixture(scope="module")
def dagi_kommuner(shared_data: Path) -> dict[str, dict]:
    """DAGI 2021 kommuner keyed by 4-digit code: properties plus a shapely geometry."""
    out = {}
    for feature in _geojson_features(shared_data / DAGI_2021 / "kommuner_2021_folk1a.geojson"):
        props = dict(feature["properties"])
        props["geometry"] = shape(feature["geometry"])
        out[props["kode"]] = props
    return out


@pytest.fixture(scope="module")
def dagi_regioner(shared_data: Path) -> dict[str, dict]:
    feats = _geojson_features(shared_data / DAGI_2021 / "regioner_2021_folk1a.geojson")
    return {f["properties"]["kode"]: f["properties"] for f in feats}


@pytest.fixture(scope="module")
def folk1a_2018q1(shared_data: Path) -> pd.Series:
    """FOLK1A population per kommunekode on 1 January 2018 (incl. Christiansø)."""
    path = shared_data / "folk1a-kommuner-2008-2020" / "folk1a_kommune_kvartal_2008q1_2020q3.csv"
    table = pd.read_csv(path, dtype={"kommunekode": str, "period": str})
    return table[table["period"] == "2018Q1"].set_index("kommunekode")["population"]


def _b1_seed_rows(seeds: Path) -> list[tuple[int, int, int]]:
    """(population, gp capacities, n kommuner) per row of Table B.1, parsed from the seed text."""
    text = (seeds / "sundhedsreform-2018-patienten-foerst.txt").read_text(encoding="utf-8")
    start = text.index("Tabel B.1: Grænsedragning for 21 sundhedsfællesskaber")
    end = text.index("I alt", start)
    block = text[start:end]
    rows = re.findall(r"\b(\d{1,3}) (\d{3}) (\d{2,3}) (\d{1,2}) ", block)
    return [(int(a) * 1000 + int(b), int(c), int(d)) for a, b, c, d in rows]


# ---------------------------------------------------------------------------- akutsygehuse
def test_akutsygehuse_structure():
    hosp = reference.akutsygehuse()
    assert len(hosp) == 21
    assert sorted(hosp["hospital_id"]) == list(range(1, 22))
    assert hosp["sor_code"].is_unique
    assert sorted(hosp["sundhedsfaellesskab_id"]) == list(range(1, 22))
    assert hosp["kommunekode"].str.fullmatch(r"\d{4}").all()
    assert set(hosp["regionskode"]) == {"1081", "1082", "1083", "1084", "1085"}
    # per region today: Hovedstaden 5, Sjælland 4, Syddanmark 4, Midtjylland 5, Nordjylland 3
    counts = hosp["regionskode"].value_counts().to_dict()
    assert counts == {"1084": 5, "1085": 4, "1083": 4, "1082": 5, "1081": 3}
    kom = reference.kommuner().set_index("kommunekode")
    assert (kom.loc[hosp["kommunekode"], "regionskode"].to_numpy() == hosp["regionskode"]).all()


def test_akutsygehuse_projected_metres_are_consistent_with_geodesic_distances():
    hosp = reference.akutsygehuse()
    assert hosp["x_25832"].between(440_000, 900_000).all()  # Denmark incl. Bornholm, UTM 32N
    assert hosp["y_25832"].between(6_040_000, 6_410_000).all()
    geod = Geod(ellps="GRS80")
    a, b = hosp.iloc[0], hosp.iloc[-1]  # Bispebjerg and Aalborg, ~240 km apart
    _, _, geodesic_m = geod.inv(a["lon"], a["lat"], b["lon"], b["lat"])
    planar_m = ((a["x_25832"] - b["x_25832"]) ** 2 + (a["y_25832"] - b["y_25832"]) ** 2) ** 0.5
    assert abs(planar_m - geodesic_m) / geodesic_m < 0.002


@pytest.mark.shared
def test_akutsygehuse_inside_denmark_and_their_kommune(dagi_kommuner):
    denmark = unary_union([k["geometry"] for k in dagi_kommuner.values()])
    hosp = reference.akutsygehuse()
    wrong = []
    for row in hosp.itertuples():
        point = Point(row.lon, row.lat)
        assert denmark.contains(point), f"{row.name} is not inside Denmark"
        if not dagi_kommuner[row.kommunekode]["geometry"].contains(point):
            found = [c for c, k in dagi_kommuner.items() if k["geometry"].contains(point)]
            wrong.append((row.name, row.kommunekode, found))
    assert not wrong, f"hospital not inside the kommune whose code it carries: {wrong}"


@pytest.mark.shared
def test_akutsygehuse_match_compiled_list_and_sor_register_within_50_m(shared_data):
    hosp = reference.akutsygehuse().set_index("sor_code")
    compiled = pd.read_csv(shared_data / "akutsygehuse-21" / "akutsygehuse21.csv", dtype=str)
    compiled = compiled.set_index("sor_code")
    assert set(compiled.index) == set(hosp.index), "different SOR units from the compiled list"
    sor = {
        str(f["properties"]["SOR_code"]): f
        for f in _geojson_features(
            shared_data / "sor-sundhedsenheder-2025" / "shak_from_sor.geojson"
        )
    }
    to_m = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)
    far = []
    for code, row in hosp.iterrows():
        refs = {
            "compiled": (float(compiled.loc[code, "lon"]), float(compiled.loc[code, "lat"])),
            "SOR": tuple(sor[code]["geometry"]["coordinates"][:2]),
        }
        assert sor[code]["properties"]["end_region"] == row["region"], code
        for label, (lon, lat) in refs.items():
            x_m, y_m = to_m.transform(lon, lat)
            dist_m = ((x_m - row["x_25832"]) ** 2 + (y_m - row["y_25832"]) ** 2) ** 0.5
            if dist_m > 50:
                far.append((row["name"], label, round(dist_m)))
    assert not far, f"hospital coordinates more than 50 m from the reference: {far}"


# ---------------------------------------------------------------------------- kommuner, regioner
def test_kommuner_structure():
    kom = reference.kommuner()
    assert len(kom) == 98
    assert kom["kommunekode"].is_unique
    assert kom["kommunekode"].str.fullmatch(r"0\d{3}").all()
    assert CHRISTIANSOE not in set(kom["kommunekode"])
    assert kom["kommune"].is_unique
    assert kom.notna().all().all() and (kom != "").all().all()
    assert kom.groupby("regionskode").size().to_dict() == {
        "1081": 11,
        "1082": 19,
        "1083": 22,
        "1084": 29,
        "1085": 17,
    }


@pytest.mark.shared
def test_kommuner_match_dagi_and_folk1a(dagi_kommuner):
    kom = reference.kommuner().set_index("kommunekode")
    assert set(kom.index) == set(dagi_kommuner) - {CHRISTIANSOE}
    for code, row in kom.iterrows():
        dagi = dagi_kommuner[code]
        assert row["kommune"] == dagi["navn"], code
        assert row["regionskode"] == str(dagi["regionskode"]), code
        assert row["region"] == dagi["regionsnavn"], code
        assert row["population_2021q1"] == int(dagi["population"]), code
    assert dagi_kommuner[CHRISTIANSOE]["population"] == CHRISTIANSOE_2021Q1


@pytest.mark.shared
def test_kommune_regions_match_iso_3166_2(shared_data):
    path = shared_data / "kommune-koder-regioner" / "kommuner_lau1_iso3166-2.csv"
    iso = pd.read_csv(path, dtype=str)
    iso = iso.set_index(iso["lau_1"].str.zfill(4))["iso_3166_2"]
    kom = reference.kommuner()
    expected = "DK-" + kom["regionskode"].str[-2:]
    assert (iso.loc[kom["kommunekode"]].to_numpy() == expected.to_numpy()).all()


def test_regioner_structure_and_kommune_sums():
    reg = reference.regioner().set_index("regionskode")
    assert list(reg.index) == ["1081", "1082", "1083", "1084", "1085"]
    assert set(reg["region"]) == {
        "Region Nordjylland",
        "Region Midtjylland",
        "Region Syddanmark",
        "Region Hovedstaden",
        "Region Sjælland",
    }
    assert reg["iso_3166_2"].tolist() == ["DK-81", "DK-82", "DK-83", "DK-84", "DK-85"]
    sums = reference.kommuner().groupby("regionskode")["population_2021q1"].sum()
    expected = reg["population_2021q1"].copy()
    expected["1084"] -= CHRISTIANSOE_2021Q1  # Region H's FOLK1A figure includes Christiansø
    assert (sums == expected).all()


@pytest.mark.shared
def test_regioner_match_dagi_and_folk1a(dagi_regioner):
    reg = reference.regioner().set_index("regionskode")
    assert set(reg.index) == set(dagi_regioner)
    for code, row in reg.iterrows():
        assert row["region"] == dagi_regioner[code]["navn"]
        assert row["nuts2"] == dagi_regioner[code]["nuts2"]
        assert row["population_2021q1"] == int(dagi_regioner[code]["population"])
    assert reg["population_2021q1"].sum() == 5_840_045  # DST: Denmark 1 January 2021


# ---------------------------------------------------------------------------- 2027 structure
def test_regioner_2027():
    r27 = reference.regioner_2027().set_index("region_2027")
    assert sorted(r27.index) == [
        "Region Midtjylland",
        "Region Nordjylland",
        "Region Syddanmark",
        "Region Østdanmark",
    ]
    assert sorted(r27["region_2027_id"]) == [1, 2, 3, 4]
    assert r27.loc["Region Østdanmark", "regionskoder_2021"] == "1084;1085"
    kom = reference.kommuner()
    # Østdanmark = Hovedstaden + Sjælland; the other three keep their area
    for code, region_2027 in zip(kom["regionskode"], kom["region_2027"], strict=True):
        assert code in r27.loc[region_2027, "regionskoder_2021"].split(";")
    counts = kom.groupby("region_2027").size()
    assert counts.to_dict() == r27["n_kommuner"].to_dict()
    assert r27["n_kommuner"].sum() == 98
    pops = kom.groupby("region_2027")["population_2021q1"].sum()
    assert pops.to_dict() == r27["population_2021q1"].to_dict()
    assert r27["n_sundhedsraad"].sum() == 17
    reg = reference.regioner()
    by_code = dict(zip(kom["regionskode"], kom["region_2027"], strict=True))
    assert (reg["region_2027"] == reg["regionskode"].map(by_code)).all()


def test_sundhedsraad_partition_the_kommuner():
    raad = reference.sundhedsraad()
    kom = reference.kommuner()
    assert len(raad) == 17
    assert sorted(raad["sundhedsraad_id"]) == list(range(1, 18))
    assert raad["sundhedsraad"].is_unique
    # each kommune in exactly one sundhedsråd (one row per kommune, a known råd, consistent id)
    assert kom["kommunekode"].is_unique
    assert set(kom["sundhedsraad"]) == set(raad["sundhedsraad"])
    by_name = raad.set_index("sundhedsraad")
    assert (kom["sundhedsraad_id"] == kom["sundhedsraad"].map(by_name["sundhedsraad_id"])).all()
    counts = kom.groupby("sundhedsraad").size()
    assert (counts >= 1).all()
    assert counts.to_dict() == by_name["n_kommuner"].to_dict()
    assert counts.sum() == 98
    # a sundhedsråd lies in one 2027 region
    regions = kom.groupby("sundhedsraad")["region_2027"].agg(set)
    assert all(len(s) == 1 for s in regions)
    assert regions.map(lambda s: next(iter(s))).to_dict() == by_name["region_2027"].to_dict()
    pops = kom.groupby("sundhedsraad")["population_2021q1"].sum()
    assert pops.to_dict() == by_name["population_2021q1"].to_dict()


def test_every_sundhedsraad_has_an_akutsygehus():
    """National sundhedsplan 2027–2030: akutsygehuse "placeret i hvert sundhedsråds område"."""
    kom = reference.kommuner().set_index("kommunekode")
    hosp = reference.akutsygehuse()
    covered = set(kom.loc[hosp["kommunekode"], "sundhedsraad"])
    missing = set(reference.sundhedsraad()["sundhedsraad"]) - covered
    assert not missing, f"sundhedsråd without an akutsygehus: {missing}"


@pytest.mark.shared
def test_sundhedsraad_membership_matches_compilation(shared_data):
    path = shared_data.parent / "docs" / "sundhedsraad-kommuner.csv"
    if not path.is_file():
        pytest.skip(f"needs {path}")
    other = pd.read_csv(path, dtype=str)
    other = other.set_index(other["kommunekode_lau1"].str.zfill(4))
    kom = reference.kommuner().set_index("kommunekode")
    assert set(other.index) == set(kom.index)
    diffs = [
        (code, kom.loc[code, "kommune"], column, kom.loc[code, column], other.loc[code, column])
        for code in kom.index
        for column in ("sundhedsraad", "region_2027")
        if kom.loc[code, column] != other.loc[code, column]
    ]
    assert not diffs, f"differences from sundhedsraad-kommuner.csv: {diffs}"


# ---------------------------------------------------------------------------- Table B.1
def test_sundhedsfaellesskaber_structure():
    b1 = reference.sundhedsfaellesskaber()
    kom = reference.kommuner()
    assert len(b1) == 21
    assert sorted(b1["sundhedsfaellesskab_id"]) == list(range(1, 22))
    counts = kom.groupby("sundhedsfaellesskab_id").size()
    assert counts.to_dict() == b1.set_index("sundhedsfaellesskab_id")["n_kommuner"].to_dict()
    assert counts.sum() == 98
    # B.1 rows never cross a (current) region boundary
    regions = kom.groupby("sundhedsfaellesskab_id")["regionskode"].agg(set)
    assert all(len(s) == 1 for s in regions)
    expected = b1.set_index("sundhedsfaellesskab_id")["regionskode"].to_dict()
    assert regions.map(lambda s: next(iter(s))).to_dict() == expected
    # totals printed in the "I alt" row
    assert b1["population"].sum() == 5_781_190
    assert b1["gp_capacities"].sum() == 3_525
    assert 5_700_000 < b1["population"].sum() < 5_800_000


def test_sundhedsfaellesskab_population_close_to_folk1a_2021():
    """B.1 counts 1 Jan 2018, FOLK1A here 1 Jan 2021: growth differs by area, allow 10 %."""
    b1 = reference.sundhedsfaellesskaber().set_index("sundhedsfaellesskab_id")
    sums = reference.kommuner().groupby("sundhedsfaellesskab_id")["population_2021q1"].sum()
    ratio = sums / b1["population"]
    assert ratio.between(0.90, 1.10).all(), ratio[~ratio.between(0.90, 1.10)]


@pytest.mark.shared
def test_sundhedsfaellesskab_population_equals_folk1a_2018q1(folk1a_2018q1):
    """B.1 populations are FOLK1A 1 Jan 2018 sums over the member kommuner (exact).

    Bornholm's row (5) also counts Christiansø (0411), which B.1 does not list as a kommune.
    """
    b1 = reference.sundhedsfaellesskaber().set_index("sundhedsfaellesskab_id")
    kom = reference.kommuner()
    sums = kom["kommunekode"].map(folk1a_2018q1).groupby(kom["sundhedsfaellesskab_id"]).sum()
    bornholm = b1.index[b1["akutsygehus"] == "Bornholms Hospital"][0]
    sums[bornholm] += folk1a_2018q1[CHRISTIANSOE]
    diff = (sums - b1["population"])[lambda d: d != 0]
    assert diff.empty, f"B.1 population differs from FOLK1A 2018Q1: {diff.to_dict()}"


@pytest.mark.shared
def test_sundhedsfaellesskaber_match_seed_table(shared_data):
    seeds = shared_data.parent / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"needs {seeds}")
    rows = _b1_seed_rows(seeds)
    b1 = reference.sundhedsfaellesskaber().sort_values("sundhedsfaellesskab_id")
    ours = list(zip(b1["population"], b1["gp_capacities"], b1["n_kommuner"], strict=True))
    assert rows == ours


# ---------------------------------------------------------------------------- grouping + dtypes
def test_grouping_table():
    grouping = reference.grouping_table()
    assert list(grouping.columns) == [
        "kommunekode",
        "kommune",
        "region",
        "region_2027",
        "sundhedsraad",
        "sundhedsfaellesskab",
    ]
    assert len(grouping) == 98 and grouping["kommunekode"].is_unique
    assert grouping.notna().all().all()
    assert grouping["sundhedsraad"].nunique() == 17
    assert grouping["sundhedsfaellesskab"].nunique() == 21
    assert grouping["region"].nunique() == 5 and grouping["region_2027"].nunique() == 4
    row = grouping.set_index("kommunekode").loc["0101"]
    assert (row["kommune"], row["sundhedsfaellesskab"]) == ("København", "Bispebjerg Hospital")


def test_codes_are_strings_with_leading_zeros():
    assert reference.DATA_DIR.is_dir()
    for frame in (reference.kommuner(), reference.akutsygehuse(), reference.grouping_table()):
        assert frame["kommunekode"].map(type).eq(str).all()
    assert "0101" in set(reference.kommuner()["kommunekode"])
    assert reference.regioner()["regionskode"].map(type).eq(str).all()


def test_data_dir_keyword(tmp_path):
    (tmp_path / "regioner.csv").write_text(
        "regionskode,region,nuts2,population_2021q1,iso_3166_2,region_2027\n"
        "1081,X,DK05,1,DK-81,Y\n",
        encoding="utf-8",
    )
    assert reference.regioner(data_dir=tmp_path)["regionskode"].tolist() == ["1081"]
    with pytest.raises(TypeError):
        reference.regioner(tmp_path)  # keyword-only
