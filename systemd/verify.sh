#!/usr/bin/env bash
# Checks systemd/pressroom.service: `systemd-analyze verify` must pass without a single
# warning, then prints the `systemd-analyze security` exposure score of the unit.
#
# Verification runs against a throwaway root (--root) holding the unit, the distribution's
# own unit files (for the targets it refers to), and the executables ExecStart/ExecReload
# name: the built binary when there is one, else a stub, so this works on a CI box where
# pressroom is not installed. Installs the Debian package `systemd` when systemd-analyze is
# missing (needs root and apt-get).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
unit="$here/pressroom.service"

if ! command -v systemd-analyze >/dev/null; then
    echo "systemd-analyze not found: installing the Debian package systemd" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd >/dev/null
fi

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/etc/systemd/system" "$root/usr/local/bin" "$root/bin" "$root/lib/systemd"
cp "$unit" "$root/etc/systemd/system/pressroom.service"
for dir in /lib/systemd/system /usr/lib/systemd/system; do
    if [ -d "$dir" ]; then
        cp -a "$dir" "$root/lib/systemd/"
        break
    fi
done
built="$here/../target/release/pressroom"
[ -x "$built" ] || built="$here/../target/debug/pressroom"
if [ -x "$built" ]; then
    cp "$built" "$root/usr/local/bin/pressroom"
else
    printf '#!/bin/sh\nexit 0\n' >"$root/usr/local/bin/pressroom"
    chmod 755 "$root/usr/local/bin/pressroom"
fi
cp "$(type -P kill || echo /bin/kill)" "$root/bin/kill"

out="$(systemd-analyze verify --root="$root" /etc/systemd/system/pressroom.service 2>&1)" || {
    echo "systemd-analyze verify failed:" >&2
    echo "$out" >&2
    exit 1
}
if [ -n "$out" ]; then
    echo "systemd-analyze verify reported warnings (treated as errors):" >&2
    echo "$out" >&2
    exit 1
fi
echo "systemd-analyze verify: pressroom.service ok"

# Offline security analysis (systemd >= 250); older versions can only analyse loaded units.
if systemd-analyze security --help 2>/dev/null | grep -q -- '--offline'; then
    report="$(systemd-analyze security --offline=yes --root="$root" pressroom.service 2>&1)" || true
    echo "$report" | grep '✗' || true
    echo "$report" | grep -i 'overall exposure' || { echo "$report" >&2; exit 1; }
else
    echo "systemd-analyze security --offline not supported by this systemd; skipped"
fi
