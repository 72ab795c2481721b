"""End to end: ``sitecompare app`` served on a free port and driven in headless Chromium.

Debian's ``/usr/bin/chromium`` through ``/usr/bin/chromedriver`` (``.ci/install-system-deps``
installs both; nothing downloads a browser or a driver). The test moves a weight slider with
the keyboard, waits for the rerun, reads the ranking off the page (the HTML table's text) and
checks it against ``sitecompare rank --weights <the sliders> --format json``; then downloads the
workbook and reads its What-if weights back. Screenshots of the page in English and Korean go
to ``/tmp/sitecompare-app-en.png`` and ``/tmp/sitecompare-app-ko.png``. Every wait is bounded;
the server's process group is killed at the end.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import SITECOMPARE, run_cli
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import sitecompare as sc

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
START_TIMEOUT = 90  # s for the server to answer its health check
WAIT = 60  # s for anything on the page
SHOTS = Path("/tmp")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(what: str, check: Callable[[], Any], timeout: float = WAIT, every: float = 0.2) -> Any:
    """Poll ``check`` until it returns something truthy; fail naming ``what`` after ``timeout``."""
    end = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < end:
        try:
            value = check()
            if value:
                return value
        except (StaleElementReferenceException, WebDriverException) as exc:  # a rerun replaced it
            last = exc
        time.sleep(every)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}" + (f" ({last})" if last else ""))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """``sitecompare app`` from an empty folder (so: the shipped study), on a free port."""
    for exe in (CHROMIUM, CHROMEDRIVER):
        if not exe.exists():
            pytest.fail(
                f"{exe} is missing: run ./.ci/install-system-deps (apt-get install chromium chromium-driver)"
            )
    folder = tmp_path_factory.mktemp("empty")
    port = free_port()
    log = folder.parent / "app-server.log"
    env = dict(os.environ)
    env.pop("SITECOMPARE_DEBUG", None)
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [str(SITECOMPARE), "app", "--port", str(port)],
            cwd=folder,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # its own process group: killed as one at the end
        )
    url = f"http://127.0.0.1:{port}"
    try:

        def healthy() -> bool:
            if proc.poll() is not None:
                pytest.fail(f"sitecompare app exited with {proc.returncode}:\n{log.read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    return r.read().strip() == b"ok"
            except OSError:
                return False

        wait_for("the server's health check", healthy, timeout=START_TIMEOUT, every=0.5)
        yield url, folder
    finally:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=15)
                break
            except subprocess.TimeoutExpired:
                continue
    assert list(folder.iterdir()) == []  # the page wrote nothing


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[webdriver.Chrome, Path]]:
    os.environ["SE_OFFLINE"] = "true"  # selenium must never try to fetch a browser or driver
    downloads = tmp_path_factory.mktemp("downloads")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1600,2000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    try:
        yield driver, downloads
    finally:
        driver.quit()


def table_state(driver: webdriver.Chrome) -> dict[str, Any] | None:
    """The ranking as the page shows it: rows of (site, rank, could rank, score, name) and
    the weights the table says it was ranked with; None while Streamlit is rerunning."""
    if driver.find_elements(By.CSS_SELECTOR, '[data-testid="stStatusWidget"]'):
        return None
    tables = driver.find_elements(By.CSS_SELECTOR, "table#sc-ranking")
    if not tables:
        return None
    table = tables[0]
    rows = []
    for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
        could = tr.find_element(By.CSS_SELECTOR, "td.sc-could").text.strip()
        lo, _, hi = could.partition("–")
        rows.append(
            {
                "site": tr.find_element(By.CSS_SELECTOR, "span.sc-id").text.strip(),
                "name": tr.find_element(By.CSS_SELECTOR, "span.sc-name").text.strip(),
                "rank": int(tr.find_element(By.CSS_SELECTOR, "td.sc-rank").text),
                "interval": [int(lo), int(hi or lo)],
                "score": float(tr.find_element(By.CSS_SELECTOR, "td.sc-score").text),
            }
        )
    return {
        "weights": table.get_attribute("data-weights"),
        "rows": rows,
        "header": table.find_element(By.TAG_NAME, "thead").text,
    }


def points_of(weights: str) -> dict[str, float]:
    return {k: float(v) for k, v in (p.split("=") for p in weights.split(","))}


def test_slider_ranking_equals_rank_cli_and_the_workbook_keeps_the_sliders(server, browser) -> None:
    url, folder = server
    driver, downloads = browser
    driver.get(url)
    # the zone-organisations weight: 10 -> 15 points lifts Daedeok past Gwangju
    slider = wait_for(
        "the Organisations in the zone slider",
        lambda: driver.find_element(By.CSS_SELECTOR, 'input[type="range"][aria-label="Organisations in the zone"]'),
    )
    first = wait_for("the ranking table", lambda: table_state(driver))
    assert points_of(first["weights"])["cluster"] == 10
    # move the slider with the keyboard on its focused thumb: 50 steps of 0.1 point
    driver.execute_script("arguments[0].focus();", slider)
    ActionChains(driver).send_keys(*([Keys.ARROW_RIGHT] * 50)).perform()
    value = wait_for(
        "the slider to move",
        lambda: float(slider.get_attribute("value")) == 15 and slider.get_attribute("value"),
    )

    def settled() -> dict[str, Any] | None:
        state = table_state(driver)
        if state and points_of(state["weights"])["cluster"] == float(value):
            time.sleep(0.5)  # and no later rerun replaces it
            again = table_state(driver)
            return again if again == state else None
        return None

    shown = wait_for("the rerun with the new weight", settled)
    # the sliders on screen are the weights the table was ranked with
    on_screen = {
        s.get_attribute("aria-label"): float(s.get_attribute("value"))
        for s in driver.find_elements(By.CSS_SELECTOR, 'input[type="range"]')
    }
    study = sc.load_study()
    labels = {c.id: c.label for c in study.criteria}
    assert {labels[k]: v for k, v in points_of(shown["weights"]).items()} == on_screen
    # the same ranking as the command line for the same weights, from the same folder
    res = run_cli("rank", "--weights", shown["weights"], "--format", "json", cwd=folder)
    assert res.returncode == 0, res.stderr
    cli = json.loads(res.stdout)["ranking"]
    assert [r["site"] for r in shown["rows"]] == [r["site"] for r in cli]
    assert [r["rank"] for r in shown["rows"]] == [r["rank"] for r in cli]
    assert [r["interval"] for r in shown["rows"]] == [r["rank_interval"] for r in cli]
    assert [r["score"] for r in shown["rows"]] == [round(r["score"], 4) for r in cli]
    assert [r["site"] for r in shown["rows"]] != [r["site"] for r in first["rows"]]  # it moved
    names = {s.id: s.name for s in study.sites}
    assert [r["name"] for r in shown["rows"]] == [names[r["site"]] for r in shown["rows"]]
    driver.save_screenshot(str(SHOTS / "sitecompare-app-en.png"))

    # the workbook for the weights on screen: its What-if weights are the sliders
    driver.find_element(By.CSS_SELECTOR, '[data-testid="stDownloadButton"] button').click()
    book = wait_for(
        "the downloaded workbook",
        lambda: next((p for p in downloads.iterdir() if p.suffix == ".xlsx"), None),
    )
    wait_for(
        "the download to finish", lambda: not list(downloads.glob("*.crdownload")) and book.stat().st_size > 0
    )
    assert book.name == "site-comparison.xlsx"
    assert sc.read_whatif_weights(book, study.criteria_set.ids) == points_of(shown["weights"])


def test_korean_page(server, browser) -> None:
    url, _ = server
    driver, _ = browser
    driver.get(f"{url}/?lang=ko")
    state = wait_for("the Korean ranking", lambda: (s := table_state(driver)) and "순위" in s["header"] and s)
    local = {s.id: s.name_local or s.name for s in sc.load_study().sites}
    assert [r["name"] for r in state["rows"]] == [local[r["site"]] for r in state["rows"]]
    wait_for(
        "the charts",
        lambda: (
            len(
                driver.find_elements(
                    By.CSS_SELECTOR,
                    '[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg',
                )
            )
            >= 2
        ),
    )
    time.sleep(1)  # the charts' transition
    driver.save_screenshot(str(SHOTS / "sitecompare-app-ko.png"))
