"""Run a list of sundplan cases in one headless QGIS process (used by ``same_outputs``).

Usage: ``python same_outputs_runner.py PLUGIN_PARENT CASES_JSON RESULTS_JSON``. PLUGIN_PARENT
holds the plugin folder ``sundplan``; CASES_JSON is a list of ``{"id", "alg", "params"}`` whose
values are already resolved except for two forms the tree decides:

- ``{"choice": key, "index": i}``: an enum value. A tree that declares the parameter with
  ``add_choice`` gets the position of ``key``; an older tree gets the position ``i``.
- parameter names listed in ``renames`` (``{alg: [[old, new, [[old_value, new_value], ...]]]}``):
  sent under whichever of the two names the tree's algorithm declares, the value translated
  when a pair matches.

One process per tree, because two plugins named ``sundplan`` cannot share an interpreter.
RESULTS_JSON gets, per case, the algorithm's results (or the error) and its warnings.
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback

QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"


def _start_qgis():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    # QGIS's own ``processing`` package, never a plugin tree's ``processing/`` folder
    sys.path.insert(0, os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    sys.path.insert(1, QGIS_PYTHON_PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


def _choice(value, keys, name):
    if not (isinstance(value, dict) and "choice" in value):
        return value
    if not keys:
        return value["index"]
    if value["choice"] not in keys:
        raise ValueError(f"choice {value['choice']!r} is not an option of {name}: {keys}")
    return keys.index(value["choice"])


def _resolve(alg, params: dict, renames: list) -> dict:
    """Enum choices by key where the tree knows keys; names as the tree declares them."""
    declared = {d.name() for d in alg.parameterDefinitions()}
    # test-only peek at the keys recorded by SundplanAlgorithm.add_choice (absent in old trees)
    choice_keys = getattr(alg, "_choice_keys", {}) or {}
    out = {}
    for name, value in params.items():
        for old, new, values in renames:
            if name not in (old, new):
                continue
            wanted = new if new in declared and old not in declared else old
            if wanted != name:  # translate the value between the two vocabularies
                pairs = values if wanted == new else [(b, a) for a, b in values]
                for source, target in pairs:
                    if source == value:
                        value = target
                        break
            name = wanted
            break
        out[name] = _choice(value, choice_keys.get(name), name)
    return out


def _serve_overpass(mock_path: str, sundplan) -> None:
    """Answer osmnx from the shared offline Overpass mock (``tests/osm_mock.py``), loopback
    only, for the cases that download a network (DOWNLOAD_EXTENT)."""
    import importlib.util

    from _pytest.monkeypatch import MonkeyPatch

    spec = importlib.util.spec_from_file_location("osm_mock", mock_path)
    osm_mock = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(osm_mock)
    osm_mock.loopback_only(MonkeyPatch())
    mock = osm_mock.OverpassMock()
    mock.__enter__()  # served until the process ends
    sundplan.sundplan_qgis._compat.set_osmnx_overpass_endpoint(mock.endpoint)


def main(plugin_parent: str, cases_path: str, results_path: str) -> int:
    app = _start_qgis()
    from qgis.core import QgsApplication, QgsProcessingFeedback

    import processing

    sys.path.insert(0, plugin_parent)
    import sundplan

    plugin = sundplan.classFactory(None)
    plugin.initProcessing()
    with open(cases_path, encoding="utf-8") as handle:
        spec = json.load(handle)
    if spec.get("overpass_mock"):
        _serve_overpass(spec["overpass_mock"], sundplan)
    registry = QgsApplication.processingRegistry()
    results = {}
    for case in spec["cases"]:

        class Feedback(QgsProcessingFeedback):
            warnings: list[str] = []

            def pushWarning(self, warning):  # noqa: N802
                self.warnings.append(warning)
                super().pushWarning(warning)

        feedback = Feedback()
        feedback.warnings = []
        started = time.monotonic()
        alg = registry.algorithmById(case["alg"])
        entry: dict = {"alg": case["alg"]}
        try:
            params = _resolve(alg, case["params"], spec["renames"].get(case["alg"], []))
            entry["params"] = params
            os.makedirs(case["out"], exist_ok=True)
            res = processing.run(case["alg"], params, feedback=feedback)
            entry["results"] = {k: v if isinstance(v, str | int | float | bool) or v is None
                                else str(v) for k, v in res.items()}  # fmt: skip
        except Exception as exc:  # one failing case must not hide the others
            entry["error"] = f"{type(exc).__name__}: {exc}"
            entry["traceback"] = traceback.format_exc()
        entry["warnings"] = list(feedback.warnings)
        entry["seconds"] = round(time.monotonic() - started, 1)  # not compared
        results[case["id"]] = entry
        print(case["id"], "error" if "error" in entry else "ok", entry["seconds"], flush=True)
    with open(results_path, "w", encoding="utf-8") as handle:
        json.dump(results, handle, indent=1, ensure_ascii=False)
    plugin.unload()
    sys.stdout.flush()
    # QGIS can crash while tearing down its Qt objects; the results are written already
    del app
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
