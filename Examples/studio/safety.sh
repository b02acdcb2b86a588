#!/usr/bin/env bash
# Tries what must not work against a running Bylaw Studio: requests without its token or with
# a wrong one, a save from another origin or without the token header, and paths outside the
# policy folder (.., absolute, percent-encoded, through a symbolic link). Each must be refused
# and nothing outside the folder read or written. Exit code 0 when all are.
set -uo pipefail
cd "$(dirname "$0")/../.."
bylaw="${BYLAW:-.build/debug/bylaw}"
work=$(mktemp -d)
cp -R Policies "$work/Policies"
echo "policy: outside" > "$work/outside.yaml"
ln -s "$work/outside.yaml" "$work/Policies/link-out.yaml"
BYLAW_TODAY=2026-11-22 "$bylaw" studio --policies "$work/Policies" --workspace Examples/workspaces/acme.yaml --listen 127.0.0.1:0 2> "$work/stderr" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 600); do
    url=$(grep -o 'http://[^ ]*' "$work/stderr" | head -1)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "${url:-}" ] || { echo "the studio did not start:"; cat "$work/stderr"; exit 2; }
base=${url%%/?token=*}
token=${url##*token=}
origin=$base
status=0
expect() {
    local want=$1 got=$2 what=$3
    if [ "$got" = "$want" ]; then echo "ok   $got $what"; else echo "FAIL $got (expected $want) $what"; status=1; fi
}
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
expect 401 "$(code "$base/policies")" "a page without the token"
expect 401 "$(code "$base/policies?token=wrong-token-0123456789")" "a page with a wrong token"
expect 303 "$(code "$url")" "the printed link (sets the cookie, drops the token from the address)"
expect 200 "$(code -H "X-Bylaw-Token: $token" "$base/policies")" "a page with the token"
expect 421 "$(code -H "X-Bylaw-Token: $token" -H "Host: evil.example:80" "$base/policies")" "a request addressed to another host"
version=$(curl -s -H "X-Bylaw-Token: $token" "$base/api/file?file=client-data.yaml" | sed 's/.*"version":"\([0-9a-f]*\)".*/\1/')
save() { curl -s -o /dev/null -w '%{http_code}' -X POST "$@" --data-urlencode "text=policy: changed" --data-urlencode "version=$version" --data-urlencode "confirm=1" "$base/api/save"; }
expect 403 "$(save -H "X-Bylaw-Token: $token" -H "Origin: http://evil.example" --data-urlencode file=client-data.yaml)" "a save from another origin"
expect 401 "$(save -H "Origin: $origin" --data-urlencode file=client-data.yaml)" "a save without the token"
for path in "../outside.yaml" "/etc/passwd" "link-out.yaml" ".hidden.yaml"; do
    expect 403 "$(save -H "X-Bylaw-Token: $token" -H "Origin: $origin" --data-urlencode "file=$path")" "a save to $path"
done
for query in "..%2Foutside.yaml" "%2e%2e%2foutside.yaml" "%2Fetc%2Fpasswd" "link-out.yaml"; do
    got=$(code -H "X-Bylaw-Token: $token" "$base/api/file?file=$query")
    expect 404 "$got" "a read of $query"
done
grep -q "policy: outside" "$work/outside.yaml" && echo "ok   the file outside the folder is untouched" || { echo "FAIL the file outside was written"; status=1; }
cmp -s Policies/client-data.yaml "$work/Policies/client-data.yaml" && echo "ok   client-data.yaml is unchanged" || { echo "FAIL client-data.yaml was written"; status=1; }
exit $status
