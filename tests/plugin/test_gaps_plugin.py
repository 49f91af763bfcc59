"""sundplan:specialist_gaps through processing.run on the synthetic sample region (headless).

The numbers are checked against an independent pandas computation from the layers' own
attributes (read with OGR, not through the plugin).
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer


@pytest.fixture(scope="module")
def sample(sundplan_provider, tmp_path_factory):
    import processing

    out = tmp_path_factory.mktemp("gaps_sample")
    processing.run("sundplan:sample_data", {"SEED": 2027, "OUTPUT_FOLDER": str(out)})
    return out / "sample_region.gpkg"


def _ogr_frame(path, layer) -> pd.DataFrame:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    rows = [f.items() for f in lyr]
    ds = None
    return pd.DataFrame(rows)


def _layer_frame(layer: QgsVectorLayer) -> pd.DataFrame:
    names = layer.fields().names()
    return pd.DataFrame(
        [
            {n: (None if f[n] is None or f[n] == "NULL" else f[n]) for n in names}
            for f in layer.getFeatures()
        ]
    )


def base_params(gpkg) -> dict:
    return {
        "PRACTICES": f"{gpkg}|layername=specialists",
        "SPECIALTY_FIELD": "specialty",
        "CAPACITY_FIELD": "capacity",
        "AREAS": f"{gpkg}|layername=kommuner",
        "AREA_ID_FIELD": "kommunekode",
        "AREA_NAME_FIELD": "kommune",
        "OUTPUT": "TEMPORARY_OUTPUT",
        "SUMMARY": "TEMPORARY_OUTPUT",
        "RELOCATIONS": "TEMPORARY_OUTPUT",
    }


def test_algorithm_is_in_the_toolbox(sundplan_provider):
    alg = QgsApplication.processingRegistry().algorithmById("sundplan:specialist_gaps")
    assert alg is not None
    assert alg.group() and "need" in alg.shortHelpString()


def test_sample_region_against_independent_pandas(sundplan_provider, sample, tmp_path):
    import processing

    params = base_params(sample)
    params["REPORT"] = str(tmp_path / "report.json")
    res = processing.run("sundplan:specialist_gaps", params)
    out = _layer_frame(res["OUTPUT"])
    summary = _layer_frame(res["SUMMARY"])
    reloc = _layer_frame(res["RELOCATIONS"])

    # Independent: practices per kommune by OGR point-in-polygon, population from attributes.
    kom = _ogr_frame(sample, "kommuner")
    ds = ogr.Open(str(sample))
    kl = ds.GetLayerByName("kommuner")
    polys = {f["kommunekode"]: f.GetGeometryRef().Clone() for f in kl}
    rows = []
    for f in ds.GetLayerByName("specialists"):
        g = f.GetGeometryRef()
        area = next((k for k, p in polys.items() if p.Contains(g)), None)
        rows.append((area, f["specialty"], f["capacity"]))
    ds = None
    prac = pd.DataFrame(rows, columns=["area", "specialty", "capacity"])
    assert prac["area"].notna().all()
    weights = pd.read_csv(_weights_path(), dtype={"weight": float})
    general = weights[weights["specialty"] == "*"].set_index("age_group")["weight"]
    agecols = [c for c in kom.columns if c[:2] in ("m_", "k_")]
    pop = kom[agecols].sum(axis=1).to_numpy(float)
    for spec, grp in out.groupby("specialty"):
        grp = grp.set_index("area_id").loc[kom["kommunekode"]]
        own = weights[weights["specialty"] == spec]
        need = np.zeros(len(kom))
        for c in agecols:
            sex, age = c[0], c[2:]
            if len(own):
                r = own[(own["age_group"] == age) & (own["sex"].isin([sex, "all"]))]
                w = float(r.sort_values("sex", key=lambda s: s == "all")["weight"].iloc[0])
            else:
                w = float(general[age])
            need += kom[c].to_numpy(float) * w
        need *= pop.sum() / need.sum()
        cap = (
            prac[prac["specialty"] == spec]
            .groupby("area")["capacity"]
            .sum()
            .reindex(kom["kommunekode"])
            .fillna(0)
            .to_numpy()
        )
        fair = cap.sum() * need / need.sum()
        np.testing.assert_allclose(grp["capacity"], cap, atol=1e-9)
        np.testing.assert_allclose(grp["need_weighted_population"], need, rtol=1e-6)
        np.testing.assert_allclose(grp["fair_share"], fair, rtol=1e-6, atol=1e-6)
        np.testing.assert_allclose(grp["gap"], cap - fair, atol=1e-6)
        assert abs(grp["gap"].sum()) < 1e-6
        s = summary.set_index("specialty").loc[spec]
        d = 0.5 * np.abs(cap / cap.sum() - need / need.sum()).sum()
        assert s["dissimilarity_index"] == pytest.approx(d, abs=1e-6)
        moved = reloc[(reloc["specialty"] == spec) & (reloc["kind"] == "move")]["capacities"]
        assert moved.sum() == pytest.approx(d * cap.sum(), abs=1e-5)
    assert res["RELOCATIONS"].geometryType() == 1  # lines between area centres
    report = json.loads(open(params["REPORT"], encoding="utf-8").read())
    assert report["provenance"]["algorithm"] == "sundplan:specialist_gaps"
    assert set(report["weights_used"].values()) <= {"general", "specialty"}


def _weights_path():
    from pathlib import Path

    return (
        Path(__file__).resolve().parents[2] / "resources" / "data" / "need_weights_specialists.csv"
    )


def test_capacity_table_with_grouping_table_and_planned_total(sundplan_provider, sample, tmp_path):
    import processing

    kom = _ogr_frame(sample, "kommuner")
    groups = tmp_path / "groups.csv"
    units = ["Vest" if i % 2 == 0 else "Øst" for i in range(len(kom))]
    pd.DataFrame({"kode": kom["kommunekode"], "unit": units}).to_csv(groups, index=False)
    table = tmp_path / "cap.csv"
    pd.DataFrame(
        {
            "area": [kom["kommunekode"][0], kom["kommunekode"][1]],
            "spec": ["hudlæge", "Dermatology"],
            "cap": [4.0, 1.0],
        }
    ).to_csv(table, index=False)
    params = {
        "CAPACITY_TABLE": str(table),
        "CAPACITY_AREA_FIELD": "area",
        "CAPACITY_SPECIALTY_FIELD": "spec",
        "CAPACITY_VALUE_FIELD": "cap",
        "AREAS": f"{sample}|layername=kommuner",
        "AREA_ID_FIELD": "kommunekode",
        "AREA_NAME_FIELD": "kommune",
        "GROUPING": 5,
        "GROUPING_TABLE": str(groups),
        "GROUPING_KEY_FIELD": "kode",
        "GROUPING_UNIT_FIELD": "unit",
        "PLANNED_TOTALS": "Dermato-venerologi=8",
        "OUTPUT": "TEMPORARY_OUTPUT",
        "SUMMARY": "TEMPORARY_OUTPUT",
        "RELOCATIONS": "TEMPORARY_OUTPUT",
    }
    res = processing.run("sundplan:specialist_gaps", params)
    out = _layer_frame(res["OUTPUT"])
    assert sorted(out["area_id"]) == ["Vest", "Øst"]
    assert out["fair_share"].sum() == pytest.approx(8.0)
    assert out.set_index("area_id")["capacity"].to_dict() == {"Vest": 4.0, "Øst": 1.0}
    reloc = _layer_frame(res["RELOCATIONS"])
    # gaps: moves + new capacities reach the planned shares exactly
    assert reloc["capacities"].sum() == pytest.approx(
        out["gap"].clip(upper=0).abs().sum(), abs=1e-6
    )
    assert res["OUTPUT"].geometryType() == 2  # dissolved polygons per unit


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"SPECIALTIES": "Kardiokirurgi"}, "Unknown specialty names"),
        ({"CAPACITY_FIELD": "synthetic", "PLANNED_TOTALS": "Hudlæge=-1"}, "0 or more"),
        ({"AREA_ID_FIELD": "synthetic"}, "duplicate ids"),
    ],
)
def test_bad_inputs_give_messages(sundplan_provider, sample, change, message):
    import processing

    params = base_params(sample) | change
    with pytest.raises(QgsProcessingException, match=message) as info:
        processing.run("sundplan:specialist_gaps", params)
    assert "Traceback" not in str(info.value)


# --------------------------------------------------------------------------- network part
X0, Y0 = 500_000.0, 6_200_000.0  # EPSG:25832 metres


def _write_layer(path, name, geom_type, fields, rows):
    """A GeoPackage layer in EPSG:25832: rows are (wkt, {field: value})."""
    from osgeo import ogr, osr

    ds = (
        ogr.Open(str(path), 1)
        if path.exists()
        else ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    )
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    lyr = ds.CreateLayer(name, srs, geom_type)
    for fname, ftype in fields.items():
        lyr.CreateField(ogr.FieldDefn(fname, ftype))
    for wkt, attrs in rows:
        f = ogr.Feature(lyr.GetLayerDefn())
        for k, v in attrs.items():
            f.SetField(k, v)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        lyr.CreateFeature(f)
    ds = None


def _pt(x_km, y_km):
    return f"POINT ({X0 + x_km * 1000} {Y0 + y_km * 1000})"


@pytest.fixture(scope="module")
def tiny_network(tmp_path_factory):
    """A straight 100 km road at 60 km/h (1 min per km, a vertex every km) along y = 0, an
    isolated 2 km road at y = 40 km, areas W (x < 50 km) and E (x > 50 km), Dermato-venerologi
    practices at x = 0 and 40 km, a Reumatologi practice at x = 100 km, and residents."""
    from osgeo import ogr

    gpkg = tmp_path_factory.mktemp("gaps_net") / "tiny.gpkg"
    main = ", ".join(f"{X0 + k * 1000} {Y0}" for k in range(101))
    island = (
        f"{X0 + 20_000} {Y0 + 40_000}, {X0 + 21_000} {Y0 + 40_000}, {X0 + 22_000} {Y0 + 40_000}"
    )
    _write_layer(
        gpkg,
        "roads",
        ogr.wkbLineString,
        {"speed": ogr.OFTReal},
        [(f"LINESTRING ({main})", {"speed": 60.0}), (f"LINESTRING ({island})", {"speed": 60.0})],
    )

    def box(x1, x2):
        xa, xb, ya, yb = X0 + x1 * 1000, X0 + x2 * 1000, Y0 - 10_000, Y0 + 50_000
        return f"POLYGON (({xa} {ya}, {xb} {ya}, {xb} {yb}, {xa} {yb}, {xa} {ya}))"

    _write_layer(
        gpkg,
        "areas",
        ogr.wkbPolygon,
        {"area_id": ogr.OFTString, "population": ogr.OFTInteger},
        [(box(-5, 50), {"area_id": "W", "population": 316}),
         (box(50, 105), {"area_id": "E", "population": 1296})],
    )  # fmt: skip
    _write_layer(
        gpkg,
        "practices",
        ogr.wkbPoint,
        {"specialty": ogr.OFTString, "capacity": ogr.OFTReal},
        [(_pt(0, 0), {"specialty": "hudlæge", "capacity": 1.0}),
         (_pt(40, 0), {"specialty": "Dermato-venerologi", "capacity": 1.0}),
         (_pt(100, 0), {"specialty": "Reumatologi", "capacity": 1.0})],
    )  # fmt: skip
    _write_layer(
        gpkg,
        "residents",
        ogr.wkbPoint,
        {"pop": ogr.OFTReal},
        [
            (_pt(10, 0), {"pop": 100.0}),  # W on the road
            (_pt(45, 0), {"pop": 200.0}),  # W on the road
            (_pt(21, 40.2), {"pop": 16.0}),  # W, 200 m from the isolated road: unreachable
            (_pt(75, 0), {"pop": 400.0}),  # E on the road
            (_pt(95, 0), {"pop": 800.0}),  # E on the road
            (_pt(60, 20), {"pop": 32.0}),  # E, 20 km from any road: unsnapped
            (_pt(71, 0.9), {"pop": 64.0}),  # E, 900 m from the road node at x = 71 km
        ],
    )
    return gpkg


def test_network_part_population_beyond_by_hand(sundplan_provider, tiny_network, tmp_path):
    """pop_beyond per area and specialty against times worked out by hand.

    Road 60 km/h: 1 minute per km; the access leg is 900 m at 30 km/h = 1.8 min. Limit 30 min.
    Dermato-venerologi (practices at 0 and 40 km): x=10 -> 10 min, x=45 -> 5, x=75 -> 35,
    x=95 -> 55, x=71 (+900 m) -> 31 + 1.8; Reumatologi (at 100 km): x=10 -> 90, x=45 -> 55,
    x=75 -> 25, x=95 -> 5, x=71 (+900 m) -> 29 + 1.8 = 30.8 (beyond only through the access
    leg). The 16 residents near the isolated road cannot reach any practice: beyond.

    Rule (documented in the report's network_part.definition and the module docstring of
    processing/specialist_gaps.py): residents with no road within MAX_SNAP_M (the 32 at
    (60, 20) km) have no travel time at all; they are counted in population and in
    pop_unsnapped, not in pop_beyond, so share_beyond is a lower bound and
    (pop_beyond + pop_unsnapped) / population the upper bound. A specialty with no practice
    at all: everyone is beyond (census population of the area).
    """
    import processing

    gpkg = tiny_network
    params = {
        "PRACTICES": f"{gpkg}|layername=practices",
        "SPECIALTY_FIELD": "specialty",
        "CAPACITY_FIELD": "capacity",
        "AREAS": f"{gpkg}|layername=areas",
        "AREA_ID_FIELD": "area_id",
        "AREA_NAME_FIELD": "area_id",
        "NEED_WEIGHTS": 0,  # unweighted: the areas have a population column only
        "PLANNED_TOTALS": "Psykiatri=2",  # a specialty with no practice at all
        "NETWORK_LAYER": f"{gpkg}|layername=roads",
        "SPEED_FIELD": "speed",
        "POPULATION_LAYER": f"{gpkg}|layername=residents",
        "POPULATION_FIELD": "pop",
        "TIME_LIMIT_MIN": 30,
        "MAX_SNAP_M": 1000,
        "ACCESS_SPEED_KMH": 30,
        "CELL_SIZE_M": 1000,
        "OUTPUT": "TEMPORARY_OUTPUT",
        "SUMMARY": "TEMPORARY_OUTPUT",
        "RELOCATIONS": "TEMPORARY_OUTPUT",
        "ACCESS": "TEMPORARY_OUTPUT",
        "REPORT": str(tmp_path / "report.json"),
    }
    res = processing.run("sundplan:specialist_gaps", params)
    access = _layer_frame(res["ACCESS"]).set_index(["specialty", "area_id"])
    derm, reum, psyk = "Dermato-venerologi", "Reumatologi", "Psykiatri"
    expected = {
        # (specialty, area): (population, pop_beyond, pop_unsnapped, pop_unreachable)
        (derm, "W"): (316, 0, 0, 16),  # 100 and 200 within; 16 unreachable: not reached
        (derm, "E"): (1296, 400 + 800 + 64, 32, 0),
        (reum, "W"): (316, 100 + 200, 0, 16),
        (reum, "E"): (1296, 64, 32, 0),  # 400 and 800 within, 64 at 30.8 min
        (psyk, "W"): (316, 316, None, None),
        (psyk, "E"): (1296, 1296, None, None),
    }
    assert set(access.index) == set(expected)

    def null(v):
        return v is None or (hasattr(v, "isNull") and v.isNull()) or np.isnan(v)

    for key, (pop, beyond, unsnapped, unreachable) in expected.items():
        row = access.loc[key]
        assert row["population"] == pytest.approx(pop), key
        assert row["pop_beyond"] == pytest.approx(beyond), key
        if unsnapped is None:  # not computed without practices: NULL
            assert null(row["pop_unsnapped"]) and null(row["pop_unreachable"]), key
            assert null(row["share_not_reached"]), key
            assert row["share_beyond"] == pytest.approx(1.0), key
        else:
            assert row["pop_unsnapped"] == pytest.approx(unsnapped), key
            assert row["pop_unreachable"] == pytest.approx(unreachable), key
            reached = pop - unsnapped - unreachable
            assert row["population_reached"] == pytest.approx(reached), key
            assert row["share_beyond"] == pytest.approx(beyond / reached), key
            assert row["share_not_reached"] == pytest.approx((unsnapped + unreachable) / pop)
        assert row["time_limit_min"] == 30
    report = json.loads(open(params["REPORT"], encoding="utf-8").read())
    net = report["network_part"]
    assert net["time_limit_min"] == 30
    assert net["specialties"][derm] == {"practices": 2}
    assert net["specialties"][reum] == {"practices": 1}
    assert "unsnapped" in net["definition"] and "not as beyond" in net["definition"]
    # Run coverage of the worst specialty (both have 32 unsnapped + 16 unreachable of 1 612)
    cov = report["coverage"]
    assert cov["specialty"] in (derm, reum)
    assert cov["total"] == pytest.approx(1612)
    assert (cov["unsnapped"], cov["unreachable"]) == (pytest.approx(32), pytest.approx(16))
    assert cov["share_not_reached"] == pytest.approx(48 / 1612)
    assert [w["area"] for w in cov["worst_areas"]] == ["E", "W"]  # 32 before 16 residents
