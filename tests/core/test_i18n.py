"""The Danish translation is complete and consistent (no QGIS needed).

Runs the string extractor ``i18n/update_ts.py`` over the plugin and compares with
``i18n/sundplan_da.ts``. A failure lists the strings to fix: run ``python3 i18n/update_ts.py``,
translate the ``unfinished`` entries, then ``python3 i18n/update_ts.py --check``
(see ``i18n/README.md``).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]
TS_FILE = REPO_DIR / "i18n" / "sundplan_da.ts"


def _load_update_ts():
    spec = importlib.util.spec_from_file_location(
        "sundplan_update_ts", REPO_DIR / "i18n" / "update_ts.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while it loads
    spec.loader.exec_module(module)
    return module


update_ts = _load_update_ts()


def _listing(problems: list[str], limit: int = 60) -> str:
    shown = problems[:limit]
    more = f"\n... and {len(problems) - limit} more" if len(problems) > limit else ""
    return "\n".join(shown) + more


@pytest.fixture(scope="module")
def extraction():
    return update_ts.extract(REPO_DIR)


@pytest.fixture(scope="module")
def ts():
    return update_ts.read_ts(TS_FILE)


# --------------------------------------------------------------------------- the real tree
def test_ts_is_well_formed_qt_ts():
    root = ET.parse(TS_FILE).getroot()  # raises on malformed XML
    assert root.tag == "TS"
    assert root.get("language", "").startswith("da")
    contexts = [c.findtext("name") for c in root.findall("context")]
    assert "sundplan" in contexts
    for message in root.iter("message"):
        assert message.find("source") is not None
        assert message.find("translation") is not None


def test_every_source_string_has_a_danish_translation(extraction, ts):
    problems = update_ts.check(extraction, ts)
    assert not problems, (
        f"{len(problems)} translation problem(s); run `python3 i18n/update_ts.py`, translate "
        "the unfinished entries in i18n/sundplan_da.ts, then `--check`:\n" + _listing(problems)
    )


def test_no_f_string_passed_to_tr(extraction):
    bad = [str(f) for f in extraction.findings if f.kind == "fstring"]
    assert not bad, "tr() needs a literal; use tr('... {x}').format(x=x):\n" + _listing(bad)


def test_dynamic_tr_calls_are_resolved(extraction):
    """``tr(variable)`` must be traceable to literals (e.g. a loop over a module constant)
    or to ``QT_TRANSLATE_NOOP``; only the base class's own helpers (base, _i18n) may pass variables."""
    allowed = {"processing/base.py", "processing/_i18n.py"}
    bad = [str(f) for f in extraction.findings if f.kind == "dynamic" and f.path not in allowed]
    assert not bad, (
        "tr() of a value the extractor cannot see; mark the strings where they are written "
        "with QT_TRANSLATE_NOOP('sundplan', '...'):\n" + _listing(bad)
    )


def test_extractor_sees_the_main_kinds_of_string(extraction):
    strings = extraction.strings
    # class attribute, parameter description, GROUPS value, QT_TRANSLATE_NOOP, plugin.py
    for expected in (
        "Travel time and catchments to akutsygehuse (Rejsetid og optageområder)",
        "Population raster (persons per cell)",
        "Accessibility",
        "Kommuner",
        "Sundplan tools in the Processing Toolbox",
    ):
        assert expected in strings, expected
    catchments_help = next(s for s in strings if s.startswith("Computes, for every resident"))
    assert "<b>Method</b>" in catchments_help


def test_danish_planning_terms_are_kept(ts):
    """akutsygehus, optageområde, kommune ... stay Danish in the Danish UI."""
    checks = {
        "Travel time and catchments to akutsygehuse (Rejsetid og optageområder)": "akutsygehuse",
        "Catchments (optageområder)": "Optageområder",
        "Population raster (persons per cell)": "Befolkningsraster (personer pr. celle)",
    }
    for source, word in checks.items():
        message = ts.messages.get(source)
        if message is not None:
            assert word in message.translation, (source, message.translation)


def test_ts_compiles_with_lrelease(tmp_path):
    lrelease = shutil.which("lrelease") or (
        "/usr/lib/qt5/bin/lrelease" if Path("/usr/lib/qt5/bin/lrelease").exists() else None
    )
    if lrelease is None:
        pytest.skip("lrelease not installed (qttools5-dev-tools)")
    qm = tmp_path / "sundplan_da.qm"
    done = subprocess.run(
        [lrelease, str(TS_FILE), "-qm", str(qm)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert qm.is_file() and qm.stat().st_size > 1000


# --------------------------------------------------------------------------- core messages
def test_core_messages_are_templates(extraction):
    """Once ``SundplanError`` keeps a template (``SundplanError("... {x}", x=x)``), core
    messages must not be f-strings: the Processing layer can translate only templates."""
    from sundplan_qgis.errors import SundplanError

    pending = [str(f) for f in extraction.findings if f.kind == "core-fstring"]
    if not hasattr(SundplanError("x"), "template"):
        pytest.skip(
            f"SundplanError has no message templates yet; {len(pending)} core messages are "
            "f-strings and stay English (see i18n/README.md, 'Messages from the core')"
        )
    assert not pending, (
        "core messages built with f-strings cannot be translated; write "
        "SundplanError('... {x} ...', x=x) / msg('... {x}', x=x):\n" + _listing(pending)
    )


def test_sundplan_error_keeps_template_and_values():
    """``str()`` is the English text (logs, tests); template and values survive pickling
    (errors from multiprocessing workers)."""
    import pickle

    from sundplan_qgis.errors import Cancelled, SundplanError, msg

    error = SundplanError("The layer '{layer}' has {n:,} rows.", layer="kommuner", n=1234)
    assert str(error) == "The layer 'kommuner' has 1,234 rows."
    assert error.template == "The layer '{layer}' has {n:,} rows."
    assert error.values == {"layer": "kommuner", "n": 1234}
    for original in (error, Cancelled("Cancelled by the user."), SundplanError("a {b}")):
        again = pickle.loads(pickle.dumps(original))
        assert type(again) is type(original)
        assert (str(again), again.template, again.values) == (
            str(original),
            original.template,
            original.values,
        )
    assert str(SundplanError("literal {braces}, no values")) == "literal {braces}, no values"
    progress_text = msg("Snapping {n:,} locations", n=5000)
    assert progress_text == "Snapping 5,000 locations" and isinstance(progress_text, str)
    assert progress_text.template == "Snapping {n:,} locations"
    again = pickle.loads(pickle.dumps(progress_text))
    assert (again, again.template, again.values) == (
        "Snapping 5,000 locations",
        progress_text.template,
        {"n": 5000},
    )


def test_listing_joins_messages_that_translate_one_by_one():
    from sundplan_qgis.errors import listing, msg

    items = listing(
        (msg("{specialty} in area {area}", specialty=s, area=a) for s, a in [("A", 1), ("B", 2)]),
        sep="; ",
    )
    assert items == "A in area 1; B in area 2"
    assert [v.template for v in items.values.values()] == ["{specialty} in area {area}"] * 2
    assert listing([]) == ""


def test_core_errors_keep_their_english_text():
    """Converted core messages read as before (English tests and logs match them)."""
    from sundplan_qgis import catchments, network, rasters, specialties
    from sundplan_qgis.errors import SundplanError

    with pytest.raises(SundplanError) as caught:
        catchments.validate_bands([30, 15])
    assert str(caught.value) == (
        "Time bands must be strictly increasing, e.g. 15,30,45,60 (got [30, 15])."
    )
    assert caught.value.values == {"bands": [30, 15]}
    with pytest.raises(
        SundplanError, match=r"^The raster cell size must be positive \(got -5 m\)\.$"
    ):
        rasters.grid_for_bounds((0, 0, 1, 1), cell_size_m=-5, crs_wkt="")
    with pytest.raises(SundplanError) as caught:
        network.speeds_from_table([("primary", "fast")])
    assert str(caught.value) == (
        "Speed table row 1: the speed for class 'primary' is 'fast'; give a positive number of km/h."
    )
    with pytest.raises(SundplanError) as caught:
        specialties.parse_planned_totals("Reumatologi=-1")
    assert str(caught.value) == "The planned total for 'Reumatologi' must be 0 or more."


# --------------------------------------------------------------------------- the tool itself
def _tree(tmp_path: Path) -> Path:
    (tmp_path / "processing").mkdir()
    (tmp_path / "sundplan_qgis").mkdir()
    (tmp_path / "plugin.py").write_text('tr("Menu entry")\n', encoding="utf-8")
    (tmp_path / "processing" / "base.py").write_text(
        'GROUPS = {"data": "Data", "x": "Capacity and need"}\n', encoding="utf-8"
    )
    (tmp_path / "processing" / "alg.py").write_text(
        textwrap.dedent(
            """
            from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

            MODES = ("Unweighted population", "A weight table")
            PAIRS = ((None, "None: the areas"), ("region", "Regions"))
            TABLES = (("A", QT_TRANSLATE_NOOP("sundplan", "Kommuner")),)

            class Alg:
                _display_name = "Travel time " "and catchments"
                _help = "Line one.<br>" + "<b>Method</b>: two."

                def f(self, n):
                    self.tr("Population field")
                    tr("{n} residents").format(n=n)
                    QCoreApplication.translate("sundplan", "Done")
                    [tr(m) for m in MODES]
                    [tr(label) for _key, label in PAIRS]
                    for _name, description in TABLES:
                        tr(description)
                    tr(f"bad {n}")
                    tr(n)
            """
        ),
        encoding="utf-8",
    )
    (tmp_path / "sundplan_qgis" / "core.py").write_text(
        textwrap.dedent(
            """
            def run(progress, n):
                progress(0.0, "Snapping hospitals")
                progress(0.5, msg("Snapping {n} locations", n=n))
                raise SundplanError("The layer '{layer}' is empty.", layer="x")
                raise SundplanError(f"old style {n}")
            """
        ),
        encoding="utf-8",
    )
    return tmp_path


def test_extractor_on_a_small_tree(tmp_path):
    result = update_ts.extract(_tree(tmp_path))
    assert set(result.strings) == {
        "Menu entry",
        "Data",
        "Capacity and need",
        "Unweighted population",
        "A weight table",
        "None: the areas",
        "Regions",
        "Kommuner",
        "Travel time and catchments",
        "Line one.<br><b>Method</b>: two.",
        "Population field",
        "{n} residents",
        "Done",
        "Snapping hospitals",
        "Snapping {n} locations",
        "The layer '{layer}' is empty.",
    }
    assert "region" not in result.strings  # keys of PAIRS are not labels
    kinds = sorted(f.kind for f in result.findings)
    assert kinds == ["core-fstring", "dynamic", "fstring"]
    assert result.core == {
        "Snapping hospitals",
        "Snapping {n} locations",
        "The layer '{layer}' is empty.",
    }


def test_update_keeps_translations_marks_new_and_obsolete(tmp_path):
    root = _tree(tmp_path)
    ts_path = tmp_path / "da.ts"
    result = update_ts.extract(root)
    ts = update_ts.read_ts(ts_path)  # missing file: empty
    counts = update_ts.update(ts, result)
    assert counts["new"] == len(result.strings) and counts["finished"] == 0
    ts.messages["Done"].translation, ts.messages["Done"].type = "Færdig", ""
    ts.messages["Regions"].translation, ts.messages["Regions"].type = "Regioner", ""
    update_ts.write_ts(ts, ts_path)

    (root / "processing" / "alg.py").write_text(
        (root / "processing" / "alg.py").read_text(encoding="utf-8").replace('"Regions"', '"X"'),
        encoding="utf-8",
    )
    ts = update_ts.read_ts(ts_path)
    counts = update_ts.update(ts, update_ts.extract(root))
    update_ts.write_ts(ts, ts_path)
    ts = update_ts.read_ts(ts_path)
    assert ts.messages["Done"].translation == "Færdig" and ts.messages["Done"].finished
    assert ts.messages["Regions"].type == "obsolete"  # kept, in case it comes back
    assert ts.messages["X"].type == "unfinished"
    assert counts["obsolete"] == 1 and counts["new"] == 1
    problems = update_ts.check(update_ts.extract(root), ts)
    assert any("'X'" in p for p in problems)
    assert not any("'Done'" in p for p in problems)


def test_write_read_round_trip_of_special_characters(tmp_path):
    ts = update_ts.TsFile()
    source = "A & B <b>\"x\"</b> 'y' > {n:,} – ø\nline two"
    ts.messages[source] = update_ts.TsMessage(source, "A & B <b>\"x\"</b> 'y' > {n:,} – ø", "")
    path = tmp_path / "x.ts"
    update_ts.write_ts(ts, path)
    back = update_ts.read_ts(path)
    assert list(back.messages) == [source]
    assert back.messages[source].translation.startswith("A & B <b>")


@pytest.mark.parametrize(
    ("source", "translation", "problem"),
    [
        ("{n:,} residents", "{n:,} indbyggere", None),
        ("{n:,} residents", "{n} indbyggere", "placeholders"),
        ("{a} and {b}", "{b} og {a}", None),
        ("{a} and {b}", "{a} og {c}", "placeholders"),
        ("'{layer}' has {count} band(s)", "'{layer}' har {count} bånd", None),
        ("<b>Method</b>: x<br>y", "<b>Metode</b>: x<br>y", None),
        ("<b>Method</b>: x<br>y", "<b>Metode: x<br>y", "HTML"),
        ("<b>Method</b>: x<br>y", "<b>Metode</b>: x y", "HTML"),
        ("> {limit} min", "> {limit} min", None),
        ("{lower}–{upper} min", "{lower}–{upper} min", None),
        ("%1 of %2", "%1 af %2", None),
        ("%1 of %2", "%1 af", "placeholders"),
    ],
)
def test_consistency_checks(source, translation, problem):
    problems = update_ts.consistency_problems(source, translation)
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problem in problems[0]
