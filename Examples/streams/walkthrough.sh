#!/usr/bin/env bash
# A walk through `bylaw consume` on NATS JetStream (docs/streams.md): start a server, publish the
# example stream, run two members, kill one in the middle, and read the findings back: exactly
# what `bylaw eval` gives for the same file, none missing, none doubled. Run it from anywhere:
#
#   Examples/streams/walkthrough.sh                      # `bylaw` from the PATH, or .build/debug/bylaw
#   BYLAW=path/to/bylaw Examples/streams/walkthrough.sh
#
# It needs nats-server (Debian's package; scripts/setup installs it), serves on a free loopback
# port with its storage in a temporary folder, and stops everything it started on exit. Each
# step checks what it shows: the script exits 1 at the first surprise, 0 at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
BYLAW=${BYLAW:-$(command -v bylaw || echo "$PWD/.build/debug/bylaw")}
command -v nats-server >/dev/null || { echo "walkthrough: needs nats-server (apt-get install nats-server)" >&2; exit 2; }
export BYLAW_TODAY=${BYLAW_TODAY:-2026-11-22}

work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

step() { printf '\n== %s\n' "$*"; }
fail() { echo "walkthrough: $*" >&2; exit 1; }
# The number of messages in a member's last progress line.
progress() { grep -o 'consume: [0-9]* messages' "$1" | tail -n 1 | grep -o '[0-9][0-9]*' || echo 0; }

step "1. Start a NATS server with JetStream on a free loopback port, storage in a temporary folder"
# Port -1: the server picks a free one and names it in its log.
nats-server -js -a 127.0.0.1 -p -1 -sd "$work/store" >"$work/server.log" 2>&1 &
pids+=($!)
for _ in $(seq 600); do grep -q 'Server is ready' "$work/server.log" && break; sleep 0.1; done
grep -q 'Server is ready' "$work/server.log" || fail "the server did not start: $(cat "$work/server.log")"
port=$(grep -o 'client connections on 127.0.0.1:[0-9]*' "$work/server.log" | grep -o '[0-9]*$')
server="nats://127.0.0.1:$port"
echo "server: $server"

step "2. Publish the example stream, twenty times over (ids made unique), to usage.acme"
for round in $(seq 20); do
    sed "s/\"id\":\"evt-/\"id\":\"r$round-evt-/" Examples/usage/examples.ndjson
    grep -v '"id":"evt-' Examples/usage/broken.ndjson
done >"$work/usage.ndjson"
"$BYLAW" publish "$work/usage.ndjson" --server "$server" --subject usage.acme --stream USAGE
echo "(again: a re-run stores nothing twice)"
"$BYLAW" publish "$work/usage.ndjson" --server "$server" --subject usage.acme --stream USAGE 2>&1 | tee "$work/again.log"
grep -q ' 0 stored' "$work/again.log" || fail "the second publish stored something"

step "3. Two members of the consumer 'bylaw'"
member() {
    "$BYLAW" consume --server "$server" --stream USAGE --consumer bylaw --workspace Examples/workspaces/acme.yaml \
        --batch 10 --ack-wait 2 --report-interval 0.2 --watch-interval 0 2>"$work/$1.log" &
    pids+=($!)
}
# The second joins once the first is under way: started together, the one that starts faster
# can take the whole stream before the other asks for anything.
member first
first=${pids[-1]}
for _ in $(seq 1200); do [ "$(progress "$work/first.log")" -gt 0 ] && break; sleep 0.05; done
[ "$(progress "$work/first.log")" -gt 0 ] || fail "the first member made no progress: $(cat "$work/first.log")"
member second
second=${pids[-1]}

step "4. Kill the first member mid-stream (SIGKILL): what it held goes to the second"
kill -9 "$first"
wait "$first" 2>/dev/null || true
echo "killed after $(progress "$work/first.log") messages"
# What bylaw eval prints for the file (findings and malformed lines, without its summary):
# the findings stream is complete when it holds as many lines.
{ "$BYLAW" eval "$work/usage.ndjson" --workspace Examples/workspaces/acme.yaml --format ndjson || true; } \
    | grep -v '^{"summary"' | sort >"$work/eval.sorted"
expected=$(wc -l <"$work/eval.sorted")
for _ in $(seq 600); do
    [ "$("$BYLAW" read --server "$server" --stream BYLAW_FINDINGS | wc -l)" -ge "$expected" ] && break
    sleep 0.1
done

step "5. Stop the second member (SIGTERM): it finishes its batch and exits 0"
kill -TERM "$second"
status=0
wait "$second" || status=$?
[ "$status" -eq 0 ] || fail "the member exited $status"
tail -n 1 "$work/second.log"

step "6. Read the findings back and compare them with bylaw eval on the same file"
"$BYLAW" read --server "$server" --stream BYLAW_FINDINGS | sort >"$work/findings.sorted"
echo "findings stream: $(wc -l <"$work/findings.sorted") lines; bylaw eval: $(wc -l <"$work/eval.sorted") lines"
diff "$work/findings.sorted" "$work/eval.sorted" >/dev/null || fail "the findings differ from bylaw eval's"
echo "identical: none missing, none doubled"
grep -c '"diagnostic"' "$work/findings.sorted" | sed 's/$/ malformed messages reported/'
