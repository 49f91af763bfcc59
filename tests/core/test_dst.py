"""The Statbank client (``sundplan_qgis/dst.py``): newest projection table from a recorded
table list, FOLK1A / FRKM parsing to tidy frames with sums worked out by hand from the
fixtures in ``tests/fixtures/fetch/``, unexpected columns, the kommune layer."""

from __future__ import annotations

import json

import pytest

from sundplan_qgis import dst, fetch, reference
from sundplan_qgis.errors import SundplanError
from tests import osm_mock
from tests.fetch_server import FIXTURES, FetchServer

KOMMUNER = {"0101", "0147"}  # the two kommuner in the small fixtures


def _variables(table: str) -> list[dst.Variable]:
    info = json.loads((FIXTURES / f"tableinfo_{table}.json").read_text("utf-8"))
    return dst.variables_of(info, table=table)


def _cells(name: str, table: str):
    text = (FIXTURES / name).read_text("utf-8")
    return dst.parse_data(text, table=table, variables=_variables(table))


def _persons(frame, **where) -> int:
    rows = frame
    for key, value in where.items():
        rows = rows[rows[key] == value]
    return int(rows["persons"].sum())


def test_newest_projection_table_from_the_recorded_list():
    tables = json.loads((FIXTURES / "tables.json").read_text("utf-8"))
    # FRKM123, FRKM124, FRKM125 (listed out of order), FRKM225 (nøgletal), FRLD125 (regions)
    assert dst.newest_projection_table(tables) == "FRKM125"
    tables.append(
        {
            "id": "FRKM126",
            "text": "Befolkningsfremskrivning 2026 efter kommune, alder, køn og tid",
            "active": True,
        }
    )
    assert dst.newest_projection_table(tables) == "FRKM126"
    with pytest.raises(SundplanError, match="no kommune population projection"):
        dst.newest_projection_table([t for t in tables if not t["id"].startswith("FRKM1")])


@pytest.mark.parametrize("name", ["FOLK1A.csv", "FOLK1A_codes.csv"])
def test_folk1a_tidy_sums_by_hand(name):
    # labels (the API's default) and codes give the same result
    frame, checks, warnings = dst.folk1a_tidy(_cells(name, "FOLK1A"), kommuner=KOMMUNER)
    assert list(frame.columns) == list(dst.TIDY_FOLK1A_COLUMNS)
    assert set(frame["quarter"]) == {"2025K3"}
    # København men: 0 år 10 + 4 år 20 -> 0_4 = 30; 5 år 7; 85 år 3 + 99 år 2 -> 85_plus = 5
    kbh = frame[frame["kommunekode"] == "0101"]
    assert _persons(kbh, sex="m", age_group="0_4") == 30
    assert _persons(kbh, sex="m", age_group="5_9") == 7
    assert _persons(kbh, sex="m", age_group="85_plus") == 5
    assert _persons(kbh, sex="k", age_group="0_4") == 11
    assert _persons(kbh, sex="k", age_group="85_plus") == 5  # 90 år
    assert set(kbh["kommune"]) == {"København"}
    frb = frame[frame["kommunekode"] == "0147"]
    assert _persons(frb, sex="m", age_group="30_34") == 100
    assert _persons(frb, sex="k", age_group="30_34") == 50  # 34 år
    assert _persons(frb, sex="k", age_group="35_39") == 60  # 35 år
    # regions and the country are aggregates, not rows; Christiansø is kept and reported
    assert set(frame["kommunekode"]) == {"0101", "0147", "0411"}
    assert _persons(frame) == 187 + 170  # Hele landet, men + women
    assert checks["country_total_difference"] == 0.0 and checks["age_total_difference"] == 0.0
    assert checks["outside_kommuner"] == [
        {"kommunekode": "0411", "name": "Christiansø", "persons": 89.0}
    ]
    assert len(warnings) == 1 and "0411 Christiansø (89 persons)" in str(warnings[0])
    # sex order as the embedded columns: m before k
    assert list(kbh["sex"]) == ["m", "m", "m", "k", "k"]


def test_folk1a_total_mismatch_is_a_warning():
    text = (FIXTURES / "FOLK1A.csv").read_text("utf-8").replace("2025K3;187", "2025K3;190")
    cells = dst.parse_data(text, table="FOLK1A", variables=_variables("FOLK1A"))
    _frame, checks, warnings = dst.folk1a_tidy(cells, kommuner=KOMMUNER)
    assert checks["country_total_difference"] == 3.0
    assert any("differs from Danmarks Statistik's total by up to 3" in str(w) for w in warnings)


def test_projection_tidy_sums_by_hand():
    cells = _cells("FRKM125.csv", "FRKM125")
    frame, checks, warnings = dst.projection_tidy(cells, table="FRKM125", kommuner=KOMMUNER)
    assert list(frame.columns) == list(dst.TIDY_PROJECTION_COLUMNS)
    assert set(frame["table"]) == {"FRKM125"} and set(frame["year"]) == {2025, 2050}
    kbh25 = frame[(frame["kommunekode"] == "0101") & (frame["year"] == 2025)]
    assert _persons(kbh25, sex="m", age_group="0_4") == 150  # 0 år 100 + 3 år 50
    assert _persons(kbh25, sex="k", age_group="0_4") == 90
    assert _persons(kbh25, sex="k", age_group="85_plus") == 10  # "100 år og derover" 4 + 86 år 6
    assert _persons(frame, kommunekode="0147", year=2025, age_group="20_24") == 55
    assert _persons(frame, year=2050) == 120 + 110 + 40
    assert _persons(frame) == 100 + 50 + 90 + 4 + 6 + 120 + 110 + 30 + 25 + 40
    assert warnings == [] and checks["outside_kommuner"] == []


def test_unexpected_columns_name_table_and_column():
    text = (FIXTURES / "FOLK1A.csv").read_text("utf-8").replace("ALDER;", "ALDERSGRUPPE;", 1)
    with pytest.raises(SundplanError) as info:
        dst.parse_data(text, table="FOLK1A", variables=_variables("FOLK1A"))
    assert "table FOLK1A has no column ALDER" in str(info.value)
    text = (FIXTURES / "FRKM125.csv").read_text("utf-8").replace(";INDHOLD", ";VÆRDI", 1)
    with pytest.raises(SundplanError, match="table FRKM125 has no column INDHOLD"):
        dst.parse_data(text, table="FRKM125", variables=_variables("FRKM125"))
    info_json = json.loads((FIXTURES / "tableinfo_FRKM125.json").read_text("utf-8"))
    info_json["variables"] = [v for v in info_json["variables"] if v["id"] != "KØN"]
    variables = dst.variables_of(info_json, table="FRKM125")
    text = (FIXTURES / "FRKM125.csv").read_text("utf-8")
    with pytest.raises(SundplanError, match="table FRKM125 has no column KØN / KOEN / KON"):
        dst.parse_data(text, table="FRKM125", variables=variables)


def test_unknown_value_and_non_number_are_named():
    text = (FIXTURES / "FOLK1A.csv").read_text("utf-8").replace("Frederiksberg", "Frederiksstad")
    with pytest.raises(SundplanError, match="'Frederiksstad' in OMRÅDE"):
        dst.parse_data(text, table="FOLK1A", variables=_variables("FOLK1A"))
    text = (FIXTURES / "FOLK1A.csv").read_text("utf-8").replace("2025K3;100", "2025K3;n/a")
    with pytest.raises(SundplanError, match="not a number in INDHOLD: 'n/a'"):
        dst.parse_data(text, table="FOLK1A", variables=_variables("FOLK1A"))


def test_client_requests_and_caches(tmp_path, monkeypatch):
    osm_mock.loopback_only(monkeypatch)
    with FetchServer(national=True) as srv:
        client = dst.StatbankClient(base_url=srv.dst_url, cache_dir=tmp_path, timeout_s=5)
        folk = client.folk1a()
        projection = client.projection()
        bodies = {r["path"]: r for r in srv.requests}
        data = [json.loads(r["body"]) for r in srv.requests if r["path"] == "/v1/data"]
    assert folk.period == "2025K3" and projection.table == "FRKM125"
    assert projection.period == "2025-2050"
    folk_query = data[0]
    assert folk_query["table"] == "FOLK1A" and folk_query["format"] == "BULK"
    selection = {v["code"]: v["values"] for v in folk_query["variables"]}
    assert selection == {
        "OMRÅDE": ["*"],
        "KØN": ["1", "2"],
        "ALDER": ["*"],
        "CIVILSTAND": ["TOT"],
        "Tid": ["2025K3"],  # the latest quarter of the tableinfo, asked for by name
    }
    selection = {v["code"]: v["values"] for v in data[1]["variables"]}
    assert selection == {"KOMMUNEDK": ["*"], "ALDER": ["*"], "KØN": ["M", "K"], "Tid": ["*"]}
    assert "/v1/tables" in bodies and "/v1/tableinfo" in bodies
    # every answer is a verified cache entry; a second client with no server reuses them
    for name in ("tables.json", "tableinfo_FOLK1A.json", "FOLK1A_2025K3.csv", "FRKM125.csv"):
        assert fetch.cached_entry(tmp_path / name) is not None
    # the sidecar keeps the query (every data answer comes from the same URL)
    assert json.loads(fetch.cached_entry(tmp_path / "FRKM125.csv").request)["table"] == "FRKM125"
    assert folk.report["request"] and folk.report["url"].endswith("/v1/data")
    offline = dst.StatbankClient(base_url="http://127.0.0.1:9", cache_dir=tmp_path, timeout_s=1)
    assert offline.folk1a().tidy.equals(folk.tidy)
    assert offline.projection().tidy.equals(projection.tidy)


def test_dst_error_answer_is_shown(tmp_path, monkeypatch):
    osm_mock.loopback_only(monkeypatch)
    with FetchServer() as srv:
        del srv.files[("tableinfo", "FOLK1A")]
        client = dst.StatbankClient(base_url=srv.dst_url, cache_dir=tmp_path, timeout_s=5)
        with pytest.raises(fetch.HttpError) as info:
            client.folk1a()
    assert "400" in str(info.value) and "Tabellen blev ikke fundet" in str(info.value)


def test_national_folk1a_gives_back_the_embedded_table(tmp_path, monkeypatch):
    """The local server spreads the embedded 5-year groups over single ages; the tidy table
    and the kommune layer must sum them back exactly."""
    osm_mock.loopback_only(monkeypatch)
    with FetchServer(national=True) as srv:
        inputs = fetch.FetchInputs(what=("folk1a",), cache_dir=tmp_path, dst_base_url=srv.dst_url)
        result = fetch.run(inputs)
    embedded = reference.population_age_sex().set_index("kommunekode")
    layer = result.folk1a_layer.set_index("kommunekode")
    assert len(layer) == 98 and "0411" not in layer.index
    for column in (*dst.WIDE_COLUMNS, "population"):
        assert (layer[column] == embedded.loc[layer.index, column]).all(), column
    assert set(layer["quarter"]) == {"2025K3"} and result.quarter == "2025K3"
    assert layer.geometry.notna().all()
    # Christiansø is in the tidy table and reported
    christiansoe = int(embedded.loc["0411", "population"])
    assert _persons(result.folk1a, kommunekode="0411") == christiansoe
    assert any("0411 Christiansø" in str(w) for w in result.warnings)
    assert result.report["fetched"]["folk1a"]["checks"]["country_total_difference"] == 0.0


def test_projection_missing_kommuner_is_an_error(tmp_path, monkeypatch):
    osm_mock.loopback_only(monkeypatch)
    with FetchServer() as srv:  # the small fixture: København and Frederiksberg only
        client = dst.StatbankClient(base_url=srv.dst_url, cache_dir=tmp_path, timeout_s=5)
        with pytest.raises(SundplanError) as info:
            client.projection()
    assert "table FRKM125 has no rows for 96 of the 98 kommuner: 0151 Ballerup" in str(info.value)
