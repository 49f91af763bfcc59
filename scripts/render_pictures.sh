#!/usr/bin/env bash
# Renders the README pictures with the plugin itself, headless: runs the demo (sample region),
# turns each main output into a one-page PDF with sundplan:map_report, and the first page of
# each PDF into a small PNG in docs/img/.
#   usage: bash scripts/render_pictures.sh [DEMO_OUTPUT_FOLDER]
set -euo pipefail
repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(realpath -m "${1:-$repo_dir/output/demo}")"
[ -f "$out/catchments.gpkg" ] || bash "$repo_dir/scripts/demo.sh" "$out"
export PATH="/usr/bin:/bin:$PATH" QT_QPA_PLATFORM=offscreen
gpkg="$out/sample/sample_region.gpkg"
img="$repo_dir/docs/img"
mkdir -p "$img" "$out/pictures"

page() { # name layer [extra KEY=VALUE ...]
  local name="$1" layer="$2"
  shift 2
  qgis_process run sundplan:map_report -- LAYER="$layer" \
    BACKDROP="$gpkg|layername=kommuner" BACKDROP_LABEL_FIELD=kommune \
    OUTPUT="$out/pictures/$name.pdf" "$@" >/dev/null 2>>"$out/pictures/log.txt"
  pdftoppm -png -r 40 -f 1 -l 1 -singlefile "$out/pictures/$name.pdf" "$img/$name"
  echo "docs/img/$name.png"
}

hospitals=(POINTS="$gpkg|layername=hospitals|subset=\"active\" = 1" POINTS_LABEL_FIELD=name)
page travel_time "$out/travel_time.tif" SUMMARY="$out/area_summary.gpkg" "${hospitals[@]}"
page catchments "$out/catchments.gpkg" "${hospitals[@]}"
page scenario_change "$out/scenario_change.tif" "${hospitals[@]}"
page gp_density "$out/gp_density.gpkg"
page fca_access "$out/fca_access.gpkg"
page specialist_gaps "$out/specialist_gaps.gpkg|subset=\"specialty\" = 'Dermato-venerologi'"
