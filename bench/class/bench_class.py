"""panya class under a class's load: see bench-class.sh. Prints a table; nothing is asserted."""
import http.cookiejar, io, json, os, random, re, statistics, subprocess, sys, tempfile, threading, time, urllib.request
from PIL import Image, ImageFilter

panya, root = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="panya-bench-class-")
tray = Image.open(os.path.join(root, "lessons/photos/tray-four.jpg")).convert("RGB")


def phone_jpeg(seed, size=(4032, 3024), target=3_000_000):
    """A different phone photo per student: the tray scaled up, shifted, with sensor-like noise,
    stored turned (EXIF orientation 6: the camera held upright), about `target` bytes."""
    rng = random.Random(seed)
    image = tray.resize(size, Image.BILINEAR).rotate(rng.uniform(-3, 3), fillcolor=(235, 230, 220))
    noise = Image.effect_noise(size, 18 + seed % 5).convert("RGB")
    image = Image.blend(image, noise, 0.03).filter(ImageFilter.SMOOTH_MORE) if seed % 2 else Image.blend(image, noise, 0.03)
    stored = image.transpose(Image.ROTATE_90)  # what the sensor stored; orientation 6 turns it back
    exif = Image.Exif()
    exif[0x0112] = 6
    for quality in (92, 88, 84, 80, 75):
        out = io.BytesIO()
        stored.save(out, "JPEG", quality=quality, exif=exif.tobytes())
        if out.tell() <= target * 1.15:
            break
    return out.getvalue()


def start():
    log = open(os.path.join(work, "server.log"), "w+")
    proc = subprocess.Popen([panya, "class", "--data", os.path.join(work, "data"), "--port", "0", "--no-qr",
                             "--class-code", "PAN-1234", "--teacher-password", "pw", "--lang", "en"],
                            stdout=log, stderr=subprocess.STDOUT)
    for _ in range(600):
        time.sleep(0.2)
        text = open(log.name).read()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", text)
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

    def upload(self, photo):
        request = urllib.request.Request(self.base + "/api/photos", photo, {"Content-Type": "image/jpeg", "X-Panya-CSRF": self.csrf})
        started = time.perf_counter()
        answer = json.load(self.opener.open(request, timeout=120))
        return time.perf_counter() - started, answer


def peak_memory_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def server_ms(log_path, count):
    """The server's own time for the last `count` photo uploads (its log: one line per request)."""
    lines = [l for l in open(log_path).read().splitlines() if "POST /api/photos 200" in l]
    return [float(l.split()[-2]) for l in lines[-count:]]


def main():
    print("making 40 phone photos…", flush=True)
    photos = [phone_jpeg(i) for i in range(40)]
    proc, port, log_path = start()
    base = f"http://127.0.0.1:{port}"
    try:
        students = [Student(base, f"student{i:02d}") for i in range(40)]
        results, errors = [None] * 40, []

        def send(i):
            time.sleep(random.Random(i).uniform(0, 10))
            try:
                results[i] = students[i].upload(photos[i])
            except Exception as error:  # noqa: BLE001 — every failure is reported
                errors.append(f"{i}: {error}")

        threads = [threading.Thread(target=send, args=(i,)) for i in range(40)]
        for t in threads: t.start()
        for t in threads: t.join()
        latencies = sorted(r[0] for r in results if r)
        found = [sum(1 for c in r[1]["candidates"] if c["confidence"] >= (c["threshold"] or 0)) for r in results if r]
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("nan")
        print(f"class at once: {len(latencies)}/40 answered, errors {len(errors)}; latency p50 {statistics.median(latencies)*1000:.0f} ms, "
              f"p99 {p99*1000:.0f} ms, max {latencies[-1]*1000:.0f} ms; breads kept per photo (median) {statistics.median(found)}")
        for e in errors[:5]: print("  error:", e)
        print(f"server memory peak (VmHWM): {peak_memory_mb(proc.pid):.0f} MB")

        one = students[0]
        for _ in range(9): one.upload(photos[1])
        twelve = server_ms(log_path, 9)
        small = io.BytesIO(); Image.open(io.BytesIO(photos[2])).resize((1280, 960)).save(small, "JPEG", quality=85)
        for _ in range(9): one.upload(small.getvalue())
        s1280 = server_ms(log_path, 9)
        print(f"server time per photo (median of 9, from the server's log): 12 MP {statistics.median(twelve):.1f} ms, "
              f"1280×960 {statistics.median(s1280):.1f} ms")

        for page in ["/", "/register", "/shell", "/teacher"]:
            html = urllib.request.urlopen(base + page).read()
            assets = re.findall(rb'(?:src|href)="(/static/[^"]+)"', html)
            weight = len(html) + sum(len(urllib.request.urlopen(base + a.decode()).read()) for a in assets)
            times = []
            for _ in range(50):
                started = time.perf_counter(); urllib.request.urlopen(base + page).read(); times.append(time.perf_counter() - started)
            print(f"page {page:10s} {weight/1024:6.1f} KB with its {len(assets)} files; served in {statistics.median(times)*1000:.2f} ms (median of 50)")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


main()
