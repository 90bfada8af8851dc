"""The console's answers under one student: see bench-console.sh. Prints medians; nothing is asserted."""
import glob, http.cookiejar, io, json, os, re, statistics, subprocess, sys, tempfile, time, urllib.parse, urllib.request
from PIL import Image

panya, root = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="panya-bench-console-")


def start():
    log = open(os.path.join(work, "server.log"), "w+")
    proc = subprocess.Popen([panya, "class", "--data", os.path.join(work, "data"), "--port", "0", "--no-qr",
                             "--class-code", "PAN-1234", "--teacher-password", "pw", "--lang", "en"],
                            cwd=root, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(3000):
        time.sleep(0.2)
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", open(log.name).read())
        if found:
            return proc, int(found.group(1)), log.name
    raise SystemExit("panya class did not start:\n" + open(log.name).read())


class Student:
    def __init__(self, base, name):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        body = json.dumps({"name": name, "code": "PAN-1234"}).encode()
        answer = self.opener.open(urllib.request.Request(base + "/api/join", body, {"Content-Type": "application/json"}))
        self.csrf = json.load(answer)["csrf"]

    def call(self, method, path, body=None, raw=None, content="application/json"):
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.base + path, data, {"Content-Type": content, "X-Panya-CSRF": self.csrf}, method=method)
        started = time.perf_counter()
        try:
            answer = json.load(self.opener.open(request, timeout=600))
        except urllib.error.HTTPError as error:
            answer = json.load(error)
        return (time.perf_counter() - started) * 1000, answer

    def run(self, action):
        return self.call("POST", "/api/console/run", {"action": action})[1]


def server_ms(log_path, method, path, count):
    """The server's own times for the last `count` answers to `method path` (its log: one line per request)."""
    lines = [l for l in open(log_path).read().splitlines() if f" {method} {path} 200 " in l]
    return [float(l.split()[-2]) for l in lines[-count:]]


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def main():
    proc, port, log_path = start()
    base = f"http://127.0.0.1:{port}"
    try:
        s = Student(base, "bench")
        print(f"load average at the start: {load()}", flush=True)
        s.run("lesson-project")
        # The test set grows to 30 photos: the lesson's other 12 test photos and 15 mirrored ones
        # (a test photo may not be a training photo, nor the same photo twice), uploaded.
        tests = sorted(glob.glob(os.path.join(root, "lessons/photos/test/*.jpg")))
        shipped = [p for p in tests if os.path.basename(p) not in ("anpan.jpg", "melonpan.jpg", "yakisobapan.jpg")]
        uploads = [open(p, "rb").read() for p in shipped]
        for p in tests:
            out = io.BytesIO()
            Image.open(p).convert("RGB").transpose(Image.FLIP_LEFT_RIGHT).save(out, "JPEG", quality=90)
            uploads.append(out.getvalue())
        for photo in uploads[:27]:
            s.call("POST", "/api/console/photos?dataset=test", raw=photo, content="image/jpeg")
        state = s.call("GET", "/api/console/project")[1]
        test = next(d for d in state["datasets"] if d["kind"] == "test")
        labels = ["あんぱん", "メロンパン", "焼きそばパン"]
        for number, photo in enumerate(test["photos"]):
            if photo["boxes"]:
                continue
            view = s.call("GET", "/api/console/boxes?path=" + urllib.parse.quote(photo["path"]))[1]
            label = labels[number % 3]  # every label gets test boxes (training refuses a label without one)
            boxes = [dict(p, label=label) for p in view.get("proposals", [])[:4]]
            s.call("POST", "/api/console/boxes", {"path": photo["path"], "boxes": boxes})
        count = len(s.call("GET", "/api/console/project")[1]["datasets"][1]["photos"])
        print(f"test photos: {count}", flush=True)
        trained = s.run("train")
        print("train: " + trained.get("output", "").splitlines()[-1][:200], flush=True)
        s.run("wait")

        rounds = 15
        for _ in range(rounds):
            _, page = s.call("GET", "/api/console/evaluation")
        summary = json.loads(page.get("summary") or "{}")
        print(f"evaluated version {page.get('model')}: {len(page.get('images', []))} test images on the page, "
              f"F1 {summary.get('AggregatedEvaluationResults', {}).get('F1Score')}", flush=True)
        evaluation = server_ms(log_path, "GET", "/api/console/evaluation", rounds)

        photo = next(p for p in test["photos"] if p["name"].startswith("yakisobapan"))
        boxes = s.call("GET", "/api/console/boxes?path=" + urllib.parse.quote(photo["path"]))[1]["boxes"] or \
            [{"label": "焼きそばパン", "left": 0.2, "top": 0.2, "width": 0.5, "height": 0.5}]
        trips = [s.call("POST", "/api/console/boxes", {"path": photo["path"], "boxes": boxes})[0] for _ in range(rounds)]
        saves = server_ms(log_path, "POST", "/api/console/boxes", rounds)
        draws = [s.call("GET", "/api/console/boxes?path=" + urllib.parse.quote(photo["path"]))[0] for _ in range(rounds)]

        s.run("schedule-lesson")
        months = []
        for _ in range(7):
            ms, answer = s.call("POST", "/api/console/month")
            months.append(ms)
        month = server_ms(log_path, "POST", "/api/console/month", 7)
        print(f"load average at the end: {load()}")
        print(f"month page (simulate 30d --json), server time: median {statistics.median(month):.1f} ms (of 7: {', '.join(f'{m:.0f}' for m in month)})")
        print(f"evaluation page ({count} test photos), server time: median {statistics.median(evaluation):.1f} ms (first {evaluation[0]:.1f} ms)")
        print(f"save a photo's boxes, server time: median {statistics.median(saves):.1f} ms; round trip median {statistics.median(trips):.1f} ms")
        print(f"open a photo to label (boxes and suggestions), round trip median {statistics.median(draws):.1f} ms")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


main()
