#!/usr/bin/env python3
"""panya -c against python3 -c on the same loops: medians of 5 runs, and the ratio.

Usage: bench/interpreter/compare.py [--runs N] [--panya PATH] [--no-build]
Builds the release binary first (bench/build-release.sh) unless --no-build or --panya is given.
CPU time (user + sys of the child) is the figure compared (on a shared machine wall time
mostly measures the neighbours). Each loop is shown for the whole process and for the loop
alone: the process's CPU time less the start-up row's, for each interpreter.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The start-up row: printing one number, subtracted from the loops for their own cost.
START = ("start-up: print(1)", "print(1)", "print(1)", "1")

# (name, panya code, python code, expected output)
LOOPS = [
    ("while: 3,000,000 rounds, two additions",
     "let i = 0; let s = 0; while i < 3000000 { s = s + i; i = i + 1 }; print(s)",
     "i = 0\ns = 0\nwhile i < 3000000:\n    s = s + i\n    i = i + 1\nprint(s)",
     "4499998500000"),
    ("records: 300,000 maps from a list, two fields each, summed",
     "let rows = []; for i in range(0, 300000) { rows += [{a: i, b: 2}] }\n"
     "let s = 0; for r in rows { s = s + r.a + r.b }; print(s)",
     "rows = []\nfor i in range(0, 300000):\n    rows += [{'a': i, 'b': 2}]\n"
     "s = 0\nfor r in rows:\n    s = s + r['a'] + r['b']\nprint(s)",
     "45000450000"),
    # fib(30): 2.7 million calls, so CPython's loop (about 0.1 s) outweighs its start-up's noise;
    # at fib(27) the loop was a third of the start-up and the difference of two noisy rows.
    ("function calls: fib(30) recursive",
     "fn fib(n) { if n < 2 { return n }; return fib(n - 1) + fib(n - 2) }; print(fib(30))",
     "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nprint(fib(30))",
     "832040"),
]


def run(argv, expected):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(argv, capture_output=True, text=True, env={**os.environ, "PANYA_HOME": "/tmp/panya-bench-home"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.stdout.strip() != expected:
        sys.exit(f"unexpected output from {argv[0]}: {out.stdout!r} {out.stderr!r}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--panya", default=None)
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    panya = args.panya or os.path.join(ROOT, ".build-static", "release", "panya")
    if not args.panya and not args.no_build:
        subprocess.run(["bash", os.path.join(ROOT, "bench", "build-release.sh")], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    print(f"{'loop':58} {'panya cpu':>10} {'python cpu':>10} {'ratio':>6}   "
          f"{'loop only: panya':>16} {'python':>7} {'ratio':>6}")
    start = None
    for name, panya_code, python_code, expected in [START] + LOOPS:
        p = [run([panya, "-c", panya_code], expected) for _ in range(args.runs)]
        q = [run([sys.executable, "-c", python_code], expected) for _ in range(args.runs)]
        pc, qc = statistics.median(x[0] for x in p), statistics.median(x[0] for x in q)
        if start is None:
            start = (pc, qc)
            print(f"{name:58} {pc:9.3f}s {qc:9.3f}s {pc / qc:6.2f}")
            continue
        # The loop's own cost: the process's CPU time less the start-up row's (each interpreter's own).
        pl, ql = max(pc - start[0], 1e-6), max(qc - start[1], 1e-6)
        print(f"{name:58} {pc:9.3f}s {qc:9.3f}s {pc / qc:6.2f}   {pl:15.3f}s {ql:6.3f}s {pl / ql:6.2f}")


if __name__ == "__main__":
    main()
