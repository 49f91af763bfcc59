"""Shared by the network tests: GeoPackage writing and the hand-checkable network."""

from __future__ import annotations

from pathlib import Path

from osgeo import ogr, osr

from sundplan_qgis import network as N

X0, Y0 = 500_000.0, 6_200_000.0  # EPSG:25832, mid-Denmark-ish


def write_gpkg(
    path: Path,
    features: list[dict],
    *,
    layer: str = "roads",
    epsg: int = 25832,
    geom_type: int = ogr.wkbLineString,
    fields: dict[str, int] | None = None,
) -> Path:
    """Write features {'wkt': ..., field: value} into a GeoPackage layer with osgeo.ogr."""
    fields = fields or {
        "road_class": ogr.OFTString,
        "maxspeed_kmh": ogr.OFTInteger,
        "oneway": ogr.OFTString,
        "duration_min": ogr.OFTReal,
    }
    drv = ogr.GetDriverByName("GPKG")
    ds = drv.CreateDataSource(str(path)) if not path.exists() else ogr.Open(str(path), 1)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    lyr = ds.CreateLayer(layer, srs, geom_type)
    for name, ftype in fields.items():
        lyr.CreateField(ogr.FieldDefn(name, ftype))
    for feat in features:
        f = ogr.Feature(lyr.GetLayerDefn())
        for name in fields:
            if feat.get(name) is not None:
                f.SetField(name, feat[name])
        f.SetGeometry(ogr.CreateGeometryFromWkt(feat["wkt"]))
        lyr.CreateFeature(f)
    ds = None
    return path


def ls(*pts: tuple[float, float]) -> str:
    return "LINESTRING (" + ", ".join(f"{X0 + x!r} {Y0 + y!r}" for x, y in pts) + ")"


# The hand-checkable network (relative coordinates, metres):
#   A(0,0) --L1 tertiary 60 km/h-- B(1000,0)        A->B 60 s (both ways)
#   B --L2 tertiary 60, oneway=yes, via (1000,500)--> C(1000,1000)   60 s, B->C only
#   C(+5 mm) --L3 residential, no speed (default 40)-- D(0,1000)     90 s both ways
#   D --L4 tertiary 36 km/h, oneway=-1 (digitised D->A)--> only A->D   100 s
#   duplicate of A-B as residential (default 40 -> 90 s): min must stay 60 s
#   C --ferry 20 min, via (1000,2000)-- E(1000,6000) : 1200 s + 900 s boarding
#   E --tertiary 50-- F(2000,6000): 72 s
#   F --ferry, no duration, 2500 m at 25 km/h = 360 s + 900 s boarding-- G(4500,6000)
#   G --tertiary, no speed (default 50)-- H(5500,6000): 72 s
#   island I(10000,0) -- J(11000,0) residential 40: its own component
A, B, C, D = (0.0, 0.0), (1000.0, 0.0), (1000.0, 1000.0), (0.0, 1000.0)
E, F, G, H = (1000.0, 6000.0), (2000.0, 6000.0), (4500.0, 6000.0), (5500.0, 6000.0)
II, JJ = (10000.0, 0.0), (11000.0, 0.0)
HAND = [
    # L1 ends 6 mm short of B on a 1 cm grid border (100000.6 cm): merged by the k-d tree pass
    {"wkt": ls(A, (999.994, 0.0)), "road_class": "tertiary", "maxspeed_kmh": 60},
    {
        "wkt": ls(B, (1000.0, 500.0), C),
        "road_class": "tertiary",
        "maxspeed_kmh": 60,
        "oneway": "yes",
    },
    {"wkt": ls((1000.004, 1000.003), D), "road_class": "residential"},
    {"wkt": ls(D, A), "road_class": "tertiary", "maxspeed_kmh": 36, "oneway": "-1"},
    {"wkt": ls(A, B, B), "road_class": "residential", "oneway": "no"},
    {"wkt": ls(C, (1000.0, 2000.0), E), "road_class": "ferry", "duration_min": 20.0},
    {"wkt": ls(E, F), "road_class": "Tertiary", "maxspeed_kmh": 50},
    {"wkt": ls(F, G), "road_class": "ferry"},
    {"wkt": ls(G, H), "road_class": "tertiary"},
    {"wkt": ls(II, JJ), "road_class": "residential", "maxspeed_kmh": 40},
]


def read_hand(path: Path) -> N.RoadLines:
    return N.read_lines_ogr(
        path,
        class_field="road_class",
        speed_field="maxspeed_kmh",
        oneway_field="oneway",
        duration_field="duration_min",
    )


def epsg_wkt(epsg: int) -> str:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()
