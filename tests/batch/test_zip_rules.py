"""The plugin zip (``make zip``) against the rules of the QGIS plugin repository's upload
validator (plugins.qgis.org, ``qgis-app/plugins/validator.py``): one top folder with a valid
name, ``__init__.py`` and ``metadata.txt`` with the required fields, a ``LICENSE`` file (no
extension), no ``.pyc`` / ``__pycache__`` / ``.git`` / ``__MACOSX``, no ``..`` or absolute
paths, at most 25 MB. Plus what sundplan itself ships: the help pages, ``docs/speeds.md``."""

from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]
REQUIRED_METADATA = (
    "name",
    "description",
    "version",
    "qgisMinimumVersion",
    "author",
    "email",
    "about",
    "tracker",
    "repository",
)
MAX_BYTES = 25_000_000

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory) -> Path:
    build = tmp_path_factory.mktemp("zip")
    done = subprocess.run(
        ["make", "-C", str(REPO_DIR), "zip", f"DIST={build}/dist", f"BUILD={build}/build"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    (archive,) = (build / "dist").glob("sundplan-*.zip")
    return archive


def test_zip_follows_the_plugin_repository_rules(plugin_zip):
    assert plugin_zip.stat().st_size <= MAX_BYTES
    with zipfile.ZipFile(plugin_zip) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        metadata_text = archive.read("sundplan/metadata.txt").decode("utf-8")
        licence = archive.read("sundplan/LICENSE").decode("utf-8")
    package = names[0].split("/")[0]
    assert package == "sundplan" and re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", package)
    assert {n.split("/")[0] for n in names} == {package}
    assert f"{package}/__init__.py" in names
    for name in names:
        assert ".." not in name and not name.startswith("/"), name
        assert ".pyc" not in name, name
        parts = name.split("/")
        for banned in ("__MACOSX", ".git", "__pycache__"):
            assert banned not in parts, name
    parser = configparser.ConfigParser()
    parser.optionxform = str
    parser.read_string(metadata_text)
    general = dict(parser.items("general"))
    missing = [key for key in REQUIRED_METADATA if not general.get(key, "").strip()]
    assert not missing, missing
    assert "/" not in general["author"]
    for key in ("tracker", "repository", "homepage"):
        url = urlparse(general[key].split()[0])
        assert url.scheme and url.netloc, (key, general[key])
    assert f"{package}/{general['icon']}" in names
    assert "GNU GENERAL PUBLIC LICENSE" in licence and "Version 2, June 1991" in licence


def test_zip_ships_the_help_pages_and_the_speeds_doc(plugin_zip):
    with zipfile.ZipFile(plugin_zip) as archive:
        names = set(archive.namelist())
    assert "sundplan/docs/speeds.md" in names
    assert "sundplan/resources/help/make_help.py" not in names
    pages = sorted((REPO_DIR / "resources" / "help").rglob("*.html"))
    assert len(pages) >= 18
    for page in pages:
        assert f"sundplan/{page.relative_to(REPO_DIR).as_posix()}" in names, page
