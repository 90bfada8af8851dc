"""What the class's browser tests share: the tally of checks, `panya class` started on a free
port and stopped, and Debian's headless Chromium at a given window size."""
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CLASS_CODE = "PAN-1234"


class Tally:
    """Counts checks that passed, failed and failed as expected; prints each one as it goes."""

    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.expected_failures = 0

    def ok(self, name):
        self.passed += 1
        print(f"ok   {name}", flush=True)

    def fail(self, name, detail=""):
        self.failed += 1
        print(f"FAIL {name}" + (f": {detail}" if detail else ""), file=sys.stderr, flush=True)

    def xfail(self, name, detail):
        self.expected_failures += 1
        print(f"XFAIL {name}: {detail}", flush=True)

    def check(self, name, condition, detail=""):
        if condition:
            self.ok(name)
        else:
            self.fail(name, detail)
        return condition


tally = Tally()
ok, fail, xfail, check = tally.ok, tally.fail, tally.xfail, tally.check


def start_server(panya, root, work, password, extra=(), timeout=300):
    """`panya class` on a free port with a fresh data folder: (process, url, log path). The first
    start in a folder trains the class model, hence the generous wait."""
    log_path = os.path.join(work, "class.log")
    log = open(log_path, "w")
    process = subprocess.Popen(
        [panya, "class", "--data", os.path.join(work, "data"), "--port", "0", "--class-code", CLASS_CODE,
         "--teacher-password", password, "--no-qr", *extra],
        cwd=root, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env={**os.environ, "NO_COLOR": "1"}, start_new_session=True)
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError("panya class ended:\n" + open(log_path).read())
        match = re.search(r"http://127\.0\.0\.1:(\d+)", open(log_path).read())
        if match:
            url = f"http://127.0.0.1:{match.group(1)}"
            try:
                urllib.request.urlopen(url + "/", timeout=5).read()
                return process, url, log_path
            except (urllib.error.URLError, ConnectionError):
                pass
        time.sleep(0.3)
    process.kill()
    raise RuntimeError("panya class did not start:\n" + open(log_path).read())


def stop_server(process):
    """SIGTERM to the server's process group, SIGKILL after 20 s."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def browser():
    """Headless Chromium in Japanese at 1366×768, keeping the page's console log."""
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=ja",
                 "--window-size=1366,768", "--no-first-run", "--disable-extensions"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(600)
    viewport(driver, 1366, 768)
    return driver


def viewport(driver, width, height):
    """The page's size; under 600 px wide it is a phone (touch, mobile viewport)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})
