#!/usr/bin/env bash
# Instructions per DetectCustomLabels request in `panya serve` (release build), counted by
# valgrind's callgrind: a figure that does not depend on what else the machine is running, so a
# change to the request path can be compared A/B on a busy machine. The server runs under
# callgrind; a Python client sends WARMUP requests (not counted), the counters are zeroed, then
# REQUESTS requests over CONNECTIONS keep-alive connections (the body bench-serve.sh sends:
# breads3.jpg in base64), the counters are dumped, and Ir / REQUESTS is printed. Every answer
# must be 200 with a request id.
#
# Usage: bench/serve/instructions.sh          (REQUESTS=2000 WARMUP=200 CONNECTIONS=4)
#        PANYA=/path/to/panya bench/serve/instructions.sh     (another build, for A/B)
#        TOP=30 bench/serve/instructions.sh    (also the 30 functions with the most own instructions)
#        KEEP=dir bench/serve/instructions.sh  (keep the callgrind file in dir)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
requests="${REQUESTS:-2000}" warmup="${WARMUP:-200}" connections="${CONNECTIONS:-4}" top="${TOP:-0}"

command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 1; }
panya="${PANYA:-$root/.build-static/release/panya}"
[ -x "$panya" ] || panya="$(bash "$root/bench/build-release.sh")"

work="$(mktemp -d "${TMPDIR:-/tmp}/panya-instructions.XXXXXX")"
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill "$server" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$server" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

# Valgrind 3.19 cannot read the DWARF 5 debug information Swift writes: it reads a copy without
# it (the symbol table, with every function's name, stays).
objcopy --strip-debug "$panya" "$work/panya"
cp -r "$root/mock-responses" "$work/mock"
photo="$root/lessons/photos/breads3.jpg"
arn="arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000"
export PANYA_LANG=en NO_COLOR=1 PANYA_DB="$work/panya.sqlite"
"$panya" --mock-dir "$work/mock" -c 'model start
model wait' >/dev/null
python3 - "$photo" "$arn" >"$work/body.json" <<'PY'
import base64, json, sys
print(json.dumps({"ProjectVersionArn": sys.argv[2], "Image": {"Bytes": base64.b64encode(open(sys.argv[1], "rb").read()).decode()}}), end="")
PY

# The request log goes to a file, as in bench-serve.sh; callgrind's own messages to another.
valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" --dump-instr=no \
    "$work/panya" serve --port 0 --mock-dir "$work/mock" --db "$PANYA_DB" >"$work/serve.log" 2>"$work/valgrind.log" &
server=$!
url=""
for _ in $(seq 1 1200); do  # at most 120 s: start-up under callgrind is slow
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 || true)"
    [ -n "$url" ] && break
    kill -0 "$server" 2>/dev/null || { echo "panya serve exited during start-up:" >&2; cat "$work/serve.log" "$work/valgrind.log" >&2; exit 1; }
    sleep 0.1
done
[ -n "$url" ] || { echo "panya serve did not print its URL within 120 s" >&2; exit 1; }

send() {  # send COUNT: COUNT requests over CONNECTIONS keep-alive connections, each checked
    python3 - "$url" "$work/body.json" "$1" "$connections" <<'PY'
import http.client, sys, threading, urllib.parse
url, body_file, count, connections = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
body = open(body_file, "rb").read()
address = urllib.parse.urlsplit(url)
headers = {"Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "RekognitionService.DetectCustomLabels"}
failures = []
def client(share):
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
    for _ in range(share):
        connection.request("POST", "/", body=body, headers=headers)
        response = connection.getresponse()
        text = response.read()
        if response.status != 200 or not response.getheader("x-amzn-RequestId") or response.getheader("Connection") == "close":
            failures.append(f"{response.status} {text[:200]!r}")
            return
    connection.close()
shares = [count // connections + (1 if i < count % connections else 0) for i in range(connections)]
threads = [threading.Thread(target=client, args=(share,)) for share in shares]
for thread in threads: thread.start()
for thread in threads: thread.join()
if failures:
    sys.exit("not every answer was 200 with a request id on a kept connection: " + failures[0])
PY
}

send "$warmup"
callgrind_control --zero "$server" >/dev/null 2>&1
send "$requests"
callgrind_control --dump="measured" "$server" >/dev/null 2>&1
dump="$(ls "$work"/callgrind.out.* 2>/dev/null | head -1 || true)"
[ -n "$dump" ] || { echo "callgrind wrote no dump" >&2; exit 1; }
total="$(sed -n 's/^summary: *\([0-9]*\).*/\1/p; s/^totals: *\([0-9]*\).*/\1/p' "$dump" | head -1)"
python3 - "$total" "$requests" "$connections" <<'PY'
import sys
total, requests, connections = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
print(f"DetectCustomLabels, breads3.jpg (1280x960, base64), {requests} requests over {connections} keep-alive connections")
print(f"  instructions: {total:,} in all, {total / requests:,.0f} a request")
PY
if [ "$top" -gt 0 ]; then
    # The threads' entry functions were on the stack when the counters were zeroed: callgrind
    # gives them everything below them, so they are left out of the list of own costs.
    callgrind_annotate --threshold=100 "$dump" 2>/dev/null | sed -n '/file:function/,$p' | sed 1,2d \
        | grep -v -E 'clone\.S:clone|pthread_create\.c:start_thread|NIOPosix14ThreadOpsPosix|MultiThreadedEventLoopGroupC014setupThread|NIOPosix9NIOThreadC' \
        | sed 's| \[/.*||' | cut -c1-200 | head -n "$top"
fi
if [ -n "${KEEP:-}" ]; then mkdir -p "$KEEP" && cp "$dump" "$KEEP/"; fi
