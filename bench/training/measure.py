"""Times the training half of the lesson, whole process, on a fresh copy of a prepared database.

Usage: measure.py PANYA RUNS. Prints medians of wall and CPU (user + system) seconds for
`train` (30 train + 3 test photos; boxes set, datasets validated, model fitted, evaluation
computed), for `panya detect breads3.jpg --json` on the trained version and on the recorded
seed version (the anchor: the same process doing a replay), and the load average, since a shared
machine's wall time says more about the neighbours than about panya. Measurements, never
assertions.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

panya, runs = sys.argv[1], int(sys.argv[2])
work = tempfile.mkdtemp(prefix="panya-bench-training.")
seed = os.path.join(work, "seed.sqlite")
env = dict(os.environ, NO_COLOR="1", PANYA_LANG="en")
photos = "lessons/photos"
setup = f"""project create bakery-ai
dataset create train
dataset create test
dataset add train {photos}/train/anpan-*.jpg --label あんぱん
dataset add train {photos}/train/yakisobapan-*.jpg --label 焼きそばパン
dataset add train {photos}/train/melonpan-*.jpg --label メロンパン
dataset add test {photos}/test/anpan.jpg --label あんぱん
dataset add test {photos}/test/melonpan.jpg --label メロンパン
dataset add test {photos}/test/yakisobapan.jpg --label 焼きそばパン
"""
subprocess.run([panya, "--db", seed], input=setup.encode(), env=env, check=True, stdout=subprocess.DEVNULL)


def fresh(source, name):
    db = os.path.join(work, name)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    shutil.copy(source, db)
    return db


def timed(args):
    before = os.times()
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def report(name, samples):
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    print(f"{name:<44} median wall {wall * 1000:8.1f} ms, median CPU {cpu * 1000:8.1f} ms")
    return wall


print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs), {runs} runs each")
train = report("train (30 + 3 photos, evaluation included)",
               [timed([panya, "--db", fresh(seed, "train.sqlite"), "-c", "train"]) for _ in range(runs)])

# One trained, started database for the detects.
trained = fresh(seed, "trained.sqlite")
subprocess.run([panya, "--db", trained, "-c", "train\nmodel wait\nmodel start\nmodel wait"], env=env, check=True,
               stdout=subprocess.DEVNULL)
replay = fresh(seed, "replay.sqlite")
subprocess.run([panya, "--db", replay, "-c", "model use verification001.2023-08-01T10.00.00\nmodel start\nmodel wait"],
               env=env, check=True, stdout=subprocess.DEVNULL)
detect = [panya, "detect", f"{photos}/breads3.jpg", "--json"]
trained_detect = report("panya detect breads3.jpg --json (trained)",
                        [timed([panya, "--db", trained] + detect[1:]) for _ in range(runs)])
replay_detect = report("panya detect breads3.jpg --json (recorded)",
                       [timed([panya, "--db", replay] + detect[1:]) for _ in range(runs)])
print(f"trained detect / recorded detect: {trained_detect / replay_detect:.2f}×")
print(f"load average after: {os.getloadavg()[0]:.2f}")
shutil.rmtree(work)
