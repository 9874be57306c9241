"""Headless Chromium driven by Selenium through Debian's chromedriver, for the browser
tests of the classroom pages (classroom.py, language.py)."""

import shutil
import time

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def executable(*names):
    for name in names:
        found = shutil.which(name) or shutil.which(name, path="/usr/local/bin:/usr/bin:/bin")
        if found:
            return found
    raise CheckFailed(
        f"{names[0]} is not installed; `make test` installs chromium and chromium-driver "
        "(apt-get install chromium chromium-driver)")


class Browsers:
    """Every browser the run opens: a headless Chromium, each behind its own chromedriver."""

    def __init__(self):
        self.chromium = executable("chromium", "chromium-browser")
        self.chromedriver = executable("chromedriver")
        self.open = []

    def new(self, width=1400, height=1000, language=None):
        """A new browser window; `language` (e.g. "id-ID") sets the browser's language and
        the languages it asks for, as a laptop set up in that language does."""
        options = webdriver.ChromeOptions()
        options.binary_location = self.chromium
        for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--no-first-run", "--hide-scrollbars", f"--window-size={width},{height}"):
            options.add_argument(argument)
        if language:
            options.add_argument(f"--lang={language}")
            options.add_experimental_option(
                "prefs", {"intl.accept_languages": f"{language},{language.split('-')[0]}"})
        service = Service(executable_path=self.chromedriver, service_args=["--log-level=SEVERE"])
        driver = webdriver.Chrome(service=service, options=options)
        driver.set_script_timeout(60)
        self.open.append(driver)
        return driver

    def quit(self):
        for driver in self.open:
            try:
                driver.quit()
            except Exception:
                pass


def wait(driver, what, until, timeout, interval=0.2, describe=None):
    """Polls the script `until` (a function body) until it returns true; fails after `timeout`
    seconds naming what was awaited and the page's state."""
    try:
        WebDriverWait(driver, timeout, poll_frequency=interval, ignored_exceptions=(Exception,)).until(
            lambda d: d.execute_script(until) is True)
    except TimeoutException:
        state = ""
        if describe:
            try:
                state = f" Page state: {driver.execute_script(describe)}."
            except Exception as error:
                state = f" (the page's state could not be read: {error})"
        raise CheckFailed(f"timed out after {timeout} s waiting for {what}.{state}") from None


def click(driver, css):
    driver.find_element(By.CSS_SELECTOR, css).click()


def full_page_png(driver, width=1400, maximum_height=6000):
    height = driver.execute_script("window.scrollTo(0, 0); return Math.ceil(document.documentElement.scrollHeight)")
    driver.set_window_size(width, min(maximum_height, int(height or 1000) + 140))
    time.sleep(0.4)
    return driver.get_screenshot_as_png()
