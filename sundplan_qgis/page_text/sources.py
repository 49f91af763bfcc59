"""The source line of a page (``Kilder: …``): inputs named in the provenance, credits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .formatting import language_of, word
from .tables import DEFAULT_LANGUAGE


@dataclass
class SourceInfo:
    """What the algorithm found out about one input of the mapped output.

    ``role``: ``hospitals`` | ``network`` | ``population`` | ``areas`` | ``other``;
    ``name``: layer or file name; ``osm``: an OpenStreetMap file; ``embedded``: sundplan's
    embedded reference data; ``synthetic``: the sample region.
    """

    role: str
    name: str = ""
    osm: bool = False
    embedded: bool = False
    synthetic: bool = False


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
