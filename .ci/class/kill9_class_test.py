"""The teacher's laptop killed (-9) mid-class: after a restart every student's register, receipts,
code and photos are there, and their cookies still work. Usage: kill9_class_test.py PANYA_BINARY"""
import http.cookiejar, json, os, re, signal, subprocess, sys, tempfile, time, urllib.error, urllib.request

panya = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = tempfile.mkdtemp(prefix="panya-kill9-class-")
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("ok  ", name)
    else:
        failed += 1
        print("FAIL", name, detail)


def start():
    log = open(os.path.join(data, "server.log"), "a+")
    proc = subprocess.Popen([panya, "class", "--data", data, "--port", "0", "--no-qr", "--lang", "en",
                             "--class-code", "PAN-1234", "--teacher-password", "pw"], stdout=log, stderr=subprocess.STDOUT,
                            env={**os.environ, "PANYA_HOME": root})
    seen = 0
    for _ in range(1500):
        time.sleep(0.2)
        text = open(log.name).read()
        ports = re.findall(r"http://127\.0\.0\.1:(\d+)/", text)
        if len(ports) > seen and ports:
            return proc, f"http://127.0.0.1:{ports[-1]}"
        if proc.poll() is not None:
            break
    raise SystemExit("panya class did not start:\n" + open(log.name).read())


class Student:
    def __init__(self, jar=None):
        self.jar = jar or http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = ""

    def call(self, base, method, path, body=None, content_type="application/json"):
        headers = {"X-Panya-CSRF": self.csrf}
        if body is not None:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(base + path, body, headers, method=method)
        try:
            return json.load(self.opener.open(request, timeout=120))
        except urllib.error.HTTPError as error:
            return json.load(error)


proc, base = start()
student = Student()
me = student.call(base, "POST", "/api/join", json.dumps({"name": "Hana", "code": "PAN-1234"}).encode())
student.csrf = me["csrf"]
photo = open(os.path.join(root, "lessons/photos/breads3.jpg"), "rb").read()
student.call(base, "POST", "/api/photos", photo, "image/jpeg")
student.call(base, "POST", "/api/register/add", json.dumps({"photo": 1, "minConfidence": 75}).encode())
receipt = student.call(base, "POST", "/api/register/checkout", b"{}")
student.call(base, "POST", "/api/register/add", json.dumps({"photo": 1, "minConfidence": None}).encode())
code = "fn total(lines) {\n  return 42\n}\n"
student.call(base, "POST", "/api/code", json.dumps({"source": code}).encode())
before = student.call(base, "GET", "/api/register")
check("before the kill: a receipt and a register line", receipt.get("register", {}).get("total") == 594 and before.get("total") == 194, str(before))

os.kill(proc.pid, signal.SIGKILL)
proc.wait()
proc, base = start()
after = student.call(base, "GET", "/api/register")
check("the same cookie works after the restart", "error" not in after, str(after))
check("the register is as it was", after == before, f"{after} != {before}")
check("the code is as it was", student.call(base, "GET", "/api/code").get("source") == code)
request = urllib.request.Request(base + "/api/photos/1")
check("the photo is there", student.opener.open(request).read() == photo)
student.csrf = student.call(base, "GET", "/api/me").get("csrf", "")
second = student.call(base, "POST", "/api/register/checkout", b"{}")
check("the receipts go on from where they were", second.get("number") == receipt.get("number", 0) + 1, f"{receipt.get('number')} then {second.get('number')}")

proc.send_signal(signal.SIGTERM)
try:
    code = proc.wait(timeout=60)
    check("SIGTERM stops the class cleanly", code == 0, f"exit {code}")
except subprocess.TimeoutExpired:
    proc.kill()
    check("SIGTERM stops the class cleanly", False, "still running after 60 s")
print(f"class kill -9: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
