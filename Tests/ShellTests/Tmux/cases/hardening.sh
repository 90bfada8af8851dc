# Hardening (issue 12): Ctrl-C and Ctrl-D at the prompts of a lesson started from the REPL.
# Sourced by run-repl-tests.sh; uses its helpers (env_for, $binary) and tmux-harness.sh.

# Ctrl-C at quiz> leaves the lesson (no busy loop); the shell answers at once, and the lesson starts again.
case_ctrl_c_at_quiz_prompt() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en --student hana
    tmux_wait_for 'panya> '
    tmux_line 'lesson start 1'
    tmux_wait_for 'quiz> '
    tmux_key C-c
    tmux_wait_for_count 'panya> ' 2
    tmux_line 'print(40 + 2)'
    tmux_wait_for '^42$'
    tmux_line 'lesson start 1'
    tmux_wait_for_count 'quiz> ' 2
    tmux_line '3'
    tmux_wait_for '✔'
    tmux_finish
}

# Ctrl-C at task> leaves the lesson and the shell goes on.
case_ctrl_c_at_task_prompt() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en --student jiro
    tmux_wait_for 'panya> '
    tmux_line 'lesson start 1'
    tmux_wait_for 'quiz> '
    tmux_line '3'
    tmux_wait_for '✔'
    tmux_key Enter
    tmux_wait_for 'task> '
    tmux_key C-c
    tmux_wait_for_count 'panya> ' 2
    tmux_line 'print("still here")'
    tmux_wait_for '^still here$'
    tmux_finish
}

# Ctrl-D at a lesson prompt leaves the lesson; a later lesson start works (it does not end at once).
case_ctrl_d_at_lesson_prompt_then_start_again() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en --student saburo
    tmux_wait_for 'panya> '
    tmux_line 'lesson start 1'
    tmux_wait_for 'quiz> '
    tmux_key C-d
    tmux_wait_for_count 'panya> ' 2
    tmux_line 'lesson start 1'
    tmux_wait_for_count 'quiz> ' 2
    tmux_line '3'
    tmux_wait_for '✔'
    tmux_finish
}

# Ctrl-C at "press Enter to continue" leaves the lesson too.
case_ctrl_c_at_press_enter() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en --student shiro
    tmux_wait_for 'panya> '
    tmux_line 'lesson start 1'
    tmux_wait_for 'quiz> '
    tmux_line '3'
    tmux_wait_for 'press Enter'
    tmux_key C-c
    tmux_wait_for_count 'panya> ' 2
    tmux_line 'print(7 * 6)'
    tmux_wait_for '^42$'
    tmux_finish
}

# The executable's entry points on bad input (no terminal needed): exit status and the message.
case_command_line_refuses_bad_input_by_name() {
    local out status
    export HOME=$WORK XDG_DATA_HOME=$WORK/data PANYA_DB=$WORK/panya.sqlite PANYA_LANG=en NO_COLOR=1
    printf 'lesson "x"\nstep "a" {\n  say "hi\n}\n' > "$WORK/broken.panya"
    "$binary" lesson "$WORK/broken.panya" < /dev/null > "$WORK/out" 2>&1; status=$?
    [ "$status" = 1 ] || { echo "lesson with a syntax error exited $status"; return 1; }
    grep -q "no closing" "$WORK/out" || { cat "$WORK/out"; return 1; }
    out=$("$binary" --db "" -c 'print(1)' 2>&1); status=$?
    [ "$status" = 2 ] && [[ "$out" == *"--db needs a file"* ]] || { echo "--db '': $status $out"; return 1; }
    out=$("$binary" --db /dev/null -c 'print(1)' 2>&1); status=$?
    [ "$status" = 2 ] && [[ "$out" == *"/dev/null is not a regular file"* ]] || { echo "--db /dev/null: $status $out"; return 1; }
    mkfifo "$WORK/lesson.panya"
    out=$(timeout 10 "$binary" check "$WORK/lesson.panya" 2>&1); status=$?
    [ "$status" = 1 ] && [[ "$out" == *"is not a regular file"* ]] || { echo "check FIFO: $status $out"; return 1; }
    out=$(timeout 20 "$binary" < /dev/zero 2>&1); status=$?
    [ "$status" = 2 ] && [[ "$out" == *"longer than 1 MB"* ]] || { echo "stdin /dev/zero: $status $out"; return 1; }
    printf 'print(1)\nprint("\xff")\n' > "$WORK/bad.panya"
    out=$("$binary" < "$WORK/bad.panya" 2>&1); status=$?
    [ "$status" = 2 ] && [[ "$out" == *"not UTF-8 text (line 2)"* ]] || { echo "stdin UTF-8: $status $out"; return 1; }
    out=$("$binary" run "$WORK/bad.panya" 2>&1); status=$?
    [ "$status" = 2 ] && [[ "$out" == *"not UTF-8 text (line 2)"* ]] || { echo "run UTF-8: $status $out"; return 1; }
    printf 'lesson "endless"\nstep "a" {\n  while true { }\n}\n' > "$WORK/endless.panya"
    out=$(timeout 30 "$binary" check --time-limit 1 "$WORK/endless.panya" 2>&1); status=$?
    [ "$status" = 1 ] && [[ "$out" == *"endless.panya:3:3: LessonTimedOut"* ]] || { echo "check endless: $status $out"; return 1; }
}
