#!/usr/bin/env bash
# One training run under chosen allocator / cache settings, for the memory table in docs/benchmarks.md:
# prints its peak RSS (the kernel's VmHWM, final evaluation included) and its training seconds.
# Usage: bench/memory-variant.sh SCHEDULE EPOCHS TRAIN_IMAGES MODEL [NAME=VALUE ...]   (threads 1, seed 1, 100 test images)
# e.g.   bench/memory-variant.sh increment:0.1 60 600 cnn ONEDNN_PRIMITIVE_CACHE_CAPACITY=64 LRU_CACHE_CAPACITY=64
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 4 ] || { echo "usage: $0 SCHEDULE EPOCHS TRAIN_IMAGES MODEL [NAME=VALUE ...]" >&2; exit 2; }
schedule=$1 epochs=$2 limit=$3 model=$4; shift 4
"$root/lessdata" --help >/dev/null # builds when a source changed
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
env "$@" dotnet "$root/src/LessData.Cli/bin/Release/net10.0/LessData.Cli.dll" train --dataset fashion-mnist --model "$model" \
  --schedule "$schedule" --epochs "$epochs" --train-limit "$limit" --test-limit 100 --threads 1 --seed 1 --out "$out/run" >/dev/null &
pid=$!; peak=0
while kill -0 "$pid" 2>/dev/null; do
  hwm=$(awk '/VmHWM/{print $2}' "/proc/$pid/status" 2>/dev/null || true); [ -n "$hwm" ] && peak=$hwm
  sleep 1
done
wait "$pid"
seconds=$(grep -o '"trainSeconds": [0-9.]*' "$out/run/run.json" | tail -1 | awk '{print $2}')
awk -v s="$schedule" -v m="$model" -v p="$peak" -v t="$seconds" -v e="${*:-}" \
  'BEGIN { printf "%s %s: peak RSS %.0f MB, training %.1f s%s\n", s, m, p / 1024, t, (e == "" ? "" : " (" e ")") }'
