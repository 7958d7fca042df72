#!/usr/bin/env bash
# Retrains the default models from scratch with the studio's own `train`, measures them on the
# held-out pieces with `evaluate`, and writes the lean files that ship (no optimizer state).
#
#   assets/models/retrain.sh                 # both models, full run (build target/rondo.jar first)
#   MODELS=piano MINUTES=5 assets/models/retrain.sh
#
# Training data: every .mid/.midi under DATA except the pieces in HELDOUT (whole files; the
# figures are measured on those). The training run's own validation split (VAL_SPLIT) is taken
# from the remaining pieces and only steers early stopping and the best epoch.
#
# Environment (defaults in brackets):
#   RONDO        the command that runs the studio, split on spaces
#                [java --add-modules jdk.incubator.vector -jar target/rondo.jar]
#   DATA         the piano-midi.de folder              [../shared/data/midi/piano-midi-de]
#   OUT          where the lean model files go          [assets/models]
#   WORK         full models (with optimizer state, for --resume), logs, figures [target/retrain]
#   HELDOUT      list of held-out files, relative to DATA [assets/models/heldout.txt]
#   MODELS       which models                           [piano expressive]
#   MINUTES      training time limit per model          [50]
#   EPOCHS       epoch limit per model                  [200]
#   PIECES       train on the first N pieces only (0 = all), for a quick run [0]
#   HIDDEN, LAYERS   override the network size of every model (quick runs)
#   VAL_SPLIT    fraction of the training pieces for validation [0.05]
#   TRANSPOSE    random transposition, ± semitones       [the preset's: 5 piano, 7 expressive]
#   THREADS      training threads (--threads)           [all cores; the shipped models: 1 each, both at once]
#   EXTRA_TRAIN_ARGS  more train options, split on spaces (e.g. "--max-batches 5")
#   RONDO_TRAIN_NEW_FLAGS=0  leave out --minutes, --targets and --transpose (a studio without them)
#
# Relative paths are taken from the repository root. Paths must not contain spaces.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

RONDO="${RONDO:-java --add-modules jdk.incubator.vector -jar target/rondo.jar}"
DATA="${DATA:-../shared/data/midi/piano-midi-de}"
OUT="${OUT:-assets/models}"
WORK="${WORK:-target/retrain}"
HELDOUT="${HELDOUT:-assets/models/heldout.txt}"
MODELS="${MODELS:-piano expressive}"
MINUTES="${MINUTES:-50}"
EPOCHS="${EPOCHS:-200}"
PIECES="${PIECES:-0}"
VAL_SPLIT="${VAL_SPLIT:-0.05}"
TRANSPOSE="${TRANSPOSE:-}"
THREADS="${THREADS:-}"
EXTRA_TRAIN_ARGS="${EXTRA_TRAIN_ARGS:-}"
RONDO_TRAIN_NEW_FLAGS="${RONDO_TRAIN_NEW_FLAGS:-1}"

read -ra rondo <<<"$RONDO"
read -ra extra <<<"$EXTRA_TRAIN_ARGS"
[ -d "$DATA" ] || { echo "retrain: no data folder $DATA (set DATA)" >&2; exit 2; }
[ -f "$HELDOUT" ] || { echo "retrain: no held-out list $HELDOUT (set HELDOUT)" >&2; exit 2; }
mkdir -p "$OUT" "$WORK"

# Held-out files (must all exist) and training files (all others, sorted: the same on every machine).
heldout=()
while IFS= read -r line; do
  line="${line%%#*}"; line="$(echo "$line" | tr -d '[:space:]')"
  [ -n "$line" ] || continue
  [ -f "$DATA/$line" ] || { echo "retrain: held-out file $DATA/$line is missing" >&2; exit 2; }
  heldout+=("$line")
done <"$HELDOUT"
train=()
while IFS= read -r f; do train+=("$f"); done < <(
  cd "$DATA" && find . -type f \( -iname '*.mid' -o -iname '*.midi' \) | sed 's|^\./||' | LC_ALL=C sort \
    | grep -vxF -f <(printf '%s\n' "${heldout[@]}"))
if [ "$PIECES" -gt 0 ] && [ "$PIECES" -lt "${#train[@]}" ]; then train=("${train[@]:0:$PIECES}"); fi
train_paths=("${train[@]/#/$DATA/}")
heldout_paths=("${heldout[@]/#/$DATA/}")
echo "retrain: ${#train[@]} training pieces, ${#heldout[@]} held out, data $DATA"

# name  file  preset  hidden  layers  seed  batch  warm-up (minibatches): what the shipped pair was trained with
specs=(
  "piano      rondo-piano.zip       pitch-step-duration  256  2  1  128  100"
  "expressive rondo-expressive.zip  velocity-aware       256  2  1  64   100"
)

# One number of the evaluate --json line of the model being measured.
figure() { grep -o "\"$1\":[-0-9.eE]*" "$WORK/$name.heldout.json" | head -1 | cut -d: -f2; }
pct() { figure "$1" | awk '{ printf "%.2f %%", 100 * $1 }'; }
num() { figure "$1" | awk '{ printf "%.4f", $1 }'; }

figures="$WORK/figures.txt"
: >"$figures"
for spec in "${specs[@]}"; do
  read -r name file preset hidden layers seed batch warmup <<<"$spec"
  case " $MODELS " in *" $name "*) ;; *) continue ;; esac
  hidden="${HIDDEN:-$hidden}"; layers="${LAYERS:-$layers}"
  full="$WORK/$name-full.zip"
  rm -f "$full" "$WORK/$name-full.checkpoint.zip"   # from scratch
  args=(train --preset "$preset" --data "${train_paths[@]}" --hidden "$hidden" --layers "$layers" --seed "$seed" --batch "$batch"
        --epochs "$EPOCHS" --val-split "$VAL_SPLIT" --out "$full")
  if [ "$RONDO_TRAIN_NEW_FLAGS" != 0 ]; then
    args+=(--minutes "$MINUTES" --targets every --warmup "$warmup")
    [ -z "$TRANSPOSE" ] || args+=(--transpose "$TRANSPOSE")
  fi
  [ -z "$THREADS" ] || args=(--threads "$THREADS" "${args[@]}")
  args+=("${extra[@]}")
  echo "retrain: $name: ${rondo[*]} train --preset $preset --hidden $hidden --layers $layers --seed $seed ..."
  start=$(date +%s)
  "${rondo[@]}" "${args[@]}" 2>&1 | tee "$WORK/$name.train.log"
  took=$(( $(date +%s) - start ))

  "${rondo[@]}" models export "$full" "$OUT/$file" --force
  # Every window of the held-out pieces (stride 1), as ../shared/bench/torch_seed_train.py --eval scores them.
  "${rondo[@]}" evaluate --model "$OUT/$file" --data "${heldout_paths[@]}" --stride 1 --json >"$WORK/$name.heldout.json"

  {
    echo "== $name ($file): preset $preset, LSTM ${layers}x${hidden}, seed $seed"
    echo "training: ${#train[@]} pieces, ${took} s ($(( took / 60 )) min), $(grep -c '^epoch ' "$WORK/$name.train.log" || true) epochs"
    grep -E 'done|best' "$WORK/$name.train.log" | tail -1 || true
    echo "lean file: $(wc -c <"$OUT/$file") bytes; with optimizer state: $(wc -c <"$full") bytes"
    echo "held out (${#heldout[@]} pieces): $(figure windows) windows; pitch top-1 $(pct top1), top-5 $(pct top5);" \
      "NLL $(num nll) nats/event; baselines: repeat previous pitch $(pct repeatPreviousAccuracy), unigram NLL $(num unigramNll) nats"
    echo "  $WORK/$name.heldout.json: $(cat "$WORK/$name.heldout.json")"
  } | tee -a "$figures"
done
echo "retrain: figures in $figures; lean models in $OUT; full models (for --resume) in $WORK"
