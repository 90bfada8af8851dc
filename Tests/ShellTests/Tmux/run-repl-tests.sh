#!/usr/bin/env bash
# Drives the real panya binary in tmux as a person would: typing, Japanese input, history
# across a restart, Tab completion, Ctrl-C on an endless loop, an error followed by more
# input, Ctrl-D, and an interactive lesson (hint, pass, resume).
# Usage: run-repl-tests.sh PATH/TO/panya     Prints "N passed, N failed"; exit 1 on failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
passed=0
failed=0

# Each case runs in a subshell with its own tmux server, HOME, database and history.
run_case() {
    local name=$1
    local work
    work=$(mktemp -d)
    if ( cd "$root" && TMUX_SOCKET="panya-repl-$$-$name" WORK="$work" "$name" ); then
        echo "ok   $name"
        passed=$((passed + 1))
    else
        echo "FAIL $name"
        failed=$((failed + 1))
    fi
    rm -rf "$work"
}

# The environment every case starts panya with (no colour, English unless a case says).
env_for() {
    echo "HOME=$WORK XDG_STATE_HOME=$WORK/state XDG_DATA_HOME=$WORK/data PANYA_DB=$WORK/panya.sqlite LANG=C.UTF-8 NO_COLOR=1 TERM=xterm-256color $*"
}

case_typing_and_values() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_line 'let total = 180 + 150'
    tmux_line 'total += 220'
    tmux_line 'total'
    tmux_wait_for '^550$'
    tmux_line '[1, "a", {"k": 2}]'
    tmux_wait_for '^\[1, "a", \{"k": 2\}\]$'
    tmux_line 'fn double(x) {'
    tmux_wait_for '^\.\.\.> '
    tmux_line '  return x * 2'
    tmux_line '}'
    tmux_line 'double(21)'
    tmux_wait_for '^42$'
    tmux_finish
}

case_japanese_input() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang ja
    tmux_wait_for 'panya> '
    tmux_line 'let 価格 = {"メロンパン": 180, "あんぱん": 150}'
    tmux_line 'print("合計", 価格.メロンパン + 価格["あんぱん"], "円")'
    tmux_wait_for '^合計 330 円$'
    # A full-width parenthesis is diagnosed in Japanese with the half-width one to type.
    tmux_line 'print（1)'
    tmux_wait_for 'エラー'
    tmux_wait_for '\('
    tmux_finish
}

case_error_then_more_input() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_line 'let total = 1'
    tmux_line 'print(totl + 1)'
    tmux_wait_for "did you mean 'total'"
    tmux_wait_for '\^~~~'
    tmux_line 'print(total + 1)'
    tmux_wait_for '^2$'
    tmux_finish
}

case_ctrl_c_stops_endless_loop() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_line 'while true {}'
    sleep 0.5
    tmux_key C-c
    tmux_wait_for 'interrupted'
    tmux_line 'print("still here")'
    tmux_wait_for '^still here$'
    # Ctrl-C at the prompt clears the line and keeps the shell.
    tmux_type 'print("never")'
    tmux_key C-c
    tmux_line 'print("after")'
    tmux_wait_for '^after$'
    tmux_assert_not_contains $'\nnever'
    tmux_finish
}

case_history_across_restart() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_line 'print("remember " + "me")'
    tmux_wait_for '^remember me$'
    tmux_line 'quit'
    tmux_wait_exit
    tmux_finish
    [ -s "$WORK/state/panya/history" ] || { echo "no history file written" >&2; exit 1; }
    TMUX_SESSION=second
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_key Up
    tmux_assert_line_contains 'panya> quit'
    tmux_key Up
    tmux_assert_line_contains 'print("remember " + "me")'
    tmux_key Enter
    tmux_wait_for '^remember me$'
    tmux_line 'history'
    tmux_wait_for 'print\("remember " \+ "me"\)'
    tmux_finish
}

case_tab_completion() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_type 'thresh'
    tmux_key Tab
    tmux_assert_line_contains 'panya> thresholds'
    tmux_key C-u
    tmux_line 'let メロン価格 = 180'
    tmux_wait_for_count '^panya> ' 2      # the entry ran; a fresh prompt is up
    tmux_type 'print(メロン'
    tmux_key Tab
    tmux_assert_line_contains 'print(メロン価格'
    tmux_key C-u
    tmux_type 'detect lessons/photos/brea'
    tmux_key Tab
    tmux_assert_line_contains 'detect lessons/photos/breads3.'
    tmux_key C-u
    tmux_finish
}

case_ctrl_r_searches_history() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_line 'print("アンパン" + "マン")'
    tmux_wait_for '^アンパンマン$'
    tmux_line 'print(2 + 2)'
    tmux_wait_for '^4$'
    tmux_key C-r
    tmux_type 'アンパン'
    tmux_wait_for 'print\("アンパン" \+ "マン"\)'
    tmux_key Enter
    tmux_wait_for_count '^アンパンマン$' 2
    tmux_finish
}

case_editrc_is_honoured() {
    . "$here/tmux-harness.sh"
    # A macro bound in ~/.editrc (only for panya): Ctrl-T types a whole line.
    printf 'panya:bind -s ^T "print(\\"from editrc\\")"\n' > "$WORK/.editrc"
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_key C-t
    tmux_key Enter
    tmux_wait_for '^from editrc$'
    tmux_finish
}

case_ctrl_d_leaves() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_key C-d
    tmux_wait_exit
    [ "$(tmux_exit_status)" = 0 ] || { echo "exit status $(tmux_exit_status)" >&2; exit 1; }
    tmux_finish
}

case_demo_walkthrough() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_line 'detect lessons/photos/breads3.jpg'
    tmux_wait_for 'ResourceNotReadyException'
    tmux_line 'model start'
    tmux_line 'model wait'
    tmux_wait_for 'RUNNING'
    tmux_line 'detect lessons/photos/breads3.jpg'
    tmux_wait_for 'メロンパン'
    tmux_line 'let r = detect lessons/photos/breads3.jpg --min-confidence 75'
    tmux_line 'register add $r'
    tmux_line 'register total'
    tmux_wait_for '594'
    tmux_finish
}

case_lesson_hint_pass_resume() {
    . "$here/tmux-harness.sh"
    TMUX_HEIGHT=60
    tmux_start "$(env_for)" "$binary" --lang ja --student taro
    tmux_wait_for 'panya> '
    tmux_line 'lesson start 1'
    tmux_wait_for 'ステップ 1/'
    tmux_wait_for 'quiz> '
    tmux_line '5'                        # wrong: a hint
    tmux_wait_for 'ヒント: '
    tmux_line '3'                        # right: the success mark
    tmux_wait_for '✔ 正解'
    tmux_key Enter                       # on to step 2
    tmux_wait_for 'ステップ 2/'
    tmux_wait_for 'task> '
    tmux_line 'print("まちがい")'
    tmux_wait_for 'ヒント: model start'
    tmux_line 'quit'                     # leave the lesson in the middle of step 2
    tmux_wait_for_count 'panya> ' 2
    tmux_line 'quit'
    tmux_wait_exit
    tmux_finish
    TMUX_SESSION=again
    tmux_start "$(env_for)" "$binary" --lang ja --student taro
    tmux_wait_for 'panya> '
    tmux_line 'lesson start 1'           # resumes at the same step
    tmux_wait_for 'ステップ 2/'
    tmux_assert_not_contains 'ステップ 1/'
    tmux_wait_for 'task> '
    tmux_line 'model start'
    tmux_wait_for '✔'
    tmux_finish
}

# More cases, one file per capability (each defines case_* functions using the helpers above).
for file in "$here"/cases/*.sh; do
    [ -e "$file" ] || continue
    # shellcheck source=/dev/null
    source "$file"
done

for name in $(declare -F | awk '{print $3}' | grep '^case_'); do
    run_case "$name"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
