#!/usr/bin/env bash
# Runs face_bench with extra impostor faces from Debian packages (people who are not in
# face-api's sample photos): scikit-image's astronaut.png (python3-skimage: NASA's portrait of
# Eileen Collins, public domain) and OpenCV's sample messi5.jpg (opencv-doc). The packages are
# downloaded and unpacked into build/face-extra, not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/face-extra
mkdir -p "$dir"
if [ ! -f "$dir/astronaut.png" ] || [ ! -f "$dir/messi5.jpg" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  chmod 777 "$tmp"
  (cd "$tmp" && apt-get download -q python3-skimage opencv-doc >/dev/null 2>&1)
  dpkg-deb --fsys-tarfile "$tmp"/python3-skimage_*.deb | tar -x -O ./usr/lib/python3/dist-packages/skimage/data/astronaut.png >"$dir/astronaut.png"
  dpkg-deb --fsys-tarfile "$tmp"/opencv-doc_*.deb | tar -x -O ./usr/share/doc/opencv-doc/examples/data/messi5.jpg >"$dir/messi5.jpg"
fi
exec build/bin/face_bench --extra "$dir" "$@"
