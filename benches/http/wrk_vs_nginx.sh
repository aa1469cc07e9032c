#!/usr/bin/env bash
# wrk against pressroom's real server (examples/serve_static.rs: real routing, negotiation,
# validators and headers), against a bare hyper server holding the same bytes
# (examples/bare_hyper.rs: the ceiling for any hyper server on this machine) and against
# nginx (gzip_static, etag), one after the other: the full GET of the gzip feed, then the
# 304 path.
#
# Usage: benches/http/wrk_vs_nginx.sh   (env: THREADS=2 CONNS=64 DURATION=10s
#                                        ROUNDS=3 PR_PORT=18080 NGX_PORT=18081
#                                        BARE_PORT=18082)
# Each case runs ROUNDS times, alternating the two servers, and the best round counts: the
# machine is shared, and the best of interleaved rounds is the least disturbed figure.
# Besides req/s it reports each server's CPU time per request (from /proc), which load from
# other processes barely moves.
# Installs wrk and nginx with apt-get when missing (needs root). Leaves nothing running.
set -euo pipefail

THREADS=${THREADS:-2}
CONNS=${CONNS:-64}
DURATION=${DURATION:-5s}
ROUNDS=${ROUNDS:-3}
PR_PORT=${PR_PORT:-18080}
NGX_PORT=${NGX_PORT:-18081}
BARE_PORT=${BARE_PORT:-18082}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

WORK=$(mktemp -d)
PR_PID=
NGX_PID=
BARE_PID=
cleanup() {
    # `wait` returns a killed server's status (143): under `set -e` that ended the cleanup
    # half-way and left nginx running.
    set +e
    [ -n "$PR_PID" ] && kill "$PR_PID" 2>/dev/null && wait "$PR_PID" 2>/dev/null
    [ -n "$BARE_PID" ] && kill "$BARE_PID" 2>/dev/null && wait "$BARE_PID" 2>/dev/null
    [ -n "$NGX_PID" ] && kill -QUIT "$NGX_PID" 2>/dev/null && wait "$NGX_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 130" INT TERM

install_tools() {
    local missing=()
    command -v wrk >/dev/null || missing+=(wrk)
    command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
    command -v curl >/dev/null || missing+=(curl)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "installing ${missing[*]}" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# A realistic feed of about 100 KB: 40 RSS items whose content:encoded mixes real Chinese
# news sentences with pseudo-random CJK text, so gzip shrinks it to ~30 % as it does real
# Chinese news (a feed of repeated sentences would compress 20x and flatter everyone).
generate_feed() {
    perl - >"$1" <<'PERL'
use strict; use warnings; use utf8;
binmode STDOUT, ':encoding(UTF-8)';
srand(20241109);
my @s = (
 '记者从市发展和改革委员会获悉，今年以来我市紧紧围绕低空经济全产业链推动重点项目落地见效。',
 '在芦淞区通航产业园，厂房内机器轰鸣，工人们正忙着组装新一代轻型运动飞机。',
 '企业负责人介绍，今年前十个月产值同比增长，新增就业岗位两百余个，订单已经排到明年。',
 '下一步，将加快低空智联网建设，推动无人机物流配送试点，拓展应急救援和农林植保应用场景。',
 '市领导在调研时强调，要坚持创新驱动，强化要素保障，持续优化营商环境。',
 '据了解，该项目总投资约十二亿元，建成后可实现年产值三十亿元以上。',
 '活动现场，来自全国各地的专家学者围绕产业发展趋势展开深入交流。',
 '近年来，该区持续加大基础设施投入，城乡面貌焕然一新，群众获得感显著增强。',
 'The council said the plan would be reviewed again in the spring session.',
 '社区工作人员逐户走访，详细了解居民需求，帮助解决实际困难。',
);
sub rnd_text { my $n = shift; join '', map { chr(0x4E00 + int(rand(2500))) } 1..$n }
sub para { my $t = ''; for (1..2 + int(rand(3))) { $t .= (rand() < 0.5 ? $s[int(rand(@s))] : rnd_text(20 + int(rand(30))) . '。'); } "<p>$t</p>" }
print qq{<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n};
print qq{<channel><title>株洲日报</title><link>https://news.example.org/</link><description>株洲日报 e-paper</description><language>zh-CN</language><lastBuildDate>Sat, 09 Nov 2024 08:00:00 +0800</lastBuildDate><atom:link href="https://news.example.org/feed.xml" rel="self" type="application/rss+xml"/>\n};
for my $i (1..40) {
  my $id = sprintf '%012x', int(rand(2**40));
  my $page = sprintf '%02d', 1 + int($i / 4);
  my $title = rnd_text(8 + int(rand(10)));
  my $summary = para(); $summary =~ s/<\/?p>//g;
  my $body = join '', map { para() } 1..(3 + int(rand(5)));
  print "<item><title>$title</title><link>https://news.example.org/articles/2024-11-09-p$page-$id.html</link>",
        "<description>$summary</description><content:encoded><![CDATA[<p class=\"byline\">株洲日报讯（全媒体记者/任远）</p>$body<figure><figcaption>记者/杨凌凌 摄</figcaption></figure>]]></content:encoded>",
        "<guid isPermaLink=\"false\">tag:news.example.org,2024-11-09:$id</guid>",
        sprintf('<pubDate>Sat, 09 Nov 2024 08:%02d:00 +0800</pubDate>', 59 - $i),
        "<dc:creator>任远</dc:creator><category>第${page}版</category></item>\n";
}
print "</channel></rss>\n";
PERL
}

write_nginx_conf() {
    mkdir -p "$WORK/nginx/tmp"
    cat >"$WORK/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
daemon off;
$( [ "$(id -u)" = 0 ] && echo "user root;" )
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on; tcp_nopush on; tcp_nodelay on;
    keepalive_timeout 65; keepalive_requests 1000000;
    client_body_temp_path $WORK/nginx/tmp; proxy_temp_path $WORK/nginx/tmp;
    fastcgi_temp_path $WORK/nginx/tmp; uwsgi_temp_path $WORK/nginx/tmp; scgi_temp_path $WORK/nginx/tmp;
    types { application/rss+xml xml; }
    charset utf-8; charset_types application/rss+xml;
    gzip_static on; gzip_vary on; etag on;
    server {
        listen 127.0.0.1:$NGX_PORT;
        root $WORK/www;
        location / { add_header Cache-Control "public, max-age=60"; }
    }
}
EOF
}

wait_ready() {
    local url=$1 deadline=$((SECONDS + 20))
    until curl -sf -o /dev/null "$url"; do
        [ $SECONDS -lt $deadline ] || { echo "server at $url did not come up" >&2; exit 1; }
        sleep 0.1
    done
}

# ETag a server sends with the gzip variant (what a polling reader would send back).
gzip_etag() {
    curl -s -D - -o /dev/null -H 'Accept-Encoding: gzip' "$1" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'
}

check_304() {
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: gzip' -H "If-None-Match: $2" "$1")
    [ "$code" = 304 ] || { echo "$1 answered $code, not 304, to its own ETag $2" >&2; exit 1; }
}

# CPU time (user + system, in clock ticks) used so far by the given processes.
cpu_ticks() {
    local pid total=0
    for pid in "$@"; do
        total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
    done
    echo "$total"
}

# One wrk run with the given request headers against a server whose processes are SERVER_PIDS.
# Prints "req/s cpu-µs-per-request"; wrk's summary goes to stderr. CPU per request is the
# figure that survives a busy machine: neighbours steal throughput, not the server's own work.
bench() {
    local name=$1 url=$2 out before after requests result
    shift 2
    local headers=()
    for h in "$@"; do headers+=(-H "$h"); done
    before=$(cpu_ticks $SERVER_PIDS)
    out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "${headers[@]}" "$url")
    after=$(cpu_ticks $SERVER_PIDS)
    { echo "== $name"; echo "$out"; } >&2
    if grep -q 'Non-2xx or 3xx\|Socket errors' <<<"$out"; then
        echo "warning: $name had errors (see above)" >&2
    fi
    requests=$(awk '/requests in/{print $1}' <<<"$out")
    result=$(awk -v rps="$(awk '/Requests\/sec/{print $2}' <<<"$out")" -v t=$((after - before)) \
        -v n="$requests" -v hz="$(getconf CLK_TCK)" \
        'BEGIN{printf "%s %.2f\n", rps, t * 1e6 / hz / n}')
    echo "-> $result req/s µs/req" >&2
    echo "$result"
}

# Best of two "req/s µs" pairs: highest req/s, lowest µs per request.
best() {
    awk -v a="$1" -v b="$2" 'BEGIN{split(a, x, " "); split(b, y, " ");
        r = x[1] > y[1] ? x[1] : y[1]; c = (x[2] > 0 && x[2] < y[2]) ? x[2] : y[2];
        printf "%s %s\n", r, c}'
}

# One case's line: req/s and µs/req of pressroom, bare hyper and nginx, and the ratios.
report() {
    awk -v name="$1" -v a="$2" -v b="$3" -v c="$4" 'BEGIN{split(a, p, " "); split(b, h, " ");
        split(c, n, " ");
        printf "%-9s req/s %8.0f %8.0f %8.0f   pr/ngx %5.2fx  bare/ngx %5.2fx  pr/bare %5.2fx\n",
            name, p[1], h[1], n[1], p[1] / n[1], h[1] / n[1], p[1] / h[1];
        printf "%-9s µs/req %7.2f %8.2f %8.2f   pr/ngx %5.2fx  bare/ngx %5.2fx  pr/bare %5.2fx\n",
            "", p[2], h[2], n[2], n[2] / p[2], n[2] / h[2], h[2] / p[2]}'
}

main() {
    install_tools
    local nginx_bin
    nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
    chmod 755 "$WORK"
    mkdir -p "$WORK/www"
    generate_feed "$WORK/www/feed.xml"
    gzip -9 -n -k "$WORK/www/feed.xml"
    touch -r "$WORK/www/feed.xml" "$WORK/www/feed.xml.gz"
    chmod -R a+rX "$WORK/www"

    (cd "$ROOT" && cargo build --release --locked --quiet --example serve_static --example bare_hyper)
    "$ROOT/target/release/examples/serve_static" "$WORK/www" "127.0.0.1:$PR_PORT" &
    PR_PID=$!
    "$ROOT/target/release/examples/bare_hyper" "$WORK/www" "127.0.0.1:$BARE_PORT" &
    BARE_PID=$!
    write_nginx_conf
    "$nginx_bin" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
    NGX_PID=$!

    local pr="http://127.0.0.1:$PR_PORT/feed.xml" ngx="http://127.0.0.1:$NGX_PORT/feed.xml"
    local bare="http://127.0.0.1:$BARE_PORT/feed.xml"
    wait_ready "$pr"
    wait_ready "$bare"
    wait_ready "$ngx"
    local pr_sum ngx_sum
    pr_sum=$(curl -s -H 'Accept-Encoding: gzip' "$pr" | sha256sum)
    ngx_sum=$(curl -s -H 'Accept-Encoding: gzip' "$ngx" | sha256sum)
    [ "$pr_sum" = "$ngx_sum" ] || { echo "servers send different gzip bytes" >&2; exit 1; }
    [ "$(curl -s "$bare" | sha256sum)" = "$ngx_sum" ] || { echo "bare hyper sends other bytes" >&2; exit 1; }
    local pr_etag ngx_etag
    pr_etag=$(gzip_etag "$pr")
    ngx_etag=$(gzip_etag "$ngx")
    check_304 "$pr" "$pr_etag"
    check_304 "$ngx" "$ngx_etag"
    check_304 "$bare" '"bare-gzip"'
    echo "feed.xml: $(stat -c %s "$WORK/www/feed.xml") bytes, gzip $(stat -c %s "$WORK/www/feed.xml.gz") bytes" >&2
    echo "wrk -t$THREADS -c$CONNS -d$DURATION on $(nproc) cores" >&2

    local nginx_pids="$NGX_PID $(pgrep -P "$NGX_PID" | tr '\n' ' ')"
    local none="0 1e9" pr_get pr_304 ngx_get ngx_304 bare_get bare_304 round
    pr_get=$none pr_304=$none ngx_get=$none ngx_304=$none bare_get=$none bare_304=$none
    for round in $(seq 1 "$ROUNDS"); do
        SERVER_PIDS=$PR_PID
        pr_get=$(best "$pr_get" "$(bench "pressroom GET gzip #$round" "$pr" 'Accept-Encoding: gzip')")
        SERVER_PIDS=$BARE_PID
        bare_get=$(best "$bare_get" "$(bench "bare hyper GET gzip #$round" "$bare" 'Accept-Encoding: gzip')")
        SERVER_PIDS=$nginx_pids
        ngx_get=$(best "$ngx_get" "$(bench "nginx GET gzip #$round" "$ngx" 'Accept-Encoding: gzip')")
        # A polling reader revalidates the copy it holds: the gzip one, with its ETag.
        SERVER_PIDS=$PR_PID
        pr_304=$(best "$pr_304" "$(bench "pressroom 304 #$round" "$pr" 'Accept-Encoding: gzip' "If-None-Match: $pr_etag")")
        SERVER_PIDS=$BARE_PID
        bare_304=$(best "$bare_304" "$(bench "bare hyper 304 #$round" "$bare" 'Accept-Encoding: gzip' 'If-None-Match: "bare-gzip"')")
        SERVER_PIDS=$nginx_pids
        ngx_304=$(best "$ngx_304" "$(bench "nginx 304 #$round" "$ngx" 'Accept-Encoding: gzip' "If-None-Match: $ngx_etag")")
    done

    printf '\nbest of %s rounds, wrk -t%s -c%s -d%s, load average %s\n' "$ROUNDS" "$THREADS" \
        "$CONNS" "$DURATION" "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf '%-9s %-6s %8s %8s %8s\n' "case" "" "pressrm" "bare" "nginx"
    report "GET gzip" "$pr_get" "$bare_get" "$ngx_get"
    report "304" "$pr_304" "$bare_304" "$ngx_304"
    echo "(req/s: higher is better; µs/req: server CPU per request, lower is better;" \
        "ratios > 1 favour the first named)"
}

main "$@"
