"""The embedded kommuner as the default AREAS of the tools that measure per area (GP density,
specialist gaps): their polygons, today's population and an age/sex composition.

The embedded FOLK1A tables hold totals per kommune up to 2021K1 but kommune × sex × age only
for 2014K1 (the latest available offline). The default areas therefore carry the 2021K1 total
of each kommune spread over sex and 5-year age groups by that kommune's 2014K1 composition
(persons as fractions; each kommune's sum is its 2021K1 total exactly). Both quarters are
stated in every output; ``sundplan:fetch_base_data`` fetches the current composition.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import reference
from .errors import Message, msg
from .need import age_sex_columns

NOTE = msg(
    "embedded kommuner (98): population FOLK1A {total_quarter}; age/sex composition FOLK1A "
    "{age_quarter} scaled to those totals (Kilde: Danmarks Statistik). Fetch the current "
    "composition with sundplan:fetch_base_data and give it as AREAS."
)


def default_areas(*, data_dir: Path | None = None) -> pd.DataFrame:
    """One row per kommune (98, Christiansø left out): ``kommunekode``, ``kommune``,
    ``population`` (FOLK1A latest embedded quarter), ``m_0_4`` … ``k_85_plus`` (persons,
    summing to ``population`` per kommune), ``stat_quarter``, ``age_sex_quarter``,
    ``geometry`` (shapely, metres in :data:`reference.NATIONAL_CRS`)."""
    kommuner = reference.kommune_polygons(data_dir=data_dir)
    composition = reference.population_age_sex(data_dir=data_dir)
    columns = list(age_sex_columns(composition.columns))
    shares = composition.set_index(composition["kommunekode"].astype(str))[columns]
    shares = shares.div(shares.sum(axis=1), axis=0)
    codes = kommuner["kommunekode"].astype(str)
    missing = sorted(set(codes) - set(shares.index))
    if missing:  # the embedded files disagree: a build error, never a silent gap
        raise ValueError(f"no age/sex composition for kommunekode {missing[:5]}")
    totals = kommuner["population"].astype(float).to_numpy()
    persons = shares.loc[codes].to_numpy() * totals[:, None]
    frame = pd.DataFrame(persons, columns=columns)
    frame.insert(0, "population", kommuner["population"].astype(int).to_numpy())
    frame.insert(0, "kommune", kommuner["kommune"].to_numpy())
    frame.insert(0, "kommunekode", codes.to_numpy())
    frame["stat_quarter"] = kommuner["stat_quarter"].to_numpy()
    frame["age_sex_quarter"] = str(composition["stat_quarter"].iloc[0])
    frame["geometry"] = kommuner["geometry"].to_numpy()
    return frame


def note(frame: pd.DataFrame) -> Message:
    """The sentence every output of a run on the default areas carries."""
    return msg(
        NOTE,
        total_quarter=str(frame["stat_quarter"].iloc[0]),
        age_quarter=str(frame["age_sex_quarter"].iloc[0]),
    )
