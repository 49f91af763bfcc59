"""The set-up script adds backports from the mirror the machine already uses, never a fixed host."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO_DIR = Path(__file__).resolve().parents[2]
SCRIPT = REPO_DIR / "scripts" / "debian_mirror.sh"


def _mirror(apt_dir: Path, codename: str = "bookworm") -> str | None:
    proc = subprocess.run(
        ["bash", str(SCRIPT), codename, str(apt_dir)], capture_output=True, text=True
    )
    return proc.stdout.strip() if proc.returncode == 0 else None


def _apt(tmp_path: Path, *, sources: str = "", list_: str = "", extra_list: str = "") -> Path:
    (tmp_path / "sources.list.d").mkdir(parents=True)
    if sources:
        (tmp_path / "sources.list.d" / "debian.sources").write_text(sources)
    if list_:
        (tmp_path / "sources.list").write_text(list_)
    if extra_list:
        (tmp_path / "sources.list.d" / "other.list").write_text(extra_list)
    return tmp_path


DEB822 = """Types: deb
URIs: file:/srv/mirror/debian-security
Suites: bookworm-security
Components: main

# the main archive
Types: deb deb-src
URIs: file:/srv/mirror/debian
Suites: bookworm bookworm-updates
Components: main
"""


def test_deb822_sources_give_the_main_archive_not_security(tmp_path):
    assert _mirror(_apt(tmp_path, sources=DEB822)) == "file:/srv/mirror/debian"


def test_deb822_disabled_and_src_only_stanzas_are_skipped(tmp_path):
    sources = (
        "Types: deb-src\nURIs: file:/srv/src/debian\nSuites: bookworm\n\n"
        "Enabled: no\nTypes: deb\nURIs: file:/srv/off/debian\nSuites: bookworm\n\n"
        "Types: deb\nURIs: file:/srv/mirror/debian\nSuites: bookworm\n"
    )
    assert _mirror(_apt(tmp_path, sources=sources)) == "file:/srv/mirror/debian"


def test_one_line_sources_with_options(tmp_path):
    list_ = (
        "# comment\n"
        "deb-src file:/srv/src/debian bookworm main\n"
        "deb [arch=amd64 signed-by=/usr/share/keyrings/k.gpg] "
        "file:/srv/mirror/debian bookworm main contrib\n"
    )
    assert _mirror(_apt(tmp_path, list_=list_)) == "file:/srv/mirror/debian"


def test_no_source_for_the_suite_fails(tmp_path):
    apt = _apt(tmp_path, list_="deb file:/srv/mirror/debian trixie main\n")
    assert _mirror(apt, "bookworm") is None
    assert _mirror(apt, "trixie") == "file:/srv/mirror/debian"


def test_no_package_host_is_named_in_the_repository():
    hosts = re.compile(
        r"deb\.debian\.org|ftp\.\w+\.debian\.org|security\.debian\.org|qgis\.org/debian"
        r"|archive\.ubuntu\.com|files\.pythonhosted\.org|pypi\.org/simple"
    )
    offenders = []
    for path in REPO_DIR.rglob("*"):
        parts = set(path.relative_to(REPO_DIR).parts)
        if parts & {".git", ".venv", "build", "dist", "__pycache__"} or not path.is_file():
            continue
        if path.suffix in {".qm", ".png", ".pdf", ".gpkg", ".tif", ".pbf", ".svg"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if hosts.search(text) and path != Path(__file__):
            offenders.append(str(path.relative_to(REPO_DIR)))
    assert not offenders, f"package hosts named in: {offenders}"


@pytest.mark.skipif(not Path("/etc/apt").is_dir(), reason="needs a Debian machine")
def test_this_machine_has_a_mirror_for_its_own_release():
    release = dict(
        line.split("=", 1)
        for line in Path("/etc/os-release").read_text().splitlines()
        if "=" in line
    )
    codename = release.get("VERSION_CODENAME", "").strip('"')
    if codename not in ("bookworm", "trixie"):
        pytest.skip(f"not Debian 12/13 ({codename!r})")
    assert _mirror(Path("/etc/apt"), codename)
