#!/usr/bin/env bash
# wrk against pressroom's real server (examples/serve_static.rs: real routing, negotiation,
# validators and headers) and against nginx (gzip_static, etag) serving the same feed bytes,
# one after the other: the full GET of the gzip feed, then the 304 path.
#
# Usage: benches/http/wrk_vs_nginx.sh   (env: THREADS=2 CONNS=64 DURATION=10s
#                                        PR_PORT=18080 NGX_PORT=18081)
# Installs wrk and nginx with apt-get when missing (needs root). Leaves nothing running.
set -euo pipefail

THREADS=${THREADS:-2}
CONNS=${CONNS:-64}
DURATION=${DURATION:-10s}
PR_PORT=${PR_PORT:-18080}
NGX_PORT=${NGX_PORT:-18081}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

WORK=$(mktemp -d)
PR_PID=
NGX_PID=
cleanup() {
    [ -n "$PR_PID" ] && kill "$PR_PID" 2>/dev/null && wait "$PR_PID" 2>/dev/null
    [ -n "$NGX_PID" ] && kill -QUIT "$NGX_PID" 2>/dev/null && wait "$NGX_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

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

# A realistic feed: RSS 2.0 with Chinese article text in content:encoded, about 100 KB.
generate_feed() {
    local out=$1 i
    {
        printf '<?xml version="1.0" encoding="UTF-8"?>\n'
        printf '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        printf '<channel><title>株洲日报</title><link>https://news.example.org/</link>'
        printf '<description>株洲日报 e-paper</description><language>zh-CN</language>'
        printf '<lastBuildDate>Sat, 09 Nov 2024 08:00:00 +0800</lastBuildDate>'
        printf '<atom:link href="https://news.example.org/feed.xml" rel="self" type="application/rss+xml"/>\n'
        for i in $(seq 1 30); do
            printf '<item><title>第%d篇：株洲全力推进低空经济高质量发展 打造通用航空产业新高地</title>' "$i"
            printf '<link>https://news.example.org/articles/2024-11-09-p%02d-%06x.html</link>' "$i" "$((i * 7919))"
            printf '<description>株洲日报讯（全媒体记者/任远）11月8日，记者从市发改委获悉，今年以来我市围绕低空经济产业链，加快项目建设。</description>'
            printf '<content:encoded><![CDATA[<p>株洲日报讯（全媒体记者/任远 通讯员/李%d）11月8日，记者从市发展和改革委员会获悉，今年以来，我市紧紧围绕低空经济全产业链，聚焦研发制造、运营服务、基础设施等关键环节，推动一批重点项目落地见效。</p>' "$i"
            printf '<p>在芦淞区通航产业园，第%d号厂房内机器轰鸣，工人们正忙着组装新一代轻型运动飞机。“订单已经排到明年三月。”企业负责人介绍，今年前十个月产值同比增长百分之%d，新增就业岗位两百余个。</p>' "$i" "$((i + 20))"
            printf '<h3>完善基础设施 拓展应用场景</h3><p>据了解，我市已建成通用机场%d个、起降点%d个，开通低空旅游、应急救援、农林植保等航线，低空飞行服务保障体系初步形成。下一步，将加快低空智联网建设，推动无人机物流配送试点。</p>' "$((i % 3 + 1))" "$((i + 10))"
            printf '<figure><figcaption>工人在生产线上组装飞机。记者/杨凌凌 摄</figcaption></figure><p>（下转第%d版）</p>]]></content:encoded>' "$((i % 8 + 2))"
            printf '<guid isPermaLink="false">tag:news.example.org,2024-11-09:%06x</guid>' "$((i * 104729))"
            printf '<pubDate>Sat, 09 Nov 2024 %02d:%02d:00 +0800</pubDate><dc:creator>任远</dc:creator><category>第%02d版</category></item>\n' "$((8 - i / 60))" "$((59 - i))" "$i"
        done
        printf '</channel></rss>\n'
    } >"$out"
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

# Requests/sec of one wrk run with the given request headers; wrk's summary goes to stderr.
bench() {
    local name=$1 url=$2 out
    shift 2
    local headers=()
    for h in "$@"; do headers+=(-H "$h"); done
    out=$(wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "${headers[@]}" "$url")
    { echo "== $name"; echo "$out"; } >&2
    if grep -q 'Non-2xx or 3xx\|Socket errors' <<<"$out"; then
        echo "warning: $name had errors (see above)" >&2
    fi
    awk '/Requests\/sec/{print $2}' <<<"$out"
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

    (cd "$ROOT" && cargo build --release --locked --quiet --example serve_static)
    "$ROOT/target/release/examples/serve_static" "$WORK/www" "127.0.0.1:$PR_PORT" &
    PR_PID=$!
    write_nginx_conf
    "$nginx_bin" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
    NGX_PID=$!

    local pr="http://127.0.0.1:$PR_PORT/feed.xml" ngx="http://127.0.0.1:$NGX_PORT/feed.xml"
    wait_ready "$pr"
    wait_ready "$ngx"
    local pr_sum ngx_sum
    pr_sum=$(curl -s -H 'Accept-Encoding: gzip' "$pr" | sha256sum)
    ngx_sum=$(curl -s -H 'Accept-Encoding: gzip' "$ngx" | sha256sum)
    [ "$pr_sum" = "$ngx_sum" ] || { echo "servers send different gzip bytes" >&2; exit 1; }
    local pr_etag ngx_etag
    pr_etag=$(gzip_etag "$pr")
    ngx_etag=$(gzip_etag "$ngx")
    check_304 "$pr" "$pr_etag"
    check_304 "$ngx" "$ngx_etag"
    echo "feed.xml: $(stat -c %s "$WORK/www/feed.xml") bytes, gzip $(stat -c %s "$WORK/www/feed.xml.gz") bytes" >&2
    echo "wrk -t$THREADS -c$CONNS -d$DURATION on $(nproc) cores" >&2

    local pr_get ngx_get pr_304 ngx_304
    pr_get=$(bench "pressroom GET gzip" "$pr" 'Accept-Encoding: gzip')
    ngx_get=$(bench "nginx GET gzip" "$ngx" 'Accept-Encoding: gzip')
    # A polling reader revalidates the copy it holds: the gzip one, with its ETag.
    pr_304=$(bench "pressroom 304" "$pr" 'Accept-Encoding: gzip' "If-None-Match: $pr_etag")
    ngx_304=$(bench "nginx 304" "$ngx" 'Accept-Encoding: gzip' "If-None-Match: $ngx_etag")

    printf '\n%-16s %14s %14s %8s\n' "case" "pressroom r/s" "nginx r/s" "ratio"
    awk -v a="$pr_get" -v b="$ngx_get" 'BEGIN{printf "%-16s %14.0f %14.0f %7.2fx\n", "GET gzip", a, b, a/b}'
    awk -v a="$pr_304" -v b="$ngx_304" 'BEGIN{printf "%-16s %14.0f %14.0f %7.2fx\n", "304", a, b, a/b}'
}

main "$@"
