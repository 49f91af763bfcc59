#!/usr/bin/env bash
# Idempotent set-up for sundplan on Debian 12 (bookworm) or 13 (trixie), run as root.
#
# Installs QGIS 3.40 LTR (bookworm-backports on Debian 12) and Debian's geo Python stack
# (never PyPI wheels of GDAL-linked libraries: they crash inside qgis_process), a venv with
# system site packages for the test tools, and links the plugin into the QGIS profile and
# enables it so that plain `qgis_process list` shows the sundplan algorithms.
# A second run checks dpkg-query and marker files only and takes seconds.
set -euo pipefail

repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv_dir="${SUNDPLAN_VENV:-$repo_dir/.venv}"
# QGIS's embedded Python takes its prefix from the first python3 on PATH: keep Debian's first.
export PATH="/usr/bin:/bin:/usr/sbin:/sbin:$PATH"
export QT_QPA_PLATFORM=offscreen
export DEBIAN_FRONTEND=noninteractive

log() { printf '[sundplan setup] %s\n' "$*"; }

. /etc/os-release
codename="${VERSION_CODENAME:-}"
case "$codename" in
  bookworm | trixie) ;;
  *) log "warning: untested distribution '$codename'; trying as for trixie" ;;
esac

apt_packages=(
  qgis qgis-providers python3-qgis
  python3-numpy python3-scipy python3-pandas python3-shapely python3-pyproj proj-bin
  python3-fiona python3-rasterio python3-geopandas python3-networkx python3-osmnx
  python3-igraph python3-pyosmium python3-pytest python3-venv python3-pip
  gdal-bin osmium-tool qttools5-dev-tools pyqt5-dev-tools poppler-utils zip make
  fonts-dejavu-core
)

missing=()
for p in "${apt_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

need_qgis_upgrade=no
if [ "$codename" = bookworm ]; then
  qv="$(dpkg-query -W -f='${Version}' qgis 2>/dev/null || true)"
  case "$qv" in 3.40* | 1:3.40* | 3.4[1-9]* | 3.[5-9]*) ;; *) need_qgis_upgrade=yes ;; esac
fi

if ((${#missing[@]})) || [ "$need_qgis_upgrade" = yes ]; then
  if [ "$codename" = bookworm ]; then
    bp=/etc/apt/sources.list.d/sundplan-bookworm-backports.list
    if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
      # The mirror this machine already uses for bookworm (a local one, too): never a fixed host.
      mirror="$(bash "$repo_dir/scripts/debian_mirror.sh" bookworm)" || {
        log "no apt source for bookworm found in /etc/apt: add a bookworm-backports line yourself"
        exit 1
      }
      echo "deb $mirror bookworm-backports main" >"$bp"
    fi
  fi
  log "installing: ${missing[*]:-qgis 3.40 upgrade}"
  apt-get update -qq
  if [ "$codename" = bookworm ]; then
    # QGIS 3.40 LTR lives in backports on Debian 12; the geo stack comes from main.
    apt-get install -y -q --no-install-recommends -t bookworm-backports \
      qgis qgis-providers python3-qgis
  fi
  apt-get install -y -q --no-install-recommends "${apt_packages[@]}"
else
  log "Debian packages already installed"
fi

# Test tools in a venv that sees Debian's packages. pytest-qgis only: Debian's pytest serves.
venv_marker="$venv_dir/.sundplan-venv-v1"
if [ ! -f "$venv_marker" ]; then
  log "creating venv $venv_dir"
  /usr/bin/python3 -m venv --system-site-packages "$venv_dir"
  "$venv_dir/bin/pip" install -q --disable-pip-version-check \
    "pytest-qgis==5.0.2" "ruff==0.8.6"
  touch "$venv_marker"
else
  log "venv ready"
fi

# Link the plugin into the profile that qgis_process uses (or QGIS_CUSTOM_CONFIG_PATH's).
config_root="${QGIS_CUSTOM_CONFIG_PATH:-$HOME/.local/share/QGIS/QGIS3}"
plugins_dir="$config_root/profiles/default/python/plugins"
mkdir -p "$plugins_dir"
link="$plugins_dir/sundplan"
if [ "$(readlink -f "$link" 2>/dev/null)" != "$repo_dir" ]; then
  rm -rf "$link"
  ln -s "$repo_dir" "$link"
  log "linked plugin: $link -> $repo_dir"
fi

# Compile the Danish translation when the .qm is missing or older than the .ts.
ts="$repo_dir/i18n/sundplan_da.ts"
qm="$repo_dir/i18n/sundplan_da.qm"
if [ -f "$ts" ] && { [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; }; then
  lrelease -silent "$ts" -qm "$qm" 2>/dev/null || /usr/lib/qt5/bin/lrelease "$ts" -qm "$qm"
fi

ini="$config_root/profiles/default/QGIS/QGIS3.ini"
if ! grep -qs "^sundplan=true" "$ini"; then
  log "enabling the plugin in qgis_process"
  qgis_process plugins enable sundplan >/dev/null 2>&1 || {
    log "qgis_process could not enable the plugin; run: QT_QPA_PLATFORM=offscreen qgis_process plugins enable sundplan"
    exit 1
  }
fi
log "ready (QGIS $(dpkg-query -W -f='${Version}' qgis))"
