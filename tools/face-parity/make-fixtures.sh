#!/usr/bin/env bash
# Regenerates tests/devices/facenet/face-api-fixtures.json: the reference outputs of the npm
# package @vladmandic/face-api 1.7.15 on TF.js's pure-JS CPU backend, for the sample photos
# that ship in that package (demo/sample1..6.jpg). Needs node and npm (not needed to build or
# test: the fixtures are committed). The JPEGs are decoded by ImageMagick, which uses the same
# libjpeg-turbo as OpenCV; the test checks that its pixels hash the same before comparing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pkg="${LZ_FACE_API_DIR:-${LZ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/liangzheng}/face-api-1.7.15/package}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/package-lock.json" "$here/make-fixtures.js" "$work/"
(cd "$work" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
mkdir -p "$work/rgb"
for i in 1 2 3 4 5 6; do
  convert "$pkg/demo/sample$i.jpg" -depth 8 "rgb:$work/rgb/sample$i.rgb"
  identify -format "%w %h" "$pkg/demo/sample$i.jpg" >"$work/rgb/sample$i.size"
done
(cd "$work" && node make-fixtures.js "$pkg/model" out.json 416 rgb/sample*.rgb)
python3 -m json.tool --indent 1 "$work/out.json" >"$root/tests/devices/facenet/face-api-fixtures.json"
echo "wrote tests/devices/facenet/face-api-fixtures.json"
