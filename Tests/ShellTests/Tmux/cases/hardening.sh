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
