"""Help: the bundled pages are up to date and complete, ``helpUrl`` opens the page of the
interface language, and the short help is plain text in ``qgis_process`` (headless)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]
HELP_DIR = REPO_DIR / "resources" / "help"
TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")


@pytest.fixture(scope="module")
def make_help(sundplan_provider):
    spec = importlib.util.spec_from_file_location("make_help", HELP_DIR / "make_help.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


@pytest.fixture(scope="module")
def algorithms(sundplan_provider):
    return sundplan_provider.algorithms()


@pytest.fixture
def locale_setting():
    """Set the QGIS interface locale for one test; restore it afterwards."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    before = settings.value("locale/userLocale", None)

    def _set(value: str) -> None:
        settings.setValue("locale/userLocale", value)

    yield _set
    if before is None:
        settings.remove("locale/userLocale")
    else:
        settings.setValue("locale/userLocale", before)


def test_committed_pages_are_up_to_date(make_help):
    if make_help.lrelease() is None:
        pytest.skip("lrelease not installed (qttools5-dev-tools): no Danish pages")
    stale = make_help.stale_pages(make_help.build_pages())
    assert not stale, (
        "help pages are stale; regenerate with "
        "`QT_QPA_PLATFORM=offscreen python3 resources/help/make_help.py`: " + ", ".join(stale)
    )


def test_every_tool_has_a_page_with_every_parameter_and_output(algorithms):
    assert len(algorithms) >= 8
    for alg in algorithms:
        for folder in (HELP_DIR, HELP_DIR / "da"):
            text = (folder / f"{alg.name()}.html").read_text(encoding="utf-8")
            assert f"sundplan:{alg.name()}" in text
            for param in alg.parameterDefinitions():
                assert f"<code>{param.name()}</code>" in text, (folder, alg.name(), param.name())
            for out in alg.outputDefinitions():
                assert f"<code>{out.name()}</code>" in text, (folder, alg.name(), out.name())


def test_routing_tools_have_the_speed_table(algorithms):
    """The km/h per class as the code has them (read here from the core, not the page)."""
    from sundplan.sundplan_qgis.network import DEFAULT_SPEEDS_KMH

    routing = {a.name() for a in algorithms if a.parameterDefinition("SPEED_TABLE")}
    assert {"catchments", "catchment_scenario", "fca_access"} <= routing
    for alg in algorithms:
        text = (HELP_DIR / f"{alg.name()}.html").read_text(encoding="utf-8")
        assert ('id="speeds"' in text) == (alg.name() in routing), alg.name()
        if alg.name() not in routing:
            continue
        rows = dict(re.findall(r"<tr><td><code>(\w+)</code></td><td class=\"num\">(\d+)<", text))
        assert rows == {k: str(int(v)) for k, v in DEFAULT_SPEEDS_KMH.items()}
        assert 'href="../../docs/speeds.md"' in text
        assert (HELP_DIR / "../../docs/speeds.md").resolve().is_file()
    danish = (HELP_DIR / "da" / "catchments.html").read_text(encoding="utf-8")
    assert "Hastighed pr. vejklasse" in danish and "gangtempo" in danish
    assert 'href="../../../docs/speeds.md"' in danish


def test_pages_read_in_their_language(algorithms):
    english = (HELP_DIR / "catchments.html").read_text(encoding="utf-8")
    danish = (HELP_DIR / "da" / "catchments.html").read_text(encoding="utf-8")
    assert "<b>Method</b>" in english and "Default" in english
    assert "<b>Metode</b>" in danish and "Standardværdi" in danish
    assert "<td>1.000</td>" in danish  # MAX_SNAP_M, Danish thousands separator
    assert "Langs vejene" in danish  # option labels from the translation
    # no machine path: the cache folder default is named, not printed
    assert "&lt;QGIS-profil&gt;/sundplan/osm_cache" in danish
    assert str(Path.home()) not in english and "/tmp/" not in english


def _page_of(url: str) -> Path:
    parsed = urlparse(url)
    assert parsed.scheme == "file", url
    return Path(url2pathname(parsed.path))


def test_help_url_follows_the_interface_language(algorithms, locale_setting):
    for language, folder in (("da_DK", HELP_DIR / "da"), ("en_GB", HELP_DIR), ("fr", HELP_DIR)):
        locale_setting(language)
        for alg in algorithms:
            page = _page_of(alg.helpUrl())
            assert page.resolve() == (folder / f"{alg.name()}.html").resolve(), (language, page)


def test_short_help_is_rich_in_the_dialog_and_plain_on_the_command_line(algorithms, monkeypatch):
    from qgis.core import QgsApplication
    from sundplan.processing import _help

    catchments = next(a for a in algorithms if a.name() == "catchments")
    assert "<b>Method</b>" in catchments.shortHelpString()  # dialog, modeller, Python
    monkeypatch.setattr(_help, "CLI_PLATFORM", QgsApplication.platform())
    for alg in algorithms:
        text = alg.shortHelpString()
        assert text and not TAG_RE.search(text), (alg.name(), TAG_RE.search(text))
    plain = catchments.shortHelpString()
    assert "\n\nMethod: the road network" in plain


def test_plain_text_conversion():
    from sundplan.processing._help import plain_text

    assert plain_text("A<br><br><b>B</b>: c &amp; d<br>e & f") == "A\n\nB: c & d\ne & f"
    assert plain_text("<p>one</p><p>two</p>") == "one\n\ntwo"
    assert plain_text("x<ul><li>a</li><li>b</li></ul>") == "x\n- a\n- b"
