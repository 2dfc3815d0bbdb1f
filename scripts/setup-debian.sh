#!/usr/bin/env bash
# The one place that lists the Debian 12 packages casegraph needs to build, test, fuzz and
# benchmark. Idempotent and non-interactive; run as root (or through sudo).
set -euo pipefail

packages=(
  # toolchain
  build-essential g++ cmake ninja-build pkg-config clang libclang-rt-14-dev
  # libraries
  libsimdjson-dev libsqlite3-dev libicu-dev libphonenumber-dev libre2-dev libssl-dev
  libcli11-dev libfmt-dev libzip-dev libgumbo-dev libtomlplusplus-dev libigraph-dev
  # device triage: disk images, MIME, YARA, image decoding (PDQ), document text
  libtsk-dev libewf-dev libmagic-dev libmagic-mgc libyara-dev libjpeg-dev libpng-dev libpoppler-cpp-dev libxml2-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 bc python3 python3-networkx python3-numpy python3-scipy time
  # tests build small disk images (FAT with a deleted file, ext4) and an E01 from them
  dosfstools mtools e2fsprogs ewf-tools coreutils
  # reports and exports: the HTML report is opened in headless Chromium; GraphML/GEXF are
  # validated with xmllint, CASE/UCO JSON-LD is parsed with rdflib
  chromium fonts-dejavu-core libxml2-utils python3-rdflib
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-debian: all ${#packages[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "setup-debian: installing ${missing[*]}"
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
