"""Both classroom pages in a browser whose language is Indonesian, then switched to English
and back: what the pages show at each step, for LanguageBrowserTests.swift to check.

    python Tests/Browser/language.py --base http://127.0.0.1:PORT/

Prints one JSON object on the last line of standard output: the texts read at each step.
Exit status 0 when every step could be carried out (the texts are checked by the caller).
"""

import argparse
import json
import sys
from urllib.parse import urljoin

from selenium.webdriver.common.by import By

from browsers import Browsers, CheckFailed, click, wait

READY = "return document.body.dataset.ready === 'true'"


def text(driver, element):
    return driver.execute_script(f"return document.getElementById('{element}').textContent.trim()")


def read(driver, *elements, **selectors):
    """The page's language, the texts of `elements` (by id) and of `selectors` (CSS)."""
    seen = {"lang": driver.execute_script("return document.documentElement.lang")}
    for element in elements:
        seen[element] = text(driver, element)
    for name, css in selectors.items():
        seen[name] = driver.execute_script(f"return document.querySelector('{css}').textContent")
    return seen


def indonesian_then_english(base, browsers):
    lecturer, join = base, urljoin(base, "join")
    page = browsers.new(language="id-ID")
    steps = {}

    # 1. The lecturer's page in Indonesian.
    page.get(lecturer)
    wait(page, "the lecturer page to start", timeout=60, until=READY)
    steps["lecturer"] = read(page, "run-title", "setup", "levers-title", "predicate", "session-id", "spbe-value",
                             training="label[for=lever-training]")
    steps["lecturer"]["navigatorLanguage"] = page.execute_script("return navigator.languages[0]")
    steps["lecturer"]["index"] = page.execute_script(
        "return Number(document.getElementById('spbe-value').dataset.value)")

    # 2. The switch turns it to English at once.
    click(page, "[data-language=en]")
    steps["lecturerEnglish"] = read(page, "run-title", "setup", "spbe-value", training="label[for=lever-training]")

    # 3. The join page remembers English; its switch turns it to Indonesian.
    page.get(join)
    wait(page, "the join page to start", timeout=30, until=READY)
    steps["joinEnglish"] = read(page, "heading")
    click(page, "[data-language=id]")
    steps["joinIndonesian"] = read(page, "heading", agency="label[for=agency]")

    # 4. Indonesian outlasts a reload, and a refusal of the server reads in Indonesian: the
    #    lecturer's session was set up without participation.
    page.get(join)
    wait(page, "the join page to start again", timeout=30, until=READY)
    steps["joinReloaded"] = read(page, "join")
    page.find_element(By.CSS_SELECTOR, "#session-code").send_keys(steps["lecturer"]["session-id"])
    page.find_element(By.CSS_SELECTOR, "#name").send_keys("Ani")
    click(page, "#join")
    wait(page, "the refusal of a session without participation", timeout=30,
         until="return document.querySelectorAll('#messages .message').length > 0")
    steps["refusal"] = read(page, message="#messages .message .text")

    # 5. Back on the lecturer's page the choice holds.
    page.get(lecturer)
    wait(page, "the lecturer page to start again", timeout=60, until=READY)
    steps["lecturerAgain"] = read(page, "run-title")
    return steps


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the server's address, e.g. http://127.0.0.1:8080/")
    base = parser.parse_args().base
    base = base if base.endswith("/") else base + "/"
    browsers = None
    try:
        browsers = Browsers()
        steps = indonesian_then_english(base, browsers)
    except CheckFailed as error:
        print(f"language.py: {error}", file=sys.stderr)
        return 1
    finally:
        if browsers:
            browsers.quit()
    print(json.dumps(steps))
    return 0


if __name__ == "__main__":
    sys.exit(main())
