"""Danish from end to end: with the Danish translation installed, what a planner reads in the
outputs of the main tools is Danish, with Danish number formats (issue 12, item 1).

catchments, catchment_scenario, gp_density, fca_access, specialist_gaps, location_allocation,
need_projection, capacity_allocation, sundhedsraad_profile and map_report run in-process on the
sample region with the translation installed (``danish_translation`` in ``conftest.py``: the .ts
plus the pending translations). Read back:

* every run report ``.txt`` (the provenance block left out: it records the user's parameter
  values verbatim),
* the message fields of the JSON reports (string values with a space: sentences; single-word
  values are codes and stay English, as the JSON's keys do),
* the ``*_label`` fields and the sentences of the outputs' attribute tables,
* the PDF's text (``pdftotext``; skipped when it is not installed),

and fail on English words from :data:`ENGLISH_WORDS` and on English number formats.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from osgeo import ogr

from sundplan_qgis.network.speeds import DEFAULT_SPEEDS_KMH
from tests.fixtures.projection.synthetic import write_synthetic_csv

#: English words a Danish reader must not meet (whole words, case-insensitive).
ENGLISH_WORDS = (
    "under-supplied",
    "over-supplied",
    "balanced",
    "move",
    "residents",
    "reached",
    "not reached",
    "hospital",
    "hospitals",
    "area",
    "areas",
    "empty",
    "none",
    "method",
    "population",
    "share",
    "minutes",
    "the",
    "of",
    "and",
    "with",
    "from",
    "outside",
    "inside",
    "only",
    "default",
)
ENGLISH = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH_WORDS)) + r")(?![\w-])", re.I)

#: Names and codes that contain English words but are not English text: proper names of
#: methods and software (a method is cited by its name) and field names (the attribute
#: table's own vocabulary, which the text refers to).
ALLOWED = re.compile(
    r"Dijkstra|scipy[\w.]*|HiGHS( dual simplex)?|Luo & Qi|Hilbert|"
    r"\b[a-z]+(?:_[a-z0-9]+)+\b|"  # field names: pop_beyond, share_not_reached, ...
    r"\S+\.(?:gpkg|tif|pbf|csv|json|txt|pdf)\b"  # file names
)

#: English number formats: thousands with a comma (86,547) and decimals with a dot (0.25);
#: not versions (3.40.6), dates or Danish thousands (86.547: three digits after the dot).
ENGLISH_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")
ENGLISH_DECIMAL = re.compile(r"(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.])")


def english_in(text: str) -> list[str]:
    """English words and number formats in ``text`` (after the allowed names are removed)."""
    plain = ALLOWED.sub(" ", text)
    found = [m.group(0) for m in ENGLISH.finditer(plain)]
    found += [f"number {m.group(0)}" for m in ENGLISH_THOUSANDS.finditer(plain)]
    found += [f"number {m.group(0)}" for m in ENGLISH_DECIMAL.finditer(plain)]
    return found


def test_the_checks_catch_english_and_pass_danish():
    """The detector itself: English words and formats are found, their Danish forms are not."""
    assert english_in("move 2.2 ydernumre in Psykiatri from Fjordby") == [
        "move",
        "from",
        "number 2.2",
    ]
    assert english_in("86,547 residents (0.25 %)") == [
        "residents",
        "number 86,547",
        "number 0.25",
    ]
    assert english_in("flyt 2,2 ydernumre i Psykiatri fra Fjordby: 86.547 (0,25 %)") == []
    assert english_in("sundplan 3.40.6, 2026-12-03, pop_beyond, roads.osm.pbf") == []


@pytest.fixture(scope="module")
def outputs(sundplan_provider, tmp_path_factory):
    """Every tool run once with Danish installed; the folder of their outputs."""
    import processing

    from .conftest import danish_translation

    folder = tmp_path_factory.mktemp("danish_outputs")
    sample = folder / "sample"
    processing.run("sundplan:sample_data", {"SEED": 2027, "OUTPUT_FOLDER": str(sample)})
    gpkg = sample / "sample_region.gpkg"
    common = {
        "HOSPITALS": f"{gpkg}|layername=hospitals",
        "HOSPITAL_NAME_FIELD": "name",
        "ACTIVE_EXPRESSION": '"active" = 1',
        "NETWORK_FILE": str(sample / "roads.osm.pbf"),
        "POPULATION_RASTER": str(sample / "population.tif"),
        "AREAS": f"{gpkg}|layername=kommuner",
        "AREA_ID_FIELD": "kommunekode",
        "AREA_NAME_FIELD": "kommune",
        "BANDS": "15,30,45,60",
        "MAX_SNAP_M": 1000,
    }
    with danish_translation(folder):
        processing.run(
            "sundplan:catchments",
            common
            | {
                "TRAVEL_TIME": str(folder / "travel_time.tif"),
                "CATCHMENTS": str(folder / "catchments.gpkg"),
                "BAND_POLYGONS": str(folder / "bands.gpkg"),
                "AREA_SUMMARY": str(folder / "area_summary.gpkg"),
                "REPORT": str(folder / "catchments_report.json"),
            },
        )
        processing.run(
            "sundplan:catchment_scenario",
            common
            | {
                "CLOSE": "Sølund",
                "CHANGE_RASTER": str(folder / "change.tif"),
                "AREA_CHANGES": str(folder / "area_changes.gpkg"),
                "SWITCHES": str(folder / "switches.gpkg"),
                "REPORT": str(folder / "scenario_report.json"),
            },
        )
        processing.run(
            "sundplan:gp_density",
            {
                "PRACTICES": f"{gpkg}|layername=gp_practices",
                "PRACTICE_NAME_FIELD": "name",
                "CAPACITY_FIELD": "n_gps",
                "AREAS": common["AREAS"],
                "AREA_ID_FIELD": "kommunekode",
                "AREA_NAME_FIELD": "kommune",
                "AREA_OUTPUT": str(folder / "gp_density.gpkg"),
                "GROUP_OUTPUT": str(folder / "gp_density_groups.gpkg"),
                "SUMMARY": str(folder / "gp_density_summary.gpkg"),
                "LORENZ": str(folder / "gp_lorenz.gpkg"),
                "REPORT": str(folder / "gp_density_report.json"),
            },
        )
        processing.run(
            "sundplan:fca_access",
            {
                "PRACTICES": f"{gpkg}|layername=gp_practices",
                "CAPACITY_FIELD": "n_gps",
                "NETWORK_FILE": common["NETWORK_FILE"],
                "POPULATION_RASTER": common["POPULATION_RASTER"],
                "AREAS": common["AREAS"],
                "AREA_ID_FIELD": "kommunekode",
                "METHOD": 1,  # e2sfca
                "THRESHOLD_MIN": 20,
                "ACCESS_POINTS": str(folder / "fca_access.gpkg"),
                "AREA_ACCESS": str(folder / "fca_access_areas.gpkg"),
                "PRACTICE_RATIO": str(folder / "fca_practices.gpkg"),
                "REPORT": str(folder / "fca_report.json"),
            },
        )
        processing.run(
            "sundplan:specialist_gaps",
            {
                "PRACTICES": f"{gpkg}|layername=specialists",
                "SPECIALTY_FIELD": "specialty",
                "CAPACITY_FIELD": "capacity",
                "AREAS": common["AREAS"],
                "AREA_ID_FIELD": "kommunekode",
                "AREA_NAME_FIELD": "kommune",
                "NETWORK_FILE": common["NETWORK_FILE"],
                "POPULATION_RASTER": common["POPULATION_RASTER"],
                "OUTPUT": str(folder / "specialist_gaps.gpkg"),
                "SUMMARY": str(folder / "specialist_summary.gpkg"),
                "RELOCATIONS": str(folder / "specialist_relocations.gpkg"),
                "ACCESS": str(folder / "specialist_access.gpkg"),
                "REPORT": str(folder / "specialist_report.json"),
            },
        )
        projection = write_synthetic_csv(folder / "frkm_synthetic.csv", years=(2025, 2030))
        processing.run(
            "sundplan:need_projection",
            {
                "POPULATION_TABLE": str(projection),
                "OUTPUT": str(folder / "need_projection.gpkg"),
                "REPORT": str(folder / "need_report.json"),
            },
        )
        capacity = folder / "laeger.csv"
        capacity.write_text("region;laeger\n1081;336\n1082;825\n1083;795\n1084;1071\n", "utf-8")
        processing.run(
            "sundplan:capacity_allocation",
            {
                "POPULATION_TABLE": str(projection),
                "LEVEL": "region",
                "CURRENT_TABLE": str(capacity),
                "CURRENT_CODE_FIELD": "region",
                "CURRENT_VALUE_FIELD": "laeger",
                "TOTAL": 3525,
                "ROUND": True,
                "OUTPUT": str(folder / "capacity_allocation.gpkg"),
                "REPORT": str(folder / "allocation_report.json"),
            },
        )
        processing.run(
            "sundplan:location_allocation",
            {
                # no EXISTING: the report names the layers given, and the sample's layer
                # "hospitals" is an English word (a name, but the word check cannot tell)
                "CANDIDATES": f"{gpkg}|layername=gp_practices",
                "K": 2,
                "TIME_LIMIT_MIN": 10,
                "NETWORK_FILE": common["NETWORK_FILE"],
                "POPULATION_RASTER": common["POPULATION_RASTER"],
                "AREAS": common["AREAS"],
                "AREA_ID_FIELD": "kommunekode",
                "AREA_NAME_FIELD": "kommune",
                "SITES": str(folder / "location_sites.gpkg"),
                "AREA_CHANGE": str(folder / "location_areas.gpkg"),
                "CURVE": str(folder / "location_curve.gpkg"),
                "REPORT": str(folder / "location_report.json"),
            },
        )
        processing.run(
            "sundplan:map_report",
            {
                "LAYER": str(folder / "travel_time.tif"),
                "ATLAS_LAYER": common["AREAS"],
                "ATLAS_NAME_FIELD": "kommune",
                "SUMMARY": str(folder / "area_summary.gpkg"),
                "POINTS": f"{gpkg}|layername=hospitals",
                "POINTS_LABEL_FIELD": "name",
                "OUTPUT": str(folder / "rejsetid.pdf"),
                "REPORT": str(folder / "map_report.json"),
            },
        )
        # the national fixtures made by the tools (tests/fixtures/profile/make_inputs.py)
        profile = Path(__file__).resolve().parents[1] / "fixtures" / "profile"
        processing.run(
            "sundplan:sundhedsraad_profile",
            {
                "NEED_TABLE": str(profile / "need_table_synthetic.csv"),
                "TRAVEL_AREAS": str(profile / "catchments_areas.csv"),
                "GP_DENSITY": str(profile / "gp_density_areas.csv"),
                "FCA_AREAS": str(profile / "fca_access_areas.csv"),
                "SPECIALIST_GAPS": str(profile / "specialist_gaps_areas.csv"),
                "OUTPUT": str(folder / "profil.pdf"),
                "TABLE": str(folder / "profil.gpkg"),
                "REPORT": str(folder / "profile_report.json"),
            },
        )
    return folder


REPORTS = (
    "catchments",
    "scenario",
    "gp_density",
    "fca",
    "specialist",
    "location",
    "map",
    "need",
    "allocation",
    "profile",
)


def _without_provenance(text: str) -> str:
    """The .txt without its first block (the provenance: parameter values as the user gave
    them, file paths and versions)."""
    lines = text.splitlines()
    start = lines.index("proveniens:")
    end = next(
        (i for i in range(start + 1, len(lines)) if lines[i] and not lines[i].startswith(" ")),
        len(lines),
    )
    return "\n".join(lines[:start] + lines[end:])


@pytest.mark.parametrize("tool", REPORTS)
def test_text_reports_read_danish(outputs, tool):
    text = (outputs / f"{tool}_report.txt").read_text("utf-8")
    assert text.startswith("Sundplan kørselsrapport\n=======================\n")
    assert text.splitlines()[3] == "proveniens:"
    body = _without_provenance(text)
    problems = [
        f"{line.strip()!r}: {found}" for line in body.splitlines() if (found := english_in(line))
    ]
    assert not problems, "\n".join(problems[:40])
    # every key the tool writes has a label (road classes are codes: shown as they are)
    road_classes = set(DEFAULT_SPEEDS_KMH) | {"ferry", "ferry_connector"}
    raw = {
        key
        for key in re.findall(r"(?:^\s*(?:- )?|, )([a-z0-9]+_[a-z0-9_]+):", body, re.M)
        if key not in road_classes
    }
    assert not raw, f"keys without a label in run_report.KEY_LABELS: {sorted(raw)}"


@pytest.mark.parametrize("tool", REPORTS)
def test_json_reports_keep_english_keys_and_translate_their_sentences(outputs, tool):
    report = json.loads((outputs / f"{tool}_report.json").read_text("utf-8"))
    report.pop("provenance")
    problems = []

    def walk(value, where):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for item in value:
                walk(item, f"{where}[]")
        elif isinstance(value, str) and " " in value.strip() and english_in(value):
            problems.append(f"{where}: {value[:120]!r}: {english_in(value)}")

    walk(report, tool)
    assert not problems, "\n".join(problems[:40])
    keys = json.dumps(report)
    assert '"population"' in keys or '"coverage"' in keys or '"base_year"' in keys  # English


@pytest.mark.parametrize("tool", REPORTS)
def test_every_report_key_has_a_label(outputs, tool):
    """The .txt labels every key a tool writes (run_report.KEY_LABELS; status codes used as
    keys by VALUE_LABELS); the keys of data sections are names and codes, shown as they are."""
    from sundplan_qgis.run_report import KEY_LABELS, VALUE_LABELS

    report = json.loads((outputs / f"{tool}_report.json").read_text("utf-8"))
    report.pop("provenance")
    data_sections = {
        "speeds_kmh",  # road classes
        "reference_totals",  # specialties
        "weights_used",
        "coverage_by_specialty",
        "specialties",
        "capacity_by_specialty",
    }
    unlabelled = set()

    def walk(value, names=False):
        if isinstance(value, dict):
            for key, item in value.items():
                if not names and key not in KEY_LABELS and key not in VALUE_LABELS:
                    unlabelled.add(key)
                walk(item, key in data_sections)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(report)
    assert not unlabelled, f"keys without a label in run_report.KEY_LABELS: {sorted(unlabelled)}"


def _features(path):
    ds = ogr.Open(str(path))
    layer = ds.GetLayer(0)
    rows = [feature.items() for feature in layer]
    ds = None
    return rows


LABEL_FIELDS = {
    "bands.gpkg": ("band_label",),
    "specialist_gaps.gpkg": ("class_label",),
    "specialist_relocations.gpkg": ("kind_label", "description"),
    "specialist_summary.gpkg": ("reference_label", "weights_label"),
    "fca_access.gpkg": ("status_label", "method_label", "time_method_label", "weights_label"),
    "fca_access_areas.gpkg": ("area_name", "method_label", "weights_label"),
    "fca_practices.gpkg": ("status_label", "method_label", "time_method_label"),
    "gp_density.gpkg": ("weights_label",),
    "gp_density_groups.gpkg": ("level_label", "area_name", "weights_label"),
    "gp_density_summary.gpkg": ("level_label", "weights_label"),
    "gp_lorenz.gpkg": ("level_label", "unit"),
    "location_sites.gpkg": ("kind_label", "objective_label", "method_label", "candidates_label"),
    "location_areas.gpkg": ("area_name", "objective_label"),
    "location_curve.gpkg": ("objective_label", "method_label"),
    "area_summary.gpkg": ("area_name",),
    "need_projection.gpkg": ("level_label", "weights", "source"),
    "capacity_allocation.gpkg": ("level_label", "method_label", "weights"),
    "profil.gpkg": ("level_label", "unit_name", "travel_p90_rule_label", "not_computed_label"),
}


@pytest.mark.parametrize("name", sorted(LABEL_FIELDS))
def test_label_fields_read_danish_beside_the_codes(outputs, name):
    rows = _features(outputs / name)
    assert rows, name
    problems = []
    for field in LABEL_FIELDS[name]:
        assert field in rows[0], f"{name} has no field {field}: {sorted(rows[0])}"
        for value in {row[field] for row in rows if row[field] is not None}:
            if english_in(str(value)):
                problems.append(f"{name} {field} = {value!r}: {english_in(str(value))}")
    assert not problems, "\n".join(problems)


def test_codes_stay_and_labels_are_the_danish_words(outputs):
    gaps = _features(outputs / "specialist_gaps.gpkg")
    pairs = {(row["class"], row["class_label"]) for row in gaps}
    assert ("under-supplied", "underdækket") in pairs and ("over-supplied", "overdækket") in pairs
    moves = _features(outputs / "specialist_relocations.gpkg")
    assert {(row["kind"], row["kind_label"]) for row in moves} == {("move", "flyt")}
    first = moves[0]
    assert first["description"].startswith("flyt ") and " ydernumre i " in first["description"]
    bands = {row["band"]: row["band_label"] for row in _features(outputs / "bands.gpkg")}
    assert bands["not reached"] == "Ikke nået" and bands["0–15"] == "0–15"
    # the relocation sentence keeps its number, written the Danish way
    number = re.search(r"flyt (\S+) ", first["description"]).group(1)
    assert float(number.replace(",", ".")) == pytest.approx(
        round(first["capacities"], 1), abs=0.051
    )


@pytest.mark.parametrize("pdf", ["rejsetid.pdf", "profil.pdf"])
def test_pdf_text_reads_danish(outputs, pdf):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not installed (poppler-utils)")
    done = subprocess.run(
        ["pdftotext", "-layout", str(outputs / pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    problems = [
        f"{line.strip()!r}: {found}"
        for line in done.stdout.splitlines()
        if (found := english_in(line))
    ]
    assert not problems, "\n".join(problems[:40])


def test_placeholders_inside_danish_messages(danish, sundplan_package):
    """ "(empty)", "(outside all areas)" and the road-field roles are messages of their own,
    translated inside the Danish sentence that shows them."""
    import importlib

    from sundplan_qgis.errors import SundplanError, msg
    from sundplan_qgis.specialties import normalise_specialties

    translate = importlib.import_module("sundplan.processing._i18n").translate_message
    with pytest.raises(SundplanError) as caught:
        normalise_specialties([None, "Psykiatri"], source_name="praksis")
    text = translate(caught.value)
    assert "'(tom)' (1×)" in text and "(empty)" not in text

    from sundplan_qgis.density import OUTSIDE

    warning = msg("{n} practice(s) lie outside every area ('{outside}')", n=2, outside=OUTSIDE)
    assert translate(warning.values["outside"]) == "(uden for alle områder)"

    from sundplan_qgis.network.fields import find_field

    with pytest.raises(SundplanError) as caught:
        find_field(["highway"], "klasse", role="class", layer="veje")
    assert "angivet som vejklasse-feltet" in translate(caught.value)
