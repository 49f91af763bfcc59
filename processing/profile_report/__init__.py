"""The Sundhedsrådsprofil PDF (``sundplan:sundhedsraad_profile``): the layers of the small maps
(:mod:`.layers`), the page layout and its export (:mod:`.render`), reading the input layers
into plain tables (:mod:`.reading`). Reuses map_report's text formats, atlas fade, legend and
PDF machinery."""
