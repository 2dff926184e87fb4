#!/usr/bin/env bash
# Makes the demo PBX's voicemail audio (electron/core/demo-pbx/assets/) with espeak-ng + sox:
# a few spoken messages as 16-bit PCM 8 kHz mono WAV (Asterisk `wav`) and as GSM 6.10 in WAV
# (Asterisk `wav49`: format tag 0x0031, 65-byte blocks of two frames). GSM cannot be synthesised
# in TypeScript without an encoder, which is why these files are made here and committed.
# Each file is cut or padded to an exact sample count so the catalogue in
# electron/core/demo-pbx/audio-catalog.ts can state durations without reading the files.
# Usage: bash scripts/make-demo-audio.sh   (needs: apt-get install espeak-ng sox)
set -euo pipefail
cd "$(dirname "$0")/.."
out=electron/core/demo-pbx/assets
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "make-demo-audio: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
mkdir -p "$out"

# make NAME ENCODING VOICE SAMPLES TEXT : SAMPLES at 8 kHz; GSM files want a multiple of 160
# (one frame), and an odd frame count leaves the last 65-byte block half filled.
make() {
  local name=$1 enc=$2 voice=$3 samples=$4 text=$5
  espeak-ng -v "$voice" -s 150 -w "$tmp/$name.raw.wav" "$text"
  # -D: no dither, so the output is the same on every run.
  local fx=(remix - rate 8000 norm -3 pad 0.3 30 trim 0 "${samples}s")
  if [ "$enc" = pcm ]; then
    sox -V1 -D "$tmp/$name.raw.wav" -r 8000 -c 1 -b 16 -e signed-integer -t wav "$out/$name.wav" "${fx[@]}"
  else
    sox -V1 -D "$tmp/$name.raw.wav" -r 8000 -c 1 -e gsm-full-rate -t wav "$out/$name.wav" "${fx[@]}"
  fi
}

# Reference dataset: the published INBOX message (9 s, PCM) and Old message (8 s, GSM).
make ref-inbox pcm en-us 72000 "Hello, this is the demo line calling. Please call me back at extension fifteen nineteen. Thank you."
make ref-old gsm en-us 64000 "Hi, it is X-Lite at seventy five oh two. The meeting moved to Thursday at ten."
# Generated dataset: a mix of voices, languages and formats.
make pcm-es pcm es 32000 "Hola, soy José Núñez. Llámame cuando puedas."
make gsm-en-1 gsm en-us 48000 "Good morning, this is Maria from accounts. Your invoice is ready for review."
make gsm-en-2 gsm en-us 32000 "Hi, just checking in about the delivery. Talk soon."
make gsm-es gsm es 40000 "Buenas tardes, le llamo por la reunión de mañana. Gracias."
make gsm-ar gsm ar 32000 "مرحبا، أنا محمد. من فضلك اتصل بي."
# 301 GSM frames (48160 samples): an odd count, so the last block carries one padding frame.
make gsm-odd gsm en-us 48160 "This message has an odd number of frames. It ends in half a block."

ls -l "$out"
du -cb "$out"/*.wav | tail -n 1
