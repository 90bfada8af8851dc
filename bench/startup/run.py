#!/usr/bin/env python3
"""Start-up of panya: `panya --version` and `panya -c 'print(1)'`, with the shipped recordings
and with 1,000 generated detection recordings in a temporary mock folder.

Usage: python3 bench/startup/run.py [--runs 20] [--binary .build-static/release/panya] [--recordings 1000]
Build first: bash bench/build-release.sh

For each command: the median wall time of RUNS runs and the median CPU time (user + system,
from the child's rusage), which stays meaningful on a machine other builds are loading.
One warm-up run first (it creates the database and, for detect, fills the recording index).
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

DETECTION = """{{
    "Photo": {{
        "File": "generated-{n:04d}.jpg",
        "SHA256": "{sha}",
        "Width": 1280,
        "Height": 960
    }},
    "ProjectVersionArn": "arn:aws:rekognition:ap-northeast-1:123456789012:project/verification001/version/verification001.2023-08-01T10.00.00/1690851600000",
    "CustomLabels": [
        {{
            "Name": "あんぱん",
            "Confidence": 90.5,
            "Geometry": {{
                "BoundingBox": {{
                    "Width": 0.25,
                    "Height": 0.25,
                    "Left": 0.5,
                    "Top": 0.5
                }}
            }}
        }}
    ]
}}
"""


def run(cmd, env):
    """Wall ms, CPU ms of one run (the child's user + system time)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = (time.perf_counter() - start) * 1000
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000


def measure(name, cmd, env, runs):
    run(cmd, env)
    samples = [run(cmd, env) for _ in range(runs)]
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    print(f"{name:<58} wall median {wall:7.1f} ms   cpu median {cpu:7.1f} ms   (n={runs})")
    return wall, cpu


def generated_folder(tmp, count):
    """The shipped recordings plus `count` generated detection files."""
    folder = os.path.join(tmp, "mock-responses")
    shutil.copytree(os.path.join(ROOT, "mock-responses"), folder)
    for n in range(count):
        sha = f"{n:064x}"
        with open(os.path.join(folder, "detections", f"generated-{n:04d}.json"), "w", encoding="utf-8") as f:
            f.write(DETECTION.format(n=n, sha=sha))
    return folder


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build-static/release/panya"))
    parser.add_argument("--recordings", type=int, default=1000)
    args = parser.parse_args()
    if not os.path.exists(args.binary):
        sys.exit(f"{args.binary} not found: build it first (bash bench/build-release.sh)")
    tmp = tempfile.mkdtemp(prefix="panya-startup-")
    try:
        env = dict(os.environ, PANYA_DB=os.path.join(tmp, "bench.sqlite"), XDG_STATE_HOME=tmp, PANYA_LANG="en", NO_COLOR="1")
        big = generated_folder(tmp, args.recordings)
        b = args.binary
        measure("panya --version", [b, "--version"], env, args.runs)
        measure("panya -c 'print(1)' (shipped recordings)", [b, "-c", "print(1)"], env, args.runs)
        measure(f"panya -c 'print(1)' ({args.recordings} more recordings)", [b, "--mock-dir", big, "-c", "print(1)"], env, args.runs)
        subprocess.run([b, "-c", "model start\nmodel wait"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        photo = "lessons/photos/breads3.jpg"
        measure("panya detect breads3.jpg --json (shipped recordings)", [b, "detect", photo, "--json"], env, args.runs)
        measure(f"panya detect breads3.jpg --json ({args.recordings} more)", [b, "detect", photo, "--json", "--mock-dir", big], env, args.runs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
