"""Generate the bundled help pages ``resources/help/*.html`` from the algorithms themselves.

Run headless from the repository root (QGIS 3.40, PyQGIS, ``lrelease`` for the Danish pages)::

    PATH=/usr/bin:$PATH QT_QPA_PLATFORM=offscreen python3 resources/help/make_help.py
    PATH=/usr/bin:$PATH QT_QPA_PLATFORM=offscreen python3 resources/help/make_help.py --check

Edit the algorithms (``_help``, parameter descriptions, defaults) or this script, never the
``.html`` files, and re-run it; ``tests/plugin/test_help.py`` fails while a page is stale.
Every algorithm the provider lists (``processing/provider.py: ALGORITHMS``) gets a page:

* ``<tool>.html`` (English) and ``da/<tool>.html`` (Danish, from ``i18n/sundplan_da.ts``
  plus the translations waiting in ``i18n/pending/*.json``, compiled with ``lrelease``: the
  same help text, descriptions and option labels the Danish interface shows), plus an
  ``index.html`` per language;
* the page has the tool's help text, every parameter (name, description, type, default,
  options) and output, and for the routing tools (those with ``SPEED_TABLE``) the speed per
  road class: the km/h from ``sundplan_qgis.network.DEFAULT_SPEEDS_KMH``, the reasoning from
  the table in ``docs/speeds.md`` (shipped in the zip beside the help).

``processing/_help.py: help_url`` points each tool's Help button at its page.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import importlib
import importlib.util
import io
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HELP_DIR = Path(__file__).resolve().parent
REPO_DIR = HELP_DIR.parents[1]
TS_FILE = REPO_DIR / "i18n" / "sundplan_da.ts"
SPEEDS_MD = REPO_DIR / "docs" / "speeds.md"
PACKAGE = "sundplan"
LANGUAGES = ("en", "da")  # English pages at the top, the others in a folder per language

# Words of the page itself (not of the tools: those come from the translation).
WORDS = {
    "en": {
        "parameters": "Parameters",
        "outputs": "Outputs",
        "name": "Name",
        "description": "Description",
        "type": "Type",
        "default": "Default",
        "optional": "optional",
        "advanced": "advanced",
        "options": "Options",
        "field_of": "field of {parent}",
        "none": "–",
        "yes": "yes",
        "no": "no",
        "temporary": "temporary output",
        "profile": "<QGIS profile>",
        "command_line": "Command line",
        "other_language": "Dansk",
        "tools": "Sundplan tools",
        "speeds": "Speed per road class",
        "road_class": "Road class (OSM highway)",
        "kmh": "km/h",
        "reasoning": "Reasoning",
        "licence": "Sundplan is free software under the GPL-2.0-or-later licence.",
        "speed_intro": (
            "Travel time is the length of a road line ÷ its speed. The line's own speed (OSM "
            "<code>maxspeed</code> or the speed field, more than 0 and at most {max_kmh} km/h) "
            "comes first; otherwise the default of its road class in this table. "
            "<code>SPEED_TABLE</code> replaces the default for the classes it lists; a class "
            "without any speed stops the run with a message naming it."
        ),
        "speed_meaning": (
            "The defaults are free-flow car speeds at the legal limit that usually applies to "
            "the road class in Denmark (Færdselsloven § 42: 50 km/h in built-up areas, 80 "
            "outside, 80 on motortrafikvej, 130 on motorvej), not measured driving speeds, so "
            "travel times come out on the fast side. <code>REALISM_FACTOR</code> slows road "
            "travel (effective speed = speed × factor, e.g. 0.85); ferries are not affected."
        ),
        "speed_ferries": (
            "Ferries take their crossing time (OSM <code>duration</code> or "
            "<code>DURATION_FIELD</code>) when it is known, else their own speed or "
            "{ferry_kmh} km/h, plus <code>FERRY_BOARDING_MIN</code> (default {boarding_min} "
            "min) once per crossing; waiting for the next departure is not included."
        ),
        "speed_source": (
            'Legal basis and reasoning: <a href="{href}">docs/speeds.md</a> (shipped with '
            "the plugin)."
        ),
    },
    "da": {
        "parameters": "Parametre",
        "outputs": "Resultater",
        "name": "Navn",
        "description": "Beskrivelse",
        "type": "Type",
        "default": "Standardværdi",
        "optional": "valgfri",
        "advanced": "avanceret",
        "options": "Valgmuligheder",
        "field_of": "felt i {parent}",
        "none": "–",
        "yes": "ja",
        "no": "nej",
        "temporary": "midlertidigt resultat",
        "profile": "<QGIS-profil>",
        "command_line": "Kommandolinje",
        "other_language": "English",
        "tools": "Sundplan-værktøjer",
        "speeds": "Hastighed pr. vejklasse",
        "road_class": "Vejklasse (OSM highway)",
        "kmh": "km/t",
        "reasoning": "Begrundelse",
        "licence": "Sundplan er fri software under licensen GPL-2.0-or-later.",
        "speed_intro": (
            "Rejsetiden er en vejlinjes længde ÷ dens hastighed. Linjens egen hastighed (OSM "
            "<code>maxspeed</code> eller hastighedsfeltet, over 0 og højst {max_kmh} km/t) "
            "bruges først; ellers standardværdien for vejklassen i tabellen. "
            "<code>SPEED_TABLE</code> erstatter standardværdien for de klasser, den nævner; en "
            "klasse uden nogen hastighed stopper kørslen med en meddelelse, der nævner den."
        ),
        "speed_meaning": (
            "Standardværdierne er hastigheder for personbiler i fri trafik ved den fartgrænse, "
            "der normalt gælder for vejklassen i Danmark (færdselsloven § 42: 50 km/t i "
            "tættere bebygget område, 80 uden for, 80 på motortrafikvej, 130 på motorvej), "
            "ikke målte kørehastigheder, så rejsetiderne bliver i den korte ende. "
            "<code>REALISM_FACTOR</code> gør kørslen på vej langsommere (effektiv hastighed = "
            "hastighed × faktor, fx 0,85); færger påvirkes ikke."
        ),
        "speed_ferries": (
            "Færger får deres overfartstid (OSM <code>duration</code> eller "
            "<code>DURATION_FIELD</code>), når den kendes, ellers deres egen hastighed eller "
            "{ferry_kmh} km/t, plus <code>FERRY_BOARDING_MIN</code> (standard {boarding_min} "
            "min) én gang pr. overfart; ventetid på næste afgang er ikke med."
        ),
        "speed_source": (
            'Lovgrundlag og begrundelser (på engelsk): <a href="{href}">docs/speeds.md</a> '
            "(følger med pluginet)."
        ),
    },
}

# Danish reasoning per road class (the English one is read from docs/speeds.md).
REASONING_DA = {
    "motorway": (
        "Lovens maksimum er 130 (§ 42 stk. 2), men store dele af nettet er skiltet 110, og "
        "biler kører sjældent 130 i gennemsnit. 110 er et bevidst kompromis. Sæt 130 i "
        "tabellen for at bruge lovens maksimum."
    ),
    "motorway_link": "Ramper: kurver og fletning.",
    "trunk": "Motortrafikvej, generel grænse (§ 42 stk. 3).",
    "primary": "Mest i landzone (80) med strækninger gennem byer (50).",
    "secondary": "Blanding af landzone 80 og byzone 50, oftere byzone end primære veje.",
    "tertiary": "Ofte byzone (50) eller smalle veje i landzone.",
    "unclassified": "Mindre veje i landzone (80 efter loven, smalle i praksis) og små byveje (50).",
    "residential": "Byzonens grænse er 50, men 40 km/t-zoner er almindelige på boligveje.",
    "road": "Ukendt vejtype.",
    "living_street": "Opholds- og legeområde (E 51): gangtempo.",
    "service": "Adgangsveje, parkeringsbaner, hospitalsområder.",
    "ferry": "Marchhastighed, når en færge ikke har nogen <code>duration</code>.",
    "ferry_connector": (
        "De syntetiske havneforbindelser i <code>osm-roads-dk-2021</code>: en havnevej."
    ),
}

# Parameter and output types in words (fallback: QGIS's own type id).
TYPES = {
    "en": {
        "source": "vector layer",
        "vector": "vector layer",
        "raster": "raster layer",
        "layer": "map layer",
        "multilayer": "layers",
        "field": "field",
        "enum": "choice",
        "number": "number",
        "distance": "distance",
        "boolean": "yes/no",
        "string": "text",
        "expression": "expression",
        "file": "file",
        "folder": "folder",
        "extent": "extent",
        "crs": "CRS",
        "point": "point",
        "matrix": "table",
        "sink": "vector output",
        "vectorDestination": "vector output",
        "rasterDestination": "raster output",
        "fileDestination": "output file",
        "folderDestination": "output folder",
        "outputVector": "vector layer",
        "outputRaster": "raster layer",
        "outputLayer": "layer",
        "outputMultilayers": "layers",
        "outputString": "text",
        "outputNumber": "number",
        "outputBoolean": "yes/no",
        "outputFile": "file",
        "outputFolder": "folder",
        "outputHtml": "HTML file",
    },
    "da": {
        "source": "vektorlag",
        "vector": "vektorlag",
        "raster": "rasterlag",
        "layer": "kortlag",
        "multilayer": "lag",
        "field": "felt",
        "enum": "valg",
        "number": "tal",
        "distance": "afstand",
        "boolean": "ja/nej",
        "string": "tekst",
        "expression": "udtryk",
        "file": "fil",
        "folder": "mappe",
        "extent": "udstrækning",
        "crs": "koordinatsystem",
        "point": "punkt",
        "matrix": "tabel",
        "sink": "vektorresultat",
        "vectorDestination": "vektorresultat",
        "rasterDestination": "rasterresultat",
        "fileDestination": "resultatfil",
        "folderDestination": "resultatmappe",
        "outputVector": "vektorlag",
        "outputRaster": "rasterlag",
        "outputLayer": "lag",
        "outputMultilayers": "lag",
        "outputString": "tekst",
        "outputNumber": "tal",
        "outputBoolean": "ja/nej",
        "outputFile": "fil",
        "outputFolder": "mappe",
        "outputHtml": "HTML-fil",
    },
}

STYLE = (
    "body{font-family:sans-serif;max-width:60em;margin:1em auto;padding:0 1em;line-height:1.4}"
    "table{border-collapse:collapse;width:100%;margin:.5em 0}"
    "th,td{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0}td.num{text-align:right}code{font-size:90%}"
    ".muted{color:#555;font-size:90%}"
)
_KEPT_TAGS = {"b", "/b", "i", "/i", "br"}
_TAG_RE = re.compile(r"(<[^>]*>)")


# --------------------------------------------------------------------------- text helpers
def _esc(value) -> str:
    return html.escape(str(value), quote=False)


def rich_to_html(rich: str) -> str:
    """The Qt rich text of a short help as HTML paragraphs: ``<b>``, ``<i>`` and ``<br>``
    kept, every other character escaped; ``<br><br>`` separates paragraphs."""
    parts = []
    for token in _TAG_RE.split(rich):
        name = token[1:-1].strip().lower().rstrip("/").strip() if token.startswith("<") else None
        if name in _KEPT_TAGS:
            parts.append(f"<{name}>")
        else:
            parts.append(html.escape(html.unescape(token), quote=False))
    text = "".join(parts)
    paragraphs = [p.strip() for p in re.split(r"(?:<br>\s*){2,}", text) if p.strip()]
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


def number(value: float, language: str, *, grouping: bool = True) -> str:
    """A number as a reader of ``language`` writes it (decimal comma in Danish); thousands
    grouped unless ``grouping`` is False (counts, not ids such as a seed)."""
    value = float(value)
    if grouping and value.is_integer() and abs(value) >= 1000:
        text = f"{int(value):,}"  # thousands: 1,000 / 1.000
        return text.replace(",", ".") if language == "da" else text
    text = f"{value:g}"
    return text.replace(".", ",") if language == "da" else text


def markdown_inline(text: str) -> str:
    """The inline markdown of docs/speeds.md (``code``, **bold**) as HTML."""
    text = _esc(text)
    text = re.sub(r"`([^`]+)`", r"<code>\1</code>", text)
    return re.sub(r"\*\*([^*]+)\*\*", r"\1", text)


def speeds_reasoning(path: Path = SPEEDS_MD) -> dict[str, str]:
    """Road class -> reasoning (HTML) from the table of docs/speeds.md."""
    reasons = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[1].strip("*").replace(".", "").isdigit():
            reasons[cells[0].strip("`")] = markdown_inline(cells[2])
    return reasons


# --------------------------------------------------------------------------- page parts
def default_text(param, language: str) -> str:
    """The default of ``param`` as HTML, the way the dialog would show it."""
    from qgis.core import QgsApplication, QgsProcessing, QgsProcessingParameterNumber

    words = WORDS[language]
    value = param.defaultValue()
    kind = param.type()
    if value is None or value == "" or value == []:
        return words["none"]
    if kind == "enum":
        options = param.options()
        indices = value if isinstance(value, list) else [value]
        return _esc(" / ".join(options[int(i)] for i in indices))
    if kind == "boolean":
        return words["yes"] if value else words["no"]
    if kind in ("number", "distance"):
        integer = kind == "number" and param.dataType() == QgsProcessingParameterNumber.Integer
        return number(value, language, grouping=not integer)  # a seed is 2027, not 2,027
    if kind == "matrix":
        width = max(1, len(param.headers()))
        rows = [value[i : i + width] for i in range(0, len(value), width)]
        return "; ".join(
            " ".join(
                number(cell, language) if isinstance(cell, int | float) else _esc(cell)
                for cell in row
            )
            for row in rows
        )
    text = str(value)
    if text == QgsProcessing.TEMPORARY_OUTPUT:
        return words["temporary"]
    settings = QgsApplication.qgisSettingsDirPath().rstrip("/")
    if settings and text.startswith(settings):  # a machine path: name it, never print it
        return f"<code>{_esc(words['profile'] + text[len(settings) :])}</code>"
    return f"<code>{_esc(text)}</code>"


def type_text(kind: str, language: str, *, folder: bool = False) -> str:
    if folder and kind == "file":
        kind = "folder"
    return _esc(TYPES[language].get(kind, kind))


def parameter_rows(alg, language: str) -> list[str]:
    from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterFile

    words = WORDS[language]
    rows = []
    for param in alg.parameterDefinitions():
        flags = param.flags()
        if flags & QgsProcessingParameterDefinition.FlagHidden:
            continue
        notes = []
        if flags & QgsProcessingParameterDefinition.FlagOptional:
            notes.append(words["optional"])
        if flags & QgsProcessingParameterDefinition.FlagAdvanced:
            notes.append(words["advanced"])
        description = _esc(param.description())
        if notes:
            description += f' <span class="muted">({", ".join(notes)})</span>'
        if param.type() == "enum":
            options = " / ".join(_esc(o) for o in param.options())
            description += f"<br>{words['options']}: {options}"
        if param.type() == "field" and param.parentLayerParameterName():
            parent = words["field_of"].format(parent=param.parentLayerParameterName())
            description += f'<br><span class="muted">{_esc(parent)}</span>'
        folder = param.type() == "file" and param.behavior() == QgsProcessingParameterFile.Folder
        rows.append(
            f"<tr><td><code>{_esc(param.name())}</code></td><td>{description}</td>"
            f"<td>{type_text(param.type(), language, folder=folder)}</td>"
            f"<td>{default_text(param, language)}</td></tr>"
        )
    return rows


def output_rows(alg, language: str) -> list[str]:
    return [
        f"<tr><td><code>{_esc(out.name())}</code></td><td>{_esc(out.description())}</td>"
        f"<td>{type_text(out.type(), language)}</td></tr>"
        for out in alg.outputDefinitions()
    ]


def speed_section(language: str, *, docs_href: str) -> list[str]:
    """The speed table of the routing tools, numbers from the code, reasoning from the docs."""
    network = importlib.import_module(f"{PACKAGE}.sundplan_qgis.network")

    words = WORDS[language]
    english = speeds_reasoning()
    values = {
        "max_kmh": number(network.MAX_PLAUSIBLE_SPEED_KMH, language),
        "ferry_kmh": number(network.DEFAULT_FERRY_SPEED_KMH, language),
        "boarding_min": number(network.DEFAULT_FERRY_BOARDING_MIN, language),
        "href": docs_href,
    }
    lines = [f'<h2 id="speeds">{words["speeds"]}</h2>']
    lines += [f"<p>{words[key].format(**values)}</p>" for key in ("speed_intro", "speed_meaning")]
    lines.append(
        f"<table><tr><th>{_esc(words['road_class'])}</th><th>{words['kmh']}</th>"
        f"<th>{words['reasoning']}</th></tr>"
    )
    for road_class, kmh in network.DEFAULT_SPEEDS_KMH.items():
        reason = english.get(road_class, "")
        if language == "da":
            reason = REASONING_DA.get(road_class, reason)
        lines.append(
            f"<tr><td><code>{_esc(road_class)}</code></td>"
            f'<td class="num">{number(kmh, language)}</td><td>{reason}</td></tr>'
        )
    lines.append("</table>")
    lines += [f"<p>{words[key].format(**values)}</p>" for key in ("speed_ferries", "speed_source")]
    return lines


def page(alg, language: str) -> str:
    """The help page of one algorithm (an instance initialised in ``language``)."""
    words = WORDS[language]
    name = alg.name()
    up = "../" if language != "en" else ""
    other = f"../{name}.html" if language != "en" else f"da/{name}.html"
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{language}">',
        '<head><meta charset="utf-8">',
        f"<title>{_esc(alg.displayName())} – Sundplan</title>",
        f"<style>{STYLE}</style></head>",
        "<body>",
        f'<p class="muted"><a href="index.html">{words["tools"]}</a> · '
        f'<a href="{other}">{words["other_language"]}</a></p>',
        f"<h1>{_esc(alg.displayName())}</h1>",
        f'<p class="muted"><code>sundplan:{_esc(name)}</code> · {_esc(alg.group())}</p>',
        rich_to_html(alg.tr(alg._help)),
        f"<h2>{words['parameters']}</h2>",
        f"<table><tr><th>{words['name']}</th><th>{words['description']}</th>"
        f"<th>{words['type']}</th><th>{words['default']}</th></tr>",
        *parameter_rows(alg, language),
        "</table>",
        f"<h2>{words['outputs']}</h2>",
        f"<table><tr><th>{words['name']}</th><th>{words['description']}</th>"
        f"<th>{words['type']}</th></tr>",
        *output_rows(alg, language),
        "</table>",
    ]
    if alg.parameterDefinition("SPEED_TABLE") is not None:
        lines += speed_section(language, docs_href=f"{up}../../docs/speeds.md")
    lines += [
        f"<h2>{words['command_line']}</h2>",
        f"<pre>qgis_process help sundplan:{_esc(name)}\n"
        f"qgis_process run sundplan:{_esc(name)} -- NAME=value ...</pre>",
        f'<p class="muted">{words["licence"]}</p>',
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(lines)


def index_page(algorithms: list, language: str) -> str:
    words = WORDS[language]
    other = "../index.html" if language != "en" else "da/index.html"
    items = [
        f'<li><a href="{alg.name()}.html">{_esc(alg.displayName())}</a> '
        f'<span class="muted">(<code>sundplan:{alg.name()}</code>)</span></li>'
        for alg in algorithms
    ]
    return "\n".join(
        [
            "<!DOCTYPE html>",
            f'<html lang="{language}">',
            '<head><meta charset="utf-8">',
            f"<title>{words['tools']}</title>",
            f"<style>{STYLE}</style></head>",
            "<body>",
            f'<p class="muted"><a href="{other}">{words["other_language"]}</a></p>',
            f"<h1>{words['tools']}</h1>",
            "<ul>",
            *items,
            "</ul>",
            f'<p class="muted">{words["licence"]}</p>',
            "</body>",
            "</html>",
            "",
        ]
    )


# --------------------------------------------------------------------------- generation
def plugin_package():
    """The plugin imported as ``sundplan`` (through a link to the repository when needed)."""
    try:
        return importlib.import_module(PACKAGE)
    except ImportError:
        link_dir = Path(tempfile.mkdtemp(prefix="sundplan_help_"))
        (link_dir / PACKAGE).symlink_to(REPO_DIR, target_is_directory=True)
        sys.path.insert(0, str(link_dir))
        return importlib.import_module(PACKAGE)


def lrelease() -> str | None:
    found = shutil.which("lrelease")
    if found:
        return found
    fallback = Path("/usr/lib/qt5/bin/lrelease")
    return str(fallback) if fallback.exists() else None


def write_ts_with_pending(language: str, target: Path) -> None:
    """The ``.ts`` of ``language`` with the translations waiting in ``i18n/pending/*.json``
    applied (as ``i18n/update_ts.py --apply`` will), written to ``target``: the pages are the
    same before and after the integrator applies them. The repository's ``.ts`` is untouched."""
    spec = importlib.util.spec_from_file_location("update_ts", REPO_DIR / "i18n" / "update_ts.py")
    update_ts = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, update_ts)  # its dataclasses look the module up
    spec.loader.exec_module(update_ts)
    ts = update_ts.read_ts(REPO_DIR / "i18n" / f"sundplan_{language}.ts")
    update_ts.update(ts, update_ts.extract(REPO_DIR))
    with contextlib.redirect_stdout(io.StringIO()):  # "not in the code (skipped)" notes
        for pending in sorted((REPO_DIR / "i18n" / "pending").glob("*.json")):
            update_ts.apply_translations(ts, pending)
    update_ts.write_ts(ts, target)


@contextlib.contextmanager
def translation(language: str) -> Iterator[None]:
    """The interface translation of ``language`` installed (compiled from the ``.ts``)."""
    if language == "en":
        yield
        return
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    tool = lrelease()
    if tool is None:
        raise RuntimeError("lrelease is needed for the translated pages (qttools5-dev-tools)")
    with tempfile.TemporaryDirectory() as folder:
        ts = Path(folder) / f"sundplan_{language}.ts"
        qm = Path(folder) / f"sundplan_{language}.qm"
        write_ts_with_pending(language, ts)
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise RuntimeError(f"could not load {qm}")
        QCoreApplication.installTranslator(translator)
        try:
            yield
        finally:
            QCoreApplication.removeTranslator(translator)


def build_pages() -> dict[str, str]:
    """Relative path -> HTML of every page, for every algorithm of the provider."""
    package = plugin_package()
    provider = importlib.import_module(f"{package.__name__}.processing.provider")
    pages = {}
    for language in LANGUAGES:
        folder = "" if language == "en" else f"{language}/"
        with translation(language):
            algorithms = []
            for cls in provider.algorithm_classes():
                alg = cls()  # descriptions are translated when the instance is initialised
                alg.initAlgorithm()
                algorithms.append(alg)
            for alg in algorithms:
                pages[f"{folder}{alg.name()}.html"] = page(alg, language)
            pages[f"{folder}index.html"] = index_page(algorithms, language)
    return pages


def stale_pages(pages: dict[str, str], folder: Path = HELP_DIR) -> list[str]:
    """Pages missing or different on disk, and pages on disk no tool has any more."""
    stale = [
        rel
        for rel, text in pages.items()
        if not (folder / rel).is_file() or (folder / rel).read_text(encoding="utf-8") != text
    ]
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*.html")}
    return sorted(stale + sorted(on_disk - set(pages)))


def write_pages(pages: dict[str, str], folder: Path = HELP_DIR) -> None:
    for path in folder.rglob("*.html"):
        if path.relative_to(folder).as_posix() not in pages:
            path.unlink()
    for rel, text in pages.items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a page is stale")
    args = parser.parse_args(argv)
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    pages = build_pages()
    if args.check:
        stale = stale_pages(pages)
        for rel in stale:
            print(f"stale: resources/help/{rel}")
        return 1 if stale else 0
    write_pages(pages)
    print(f"wrote {len(pages)} pages to {HELP_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
