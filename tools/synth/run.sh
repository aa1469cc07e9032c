#!/usr/bin/env bash
# Generates synthetic pages and scores the splitter on them (see README.md here).
# usage: tools/synth/run.sh OUTDIR COUNT SCORER [PRESSROOM] [FIRST]
#   OUTDIR     where the pages go (syn_N.pdf, .txt, .expected.json, .pred.json)
#   COUNT      pages, seeds FIRST..FIRST+COUNT-1
#   SCORER     path to score_split.py (kept outside this repository)
#   PRESSROOM  the binary to score (default target/release/pressroom)
#   FIRST      the first seed (default 1)
set -euo pipefail
out=${1:?OUTDIR}; count=${2:?COUNT}; scorer=${3:?SCORER}
bin=${4:-target/release/pressroom}
first=${5:-1}
here=$(dirname "$0")
mkdir -p "$out"
for seed in $(seq "$first" $((first + count - 1))); do
    python3 "$here/make.py" "$seed" "$out" >/dev/null
    base="$out/syn_$seed"
    "$bin" split "$base.txt" --json > "$base.pred.json"
    echo "syn_$seed $(python3 "$scorer" "$base.expected.json" "$base.pred.json")"
done | tee "$out/scores.txt" | python3 "$here/total.py"
