#!/usr/bin/env bash
# Smoke check of a packaged studio: packaging/smoke-test.sh IMAGE_DIR
#   IMAGE_DIR: the app-image (target/jpackage/image/Rondo Studio) or an unpacked installer
#   (e.g. the opt/rondo-studio folder of `dpkg-deb -x`).
# Runs the image's own launchers, with a throwaway home folder:
#   rondo --version, rondo presets, rondo inspect FILE.mid, rondo render FILE.mid (WAV export
#   needs the launcher's --add-exports), rondo models and rondo generate --model piano (the
#   bundled model, in the fresh home), then the window under Xvfb with RONDO_PROBE, which
#   saves a screenshot once the engine is up and quits.
# Linux (and macOS app bundles for the command line part). Exit 0 when everything passed.
# SMOKE_KEEP=DIR keeps the screenshot, WAV and logs in DIR.
set -euo pipefail

image="${1:?usage: packaging/smoke-test.sh IMAGE_DIR}"
image="$(cd "$image" && pwd)"
here="$(cd "$(dirname "$0")/.." && pwd)"
if [ -d "$image/Contents/MacOS" ]; then bin="$image/Contents/MacOS"; else bin="$image/bin"; fi
cli="$bin/rondo"
gui="$bin/Rondo Studio"
[ -x "$cli" ] || { echo "smoke: no launcher $cli" >&2; exit 1; }
[ -x "$gui" ] || { echo "smoke: no launcher $gui" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A fresh home: settings (and, where the natives are not unpacked in the app, the JavaCPP native
# cache) land here, not in the user's folders, and a first start is what gets tested.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/home/.cache"
mkdir -p "$HOME"
out="$work/out"
mkdir -p "$out"

step() { printf 'smoke: %-10s' "$1"; }
ok() { echo "ok ($1)"; }
fail() { echo "FAILED"; echo "--- output:" >&2; cat "$1" >&2; exit 1; }
secs() { perl -MTime::HiRes=time -e 'printf "%d\n", time() * 1000'; }  # ms; macOS date has no %N
took() { awk -v a="$1" -v b="$(secs)" 'BEGIN { printf "%.1f s", (b - a) / 1000 }'; }

# 1. version
step version; t=$(secs)
"$cli" --version >"$out/version.txt" 2>"$out/version.err" || { cat "$out/version.err" >&2; fail "$out/version.txt"; }
grep -q '^Rondo Studio ' "$out/version.txt" || fail "$out/version.txt"
ok "$(head -1 "$out/version.txt"), $(took "$t")"

# 2. presets
step presets; t=$(secs)
"$cli" presets >"$out/presets.txt" 2>&1 || fail "$out/presets.txt"
grep -q 'performance' "$out/presets.txt" || fail "$out/presets.txt"
ok "$(grep -c . "$out/presets.txt") lines, $(took "$t")"

# 3. inspect MIDI files: a tiny one written here (format 0, 96 ticks per quarter, C4 then
#    E4, a quarter note each) and, when the shared data is there, a real piece.
tiny="$work/tiny.mid"
printf 'MThd\x00\x00\x00\x06\x00\x00\x00\x01\x00\x60' >"$tiny"
printf 'MTrk\x00\x00\x00\x14' >>"$tiny"
printf '\x00\x90\x3c\x64\x60\x80\x3c\x40\x00\x90\x40\x64\x60\x80\x40\x40\x00\xff\x2f\x00' >>"$tiny"
files=("$tiny")
real="$here/../shared/data/midi/piano-midi-de/mozart/mz_311_1.mid"
[ -f "$real" ] && files+=("$real")
step inspect; t=$(secs)
"$cli" inspect "${files[@]}" >"$out/inspect.txt" 2>&1 || fail "$out/inspect.txt"
[ "$(grep -c ' notes' "$out/inspect.txt")" = "${#files[@]}" ] || fail "$out/inspect.txt"
ok "$(grep -o '[0-9]* notes' "$out/inspect.txt" | paste -sd, -), $(took "$t")"

# 4. render the tiny file to WAV (Gervill's offline renderer: proves that the launcher passes
#    --add-exports java.desktop/com.sun.media.sound)
step render; t=$(secs)
"$cli" render "$tiny" --out "$out/render.wav" >"$out/render.txt" 2>&1 || fail "$out/render.txt"
[ "$(head -c 4 "$out/render.wav")" = RIFF ] || fail "$out/render.txt"
ok "$(( $(wc -c <"$out/render.wav") / 1024 )) KiB WAV, $(took "$t")"

# 5. the bundled models: listed, and the piano model generates in the fresh home (a first start)
step models; t=$(secs)
"$cli" models >"$out/models.txt" 2>&1 || fail "$out/models.txt"
grep -q '^piano (default)' "$out/models.txt" && grep -q '^expressive' "$out/models.txt" || fail "$out/models.txt"
ok "$(grep -c '^[a-z]' "$out/models.txt") bundled, $(took "$t")"
step generate; t=$(secs)
"$cli" generate --model piano --length 50 --seed 1 --out "$out/piano.mid" >"$out/generate.txt" 2>&1 || fail "$out/generate.txt"
[ "$(head -c 4 "$out/piano.mid")" = MThd ] || fail "$out/generate.txt"
"$cli" inspect "$out/piano.mid" >"$out/generated.txt" 2>&1 || fail "$out/generated.txt"
grep -q ' 50 notes' "$out/generated.txt" || fail "$out/generated.txt"
ok "piano: 50 notes, $(wc -c <"$out/piano.mid") bytes, $(took "$t")"

# 6. the window under Xvfb, screenshot once the engine is up
if [ "$(uname -s)" = Linux ]; then
  if ! command -v xvfb-run >/dev/null || ! command -v xauth >/dev/null; then
    sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth libgtk-3-0 >/dev/null
  fi
  step window; t=$(secs)
  RONDO_PROBE="$out/window.png" timeout 180 \
    xvfb-run -a -s "-screen 0 1280x800x24" "$gui" >"$out/window.txt" 2>&1 || fail "$out/window.txt"
  [ -s "$out/window.png" ] || fail "$out/window.txt"
  grep -q 'engine ready' "$out/window.txt" || fail "$out/window.txt"
  if [ -d "$image/lib/app/natives" ]; then
    # The natives came unpacked with the app: the first start wrote no large file (but for the
    # shader cache of Mesa, the OpenGL that draws the window under Xvfb).
    find "$HOME" -type f -size +1M -not -path '*/mesa_shader_cache/*' >"$out/home-large.txt"
    [ ! -s "$out/home-large.txt" ] && [ ! -e "$HOME/.javacpp" ] || fail "$out/home-large.txt"
  else
    # The ND4J natives were unpacked into the studio's cache folder, not ~/.javacpp.
    [ -d "$XDG_CACHE_HOME/rondo-studio/javacpp" ] && [ ! -e "$HOME/.javacpp" ] || fail "$out/window.txt"
  fi
  ok "$(grep -o 'window shown.*ms;' "$out/window.txt" | head -1) $(took "$t") in all, $(du -sk "$HOME" | cut -f1) KiB in the fresh home"
fi

if [ -n "${SMOKE_KEEP:-}" ]; then mkdir -p "$SMOKE_KEEP" && cp "$out"/* "$SMOKE_KEEP"/; fi
echo "smoke: all passed ($image)"
