"""The source line of a page (``Kilder: …``): inputs named in the provenance, credits."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from .formatting import language_of, word
from .tables import DEFAULT_LANGUAGE


@dataclass
class SourceInfo:
    """What the algorithm found out about one input of the mapped output.

    ``role``: ``hospitals`` | ``network`` | ``population`` | ``areas`` | ``other``;
    ``name``: layer or file name; ``osm``: an OpenStreetMap file; ``embedded``: sundplan's
    embedded reference data (for embedded residents ``name`` is their quarter);
    ``synthetic``: the sample region; ``overview``: the shipped overview network.
    """

    role: str
    name: str = ""
    osm: bool = False
    embedded: bool = False
    synthetic: bool = False
    overview: bool = False  # the shipped overview network (no network given)
    fetched: bool = False  # Danmarks Statistik's table fetched by sundplan:fetch_base_data


_ROLE_WORDS = {
    "da": {
        "hospitals": "sygehuse",
        "network": "vejnet",
        "population": "befolkning",
        "areas": "områder",
        "practices": "praksisser",
        "other": "data",
    },
    "en": {
        "hospitals": "hospitals",
        "network": "roads",
        "population": "population",
        "areas": "areas",
        "practices": "practices",
        "other": "data",
    },
}


def sources_line(
    sources: Sequence[SourceInfo] = (),
    *,
    provenance: Mapping | None = None,
    seed: int | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """``Kilder: akutsygehuse: Sundhedsdatastyrelsen (SOR); vejnet © OpenStreetMap-…``.

    Synthetic inputs are named as such (never credited to OpenStreetMap or Danmarks
    Statistik). Without any known input a sensible default is returned.
    """
    lang = language_of(language)
    role_words = _ROLE_WORDS[lang]
    parts: list[str] = []
    if any(s.synthetic for s in sources):
        parts.append(word("synthetic", lang).format(seed=f", seed {seed}" if seed else ""))
    for source in sources:
        if source.synthetic:
            continue
        if source.role == "hospitals" and source.embedded:
            parts.append(
                "akutsygehuse: Sundhedsdatastyrelsen (SOR), indlejret i sundplan"
                if lang == "da"
                else "acute hospitals: Danish Health Data Authority (SOR), embedded in sundplan"
            )
        elif source.role == "network" and source.osm:
            parts.append(
                "vejnet © OpenStreetMap-bidragydere (ODbL)"
                if lang == "da"
                else "roads © OpenStreetMap contributors (ODbL)"
            )
            if source.overview:
                parts[-1] += f", {word('overview_note', lang)}"
        elif source.role == "population" and source.embedded:
            quarter = f" {source.name}" if source.name else ""
            parts.append(
                f"befolkning: Danmarks Statistik (FOLK1A{quarter}), indlejret i sundplan"
                if lang == "da"
                else f"population: Statistics Denmark (FOLK1A{quarter}), embedded in sundplan"
            )
        elif source.role == "population" and source.fetched:
            parts.append(
                "befolkning: Danmarks Statistik (FOLK1A), hentet med sundplan"
                if lang == "da"
                else "population: Statistics Denmark (FOLK1A), fetched by sundplan"
            )
        elif source.role == "areas" and source.embedded:
            parts.append(
                "kommuner: DAGI (SDFI), indlejret i sundplan"
                if lang == "da"
                else "kommuner: DAGI (SDFI), embedded in sundplan"
            )
        elif source.name:
            parts.append(f"{role_words.get(source.role, role_words['other'])}: {source.name}")
    if not parts:
        parts.append(
            "sundplan; vejnet © OpenStreetMap-bidragydere; befolkning: Danmarks Statistik"
            if lang == "da"
            else "sundplan; roads © OpenStreetMap contributors; population: Statistics Denmark"
        )
    versions = (provenance or {}).get("versions") or {}
    software = []
    if versions.get("sundplan"):
        software.append(f"sundplan {versions['sundplan']}")
    if versions.get("qgis"):
        software.append(f"QGIS {str(versions['qgis']).split('-')[0]}")
    if software:
        parts.append(("beregning: " if lang == "da" else "computed with ") + ", ".join(software))
    return f"{word('sources', lang)}: " + "; ".join(parts)


# Input parameters of the tools, by the role their data plays on the source line.
INPUT_ROLES = (
    ("hospitals", ("HOSPITALS",)),
    ("network", ("NETWORK_FILE", "NETWORK_LAYER")),
    ("population", ("POPULATION_RASTER", "POPULATION_LAYER")),
    ("areas", ("AREAS",)),
    ("practices", ("PRACTICES", "CAPACITY_TABLE")),
)

Probe = Callable[[str], "tuple[bool, int | None]"]
"""Is the file (or ``file|layername=x``) sundplan's synthetic sample data, and its seed?"""


def synthetic_marker(texts: Iterable[str]) -> tuple[bool, int | None]:
    """(synthetic, seed) from a file's metadata texts or README: the sample data says so."""
    joined = "\n".join(texts)
    synthetic = "SYNTHETIC=1" in joined or "SYNTHETIC sample data" in joined
    seed = re.search(r"seed (\d+)", joined)
    return synthetic, int(seed.group(1)) if seed else None


def layer_name_of(uri: str) -> str | None:
    """``x`` of ``file.gpkg|layername=x``, else None."""
    match = re.search(r"layername=([^|]+)", str(uri))
    return match.group(1) if match else None


#: Sundplan tools whose outputs are official data, credited by their source on maps.
OFFICIAL_DATA_TOOLS = ("sundplan:reference_data", "sundplan:fetch_base_data")


def input_sources(
    provenance: Mapping | None,
    *,
    probe: Probe,
    layer_source: str = "",
    layer_name: str = "",
    origin: Callable[[str], str | None] | None = None,
) -> tuple[list[SourceInfo], int | None]:
    """The inputs named in the provenance, as :class:`SourceInfo` (+ the sample seed).

    Without a provenance only the mapped layer itself (``layer_source``) is looked at: it is
    named when it is sample data. ``probe`` opens a file and tells whether it is sample data;
    ``origin`` the sundplan tool that wrote it (population and areas written by
    :data:`OFFICIAL_DATA_TOOLS` are credited to Danmarks Statistik and DAGI, not by file name).
    """
    sources: list[SourceInfo] = []
    seed = None
    params = (provenance or {}).get("parameters") or {}
    if provenance is None:
        synthetic, seed = probe(layer_source)
        if synthetic:
            sources.append(SourceInfo("other", layer_name, synthetic=True))
        return sources, seed
    defaults = provenance.get("defaults") or {}
    for role, keys in INPUT_ROLES:
        value = next((params.get(k) for k in keys if params.get(k)), None)
        default = defaults.get(role) or {}
        if value is None and default:  # what the run used in its place, as it recorded
            overview = role == "network" and default.get("source") == "overview"
            name = str(default.get("quarter") or "") if role == "population" else ""
            sources.append(
                SourceInfo(role, name, osm=overview, embedded=not overview, overview=overview)
            )
            continue
        if value is None:
            if role == "hospitals" and str(provenance.get("algorithm", "")).startswith(
                "sundplan:catchment"
            ):
                sources.append(SourceInfo("hospitals", embedded=True))
            continue
        value = str(value)
        synthetic, found_seed = probe(value)
        seed = seed or found_seed
        path = value.split("|", 1)[0]
        name = PurePath(path).name
        layername = layer_name_of(value)
        if layername:
            name = f"{name} ({layername})"
        found = (provenance.get("input_traits") or {}).get(role) or {}
        osm = path.lower().endswith((".osm", ".pbf")) or bool(found.get("osm_schema"))
        writer = origin(value) if origin is not None and role in ("population", "areas") else None
        if writer in OFFICIAL_DATA_TOOLS:  # the embedded or fetched FOLK1A / DAGI, credited so
            fetched = role == "population" and writer == "sundplan:fetch_base_data"
            sources.append(SourceInfo(role, "", embedded=not fetched, fetched=fetched))
            continue
        sources.append(SourceInfo(role, name, osm=osm, synthetic=synthetic))
    return sources, seed
