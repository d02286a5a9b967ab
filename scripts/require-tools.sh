#!/usr/bin/env bash
# Makes sure the programs given as arguments are on the PATH (default: everything `npm test` runs).
# As root on Debian it installs their packages, as `npm run demo` does; otherwise it stops at once
# with one line naming what is missing and the command that installs it.
#   bash scripts/require-tools.sh [prometheus promtool prometheus-alertmanager amtool victoria-metrics vmalert vmctl chromium ...]
set -euo pipefail

# the Debian package that ships each program
declare -A PACKAGE=(
  [prometheus]=prometheus
  [promtool]=prometheus
  [chromium]=chromium
  [prometheus-alertmanager]=prometheus-alertmanager
  [amtool]=prometheus-alertmanager
  [victoria-metrics]=victoria-metrics
  [vmalert]=victoria-metrics
  [vmctl]=victoria-metrics
  [pdftoppm]=poppler-utils
  [pdftotext]=poppler-utils
)

tools=("$@")
[ ${#tools[@]} -eq 0 ] && tools=(prometheus promtool prometheus-alertmanager amtool victoria-metrics vmalert vmctl chromium pdftoppm pdftotext)

missing=()
packages=()
for tool in "${tools[@]}"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    missing+=("$tool")
    package=${PACKAGE[$tool]:-$tool}
    [[ " ${packages[*]} " == *" $package "* ]] || packages+=("$package")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

install="apt-get install -y --no-install-recommends ${packages[*]}"
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing ${missing[*]}; install with: sudo $install" >&2
  exit 1
fi
echo "installing ${missing[*]} (Debian: ${packages[*]})..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends ${packages[*]} >/dev/null
# Debian starts a service for prometheus, prometheus-alertmanager and victoria-metrics on install;
# ours run on their own ports and data directories
for service in prometheus prometheus-alertmanager victoria-metrics; do
  if [[ " ${packages[*]} " == *" $service "* ]]; then
    (service "$service" stop || systemctl stop "$service") >/dev/null 2>&1 || true
  fi
done
for tool in "${missing[@]}"; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    package=${PACKAGE[$tool]:-$tool}
    where=$(dpkg -L "$package" 2>/dev/null | grep -m1 "bin/$tool\$" || true)
    echo "error: $tool is not on the PATH ($PATH) though Debian's $package package is installed${where:+: add $(dirname "$where") to the PATH}" >&2
    exit 1
  fi
done
