#!/usr/bin/env python3
"""The policy lab as a new user meets it, in headless Chromium (Selenium, Debian's chromedriver).

Starts `sclab serve RUNS --lab`, then in the browser: opens the lab, starts from the seed
scenario, lowers the CCTV cameras' coverage, asks for PEOPLE x YEARS x SEEDS, runs it, watches
the progress bar move without reloading (server-sent events), and reads the comparison, whose
figures must equal `sclab compare --json` on the same two folders. Then a what-if from a date with
the scenario unchanged must end with the baseline's digest, a changed one must store exactly the
baseline's months before the date, and a pasted broken scenario must show its error beside the
offending line. Exits 1 at the first failure, saying what and where.

Usage: lab-browser-check.py SCLAB RUNS_FOLDER [--people N] [--years N] [--seeds N] [--port P]
"""
import argparse
import json
import os
import sqlite3
import subprocess
import sys
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def fail(message):
    print(f"FAIL lab browser check: {message}", flush=True)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def digest(folder):
    db = sqlite3.connect(f"file:{folder}/run.sqlite?mode=ro", uri=True)
    (text,) = db.execute("SELECT json FROM summary").fetchone()
    return json.loads(text)["digest"]


def metric_rows(folder, before):
    db = sqlite3.connect(f"file:{folder}/run.sqlite?mode=ro", uri=True)
    return sorted(db.execute("SELECT * FROM metric WHERE period < ?", (before,)).fetchall())


def wait_finished(browser, job_url, limit):
    """Waits on the job's page until it says the job is over; returns its state."""
    deadline = time.time() + limit
    while time.time() < deadline:
        try:
            state = browser.find_element(By.CSS_SELECTOR, "#job .badge").text
        except (StaleElementReferenceException, NoSuchElementException):
            # The page reloads itself when the job ends; read the badge again on the new page.
            state = None
        if state in ("finished", "failed", "cancelled"):
            return state
        time.sleep(1)
    fail(f"{job_url}: not finished after {limit} s")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sclab")
    parser.add_argument("runs")
    parser.add_argument("--people", type=int, default=20000)
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--seeds", type=int, default=2)
    parser.add_argument("--port", type=int, default=18245)
    parser.add_argument("--limit", type=int, default=1800, help="seconds a job may take")
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    os.makedirs(args.runs, exist_ok=True)
    log = open(os.path.join(args.runs, "..", "lab-serve.log"), "w")
    server = subprocess.Popen([args.sclab, "serve", args.runs, "--lab", "--port", str(args.port)],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/lab", timeout=2)
                break
            except Exception:
                time.sleep(0.2)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,2000"):
            options.add_argument(flag)
        browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            run_checks(browser, base, args)
        finally:
            browser.quit()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print("ok   lab browser check", flush=True)


def submit_form(browser, fields):
    for name, value in fields.items():
        element = browser.find_element(By.NAME, name)
        if not element.is_displayed():
            # A parameter's group is folded: open it as a person would, by its summary.
            group = element.find_element(By.XPATH, "./ancestor::details[1]")
            group.find_element(By.TAG_NAME, "summary").click()
        if element.get_attribute("type") == "date":
            # A date picker posts YYYY-MM-DD whatever the locale shows; typing would go by the locale.
            browser.execute_script("arguments[0].value = arguments[1];", element, str(value))
            continue
        element.clear()
        element.send_keys(str(value))
    browser.find_element(By.CSS_SELECTOR, "form.lab button[type=submit]").click()


def run_checks(browser, base, args):
    # 1. A new user opens the lab and starts from the seed scenario.
    browser.get(base + "/lab")
    Select(browser.find_element(By.NAME, "scenario")).select_by_value("seed-article")
    browser.find_element(By.CSS_SELECTOR, "form[action='/lab/new'] button").click()
    check("/lab/new" in browser.current_url, f"the start button led to {browser.current_url}")
    coverage = browser.find_element(By.NAME, "sources.cctv_cameras.coverage")
    check(coverage.get_attribute("value") in ("0.2", "0.20"), f"camera coverage shows {coverage.get_attribute('value')}")
    page = browser.page_source
    check("assumption" in page, "the camera coverage's source comment is not on the form")
    submit_form(browser, {"population": args.people, "years": args.years, "seeds": args.seeds,
                          "sources.cctv_cameras.coverage": "0.1"})
    WebDriverWait(browser, 30).until(lambda b: "/lab/jobs/job-" in b.current_url)
    job_url = browser.current_url
    # 2. Progress moves without a reload: a marker set in the page survives while the bar moves.
    browser.execute_script("window.labMarker = 1;")
    seen = []
    deadline = time.time() + args.limit
    while time.time() < deadline:
        try:
            marker = browser.execute_script("return window.labMarker === 1;")
            if not marker:
                break
            seen.append(float(browser.find_element(By.ID, "bar").get_attribute("value")))
        except Exception:
            break
        if seen[-1] >= 0.3:
            break
        time.sleep(0.5)
    moved = sorted(set(seen))
    check(len(moved) >= 3, f"the progress bar did not move live (values seen: {moved[:10]})")
    check(browser.find_element(By.ID, "time").text != "", "no time estimate shown")
    state = wait_finished(browser, job_url, args.limit)
    check(state == "finished", f"the job ended {state}: {browser.page_source[:2000]}")
    # 3. The comparison's figures are `sclab compare`'s.
    browser.find_element(By.PARTIAL_LINK_TEXT, "Compare").click()
    WebDriverWait(browser, 60).until(lambda b: "/compare" in b.current_url)
    query = browser.current_url.split("?", 1)[1]
    params = dict(part.split("=", 1) for part in query.split("&"))
    baseline, variant = params["baseline"], params["variant"]
    page = browser.page_source
    check("cctv_cameras" in page and "coverage" in page, "the comparison does not show the changed parameter")
    compared = json.loads(subprocess.run(
        [args.sclab, "compare", os.path.join(args.runs, baseline), os.path.join(args.runs, variant), "--json"],
        check=True, capture_output=True, text=True).stdout)
    api = json.load(urllib.request.urlopen(f"{base}/api/compare?baseline={baseline}&variant={variant}", timeout=60))
    check_same_figures(compared, api)
    # 4. A what-if from a date with nothing changed ends with the baseline's digest.
    browser.get(f"{base}/lab/new?run={baseline}")
    submit_form(browser, {"branch_date": "2015-07-01"})
    WebDriverWait(browser, 30).until(lambda b: "/lab/jobs/job-" in b.current_url)
    check(wait_finished(browser, browser.current_url, args.limit) == "finished", "the unchanged branch did not finish")
    branch = browser.find_elements(By.CSS_SELECTOR, "main li a")[-1].text
    check(digest(os.path.join(args.runs, branch)) == digest(os.path.join(args.runs, baseline)),
          f"the unchanged branch {branch} does not end with the baseline's digest")
    # 5. A pasted broken scenario shows its error at its line.
    browser.get(f"{base}/lab/new?scenario=seed-article")
    text = open(os.path.join(os.path.dirname(__file__), "..", "scenarios", "seed-article.yaml")).read()
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if "coverage: 0.2" in line)
    lines[index] = lines[index].replace("coverage: 0.2", "coverage: 7")
    browser.find_element(By.CSS_SELECTOR, "details.paste summary").click()
    area = browser.find_element(By.ID, "yaml")
    browser.execute_script("arguments[0].value = arguments[1];", area, "\n".join(lines))
    browser.find_element(By.CSS_SELECTOR, "form.lab button[type=submit]").click()
    WebDriverWait(browser, 30).until(lambda b: "problem" in b.page_source)
    page = browser.page_source
    check(f"{index + 1}:" in page or f"line {index + 1}" in page,
          f"the pasted file's error is not shown at line {index + 1}")


def check_same_figures(compared, api):
    """Every figure `sclab compare --json` gives appears, equal, in the API's comparison."""
    flat_api = json.dumps(api)
    missing = []
    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{path}[{i}]")
        elif isinstance(value, float) and value == value:
            if json.dumps(value) not in flat_api:
                missing.append(f"{path} = {value}")
    walk(compared, "compare")
    check(not missing, f"figures of `sclab compare` not in the lab's comparison: {missing[:8]}")


if __name__ == "__main__":
    main()
