"""pytest-qgis fixtures for the plugin: headless QGIS, the plugin imported as ``sundplan``.

Run with ``QT_QPA_PLATFORM=offscreen`` in the environment (pytest-qgis starts QGIS before
this file is imported; the assignment below only covers direct imports).

The repository root is the plugin folder, so it is importable only under its installed name
``sundplan``: a session temp dir holds a symlink ``sundplan -> <repo>`` and goes on
``sys.path``. The repo root itself is on ``sys.path`` too (``pythonpath = ["."]`` for the
core tests), where its ``processing/`` folder would shadow QGIS's own ``processing`` package:
QGIS's python plugins folder is therefore put in front of it here (the rule about the name is
in ``processing/__init__.py``).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_DIR = Path(__file__).resolve().parents[2]
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"


def _put_qgis_processing_first() -> None:
    """Make ``import processing`` find QGIS's package, not this repo's ``processing/``."""
    candidates = [QGIS_PYTHON_PLUGINS]
    try:
        from qgis.core import QgsApplication

        candidates.insert(0, os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    except ImportError:
        pass
    for path in candidates:
        if os.path.isdir(os.path.join(path, "processing")):
            if path in sys.path:
                sys.path.remove(path)
            sys.path.insert(0, path)
            break
    module = sys.modules.get("processing")
    if module is not None and str(REPO_DIR) in str(getattr(module, "__file__", "")):
        for name in [n for n in sys.modules if n == "processing" or n.startswith("processing.")]:
            del sys.modules[name]


_put_qgis_processing_first()

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def sundplan_package(tmp_path_factory):
    """The plugin imported as the package ``sundplan`` (via a symlink to the repo root)."""
    import importlib

    link_dir = tmp_path_factory.mktemp("plugins")
    (link_dir / "sundplan").symlink_to(REPO_DIR, target_is_directory=True)
    sys.path.insert(0, str(link_dir))
    return importlib.import_module("sundplan")


@pytest.fixture(scope="module")
def sundplan_provider(qgis_app, qgis_processing, sundplan_package):
    """The ``sundplan`` Processing provider, registered per test module (headless path).

    Module scope, so the GUI tests, which register the provider themselves through the
    plugin's initGui, never find one already registered under the same id."""
    plugin = sundplan_package.classFactory(None)
    plugin.initProcessing()
    yield plugin.provider
    plugin.unload()


@pytest.fixture
def base_module(sundplan_package):
    """``sundplan.processing.base`` with a clean dependency cache before and after the test."""
    import importlib

    base = importlib.import_module("sundplan.processing.base")
    runtime = importlib.import_module("sundplan.processing._runtime")
    runtime.reset_dependency_cache()
    yield base
    runtime.reset_dependency_cache()


@pytest.fixture
def simulate_missing(monkeypatch, base_module):
    """``simulate_missing("pandas,osmnx")``: make packages count as missing for this test."""

    def _simulate(names: str) -> None:
        import importlib

        monkeypatch.setenv("SUNDPLAN_SIMULATE_MISSING", names)
        importlib.import_module("sundplan.processing._runtime").reset_dependency_cache()

    return _simulate


def _lrelease() -> str | None:
    import shutil

    found = shutil.which("lrelease")
    if found:
        return found
    fallback = Path("/usr/lib/qt5/bin/lrelease")
    return str(fallback) if fallback.exists() else None


def ts_with_pending(target: Path) -> Path:
    """``i18n/sundplan_da.ts`` updated from the code, with the translations still waiting in
    ``i18n/pending/*.json`` applied (they are merged into the .ts when branches come
    together), written to ``target``: the tests see every string the code has now."""
    import io

    sys.path.insert(0, str(REPO_DIR / "i18n"))
    try:
        import update_ts
    finally:
        sys.path.pop(0)
    ts = update_ts.read_ts(update_ts.TS_PATH)
    update_ts.update(ts, update_ts.extract(REPO_DIR))
    with contextlib.redirect_stdout(io.StringIO()):  # skipped entries are --check's business
        for pending in sorted((REPO_DIR / "i18n" / "pending").glob("*.json")):
            update_ts.apply_translations(ts, pending)
    update_ts.write_ts(ts, target)
    return target


@contextlib.contextmanager
def danish_translation(folder: Path):
    """The Danish translation (the .ts plus the pending translations, compiled into
    ``folder / "sundplan_da.qm"``) installed while the block runs."""
    import subprocess

    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    lrelease = _lrelease()
    if lrelease is None:
        pytest.skip("lrelease not installed (qttools5-dev-tools)")
    ts = ts_with_pending(folder / "sundplan_da.ts")
    qm = folder / "sundplan_da.qm"
    done = subprocess.run(
        [lrelease, "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and qm.is_file(), done.stdout + done.stderr
    translator = QTranslator()
    assert translator.load(str(qm)), f"QTranslator could not load {qm}"
    QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.fixture
def danish(tmp_path, sundplan_provider):
    """Danish installed for one test (``tmp_path / "sundplan_da.qm"``); English afterwards."""
    with danish_translation(tmp_path) as translator:
        yield translator
