#!/usr/bin/env bash
# Old-against-new equivalence: builds OLD (a commit, default the previous landing) in a temporary worktree, trains the
# same set of small runs with both builds, and compares every epochs.csv column except the time and energy ones
# (seconds, trainKwh, kwh, wallSeconds). Prints one line per run and "equivalent: N of N"; exits 1 on any difference.
#   bench/equivalence.sh [OLD] [NEW]        NEW defaults to this checkout (HEAD with its working tree)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old="${1:-064ed2e}"
work="$(mktemp -d)"
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add -q --detach "$work/old" "$old"
build() { dotnet build "$1/src/LessData.Cli/LessData.Cli.csproj" -c Release -nologo -v quiet >/dev/null; echo "$1/src/LessData.Cli/bin/Release/net10.0/LessData.Cli.dll"; }
echo "equivalence: building $old and $(git -C "$root" rev-parse --short HEAD)$( [ -n "$(git -C "$root" status --porcelain)" ] && echo '+dirty')" >&2
old_dll="$(build "$work/old")"
new_dll="$(build "$root")"

# Each line: a name, then train flags. Small, but covering every schedule family, the score-based selectors, the three
# model families, SGD with a budget-aware LR schedule, and the images clock.
runs=(
  "hvc-small-step   --model hvc-small --schedule step:0.25@0.5"
  "hvc-small-cut    --model hvc-small --schedule cut:3"
  "cnn-inc-loss     --model cnn --schedule increment:0.5 --selector loss --unbiased"
  "cnn-infobatch    --model cnn --selector infobatch --target-fraction 0.8"
  "resnet20-sgd     --model resnet20 --optimizer sgd --lr-schedule cosine --lr-clock images --schedule step:0.5@0.5"
)
common=(--dataset fashion-mnist --epochs 3 --train-limit 240 --test-limit 100 --threads 1 --seed 3 --save-model false)
same=0
for run in "${runs[@]}"; do
  read -r name flags <<<"$run"
  # shellcheck disable=SC2086
  dotnet "$old_dll" train "${common[@]}" $flags --out "$work/old-$name" >"$work/old-$name.log" 2>&1 || { echo "$name: the old build failed: $(tail -1 "$work/old-$name.log")"; continue; }
  # shellcheck disable=SC2086
  dotnet "$new_dll" train "${common[@]}" $flags --out "$work/new-$name" >"$work/new-$name.log" 2>&1 || { echo "$name: the new build failed: $(tail -1 "$work/new-$name.log")"; continue; }
  strip() { python3 - "$1" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
drop = {"seconds", "trainKwh", "kwh", "wallSeconds"}
for r in rows: print(",".join(f"{k}={v}" for k, v in r.items() if k not in drop))
PY
  }
  if diff <(strip "$work/old-$name/epochs.csv") <(strip "$work/new-$name/epochs.csv") >/dev/null; then
    echo "$name: identical ($(($(wc -l <"$work/new-$name/epochs.csv") - 1)) epochs)"; same=$((same + 1))
  else
    echo "$name: DIFFERENT"; diff <(strip "$work/old-$name/epochs.csv") <(strip "$work/new-$name/epochs.csv") | head -4
  fi
done
echo "equivalent: $same of ${#runs[@]}"
[ "$same" -eq "${#runs[@]}" ]
