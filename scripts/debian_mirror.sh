#!/usr/bin/env bash
# Prints the Debian mirror URI this machine's apt already uses for suite $1 (e.g. bookworm),
# read from deb822 `.sources` files or one-line `sources.list` entries, so that set-up can add
# `$1-backports` from the same (possibly local or institutional) mirror without naming a host.
# Usage: debian_mirror.sh CODENAME [APT_ETC_DIR]   (exit 1 and print nothing when none found)
set -euo pipefail
codename="$1"
apt_dir="${2:-/etc/apt}"

# deb822: stanzas separated by blank lines; Types must include deb, Suites the codename.
for f in "$apt_dir"/sources.list.d/*.sources; do
  [ -f "$f" ] || continue
  uri="$(awk -v want="$codename" '
    function flush() {
      if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " want " ") && uri != "" && enabled != "no") {
        print uri; found = 1; exit
      }
      types = ""; suites = ""; uri = ""; enabled = ""
    }
    /^[ \t]*#/ { next }
    /^[ \t]*$/ { flush(); next }
    tolower($1) == "types:" { $1 = ""; types = $0; sub(/^ +/, "", types) }
    tolower($1) == "suites:" { $1 = ""; suites = $0; sub(/^ +/, "", suites) }
    tolower($1) == "uris:" { uri = $2 }
    tolower($1) == "enabled:" { enabled = tolower($2) }
    END { if (!found) flush() }
  ' "$f")"
  if [ -n "$uri" ]; then
    echo "$uri"
    exit 0
  fi
done

# One-line style: deb [options] URI SUITE COMPONENTS...
for f in "$apt_dir"/sources.list "$apt_dir"/sources.list.d/*.list; do
  [ -f "$f" ] || continue
  uri="$(awk -v want="$codename" '
    $1 == "deb" {
      i = 2
      if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
      if ($(i + 1) == want) { print $i; exit }
    }
  ' "$f")"
  if [ -n "$uri" ]; then
    echo "$uri"
    exit 0
  fi
done
exit 1
