"""Fixtures for running sundplan algorithms through ``qgis_process`` as a subprocess.

``qgis_process_env`` is an isolated QGIS profile (``QGIS_CUSTOM_CONFIG_PATH``) with this
repository linked as the plugin ``sundplan`` and enabled; ``run_alg`` runs one algorithm with
``--json`` and returns the parsed result. Reuse them for every batch test::

    def test_something(run_alg, tmp_path):
        out = run_alg("sundplan:reference_data", {"HOSPITALS": tmp_path / "h.gpkg"})
        assert out["results"]["HOSPITALS"].endswith("h.gpkg")
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]
QGIS_PROCESS = shutil.which("qgis_process", path="/usr/bin:/usr/local/bin") or "qgis_process"


class QgisProcessError(RuntimeError):
    """qgis_process failed; the message has the command, return code, stdout and stderr."""

    def __init__(self, args: list[str], proc: subprocess.CompletedProcess):
        self.args_ = args
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        super().__init__(
            f"qgis_process failed (rc {proc.returncode}): {' '.join(args)}\n"
            f"--- stdout ---\n{proc.stdout[-4000:]}\n--- stderr ---\n{proc.stderr[-4000:]}"
        )


def base_env(config_dir: Path) -> dict[str, str]:
    """Environment for qgis_process: Debian's python first, offscreen Qt, isolated profile."""
    env = dict(os.environ)
    env["PATH"] = "/usr/bin:/bin:" + env.get("PATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(config_dir)
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONHOME", None)
    env.pop("SUNDPLAN_SIMULATE_MISSING", None)
    env.setdefault("PROJ_DATA", "/usr/share/proj")
    env["LC_ALL"] = env.get("LC_ALL", "C.UTF-8")
    return env


def make_profile(config_dir: Path, plugin_source: Path, *, copy: bool = False) -> dict[str, str]:
    """Create an isolated QGIS profile with ``plugin_source`` as plugin ``sundplan``, enabled.

    ``copy=False`` symlinks (tests of the working tree); ``copy=True`` copies (packaging).
    Returns the environment to run qgis_process with.
    """
    plugins = config_dir / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    target = plugins / "sundplan"
    if target.is_symlink() or target.is_file():
        target.unlink()
    elif target.is_dir():
        shutil.rmtree(target)
    if copy:
        shutil.copytree(plugin_source, target)
    else:
        target.symlink_to(plugin_source, target_is_directory=True)
    env = base_env(config_dir)
    proc = subprocess.run(
        [QGIS_PROCESS, "plugins", "enable", "sundplan"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if proc.returncode != 0:
        raise QgisProcessError([QGIS_PROCESS, "plugins", "enable", "sundplan"], proc)
    return env


def run_qgis_process(
    env: dict[str, str], alg_id: str, params: dict, *, check: bool = True, timeout: float = 600
) -> tuple[dict | None, subprocess.CompletedProcess]:
    """Run ``qgis_process run alg_id --json -- KEY=VALUE ...``; return (parsed JSON, process).

    Values: ``Path`` and numbers are passed as strings; lists/tuples as repeated ``KEY=v``
    (multiple-input parameters); ``None`` values are skipped. With ``check`` a non-zero exit
    raises :class:`QgisProcessError`; otherwise the JSON is None when stdout is not JSON.
    """
    args = [QGIS_PROCESS, "run", alg_id, "--json", "--"]
    for key, value in params.items():
        if value is None:
            continue
        values = value if isinstance(value, list | tuple) else [value]
        for v in values:
            if isinstance(v, bool):
                v = "true" if v else "false"
            args.append(f"{key}={v}")
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise QgisProcessError(args, proc)
    try:
        data = json.loads(proc.stdout[proc.stdout.index("{") :]) if "{" in proc.stdout else None
    except json.JSONDecodeError:
        if check:
            raise QgisProcessError(args, proc) from None
        data = None
    return data, proc


@pytest.fixture(scope="session")
def qgis_process_env(tmp_path_factory) -> dict[str, str]:
    """Env dict for qgis_process with an isolated profile where ``sundplan`` is linked+enabled."""
    if not Path(QGIS_PROCESS).exists() and shutil.which(QGIS_PROCESS) is None:
        pytest.skip("qgis_process is not installed")
    config_dir = tmp_path_factory.mktemp("qgis_profile")
    return make_profile(config_dir, REPO_DIR)


@pytest.fixture(scope="session")
def run_alg(qgis_process_env) -> Callable[[str, dict], dict]:
    """``run_alg(alg_id, params) -> dict``: qgis_process --json output, raises on failure.

    The dict has ``results`` (output name -> value), ``inputs``, ``algorithm_details`` ...
    """

    def _run(alg_id: str, params: dict, *, env_extra: dict | None = None) -> dict:
        env = dict(qgis_process_env)
        if env_extra:
            env.update(env_extra)
        data, proc = run_qgis_process(env, alg_id, params)
        if "Traceback" in proc.stderr:
            raise QgisProcessError([alg_id], proc)
        return data

    return _run


@pytest.fixture(scope="session")
def qgis_process_tools():
    """The helpers of this conftest for tests that need more than ``run_alg``.

    Attributes: ``qgis_process`` (executable), ``repo_dir``, ``make_profile(config_dir,
    plugin_source, copy=False) -> env``, ``run_qgis_process(env, alg_id, params,
    check=True) -> (json | None, CompletedProcess)``, ``error`` (:class:`QgisProcessError`).
    """
    from types import SimpleNamespace

    return SimpleNamespace(
        qgis_process=QGIS_PROCESS,
        repo_dir=REPO_DIR,
        make_profile=make_profile,
        run_qgis_process=run_qgis_process,
        error=QgisProcessError,
    )


def read_table(path: Path) -> list[dict]:
    """All rows of the first layer of a vector file as dicts (attributes only)."""
    from osgeo import ogr

    ds = ogr.Open(str(path))
    rows = [f.items() for f in ds.GetLayer(0)]
    ds = None  # close only after the rows are read (a layer outliving its dataset crashes)
    return rows


@pytest.fixture(scope="session")
def sample(run_alg, tmp_path_factory) -> Path:
    """The synthetic sample region (seed 2027), written once per session by
    ``sundplan:sample_data`` through qgis_process. Read-only for the tests."""
    out = tmp_path_factory.mktemp("sample")
    run_alg("sundplan:sample_data", {"SEED": 2027, "OUTPUT_FOLDER": out})
    return out
