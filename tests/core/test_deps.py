"""sundplan_qgis.deps: finding missing packages and the install hint."""

from __future__ import annotations

from sundplan_qgis import deps


def test_nothing_missing_on_the_dev_machine(monkeypatch):
    monkeypatch.delenv(deps.SIMULATE_ENV, raising=False)
    assert deps.missing_dependencies() == []
    assert deps.install_hint() == ""


def test_simulated_missing_keeps_declaration_order(monkeypatch):
    monkeypatch.setenv(deps.SIMULATE_ENV, "osmnx, geopandas")
    assert deps.missing_dependencies() == ["geopandas", "osmnx"]


def test_simulate_all(monkeypatch):
    monkeypatch.setenv(deps.SIMULATE_ENV, "all")
    assert deps.missing_dependencies() == [d.import_name for d in deps.DEPENDENCIES]


def test_really_missing_package_is_found(monkeypatch):
    monkeypatch.delenv(deps.SIMULATE_ENV, raising=False)
    extra = deps.Dependency("sundplan_no_such_pkg", "NoSuch", "python3-nosuch", None, "nosuch")
    monkeypatch.setattr(deps, "DEPENDENCIES", (*deps.DEPENDENCIES, extra))
    assert deps.missing_dependencies() == ["sundplan_no_such_pkg"]


def test_hint_debian_names_everything(monkeypatch):
    monkeypatch.setenv(deps.SIMULATE_ENV, "all")
    hint = deps.install_hint(platform="linux")
    apt_line = next(line for line in hint.splitlines() if line.startswith("Debian/Ubuntu:"))
    for name in (
        "python3-geopandas",
        "python3-rasterio",
        "python3-osmnx",
        "python3-scipy",
        "python3-pyosmium",
        "python3-pyproj",
        "python3-numpy",
        "python3-pandas",
    ):
        assert name in apt_line
    assert hint.splitlines()[1].startswith("Debian/Ubuntu:")  # own platform first


def test_hint_windows_osgeo4w_and_pip(monkeypatch):
    hint = deps.install_hint(["geopandas", "osmnx", "osmium", "scipy"], platform="win32")
    first, second = hint.splitlines()[1:3]
    assert first.startswith("Windows (OSGeo4W")
    assert "python3-geopandas" in first and "python3-scipy" in first
    assert "python -m pip install osmnx osmium" in first
    assert "OSGeo4W Shell" in first
    assert second.startswith("Debian/Ubuntu:")


def test_hint_names_only_what_is_missing():
    hint = deps.install_hint(["rasterio"], platform="linux")
    assert "rasterio" in hint
    assert "geopandas" not in hint
    assert "pip install" not in hint  # rasterio is an OSGeo4W package


def test_hint_for_unknown_package_does_not_crash():
    assert "python3-foo" in deps.install_hint(["foo"], platform="linux")
