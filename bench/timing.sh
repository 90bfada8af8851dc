# Sourced by the benchmark scripts: the wall-clock median of a whole command, timed with bash's
# EPOCHREALTIME, so that no process starts inside the measured interval (`date` did: about a
# millisecond added to every sample, which weighed on panya's 20 ms and not on the AWS CLI's 600).

# median_ms RUNS COMMAND...: one warm-up run, then RUNS timed runs (output discarded); prints the
# median in milliseconds with one decimal.
median_ms() {
    local runs="$1"
    shift
    "$@" >/dev/null
    local times=() start end
    for _ in $(seq 1 "$runs"); do
        start=${EPOCHREALTIME//[!0-9]/}
        "$@" >/dev/null
        end=${EPOCHREALTIME//[!0-9]/}
        times+=($(( end - start )))
    done
    printf '%s\n' "${times[@]}" | sort -n \
        | awk '{a[NR]=$1} END {m = (NR % 2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.1f\n", m/1000}'
}
