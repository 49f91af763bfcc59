#!/usr/bin/env bash
# Runs every test: set-up (idempotent), lint + format check, then core, plugin and batch tests.
set -euo pipefail
repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_dir"
bash scripts/setup.sh
export PATH="/usr/bin:/bin:$PATH" QT_QPA_PLATFORM=offscreen PROJ_DATA=/usr/share/proj
echo "== ruff (lint + format check)"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== pytest (core, plugin, batch)"
.venv/bin/python -m pytest tests -p no:cacheprovider "$@"
