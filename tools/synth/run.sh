#!/usr/bin/env bash
# Generates synthetic pages and scores the splitter on them (see README.md here).
# usage: tools/synth/run.sh OUTDIR COUNT SCORER [PRESSROOM]
#   OUTDIR     where the pages go (syn_N.pdf, .txt, .expected.json, .pred.json)
#   COUNT      pages, seeds 1..COUNT
#   SCORER     path to score_split.py (kept outside this repository)
#   PRESSROOM  the binary to score (default target/release/pressroom)
set -euo pipefail
out=${1:?OUTDIR}; count=${2:?COUNT}; scorer=${3:?SCORER}
bin=${4:-target/release/pressroom}
here=$(dirname "$0")
mkdir -p "$out"
for seed in $(seq 1 "$count"); do
    python3 "$here/make.py" "$seed" "$out" >/dev/null
    base="$out/syn_$seed"
    "$bin" split "$base.txt" --json > "$base.pred.json"
    echo "syn_$seed $(python3 "$scorer" "$base.expected.json" "$base.pred.json")"
done | tee "$out/scores.txt" | python3 "$here/total.py"
