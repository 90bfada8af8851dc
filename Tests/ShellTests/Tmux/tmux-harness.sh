#!/usr/bin/env bash
# tmux harness for testing panya's interactive prompt (line editing, Japanese input,
# history, Ctrl-R, Tab, Ctrl-C, Ctrl-D) through a real terminal.
#
# Source it from a test script:
#     . Tests/ShellTests/Tmux/tmux-harness.sh
#     tmux_start "LANG=C.UTF-8 HOME=$tmp" .build/debug/panya
#     tmux_wait_for 'panya> '
#     tmux_type 'register add メロ'; tmux_key Tab
#     tmux_assert_line_contains 'register add メロンパン '
#     tmux_finish
#
# Each session runs on its own tmux server socket (-L), in a fixed 100x30 window, so
# runs never see each other or the user's tmux. Cleanup runs on EXIT via a trap.
# Waits are bounded polls (TMUX_TIMEOUT seconds, default 10); a failed wait or
# assertion prints the pane and exits 1.

TMUX_WIDTH=${TMUX_WIDTH:-100}
TMUX_HEIGHT=${TMUX_HEIGHT:-30}
TMUX_TIMEOUT=${TMUX_TIMEOUT:-10}
TMUX_SOCKET=${TMUX_SOCKET:-panya-test-$$}
TMUX_SESSION=${TMUX_SESSION:-panya}
TMUX_FAILURES=0

_tmux() { tmux -L "$TMUX_SOCKET" -f /dev/null "$@"; }

# tmux_start ENV_ASSIGNMENTS COMMAND...: starts COMMAND in a detached session.
# ENV_ASSIGNMENTS is a string of env(1) arguments like "-u LANG HOME=/tmp/x" (may be
# empty, no spaces inside values); it is
# applied with env(1) so the program sees exactly that environment on top of ours.
tmux_start() {
    local env_assignments=$1; shift
    local command
    printf -v command '%q ' "$@"
    trap tmux_cleanup EXIT
    # remain-on-exit keeps the pane readable after the program ends (Ctrl-D tests).
    local attempt
    for attempt in 1 2 3; do
        _tmux set-option -g remain-on-exit on \; new-session -d -s "$TMUX_SESSION" -x "$TMUX_WIDTH" -y "$TMUX_HEIGHT" \
            "env $env_assignments $command" &&
            TMUX_PANE_PID=$(_tmux display-message -p -t "$TMUX_SESSION" '#{pane_pid}') &&
            return 0
        sleep 0.5 # a previous server on this socket may still be going away
    done
    echo "tmux_start: cannot start tmux" >&2
    exit 1
}

# tmux_cleanup: kills this harness's tmux server (only ours: it has its own socket) and
# waits (up to 5 s) until it is gone, so a following tmux_start on the same socket does
# not reach the dying server ("server exited unexpectedly").
tmux_cleanup() {
    _tmux kill-server 2>/dev/null || true
    local deadline=$((SECONDS + 5))
    while ((SECONDS <= deadline)) && _tmux list-sessions >/dev/null 2>&1; do
        sleep 0.1
    done
    # A killed server may leave its socket file behind.
    _tmux list-sessions >/dev/null 2>&1 || rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TMUX_SOCKET"
}

# tmux_capture: prints the visible pane, wrapped lines joined (-J), trailing blank lines dropped.
tmux_capture() {
    _tmux capture-pane -p -J -t "$TMUX_SESSION" |
        awk '{ line[NR] = $0 } /[^ ]/ { last = NR } END { for (i = 1; i <= last; i++) print line[i] }'
}

# tmux_type TEXT: types TEXT literally (send-keys -l), Japanese included.
tmux_type() { _tmux send-keys -t "$TMUX_SESSION" -l -- "$1"; }

# tmux_key KEY...: sends keys by tmux name: Enter, Tab, Up, Down, C-c, C-d, C-r, Escape …
tmux_key() { _tmux send-keys -t "$TMUX_SESSION" "$@"; }

# tmux_line TEXT: types TEXT and presses Enter.
tmux_line() { tmux_type "$1"; tmux_key Enter; }

_tmux_fail() {
    echo "FAIL: $*" >&2
    echo "----- pane -----" >&2
    tmux_capture >&2
    echo "----------------" >&2
    exit 1
}

# tmux_wait_for PATTERN [TIMEOUT]: waits until the pane matches the extended regex
# PATTERN (grep -E), polling every 0.1 s; fails with the pane after TIMEOUT seconds.
tmux_wait_for() {
    local pattern=$1 timeout=${2:-$TMUX_TIMEOUT}
    local deadline=$((SECONDS + timeout))
    while ((SECONDS <= deadline)); do
        tmux_capture | grep -Eq -- "$pattern" && return 0
        sleep 0.1
    done
    _tmux_fail "timed out after ${timeout}s waiting for /$pattern/"
}

# tmux_wait_for_count PATTERN N [TIMEOUT]: waits until at least N pane lines match.
tmux_wait_for_count() {
    local pattern=$1 count=$2 timeout=${3:-$TMUX_TIMEOUT}
    local deadline=$((SECONDS + timeout))
    while ((SECONDS <= deadline)); do
        (( $(tmux_capture | grep -Ec -- "$pattern") >= count )) && return 0
        sleep 0.1
    done
    _tmux_fail "timed out after ${timeout}s waiting for $count lines matching /$pattern/"
}

# tmux_last_line: the last non-blank line of the pane (usually the prompt line).
tmux_last_line() { tmux_capture | tail -n 1; }

# tmux_assert_contains TEXT: the pane contains TEXT (a fixed string; it may span lines,
# e.g. $'\nnever' for "never" at the start of a line), now.
tmux_assert_contains() {
    [[ "$(tmux_capture)" == *"$1"* ]] || _tmux_fail "pane does not contain '$1'"
}

# tmux_assert_not_contains TEXT: the opposite (same fixed-string, multi-line rules).
tmux_assert_not_contains() {
    [[ "$(tmux_capture)" != *"$1"* ]] || _tmux_fail "pane unexpectedly contains '$1'"
}

# tmux_assert_line_contains TEXT [TIMEOUT]: the last line shows TEXT, waiting briefly
# for the program to redraw (editing is asynchronous from the test's point of view).
tmux_assert_line_contains() {
    local text=$1 timeout=${2:-$TMUX_TIMEOUT}
    local deadline=$((SECONDS + timeout))
    while ((SECONDS <= deadline)); do
        tmux_last_line | grep -Fq -- "$text" && return 0
        sleep 0.1
    done
    _tmux_fail "last line does not show '$text' (it is '$(tmux_last_line)')"
}

# tmux_assert_line_is TEXT [TIMEOUT]: the last line is exactly TEXT (trailing spaces ignored).
tmux_assert_line_is() {
    local text=$1 timeout=${2:-$TMUX_TIMEOUT}
    local deadline=$((SECONDS + timeout))
    while ((SECONDS <= deadline)); do
        [[ "$(tmux_last_line | sed 's/ *$//')" == "$(printf '%s' "$text" | sed 's/ *$//')" ]] && return 0
        sleep 0.1
    done
    _tmux_fail "last line is '$(tmux_last_line)', expected '$text'"
}

# tmux_cursor_x: the cursor's column (0-based; a wide character takes two).
tmux_cursor_x() { _tmux display-message -p -t "$TMUX_SESSION" '#{cursor_x}'; }

# tmux_assert_cursor_x N [TIMEOUT]: the cursor reaches column N.
tmux_assert_cursor_x() {
    local column=$1 timeout=${2:-$TMUX_TIMEOUT}
    local deadline=$((SECONDS + timeout))
    while ((SECONDS <= deadline)); do
        [[ "$(tmux_cursor_x)" == "$column" ]] && return 0
        sleep 0.1
    done
    _tmux_fail "cursor is at column $(tmux_cursor_x), expected $column"
}

# tmux_wait_exit [TIMEOUT]: waits until the program has ended (its pane is dead).
tmux_wait_exit() {
    local timeout=${1:-$TMUX_TIMEOUT}
    local deadline=$((SECONDS + timeout))
    while ((SECONDS <= deadline)); do
        [[ "$(_tmux display-message -p -t "$TMUX_SESSION" '#{pane_dead}' 2>/dev/null)" == 1 ]] && return 0
        sleep 0.1
    done
    _tmux_fail "program still running after ${timeout}s"
}

# tmux_exit_status: the ended program's exit status ("signal N" if a signal killed it).
# tmux marks the pane dead when the program closes the terminal and learns the status
# when it reaps the process, which tmux 3.3a sometimes does late or not at all (the
# process stays a zombie, even for /bin/true). So the status is also read from the
# zombie's /proc/PID/stat (field 52, exit_code, Linux >= 3.5). Waits up to TMUX_TIMEOUT.
tmux_exit_status() {
    local deadline=$((SECONDS + TMUX_TIMEOUT)) status signal
    while ((SECONDS <= deadline)); do
        status=$(_tmux display-message -p -t "$TMUX_SESSION" '#{pane_dead_status}' 2>/dev/null)
        signal=$(_tmux display-message -p -t "$TMUX_SESSION" '#{pane_dead_signal}' 2>/dev/null)
        [[ -n $status ]] && { echo "$status"; return 0; }
        [[ -n $signal ]] && { echo "signal $signal"; return 0; }
        if [[ -n ${TMUX_PANE_PID:-} && -r /proc/$TMUX_PANE_PID/stat ]]; then
            local stat fields
            stat=$(cat "/proc/$TMUX_PANE_PID/stat" 2>/dev/null)
            read -r -a fields <<< "${stat##*) }" # fields[0] is field 3 (state)
            if [[ ${fields[0]:-} == Z && -n ${fields[49]:-} ]]; then
                local code=${fields[49]}
                if ((code & 0x7f)); then echo "signal $((code & 0x7f))"; else echo "$((code >> 8))"; fi
                return 0
            fi
        fi
        sleep 0.1
    done
    echo ""
}

# tmux_finish: kills the session (the EXIT trap also does this).
tmux_finish() { tmux_cleanup; trap - EXIT; }
