"""Print layout templates and ``sundplan:map_report`` (headless, in-process).

The PDFs are checked as a reader would: page count (pdfinfo), pages turned into images
(pdftoppm) are not blank (share of non-white pixels and number of distinct colours), the
summary table of each atlas page holds that page's area, and bad inputs give messages and
leave no PDF behind.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsPrintLayout, QgsProject, QgsReadWriteContext
from qgis.PyQt.QtXml import QDomDocument

REPO_DIR = Path(__file__).resolve().parents[2]
LAYOUTS_DIR = REPO_DIR / "resources" / "layouts"
STYLES_DIR = REPO_DIR / "resources" / "styles"
TEMPLATES = sorted(LAYOUTS_DIR.glob("*.qpt"))
ITEM_IDS = {
    "title",
    "subtitle",
    "organisation",
    "logo",
    "header_rule",
    "map",
    "north_arrow",
    "scalebar",
    "overview_map",
    "legend",
    "summary_title",
    "summary_table",
    "summary_note",
    "method_note",
    "sources",
    "date",
    "page_number",
    "not_reached",
}
needs_poppler = pytest.mark.skipif(
    shutil.which("pdfinfo") is None or shutil.which("pdftoppm") is None,
    reason="needs poppler-utils (pdfinfo, pdftoppm)",
)


# --------------------------------------------------------------------------- PDF helpers
def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in out.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def page_images(path: Path, tmp_path: Path, dpi: int = 30) -> list[np.ndarray]:
    """Every page as an RGB array (pdftoppm -> binary PPM, parsed with numpy)."""
    prefix = tmp_path / f"{path.stem}_page"
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), str(path), str(prefix)], capture_output=True, check=True
    )
    images = []
    for ppm in sorted(tmp_path.glob(f"{prefix.name}*.ppm")):
        data = ppm.read_bytes()
        parts = data.split(maxsplit=4)  # P6, width, height, maxval, pixels
        assert parts[0] == b"P6"
        width, height = int(parts[1]), int(parts[2])
        pixels = np.frombuffer(parts[4][: width * height * 3], dtype=np.uint8)
        images.append(pixels.reshape(height, width, 3))
    return images


def assert_not_blank(image: np.ndarray) -> None:
    """A printed map page: enough ink and many colours (not a white or one-colour page)."""
    non_white = (image < 240).any(axis=2).mean()
    colours = len(np.unique(image.reshape(-1, 3) // 8, axis=0))
    assert non_white > 0.05, f"only {non_white:.1%} of the page is not white"
    assert colours > 20, f"only {colours} distinct colours"


# --------------------------------------------------------------------------- test data
def _square(x: float, y: float, size: float) -> str:
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


def write_gpkg(path: Path, layer: str, fields: dict[str, str], rows: list[dict]) -> str:
    """A polygon GeoPackage layer in EPSG:25832; ``rows`` have a ``wkt`` key."""
    from osgeo import ogr, osr

    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    lyr = ds.CreateLayer(layer, srs, ogr.wkbMultiPolygon)
    kinds = {"str": ogr.OFTString, "int": ogr.OFTInteger64, "real": ogr.OFTReal}
    for name, kind in fields.items():
        lyr.CreateField(ogr.FieldDefn(name, kinds[kind]))
    for row in rows:
        feature = ogr.Feature(lyr.GetLayerDefn())
        for name in fields:
            if row[name] is None:
                feature.SetFieldNull(name)
            else:
                feature.SetField(name, row[name])
        geom = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkt(row["wkt"]))
        feature.SetGeometry(geom)
        lyr.CreateFeature(feature)
    ds = None
    return f"{path}|layername={layer}"


NAMES = ["Nordby", "Sydby", "Østby"]


@pytest.fixture(scope="module")
def areas(tmp_path_factory) -> dict[str, str]:
    """Three 10 km kommuner and an area summary for them (like sundplan:catchments writes)."""
    folder = tmp_path_factory.mktemp("areas")
    squares = [_square(500_000 + 10_000 * i, 6_200_000, 10_000) for i in range(3)]
    kommuner = write_gpkg(
        folder / "kommuner.gpkg",
        "kommuner",
        {"kommune": "str"},
        [{"kommune": n, "wkt": w} for n, w in zip(NAMES, squares, strict=True)],
    )
    summary_rows = [
        {
            "area_name": n,
            "population": 1000 * (i + 1),
            "mean_min": 10.0 + 12 * i,
            "p90_min": 15.0 + 14 * i,
            "max_min": 20.0 + 20 * i,
            "share_over_30_min": 0.1 * i,
            "main_hospital": f"{n} Sygehus",
            "wkt": w,
        }
        for i, (n, w) in enumerate(zip(NAMES, squares, strict=True))
    ]
    summary = write_gpkg(
        folder / "area_summary.gpkg",
        "area_summary",
        {
            "area_name": "str",
            "population": "real",
            "mean_min": "real",
            "p90_min": "real",
            "max_min": "real",
            "share_over_30_min": "real",
            "main_hospital": "str",
        },
        summary_rows,
    )
    empty = write_gpkg(folder / "empty.gpkg", "empty", {"kommune": "str"}, [])
    return {"kommuner": kommuner, "summary": summary, "empty": empty, "folder": str(folder)}


# --------------------------------------------------------------------------- templates
def test_there_are_four_templates():
    names = {p.stem for p in TEMPLATES}
    assert names == {
        "sundplan_a4_landscape",
        "sundplan_a4_portrait",
        "sundplan_a3_landscape",
        "sundplan_a3_portrait",
    }


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_template_loads_with_every_item(qgis_app, path):
    project = QgsProject()
    layout = QgsPrintLayout(project)
    document = QDomDocument()
    assert document.setContent(path.read_text("utf-8"))
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    assert ok
    ids = {item.id() for item in layout.items() if hasattr(item, "id") and item.id()}
    assert ITEM_IDS <= ids, f"missing: {sorted(ITEM_IDS - ids)}"
    page = layout.pageCollection().page(0)
    width, height = page.pageSize().width(), page.pageSize().height()
    paper = {(210, 297): "a4", (297, 420): "a3"}[tuple(sorted((round(width), round(height))))]
    orientation = "landscape" if width > height else "portrait"
    assert path.stem == f"sundplan_{paper}_{orientation}"
    # every item lies on the page
    for item in layout.items():
        if hasattr(item, "id") and item.id() in ITEM_IDS:
            rect = item.sceneBoundingRect()
            assert rect.left() >= -0.5 and rect.top() >= -0.5, item.id()
            assert rect.right() <= width + 0.5 and rect.bottom() <= height + 0.5, item.id()
    north = next(i for i in layout.items() if hasattr(i, "id") and i.id() == "north_arrow")
    assert Path(north.evaluatedPath()).is_file()


def test_generator_reproduces_the_templates(qgis_app, tmp_path, monkeypatch):
    """make_layouts.py is the source of the .qpt files: regenerated, they have the same items."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_layouts", LAYOUTS_DIR / "make_layouts.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look the module up
    spec.loader.exec_module(module)
    written = module.write_templates(tmp_path)
    assert {p.name for p in written} == {p.name for p in TEMPLATES}
    assert set(module.ITEM_IDS) == ITEM_IDS


# --------------------------------------------------------------------------- map_report
def run_report(params: dict):
    import processing

    return processing.run("sundplan:map_report", params)


@needs_poppler
def test_single_page_report(sundplan_provider, areas, tmp_path):
    out = tmp_path / "report.pdf"
    result = run_report(
        {
            "LAYER": areas["summary"],
            "BACKDROP": areas["kommuner"],
            "SUMMARY": areas["summary"],
            "STYLE": str(STYLES_DIR / "area_summary.qml"),
            "ORGANISATION": "Region Test",
            "OUTPUT": str(out),
        }
    )
    assert result["OUTPUT"] == str(out) and result["PAGES"] == 1
    assert pdf_pages(out) == 1
    (image,) = page_images(out, tmp_path)
    assert image.shape[1] > image.shape[0]  # A4 landscape by default
    assert_not_blank(image)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    for word in ("Signaturforklaring", "Metode", "Kilder", "Dato", "Region Test", "Sydby"):
        assert word in text, word
    assert not list(tmp_path.glob("*.part"))


@needs_poppler
@pytest.mark.parametrize("template", [1, 3])
def test_atlas_has_one_page_per_area(sundplan_provider, areas, tmp_path, template):
    out = tmp_path / "atlas.pdf"
    result = run_report(
        {
            "LAYER": areas["summary"],
            "ATLAS_LAYER": areas["kommuner"],
            "ATLAS_NAME_FIELD": "kommune",
            "SUMMARY": areas["summary"],
            "TEMPLATE": template,
            "LANGUAGE": 1,
            "OUTPUT": str(out),
        }
    )
    assert result["PAGES"] == 3
    assert pdf_pages(out) == 3
    images = page_images(out, tmp_path)
    assert len(images) == 3
    for image in images:
        assert image.shape[0] > image.shape[1]  # portrait
        assert_not_blank(image)
    # each page: its own area's key figures, English words
    for number, name in enumerate(sorted(NAMES), start=1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), str(out), "-"],
            capture_output=True,
            text=True,
        ).stdout
        assert f"– {name}" in text  # title with the page's name
        assert f"Page {number} of 3" in text
        assert "Legend" in text and "Residents" in text  # ("fi" may come out as a ligature)
        assert f"{name} Sygehus" in text
        others = [n for n in NAMES if n != name]
        assert not any(f"{n} Sygehus" in text for n in others)


def test_style_needing_a_missing_field_is_refused(sundplan_provider, areas, tmp_path):
    from qgis.core import QgsProcessingException

    out = tmp_path / "bad.pdf"
    with pytest.raises(QgsProcessingException) as err:
        run_report(
            {
                "LAYER": areas["kommuner"],
                "STYLE": str(STYLES_DIR / "area_summary.qml"),
                "OUTPUT": str(out),
            }
        )
    message = str(err.value)
    assert "mean_min" in message and "kommuner" in message and "STYLE" in message
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_empty_atlas_coverage_is_refused(sundplan_provider, areas, tmp_path):
    from qgis.core import QgsProcessingException

    out = tmp_path / "empty.pdf"
    with pytest.raises(QgsProcessingException) as err:
        run_report({"LAYER": areas["summary"], "ATLAS_LAYER": areas["empty"], "OUTPUT": str(out)})
    assert "no features" in str(err.value) and "empty" in str(err.value)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_unwritable_path_is_refused(sundplan_provider, areas, tmp_path):
    from qgis.core import QgsProcessingException

    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    out = blocker / "report.pdf"
    with pytest.raises(QgsProcessingException) as err:
        run_report({"LAYER": areas["summary"], "OUTPUT": str(out)})
    assert "cannot be written" in str(err.value) and str(out) in str(err.value)
    assert not out.exists()


def test_failed_export_leaves_the_previous_pdf_and_no_part_file(
    sundplan_provider, areas, tmp_path, monkeypatch
):
    """The PDF is written to a temporary file and renamed only on success."""
    from qgis.core import QgsLayoutExporter, QgsProcessingException
    from sundplan.processing.map_report import atlas

    out = tmp_path / "keep.pdf"
    out.write_bytes(b"%PDF-previous")

    class FailingExporter(QgsLayoutExporter):
        def exportToPdf(self, *args, **kwargs):  # noqa: N802
            Path(args[0]).write_bytes(b"%PDF-half")
            return QgsLayoutExporter.ExportResult.FileError

    monkeypatch.setattr(atlas, "QgsLayoutExporter", FailingExporter)
    with pytest.raises(QgsProcessingException) as err:
        run_report({"LAYER": areas["summary"], "OUTPUT": str(out)})
    assert "Could not write the PDF" in str(err.value)
    assert out.read_bytes() == b"%PDF-previous"
    assert not list(tmp_path.glob("*.part"))


def test_summary_table_without_atlas_shows_the_longest_times_when_full(
    sundplan_provider, areas, qgis_app
):
    """Unit check of the filler's row limit: rows that do not fit are dropped, noted."""
    from qgis.core import QgsLayoutFrame, QgsVectorLayer
    from sundplan.processing.map_report.layout import load_template
    from sundplan.processing.map_report.summary import SummaryFiller

    project = QgsProject()
    layout = load_template(project, LAYOUTS_DIR / "sundplan_a4_portrait.qpt", None)
    items = {i.id(): i for i in layout.items() if hasattr(i, "id") and i.id()}
    frame = items["summary_table"]
    assert isinstance(frame, QgsLayoutFrame)
    layer = QgsVectorLayer(areas["summary"], "s", "ogr")
    filler = SummaryFiller(
        frame.multiFrame(),
        frame,
        items["summary_note"],
        items["summary_title"],
        layer,
        ["area_name", "mean_min"],
        "da",
        layer.crs(),
        project,
    )
    filler.frame_height = 8.0  # room for the header and one row only
    filler.show_all()
    contents = frame.multiFrame().contents()
    assert len(contents) < 3
    assert contents[0][0] == "Østby"  # longest mean travel time first
    assert "af 3 områder" in items["summary_note"].text()


# --------------------------------------------------------------------------- newer outputs
def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True)
    return " ".join(out.stdout.split())  # one line: labels wrap anywhere


def _with_provenance(uri: str, provenance: dict) -> str:
    """Store ``provenance`` in the GeoPackage layer's metadata, as the algorithms do."""
    import json

    from sundplan.processing._postprocess import _persist_in_file

    _persist_in_file(uri, None, json.dumps(provenance), "sundplan output", None)
    return uri


@pytest.fixture(scope="module")
def newer_outputs(areas) -> dict[str, str]:
    """Small GP density and specialist gap outputs (fields and provenance as written)."""
    folder = Path(areas["folder"])
    squares = [_square(500_000 + 10_000 * i, 6_200_000, 10_000) for i in range(3)]
    gp_rows = [
        {
            "area_name": n,
            "population": 10_000.0 * (i + 1),
            "need_population": 10_500.0 * (i + 1),
            "gp_capacity": 8.0 - 2 * i,
            "inhabitants_per_gp": 10_000.0 * (i + 1) / (8.0 - 2 * i),
            "need_inhabitants_per_gp": 10_500.0 * (i + 1) / (8.0 - 2 * i),
            "shortage": int(10_500.0 * (i + 1) / (8.0 - 2 * i) > 1600),
            "wkt": w,
        }
        for i, (n, w) in enumerate(zip(NAMES, squares, strict=True))
    ]
    gp = write_gpkg(
        folder / "gp_density.gpkg",
        "gp_density",
        {k: "str" if k == "area_name" else "int" if k == "shortage" else "real" for k in gp_rows[0]}
        | {"wkt": "str"},
        gp_rows,
    )
    _with_provenance(
        gp,
        {
            "algorithm": "sundplan:gp_density",
            "parameters": {"NEED_WEIGHTS": "default", "SHORTAGE_THRESHOLD": 1600.0},
            "versions": {"sundplan": "0.1.0"},
        },
    )
    gap_rows = []
    for specialty, capacities in (("Reumatologi", (3.0, 0.0, 1.0)), ("Psykiatri", (1, 1, 1))):
        for i, (n, w) in enumerate(zip(NAMES, squares, strict=True)):
            fair = sum(capacities) / 3 * (0.8 + 0.2 * i)
            ratio = capacities[i] / fair
            gap_rows.append(
                {
                    "area_name": n,
                    "specialty": specialty,
                    "capacity": float(capacities[i]),
                    "fair_share": fair,
                    "gap": capacities[i] - fair,
                    "ratio": ratio,
                    "class": "under-supplied"
                    if ratio < 0.8
                    else "over-supplied"
                    if ratio > 1.25
                    else "balanced",
                    "wkt": w,
                }
            )
    gaps = write_gpkg(
        folder / "specialist_gaps.gpkg",
        "specialist_gaps",
        {
            "area_name": "str",
            "specialty": "str",
            "capacity": "real",
            "fair_share": "real",
            "gap": "real",
            "ratio": "real",
            "class": "str",
        },
        gap_rows,
    )
    _with_provenance(
        gaps,
        {
            "algorithm": "sundplan:specialist_gaps",
            "parameters": {"NEED_WEIGHTS": "default", "UNDER_RATIO": 0.8, "OVER_RATIO": 1.25},
        },
    )
    return {"gp_density": gp, "specialist_gaps": gaps}


@needs_poppler
def test_gp_density_page_has_its_own_texts_and_table(
    sundplan_provider, areas, newer_outputs, tmp_path
):
    out = tmp_path / "gp.pdf"
    run_report(
        {
            "LAYER": newer_outputs["gp_density"],
            "BACKDROP": areas["kommuner"],
            "OUTPUT": str(out),
        }
    )
    (image,) = page_images(out, tmp_path)
    assert_not_blank(image)
    text = pdf_text(out)
    assert "Lægedækning i almen praksis: borgere pr. læge" in text
    assert "Lægedækning pr. område" in text  # legend name, not "gp_density"
    assert "gp_density" not in text and "Lavet med sundplan" not in text
    assert "LABY27" in text and "1.600" in text and "standardvægte" in text
    # the layer is its own summary table: residents per GP per area
    assert "Borgere pr. læge" in text and "Nordby" in text and "1.250" in text


@needs_poppler
def test_specialist_gaps_page_names_the_specialty_in_english(
    sundplan_provider, areas, newer_outputs, tmp_path
):
    out = tmp_path / "gaps.pdf"
    run_report(
        {
            "LAYER": newer_outputs["specialist_gaps"] + "|subset=\"specialty\" = 'Reumatologi'",
            "BACKDROP": areas["kommuner"],
            "TEMPLATE": 1,
            "LANGUAGE": 1,
            "OUTPUT": str(out),
        }
    )
    (image,) = page_images(out, tmp_path)
    assert_not_blank(image)
    text = pdf_text(out)
    assert "Specialist coverage against need: Reumatologi" in text
    assert "Coverage per area (Reumatologi)" in text
    assert "reference total 4 (today's capacity)" in text
    assert "under-supplied below 0.8" in text
    assert "Psykiatri" not in text  # only the filtered specialty in the table
    assert "Ratio" in text and "Gap" in text


@needs_poppler
def test_atlas_of_specialist_gaps_with_the_overview_beside_the_map(
    sundplan_provider, areas, newer_outputs, tmp_path
):
    out = tmp_path / "gaps_atlas.pdf"
    result = run_report(
        {
            "LAYER": newer_outputs["specialist_gaps"] + "|subset=\"specialty\" = 'Psykiatri'",
            "ATLAS_LAYER": areas["kommuner"],
            "ATLAS_NAME_FIELD": "kommune",
            "OUTPUT": str(out),
        }
    )
    assert result["PAGES"] == 3
    for number, image in enumerate(page_images(out, tmp_path), start=1):
        assert_not_blank(image)
        assert "Speciallægedækning mod behov: Psykiatri" in pdf_text(out, number)


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_overview_inset_does_not_cover_the_map(qgis_app, path):
    """The atlas overview sits beside the map (labels of the main map stay readable)."""
    project = QgsProject()
    layout = QgsPrintLayout(project)
    document = QDomDocument()
    assert document.setContent(path.read_text("utf-8"))
    layout.loadFromTemplate(document, QgsReadWriteContext())
    items = {i.id(): i for i in layout.items() if hasattr(i, "id") and i.id()}
    overview = items["overview_map"].sceneBoundingRect()
    for other in ("map", "legend", "summary_table", "summary_note", "method_note"):
        overlap = overview.intersected(items[other].sceneBoundingRect())
        assert overlap.width() < 0.5 or overlap.height() < 0.5, other


# --------------------------------------------------------------------------- not reached
# Three areas with residents the run could not place (unsnapped) or reach (unreachable); the
# first is like Læsø on the main-road network: 1,764 residents, 57 % not reached.
COVERAGE = {
    "Nordby": (1764.0, 950.0, 55.0),
    "Sydby": (12345.0, 100.0, 23.0),
    "Østby": (250000.0, 0.0, 0.0),
}


def _summary_with_counts(folder: Path, name: str, *, share: bool, unreachable: bool = True):
    squares = [_square(500_000 + 10_000 * i, 6_200_000, 10_000) for i in range(3)]
    fields = {"area_id": "str", "area_name": "str", "population": "real", "mean_min": "real"}
    fields |= {"p90_min": "real", "pop_unsnapped": "real"}
    if unreachable:
        fields["pop_unreachable"] = "real"
    if share:
        fields["share_not_reached"] = "real"
    rows = []
    for i, (area, square) in enumerate(zip(NAMES, squares, strict=True)):
        population, unsnapped, unreached = COVERAGE[area]
        rows.append(
            {
                "area_id": f"90{i}",
                "area_name": area,
                "population": population,
                "mean_min": 10.0 + 5 * i,
                "p90_min": 20.0 + 5 * i,
                "pop_unsnapped": unsnapped,
                "pop_unreachable": unreached,
                "share_not_reached": (unsnapped + unreached) / population,
                "wkt": square,
            }
        )
    return write_gpkg(folder / f"{name}.gpkg", name, fields, rows)


def expected_figure(uri: str, names: list[str] | None, language: str) -> str:
    """The key figure computed independently: GDAL reads the table, plain Python sums and
    formats (Danish: 1.005 and 57,0 %; English: 1,005 and 57.0 %)."""
    from osgeo import ogr

    path, layer_name = uri.split("|layername=")
    dataset = ogr.Open(path)
    not_reached = population = 0.0
    for feature in dataset.GetLayerByName(layer_name):
        if names is None or feature.GetField("area_name") in names:
            not_reached += feature.GetField("pop_unsnapped") + feature.GetField("pop_unreachable")
            population += feature.GetField("population")
    dataset = None
    count = f"{round(not_reached):,}"
    percent = f"{100.0 * not_reached / population:.1f}"
    if language == "da":
        return f"Ikke nået: {count.replace(',', '.')} ({percent.replace('.', ',')} %)"
    return f"Not reached: {count} ({percent} %)"


@pytest.fixture(scope="module")
def coverage_tables(areas) -> dict[str, str]:
    folder = Path(areas["folder"])
    bands_rows = [
        {"band_id": 0, "band": "0–15", "from_min": 0.0, "to_min": 15.0, "population": 10.0},
        {"band_id": 1, "band": "15–30", "from_min": 15.0, "to_min": 30.0, "population": 5.0},
        {"band_id": -1, "band": "not reached", "from_min": None, "to_min": None, "population": 3.0},
    ]
    for row, x in zip(bands_rows, (500_000, 510_000, 520_000), strict=True):
        row["wkt"] = _square(x, 6_200_000, 10_000)
    bands = write_gpkg(
        folder / "bands_nr.gpkg",
        "bands_nr",
        {"band_id": "int", "band": "str", "from_min": "real", "to_min": "real"}
        | {"population": "real"},
        bands_rows,
    )
    return {
        "newer": _summary_with_counts(folder, "areas_newer", share=True),
        "older": _summary_with_counts(folder, "areas_older", share=False),
        "no_unreachable": _summary_with_counts(
            folder, "areas_partial", share=False, unreachable=False
        ),
        "bands": bands,
    }


@needs_poppler
@pytest.mark.parametrize("table", ["newer", "older"])
def test_single_page_shows_residents_not_reached_in_danish(
    sundplan_provider, areas, coverage_tables, tmp_path, table
):
    """National page: "Ikke nået: N (x %)" over all areas, the statistics "af nåede
    indbyggere"; the same with the share computed from the counts (older outputs)."""
    import json

    out, report = tmp_path / "page.pdf", tmp_path / "report.json"
    uri = coverage_tables[table]
    run_report(
        {
            "LAYER": uri,
            "BACKDROP": areas["kommuner"],
            "SUMMARY": uri,
            "STYLE": str(STYLES_DIR / "area_summary.qml"),
            "OUTPUT": str(out),
            "REPORT": str(report),
        }
    )
    text = pdf_text(out)
    figure = expected_figure(uri, None, "da")
    assert figure == "Ikke nået: 1.128 (0,4 %)"  # by hand: 950 + 55 + 100 + 23 of 264.109
    assert figure in text
    assert "af 264.109 indbyggere" in text and "af nåede indbyggere" in text
    assert "Andel ikke nået" in text  # the summary table has the share per area
    recorded = json.loads(report.read_text("utf-8"))["coverage"]
    assert recorded["not_reached"] == 1128 and recorded["total"] == 264109
    assert [p["text"] for p in recorded["printed"]] == [figure]


@needs_poppler
def test_atlas_page_shows_its_own_area_not_reached_in_english(
    sundplan_provider, areas, coverage_tables, tmp_path
):
    out, report = tmp_path / "atlas.pdf", tmp_path / "atlas.json"
    uri = coverage_tables["older"]
    run_report(
        {
            "LAYER": uri,
            "ATLAS_LAYER": areas["kommuner"],
            "ATLAS_NAME_FIELD": "kommune",
            "SUMMARY": uri,
            "STYLE": str(STYLES_DIR / "area_summary.qml"),
            "LANGUAGE": 1,
            "OUTPUT": str(out),
            "REPORT": str(report),
        }
    )
    import json

    for number, name in enumerate(sorted(NAMES), start=1):
        text = pdf_text(out, number)
        figure = expected_figure(uri, [name], "en")
        assert figure in text, (name, figure, text[:400])
        assert "of reached residents" in text
    assert expected_figure(uri, ["Nordby"], "en") == "Not reached: 1,005 (57.0 %)"
    printed = json.loads(report.read_text("utf-8"))["coverage"]["printed"]
    assert {p["page"]: p["not_reached"] for p in printed} == {
        "Nordby": 1005,
        "Sydby": 123,
        "Østby": 0,
    }


@needs_poppler
def test_a_missing_count_column_is_unknown_never_zero(
    sundplan_provider, areas, coverage_tables, tmp_path
):
    out = tmp_path / "partial.pdf"
    uri = coverage_tables["no_unreachable"]
    run_report(
        {
            "LAYER": uri,
            "BACKDROP": areas["kommuner"],
            "SUMMARY": uri,
            "STYLE": str(STYLES_DIR / "area_summary.qml"),
            "OUTPUT": str(out),
        }
    )
    text = pdf_text(out)
    assert "Ikke nået: ukendt" in text
    assert "Ikke nået: 0" not in text and "Ikke nået: 950" not in text


@needs_poppler
def test_band_map_has_a_not_reached_class(sundplan_provider, areas, coverage_tables, tmp_path):
    """Bands with an explicit "not reached" row: its class is hatched and named; the key
    figure comes from the summary table."""
    out = tmp_path / "bands.pdf"
    run_report(
        {
            "LAYER": coverage_tables["bands"],
            "BACKDROP": areas["kommuner"],
            "SUMMARY": coverage_tables["newer"],
            "OUTPUT": str(out),
        }
    )
    text = pdf_text(out)
    assert text.count("Ikke nået (ingen rejsetid)") == 1  # one legend class, not two
    assert expected_figure(coverage_tables["newer"], None, "da") in text
    (image,) = page_images(out, tmp_path, dpi=60)
    assert_not_blank(image)


@needs_poppler
def test_not_reached_class_is_added_to_bands_without_one(
    sundplan_provider, areas, coverage_tables, tmp_path
):
    """Older bands (no "not reached" row) over two of three kommuner: the report adds the
    hatched class, and the third kommune, which no band covers, is hatched, not blank."""
    folder = Path(areas["folder"])

    def bands(name: str, n: int) -> str:
        rows = [
            {"band_id": i, "band": "0–15", "from_min": 0.0, "to_min": 15.0, "population": 1.0}
            | {"wkt": _square(500_000 + 10_000 * i, 6_200_000, 10_000)}
            for i in range(n)
        ]
        return write_gpkg(
            folder / f"{name}.gpkg",
            name,
            {"band_id": "int", "band": "str", "from_min": "real", "to_min": "real"}
            | {"population": "real"},
            rows,
        )

    hatch_pixels = {}
    for name, n in (("bands_two", 2), ("bands_all", 3)):
        out = tmp_path / f"{name}.pdf"
        run_report(
            {
                "LAYER": bands(name, n),
                "BACKDROP": areas["kommuner"],
                "SUMMARY": coverage_tables["newer"],
                "OUTPUT": str(out),
            }
        )
        assert pdf_text(out).count("Ikke nået (ingen rejsetid)") == 1, name
        (image,) = page_images(out, tmp_path, dpi=60)
        hatch_pixels[name] = _hatch_pixels_on_the_map(image)
    # a whole kommune of hatch lines against thin outlines and labels only
    assert hatch_pixels["bands_two"] > 3 * max(hatch_pixels["bands_all"], 1), hatch_pixels


def _hatch_pixels_on_the_map(image: np.ndarray) -> int:
    """Neutral mid-grey pixels (the hatch) inside the map frame of the A4 landscape page."""
    project = QgsProject()
    layout = QgsPrintLayout(project)
    document = QDomDocument()
    document.setContent((LAYOUTS_DIR / "sundplan_a4_landscape.qpt").read_text("utf-8"))
    layout.loadFromTemplate(document, QgsReadWriteContext())
    rect = next(i for i in layout.items() if getattr(i, "id", lambda: "")() == "map")
    rect = rect.sceneBoundingRect()
    px = image.shape[1] / 297.0
    crop = image[
        int(rect.top() * px) + 2 : int(rect.bottom() * px) - 2,
        int(rect.left() * px) + 2 : int(rect.right() * px) - 2,
    ].astype(int)
    neutral = crop.max(axis=2) - crop.min(axis=2) < 8
    mid = (crop.mean(axis=2) > 90) & (crop.mean(axis=2) < 215)
    return int((neutral & mid).sum())


# --------------------------------------------------------------------------- bad parameters
@pytest.mark.parametrize(
    "params, words",
    [
        (
            {"ATLAS_NAME_FIELD": "kommunenavn"},
            ["ATLAS_NAME_FIELD", "kommunenavn", "kommuner", "kommune"],
        ),
        (
            {"POINTS": "KOMMUNER_CENTRES", "POINTS_LABEL_FIELD": "navn"},
            ["POINTS_LABEL_FIELD", "navn", "centres", "fields are: fid, kommune"],
        ),
        ({"BACKDROP": "/no/such/file.gpkg|layername=x"}, ["BACKDROP"]),
        ({"ATLAS_LAYER": "FILTER:bogus (("}, ["ATLAS_LAYER", "bogus ((", "not valid"]),
        ({"LAYER": "FILTER:\"kommune\" = 'Atlantis'"}, ["LAYER", "no features", "Atlantis"]),
        ({"STYLE": "/no/such/style.qml"}, ["STYLE", "/no/such/style.qml"]),
        (
            {"SUMMARY": "SUMMARY", "SUMMARY_FIELDS": ["area_name", "indbyggere"]},
            ["SUMMARY_FIELDS", "indbyggere", "area_summary", "population"],
        ),
    ],
    ids=[
        "atlas_field",
        "points_field",
        "missing_layer",
        "bad_filter",
        "empty_layer",
        "missing_style",
        "summary_fields",
    ],
)
def test_bad_parameters_are_named_in_the_message(sundplan_provider, areas, tmp_path, params, words):
    from qgis.core import QgsProcessingException

    out = tmp_path / "bad.pdf"
    given = {"LAYER": areas["summary"], "ATLAS_LAYER": areas["kommuner"], "OUTPUT": str(out)}
    for key, value in params.items():
        if value == "KOMMUNER_CENTRES":
            value = _centres(areas)
        elif value == "SUMMARY":
            value = areas["summary"]
        elif isinstance(value, str) and value.startswith("FILTER:"):
            value = f"{areas['kommuner']}|subset={value[7:]}"
        given[key] = value
    with pytest.raises(QgsProcessingException) as err:
        run_report(given)
    message = str(err.value)
    for word in words:
        assert word in message, (word, message)
    assert "Traceback" not in message
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def _centres(areas) -> str:
    from osgeo import ogr, osr

    path = Path(areas["folder"]) / "centres.gpkg"
    if not path.exists():
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(25832)
        lyr = ds.CreateLayer("centres", srs, ogr.wkbPoint)
        lyr.CreateField(ogr.FieldDefn("kommune", ogr.OFTString))
        feature = ogr.Feature(lyr.GetLayerDefn())
        feature.SetField("kommune", "Nordby")
        feature.SetGeometry(ogr.CreateGeometryFromWkt("POINT (505000 6205000)"))
        lyr.CreateFeature(feature)
        ds = None
    return f"{path}|layername=centres"


def test_report_and_pdf_on_one_path_are_refused(sundplan_provider, areas, tmp_path):
    from qgis.core import QgsProcessingException

    out = tmp_path / "same.pdf"
    with pytest.raises(QgsProcessingException) as err:
        run_report({"LAYER": areas["summary"], "OUTPUT": str(out), "REPORT": str(out)})
    # Refused before anything is computed: the base class names REPORT (a .pdf for the JSON).
    assert "REPORT" in str(err.value)
    assert not out.exists()


def test_output_and_report_names_must_fit_their_kind(sundplan_provider, areas, tmp_path):
    from qgis.core import QgsProcessingException

    cases = [
        ({"OUTPUT": str(tmp_path / "map.png")}, ["OUTPUT", ".pdf", "map.png"]),
        (
            {"OUTPUT": str(tmp_path / "map.pdf"), "REPORT": str(tmp_path / "report.txt")},
            ["REPORT", ".json", "report.txt"],
        ),
    ]
    for params, words in cases:
        with pytest.raises(QgsProcessingException) as err:
            run_report({"LAYER": areas["summary"], **params})
        for word in words:
            assert word in str(err.value), (word, str(err.value))
    assert not list(tmp_path.iterdir())  # nothing written
