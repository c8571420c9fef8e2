#!/usr/bin/env bash
# Installs the Debian 12 packages synthgen needs to build, test and demo, if any is missing (as root, with apt);
# otherwise says what to install. Safe to run repeatedly: it does nothing when everything is present.
#   install-deps.sh         what `make demo` and `make test` need
#   install-deps.sh deep    also what `make test-deep` needs (valgrind, clang and its libFuzzer runtime)
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  postgresql-15 postgresql-server-dev-15 postgresql-client-15
  libboost-dev libgtest-dev
  sqlsmith libipc-run-perl
)
if [ "${1:-}" = deep ]; then
  packages+=(valgrind clang-14 libclang-rt-14-dev)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "synthgen needs these Debian packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
