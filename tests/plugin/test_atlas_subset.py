"""``sundplan:map_report`` ATLAS_SUBSET: an atlas of one region, region from 2027 or sundhedsråd
(by name or code) or of an expression, the areas around it dimmed; a filtered atlas layer
behaves the same. Page counts are checked against the embedded reference tables (kommuner.csv:
which kommune belongs to which unit), read independently of the code under test."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]
KOMMUNER_CSV = REPO_DIR / "resources" / "data" / "kommuner.csv"


def members(column: str, value: str) -> int:
    with KOMMUNER_CSV.open(encoding="utf-8") as handle:
        return sum(1 for row in csv.DictReader(handle) if row[column] == value)


@pytest.fixture(scope="module")
def kommuner(sundplan_provider, tmp_path_factory) -> str:
    import processing

    path = tmp_path_factory.mktemp("national") / "kommuner.gpkg"
    processing.run("sundplan:reference_data", {"KOMMUNER": str(path)})
    return str(path)


@pytest.fixture(scope="module")
def kommuner_without_codes(kommuner, tmp_path_factory) -> str:
    """The kommuner with only their names: membership then comes from the polygons."""
    from osgeo import gdal

    path = tmp_path_factory.mktemp("nocodes") / "navne.gpkg"
    gdal.VectorTranslate(str(path), kommuner, options="-select kommune -nln navne")
    return str(path)


def atlas(layer: str, subset: str | None, tmp_path, **extra) -> tuple[dict, dict]:
    import processing

    params = {
        "LAYER": layer,
        "ATLAS_LAYER": layer,
        "ATLAS_NAME_FIELD": "kommune",
        "OUTPUT": str(tmp_path / "atlas.pdf"),
        "REPORT": str(tmp_path / "atlas.json"),
        **extra,
    }
    if subset is not None:
        params["ATLAS_SUBSET"] = subset
    result = processing.run("sundplan:map_report", params)
    report = json.loads((tmp_path / "atlas.json").read_text("utf-8"))
    return result, report


@pytest.mark.parametrize(
    ("subset", "column", "value"),
    [
        ("Region Nordjylland", "region", "Region Nordjylland"),
        ("1084", "region", "Region Hovedstaden"),
        ("region_2027:Region Østdanmark", "region_2027", "Region Østdanmark"),
        ("Østdanmark", "region_2027", "Region Østdanmark"),
        ("sundhedsraad:1", "sundhedsraad_id", "1"),
        ("Sundhedsraad Limfjorden", "sundhedsraad", "Sundhedsråd Limfjorden"),
    ],
)
def test_unit_by_name_or_code_gives_its_kommuner(kommuner, tmp_path, subset, column, value):
    expected = members(column, value)
    result, report = atlas(kommuner, subset, tmp_path)
    assert result["PAGES"] == expected
    record = report["atlas_subset"]
    assert record["pages"] == expected and record["outside"] == 98 - expected


def test_without_kommunekode_the_polygons_decide(kommuner_without_codes, tmp_path):
    result, report = atlas(kommuner_without_codes, "Region Sjælland", tmp_path)
    assert result["PAGES"] == members("region", "Region Sjælland")


def test_expression_subset(kommuner, tmp_path):
    result, report = atlas(kommuner, "\"kommune\" IN ('Aalborg', 'Thisted')", tmp_path)
    assert result["PAGES"] == 2
    assert report["atlas_subset"]["expression"].startswith('"kommune" IN')


def test_filtered_atlas_layer_dims_the_filtered_out_areas(kommuner, tmp_path):
    layer = f"{kommuner}|subset=\"region\" = 'Region Nordjylland'"
    result, report = atlas(layer, None, tmp_path)
    n = members("region", "Region Nordjylland")
    assert result["PAGES"] == n
    assert report["atlas_subset"] == {
        "filter": "\"region\" = 'Region Nordjylland'",
        "pages": n,
        "outside": 98 - n,
    }


@pytest.mark.parametrize(
    ("subset", "words"),
    [
        ("5", ["sundhedsraad:5", "sundhedsfaellesskaber:5"]),  # two different areas
        ("Regin Nordjylland", ["Region Nordjylland", "Sundhedsråd Fyn", "expression"]),
        ('"amt" = 1', ["amt", "kommunekode"]),
        ("\"kommune\" = 'Atlantis'", ["Atlantis", "no page"]),
    ],
)
def test_bad_subsets_are_named(kommuner, tmp_path, subset, words):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as err:
        atlas(kommuner, subset, tmp_path)
    for word in words:
        assert word in str(err.value), (word, str(err.value))
    assert not (tmp_path / "atlas.pdf").exists()


def test_subset_needs_an_atlas(kommuner, tmp_path):
    from qgis.core import QgsProcessingException

    import processing

    with pytest.raises(QgsProcessingException, match="ATLAS_LAYER"):
        processing.run(
            "sundplan:map_report",
            {
                "LAYER": kommuner,
                "ATLAS_SUBSET": "Region Nordjylland",
                "OUTPUT": str(tmp_path / "x.pdf"),
            },
        )
