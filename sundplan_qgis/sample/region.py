"""The sample region: generate every part in a fixed order, write the files, move them into
place all at once.

:func:`generate_sample_region` is the entry point; :func:`_write_sample_region` names the
steps. The parts live beside this module: :mod:`.areas` (land, kommuner), :mod:`.roads`,
:mod:`.population`, :mod:`.facilities` and :mod:`.writers`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import msg
from . import areas, facilities, roads
from .population import generate_population
from .schema import (
    EPSG,
    GP_PRACTICES_LAYER,
    GPKG_NAME,
    HOSPITAL_FIELDS,
    HOSPITALS_LAYER,
    KOMMUNER_LAYER,
    REGION_SIZE_M,
    REGION_X0,
    REGION_Y0,
    ROADS_LAYER,
    SPECIALISTS_LAYER,
    synthetic_note,
)
from .writers import (
    open_gpkg,
    osm_nodes_and_ways,
    osm_tags,
    pinned_gdal_date,
    readme_text,
    write_layer,
    write_osm_pbf,
    write_osm_xml,
    write_population_tif,
    write_roads_layer,
)


@dataclass
class SampleRegion:
    """Paths and small statistics of a generated sample region.

    All vector layers live in one GeoPackage (``gpkg``); the ``*_gpkg`` fields all point at it
    and the ``*_layer`` fields name the layers. Counts are numbers of features; populations
    are persons; ``bounds`` is (xmin, ymin, xmax, ymax) in metres, EPSG:25832.
    """

    out_dir: Path
    seed: int
    gpkg: Path
    roads_gpkg: Path
    hospitals_gpkg: Path
    gp_practices_gpkg: Path
    specialists_gpkg: Path
    kommuner_gpkg: Path
    roads_osm: Path
    roads_osm_pbf: Path | None
    population_tif: Path
    readme: Path
    roads_layer: str = ROADS_LAYER
    hospitals_layer: str = HOSPITALS_LAYER
    gp_practices_layer: str = GP_PRACTICES_LAYER
    specialists_layer: str = SPECIALISTS_LAYER
    kommuner_layer: str = KOMMUNER_LAYER
    epsg: int = EPSG
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    n_road_lines: int = 0
    n_road_segments: int = 0
    n_hospitals: int = 0
    n_gp_practices: int = 0
    n_specialists: int = 0
    n_kommuner: int = 0
    total_population: int = 0
    ferry_duration_min: float = 0.0
    town_names: tuple[str, ...] = ()

    def uri(self, layer: str) -> str:
        """OGR/QGIS data source string of one layer: ``<gpkg>|layername=<layer>``."""
        return f"{self.gpkg}|layername={layer}"


def generate_sample_region(
    out_dir: Path, *, seed: int = 2027, scale: str = "region", progress=None
) -> SampleRegion:
    """Generate the fictional sample region into ``out_dir`` and return what was written.

    Writes ``sample_region.gpkg`` (layers roads, hospitals, gp_practices, specialists,
    kommuner), ``roads.osm`` (and ``roads.osm.pbf`` when pyosmium is available),
    ``population.tif`` (int32 persons per 100 m cell) and ``README.txt``. All coordinates are
    metres in EPSG:25832, inside x 500 000–560 000, y 6 200 000–6 260 000. Deterministic in
    ``seed``. Only ``scale="region"`` exists (about 60 km x 60 km, ~200 000 residents).

    All or nothing: the files are written to a hidden folder inside ``out_dir`` and moved
    into place only when all are written; on any error, or when ``progress(fraction,
    message)`` raises (a cancel), the hidden folder is removed, and ``out_dir`` too when this
    call created it, so nothing is left behind.
    """
    if scale != "region":
        raise ValueError(f"unknown scale {scale!r}; only 'region' is supported")
    import dataclasses
    import os
    import shutil
    import tempfile

    report = progress or (lambda _fraction, _message: None)
    out_dir = Path(out_dir)
    created = [p for p in (out_dir, *out_dir.parents) if not p.exists()]
    out_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".sundplan-sample-", dir=out_dir))
    try:
        region = _write_sample_region(staging, seed=seed, progress=report)
        report(0.95, msg("Moving the sample files into place"))  # the last chance to cancel
        for name in sorted(p.name for p in staging.iterdir()):
            os.replace(staging / name, out_dir / name)
        staging.rmdir()
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        for folder in created:  # innermost first; only folders this call made, if empty
            try:
                folder.rmdir()
            except OSError:
                break
        raise
    moved = {
        f.name: out_dir / getattr(region, f.name).relative_to(staging)
        for f in dataclasses.fields(region)
        if isinstance(getattr(region, f.name), Path)
        and getattr(region, f.name).is_relative_to(staging)
    }
    return dataclasses.replace(region, **moved)


def _write_sample_region(out_dir: Path, *, seed: int, progress) -> SampleRegion:  # noqa: ANN001
    """The body of :func:`generate_sample_region`: generate every part with one random
    generator, in a fixed order (the order of the draws is part of the sample), and write
    every file into ``out_dir``."""
    progress(0.0, msg("Generating roads and towns"))
    rng = np.random.default_rng(seed)
    land = areas.generate_land(rng)
    road_lines = roads.Roads()
    towns = roads.add_towns(road_lines, rng=rng, land=land)
    motorway = roads.add_motorway(road_lines, rng=rng, towns=towns)
    villages_xy = roads.add_rural_roads(
        road_lines, rng=rng, land=land, towns=towns, motorway=motorway
    )
    ferry_duration = roads.add_island_roads_and_ferry(road_lines, rng=rng, land=land, towns=towns)
    roads.add_stubs(road_lines, rng=rng, land=land)
    kommune_geoms = areas.kommune_polygons(rng=rng, land=land)

    progress(0.3, msg("Generating the population"))
    grid = generate_population(
        rng=rng, towns=towns, villages_xy=villages_xy, kommune_geoms=kommune_geoms
    )
    pop_tif = out_dir / "population.tif"
    write_population_tif(pop_tif, grid.population, x0=grid.x0_m, y_top=grid.y_top_m, seed=seed)

    progress(0.5, msg("Placing hospitals, GP practices and specialists"))
    kommune_rows = areas.kommune_rows(
        rng=rng, population=grid.population, kommune_index=grid.kommune_index
    )
    hospitals = facilities.hospitals(rng=rng, towns=towns)
    gp_practices = facilities.gp_practices(rng=rng, towns=towns, grid=grid)
    specialists = facilities.specialists(rng=rng, towns=towns)

    progress(0.6, msg("Writing the GeoPackage"))
    gpkg = out_dir / GPKG_NAME
    _write_gpkg(
        gpkg,
        road_lines=road_lines,
        hospitals=hospitals,
        gp_practices=gp_practices,
        specialists=specialists,
        kommuner=(kommune_rows, [bytes(g.wkb) for g in kommune_geoms]),
        seed=seed,
    )

    progress(0.75, msg("Writing the OSM files"))
    osm_path, pbf = _write_osm(out_dir, road_lines, seed=seed)

    progress(0.9, msg("Writing the README"))
    readme = out_dir / "README.txt"
    readme.write_text(readme_text(seed, "region"), encoding="utf-8")
    return SampleRegion(
        out_dir=out_dir,
        seed=seed,
        gpkg=gpkg,
        roads_gpkg=gpkg,
        hospitals_gpkg=gpkg,
        gp_practices_gpkg=gpkg,
        specialists_gpkg=gpkg,
        kommuner_gpkg=gpkg,
        roads_osm=osm_path,
        roads_osm_pbf=pbf,
        population_tif=pop_tif,
        readme=readme,
        bounds=(REGION_X0, REGION_Y0, REGION_X0 + REGION_SIZE_M, REGION_Y0 + REGION_SIZE_M),
        n_road_lines=len(road_lines),
        n_road_segments=int(sum(len(c) - 1 for c in road_lines.coords)),
        n_hospitals=len(hospitals[0]),
        n_gp_practices=len(gp_practices[0]),
        n_specialists=len(specialists[0]),
        n_kommuner=len(kommune_rows),
        total_population=int(grid.population.sum()),
        ferry_duration_min=ferry_duration,
        town_names=tuple(towns),
    )


def _write_gpkg(
    path: Path,
    *,
    road_lines: roads.Roads,
    hospitals: facilities.PointRows,
    gp_practices: facilities.PointRows,
    specialists: facilities.PointRows,
    kommuner: tuple[list[list], list[bytes]],
    seed: int,
) -> None:
    """All vector layers into one GeoPackage, in a fixed order, with pinned timestamps."""
    from osgeo import ogr

    note = synthetic_note(seed)
    layers = (
        (HOSPITALS_LAYER, ogr.wkbPoint, HOSPITAL_FIELDS, hospitals),
        (GP_PRACTICES_LAYER, ogr.wkbPoint, facilities.GP_PRACTICE_FIELDS, gp_practices),
        (SPECIALISTS_LAYER, ogr.wkbPoint, facilities.SPECIALIST_FIELDS, specialists),
        (KOMMUNER_LAYER, ogr.wkbMultiPolygon, areas.KOMMUNE_FIELDS, kommuner),
    )
    with pinned_gdal_date():
        ds = open_gpkg(path)
        write_roads_layer(ds, road_lines, description=note)
        for name, geom_type, fields, (rows, wkbs) in layers:
            write_layer(
                ds,
                name=name,
                geom_type=geom_type,
                fields=fields,
                rows=rows,
                wkbs=wkbs,
                description=note,
            )
        ds = None


def _write_osm(out_dir: Path, road_lines: roads.Roads, *, seed: int) -> tuple[Path, Path | None]:
    """The roads as ``roads.osm`` and, when pyosmium can write it, ``roads.osm.pbf``."""
    osm_path = out_dir / "roads.osm"
    write_osm_xml(osm_path, road_lines, seed=seed)
    _ids, lonlat, ways = osm_nodes_and_ways(road_lines)
    try:
        pbf = write_osm_pbf(
            out_dir / "roads.osm.pbf",
            lonlat=lonlat,
            ways=((w, osm_tags(road_lines, i, seed)) for i, w in enumerate(ways)),
        )
    except Exception:  # noqa: BLE001 - the .pbf is optional
        pbf = None
    return osm_path, pbf
