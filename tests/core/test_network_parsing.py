"""Tests of sundplan_qgis.network speed tables and tag parsing (maxspeed, duration, oneway)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from sundplan_qgis import network as N
from sundplan_qgis.errors import SundplanError


def test_speeds_from_table() -> None:
    assert N.speeds_from_table([(" Motorway ", "120"), ("x", 3.5)]) == {
        "motorway": 120.0,
        "x": 3.5,
    }
    assert N.speeds_from_table({"ferry": "30,5"}) == {"ferry": 30.5}
    with pytest.raises(SundplanError, match="row 2.*'tertiary'"):
        N.speeds_from_table([("a", 1), ("tertiary", "fast")])
    with pytest.raises(SundplanError, match="row 1"):
        N.speeds_from_table([("a",)])
    with pytest.raises(SundplanError, match="positive"):
        N.speeds_from_table([("a", -5)])


def test_default_speed_table_complete() -> None:
    for cls in N.DRIVABLE_HIGHWAYS | {"ferry", "ferry_connector"}:
        assert N.DEFAULT_SPEEDS_KMH[cls] > 0
    assert N.DEFAULT_SPEEDS_KMH["motorway"] <= 130  # the legal maximum, Færdselsloven § 42
    assert N.DEFAULT_FERRY_SPEED_KMH > 0 and N.DEFAULT_FERRY_BOARDING_MIN >= 0


@pytest.mark.parametrize(
    ("value", "kmh"),
    [
        ("50", 50.0),
        (" 80 ", 80.0),
        ("DK:urban", 50.0),
        ("dk:rural", 80.0),
        ("DK:motorway", 130.0),
        ("50 mph", 80.4672),
        ("60 km/h", 60.0),
        ("40;60", 40.0),
        ("DK:zone30", 30.0),
        ("none", math.nan),
        ("signals", math.nan),
        ("variable", math.nan),
        ("walk", math.nan),
        ("", math.nan),
        (None, math.nan),
        (0, 0.0),  # kept: the readers reject it as implausible (tests/core/test_speeds.py)
        (70, 70.0),
    ],
)
def test_parse_maxspeed(value: object, kmh: float) -> None:
    got = N.parse_maxspeed_kmh(value)
    if math.isnan(kmh):
        assert math.isnan(got)
    else:
        assert got == pytest.approx(kmh)


@pytest.mark.parametrize(
    ("value", "minutes"),
    [
        ("01:30", 90.0),
        ("0:45", 45.0),
        ("1:30:30", 90.5),
        ("45", 45.0),
        ("PT1H15M", 75.0),
        ("", math.nan),
        ("soon", math.nan),
        (None, math.nan),
    ],
)
def test_parse_duration(value: object, minutes: float) -> None:
    got = N.parse_duration_min(value)
    assert (math.isnan(got) and math.isnan(minutes)) or got == pytest.approx(minutes)


def test_parse_oneway_text_and_numbers() -> None:
    text = np.array([b"yes", b"YES", b"1", b"true", b"T", b"-1", b"reverse", b"no", b"", b"2"])
    assert list(N.parse_oneway(text)) == [1, 1, 1, 1, 1, -1, -1, 0, 0, 0]
    assert list(N.parse_oneway(np.array([1, -1, 0, 2]))) == [1, -1, 0, 0]
    assert list(N.parse_oneway(np.array([1.0, -1.0, np.nan]))) == [1, -1, 0]
    masked = np.ma.masked_array([1, 1], mask=[False, True])
    assert list(N.parse_oneway(masked)) == [1, 0]
