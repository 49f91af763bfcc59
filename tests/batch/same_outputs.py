"""Run sundplan cases with two plugin trees and compare every output (``test_same_outputs``).

Reusable pieces: :class:`Case` and :class:`C` (an enum value by key), :data:`RENAMES` (the
parameter vocabulary of issue 14), :func:`run_and_compare` (baseline tree from ``git archive``
against this tree) and :func:`compare_folders` (any two output folders).

What counts as the same:

- vector files (every layer, incl. the ``layer_styles`` table with the styles stored in a
  GeoPackage): field names and types, feature order, ints and text exactly, floats with
  ``rtol`` :data:`RTOL`, geometries by normalised WKT or else by type, area, length and
  centroid to :data:`GEOM_RTOL`;
- rasters: shape, dtype, nodata, CRS, transform and the array exactly; tags except provenance;
- JSON (run reports) and text (run report text, QML, README, CSV): equal after
  :func:`normalise` (absolute paths of the runs and the plugin trees replaced by tokens) with
  the volatile entries left out (:data:`VOLATILE_KEYS`, the provenance's parameter record,
  since enum choices are now recorded by key, not position, and the date lines of the text);
- PDFs: the text ``pdftotext`` extracts (skipped when poppler is missing);
- other files: bytes;
- the algorithm's results (output names and values) and the warnings it pushed; a case that
  fails must fail in both trees with the same message.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]
RUNNER = Path(__file__).with_name("same_outputs_runner.py")
OSM_MOCK = REPO_DIR / "tests" / "osm_mock.py"  # the offline Overpass server, for both trees
RTOL = 1e-9
GEOM_RTOL = 1e-6
MAX_DIFFS_PER_FILE = 8
RUN_TIMEOUT_S = 1200


@dataclass(frozen=True)
class C:
    """An enum value: ``key`` for a tree that declares its options with ``add_choice``,
    ``index`` (the option's position in the baseline) for a tree that does not."""

    key: str
    index: int

    def as_json(self) -> dict:
        return {"choice": self.key, "index": self.index}


@dataclass(frozen=True)
class Case:
    """One algorithm run. ``params`` in the current vocabulary; ``baseline`` overrides
    (old names or values) merged into the baseline run's parameters.

    Placeholders in string values: ``{out}`` this case's output folder, ``{sample}`` the
    sample region (written by the baseline), ``{ref}`` the baseline run's output root (inputs
    made by other cases, the same files for both trees), ``{own}`` the output root of the tree
    that runs the case (its own tools' outputs), ``{data}`` the test's input files.
    """

    id: str
    tool: str
    params: dict
    baseline: dict | None = None

    @property
    def alg(self) -> str:
        return f"sundplan:{self.tool}"


@dataclass(frozen=True)
class Rename:
    """Parameter ``old`` became ``new``; ``values`` maps old values to new ones (e.g. a
    boolean that became a choice). Each tree is sent the name its algorithm declares."""

    old: str
    new: str
    values: tuple[tuple[object, object], ...] = ()


# Issue 14's parameter vocabulary, per algorithm. Harmless before the renames: a tree that
# still declares the old name gets the old name.
RENAMES: dict[str, tuple[Rename, ...]] = {
    "specialist_gaps": (
        Rename("WEIGHTS", "NEED_WEIGHTS"),
        Rename("WEIGHTS_TABLE", "NEED_WEIGHTS_FILE"),
    ),
    "gp_density": (
        Rename("WEIGHTS_TABLE", "NEED_WEIGHTS_MATRIX"),
        Rename("WEIGHTS_FILE", "NEED_WEIGHTS_FILE"),
        Rename("POPULATION_FIELD", "AREA_POPULATION_FIELD"),
        # the boolean roll-up became the GROUPING choice (keys of the core's grouping.LEVELS);
        # a grouping table was used whenever given, now GROUPING says "table"
        Rename(
            "EMBEDDED_GROUPING",
            "GROUPING",
            values=((True, C("embedded", 1)), (False, C("none", 0)), (False, C("table", 2))),
        ),
    ),
    "fca_access": (
        Rename("WEIGHTS_TABLE", "NEED_WEIGHTS_MATRIX"),
        Rename("WEIGHTS_FILE", "NEED_WEIGHTS_FILE"),
    ),
}

# Keys left out wherever they appear in a JSON report (they differ from run to run), besides
# every key ending in ``_s`` (seconds: timings).
VOLATILE_KEYS = frozenset(
    {"timestamp_utc", "versions", "platform", "elapsed_s", "duration_s", "seconds", "timings"}
)
# Report entries added on purpose after the baseline, left out of the comparison (JSON keys;
# in the text report the key's line and its indented block): the road network's fields
# (issue 12: fields of a file detected by name), what the run found out about its inputs
# (input_traits: an OSM-derived road layer, credited on maps) and whether its graph came from
# the graph cache (issue 11: hit / miss / off and the entry's key, which depend on earlier runs).
ADDED_KEYS = frozenset(
    {
        "fields",
        "input_traits",
        "cache",
        "cache_key",
        "search_nodes",
        "search_directed_edges",
        "contracted",
        # issue 11: the 2SFCA engine's own counters changed on purpose (searches on the
        # contracted graph settle fewer nodes; small jobs search in-process, so the automatic
        # number of processes and where the pairs are kept changed); the results are compared
        "nodes_settled_total",
        "workers",
        "pairs_kept_in",
    }
)
# Fields added on purpose after the baseline, left out of the comparison (in the tables and in
# the field lists of the styles stored with them): the translated label beside a code column
# (issue 12: ``class_label`` beside ``class`` ...), appended after the existing fields.
ADDED_FIELD = re.compile(r"^\w+_label$")
ADDED_FIELD_ELEMENTS = ("field", "alias", "policy", "default", "constraint")
TIMING_LINE = re.compile(r"^\s*(\w+_s|" + "|".join(sorted(ADDED_KEYS)) + r"):(\s|$)")
RASTER_ATOL = 1e-9
TMP_FOLDER = re.compile(r"/\.sundplan-[0-9a-z_]+/")
UUID = re.compile(r"\{[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}\}")
VOLATILE_XML_ELEMENTS = ("elevation",)
# Lines of the text reports and PDFs that differ from run to run.
VOLATILE_LINES = (
    re.compile(r"^\s*(timestamp|time|date|dato|created|run at|versions?|platform)\b", re.I),
    re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"),
    re.compile(r"^\s*(sundplan|python|numpy|scipy|pandas|geopandas|shapely|pyproj|rasterio|"
               r"osmnx|osmium|gdal|qgis)\s*[:=]?\s*\d", re.I),
)  # fmt: skip


# ----------------------------------------------------------------------------- skips
def require_baseline(repo: Path, commit: str) -> None:
    """Skip (with the reason) unless ``repo`` is a git checkout that holds ``commit``."""
    if shutil.which("git") is None:
        pytest.skip("needs git to extract the baseline tree")
    proc = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "-e", f"{commit}^{{commit}}"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        shallow = subprocess.run(
            ["git", "-C", str(repo), "rev-parse", "--is-shallow-repository"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        pytest.skip(
            f"baseline commit {commit[:10]} is not in this checkout"
            + (" (shallow clone: fetch the full history)" if shallow == "true" else "")
        )


def require_qgis() -> None:
    """Skip unless QGIS's Python bindings and Processing are installed."""
    proc = subprocess.run(
        [sys.executable, "-c", "import qgis.core"],
        capture_output=True,
        env=_env(Path(tempfile.gettempdir())),
    )
    if proc.returncode != 0:
        pytest.skip("QGIS (python3-qgis) is not installed")


# ----------------------------------------------------------------------------- running
def extract_tree(repo: Path, commit: str, parent: Path) -> Path:
    """``git archive`` of ``commit`` as the plugin folder ``parent/sundplan``."""
    target = parent / "sundplan"
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(repo), "archive", "--format=tar", commit],
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def link_tree(tree: Path, parent: Path) -> Path:
    """``parent/sundplan`` -> ``tree`` (the working tree as the plugin folder)."""
    parent.mkdir(parents=True, exist_ok=True)
    (parent / "sundplan").symlink_to(tree, target_is_directory=True)
    return parent / "sundplan"


def _env(profile: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = "/usr/bin:/bin:" + env.get("PATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(profile)
    env.setdefault("PROJ_DATA", "/usr/share/proj")
    env["LC_ALL"] = env.get("LC_ALL", "C.UTF-8")
    for name in ("PYTHONPATH", "SUNDPLAN_SIMULATE_MISSING", "PYTHONHOME"):
        env.pop(name, None)
    return env


def _json_value(value):
    if isinstance(value, C):
        return value.as_json()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    return value


def _fill(value, places: dict[str, str]):
    if isinstance(value, str):
        for name, path in places.items():
            value = value.replace("{" + name + "}", path)
        return value
    if isinstance(value, list):
        return [_fill(v, places) for v in value]
    return value


def run_tree(
    plugin_parent: Path,
    cases: Iterable[Case],
    *,
    out_root: Path,
    places: dict[str, str],
    work: Path,
    name: str,
    baseline: bool,
) -> Run:
    """Start running ``cases`` with the plugin in ``plugin_parent`` in one QGIS process;
    ``.results()`` gives the runner's results per case id."""
    spec_cases = []
    for case in cases:
        params = {**case.params, **((case.baseline or {}) if baseline else {})}
        out = out_root / case.id
        filled = {**places, "out": str(out)}
        spec_cases.append(
            {
                "id": case.id,
                "alg": case.alg,
                "out": str(out),
                "params": {k: _fill(_json_value(v), filled) for k, v in params.items()},
            }
        )
    renames = {
        f"sundplan:{tool}": [
            [r.old, r.new, [[_json_value(a), _json_value(b)] for a, b in r.values]] for r in entries
        ]
        for tool, entries in RENAMES.items()
    }
    spec_path = work / f"{name}_cases.json"
    results_path = work / f"{name}_results.json"
    spec = {"renames": renames, "cases": spec_cases, "overpass_mock": str(OSM_MOCK)}
    spec_path.write_text(json.dumps(spec, indent=1), "utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(RUNNER), str(plugin_parent), str(spec_path), str(results_path)],
        env=_env(work / f"{name}_profile"),
        cwd=work,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    return Run(name, proc, results_path)


@dataclass
class Run:
    """A runner process; :meth:`results` waits for it."""

    name: str
    proc: subprocess.Popen
    results_path: Path

    def results(self) -> dict:
        stdout, stderr = self.proc.communicate(timeout=RUN_TIMEOUT_S)
        if not self.results_path.is_file():
            raise RuntimeError(
                f"the {self.name} run ended without results (rc {self.proc.returncode})\n"
                f"--- stdout ---\n{stdout[-3000:]}\n--- stderr ---\n{stderr[-6000:]}"
            )
        return json.loads(self.results_path.read_text("utf-8"))


def make_real_kommuner(sample: Path, target: Path, codes: dict[str, str]) -> None:
    """The sample's ``kommuner`` layer with ``kommunekode`` replaced per ``codes``."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    target.parent.mkdir(parents=True, exist_ok=True)
    gdal.VectorTranslate(
        str(target), str(sample / "sample_region.gpkg"), layers=["kommuner"], format="GPKG"
    )
    ds = ogr.Open(str(target), 1)
    layer = ds.GetLayer("kommuner")
    for feature in layer:
        code = feature.GetField("kommunekode")
        feature.SetField("kommunekode", codes.get(code, code))
        layer.SetFeature(feature)
    ds = None


@dataclass
class Comparison:
    """Differences found (one readable line each) and what was compared."""

    differences: list[str] = field(default_factory=list)
    compared: list[str] = field(default_factory=list)

    def text(self) -> str:
        head = (
            f"{len(self.differences)} difference(s) between the baseline and this tree "
            f"({len(self.compared)} case(s) compared):"
        )
        return "\n".join([head, *self.differences])


def run_and_compare(
    cases: Iterable[Case],
    *,
    baseline_commit: str,
    work: Path,
    data_files: dict[str, str] | None = None,
    real_codes: dict[str, str] | None = None,
    current_tree: Path = REPO_DIR,
) -> Comparison:
    """Run ``cases`` with the baseline tree and ``current_tree``; compare every output.

    The first ``sample_data`` case also provides ``{sample}`` (the baseline's sample region)
    for every other case, so both trees read the same inputs.
    """
    cases = list(cases)
    base_parent = work / "trees" / "base"
    extract_tree(REPO_DIR, baseline_commit, base_parent)
    cur_parent = work / "trees" / "current"
    link_tree(current_tree, cur_parent)
    data = work / "data"
    data.mkdir()
    for name, text in (data_files or {}).items():
        (data / name).write_text(text, "utf-8")
    base_out, cur_out = work / "base", work / "current"
    places = {"ref": str(base_out), "data": str(data), "sample": str(base_out / "sample_data")}
    sample_cases = [c for c in cases if c.tool == "sample_data"][:1]
    base_results: dict = {}
    cur_results: dict = {}
    common = {"places": places, "work": work}
    if sample_cases:
        places["sample"] = str(base_out / sample_cases[0].id)
        run = run_tree(base_parent, sample_cases, out_root=base_out, name="base_sample",
                       baseline=True, **common)  # fmt: skip
        base_results.update(run.results())
    if real_codes:
        make_real_kommuner(Path(places["sample"]), data / "kommuner_real.gpkg", real_codes)
    # Both trees at once (two cores); cases that read the baseline's outputs ({ref}) after.
    later = [c for c in cases if re.search(r"\{(ref|own)\}", json.dumps(c.params, default=str))]
    phases = (
        (
            [c for c in cases if c not in sample_cases and c not in later],
            [c for c in cases if c not in later],
        ),
        (later, later),
    )
    for k, (base_cases, cur_cases) in enumerate(phases, start=1):
        # {own}: the tree's own outputs (map_report maps what its own tools wrote)
        runs = [
            run_tree(base_parent, base_cases, out_root=base_out, name=f"base_{k}",
                     baseline=True, places={**places, "own": str(base_out)}, work=work),
            run_tree(cur_parent, cur_cases, out_root=cur_out, name=f"current_{k}",
                     baseline=False, places={**places, "own": str(cur_out)}, work=work),
        ]  # fmt: skip
        base_results.update(runs[0].results())
        cur_results.update(runs[1].results())
    tokens = {
        str(base_out): "<run>",
        str(cur_out): "<run>",
        str(data): "<data>",
        str(base_parent / "sundplan"): "<plugin>",
        str(cur_parent / "sundplan"): "<plugin>",
        str(Path(current_tree).resolve()): "<plugin>",
        str(work): "<work>",
    }
    comparison = Comparison()
    for case in cases:
        comparison.compared.append(case.id)
        comparison.differences += compare_case(
            case.id,
            base_results.get(case.id),
            cur_results.get(case.id),
            base_out / case.id,
            cur_out / case.id,
            tokens=tokens,
        )
    return comparison


# ----------------------------------------------------------------------------- normalising
def normalise(value, tokens: dict[str, str]):
    """Paths replaced by tokens, volatile keys and the provenance's parameters left out;
    JSON held in strings (the PROVENANCE output) parsed and normalised too."""
    if isinstance(value, dict):
        out = {}
        is_provenance = "algorithm" in value and "parameters" in value
        for key, item in value.items():
            volatile = (
                key in VOLATILE_KEYS
                or key in ADDED_KEYS
                or (isinstance(key, str) and key.endswith("_s"))
            )
            if volatile or (is_provenance and key == "parameters"):
                continue
            out[key] = normalise(item, tokens)
        return out
    if isinstance(value, list):
        return [normalise(v, tokens) for v in value]
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("{") and stripped.endswith("}"):
            try:
                return normalise(json.loads(stripped), tokens)
            except json.JSONDecodeError:
                pass
        return replace_tokens(value, tokens)
    return value


def replace_tokens(text: str, tokens: dict[str, str]) -> str:
    # longest first, so a run folder wins over the work folder that holds it
    for path in sorted(tokens, key=len, reverse=True):
        text = text.replace(path, tokens[path])
    # the random temporary folder an output is written in before it is moved into place
    return TMP_FOLDER.sub("/", text)


def normalise_text(text: str, tokens: dict[str, str]) -> list[str]:
    """Lines of a text output with paths replaced and volatile lines dropped: the run
    report's ``provenance:`` block (parameters, versions, time), timings (``..._s:``)."""
    lines = []
    block_indent = None  # indentation of a skipped block's heading
    for line in replace_tokens(text, tokens).splitlines():
        indent = len(line) - len(line.lstrip())
        if block_indent is not None and indent > block_indent and line.strip():
            continue
        block_indent = None
        if line.startswith("provenance:") or TIMING_LINE.match(line):
            block_indent = indent
            continue
        if any(p.search(line) for p in VOLATILE_LINES):
            continue
        lines.append(line)
    return lines


def _added_field_element(element) -> bool:
    """A style's record of an added field (``<field name="class_label">``, its alias ...)."""
    if element.tag not in ADDED_FIELD_ELEMENTS:
        return False
    name = element.get("field") or element.get("name") or ""
    return bool(ADDED_FIELD.match(name))


def _without_added_fields(table):
    """(columns, rows) of a GeoPackage table without the added fields."""
    columns, rows = table
    keep = [k for k, c in enumerate(columns) if not ADDED_FIELD.match(c)]
    if len(keep) == len(columns):
        return table
    return [columns[k] for k in keep], [tuple(r[k] for k in keep) for r in rows]


def canonical_xml(text: str) -> str:
    """XML with attributes in a fixed order (Qt writes them in hash order, which varies)."""
    import xml.etree.ElementTree as ET

    body = re.sub(r"^\s*<!DOCTYPE[^>]*>", "", re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return text
    # QGIS gives the default elevation-profile symbols of a layer random colours
    for parent in root.iter():
        for child in list(parent):
            if child.tag in VOLATILE_XML_ELEMENTS or _added_field_element(child):
                parent.remove(child)
        for key, value in parent.attrib.items():
            if value.lstrip().startswith("<"):  # a symbol stored as XML inside an attribute
                parent.set(key, canonical_xml(value))
    canonical = ET.canonicalize(ET.tostring(root, encoding="unicode"), strip_text=True)
    return UUID.sub("{uuid}", canonical).replace("><", ">\n<")


# ----------------------------------------------------------------------------- comparing
def values_equal(a, b) -> bool:
    """Exact for ints and text, ``rtol`` :data:`RTOL` for floats, recursive for containers."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b or a == b
    if isinstance(a, float) or isinstance(b, float):
        if isinstance(a, int | float) and isinstance(b, int | float):
            if math.isnan(a) and math.isnan(b):
                return True
            return math.isclose(a, b, rel_tol=RTOL, abs_tol=1e-12)
        return False
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(values_equal(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(values_equal(x, y) for x, y in zip(a, b, strict=True))
    return a == b


def json_diffs(a, b, where: str = "") -> list[str]:
    """Paths (``a.b[2].c``) where two JSON values differ, with both values."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for key in sorted(set(a) | set(b), key=str):
            here = f"{where}.{key}" if where else str(key)
            if key not in a:
                out.append(f"{here}: only in the current tree: {_short(b[key])}")
            elif key not in b:
                out.append(f"{here}: only in the baseline: {_short(a[key])}")
            else:
                out += json_diffs(a[key], b[key], here)
        return out
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        out = []
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            out += json_diffs(x, y, f"{where}[{i}]")
        return out
    if values_equal(a, b):
        return []
    return [f"{where or '(value)'}: baseline {_short(a)} != current {_short(b)}"]


def _short(value, limit: int = 200) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _capped(prefix: str, diffs: list[str]) -> list[str]:
    shown = [f"{prefix}: {d}" for d in diffs[:MAX_DIFFS_PER_FILE]]
    if len(diffs) > MAX_DIFFS_PER_FILE:
        shown.append(f"{prefix}: … and {len(diffs) - MAX_DIFFS_PER_FILE} more difference(s)")
    return shown


def compare_case(case_id, base, cur, base_dir: Path, cur_dir: Path, *, tokens) -> list[str]:
    """Differences of one case: results, warnings, errors and every output file."""
    if base is None or cur is None:
        return [f"{case_id}: not run by the {'baseline' if base is None else 'current'} tree"]
    diffs: list[str] = []
    if "error" in base or "error" in cur:
        a = normalise(base.get("error", "(no error)"), tokens)
        b = normalise(cur.get("error", "(no error)"), tokens)
        if a != b:
            detail = cur.get("traceback") if "error" in cur else base.get("traceback")
            diffs.append(f"{case_id}: error: baseline {a!r} != current {b!r}\n{detail}")
        return diffs
    diffs += _capped(
        f"{case_id}: results",
        json_diffs(normalise(base["results"], tokens), normalise(cur["results"], tokens)),
    )
    if normalise(base["warnings"], tokens) != normalise(cur["warnings"], tokens):
        diffs.append(
            f"{case_id}: warnings: baseline {base['warnings']!r} != current {cur['warnings']!r}"
        )
    diffs += [f"{case_id}: {d}" for d in compare_folders(base_dir, cur_dir, tokens=tokens)]
    return diffs


SKIP_SUFFIXES = ("-wal", "-shm", "-journal", ".aux.xml")


def compare_folders(base_dir: Path, cur_dir: Path, *, tokens: dict[str, str]) -> list[str]:
    """Differences between the files of two output folders (same relative names)."""

    def files(folder: Path) -> set[str]:
        if not folder.is_dir():
            return set()
        return {
            str(p.relative_to(folder))
            for p in folder.rglob("*")
            if p.is_file() and not p.name.endswith(SKIP_SUFFIXES) and not p.name.startswith(".")
        }

    a, b = files(base_dir), files(cur_dir)
    diffs = [f"{name}: only in the baseline" for name in sorted(a - b)]
    diffs += [f"{name}: only in the current tree" for name in sorted(b - a)]
    for name in sorted(a & b):
        diffs += [f"{name}: {d}" for d in compare_files(base_dir / name, cur_dir / name, tokens)]
    return diffs


VECTOR_SUFFIXES = (".gpkg", ".geojson", ".shp", ".fgb", ".sqlite")
RASTER_SUFFIXES = (".tif", ".tiff")
TEXT_SUFFIXES = (".txt", ".qml", ".csv", ".md", ".osm", ".xml", ".html")


def compare_files(a: Path, b: Path, tokens: dict[str, str]) -> list[str]:
    suffix = a.suffix.lower()
    if suffix in VECTOR_SUFFIXES:
        return compare_vectors(a, b, tokens)
    if suffix in RASTER_SUFFIXES:
        return compare_rasters(a, b, tokens)
    if suffix == ".json":
        try:
            ja, jb = (json.loads(p.read_text("utf-8")) for p in (a, b))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            return [f"not JSON: {exc}"] if a.read_bytes() != b.read_bytes() else []
        return _capped("report", json_diffs(normalise(ja, tokens), normalise(jb, tokens)))
    if suffix in (".qml", ".xml", ".sld"):
        xa, xb = (canonical_xml(p.read_text("utf-8")) for p in (a, b))
        return text_diffs(xa, xb, tokens, what="style")
    if suffix in TEXT_SUFFIXES:
        return text_diffs(a.read_text("utf-8"), b.read_text("utf-8"), tokens)
    if suffix == ".pdf":
        if shutil.which("pdftotext") is None:
            return []  # without poppler only the page count/bytes could be compared: skipped
        # Issue 12 changed the pages on purpose (the run's hospitals drawn and labelled by
        # default, long notes fitted to their boxes, wider legends): every word of the
        # baseline page must still be printed; words may be added and lines may wrap anew.
        ta, tb = (pdf_text(p) for p in (a, b))
        return pdf_words_lost(ta, tb, tokens)
    if a.read_bytes() != b.read_bytes():
        return [f"bytes differ ({a.stat().st_size} vs {b.stat().st_size} bytes)"]
    return []


def pdf_words_lost(a: str, b: str, tokens: dict[str, str]) -> list[str]:
    """Words of PDF text ``a`` that ``b`` no longer prints at all. Counts may drop: the
    overview inset of an atlas page no longer labels every area (issue 12: too small to
    read, and most of the file's size)."""
    from collections import Counter

    words_a, words_b = (Counter(" ".join(normalise_text(t, tokens)).split()) for t in (a, b))
    lost = Counter({w: n for w, n in words_a.items() if w not in words_b})
    # text that overlapped in the baseline (a note running into the date) came out glued:
    # "(udenDato:" is two words now that the note fits its box
    for word in list(lost):
        if any(word[:i] in words_b and word[i:] in words_b for i in range(1, len(word))):
            del lost[word]
    return [f"PDF text: {n} × '{w}' no longer printed" for w, n in sorted(lost.items())[:20]]


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def text_diffs(a: str, b: str, tokens: dict[str, str], *, what: str = "text") -> list[str]:
    la, lb = normalise_text(a, tokens), normalise_text(b, tokens)
    if la == lb:
        return []
    import difflib

    diff = [
        line
        for line in difflib.unified_diff(la, lb, "baseline", "current", n=1, lineterm="")
        if not line.startswith(("---", "+++"))
    ]
    return _capped(what, diff)


# -- vectors
def read_vector(path: Path) -> dict[str, dict]:
    """Every layer: ``{"fields": [(name, type)], "geometry_type", "crs", "rows": [...]}``,
    rows as ``(fid, {field: value}, wkt or None, (area, length, cx, cy) or None)``."""
    from osgeo import ogr, osr

    ogr.UseExceptions()
    ds = ogr.Open(str(path))
    layers = {}
    for i in range(ds.GetLayerCount()):
        layer = ds.GetLayerByIndex(i)
        defn = layer.GetLayerDefn()
        fields = [
            (defn.GetFieldDefn(k).GetName(), defn.GetFieldDefn(k).GetTypeName())
            for k in range(defn.GetFieldCount())
        ]
        srs = layer.GetSpatialRef()
        rows = []
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom is not None:
                centroid = geom.Centroid()
                dim = geom.GetDimension()
                area = geom.GetArea() if dim == 2 else 0.0
                length = geom.Length() if dim == 1 else 0.0
                measures = (area, length, centroid.GetX(), centroid.GetY())
                wkt = geom.ExportToIsoWkt()
            else:
                measures, wkt = None, None
            rows.append((feature.GetFID(), feature.items(), wkt, measures))
        layers[layer.GetName()] = {
            "fields": fields,
            "geometry_type": ogr.GeometryTypeToName(layer.GetGeomType()),
            "crs": srs.GetAuthorityCode(None) if isinstance(srs, osr.SpatialReference) else None,
            "rows": rows,
        }
    ds = None  # close only after everything is read
    return layers


STYLE_VOLATILE_FIELDS = ("update_time", "owner")


def _gpkg_tables(path: Path) -> dict[str, tuple[list[str], list[tuple]]] | None:
    """Every table of a GeoPackage: (column names, rows by fid); None if not a GeoPackage."""
    import sqlite3

    if path.suffix.lower() != ".gpkg":
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]
        tables = {}
        for name in names:
            cursor = con.execute(f'SELECT * FROM "{name}" ORDER BY 1')
            rows = cursor.fetchall()
            tables[name] = ([d[0] for d in cursor.description], rows)
        return tables
    except sqlite3.Error:
        return None
    finally:
        con.close()


def _gpkg_geometry(blob: bytes):
    """(area, length, centroid x, centroid y) of a GeoPackage geometry blob."""
    from osgeo import ogr

    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 7]
    geom = ogr.CreateGeometryFromWkb(bytes(blob[8 + envelope :]))
    dim = geom.GetDimension()
    centroid = geom.Centroid()
    return (
        geom.GetArea() if dim == 2 else 0.0,
        geom.Length() if dim == 1 else 0.0,
        centroid.GetX(),
        centroid.GetY(),
    )


def compare_gpkg_table(name, a, b, tokens: dict[str, str]) -> list[str]:
    """One GeoPackage table, column by column (fast for the many points of a raster)."""
    import numpy as np

    (cols_a, rows_a), (cols_b, rows_b) = a, b
    where = f"layer {name}"
    if cols_a != cols_b:
        return [f"{where}: columns: baseline {cols_a} != current {cols_b}"]
    if len(rows_a) != len(rows_b):
        return [f"{where}: {len(rows_a)} features in the baseline, {len(rows_b)} now"]
    if rows_a == rows_b:
        return []
    found = []
    for k, column in enumerate(cols_a):
        if name == "layer_styles" and column in STYLE_VOLATILE_FIELDS + ("update_time",):
            continue
        va = [r[k] for r in rows_a]
        vb = [r[k] for r in rows_b]
        if va == vb:
            continue
        numeric = all(isinstance(v, int | float) or v is None for v in va + vb)
        if numeric:
            xa = np.array([np.nan if v is None else v for v in va], dtype=float)
            xb = np.array([np.nan if v is None else v for v in vb], dtype=float)
            close = np.isclose(xa, xb, rtol=RTOL, atol=1e-12, equal_nan=True)
            bad = np.flatnonzero(~close)
        else:
            bad = [i for i, (x, y) in enumerate(zip(va, vb, strict=True)) if x != y]
        for i in bad[: MAX_DIFFS_PER_FILE + 1]:
            x, y = va[i], vb[i]
            label = _feature_label(rows_a[i][0], dict(zip(cols_a, rows_a[i], strict=True)))
            if isinstance(x, bytes) and isinstance(y, bytes):
                gx, gy = _gpkg_geometry(x), _gpkg_geometry(y)
                if not _same_geometry(gx, gy):
                    found.append(f"feature {label} geometry: baseline {gx} != current {gy}")
            elif isinstance(x, str) and isinstance(y, str):
                if x.lstrip().startswith("<"):  # a style or metadata record
                    x, y = canonical_xml(x), canonical_xml(y)
                if normalise_text(x, tokens) != normalise_text(y, tokens):
                    text = text_diffs(x, y, tokens)
                    found.append(f"feature {label} field {column}: {text[0] if text else ''}")
            elif not values_equal(x, y):
                found.append(f"feature {label} field {column}: baseline {x!r} != current {y!r}")
    return _capped(where, found)


def compare_vectors(a: Path, b: Path, tokens: dict[str, str]) -> list[str]:
    ta, tb = _gpkg_tables(a), _gpkg_tables(b)
    if ta is not None and tb is not None:
        diffs = [f"layer {n}: only in the baseline" for n in sorted(set(ta) - set(tb))]
        diffs += [f"layer {n}: only in the current tree" for n in sorted(set(tb) - set(ta))]
        for name in sorted(set(ta) & set(tb)):
            diffs += compare_gpkg_table(name, ta[name], _without_added_fields(tb[name]), tokens)
        return diffs
    la, lb = read_vector(a), read_vector(b)
    diffs = [f"layer {n}: only in the baseline" for n in sorted(set(la) - set(lb))]
    diffs += [f"layer {n}: only in the current tree" for n in sorted(set(lb) - set(la))]
    for name in sorted(set(la) & set(lb)):
        x, y = la[name], lb[name]
        where = f"layer {name}"
        y = {**y, "fields": [f for f in y["fields"] if not ADDED_FIELD.match(f[0])]}
        for key in ("fields", "geometry_type", "crs"):
            if x[key] != y[key]:
                diffs.append(f"{where}: {key}: baseline {x[key]} != current {y[key]}")
        if len(x["rows"]) != len(y["rows"]):
            diffs.append(
                f"{where}: {len(x['rows'])} features in the baseline, {len(y['rows'])} now"
            )
            continue
        found = []
        for (fid, attrs_a, wkt_a, m_a), (_fid, attrs_b, wkt_b, m_b) in zip(
            x["rows"], y["rows"], strict=True
        ):
            label = _feature_label(fid, attrs_a)
            for field_name in attrs_a:
                if name == "layer_styles" and field_name in STYLE_VOLATILE_FIELDS:
                    continue
                va, vb = attrs_a[field_name], attrs_b.get(field_name)
                if isinstance(va, str) and isinstance(vb, str):
                    if va.lstrip().startswith("<"):  # a style or metadata record
                        va, vb = canonical_xml(va), canonical_xml(vb)
                    if normalise_text(va, tokens) == normalise_text(vb, tokens):
                        continue
                    # a long text (a style, a metadata record): name the first differing line
                    text = text_diffs(va, vb, tokens)
                    found.append(f"feature {label} field {field_name}: {text[0] if text else ''}")
                elif not values_equal(va, vb):
                    found.append(f"feature {label} field {field_name}: baseline {va!r} != {vb!r}")
            if wkt_a != wkt_b and not _same_geometry(m_a, m_b):
                found.append(f"feature {label} geometry: baseline {m_a} != current {m_b}")
        diffs += _capped(where, found)
    return diffs


def _feature_label(fid: int, attrs: dict) -> str:
    """``fid 3 (specialty='Psykiatri', area_id='9001')``: the fid and the first text fields."""
    keys = [k for k, v in attrs.items() if isinstance(v, str) and len(v) < 40][:2]
    named = ", ".join(f"{k}={attrs[k]!r}" for k in keys)
    return f"fid {fid}" + (f" ({named})" if named else "")


def _same_geometry(a, b) -> bool:
    if a is None or b is None:
        return a is b
    scale = max(1.0, *(abs(v) for v in a))
    return all(abs(x - y) <= GEOM_RTOL * scale for x, y in zip(a, b, strict=True))


# -- rasters
def compare_rasters(a: Path, b: Path, tokens: dict[str, str]) -> list[str]:
    import numpy as np
    import rasterio

    diffs = []
    with rasterio.open(a) as ra, rasterio.open(b) as rb:
        for key in ("count", "width", "height", "dtypes", "nodata", "crs", "transform"):
            va, vb = getattr(ra, key), getattr(rb, key)
            if va != vb:
                diffs.append(f"{key}: baseline {va} != current {vb}")
        ta = normalise({k: v for k, v in ra.tags().items() if "provenance" not in k}, tokens)
        tb = normalise({k: v for k, v in rb.tags().items() if "provenance" not in k}, tokens)
        diffs += _capped("tags", json_diffs(ta, tb))
        if diffs:
            return diffs
        for band in range(1, ra.count + 1):
            xa, xb = ra.read(band), rb.read(band)
            equal = np.array_equal(xa, xb, equal_nan=xa.dtype.kind == "f")
            if not equal and xa.dtype.kind == "f":
                # Travel times summed in another order (issue 11: searches on the contracted
                # graph) differ in the last bits: 1e-9 (minutes) is the bound.
                equal = np.allclose(xa, xb, rtol=1e-9, atol=RASTER_ATOL, equal_nan=True)
            if not equal:
                idx = np.argwhere(
                    ~(
                        (xa == xb) | (np.isnan(xa) & np.isnan(xb))
                        if xa.dtype.kind == "f"
                        else xa == xb
                    )
                )
                row, col = idx[0]
                diffs.append(
                    f"band {band}: {len(idx)} cell(s) differ, first at row {row} col {col}: "
                    f"baseline {xa[row, col]} != current {xb[row, col]}"
                )
    return diffs
