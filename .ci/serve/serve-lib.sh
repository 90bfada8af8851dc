# Helpers for starting `panya serve` in the background, sourced by run-serve-tests.sh and bench/serve.
# Everything is bounded: the start-up wait is at most 30 s, and servers are stopped by a trap.

SERVE_PIDS=()

# serve_start PANYA LOGFILE ARGS...: starts `PANYA serve --port 0 ARGS...`, waits (≤ 30 s) for its
# banner, and sets SERVE_PID and SERVE_URL.
serve_start() {
    local panya="$1" log="$2"
    shift 2
    "$panya" serve --port 0 "$@" >"$log" 2>&1 &
    SERVE_PID=$!
    SERVE_PIDS+=("$SERVE_PID")
    local waited=0
    SERVE_URL=""
    while [ -z "$SERVE_URL" ]; do
        SERVE_URL="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -1 || true)"
        [ -n "$SERVE_URL" ] && break
        if ! kill -0 "$SERVE_PID" 2>/dev/null; then
            echo "panya serve exited during start-up:" >&2; cat "$log" >&2; return 1
        fi
        waited=$((waited + 1))
        if [ "$waited" -gt 300 ]; then
            echo "panya serve did not print its URL within 30 s" >&2; cat "$log" >&2; return 1
        fi
        sleep 0.1
    done
}

# serve_stop PID: SIGTERM, then SIGKILL after 5 s (only that process).
serve_stop() {
    local pid="$1"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        local i=0
        while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        kill -9 "$pid" 2>/dev/null || true
    fi
}

# Stops every server serve_start started.
serve_stop_all() {
    local pid
    for pid in "${SERVE_PIDS[@]}"; do serve_stop "$pid"; done
    SERVE_PIDS=()
}
