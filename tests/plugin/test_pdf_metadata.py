"""``sundplan:map_report``: the PDF's document information (pdfinfo) and its file mode."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from .test_layouts import areas, run_report  # noqa: F401 (areas is a fixture)

REPO_DIR = Path(__file__).resolve().parents[2]
needs_pdfinfo = pytest.mark.skipif(
    shutil.which("pdfinfo") is None, reason="needs poppler-utils (pdfinfo)"
)


def pdf_info(path: Path) -> dict[str, str]:
    """pdfinfo's fields (UTF-8), e.g. ``{"Title": ..., "Creator": ...}``."""
    out = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in out.splitlines())
        if key.strip()
    }


def xmp_values(path: Path) -> dict[str, list[str]]:
    """dc:title / dc:description / dc:creator and xmp:CreatorTool of the PDF's XMP packet."""
    import xml.etree.ElementTree as ET

    out = subprocess.run(
        ["pdfinfo", "-meta", str(path)], capture_output=True, text=True, check=True
    ).stdout
    packet = out[out.index("<x:xmpmeta") : out.index("</x:xmpmeta>") + len("</x:xmpmeta>")]
    root = ET.fromstring(packet)
    dc, rdf = "{http://purl.org/dc/elements/1.1/}", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
    values = {
        tag: [li.text or "" for node in root.iter(dc + tag) for li in node.iter(rdf + "li")]
        for tag in ("title", "description", "creator")
    }
    values["CreatorTool"] = [
        v for node in root.iter() for k, v in node.attrib.items() if k.endswith("}CreatorTool")
    ]
    return values


def plugin_version() -> str:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(REPO_DIR / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


@pytest.fixture
def umask():
    """Set the process umask for one test; restore it afterwards."""
    before = os.umask(0o022)
    os.umask(before)

    def _set(value: int) -> None:
        os.umask(value)

    yield _set
    os.umask(before)


@needs_pdfinfo
def test_single_page_has_title_subject_author_and_creator(sundplan_provider, areas, tmp_path):  # noqa: F811
    out = tmp_path / "rejsetid.pdf"
    run_report(
        {
            "LAYER": areas["summary"],
            "BACKDROP": areas["kommuner"],
            "TITLE": "Rejsetid til akutsygehus – Østby",
            "ORGANISATION": "Region Test",
            "OUTPUT": str(out),
        }
    )
    info = pdf_info(out)
    assert info["Title"] == "Rejsetid til akutsygehus – Østby"
    assert info["Author"] == "Region Test"
    assert info["Creator"] == f"Sundplan {plugin_version()}"
    assert info["Subject"]  # the page's subtitle
    assert info["Pages"] == "1"
    assert "QGIS" in info["Producer"]
    xmp = xmp_values(out)  # the XMP copy says the same (readers may show it instead)
    assert xmp["title"] == ["Rejsetid til akutsygehus – Østby"]
    assert xmp["creator"] == ["Region Test"]
    assert xmp["description"] == [info["Subject"]]
    assert xmp["CreatorTool"] == [f"Sundplan {plugin_version()}"]


@needs_pdfinfo
def test_atlas_title_has_no_page_expression_and_no_empty_author(
    sundplan_provider,
    areas,  # noqa: F811
    tmp_path,
):
    out = tmp_path / "atlas.pdf"
    run_report(
        {
            "LAYER": areas["summary"],
            "ATLAS_LAYER": areas["kommuner"],
            "ATLAS_NAME_FIELD": "kommune",
            "TITLE": "Rejsetid pr. kommune",
            "OUTPUT": str(out),
        }
    )
    info = pdf_info(out)
    assert info["Pages"] == "3"
    assert info["Title"] == "Rejsetid pr. kommune"
    assert info["Creator"] == f"Sundplan {plugin_version()}"
    assert not info.get("Author")  # no ORGANISATION: left out
    xmp = xmp_values(out)
    assert xmp["title"] == ["Rejsetid pr. kommune"]
    assert xmp["creator"] == []  # not the login name Qt puts there


@pytest.mark.parametrize("mask", [0o022, 0o027])
def test_pdf_and_report_file_modes_follow_the_umask(
    sundplan_provider,
    areas,  # noqa: F811
    tmp_path,
    umask,
    mask,
):
    umask(mask)
    out = tmp_path / "mode.pdf"
    report = tmp_path / "mode.json"
    run_report({"LAYER": areas["summary"], "OUTPUT": str(out), "REPORT": str(report)})
    for written in (out, report, report.with_suffix(".txt")):  # the run report too
        assert stat.S_IMODE(written.stat().st_mode) == 0o666 & ~mask, written.name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mode.json", "mode.pdf", "mode.txt"]


def test_nothing_but_the_pdf_is_left_in_the_folder(sundplan_provider, areas, tmp_path):  # noqa: F811
    """GDAL updates the PDF in place: no .aux.xml side-car, no .part file."""
    out = tmp_path / "only.pdf"
    run_report({"LAYER": areas["summary"], "ORGANISATION": "Region Test", "OUTPUT": str(out)})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["only.pdf"]
