# Helpers for starting a local moto_server, sourced by run-aws-tests.sh and bench/aws-cli-detect.sh.
# Everything is bounded: the start-up wait is at most 30 s, and the server is stopped by a trap.

MOTO_VERSION="${MOTO_VERSION:-5.2.1}"

# Installs moto's server (and boto3/awscli) from PyPI when they are missing.
moto_ensure_installed() {
    if ! command -v moto_server >/dev/null 2>&1 || ! python3 -c 'import boto3' >/dev/null 2>&1; then
        echo "installing moto[server]==$MOTO_VERSION" >&2
        python3 -m pip install --quiet "moto[server]==$MOTO_VERSION" >&2
    fi
    if ! command -v aws >/dev/null 2>&1; then
        echo "installing awscli" >&2
        python3 -m pip install --quiet "awscli" >&2
    fi
}

# Prints a free TCP port on 127.0.0.1.
moto_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# moto_start PORT LOGFILE: starts moto_server in the background (extra environment is inherited,
# e.g. INITIAL_NO_AUTH_ACTION_COUNT), sets MOTO_PID, and waits at most 30 s for the port to accept.
moto_start() {
    local port="$1" log="$2"
    moto_server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
    MOTO_PID=$!
    local waited=0
    until python3 -c "import socket,sys; s=socket.socket(); s.settimeout(0.5); sys.exit(0 if s.connect_ex(('127.0.0.1', $port)) == 0 else 1)"; do
        if ! kill -0 "$MOTO_PID" 2>/dev/null; then
            echo "moto_server exited during start-up:" >&2; cat "$log" >&2; return 1
        fi
        waited=$((waited + 1))
        if [ "$waited" -gt 60 ]; then
            echo "moto_server did not listen on port $port within 30 s" >&2; cat "$log" >&2; return 1
        fi
        sleep 0.5
    done
}

# Stops the server started by moto_start (only that process).
moto_stop() {
    if [ -n "${MOTO_PID:-}" ] && kill -0 "$MOTO_PID" 2>/dev/null; then
        kill "$MOTO_PID" 2>/dev/null || true
        local i=0
        while kill -0 "$MOTO_PID" 2>/dev/null && [ "$i" -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        kill -9 "$MOTO_PID" 2>/dev/null || true
    fi
    MOTO_PID=""
}

# moto_write_photo PATH: writes a 96x64 PNG (a brown bun on a white tray) with Python's standard library.
moto_write_photo() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
w, h = 96, 64
rows = []
for y in range(h):
    row = bytearray([0])
    for x in range(w):
        d = ((x - 48) / 30.0) ** 2 + ((y - 32) / 20.0) ** 2
        row += bytes((150, 95, 40)) if d < 1 else bytes((245, 245, 240))
    rows.append(bytes(row))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) \
    + chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open(sys.argv[1], "wb").write(png)
PY
}
