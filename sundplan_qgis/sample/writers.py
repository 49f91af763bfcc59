"""File writers of the sample data (osgeo.ogr, rasterio, pyosmium), all deterministic.

GeoPackage layers with pinned timestamps, the int32 population GeoTIFF, the roads as OSM XML
and .osm.pbf, and the README. Same input → same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

import numpy as np

from .schema import CELL_SIZE_M, EPSG, POPULATION_NODATA, ROAD_FIELDS, ROADS_LAYER, synthetic_note

if TYPE_CHECKING:
    from .roads import Roads

_FIXED_GDAL_DATE = "2000-01-01T00:00:00.000Z"


@contextmanager
def pinned_gdal_date() -> Iterator[None]:
    """Pin GDAL's GeoPackage timestamps so that same seed → same file content."""
    from osgeo import gdal

    old = gdal.GetConfigOption("OGR_CURRENT_DATE")
    gdal.SetConfigOption("OGR_CURRENT_DATE", _FIXED_GDAL_DATE)
    try:
        yield
    finally:
        gdal.SetConfigOption("OGR_CURRENT_DATE", old)


def open_gpkg(path: Path):  # noqa: ANN202 - ogr.DataSource
    """Create (overwrite) a GeoPackage. GDAL's global exception mode is left as it is (this
    runs inside QGIS); failures are checked through return values instead."""
    from osgeo import ogr

    if path.exists():
        path.unlink()
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(str(path))
    if ds is None:
        raise OSError(f"could not create the GeoPackage {path}")
    return ds


_OGR_TYPES = {"str": 4, "int": 0, "real": 2}  # ogr.OFTString, OFTInteger, OFTReal


def write_layer(
    ds,  # noqa: ANN001 - ogr.DataSource
    *,
    name: str,
    geom_type: int,
    fields: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[object]],
    wkbs: Sequence[bytes],
    description: str,
) -> None:
    """Write one layer: ``fields`` are (name, 'str'|'int'|'real'); rows align with ``wkbs``."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lyr = ds.CreateLayer(
        name,
        srs=srs,
        geom_type=geom_type,
        options=["GEOMETRY_NAME=geom", "FID=fid", f"DESCRIPTION={description}"],
    )
    if lyr is None:
        raise OSError(f"could not create the layer {name}")
    for fname, ftype in fields:
        if lyr.CreateField(ogr.FieldDefn(fname, _OGR_TYPES[ftype])) != 0:
            raise OSError(f"could not create the field {fname} in layer {name}")
    defn = lyr.GetLayerDefn()
    lyr.StartTransaction()
    for row, wkb in zip(rows, wkbs, strict=True):
        feat = ogr.Feature(defn)
        for i, value in enumerate(row):
            if value is None:
                feat.SetFieldNull(i)
            else:
                feat.SetField(i, value)
        feat.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        if lyr.CreateFeature(feat) != 0:
            raise OSError(f"could not write a feature to layer {name}")
    if lyr.CommitTransaction() != 0:
        raise OSError(f"could not commit layer {name}")


def write_gpkg_layer(path: Path, **layer) -> None:
    """A new GeoPackage at ``path`` holding one layer (:func:`write_layer`'s keywords), with
    GDAL's timestamps pinned (same input, same file)."""
    with pinned_gdal_date():
        ds = open_gpkg(path)
        write_layer(ds, **layer)
        ds = None


def linestring_wkb(xy: np.ndarray) -> bytes:
    """ISO WKB (little endian) of a 2D LineString from an (N, 2) float array."""
    xy = np.ascontiguousarray(xy, dtype="<f8")
    return b"\x01\x02\x00\x00\x00" + np.uint32(len(xy)).astype("<u4").tobytes() + xy.tobytes()


def point_wkb(x: float, y: float) -> bytes:
    return b"\x01\x01\x00\x00\x00" + np.array([x, y], dtype="<f8").tobytes()


def write_population_tif(
    path: Path, pop: np.ndarray, *, x0: float, y_top: float, seed: int
) -> None:
    """Write an int32 persons-per-cell GeoTIFF (100 m cells, EPSG:25832, deflate)."""
    import rasterio
    from rasterio.transform import from_origin

    profile = {
        "driver": "GTiff",
        "height": pop.shape[0],
        "width": pop.shape[1],
        "count": 1,
        "dtype": "int32",
        "crs": f"EPSG:{EPSG}",
        "transform": from_origin(x0, y_top, CELL_SIZE_M, CELL_SIZE_M),
        "nodata": POPULATION_NODATA,
        "compress": "deflate",
        "tiled": True,
        "blockxsize": 256,
        "blockysize": 256,
    }
    if path.exists():
        path.unlink()
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(pop.astype(np.int32), 1)
        dst.update_tags(
            SYNTHETIC="1",
            DESCRIPTION=synthetic_note(seed),
            UNITS="persons per 100 m cell",
        )
        dst.set_band_description(1, "population (persons per cell, synthetic)")


def osm_nodes_and_ways(roads: Roads) -> tuple[np.ndarray, np.ndarray, list[np.ndarray]]:
    """Shared OSM node ids: (lon, lat) per node (ids 1..N), and the node ids of every way.

    Vertices with identical coordinates get the same node (junctions are shared).
    """
    from pyproj import Transformer

    allxy = np.vstack(roads.coords)
    uniq, first, inverse = np.unique(allxy, axis=0, return_index=True, return_inverse=True)
    inverse = np.asarray(inverse).reshape(-1)
    # ids in order of first appearance (stable and readable)
    order = np.argsort(first, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(order.size)
    ids = rank[inverse] + 1
    tr = Transformer.from_crs(EPSG, 4326, always_xy=True)
    lon, lat = tr.transform(uniq[order, 0], uniq[order, 1])
    lonlat = np.column_stack([lon, lat])
    offsets = np.cumsum([0] + [len(c) for c in roads.coords])
    ways = [ids[offsets[i] : offsets[i + 1]] for i in range(len(roads.coords))]
    return np.arange(1, order.size + 1), lonlat, ways


def osm_tags(roads: Roads, i: int, seed: int) -> dict[str, str]:
    cls = roads.road_class[i]
    tags: dict[str, str] = {}
    if cls == "ferry":
        tags["route"] = "ferry"
        tags["motor_vehicle"] = "yes"
        dur = roads.duration_min[i]
        if dur is not None:
            minutes = int(round(dur))
            tags["duration"] = f"{minutes // 60:02d}:{minutes % 60:02d}"
    else:
        tags["highway"] = cls
    if roads.maxspeed_kmh[i] is not None:
        tags["maxspeed"] = str(roads.maxspeed_kmh[i])
    if roads.oneway[i]:
        tags["oneway"] = roads.oneway[i]
    if roads.name[i]:
        tags["name"] = roads.name[i]
    tags["note"] = synthetic_note(seed)
    return tags


def write_osm_xml(path: Path, roads: Roads, *, seed: int) -> None:
    """Write the road lines as OSM XML (nodes with lon/lat, ways with highway/route tags)."""
    ids, lonlat, ways = osm_nodes_and_ways(roads)
    out = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        '<osm version="0.6" generator="sundplan sample (SYNTHETIC)">',
    ]
    for nid, (lon, lat) in zip(ids.tolist(), lonlat.tolist(), strict=True):
        out.append(f'  <node id="{nid}" version="1" lat="{lat:.7f}" lon="{lon:.7f}"/>')
    for i, nodes in enumerate(ways):
        out.append(f'  <way id="{i + 1}" version="1">')
        out.extend(f'    <nd ref="{n}"/>' for n in nodes.tolist())
        for k, v in osm_tags(roads, i, seed).items():
            out.append(f"    <tag k={quoteattr(k)} v={quoteattr(v)}/>")
        out.append("  </way>")
    out.append("</osm>")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_osm_pbf(
    path: Path,
    *,
    lonlat: np.ndarray,
    ways: Iterator[tuple[np.ndarray, dict[str, str]]],
) -> Path | None:
    """Write nodes (ids 1..N) and ways as .osm.pbf with pyosmium's SimpleWriter.

    Returns the path, or None when pyosmium is missing or cannot write the file.
    """
    try:
        import osmium
        from osmium.osm import mutable
    except ImportError:
        return None
    if path.exists():
        path.unlink()
    writer = osmium.SimpleWriter(str(path))
    try:
        lon = np.round(lonlat[:, 0], 7).tolist()
        lat = np.round(lonlat[:, 1], 7).tolist()
        for i, (x, y) in enumerate(zip(lon, lat, strict=True)):
            writer.add_node(mutable.Node(id=i + 1, version=1, location=(x, y), tags={}))
        for wid, (nodes, tags) in enumerate(ways, start=1):
            writer.add_way(mutable.Way(id=wid, version=1, nodes=nodes.tolist(), tags=tags))
    finally:
        writer.close()
    return path


def write_roads_layer(ds, roads: Roads, *, description: str, name: str = ROADS_LAYER) -> None:  # noqa: ANN001
    """Write the road lines with the documented schema (see docs/architecture.md)."""
    from osgeo import ogr

    rows = [
        [
            roads.road_class[i],
            roads.maxspeed_kmh[i],
            roads.oneway[i],
            roads.name[i],
            roads.duration_min[i],
            1,
        ]
        for i in range(len(roads))
    ]
    write_layer(
        ds,
        name=name,
        geom_type=ogr.wkbLineString,
        fields=ROAD_FIELDS,
        rows=rows,
        wkbs=[linestring_wkb(c) for c in roads.coords],
        description=description,
    )


def readme_text(seed: int, kind: str) -> str:
    what = {
        "region": (
            "A fictional Danish-like region: sample_region.gpkg (layers roads, hospitals,\n"
            "gp_practices, specialists, kommuner), roads.osm / roads.osm.pbf (the same road\n"
            "network as OpenStreetMap data) and population.tif (persons per 100 m cell).\n"
        ),
        "country": (
            "A fictional country-size benchmark network: roads.gpkg (layer roads),\n"
            "roads.osm.pbf, hospitals.gpkg (layer hospitals) and population.tif (persons per\n"
            "100 m cell).\n"
        ),
    }[kind]
    return (
        f"{synthetic_note(seed)}\n\n"
        f"{what}\n"
        "Nothing here describes real places, people, roads, hospitals, doctors or kommuner.\n"
        "Kommune codes (9xxx) and ydernumre (9xxxxx) are invented and do not exist.\n"
        f"Coordinates: EPSG:{EPSG} (ETRS89 / UTM 32N), metres.\n"
        "Every vector layer has a field synthetic = 1; the raster has the tag SYNTHETIC=1.\n"
    )
