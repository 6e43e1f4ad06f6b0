#!/usr/bin/env bash
# Builds Fermata Studio's macOS disk image (.dmg) with jlink and jpackage, on a Mac with JDK 17+ and
# Maven (Apple silicon builds the arm64 natives, Intel the x86_64 ones: the Maven OS profiles pick
# the JavaCPP classifier). Needs installer/icons/fermata.icns, made once from fermata.png with
# `sips`/`iconutil` (see installer/README.md). The app is unsigned; sign and notarise it with
# --mac-sign and your Developer ID for distribution.
#   installer/macos/build.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -B clean package -DskipTests
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)"
out=target/installer
rm -rf "$out"
mkdir -p "$out/input/lib"
cp target/fermata.jar "$out/input/"
cp target/lib/*.jar "$out/input/lib/"
cp -r assets "$out/input/assets"
if [ -d presets ]; then cp -r presets "$out/input/presets"; fi
jlink --add-modules "$(tr -d '\n' < installer/modules.txt)" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$out/runtime"
jpackage @installer/jpackage-common.txt @installer/macos/jpackage-macos.txt --type dmg --app-version "$version" \
  --input "$out/input" --runtime-image "$out/runtime" --dest "$out"
