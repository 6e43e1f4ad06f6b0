#!/usr/bin/env bash
# Regenerates the audio fixtures of fermata.core.media tests (see README.md here).
# The sample values are integer patterns that every target format holds exactly, so the tests
# recompute the expected samples with the same formulas (AudioFixtures.java).
set -euo pipefail
cd "$(dirname "$0")"
rate=44100
frames=2205
ff() { ffmpeg -nostdin -hide_banner -loglevel error -y "$@"; }
src() { ff -f lavfi -i "aevalsrc=exprs='$1':s=$rate,atrim=end_sample=$frames" "${@:2}"; }

p8='(mod(n*31,256)-128)/128|(mod(n*31+7,256)-128)/128'
p16='(mod(n*7919,65536)-32768)/32768|(mod(n*7919+4099,65536)-32768)/32768'
p16x3="$p16|(mod(n*7919+8198,65536)-32768)/32768"
p24='(mod(n*7919,16777216)-8388608)/8388608|(mod(n*7919+1048573,16777216)-8388608)/8388608'
p32='(mod(n*2654435761,4294967296)-2147483648)/2147483648|(mod(n*2654435761+40503,4294967296)-2147483648)/2147483648'

src "$p8" -c:a pcm_u8 pcm-u8.wav
src "$p16" -c:a pcm_s16le pcm-s16.wav
src "$p24" -c:a pcm_s24le pcm-s24.wav
src "$p32" -c:a pcm_s32le pcm-s32.wav
src "$p24" -c:a pcm_f32le float-32.wav
src "$p32" -c:a pcm_f64le float-64.wav
src "$p16x3" -c:a pcm_s16le pcm-s16-3ch.wav
src "$p16" -c:a pcm_s16be pcm-s16.aiff
src "$p24" -c:a pcm_s24be pcm-s24.aiff
src "$p16" -c:a flac -sample_fmt s16 flac-16.flac
src "$p24" -c:a flac -sample_fmt s32 -bits_per_raw_sample 24 flac-24.flac
# Lossy: one second of a 1 kHz sine at amplitude 0.5 (-6.02 dBFS), mono. MP3 at 320k because
# LAME at 128k lowers this pure tone by 0.45 dB, more than the level test allows.
ff -f lavfi -i "sine=frequency=1000:sample_rate=$rate:duration=1" -af volume=0.5/0.125 \
   -c:a libmp3lame -b:a 320k sine-1k.mp3
ff -f lavfi -i "sine=frequency=1000:sample_rate=$rate:duration=1" -af volume=0.5/0.125 \
   -c:a libvorbis -q:a 4 sine-1k.ogg
