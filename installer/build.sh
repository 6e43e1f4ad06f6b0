#!/usr/bin/env bash
# Builds Fermata Studio's installer for this platform with jlink and jpackage (JDK 17+).
#   installer/build.sh [deb|rpm|app-image]     (default: deb)
# Output: target/installer/. The runtime is a jlink image of the modules in installer/modules.txt;
# the native libraries are only this platform's (the Maven build resolves one classifier), and
# ND4J's generic x86-64 binary is used, which runs on any x86-64 CPU (no AVX2 needed).
set -euo pipefail
type="${1:-deb}"
cd "$(dirname "$0")/.."
case "$type" in deb|rpm|app-image) ;; *) echo "usage: installer/build.sh [deb|rpm|app-image]" >&2; exit 2 ;; esac
command -v jpackage >/dev/null || { echo "installer/build.sh: jpackage not found; install a JDK 17+" >&2; exit 2; }
jmods="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")/jmods"
[ -d "$jmods" ] || { echo "installer/build.sh: $jmods is missing; install the full JDK (Debian: openjdk-17-jdk)" >&2; exit 2; }
if [ "$type" = rpm ] && ! command -v rpmbuild >/dev/null; then
  echo "installer/build.sh: rpmbuild not found; on Debian: apt-get install -y rpm" >&2; exit 2
fi

if [ ! -f target/fermata.jar ] || [ -n "$(find src pom.xml -newer target/fermata.jar -print -quit)" ]; then
  mvn -q -B package -DskipTests
fi
version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' pom.xml | head -1)"

out=target/installer
rm -rf "$out"
mkdir -p "$out/input"
cp target/fermata.jar "$out/input/"
# Only the jars the manifest names: target/lib may hold leftovers of earlier dependency versions.
mkdir -p "$out/input/lib"
manifest="$(mktemp -d)"
(cd "$manifest" && jar xf "$OLDPWD/target/fermata.jar" META-INF/MANIFEST.MF)
tr -d '\r' < "$manifest/META-INF/MANIFEST.MF" \
  | awk '/^Class-Path:/ {cp = substr($0, 13); on = 1; next} on && /^ / {cp = cp substr($0, 2); next} {on = 0} END {print cp}' \
  | tr ' ' '\n' | grep -v '^$' | while read -r jar; do cp "target/$jar" "$out/input/lib/"; done
cp -r assets "$out/input/assets"
if [ -d presets ]; then cp -r presets "$out/input/presets"; fi

jlink --add-modules "$(tr -d '\n' < installer/modules.txt)" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$out/runtime"

args=(@installer/jpackage-common.txt --type "$type" --app-version "$version" --input "$out/input"
      --runtime-image "$out/runtime" --dest "$out")
if [ "$type" != app-image ]; then
  args+=(@installer/linux/jpackage-linux.txt)
else
  args+=(--icon installer/icons/fermata.png)
fi
jpackage "${args[@]}"
ls -l "$out" | grep -E '\.(deb|rpm)$|fermata$' || true
echo "installer/build.sh: built $type $version in $out"
