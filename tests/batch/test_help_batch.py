"""``qgis_process help`` of every sundplan algorithm is plain text (no ``<br>``/``<b>`` tags)."""

from __future__ import annotations

import re
import subprocess

TAG_RE = re.compile(r"</?(br|b|i|p|ul|li|a|code|span|div)\b[^>]*>", re.IGNORECASE)


def _qgis_process(env: dict, tools, *args: str) -> str:
    done = subprocess.run(
        [tools.qgis_process, *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_help_of_every_algorithm_is_plain_text(qgis_process_env, qgis_process_tools):
    listing = _qgis_process(qgis_process_env, qgis_process_tools, "list")
    ids = sorted(set(re.findall(r"\bsundplan:\w+", listing)))
    assert len(ids) >= 8, listing
    for alg_id in ids:
        text = _qgis_process(qgis_process_env, qgis_process_tools, "help", alg_id)
        description = text.split("Description\n----------------\n", 1)[1].split("\n---", 1)[0]
        assert len(description) > 100, (alg_id, description)
        assert not TAG_RE.search(text), (alg_id, TAG_RE.search(text))
        # qgis_process's own type markers (<outputVector> ...) are not ours; nothing else is
        assert not re.search(r"</?[a-z][^>]*>", description), (alg_id, description[:300])
    catchments = _qgis_process(qgis_process_env, qgis_process_tools, "help", "sundplan:catchments")
    assert "\n\nMethod: the road network" in catchments
