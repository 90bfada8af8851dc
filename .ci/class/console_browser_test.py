#!/usr/bin/env python3
"""The console of `panya class` in headless Chromium: the first post's model-building day.

Starts `panya class` on a free port with a fresh data folder, joins as a student, and drives the
console as a student does: starts from the lesson's photos, drags a box with the mouse on a
training photo (read back from `dataset export`), accepts the engine's suggestions on the test
photos, trains and watches TRAINING_COMPLETED, reads the evaluation (equal to `evaluation
--json`), misplaces a ground-truth box and sees one FN + one FP and a lower F1, starts and stops
the model, and runs the month (the chart's totals equal the simulation's). Saves screenshots at
1366×768 and 390×844 and prints `console: N passed, N failed`. Exits non-zero on a failure.
"""
import argparse
import json
import os
import re
import sys
import time
import traceback
import urllib.error
import urllib.request

from selenium.webdriver.common.action_chains import ActionChains
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser_kit import CLASS_CODE, browser, check, fail, ok, start_server, stop_server, tally, viewport

class Student:
    """The student's cookie and CSRF token, for reading what the shell's commands answer."""

    def __init__(self, url, token, csrf):
        self.url = url
        self.token = token
        self.csrf = csrf
        self.opener = urllib.request.build_opener()

    def call(self, method, path, body=None, timed=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        request.add_header("X-Panya-Lang", "en")
        request.add_header("Cookie", f"panya_session={self.token}")
        if getattr(self, "csrf", None):
            request.add_header("X-Panya-CSRF", self.csrf)
        started = time.perf_counter()
        try:
            raw = self.opener.open(request, timeout=600).read()
        except urllib.error.HTTPError as error:
            raw = error.read()
        if timed is not None:
            timed.append((time.perf_counter() - started) * 1000)
        return json.loads(raw)

    def run(self, action):
        return self.call("POST", "/api/console/run", {"action": action})

    def call_text(self, method, path):
        request = urllib.request.Request(self.url + path, data=b"", method=method)
        request.add_header("Cookie", f"panya_session={self.token}")
        request.add_header("X-Panya-CSRF", self.csrf)
        return self.opener.open(request, timeout=600).read().decode()


def wait(driver, condition, seconds=120, what="condition"):
    return WebDriverWait(driver, seconds, poll_frequency=0.3).until(lambda d: condition(d), message=what)


def message(driver):
    return driver.find_element(By.ID, "message").text


def tab(driver, name):
    driver.find_element(By.CSS_SELECTOR, f'#tabs button[data-tab="{name}"]').click()
    time.sleep(0.3)


def shot(driver, out, name):
    path = os.path.join(out, f"console-{name}.png")
    driver.save_screenshot(path)
    return path


def open_photo(driver, suffix):
    """Opens, on the datasets page, the photo whose name ends with `suffix` in the labelling page."""
    tab(driver, "datasets")
    thumb = wait(driver, lambda d: next((b for b in d.find_elements(By.CSS_SELECTOR, ".thumb")
                                         if b.find_element(By.TAG_NAME, "img").get_attribute("alt").endswith(suffix)), None),
                 what=f"the photo {suffix}")
    driver.execute_script("arguments[0].scrollIntoView()", thumb)
    thumb.click()
    wait(driver, lambda d: suffix in d.find_element(By.ID, "photo-title").text, what=f"{suffix} opened")
    wait(driver, lambda d: d.execute_script("const i = document.getElementById('stage-photo'); return i.complete && i.naturalWidth > 0"))


def pick_label(driver, label):
    driver.execute_script("const s = document.getElementById('label-select'); s.value = arguments[0]; s.dispatchEvent(new Event('change'));", label)


def wait_saved(driver):
    wait(driver, lambda d: re.search(r"保存しました|Saved", message(d)), what="saved")


def manifest_line(student, dataset, suffix):
    manifest = student.call("GET", f"/api/console/export?dataset={dataset}")["manifest"]
    return next((json.loads(line) for line in manifest.splitlines() if json.loads(line)["source-ref"].endswith(suffix)), None)


def boxes_of(line):
    attribute = next(key for key in line if key not in ("source-ref",) and not key.endswith("-metadata"))
    return line[attribute]["annotations"], line[attribute + "-metadata"]["class-map"]


def train_until_completed(driver):
    tab(driver, "train")
    # Forget what the last training showed, so the waits below read this one's answers.
    driver.execute_script("for (const id of ['train-status', 'train-output']) document.getElementById(id).textContent = ''")
    driver.find_element(By.ID, "train-button").click()
    wait(driver, lambda d: d.find_element(By.ID, "train-status").text in ("TRAINING_IN_PROGRESS", "TRAINING_COMPLETED"), 600, "training started")
    started = driver.find_element(By.ID, "train-status").text
    driver.find_element(By.ID, "train-wait").click()
    # `model wait` answers TRAINING_COMPLETED; the version then reads STOPPED until it is started.
    wait(driver, lambda d: "TRAINING_COMPLETED" in d.find_element(By.ID, "train-output").text
         or d.find_element(By.ID, "train-status").text == "TRAINING_FAILED", 600, "training completed")
    if "TRAINING_COMPLETED" not in driver.find_element(By.ID, "train-output").text:
        raise RuntimeError("training failed: " + driver.find_element(By.ID, "train-output").text[:600])
    return started


def evaluation_numbers(driver):
    tab(driver, "evaluation")
    wait(driver, lambda d: d.find_element(By.ID, "overall-f1").text not in ("", "-"), what="the evaluation")
    rows = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "#label-table tbody tr"):
        cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
        rows[cells[0]] = cells[1:]
    return driver.find_element(By.ID, "overall-f1").text, rows


def image_counts(driver, suffix):
    for card in driver.find_elements(By.CSS_SELECTOR, "#test-images .card"):
        caption = card.find_element(By.CLASS_NAME, "test-caption").text
        if caption.startswith(suffix) or suffix in caption.split(" ")[0]:
            return {kind: len(card.find_elements(By.CSS_SELECTOR, ".mark." + kind)) for kind in ("TRUE_POSITIVE", "FALSE_POSITIVE", "FALSE_NEGATIVE")}
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--panya", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    process, url, log_path = start_server(args.panya, args.root, args.work, "pw-console")
    driver = None
    figures = {}
    try:
        driver = browser()
        # Join in the browser (the cookie is the page's own), then read the same session from here.
        driver.get(url + "/static/console.css")
        joined = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch('/api/join', {method: 'POST', headers: {'Content-Type': 'application/json'},"
            " body: JSON.stringify({name: 'Hana', code: arguments[0]})}).then(r => r.json()).then(done, e => done({error: String(e)}));",
            CLASS_CODE)
        token = next(c["value"] for c in driver.get_cookies() if c["name"] == "panya_session")
        student = Student(url, token, joined["csrf"])
        driver.get(url + "/console#datasets")
        wait(driver, lambda d: d.find_element(By.ID, "lesson-project").is_displayed(), what="the empty project page")
        shot(driver, args.out, "0-empty")
        driver.find_element(By.ID, "lesson-project").click()
        wait(driver, lambda d: d.find_element(By.ID, "project-title").text == "bakery-ai"
             and len(d.find_elements(By.CSS_SELECTOR, ".thumb")) == 33, 600, "bakery-ai with 33 photos")
        check("the lesson's photos fill both datasets (30 + 3)", len(driver.find_elements(By.CSS_SELECTOR, ".thumb")) == 33)
        shot(driver, args.out, "1-datasets")

        # Drag a box with the mouse on a training photo, read it back from `dataset export`, then delete it.
        open_photo(driver, "anpan-01.jpg")
        pick_label(driver, "メロンパン")
        stage = driver.find_element(By.ID, "stage")
        driver.execute_script("arguments[0].scrollIntoView()", stage)
        width, height = stage.size["width"], stage.size["height"]
        before = len(boxes_of(manifest_line(student, "train", "anpan-01.jpg"))[0])
        started = time.perf_counter()
        # From 15 % to 35 % of the photo on both sides (offsets are from the photo's centre).
        ActionChains(driver).move_to_element_with_offset(stage, int(-width * 0.35), int(-height * 0.35)).click_and_hold() \
            .move_by_offset(int(width * 0.1), int(height * 0.1)).move_by_offset(int(width * 0.1), int(height * 0.1)).release().perform()
        wait_saved(driver)
        figures["drag and save in the page (ms)"] = round((time.perf_counter() - started) * 1000)
        shot(driver, args.out, "2-label-drawn")
        line = manifest_line(student, "train", "anpan-01.jpg")
        annotations, class_map = boxes_of(line)
        size = next(v for k, v in line.items() if isinstance(v, dict) and "image_size" in v)["image_size"][0]
        drawn = [a for a in annotations if class_map[str(a["class_id"])] == "メロンパン"]
        check("a box dragged with the mouse is in `dataset export`", len(annotations) == before + 1 and len(drawn) == 1, str(annotations))
        if drawn:
            box = drawn[0]
            near = lambda value, ratio: abs(value - ratio) < 0.03
            check("…where it was drawn (15 % to 35 % of the photo)",
                  near(box["left"] / size["width"], 0.15) and near(box["top"] / size["height"], 0.15)
                  and near(box["width"] / size["width"], 0.2) and near(box["height"] / size["height"], 0.2), f"{box} in {size}")
        driver.find_element(By.CSS_SELECTOR, "body").send_keys("\ue017")  # Delete
        wait_saved(driver)
        time.sleep(0.5)
        check("Delete removes the selected box", len(boxes_of(manifest_line(student, "train", "anpan-01.jpg"))[0]) == before)

        # Accept the engine's suggestion on each test photo with its label.
        for name, label in (("test/anpan.jpg", "あんぱん"), ("test/melonpan.jpg", "メロンパン"), ("test/yakisobapan.jpg", "焼きそばパン")):
            open_photo(driver, name.split("/")[1])
            wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".proposal")) > 0, what="suggestions")
            pick_label(driver, label)
            driver.find_elements(By.CSS_SELECTOR, ".proposal")[0].click()
            wait_saved(driver)
            if label == "焼きそばパン":
                shot(driver, args.out, "3-label-accepted")
        line = manifest_line(student, "test", "yakisobapan.jpg")
        annotations, class_map = boxes_of(line) if line else ([], {})
        check("an accepted suggestion is a ground-truth box of the test dataset",
              [class_map[str(a["class_id"])] for a in annotations] == ["焼きそばパン"], str(line))

        # A labelling round trip, measured from here (the server's answer, ten saves).
        timings = []
        view = student.call("GET", "/api/console/project")
        test_photo = next(p for d in view["datasets"] if d["kind"] == "test" for p in d["photos"] if p["name"] == "yakisobapan.jpg")
        for _ in range(10):
            student.call("POST", "/api/console/boxes", {"path": test_photo["path"], "boxes": test_photo["boxes"]}, timed=timings)
        figures["labelling save round trip, median of 10 (ms)"] = round(sorted(timings)[5], 1)

        # Train and watch the status reach TRAINING_COMPLETED.
        started = train_until_completed(driver)
        check("training shows TRAINING_IN_PROGRESS then TRAINING_COMPLETED", started in ("TRAINING_IN_PROGRESS", "TRAINING_COMPLETED"))
        shot(driver, args.out, "4-training")

        # The evaluation page's numbers equal `evaluation --json`.
        timings = []
        student.call("GET", "/api/console/evaluation", timed=timings)
        figures["evaluation page, server answer (ms)"] = round(timings[0], 1)
        f1, rows = evaluation_numbers(driver)
        summary = json.loads(student.run("evaluation-json")["output"])
        expected = f"{summary['AggregatedEvaluationResults']['F1Score']:.3f}"
        check("overall F1 equals `evaluation --json`", f1 == expected, f"{f1} vs {expected}")
        same = all(rows.get(r["Label"], [None])[0] == f"{r['Metrics']['F1Score']:.3f}"
                   and rows[r["Label"]][3] == f"{r['Metrics']['Threshold']:.3f}" for r in summary["LabelEvaluationResults"])
        check("per-label F1 and assumed thresholds equal `evaluation --json`", same, f"{rows} vs {summary['LabelEvaluationResults']}")
        good = image_counts(driver, "yakisobapan.jpg")
        shot(driver, args.out, "5-evaluation")
        slider = driver.find_element(By.ID, "threshold-slider")
        driver.execute_script("arguments[0].value = 100; arguments[0].dispatchEvent(new Event('input'))", slider)
        at100 = [r.find_elements(By.TAG_NAME, "td")[5].text for r in driver.find_elements(By.CSS_SELECTOR, "#slider-table tbody tr")]
        check("at threshold 100 every recall drops to 0", at100 and all(v == "0.000" for v in at100), str(at100))

        # A misplaced ground-truth box: one FN and one FP, and a lower F1.
        open_photo(driver, "yakisobapan.jpg")
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, ".box")) == 1, what="the accepted box")
        stage = driver.find_element(By.ID, "stage")
        driver.execute_script("arguments[0].scrollIntoView()", stage)
        before_move = boxes_of(manifest_line(student, "test", "yakisobapan.jpg"))
        target = stage.location["x"] + 5, stage.location["y"] + 5
        # The page may draw its boxes again as the photo's suggestions arrive: take the box afresh then.
        for attempt in range(5):
            try:
                box = driver.find_element(By.CSS_SELECTOR, ".box")
                left, top = box.location["x"], box.location["y"]
                ActionChains(driver).move_to_element(box).click_and_hold().move_by_offset(-left + target[0], 0) \
                    .move_by_offset(0, -top + target[1]).release().perform()
                break
            except StaleElementReferenceException:
                time.sleep(0.5)
        # Saved when the dataset's own rows say so (the page's "saved" line may still show the last save).
        wait(driver, lambda d: boxes_of(manifest_line(student, "test", "yakisobapan.jpg")) != before_move, what="the moved box saved")
        shot(driver, args.out, "6-label-misplaced")
        train_until_completed(driver)
        f1_after, _ = evaluation_numbers(driver)
        bad = image_counts(driver, "yakisobapan.jpg")
        check("the misplaced box is one false negative and one false positive",
              bad is not None and bad["FALSE_NEGATIVE"] == 1 and bad["FALSE_POSITIVE"] == 1 and bad["TRUE_POSITIVE"] == 0, f"{good} -> {bad}")
        check("the misplaced box lowers F1", float(f1_after) < float(f1), f"{f1} -> {f1_after}")
        shot(driver, args.out, "7-evaluation-misplaced")

        # The model: start and stop through the lifecycle on the clock.
        tab(driver, "model")
        statuses = []
        for button in ("model-start", "model-advance", "model-stop", "model-advance"):
            driver.find_element(By.ID, button).click()
            time.sleep(0.3)
            wait(driver, lambda d: d.find_element(By.ID, "message").text == "", what=button)
            statuses.append(driver.find_element(By.ID, "model-status").text)
            if button == "model-advance" and len(statuses) == 2:
                shot(driver, args.out, "8-model-running")
        check("start/stop goes STARTING → RUNNING → STOPPING → STOPPED", statuses == ["STARTING", "RUNNING", "STOPPING", "STOPPED"], str(statuses))
        versions = driver.execute_script(
            "return Array.from(document.querySelectorAll('#version-list .version')).map(v => ({arn: v.dataset.arn, status: v.dataset.status,"
            " inUse: v.classList.contains('in-use'), text: v.innerText}))")
        own = [v for v in versions if ":project/bakery-ai/version/" in v["arn"]]
        check("the versions list shows both trained versions, each with its own ARN", len(own) >= 2 and len({v["arn"] for v in own}) == len(own)
              and all(v["arn"] in v["text"] for v in versions), str(versions)[:600])
        check("…and the register screen's version is marked", sum(1 for v in versions if v["inUse"]) == 1, str(versions)[:600])

        # "Use this version": a version that is not RUNNING is refused with why; a RUNNING one becomes the register's.
        def use_button(arn):
            return driver.find_element(By.CSS_SELECTOR, f'#version-list .version[data-arn="{arn}"] button.use')
        stopped = next(v for v in own if v["status"] != "RUNNING" and not v["inUse"])
        driver.execute_script("document.getElementById('message').textContent = ''")
        use_button(stopped["arn"]).click()
        wait(driver, lambda d: message(d) != "", what="the refusal")
        check("using a version that is not RUNNING is refused, saying so", "RUNNING" in message(driver) and stopped["status"] in message(driver), message(driver))
        ready = next(v for v in versions if ":project/verification001/" in v["arn"])
        check("the ready-made model is RUNNING", ready["status"] == "RUNNING", str(ready))
        before = driver.find_element(By.ID, "model-in-use").text
        use_button(ready["arn"]).click()
        wait(driver, lambda d: d.find_element(By.ID, "model-in-use").text != before, what="the register's version changed")
        ready_name = ready["arn"].split("/version/")[1].split("/")[0]
        check("the model page now marks the chosen version", driver.find_element(By.ID, "model-in-use").text == ready_name
              and "in-use" in driver.find_element(By.CSS_SELECTOR, f'#version-list .version[data-arn="{ready["arn"]}"]').get_attribute("class"))
        meter = driver.find_element(By.ID, "model-meter").text
        driver.find_element(By.ID, "model-advance-hour").click()
        wait(driver, lambda d: d.find_element(By.ID, "model-meter").text != meter, what="the meter moved")
        check("the billing meter ticks with the clock", driver.find_element(By.ID, "model-meter").text != meter,
              f"{meter} -> {driver.find_element(By.ID, 'model-meter').text}")
        shot(driver, args.out, "8b-model-versions")
        driver.get(url + "/register")
        wait(driver, lambda d: d.find_element(By.ID, "model").is_displayed() and ready_name in d.find_element(By.ID, "model").text,
             what="the register screen's model")
        check("the register screen uses the chosen version", ready_name in driver.find_element(By.ID, "model").text,
              driver.find_element(By.ID, "model").text)
        shot(driver, args.out, "8c-register-model")
        driver.get(url + "/console#model")
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#version-list .version")) >= 3, what="the model page again")

        # The month: the lesson's schedules (on the ready-made model), 30 days. The chart is that model's
        # hours per day; its totals are `simulate 30d --json`'s, the class model left running apart.
        tab(driver, "month")
        driver.find_element(By.ID, "schedule-lesson").click()
        wait(driver, lambda d: "open" in d.find_element(By.ID, "schedule-output").text, what="schedules")
        driver.find_element(By.ID, "simulate").click()
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#chart rect")) >= 30, 600, "the chart")
        bars = driver.execute_script("return Array.from(document.querySelectorAll('#chart rect')).map(r => [+r.dataset.hours, +r.dataset.usd])")
        totals = {d.get_attribute("data-total"): d.find_element(By.TAG_NAME, "strong").text for d in driver.find_elements(By.CSS_SELECTOR, "#month-totals div")}
        answer = driver.execute_script("return state.month")
        scheduled = answer.get("scheduled") or {}
        check("the month compares the schedules' model (the ready-made one)", scheduled.get("arns") == [ready["arn"]], str(scheduled.get("arns")))
        check("the chart's hours add up to that model's running hours", f"{sum(h for h, _ in bars):.2f}" == totals.get("hours"), f"{totals}")
        check("the chart's costs add up to that model's scheduled cost", f"{sum(u for _, u in bars):.2f}" == totals.get("scheduled"), f"{totals}")
        check("always on is 2,880 USD for 30 days at one unit", totals.get("always") == "2880.00", f"{totals}")
        check("the class model left running is apart, not in the comparison", totals.get("others") == "2880.00", f"{totals}")
        expected = {"hours": scheduled.get("running_hours"), "scheduled": scheduled.get("scheduled_usd"), "always": scheduled.get("always_on_usd"),
                    "saved": scheduled.get("saved_usd"), "others": scheduled.get("other_models_usd"), "inference": answer.get("inference_usd"),
                    "training": answer.get("training_usd"), "total": answer.get("total_usd")}
        check("every total on the page is `simulate 30d --json`'s", all(totals.get(k) == f"{v:.2f}" for k, v in expected.items()),
              f"{totals} vs {expected}")
        check("the lesson's figures are on the page", "2,880" in driver.find_element(By.ID, "month").text and "1,560" in driver.find_element(By.ID, "month").text)
        driver.execute_script("document.getElementById('month-target').scrollIntoView()")
        shot(driver, args.out, "9-month")
        driver.execute_script("document.getElementById('month-totals').scrollIntoView()")
        shot(driver, args.out, "9b-month-totals")
        # The shell's own command on the same session: the same record, for the next 30 days.
        typed = json.loads(student.call_text("POST", "/api/console/month"))
        check("the month route answers `simulate 30d --json` (same fields, next month)", sorted(typed.keys()) == sorted(answer.keys())
              and typed["from"] == answer["to"], f"{typed.get('from')} vs {answer.get('to')}")
        timings = []
        student.call("POST", "/api/console/month", timed=timings)
        figures["month (simulate 30d), server answer (ms)"] = round(timings[0], 1)

        # Every page at a phone's size.
        viewport(driver, 390, 844)
        for name in ("datasets", "label", "train", "evaluation", "model", "month"):
            tab(driver, name)
            time.sleep(1)
            shot(driver, args.out, f"phone-{name}")
            if name == "month":
                # A table keeps its rows on a phone: the output scrolls sideways instead of wrapping mid-row.
                shape = driver.execute_script(
                    "const e = document.getElementById('schedule-output');"
                    " return [getComputedStyle(e).whiteSpace, e.scrollWidth > e.clientWidth];")
                check("on a phone the schedule table keeps one line per row and scrolls sideways",
                      shape[0] == "pre" and shape[1], f"white-space {shape[0]}, scrolls sideways: {shape[1]}")
            if name in ("model", "month"):
                driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", "version-list" if name == "model" else "chart")
                shot(driver, args.out, f"phone-{name}-lower")
        ok("phone screenshots saved")
    except Exception as error:  # noqa: BLE001 - any failure is a failed test with its trace
        fail("console test run", f"{error}\n{traceback.format_exc()}")
        if driver:
            shot(driver, args.out, "failure")
    finally:
        if driver:
            driver.quit()
        stop_server(process)
    for name, value in figures.items():
        print(f"figure: {name}: {value}")
    print(f"console: {tally.passed} passed, {tally.failed} failed")
    sys.exit(1 if tally.failed else 0)


if __name__ == "__main__":
    main()
