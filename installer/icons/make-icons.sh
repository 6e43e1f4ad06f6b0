#!/usr/bin/env bash
# Makes the Windows and macOS icons from fermata.png (256 px) with ImageMagick, so all three
# platforms show the same picture. fermata.ico: 16-256 px frames. fermata.icns: PNG-coded
# 'ic07' (128 px) and 'ic08' (256 px) entries, the form macOS reads since 10.7; ImageMagick 6
# does not write ICNS, so the container (an 8-byte header and a type/length per entry) is
# written here.
set -euo pipefail
cd "$(dirname "$0")"
convert fermata.png -define icon:auto-resize=256,128,64,48,32,16 fermata.ico
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
convert fermata.png -resize 128x128 "$work/ic07.png"
cp fermata.png "$work/ic08.png"
python3 - "$work" <<'PY'
import struct, sys, pathlib
work = pathlib.Path(sys.argv[1])
entries = b"".join(t.encode() + struct.pack(">I", 8 + len(d)) + d
                   for t, d in ((t, (work / f"{t}.png").read_bytes()) for t in ("ic07", "ic08")))
pathlib.Path("fermata.icns").write_bytes(b"icns" + struct.pack(">I", 8 + len(entries)) + entries)
PY
