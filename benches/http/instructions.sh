#!/usr/bin/env bash
# User-space instructions per request of an HTTP server, counted by callgrind: deterministic
# to about ±1 %, where req/s and CPU time move by ±15 % on a shared machine.
#
# Usage: benches/http/instructions.sh NAME CASE SERVER_CMD...
#   CASE: get (Accept-Encoding: gzip, full body) or 304 (plus If-None-Match: the server's
#   gzip ETag). The server must serve /feed.xml on 127.0.0.1:$PORT (default 18090), e.g.
#   PORT=18090 benches/http/instructions.sh pressroom 304 \
#       target/release/examples/serve_static DIR 127.0.0.1:18090
#   (DIR holding feed.xml and feed.xml.gz, as wrk_vs_nginx.sh generates them).
# Runs the server under valgrind --tool=callgrind, warms it with wrk for 2 s, zeroes the
# counters, runs wrk -t1 -c4 for 5 s, dumps, and divides the dump's total by wrk's request
# count. Needs valgrind, wrk, curl. Leaves nothing running.
set -euo pipefail

name=$1 case=$2
shift 2
port=${PORT:-18090}
url=http://127.0.0.1:$port/feed.xml
out_dir=$(mktemp -d)
valgrind --tool=callgrind --callgrind-out-file="$out_dir/cg.out.%p" "$@" >/dev/null 2>"$out_dir/valgrind.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$out_dir"' EXIT

for _ in $(seq 1 100); do curl -sf -o /dev/null "$url" && break; sleep 0.2; done
etag=$(curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$url" | tr -d '\r' |
    awk -F': ' 'tolower($1)=="etag"{print $2}')
headers=(-H 'Accept-Encoding: gzip')
[ "$case" = 304 ] && headers+=(-H "If-None-Match: $etag")

wrk -t1 -c4 -d2s "${headers[@]}" "$url" >/dev/null
callgrind_control -z "$pid" >/dev/null 2>&1
result=$(wrk -t1 -c4 -d5s "${headers[@]}" "$url")
callgrind_control -d "$pid" >/dev/null 2>&1
sleep 0.5
requests=$(awk '/requests in/{print $1}' <<<"$result")
dump=$(ls -t "$out_dir"/cg.out."$pid".* | head -1)
total=$(callgrind_annotate "$dump" 2>/dev/null | awk '/PROGRAM TOTALS/{gsub(",", "", $1); print $1}')
awk -v name="$name" -v case="$case" -v ir="$total" -v n="$requests" \
    'BEGIN{printf "%s %s: %d requests, %.0f instructions per request\n", name, case, n, ir / n}'
