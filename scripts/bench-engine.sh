#!/bin/sh
# Engine benchmark: offline render with Fermata's synthesizer and with Gervill against FluidSynth on the same MIDI files and
# SoundFont, then real-time headroom with 32 busy tracks on each engine. Needs fluidsynth and fluid-soundfont-gm
# (apt-get install fluidsynth fluid-soundfont-gm). Reads MIDI from ../shared/data/midi/nottingham
# (never copied into the repository) and writes a generated 16-track file to /tmp.
set -eu
cd "$(dirname "$0")/.."
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)  nproc: $(nproc)  cpu: $(lscpu | grep 'Model name' | sed 's/Model name: *//')"
echo "fluidsynth: $(fluidsynth --version 2>/dev/null | head -1)"
mvn -q test -Pbench -Dtest=EngineBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbench.midi="${BENCH_MIDI:-$(cd .. && pwd)/shared/data/midi/nottingham}" \
    -Dbench.sf2="${BENCH_SF2:-/usr/share/sounds/sf2/FluidR3_GM.sf2}" >/dev/null
cat target/surefire-reports/fermata.core.engine.EngineBenchmark-output.txt
