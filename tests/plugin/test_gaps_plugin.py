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
