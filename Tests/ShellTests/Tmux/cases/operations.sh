# Operations at the prompt: two schedules, a month simulated with its chart, a bad expression
# pointed at, and the seed's policy checked — typed as a teacher would.

case_schedules_and_a_month() {
    . "$here/tmux-harness.sh"
    tmux_start "$(env_for)" "$binary" --lang en
    tmux_wait_for 'panya> '
    tmux_line 'clock set 2026-04-01T00:00:00+09:00'
    tmux_wait_for '^2026-04-01T00:00:00\+09:00$'
    tmux_line 'schedule add open "cron(30 6 * * * *)" start'
    tmux_wait_for 'day-of-month and day-of-week cannot both be \*; use \? in one of them'
    tmux_wait_for '^              \^$'
    tmux_line 'schedule add open "cron(30 6 * * ? *)" start'
    # 100 columns: the summary ("every day at 06:30") goes, the version wraps after its dot.
    tmux_wait_for '^open +cron\(30 6 \* \* \? \*\) +start +verification001\. +ENABLED +2026-04-01T06:30:00\+09:00$'
    tmux_wait_for '^ +2023-08-01T10\.00\.00$'
    tmux_line 'schedule add close "cron(30 19 * * ? *)" stop'
    tmux_wait_for '^close +cron\(30 19 \* \* \? \*\)'
    tmux_line 'simulate 30d --chart'
    tmux_wait_for 'running 387\.50 h · inference 1,550\.00 USD'
    tmux_wait_for '^04-30 █+▌ +12\.92 h$'
    tmux_wait_for '^always on +█{40}  2,880\.00 USD$'
    tmux_wait_for '^saved +1,330\.00 USD \(46 %\)$'
    tmux_wait_for 'always on: 24 h × 30 days × 1 unit × 4\.00 USD/h = 2,880\.00 USD'
    tmux_wait_for 'note: each of the 30 starts spent 5 minutes STARTING'
    tmux_line 'bill().total_usd > 1550'
    tmux_wait_for '^true$'
    tmux_line 'policy check lessons/policies/scheduler-policy.json --role-trust lessons/policies/scheduler-trust.json'
    tmux_wait_for 'let the schedules do their job'
    tmux_assert_not_contains '✗'
    tmux_finish
}
