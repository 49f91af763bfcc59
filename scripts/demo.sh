#!/usr/bin/env bash
# The main job on the built-in default data: generate the synthetic sample region, write the
# embedded reference data, and run the travel-time catchments and a hospital-closure scenario
# on it, all headless through qgis_process; then the national overview, offline with zero
# inputs (the shipped main-road network, the embedded akutsygehuse and kommuner) and its PDF
# atlas, one page per region. Prints the output folder at the end.
#   usage: bash scripts/demo.sh [OUTPUT_FOLDER]
set -euo pipefail
repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$repo_dir/scripts/setup.sh"
export PATH="/usr/bin:/bin:$PATH" QT_QPA_PLATFORM=offscreen PROJ_DATA=/usr/share/proj
out="$(realpath -m "${1:-$repo_dir/output/demo}")"
mkdir -p "$out"
log="$out/qgis_process.log"
: >"$log"

# run ALG KEY=VALUE ...: its --json answer goes to $out/<prefix><alg>.json
run() {
  local alg="$1"
  shift
  echo "== $alg"
  if ! qgis_process run "$alg" --json -- "$@" >"$out/${prefix:-}${alg#sundplan:}.json" 2>>"$log"; then
    echo "FAILED: $alg (see $log)" >&2
    tail -20 "$log" >&2
    exit 1
  fi
}

sample="$out/sample"
gpkg="$sample/sample_region.gpkg"
run sundplan:sample_data SEED=2027 OUTPUT_FOLDER="$sample"
run sundplan:reference_data \
  HOSPITALS="$out/akutsygehuse.gpkg" \
  KOMMUNER="$out/kommuner.gpkg" \
  REGIONS="$out/regioner.gpkg" \
  REGIONS_2027="$out/regioner_2027.gpkg" \
  SUNDHEDSRAAD="$out/sundhedsraad.gpkg" \
  SUNDHEDSFAELLESSKABER="$out/sundhedsfaellesskaber.gpkg" \
  GROUPING="$out/grouping.gpkg"

common=(
  HOSPITALS="$gpkg|layername=hospitals" HOSPITAL_NAME_FIELD=name
  NETWORK_FILE="$sample/roads.osm.pbf"
  POPULATION_RASTER="$sample/population.tif"
  AREAS="$gpkg|layername=kommuner" AREA_ID_FIELD=kommunekode AREA_NAME_FIELD=kommune
  BANDS=15,30,45,60 MAX_SNAP_M=1000
)
run sundplan:catchments "${common[@]}" ACTIVE_EXPRESSION='"active" = 1' \
  TRAVEL_TIME="$out/travel_time.tif" \
  CATCHMENTS="$out/catchments.gpkg" \
  BAND_POLYGONS="$out/bands.gpkg" \
  AREA_SUMMARY="$out/area_summary.gpkg" \
  REPORT="$out/catchments_report.json"
run sundplan:catchment_scenario "${common[@]}" ACTIVE_EXPRESSION='"active" = 1' \
  CLOSE="Sølund" \
  CHANGE_RASTER="$out/scenario_change.tif" \
  AREA_CHANGES="$out/area_changes.gpkg" \
  SWITCHES="$out/switches.gpkg" \
  REPORT="$out/scenario_report.json"

# GROUPING=none: the areas themselves (the sample's kommunekoder are not real ones)
run sundplan:gp_density \
  PRACTICES="$gpkg|layername=gp_practices" PRACTICE_NAME_FIELD=name CAPACITY_FIELD=n_gps \
  LIST_SIZE_FIELD=list_size OPEN_FIELD=open_for_patients \
  AREAS="$gpkg|layername=kommuner" AREA_ID_FIELD=kommunekode AREA_NAME_FIELD=kommune \
  GROUPING=none \
  AREA_OUTPUT="$out/gp_density.gpkg" GROUP_OUTPUT="$out/gp_density_groups.gpkg" \
  SUMMARY="$out/gp_density_summary.gpkg" LORENZ="$out/gp_lorenz.gpkg" \
  REPORT="$out/gp_density_report.json"
run sundplan:fca_access \
  PRACTICES="$gpkg|layername=gp_practices" CAPACITY_FIELD=n_gps \
  NETWORK_FILE="$sample/roads.osm.pbf" POPULATION_RASTER="$sample/population.tif" \
  AREAS="$gpkg|layername=kommuner" AREA_ID_FIELD=kommunekode METHOD=1 THRESHOLD_MIN=20 \
  ACCESS_POINTS="$out/fca_access.gpkg" AREA_ACCESS="$out/fca_access_areas.gpkg" \
  PRACTICE_RATIO="$out/fca_practices.gpkg" REPORT="$out/fca_report.json"
run sundplan:specialist_gaps \
  PRACTICES="$gpkg|layername=specialists" SPECIALTY_FIELD=specialty CAPACITY_FIELD=capacity \
  AREAS="$gpkg|layername=kommuner" AREA_ID_FIELD=kommunekode AREA_NAME_FIELD=kommune \
  NETWORK_FILE="$sample/roads.osm.pbf" POPULATION_RASTER="$sample/population.tif" \
  OUTPUT="$out/specialist_gaps.gpkg" SUMMARY="$out/specialist_summary.gpkg" \
  RELOCATIONS="$out/specialist_relocations.gpkg" ACCESS="$out/specialist_access.gpkg" \
  REPORT="$out/specialist_report.json"
run sundplan:map_report \
  LAYER="$out/travel_time.tif" \
  ATLAS_LAYER="$gpkg|layername=kommuner" ATLAS_NAME_FIELD=kommune \
  SUMMARY="$out/area_summary.gpkg" \
  POINTS="$gpkg|layername=hospitals|subset=\"active\" = 1" POINTS_LABEL_FIELD=name \
  OUTPUT="$out/rejsetid_pr_kommune.pdf"

# The national overview with zero inputs: no network (the shipped OpenStreetMap 2021 main
# roads), no residents (the embedded kommuner's latest quarter, placed along the roads), no
# areas (the 98 kommuner), the 21 embedded akutsygehuse; one PDF page per region.
national="$out/national"
mkdir -p "$national"
SECONDS=0
prefix=national_ run sundplan:catchments \
  TRAVEL_TIME="$national/rejsetid.tif" \
  CATCHMENTS="$national/optageomraader.gpkg" \
  BAND_POLYGONS="$national/baand.gpkg" \
  AREA_SUMMARY="$national/rejsetid_pr_kommune.gpkg" \
  REPORT="$national/rapport.json"
prefix=national_ run sundplan:map_report \
  LAYER="$national/rejsetid.tif" \
  ATLAS_LAYER="$out/regioner.gpkg" ATLAS_NAME_FIELD=region \
  SUMMARY="$national/rejsetid_pr_kommune.gpkg" \
  OUTPUT="$out/rejsetid_danmark.pdf"
echo "National overview (oversigt: kun hovedveje, OpenStreetMap 2021): ${SECONDS} s"

echo
echo "Catchments summary per kommune (minutes):"
ogr2ogr -f CSV /vsistdout/ "$out/area_summary.gpkg" \
  -select area_name,population,mean_min,p90_min,max_min,main_hospital 2>/dev/null || true
echo
echo "Outputs are in: $out"
