"""Times `panya -c "simulate D"` on a fresh copy of a database holding the seed's two schedules.

Usage: measure.py PANYA RUNS. Prints the median wall and CPU (user + system) seconds per duration,
and the load average so a busy machine shows. Measurements, never assertions.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

panya, runs = sys.argv[1], int(sys.argv[2])
work = tempfile.mkdtemp(prefix="panya-bench-operations.")
seed = os.path.join(work, "seed.sqlite")
env = dict(os.environ, NO_COLOR="1", PANYA_LANG="en")
setup = ('clock set 2026-04-01T00:00:00+09:00\n'
         'schedule add open "cron(30 6 * * ? *)" start --timezone Asia/Tokyo\n'
         'schedule add close "cron(30 19 * * ? *)" stop --timezone Asia/Tokyo\n')
subprocess.run([panya, "--db", seed], input=setup.encode(), env=env, check=True, stdout=subprocess.DEVNULL)


def once(duration):
    db = os.path.join(work, "run.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    shutil.copy(seed, db)
    before = os.times()
    start = time.perf_counter()
    subprocess.run([panya, "--db", db, "-c", f"simulate {duration}"], env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu


print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs), {runs} runs each")
for duration in ("30d", "365d"):
    samples = [once(duration) for _ in range(runs)]
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    print(f"simulate {duration:>4}: median wall {wall:.3f} s, median CPU {cpu:.3f} s")
print(f"load average after: {os.getloadavg()[0]:.2f}")
shutil.rmtree(work)
