"""sundplan:map_report through qgis_process on the outputs of sundplan:catchments (sample region).

The README's main job ends with such a PDF: one page per kommune, checked as a reader would
(page count, pages not blank) and for the messages of bad inputs.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from .conftest import run_qgis_process
from .test_catchments_batch import sample_params

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler-utils"),
]


@pytest.fixture(scope="module")
def outputs(run_alg, sample, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("catchments")
    run_alg("sundplan:catchments", sample_params(sample, out))
    return {"sample": sample, "out": out, "gpkg": sample / "sample_region.gpkg"}


def pages_as_images(pdf: Path, folder: Path) -> list[np.ndarray]:
    subprocess.run(
        ["pdftoppm", "-r", "30", str(pdf), str(folder / "p")], check=True, capture_output=True
    )
    images = []
    for ppm in sorted(folder.glob("p*.ppm")):
        magic, width, height, _maxval, pixels = ppm.read_bytes().split(maxsplit=4)
        assert magic == b"P6"
        w, h = int(width), int(height)
        images.append(np.frombuffer(pixels[: w * h * 3], np.uint8).reshape(h, w, 3))
    return images


def pdf_pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(info.stdout.split("Pages:")[1].split()[0])


def test_atlas_per_kommune_of_the_travel_time_raster(run_alg, outputs, tmp_path):
    gpkg = outputs["gpkg"]
    pdf = tmp_path / "rejsetid_pr_kommune.pdf"
    result = run_alg(
        "sundplan:map_report",
        {
            "LAYER": outputs["out"] / "tt.tif",
            "ATLAS_LAYER": f"{gpkg}|layername=kommuner",
            "ATLAS_NAME_FIELD": "kommune",
            "SUMMARY": outputs["out"] / "areas.gpkg",
            "POINTS": f'{gpkg}|layername=hospitals|subset="active" = 1',
            "POINTS_LABEL_FIELD": "name",
            "ORGANISATION": "Eksempelregionen",
            "OUTPUT": pdf,
        },
    )
    n_kommuner = 4  # the synthetic sample region
    assert result["results"]["PAGES"] == n_kommuner
    assert pdf_pages(pdf) == n_kommuner
    images = pages_as_images(pdf, tmp_path)
    assert len(images) == n_kommuner
    for image in images:
        non_white = (image < 240).any(axis=2).mean()
        colours = len(np.unique(image.reshape(-1, 3) // 8, axis=0))
        assert non_white > 0.10 and colours > 30, (non_white, colours)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for word in ("Signaturforklaring", "Metode", "Kilder", "Dato", "SYNTETISKE", "Side 4 af 4"):
        assert word in text, word
    assert "OpenStreetMap" not in text  # synthetic roads are not credited to OSM


def test_single_page_of_each_vector_output(run_alg, outputs, tmp_path):
    gpkg = outputs["gpkg"]
    for name, template in (("catchments", 0), ("bands", 1), ("areas", 2)):
        pdf = tmp_path / f"{name}.pdf"
        run_alg(
            "sundplan:map_report",
            {
                "LAYER": outputs["out"] / f"{name}.gpkg",
                "BACKDROP": f"{gpkg}|layername=kommuner",
                "SUMMARY": outputs["out"] / "areas.gpkg",
                "TEMPLATE": template,
                "OUTPUT": pdf,
            },
        )
        assert pdf_pages(pdf) == 1
        folder = tmp_path / name
        folder.mkdir()
        (image,) = pages_as_images(pdf, folder)
        assert (image < 240).any(axis=2).mean() > 0.10


def test_bad_inputs_give_messages_and_no_pdf(qgis_process_env, outputs, tmp_path):
    gpkg = outputs["gpkg"]
    cases = [
        (
            {
                "LAYER": f"{gpkg}|layername=kommuner",
                "STYLE": Path(__file__).resolve().parents[2]
                / "resources"
                / "styles"
                / "catchments.qml",
            },
            ["hospital_id", "kommuner"],
        ),
        (
            {
                "LAYER": outputs["out"] / "bands.gpkg",
                "ATLAS_LAYER": f"{gpkg}|layername=kommuner|subset=\"kommune\" = 'Atlantis'",
            },
            ["no features"],
        ),
    ]
    for params, words in cases:
        pdf = tmp_path / "bad.pdf"
        _data, proc = run_qgis_process(
            qgis_process_env, "sundplan:map_report", {**params, "OUTPUT": pdf}, check=False
        )
        assert proc.returncode != 0
        for word in words:
            assert word in proc.stderr + proc.stdout, (word, proc.stderr[-2000:])
        assert "Traceback" not in proc.stderr
        assert not pdf.exists()
    blocked = tmp_path / "file"
    blocked.write_text("x")
    _data, proc = run_qgis_process(
        qgis_process_env,
        "sundplan:map_report",
        {"LAYER": outputs["out"] / "bands.gpkg", "OUTPUT": blocked / "x.pdf"},
        check=False,
    )
    assert proc.returncode != 0 and "cannot be written" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not list(tmp_path.glob("**/*.part"))


def pdf_text(pdf: Path) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return " ".join(out.split())


def temporary(*keys: str) -> dict[str, str]:
    return dict.fromkeys(keys, "TEMPORARY_OUTPUT")


def test_pages_of_gp_density_2sfca_and_specialist_gaps(run_alg, outputs, tmp_path):
    """The newer outputs get their own titles, legend names, method notes and tables."""
    gpkg = outputs["gpkg"]
    areas = {
        "AREAS": f"{gpkg}|layername=kommuner",
        "AREA_ID_FIELD": "kommunekode",
        "AREA_NAME_FIELD": "kommune",
    }
    run_alg(
        "sundplan:gp_density",
        {
            "PRACTICES": f"{gpkg}|layername=gp_practices",
            "CAPACITY_FIELD": "n_gps",
            "GROUPING": 0,
            "SHORTAGE_THRESHOLD": 1700,
            "AREA_OUTPUT": tmp_path / "gp.gpkg",
            **temporary("GROUP_OUTPUT", "SUMMARY", "LORENZ", "REPORT"),
            **areas,
        },
    )
    run_alg(
        "sundplan:fca_access",
        {
            "PRACTICES": f"{gpkg}|layername=gp_practices",
            "CAPACITY_FIELD": "n_gps",
            "POPULATION_RASTER": outputs["sample"] / "population.tif",
            "METHOD": 0,
            "THRESHOLD_MIN": 15,
            "STRAIGHT_LINE": True,
            "ACCESS_POINTS": tmp_path / "fca.gpkg",
            "AREA_ACCESS": tmp_path / "fca_areas.gpkg",
            **temporary("PRACTICE_RATIO", "REPORT"),
            **areas,
        },
    )
    run_alg(
        "sundplan:specialist_gaps",
        {
            "PRACTICES": f"{gpkg}|layername=specialists",
            "SPECIALTY_FIELD": "specialty",
            "CAPACITY_FIELD": "capacity",
            "UNDER_RATIO": 0.9,
            "OVER_RATIO": 1.1,
            "OUTPUT": tmp_path / "gaps.gpkg",
            **temporary("SUMMARY", "RELOCATIONS", "ACCESS", "REPORT"),
            **areas,
        },
    )
    pages = {
        "gp": (
            tmp_path / "gp.gpkg",
            [
                "Lægedækning i almen praksis: borgere pr. læge",
                "Lægedækning pr. område",
                "1.700",
                "LABY27",
                "Borgere pr. læge",
            ],
        ),
        "fca": (
            tmp_path / "fca.gpkg",
            [
                "Tilgængelighed til almen praksis",
                "Tilgængelighed pr. bopæl (2SFCA)",
                "2SFCA, læger pr. 10.000 borgere inden for 15 min",
                "omvejsfaktor 1,4",
                "Gns. læger pr. 10.000",  # the run's per-area table
            ],
        ),
        "gaps": (
            f"{tmp_path / 'gaps.gpkg'}|subset=\"specialty\" = 'Dermato-venerologi'",
            [
                "Speciallægedækning mod behov: Dermato-venerologi",
                "Dækning pr. område (Dermato-venerologi)",
                "(dagens kapacitet)",
                "underdækket < 0,9, overdækket > 1,1",
                "Behovsbaseret andel",
            ],
        ),
    }
    for name, (layer, words) in pages.items():
        pdf = tmp_path / f"{name}.pdf"
        run_alg(
            "sundplan:map_report",
            {"LAYER": layer, "BACKDROP": f"{gpkg}|layername=kommuner", "OUTPUT": pdf},
        )
        folder = tmp_path / f"img_{name}"
        folder.mkdir()
        (image,) = pages_as_images(pdf, folder)
        assert (image < 240).any(axis=2).mean() > 0.10, name
        text = pdf_text(pdf)
        for word in words:
            assert word in text, (name, word, text[:600])
        assert "Kort " not in text[:20] and "Lavet med sundplan" not in text, name


# --------------------------------------------------------------------------- not reached
def not_reached_by_area(areas_gpkg: Path) -> dict[str, tuple[float, float]]:
    """(not reached, residents) per area_name, read with GDAL from the catchments' table."""
    from osgeo import ogr

    dataset = ogr.Open(str(areas_gpkg))
    out = {}
    for feature in dataset.GetLayer(0):
        out[feature.GetField("area_name")] = (
            feature.GetField("pop_unsnapped") + feature.GetField("pop_unreachable"),
            feature.GetField("population"),
        )
    dataset = None
    return out


def figure(not_reached: float, residents: float, language: str) -> str:
    """ "Ikke nået: 3.612 (3,4 %)" / "Not reached: 3,612 (3.4 %)", formatted by hand."""
    count, percent = f"{round(not_reached):,}", f"{100 * not_reached / residents:.1f}"
    if language == "da":
        return f"Ikke nået: {count.replace(',', '.')} ({percent.replace('.', ',')} %)"
    return f"Not reached: {count} ({percent} %)"


def test_every_page_shows_the_residents_not_reached(run_alg, outputs, tmp_path):
    """Atlas per kommune (Danish) and the national page (English) of the travel-time raster:
    the key figure of each page equals the catchments' own per-area counts, summed by hand;
    the run report records what was printed."""
    import json

    gpkg = outputs["gpkg"]
    counts = not_reached_by_area(outputs["out"] / "areas.gpkg")
    assert sum(n for n, _p in counts.values()) > 0  # the sample has residents far from roads
    pdf, report = tmp_path / "atlas.pdf", tmp_path / "atlas.json"
    run_alg(
        "sundplan:map_report",
        {
            "LAYER": outputs["out"] / "tt.tif",
            "ATLAS_LAYER": f"{gpkg}|layername=kommuner",
            "ATLAS_NAME_FIELD": "kommune",
            "OUTPUT": pdf,
            "REPORT": report,
        },
    )
    for number, name in enumerate(sorted(counts), start=1):
        text = " ".join(
            subprocess.run(
                ["pdftotext", "-f", str(number), "-l", str(number), str(pdf), "-"],
                capture_output=True,
                text=True,
            ).stdout.split()
        )
        assert f"– {name}" in text
        assert figure(*counts[name], "da") in text, (name, text[:300])
        assert "af nåede indbyggere" in text and "Ikke nået (ingen rejsetid)" in text
    printed = json.loads(report.read_text("utf-8"))["coverage"]["printed"]
    assert {p["page"]: p["text"] for p in printed} == {
        name: figure(*counts[name], "da") for name in counts
    }
    national = tmp_path / "national.pdf"
    run_alg(
        "sundplan:map_report",
        {
            "LAYER": outputs["out"] / "bands.gpkg",
            "BACKDROP": f"{gpkg}|layername=kommuner",
            "LANGUAGE": 1,
            "OUTPUT": national,
        },
    )
    total = tuple(sum(v) for v in zip(*counts.values(), strict=True))
    text = pdf_text(national)
    assert figure(*total, "en") in text and "of reached residents" in text
    assert "Not reached (no travel time)" in text


def test_missing_atlas_name_field_is_a_message_not_a_traceback(qgis_process_env, outputs, tmp_path):
    gpkg = outputs["gpkg"]
    pdf = tmp_path / "atlas.pdf"
    _data, proc = run_qgis_process(
        qgis_process_env,
        "sundplan:map_report",
        {
            "LAYER": outputs["out"] / "bands.gpkg",
            "ATLAS_LAYER": f"{gpkg}|layername=kommuner",
            "ATLAS_NAME_FIELD": "kommunenavn",
            "OUTPUT": pdf,
        },
        check=False,
    )
    output = proc.stderr + proc.stdout
    assert proc.returncode != 0
    assert "Traceback" not in output
    for word in ("ATLAS_NAME_FIELD", "'kommunenavn'", "'kommuner'", "kommunekode, kommune"):
        assert word in output, (word, output[-2000:])
    assert not pdf.exists() and not list(tmp_path.glob("*.part"))
