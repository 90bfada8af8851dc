#!/usr/bin/env bash
# Drives a tiny LineEditor demo program through tmux: typing, Japanese input, editing
# around double-width characters, history across a restart, Ctrl-R, Tab completion
# (command, Japanese label, file path), ~/.editrc, Ctrl-C at the prompt and while
# busy, Ctrl-D.
#
#     Tests/ShellTests/Tmux/line-editor-demo.sh PATH/TO/editline-demo
#     Tests/ShellTests/Tmux/line-editor-demo.sh --source   # prints the demo's main.swift
#
# The demo is not a package target (that would mean changing Package.swift). To build it,
# locally: save `--source` as Sources/editline-demo/main.swift, add
#     .executableTarget(name: "editline-demo", dependencies: ["Shell", "PanyaSupport"]),
# to Package.swift, `swift build --product editline-demo`, and pass
# .build/debug/editline-demo. It prints "GOT[line] chars=N scalars=…" for every line,
# INTERRUPTED for Ctrl-C and EOF for Ctrl-D; it completes with the core commands, the
# variables total/合計 and the labels あんぱん/メロンパン/焼きそばパン. The script runs it
# with LANG unset (C locale) on purpose.
set -u
if [[ ${1:-} == --source ]]; then
    cat <<'SWIFT'
// Manual/tmux test driver for LineEditor (local only: needs a Package.swift target).
import Foundation
import PanyaSupport
import Shell

let environment = ProcessInfo.processInfo.environment
let historyPath = environment["DEMO_HISTORY"] ?? Paths.historyFile()
let editor = LineEditor(programName: "panya", historyFile: historyPath)
editor.completer = { line, cursor in
    CompletionEngine(
        variables: ["total", "合計"],
        labels: ["あんぱん", "メロンパン", "焼きそばパン"],
        homeDirectory: Paths.home(),
        listDirectory: CompletionEngine.fileSystemLister
    ).complete(line: line, cursor: cursor)
}
InterruptSignal.installCtrlCHandler()
print("utf8=\(editor.isUTF8) interactive=\(editor.isInteractive)")
var prompt = "panya> "
loop: while true {
    switch editor.readLine(prompt: prompt) {
    case .line(let line):
        let scalars = line.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
        print("GOT[\(line)] chars=\(line.count) scalars=\(scalars)")
        editor.addHistory(line)
        if line == "history" {
            for (index, entry) in editor.historyEntries.enumerated() { print("\(index + 1)  \(entry)") }
        } else if line == "busy" {
            // A running statement: Ctrl-C must only raise panya's flag.
            InterruptSignal.ctrlC.clear()
            let start = Date()
            while !InterruptSignal.ctrlC.isPending, Date().timeIntervalSince(start) < 10 { usleep(10_000) }
            print(InterruptSignal.ctrlC.isPending ? "BUSY-INTERRUPTED" : "BUSY-DONE")
            InterruptSignal.ctrlC.clear()
        } else if line == "color" {
            prompt = "\u{1}\u{1B}[32m\u{1}panya>\u{1}\u{1B}[0m\u{1} "
        } else if line == "task" {
            prompt = "task> "
        }
    case .interrupted:
        print("INTERRUPTED")
    case .endOfFile:
        print("\nEOF")
        break loop
    }
}
SWIFT
    exit 0
fi
demo=${1:?usage: line-editor-demo.sh PATH/TO/editline-demo | --source}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/tmux-harness.sh"

work=$(mktemp -d)
mkdir -p "$work/home" "$work/lessons/photos"
: > "$work/lessons/photos/breads3.jpg"
: > "$work/lessons/photos/メロンパン.png"
# ~/.editrc is honoured; "panya:" lines apply to programs named panya only.
printf 'panya:bind -s ^X macro-from-editrc\nother:bind -s ^Y not-for-panya\n' > "$work/home/.editrc"
history_file=$work/state/panya/history
env_vars="-u LANG -u LC_ALL -u LC_CTYPE HOME=$work/home XDG_STATE_HOME=$work/state"
start_demo() {
    tmux_start "$env_vars" bash -c 'cd "$1" && exec "$2"' _ "$work" "$demo"
    tmux_wait_for 'utf8=true'
    tmux_assert_line_is 'panya>'
}
pass() { echo "ok - $1"; }

start_demo
pass "starts with a UTF-8 locale although LANG is unset"

tmux_line 'model start'
tmux_wait_for 'GOT\[model start\] chars=11'
pass "types a line"

tmux_line 'register add メロンパン'
tmux_wait_for 'GOT\[register add メロンパン\] chars=18 .* 30e1 30ed 30f3 30d1 30f3'
pass "Japanese input comes back as the right String"

tmux_type 'あいう'; tmux_key Left Left BSpace; tmux_type 'パン'; tmux_key Enter
tmux_wait_for 'GOT\[パンいう\]'
pass "cursor movement and deletion over wide characters"

# Editing before double-width characters: the screen and the cursor stay right
# (libedit's insert/delete-character optimisation got this wrong; the bridge turns it off).
tmux_type 'aメロンパンabc'; tmux_key C-a Right BSpace
tmux_assert_line_is 'panya> メロンパンabc'; tmux_assert_cursor_x 7
tmux_key C-d
tmux_assert_line_is 'panya> ロンパンabc'; tmux_assert_cursor_x 7
tmux_key Right; tmux_type 'X'
tmux_assert_line_is 'panya> ロXンパンabc'; tmux_assert_cursor_x 10
tmux_key Enter
tmux_wait_for 'GOT\[ロXンパンabc\]'
pass "editing in the middle of Japanese text keeps the screen and cursor right"

tmux_type 'this will be dropped'; tmux_key C-c
tmux_wait_for 'INTERRUPTED'
tmux_assert_line_is 'panya>'
tmux_line 'bill'
tmux_wait_for 'GOT\[bill\]'
pass "Ctrl-C clears the line and gives a fresh prompt"

tmux_key C-x C-y Enter
tmux_wait_for 'GOT\[macro-from-editrc\]'
pass "~/.editrc is read (a panya: binding applies, another program's does not)"

tmux_line 'busy'
sleep 0.5; tmux_key C-c
tmux_wait_for 'BUSY-INTERRUPTED'
tmux_assert_line_is 'panya>'
pass "Ctrl-C while a statement runs only raises panya's flag"

tmux_type 'register add メ'; tmux_key Tab
tmux_assert_line_contains 'panya> register add メロンパン '
tmux_key C-u
tmux_type 'model st'; tmux_key Tab
tmux_assert_line_contains 'panya> model st'
tmux_key Tab
tmux_wait_for '^start +stop'
tmux_assert_line_contains 'panya> model st'
tmux_type 'a'; tmux_key Tab
tmux_assert_line_contains 'panya> model start '
tmux_key C-u
tmux_type 'detect less'; tmux_key Tab
tmux_assert_line_contains 'panya> detect lessons/'
tmux_key Tab
tmux_assert_line_contains 'panya> detect lessons/photos/'
tmux_type 'メ'; tmux_key Tab
tmux_assert_line_contains 'panya> detect lessons/photos/メロンパン.png '
tmux_key Enter
tmux_wait_for 'GOT\[detect lessons/photos/メロンパン.png \]'
pass "Tab completes a command, a Japanese label and a file path"

tmux_key C-d
tmux_wait_for '^EOF'
tmux_wait_exit
pass "Ctrl-D ends"

grep -q '^_HiStOrY_V2_' "$history_file" || { echo "FAIL: no history file at $history_file"; exit 1; }
tmux_finish

start_demo
tmux_key Up
tmux_assert_line_contains 'panya> detect lessons/photos/メロンパン.png'
tmux_key Up Up Up
tmux_assert_line_contains 'panya> bill'
tmux_key C-u
pass "history comes back after a restart (Up arrow)"

tmux_key C-r; tmux_type 'メロ'
tmux_wait_for 'メロンパン'
tmux_key Enter
tmux_wait_for_count 'GOT\[(register add メロンパン|detect lessons/photos/メロンパン.png )\]' 1
pass "Ctrl-R searches the history"

tmux_line 'history'
tmux_wait_for '^1  model start'
pass "historyEntries lists the entries oldest first"

tmux_key C-d
tmux_wait_exit
tmux_finish
rm -rf "$work"
echo "all passed"
