#!/usr/bin/env python3
"""Rerunnable benchmarks for panya (never timed assertions in tests).

Usage: python3 bench/bench.py [--runs N] [--binary PATH] [--only NAME,...]
Build first: bash bench/build-release.sh  (the default binary is .build-static/release/panya).
Prints one line per benchmark with the median, min and max wall time of N runs.
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, env=None, runs=10, stdin=None):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, cwd=ROOT, stdin=stdin or subprocess.DEVNULL,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if proc.returncode != 0:
            sys.exit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr.decode()}")
    return times


def report(name, times):
    ms = [t * 1000 for t in times]
    print(f"{name:<44} median {statistics.median(ms):9.1f} ms   min {min(ms):9.1f}   max {max(ms):9.1f}   (n={len(ms)})")
    return statistics.median(ms)


def first_prompt(binary, env, runs):
    """Time from starting panya in tmux to the first `panya>` on screen."""
    if not shutil.which("tmux"):
        return None
    times = []
    for i in range(runs):
        session = f"panya-bench-{os.getpid()}-{i}"
        start = time.perf_counter()
        subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30",
                        "env", f"PANYA_DB={env['PANYA_DB']}", f"XDG_STATE_HOME={env['XDG_STATE_HOME']}", binary, "--lang", "en"], check=True)
        deadline = start + 10
        seen = False
        while time.perf_counter() < deadline:
            pane = subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout
            if "panya>" in pane:
                seen = True
                break
            time.sleep(0.002)
        times.append(time.perf_counter() - start)
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
        if not seen:
            sys.exit("first prompt never appeared")
    return times


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-static/release/panya"))
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    binary = args.binary
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: build it first (bash bench/build-release.sh)")

    tmp = tempfile.mkdtemp(prefix="panya-bench-")
    env = dict(os.environ, PANYA_DB=os.path.join(tmp, "bench.sqlite"), XDG_STATE_HOME=tmp, PANYA_LANG="en", NO_COLOR="1")
    want = lambda name: not only or name in only

    if want("print"):
        report("panya -c 'print(1)'", timed([binary, "-c", "print(1)"], env, args.runs))
    if want("prompt"):
        times = first_prompt(binary, env, args.runs)
        if times:
            report("time to first prompt (tmux)", times)
    if want("loop"):
        code = "let s = 0\nlet i = 0\nwhile i < 1000000 { s += i; i += 1 }\nprint(s)"
        report("interpreter: 1,000,000 additions", timed([binary, "-c", code], env, max(3, args.runs // 2)))
    if want("detect") or want("detect-inproc"):
        subprocess.run([binary, "-c", "model start\nmodel wait"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    if want("detect"):
        report("panya detect breads3.jpg --json (mock)",
               timed([binary, "detect", "lessons/photos/breads3.jpg", "--json"], env, args.runs))
    if want("detect-inproc"):
        # In-process latency: 101 detects in one process minus 1 detect, divided by 100.
        loop = "let i = 0\nwhile i < 100 { detect(\"lessons/photos/breads3.jpg\"); i += 1 }"
        one = statistics.median(timed([binary, "-c", 'detect("lessons/photos/breads3.jpg")'], env, 5))
        many = statistics.median(timed([binary, "-c", 'detect("lessons/photos/breads3.jpg")\n' + loop], env, 5))
        print(f"{'in-process detect, 1280x960 JPEG (mock)':<44} {(many - one) * 1000 / 100:9.2f} ms per detect")
    if want("check"):
        report("panya check lessons/", timed([binary, "check", "lessons/"], env, args.runs))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
