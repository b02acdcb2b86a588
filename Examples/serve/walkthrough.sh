#!/usr/bin/env bash
# A walk through `bylaw serve` (docs/serve.md): start it, ask for decisions, break a policy
# and watch the reload fail safely, fix it, stop it. Run it from anywhere:
#
#   Examples/serve/walkthrough.sh                      # `bylaw` from the PATH, or .build/debug/bylaw
#   BYLAW=path/to/bylaw Examples/serve/walkthrough.sh
#
# It works on a copy of Policies/ in a temporary folder (the copy is what it breaks), serves
# on a free loopback port, and needs curl. Each step checks what it shows: the script exits 1
# at the first surprise, 0 at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
BYLAW=${BYLAW:-$(command -v bylaw || echo "$PWD/.build/debug/bylaw")}
command -v curl >/dev/null || { echo "walkthrough: needs curl" >&2; exit 2; }

work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT
cp -R Policies "$work/policies"

step() { printf '\n== %s\n' "$*"; }
fail() { echo "walkthrough: $*" >&2; exit 1; }
# Waits (up to 10 s) until the status holds a text.
wait_for_status() {
    for _ in $(seq 100); do
        curl -s "$url/v1/status" | grep -q "$1" && return 0
        sleep 0.1
    done
    fail "the status never showed $1"
}

step "1. Start the server: the shipped policies, the acme workspace, a free port"
"$BYLAW" serve --policies "$work/policies" --workspace Examples/workspaces/acme.yaml \
    --listen 127.0.0.1:0 --watch-interval 0.2 2>"$work/server.log" &
server=$!
for _ in $(seq 300); do grep -q 'listening on' "$work/server.log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.]*:[0-9]*' "$work/server.log" | head -n 1)
[ -n "$url" ] || fail "the server did not start: $(cat "$work/server.log")"
cat "$work/server.log"

step "2. An ordinary prompt: allowed"
curl -s -X POST --data-binary @Examples/serve/allowed-event.json "$url/v1/decide" | tee "$work/answer"
grep -q '"decision":"allow"' "$work/answer" || fail "expected allow"

step "3. A client PDF into consumer chat: denied, with the findings that deny it"
curl -s -X POST --data-binary @Examples/serve/denied-event.json "$url/v1/decide" | tee "$work/answer"
grep -q '"decision":"deny"' "$work/answer" || fail "expected deny"
grep -q 'client-data/no-client-data-in-consumer-chat' "$work/answer" || fail "expected the client-data rule"
revision=$(grep -o '"revision":"[0-9a-f]*"' "$work/answer")

step "4. Break a policy (a misspelt field): the reload fails, the last good set keeps serving"
sed -i.bak 's/event.artifact.classification in client_data/event.artifact.clasification in client_data/' "$work/policies/client-data.yaml"
wait_for_status '"reload_failing":true'
curl -s "$url/v1/status" | grep -o '"last_error":{.*"diagnostics":\[{"code":"[a-z.-]*"' | tee "$work/answer"
echo
grep -q 'cel.undefined-field' "$work/answer" || fail "expected the compile error in the status"
curl -s -X POST --data-binary @Examples/serve/denied-event.json "$url/v1/decide" | tee "$work/answer"
grep -q '"decision":"deny"' "$work/answer" || fail "the last good set should still deny"
grep -q "$revision" "$work/answer" || fail "the revision should not have changed"

step "5. Fix it: the next reload serves the fixed set"
mv "$work/policies/client-data.yaml.bak" "$work/policies/client-data.yaml"
wait_for_status '"reload_failing":false'
curl -s "$url/v1/status" | grep -o '"revision":"[0-9a-f]*","loaded_at":"[^"]*","reload_failing":false'

step "6. Stop: SIGTERM lets requests under way finish, then the server exits 0"
kill -TERM "$server"
status=0
wait "$server" || status=$?
server=""
echo "exit code $status"
[ "$status" -eq 0 ] || fail "expected exit code 0"
tail -n 3 "$work/server.log"
