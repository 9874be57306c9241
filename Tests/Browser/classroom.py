"""The classroom page in real browsers: headless Chromium driven by Selenium through Debian's
chromedriver, against a running `sinergi serve` (or the test's in-process server).

    python Tests/Browser/classroom.py --base http://127.0.0.1:PORT/ [--screenshots DIR ...]

A lecturer runs 24 months at full speed (switching legacy migration on at month 12), asks for
200 futures, opens participation; two students join on two agencies and submit stances; the
lecturer steps; a reload reconnects; another browser does not take the session over; a page of
another origin cannot create, step or end a session. Every check of what the page shows is
made here and fails with what was awaited and the page's state. What the server recorded is
printed as one JSON object on the last line of standard output, for the caller to check
against the engine (ClassroomBrowserTests.swift). Exit status 0 when every check passed.
"""

import argparse
import json
import os
import sys
import time
import urllib.request
from urllib.parse import urljoin, urlsplit

from selenium.webdriver.common.by import By

from browsers import Browsers, CheckFailed, check, click, full_page_png, wait

# What the page draws at a moment, to tell that the charts and the network move.
SNAPSHOT = """
const d = (c, sel) => { const p = document.querySelector(`svg[data-chart=${c}] ${sel}`); return p ? p.getAttribute('d') : null; };
return {
  spbe: d('spbe', 'path.run'), trust: d('trust', 'path.trust'), progress: d('progress', 'path.initiative'),
  adoption: d('adoption', 'path.run'),
  spbePoints: +document.querySelector('svg[data-chart=spbe] path.run').dataset.points,
  nodes: [...document.querySelectorAll('#network circle.node')].map(c => c.getAttribute('r') + ' ' + c.getAttribute('fill')).join('|'),
  nodeCount: document.querySelectorAll('#network [data-agency] circle.node').length,
  month: +document.getElementById('month').dataset.month,
  value: document.getElementById('spbe-value').dataset.value };
"""

# The page's state, for the message of a wait that timed out.
DESCRIBE_LECTURER = """
return 'month ' + document.getElementById('month').dataset.month + ', go ' + document.getElementById('go').dataset.state
  + ', messages: ' + [...document.querySelectorAll('#messages .message')].map(m => m.textContent).join(' / ');
"""
DESCRIBE_STUDENT = """
return 'status: ' + document.getElementById('status').textContent + ' (month ' + document.getElementById('status').dataset.month
  + '); messages: ' + [...document.querySelectorAll('#messages .message')].map(m => m.textContent).join(' / ');
"""


class Screenshots:
    def __init__(self, folders):
        self.folders = folders
        for folder in folders:
            os.makedirs(folder, exist_ok=True)

    def save(self, name, png):
        check(png.startswith(b"\x89PNG"), f"{name} is a PNG")
        for folder in self.folders:
            with open(os.path.join(folder, name), "wb") as out:
                out.write(png)


def get_json(base, path):
    with urllib.request.urlopen(urljoin(base, path), timeout=30) as reply:
        return json.load(reply)


def get_text(base, path):
    with urllib.request.urlopen(urljoin(base, path), timeout=30) as reply:
        return reply.read().decode("utf-8")


def lecturer_and_students(base, browsers, shots):
    """The whole lesson; returns what the server recorded along the way."""
    recorded = {}
    lecturer = browsers.new()

    # 1. The lecturer's page loads, creates a session and draws month 0.
    lecturer.get(base)
    wait(lecturer, "the lecturer page to create a session and draw month 0", timeout=60, describe=DESCRIBE_LECTURER,
         until="""return document.body.dataset.ready === 'true' && document.getElementById('spbe-value').dataset.value !== ''
                  && document.querySelectorAll('#network circle.node').length > 0""")
    session = lecturer.execute_script("return document.getElementById('session-id').textContent")
    check(len(session) == 10, f"a 10-character session code, got {session!r}")
    check(lecturer.execute_script("return location.hash") == "#" + session, "the session code is in the address")
    constructs = lecturer.execute_script("return document.querySelectorAll('input[data-construct]').length")
    check(constructs == 9, f"nine construct sliders, got {constructs}")
    levers = lecturer.execute_script("return document.querySelectorAll('input[type=checkbox][data-lever]').length")
    check(levers == 14, f"fourteen lever switches, got {levers}")
    notes = lecturer.execute_script(
        """document.querySelector('[data-lever-row=training] .why').click();
           return document.getElementById('note-text').textContent + ' | ' + document.getElementById('note-source').textContent""")
    check(not notes.startswith("No lecture note"), f"the training lever has a lecture note: {notes}")

    # 2. Champion to 0.8 at month 0: Setup runs again at once.
    lecturer.execute_script(
        """const input = document.querySelector('input[data-construct=champion]');
           input.value = 0.8;
           input.dispatchEvent(new Event('input', {bubbles: true}));
           input.dispatchEvent(new Event('change', {bubbles: true}));""")
    wait(lecturer, "Setup to rerun after the champion slider moved", timeout=60, describe=DESCRIBE_LECTURER,
         until="return Number(document.body.dataset.setups || 0) >= 1")
    before = lecturer.execute_script(SNAPSHOT)
    check(before["month"] == 0 and before["spbePoints"] == 1, f"month 0 with one point: {before}")
    check(before["nodeCount"] == 7, f"one node per agency of Kota Contoh (7), got {before['nodeCount']}")

    # Training on from month 0 (a lever at month 0 is a setting).
    click(lecturer, "input[data-lever=training]")

    # 3. Go at full speed; a watcher switches legacy migration on when month 12 is drawn and
    #    presses Pause the moment month 24 is drawn.
    lecturer.execute_script(
        """const speed = document.getElementById('speed');
           speed.value = 24; speed.dispatchEvent(new Event('input', {bubbles: true}));
           const month = document.getElementById('month'), go = document.getElementById('go');
           new MutationObserver(() => {
             if (month.dataset.month === '12') {
               const lever = document.querySelector('input[data-lever=legacy_migration]');
               if (!lever.checked) lever.click();
             }
             if (month.dataset.month === '24' && go.dataset.state === 'running') go.click();
           }).observe(month, {attributes: true, attributeFilter: ['data-month']});
           go.click();""")
    wait(lecturer, "Go to reach month 24 and pause", timeout=120, interval=0.25, describe=DESCRIBE_LECTURER,
         until="""return document.getElementById('month').dataset.month === '24'
                  && document.getElementById('go').dataset.state === 'paused'""")
    after = lecturer.execute_script(SNAPSHOT)
    check(after["month"] == 24, f"month 24, got {after['month']}")
    check(after["spbePoints"] == 25, f"the SPBE chart has one point per month 0 … 24, got {after['spbePoints']}")
    for chart in ("spbe", "trust", "progress", "adoption"):
        check(after[chart] != before[chart], f"the {chart} chart moved between month 0 and 24")
    check(after["nodes"] != before["nodes"], "node colours or sizes change between month 0 and 24")
    frames = lecturer.execute_script("return Number(document.body.dataset.frames)") or 0
    check(frames >= 25, f"the page drew every month, {frames} frames")

    # 4. What the server holds at month 24, for the caller to replay in the engine.
    recorded["session"] = session
    recorded["shownAt24"] = after["value"]
    recorded["stateAt24"] = get_json(base, f"api/sessions/{session}")
    recorded["scenarioAt24"] = get_text(base, f"api/sessions/{session}/scenario.yaml")

    # 5. 200 futures: bands on the charts, the histogram and the predicate shares.
    click(lecturer, "#futures")
    wait(lecturer, "the futures histogram", timeout=180, interval=0.5, describe=DESCRIBE_LECTURER,
         until="""return !document.getElementById('histogram-box').hidden
                  && document.querySelectorAll('svg[data-chart=histogram] rect.bar').length > 0""")
    fans = lecturer.execute_script(
        "return document.querySelectorAll('svg[data-chart=spbe] path.fan, svg[data-chart=adoption] path.fan').length")
    check(fans >= 2, f"futures bands on the SPBE and adoption charts, got {fans}")
    bars = lecturer.execute_script(
        """return [...document.querySelectorAll('svg[data-chart=histogram] rect.bar')]
                  .reduce((s, b) => s + Number(b.dataset.count), 0)""")
    check(bars == 200, f"the histogram counts 200 futures, got {bars}")
    shares = lecturer.execute_script("return document.getElementById('futures-text').textContent")
    check("of 200 futures" in shares, f"predicate shares as text: {shares}")
    shots.save("classroom-lecturer.png", full_page_png(lecturer))
    lecturer.set_window_size(1400, 1000)

    # 6. Participation: two students join on two agencies and submit a stance.
    click(lecturer, "#participation")
    if lecturer.execute_script("return !document.getElementById('pending').hidden"):
        click(lecturer, "#setup")  # participation is a setting: it applies with Setup
    wait(lecturer, "the join card with the session code", timeout=60, describe=DESCRIBE_LECTURER,
         until="""return !document.getElementById('join-card').hidden
                  && document.getElementById('join-code').textContent.length === 10""")
    # The join link's QR code is drawn, and a server on loopback says students elsewhere cannot join.
    wait(lecturer, "the QR code of the join link", timeout=60, describe=DESCRIBE_LECTURER,
         until="""const img = document.querySelector('#join-qrs img');
                  return !!img && img.complete && img.naturalWidth > 0 && !document.getElementById('join-loopback').hidden""")
    shown = lecturer.execute_script("return document.getElementById('join-url').textContent")
    check(shown == urljoin(base, "join"), f"the join address {urljoin(base, 'join')} is shown, got {shown!r}")
    source = lecturer.execute_script("return document.querySelector('#join-qrs img').getAttribute('src')")
    check(source == f"/api/sessions/{session}/join.svg?link=0", f"the QR code of the first join link, got {source!r}")
    moves = lecturer.execute_script("return document.getElementById('download-moves').getAttribute('href')")
    check(moves == f"/api/sessions/{session}/moves.csv", f"the moves download of the session, got {moves!r}")
    month = int(lecturer.execute_script("return Number(document.getElementById('month').dataset.month)"))
    recorded["participationMonth"] = month
    students = [
        dict(name="Ani", agency=0, share=True, training=True, budget=False),
        dict(name="Budi", agency=2, share=False, training=False, budget=True),
    ]
    pages = []
    for student in students:
        page = browsers.new(width=480, height=900)
        pages.append(page)
        page.get(urljoin(base, f"join?code={session}"))
        wait(page, "the join form", timeout=60,
             until="return document.body.dataset.ready === 'true' && document.getElementById('agency').options.length > 0")
        code = page.execute_script("return document.getElementById('session-code').value")
        check(code == session, f"the join form is filled with the session code, got {code!r}")
        page.execute_script(
            """const agency = document.getElementById('agency');
               agency.value = String(arguments[0]); agency.dispatchEvent(new Event('change', {bubbles: true}));""",
            student["agency"])
        page.find_element(By.CSS_SELECTOR, "#name").send_keys(student["name"])
        click(page, "#join")
        wait(page, f"{student['name']} to join and see month {month}", timeout=60, describe=DESCRIBE_STUDENT,
             until=f"""return !document.getElementById('play-view').hidden
                       && document.getElementById('status').dataset.month === '{month}'""")
        click(page, "#share" if student["share"] else "#guard")
        if student["training"]:
            click(page, "#training")
        if student["budget"]:
            click(page, "#budget")
        click(page, "#submit")
        wait(page, f"{student['name']}'s stance to be accepted", timeout=60, describe=DESCRIBE_STUDENT,
             until="return document.getElementById('status').dataset.submitted === 'true'")
    shots.save("classroom-student.png", full_page_png(pages[0], width=480))

    wait(lecturer, "the lecturer's table to show both players' stances", timeout=60, describe=DESCRIBE_LECTURER,
         until="""const rows = document.querySelectorAll('#players tbody tr[data-agency]');
                  return rows.length === 2 && document.querySelectorAll('#players td.now [data-submitted=true]').length === 2""")
    table = lecturer.execute_script("return document.getElementById('players').textContent")
    for word in ("Ani", "Budi", "Diskominfo", "BPKAD"):
        check(word in table, f"the players' table names {word}: {table}")
    labels = lecturer.execute_script(
        "return [...document.querySelectorAll('#network text.players')].map(t => t.textContent).join(',')")
    check("Ani" in labels and "Budi" in labels, f"the network marks the played agencies: {labels}")
    lecturer.execute_script("document.getElementById('network').closest('section').scrollIntoView()")
    time.sleep(0.3)
    shots.save("classroom-participation.png", lecturer.get_screenshot_as_png())

    # 7. The lecturer steps: both students see the next month, their choices were applied.
    click(lecturer, "#step")
    for page, student in zip(pages, students):
        wait(page, f"{student['name']} to see month {month + 1}", timeout=60, describe=DESCRIBE_STUDENT,
             until=f"return document.getElementById('status').dataset.month === '{month + 1}'")
        reset = page.execute_script(
            "return document.getElementById('share').checked || document.getElementById('guard').checked")
        check(reset is False, f"{student['name']}'s choices reset for the new month")
    wait(lecturer, f"the choices of month {month} in the lecturer's table", timeout=60, describe=DESCRIBE_LECTURER,
         until=f"return document.querySelectorAll('#players td.past [data-month=\"{month}\"]').length === 2")
    applied = lecturer.execute_script(
        """return [...document.querySelectorAll('#players tbody tr[data-agency]')].map(r => r.dataset.agency + ':' +
             r.querySelector('td.past [data-month]').textContent).join(' / ')""")
    check(f"0:month {month}: sharetrainingno budget" in applied, f"Ani's stance applied: {applied}")
    check(f"2:month {month}: guardno trainingbudget" in applied, f"Budi's stance applied: {applied}")
    recorded["stateAfterStep"] = get_json(base, f"api/sessions/{session}")

    # 8. A reload reconnects to the same session through the code in location.hash.
    lecturer.execute_script("location.reload()")
    wait(lecturer, f"the reloaded page to reconnect to session {session} at month {month + 1}", timeout=60,
         describe=DESCRIBE_LECTURER,
         until=f"""return document.body.dataset.ready === 'true' && document.getElementById('session-id').textContent === '{session}'
                   && document.getElementById('month').dataset.month === '{month + 1}'
                   && document.querySelectorAll('#players tbody tr[data-agency]').length === 2""")
    # 8b. The same address in another browser does not take the session over: without the
    #     lecturer token it starts a session of its own.
    other = pages[1]
    other.get(base + f"#{session}")
    wait(other, f"another browser on /#{session} to start its own session", timeout=60, describe=DESCRIBE_LECTURER,
         until=f"""const id = document.getElementById('session-id').textContent;
                   return document.body.dataset.ready === 'true' && id.length === 10 && id !== '{session}'""")

    # 9. A page of another origin (localhost is not 127.0.0.1 to the browser) cannot create,
    #    step or end a session: the browser sends its origin, the server refuses.
    port = urlsplit(base).port
    foreign = pages[0]
    foreign.get(f"http://localhost:{port}/join")
    target = f"http://127.0.0.1:{port}/api/sessions"
    sent = foreign.execute_async_script(
        f"""const done = arguments[arguments.length - 1];
            const send = (method, path, body, type) => fetch('{target}' + path, {{method, body, mode: 'no-cors',
              headers: type ? {{'Content-Type': type}} : {{}}}}).then(r => 'sent', e => 'blocked');
            Promise.all([send('POST', '', '{{}}', 'text/plain'), send('POST', '/{session}/step', '{{"months": 1}}', 'text/plain'),
              send('DELETE', '/{session}'), send('POST', '', '{{}}', 'application/json')]).then(s => done(s.join(' ')));""")
    check(bool(sent), "the foreign page sent its requests")
    recorded["foreignRequests"] = sent
    recorded["healthAfterForeign"] = get_json(base, "health")
    recorded["stateAfterForeign"] = get_json(base, f"api/sessions/{session}")
    return recorded


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="the server's address, e.g. http://127.0.0.1:8080/")
    parser.add_argument("--screenshots", action="append", default=[], help="a folder for the PNGs (repeatable)")
    arguments = parser.parse_args()
    base = arguments.base if arguments.base.endswith("/") else arguments.base + "/"
    shots = Screenshots(arguments.screenshots)
    try:
        browsers = Browsers()
    except CheckFailed as error:
        print(f"classroom.py: {error}", file=sys.stderr)
        return 1
    try:
        recorded = lecturer_and_students(base, browsers, shots)
    except CheckFailed as error:
        print(f"classroom.py: {error}", file=sys.stderr)
        return 1
    finally:
        browsers.quit()
    print(json.dumps(recorded))
    return 0


if __name__ == "__main__":
    sys.exit(main())
