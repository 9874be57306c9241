// Sinergi classroom: the lecturer's page. A client of the JSON API in docs/classroom-api.md.
"use strict";
(function () {
  const C = window.SinergiCharts, Net = window.SinergiNetwork, I18n = window.SinergiI18n, t = I18n.t;
  const $ = (id) => document.getElementById(id);

  const page = {
    scenario: null,     // GET /api/scenario
    id: null,           // session id (also in location.hash)
    token: null,        // lecturer token of the session (also in sessionStorage, never in the URL)
    state: null,        // last STATE (without frames)
    frames: [],         // every frame of the session, index = month
    settings: {},       // SETTINGS the next Setup sends
    pending: false,     // settings changed after month 0, not yet applied
    running: false,     // Go loop active
    gov: 0,             // government shown
    futures: null,      // last FUTURES answer
    joinLinks: null,    // GET /api/sessions/{id}/join: where students join, best address first
    joinLinksFor: null, // the session whose join links were asked for
    futuresMonth: null, // month at which the futures were asked for
    selectedLever: null,
    rendered: 0,
  };

  // ---------- messages (never alert()) ----------
  function message(text, detail, kind) {
    const box = document.createElement("div");
    box.className = "message" + (kind === "info" ? " info" : "");
    box.setAttribute("role", kind === "info" ? "status" : "alert");
    const body = document.createElement("div");
    body.className = "text";
    body.textContent = text;
    if (detail) { const small = document.createElement("small"); small.textContent = detail; body.appendChild(small); }
    const close = document.createElement("button");
    close.type = "button"; close.textContent = "×"; close.setAttribute("aria-label", t("common.dismiss"));
    close.onclick = () => box.remove();
    box.append(body, close);
    const list = $("messages");
    list.appendChild(box);
    while (list.children.length > 3) list.firstChild.remove();
    setTimeout(() => box.remove(), kind === "info" ? 5000 : 12000);
  }

  // ---------- API ----------
  /** sessionStorage key of a session's lecturer token (this tab only; a reload keeps it). */
  const TOKEN_KEY = "sinergi-lecturer-";
  class ApiError extends Error {
    constructor(status, body) {
      const said = I18n.errorText(body);
      super(said.text || `HTTP ${status}`);
      this.status = status; this.expected = body && body.expected; this.generic = said.generic;
    }
  }
  let chain = Promise.resolve();
  /** Requests run one after the other, so a step never overlaps a setup or a poll. */
  function api(method, path, body) {
    const run = async () => {
      const headers = body === undefined ? {} : { "Content-Type": "application/json" };
      // The lecturer's requests carry the token only this page holds.
      if (page.token && path.startsWith(`/api/sessions/${page.id}`)) headers.Authorization = `Bearer ${page.token}`;
      const response = await fetch(path, {
        method, headers,
        body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store",
      });
      if (response.status === 204) return null;
      const text = await response.text();
      let json = null;
      try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: text.slice(0, 200) }; }
      if (!response.ok) throw new ApiError(response.status, json);
      return json;
    };
    const result = chain.then(run, run);
    chain = result.catch(() => {});
    return result;
  }
  function report(error, what) {
    if (error instanceof ApiError) {
      // The server's `expected` is English: beside a translated sentence only in English.
      const showExpected = error.expected && (I18n.language === "en" || error.generic);
      message(`${what}: ${error.message}`, showExpected ? t("report.expected", { expected: error.expected }) : null);
    } else {
      message(t("report.noAnswer", { what, detail: error.message || error }), t("report.stillRunning"));
    }
  }

  // ---------- helpers ----------
  const predicates = () => page.scenario.predicates;
  const months = () => (page.state ? page.state.months : page.scenario.months);
  const month = () => (page.state ? page.state.month : 0);
  function dateOf(m) {
    const s = page.scenario.start || { year: 2018, month: 1 };
    const k = s.month - 1 + m;
    return `${s.year + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
  }
  function longDate(m) {
    const [y, mm] = dateOf(m).split("-");
    return `${t("date.monthsShort").split(" ")[+mm - 1]} ${y}`;
  }
  const government = () => page.scenario.governments[page.gov];
  const govFrame = (f) => f && f.governments[page.gov];
  const num = I18n.num;
  const percent = (v, digits) => num(100 * v, digits === undefined ? 0 : digits) + "%";

  // ---------- controls ----------
  function buildConstructs() {
    const box = $("constructs");
    box.replaceChildren();
    for (const c of page.scenario.constructs) {
      const row = document.createElement("div");
      row.className = "construct";
      const id = "construct-" + c.key;
      row.innerHTML = `<div class="head"><label class="name" for="${id}"></label><output for="${id}"></output></div>` +
        `<input type="range" id="${id}">`;
      const label = row.querySelector("label");
      label.textContent = I18n.local(c, "label");
      if (c.help || c.source) {
        const help = document.createElement("span");
        help.className = "help"; help.tabIndex = 0; help.textContent = "?";
        const tip = document.createElement("span");
        tip.className = "tip";
        const source = I18n.local(c, "source");
        tip.textContent = (I18n.local(c, "help") || "") + (source ? " " + t("constructs.source", { source }) : "");
        help.appendChild(tip);
        label.appendChild(help);
      }
      const input = row.querySelector("input");
      Object.assign(input, { min: c.min, max: c.max, step: c.step || 0.01 });
      input.dataset.construct = c.key;
      const current = page.settings.constructs && page.settings.constructs[c.key];
      input.value = current !== undefined ? current : c.value;
      const output = row.querySelector("output");
      const show = () => {
        output.textContent = num(input.value, 2);
        row.classList.toggle("moved", Math.abs(Number(input.value) - c.value) > 1e-9);
      };
      show();
      let timer = null;
      input.addEventListener("input", () => {
        show();
        clearTimeout(timer);
        timer = setTimeout(() => constructChanged(c, input), 250);
      });
      input.addEventListener("change", () => { clearTimeout(timer); constructChanged(c, input); });
      box.appendChild(row);
    }
  }

  let setupWanted = false, setupRunning = false;
  function constructChanged(c, input) {
    const value = Number(input.value);
    page.settings.constructs = page.settings.constructs || {};
    if (Math.abs(value - c.value) < 1e-12) delete page.settings.constructs[c.key];
    else page.settings.constructs[c.key] = value;
    settingsChanged();
  }
  /** At month 0 a change re-runs Setup at once; later it waits for the Setup button. */
  function settingsChanged() {
    if (month() === 0 && !page.running) requestSetup();
    else { page.pending = true; renderPending(); }
  }
  async function requestSetup() {
    setupWanted = true;
    if (setupRunning) return;
    setupRunning = true;
    try {
      while (setupWanted) { setupWanted = false; await setup(); }
    } finally { setupRunning = false; }
  }

  function buildLevers() {
    const box = $("levers");
    box.replaceChildren();
    for (const lever of page.scenario.levers) {
      const row = document.createElement("div");
      row.className = "lever";
      row.dataset.leverRow = lever.key;
      const id = "lever-" + lever.key;
      row.innerHTML = `<label class="switch" data-i18n-title="levers.switchTitle"><input type="checkbox" id="${id}"><span></span></label>` +
        `<label class="name" for="${id}"></label>` +
        `<button type="button" class="btn small why" data-i18n-aria-label="levers.whyLabel" data-i18n="levers.why"></button>` +
        `<div class="detail"><span class="level"></span>` +
        `<input type="range" min="0" max="1" step="0.05" data-i18n-aria-label="levers.intensity" data-i18n-title="levers.intensity">` +
        `<span class="intensity"></span></div>`;
      I18n.apply(row);
      row.querySelector("label.name").textContent = I18n.local(lever, "label");
      row.querySelector(".level").textContent = lever.level === "agency" ? t("levers.levelAgency") : lever.level === "government" ? t("levers.levelGovernment") : (lever.level || "");
      const toggle = row.querySelector("input[type=checkbox]");
      toggle.dataset.lever = lever.key;
      const slider = row.querySelector("input[type=range]");
      slider.dataset.leverIntensity = lever.key;
      const on = page.settings.levers && page.settings.levers[lever.key];
      slider.value = on ? on.intensity : lever.defaultIntensity;
      toggle.checked = !!on;
      row.classList.toggle("on", !!on);
      const intensity = row.querySelector(".intensity");
      const show = () => { intensity.textContent = num(slider.value, 2); };
      show();
      toggle.addEventListener("change", () => { selectLever(lever.key); leverChanged(lever, toggle, slider); });
      slider.addEventListener("input", show);
      slider.addEventListener("change", () => { selectLever(lever.key); if (toggle.checked) leverChanged(lever, toggle, slider); });
      row.querySelector(".why").addEventListener("click", () => selectLever(lever.key));
      box.appendChild(row);
    }
  }
  function selectLever(key) {
    const lever = page.scenario.levers.find((l) => l.key === key);
    if (!lever) return;
    page.selectedLever = key;
    for (const row of document.querySelectorAll(".lever")) row.classList.toggle("selected", row.dataset.leverRow === key);
    $("note-title").textContent = I18n.local(lever, "label");
    $("note-text").textContent = I18n.local(lever, "note") || t("levers.noNote");
    const source = I18n.local(lever, "source");
    $("note-source").textContent = source ? t("levers.source", { source }) : "";
  }
  async function leverChanged(lever, toggle, slider) {
    const on = toggle.checked, intensity = Number(slider.value);
    toggle.closest(".lever").classList.toggle("on", on);
    page.settings.levers = page.settings.levers || {};
    if (on) page.settings.levers[lever.key] = { intensity };
    else delete page.settings.levers[lever.key];
    if (!page.id) return;
    try {
      const state = await api("POST", `/api/sessions/${page.id}/lever`, { lever: lever.key, on, intensity });
      applyState(state);
    } catch (e) { report(e, t("what.lever", { label: I18n.local(lever, "label") })); }
  }

  // ---------- session ----------
  function currentSettings() {
    // The seed as text: a 64-bit seed loses digits as a JavaScript number.
    const seedText = $("seed").value.trim();
    const s = { seed: /^[0-9]{1,20}$/.test(seedText) ? seedText : "0", participation: $("participation").checked };
    if (page.settings.constructs && Object.keys(page.settings.constructs).length) s.constructs = page.settings.constructs;
    if (page.settings.levers && Object.keys(page.settings.levers).length) s.levers = page.settings.levers;
    return s;
  }
  async function createSession() {
    const answer = await api("POST", "/api/sessions", { settings: currentSettings() });
    page.id = answer.id;
    page.token = answer.lecturerToken;
    try { sessionStorage.setItem(TOKEN_KEY + answer.id, answer.lecturerToken); } catch (e) { /* the page keeps it in memory */ }
    history.replaceState(null, "", "#" + answer.id);
    page.frames = [];
    page.futures = null;
    applyState(answer.state);
  }
  async function connect() {
    const wanted = location.hash.replace(/^#/, "").trim().toUpperCase();
    let token = null;
    try { token = wanted ? sessionStorage.getItem(TOKEN_KEY + wanted) : null; } catch (e) { token = null; }
    if (wanted && !token) {
      message(t("session.notHere", { id: wanted }), null, "info");
    } else if (wanted) {
      try {
        const state = await api("GET", `/api/sessions/${wanted}`);
        page.id = wanted;
        page.token = token;
        page.frames = [];
        adoptSettings(state.settings || {});
        applyState(state);
        return;
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404)) throw e;
        message(t("session.gone", { id: wanted }), null, "info");
      }
    }
    await createSession();
  }
  /** Puts a reconnected session's settings back into the controls. */
  function adoptSettings(settings) {
    page.settings = { constructs: Object.assign({}, settings.constructs || {}), levers: Object.assign({}, settings.levers || {}) };
    if (settings.seed !== undefined) $("seed").value = settings.seed;
    $("participation").checked = !!settings.participation;
    buildConstructs();
    buildLevers();
  }
  async function setup() {
    try {
      const state = await api("POST", `/api/sessions/${page.id}/setup`, { settings: currentSettings() });
      page.frames = [];
      page.futures = null;
      page.pending = false;
      applyState(state);
      document.body.dataset.setups = String(Number(document.body.dataset.setups || 0) + 1);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) { message(t("session.expired"), null, "info"); await createSession(); }
      else report(e, t("what.setup"));
    }
  }
  async function step() {
    try {
      const answer = await api("POST", `/api/sessions/${page.id}/step`, { months: 1 });
      for (const f of answer.frames) page.frames[f.month] = f;
      applyState(answer.state);
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) { applyState(Object.assign({}, page.state, { finished: true })); message(e.message, null, "info"); }
      else report(e, t("what.step"));
      return false;
    }
  }
  function applyState(state) {
    if (!state) return;
    if (state.frames) {
      if (state.frames.length && state.frames[0].month === 0) page.frames = [];
      for (const f of state.frames) page.frames[f.month] = f;
    }
    page.frames.length = Math.min(page.frames.length, state.month + 1);
    const copy = Object.assign({}, state);
    delete copy.frames;
    page.state = copy;
    render();
  }

  // ---------- Go / Pause ----------
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  async function go() {
    if (page.running) { page.running = false; renderButtons(); return; }
    if (page.state.finished || month() >= months()) { message(t("run.atHorizon"), null, "info"); return; }
    page.running = true;
    renderButtons();
    while (page.running && month() < months()) {
      const started = performance.now();
      if (!(await step())) break;
      const wait = 1000 / Number($("speed").value) - (performance.now() - started);
      if (wait > 0) await sleep(wait);
    }
    page.running = false;
    renderButtons();
  }

  // ---------- futures ----------
  async function runFutures() {
    $("futures").disabled = true;
    $("futures-status").textContent = t("run.futuresRunning", { count: 200 });
    try {
      const asked = month();
      page.futures = await api("POST", `/api/sessions/${page.id}/futures`, { count: 200 });
      page.futuresMonth = asked;
      render();
    } catch (e) { report(e, t("what.futures")); }
    $("futures").disabled = false;
    $("futures-status").textContent = "";
  }

  // ---------- participation ----------
  let polling = false;
  async function poll() {
    if (polling || page.running || !page.id) return;
    polling = true;
    try {
      const state = await api("GET", `/api/sessions/${page.id}?since=${month()}`);
      if (state.month < month()) { page.frames = []; const full = await api("GET", `/api/sessions/${page.id}`); applyState(full); }
      else applyState(state);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) { message(t("session.expired"), null, "info"); await createSession(); }
    } finally { polling = false; }
  }

  // ---------- rendering ----------
  function renderButtons() {
    const go = $("go");
    go.textContent = page.running ? t("run.pause") : t("run.go");
    go.dataset.state = page.running ? "running" : "paused";
    go.classList.toggle("go-running", page.running);
    go.classList.toggle("primary", !page.running);
    const done = !page.state || month() >= months();
    $("step").disabled = page.running || done;
    go.disabled = !page.running && done;
    $("setup").disabled = page.running;
  }
  function renderPending() {
    $("pending").hidden = !(page.pending || (page.state && page.state.pendingSetup));
  }
  function series(key) { return page.frames.map((f) => (f ? govFrame(f)[key] : null)); }

  function render() {
    if (!page.state) return;
    renderButtons();
    renderPending();
    $("session-id").textContent = page.id;
    $("download").href = `/api/sessions/${page.id}/scenario.yaml`;
    $("download").setAttribute("download", `classroom-${page.id}.yaml`);
    $("download-timeseries").href = `/api/sessions/${page.id}/timeseries.csv`;
    $("download-timeseries").setAttribute("download", `classroom-${page.id}-timeseries.csv`);
    $("download-moves").href = `/api/sessions/${page.id}/moves.csv`;
    $("download-moves").setAttribute("download", `classroom-${page.id}-moves.csv`);
    const m = month(), frame = page.frames[m], g = govFrame(frame);
    $("month").textContent = String(m);
    $("month").dataset.month = m;
    $("date").textContent = t("readout.dateOf", { date: longDate(m), months: months() });
    if (g) {
      const v = $("spbe-value");
      v.textContent = num(g.spbe, 3);
      v.dataset.value = String(g.spbe);
      const chip = $("predicate");
      chip.textContent = g.predicate;
      chip.style.background = C.predicateColours[g.predicate] || "#777";
      chip.style.color = C.predicateText[g.predicate] || "#fff";
      const launched = g.initiatives.filter((i) => i.status !== "active").length;
      $("initiative-summary").textContent = t("readout.launched", { launched, total: g.initiatives.length });
    }
    renderCharts();
    renderNetwork();
    renderFutures();
    renderPlayers();
    page.rendered++;
    document.body.dataset.frames = String(page.rendered);
    document.body.dataset.month = String(m);
  }

  function legend(id, items) {
    const box = $(id);
    box.replaceChildren();
    for (const item of items) {
      const span = document.createElement("span");
      const swatch = document.createElement("i");
      swatch.style.background = item.colour;
      if (item.fan) swatch.className = "fan";
      if (item.dash) swatch.style.background = `repeating-linear-gradient(90deg, ${item.colour} 0 6px, transparent 6px 10px)`;
      span.append(swatch, item.label);
      box.appendChild(span);
    }
  }

  function renderCharts() {
    const M = months(), fut = page.futures && page.futures.governments[page.gov];
    const bands = C.predicateBands(predicates(), 5).map((b) => Object.assign(b, { colour: C.predicateColours[b.name] || "#777" }));
    const spbeFans = [], adoptionFans = [];
    const spbeItems = [{ label: t("chart.thisRun"), colour: C.colours.text }];
    const adoptionItems = [{ label: t("chart.thisRun"), colour: C.colours.green }];
    if (fut && fut.bands) {
      const s = fut.bands.spbe, a = fut.bands.adoption;
      if (s.p5 && s.p95) spbeFans.push({ lower: s.p5, upper: s.p95, colour: C.colours.blue, opacity: 0.16, className: "fan fan-outer" });
      if (s.p25 && s.p75) spbeFans.push({ lower: s.p25, upper: s.p75, colour: C.colours.blue, opacity: 0.22, className: "fan fan-inner" });
      if (a.p5 && a.p95) adoptionFans.push({ lower: a.p5, upper: a.p95, colour: C.colours.green, opacity: 0.16, className: "fan fan-outer" });
      if (a.p25 && a.p75) adoptionFans.push({ lower: a.p25, upper: a.p75, colour: C.colours.green, opacity: 0.22, className: "fan fan-inner" });
      spbeItems.push({ label: s.p25 ? t("chart.fanBoth") : t("chart.fanOuter"), colour: C.colours.blue, fan: true },
        { label: t("chart.futuresMedian"), colour: C.colours.blue, dash: true });
      adoptionItems.push({ label: t("chart.fanOuter"), colour: C.colours.green, fan: true }, { label: t("chart.futuresMedian"), colour: C.colours.green, dash: true });
    }
    legend("legend-spbe", spbeItems);
    const spbeSeries = [];
    if (fut && fut.bands && fut.bands.spbe.p50) spbeSeries.push({ values: fut.bands.spbe.p50, colour: C.colours.blue, width: 2, dash: "6 5", className: "median", dot: false, label: t("chart.futuresMedian") });
    spbeSeries.push({ values: series("spbe"), colour: C.colours.text, width: 3.5, className: "run", label: t("chart.thisRun") });
    C.timeChart($("chart-spbe"), {
      width: 560, height: 310, months: M, yDomain: [1, 5], yTicks: [1, 2, 3, 4, 5], yFormat: (v) => v.toFixed(0),
      yTitle: t("chart.spbe"), bands, fans: spbeFans, series: spbeSeries, date: dateOf, title: t("chart.spbeTitle"),
    });

    legend("legend-trust", [{ label: t("chart.trustSeries"), colour: C.colours.blue }, { label: t("chart.commitmentSeries"), colour: C.colours.orange }]);
    C.timeChart($("chart-trust"), {
      width: 560, height: 310, months: M, yDomain: [0, 1], yTicks: [0, 0.25, 0.5, 0.75, 1], yFormat: (v) => num(v, 2),
      yTitle: t("chart.trustAxis"), title: t("chart.trustTitle"),
      series: [
        { values: series("meanTrust"), colour: C.colours.blue, className: "run trust", label: t("chart.trustSeries") },
        { values: series("meanCommitment"), colour: C.colours.orange, className: "run commitment", label: t("chart.commitmentSeries") },
      ], date: dateOf,
    });

    const inits = government().initiatives;
    const g = govFrame(page.frames[month()]);
    const statusText = (k) => {
      const st = g && g.initiatives[k] ? g.initiatives[k].status : "active";
      return st === "active" ? "" : ` — ${statusName(st)}`;
    };
    legend("legend-progress", inits.map((init, k) => ({ label: init.name + statusText(k), colour: C.categorical[k % C.categorical.length] })));
    const thresholds = [...new Set(inits.map((i) => i.launchThreshold))];
    C.timeChart($("chart-progress"), {
      width: 560, height: 310, months: M, yDomain: [0, 1], yTicks: [0, 0.25, 0.5, 0.75, 1], yFormat: (v) => percent(v),
      yTitle: t("chart.progressAxis"), title: t("chart.progressTitle"),
      references: thresholds.map((v) => ({ value: v, label: thresholds.length > 1 ? t("chart.launchAt", { p: percent(v) }) : t("chart.launchThreshold") })),
      series: inits.map((init, k) => ({
        values: page.frames.map((f) => (f ? govFrame(f).initiatives[k].progress : null)),
        colour: C.categorical[k % C.categorical.length], className: "run initiative", label: init.name,
        endLabel: g && g.initiatives[k] && g.initiatives[k].status !== "active" ? statusName(g.initiatives[k].status) : null,
      })), date: dateOf,
    });

    legend("legend-adoption", adoptionItems);
    const adoption = series("adoption");
    let top = 0;
    for (const v of adoption) if (v > top) top = v;
    if (fut && fut.bands && fut.bands.adoption.p95) for (const v of fut.bands.adoption.p95) if (v > top) top = v;
    const yMax = niceTop(Math.max(top * 1.15, 0.01));
    const adoptionSeries = [];
    if (fut && fut.bands && fut.bands.adoption.p50) adoptionSeries.push({ values: fut.bands.adoption.p50, colour: C.colours.green, width: 2, dash: "6 5", className: "median", dot: false });
    adoptionSeries.push({ values: adoption, colour: C.colours.green, width: 3.5, className: "run", label: t("chart.thisRun") });
    C.timeChart($("chart-adoption"), {
      width: 560, height: 310, months: M, yDomain: [0, yMax], yTicks: [0, yMax / 4, yMax / 2, 3 * yMax / 4, yMax],
      yFormat: (v) => percent(v, yMax < 0.04 ? 1 : 0), yTitle: t("chart.adoptionAxis"), title: t("chart.adoptionTitle"),
      fans: adoptionFans, series: adoptionSeries, date: dateOf,
    });
  }
  /** An initiative status of the API (active, launched, integrated) in the page's language. */
  function statusName(status) {
    const names = { active: t("status.active"), launched: t("status.launched"), integrated: t("status.integrated") };
    return names[status] || status;
  }
  function niceTop(v) {
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const k of [1, 2, 2.5, 4, 5, 10]) if (k * p >= v) return k * p;
    return 10 * p;
  }

  function playerNames() {
    const names = [];
    for (const p of (page.state && page.state.players) || []) {
      if (p.government !== page.gov) continue;
      (names[p.agency] = names[p.agency] || []).push(p.name);
    }
    return names;
  }
  function renderNetwork() {
    const g = govFrame(page.frames[month()]);
    Net.draw($("network"), government(), g ? g.agencies : null, playerNames());
    $("network-caption").textContent = g ? t("network.caption", { month: month(), date: longDate(month()) }) : "";
  }

  function renderFutures() {
    const fut = page.futures && page.futures.governments[page.gov];
    $("histogram-box").hidden = !fut;
    $("futures-text").hidden = !fut;
    if (!fut) return;
    const bands = C.predicateBands(predicates(), 5).map((b) => Object.assign(b, { colour: C.predicateColours[b.name] || "#777" }));
    const g = govFrame(page.frames[month()]);
    const finished = month() >= months();
    const markers = [];
    if (g) markers.push({ value: g.spbe, colour: C.colours.text, label: finished ? t("futures.thisRun", { value: num(g.spbe, 3) }) : t("futures.thisRunAt", { month: month(), value: num(g.spbe, 3) }) });
    markers.push({ value: fut.finalSpbe.p50, colour: C.colours.blue, label: t("futures.median", { value: num(fut.finalSpbe.p50, 2) }) });
    C.histogram($("chart-histogram"), {
      width: 1000, height: 260, histogram: fut.finalSpbe.histogram, domain: [1, 5], bands, markers, xFormat: (v) => num(v, 1),
      xTitle: t("futures.axis", { month: months(), date: longDate(months()) }), title: t("futures.chartTitle"),
    });
    const count = page.futures.count;
    $("histogram-caption").textContent = t("futures.caption", { count, month: page.futuresMonth, seed: page.futures.seed });
    const shares = Object.entries(fut.predicateShares).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    const name = government().name;
    const text = $("futures-text");
    text.replaceChildren();
    if (shares.length) {
      const strong = document.createElement("strong");
      strong.textContent = t("futures.lead", { share: percent(shares[0][1]), count, name, predicate: shares[0][0] });
      text.appendChild(strong);
      const rest = shares.slice(1).map(([k, v]) => `${percent(v)} ${k}`);
      text.append((rest.length ? ", " + rest.join(", ") : "") +
        t("futures.summary", { median: num(fut.finalSpbe.p50, 2), low: num(fut.finalSpbe.p5, 2), high: num(fut.finalSpbe.p95, 2) }));
    }
  }

  function stanceTags(stance) {
    const wrap = document.createElement("span");
    wrap.className = "stance";
    const item = (value, yes, no) => {
      const tag = document.createElement("span");
      tag.className = "tag " + (value === true ? "yes" : value === false ? "no" : "model");
      tag.textContent = value === true ? yes : value === false ? no : yes + "?";
      if (value !== true && value !== false) tag.title = t("stance.undecided");
      wrap.appendChild(tag);
    };
    item(stance.shareData, t("stance.share"), t("stance.guard"));
    item(stance.training, t("stance.training"), t("stance.noTraining"));
    item(stance.commitBudget, t("stance.budget"), t("stance.noBudget"));
    return wrap;
  }
  /**
   * The join links of the session: the machine's network addresses (not 0.0.0.0 or
   * 127.0.0.1 when the server listens on every network), each with its QR code, and a
   * warning when students on other machines cannot join. Asked once per session.
   */
  function renderJoinLinks(on) {
    const links = page.joinLinks;
    $("join-url").textContent = links && links.code === page.id
      ? links.urls[0].replace(/\?code=.*$/, "") : `${location.protocol}//${location.host}/join`;
    if (!on || page.joinLinksFor === page.id) return;
    page.joinLinksFor = page.id;
    api("GET", `/api/sessions/${page.id}/join`).then((answer) => {
      page.joinLinks = answer;
      $("join-url").textContent = answer.urls[0].replace(/\?code=.*$/, "");
      $("join-loopback").hidden = answer.reach !== "thisMachineOnly";
      $("join-nonetwork").hidden = answer.reach !== "noNetwork";
      const box = $("join-qrs");
      box.replaceChildren();
      answer.urls.forEach((url, i) => {
        const figure = document.createElement("figure");
        const img = document.createElement("img");
        img.src = `/api/sessions/${answer.code}/join.svg?link=${i}`;
        img.alt = url;
        const caption = document.createElement("figcaption");
        caption.textContent = url.replace(/^http:\/\//, "");
        figure.append(img, caption);
        box.appendChild(figure);
      });
    }).catch((error) => { page.joinLinksFor = null; report(error, t("what.joinLinks")); });
  }
  function renderPlayers() {
    const state = page.state;
    // The switch shows what the next Setup sends; the join card what the session allows now.
    const on = !!(state.settings && state.settings.participation);
    $("join-card").hidden = !on;
    $("join-code").textContent = page.id || "";
    renderJoinLinks(on);
    const body = $("players").tBodies[0];
    body.replaceChildren();
    const groups = new Map();
    for (const p of state.players || []) {
      const key = `${p.government}:${p.agency}`;
      if (!groups.has(key)) groups.set(key, { government: p.government, agency: p.agency, players: [] });
      groups.get(key).players.push(p);
    }
    if (!groups.size) {
      body.innerHTML = `<tr class="empty"><td colspan="4" class="muted" data-i18n="players.none"></td></tr>`;
      I18n.apply(body);
      return;
    }
    const sorted = [...groups.values()].sort((a, b) => a.government - b.government || a.agency - b.agency);
    for (const group of sorted) {
      const gov = page.scenario.governments[group.government];
      const tr = document.createElement("tr");
      tr.dataset.government = group.government;
      tr.dataset.agency = group.agency;
      const agency = document.createElement("th");
      agency.textContent = gov.agencies[group.agency].name + (page.scenario.governments.length > 1 ? ` (${gov.name})` : "");
      const names = document.createElement("td");
      names.textContent = group.players.map((p) => p.name).join(", ");
      const now = document.createElement("td");
      now.className = "now";
      for (const p of group.players) {
        const line = document.createElement("div");
        if (p.stance) { line.append(group.players.length > 1 ? p.name + ": " : "", stanceTags(p.stance)); line.dataset.submitted = "true"; }
        else { const w = document.createElement("span"); w.className = "waiting"; w.textContent = (group.players.length > 1 ? p.name + ": " : "") + t("players.waiting"); line.appendChild(w); }
        now.appendChild(line);
      }
      const past = document.createElement("td");
      past.className = "past";
      const choices = (state.choices || []).filter((c) => c.government === group.government && c.agency === group.agency)
        .sort((a, b) => b.month - a.month).slice(0, 3);
      for (const c of choices) {
        const line = document.createElement("div");
        line.dataset.month = c.month;
        line.append(t("players.month", { month: c.month }), stanceTags(c.stance));
        past.appendChild(line);
      }
      if (!choices.length) past.innerHTML = `<span class="muted">—</span>`;
      tr.append(agency, names, now, past);
      body.appendChild(tr);
    }
  }

  // ---------- start ----------
  function bind() {
    $("setup").addEventListener("click", () => { requestSetup(); });
    $("step").addEventListener("click", () => { step(); });
    $("go").addEventListener("click", go);
    $("futures").addEventListener("click", runFutures);
    $("speed").addEventListener("input", showSpeed);
    $("seed").addEventListener("change", () => settingsChanged());
    $("participation").addEventListener("change", () => settingsChanged());
    $("government-select").addEventListener("change", () => { page.gov = Number($("government-select").value); render(); });
    window.addEventListener("hashchange", () => {
      const wanted = location.hash.replace(/^#/, "").toUpperCase();
      if (wanted && wanted !== page.id) connect().catch((e) => report(e, t("what.session")));
    });
    setInterval(poll, 1500);
    I18n.onChange(relabel);
  }
  function showSpeed() { $("speed-label").textContent = t("run.speedValue", { n: $("speed").value }); }
  /** After a language switch: what the scripts wrote, written again in the new language. */
  function relabel() {
    showSpeed();
    Net.legend($("network-legend"));
    $("network").replaceChildren();
    if (!page.scenario) return;
    showScenarioName();
    buildConstructs();
    buildLevers();
    if (page.selectedLever) selectLever(page.selectedLever);
    render();
  }
  function showScenarioName() {
    $("scenario-name").textContent = page.scenario.name;
    document.title = t("lecturer.documentTitle", { name: page.scenario.name });
  }
  async function start() {
    Net.legend($("network-legend"));
    showSpeed();
    try {
      page.scenario = await api("GET", "/api/scenario");
    } catch (e) { report(e, t("what.loading")); return; }
    showScenarioName();
    $("seed").value = page.scenario.seed;
    if (page.scenario.governments.length > 1) {
      $("government-field").hidden = false;
      page.scenario.governments.forEach((g, i) => {
        const option = document.createElement("option");
        option.value = i; option.textContent = g.name;
        $("government-select").appendChild(option);
      });
    }
    page.settings = {};
    buildConstructs();
    buildLevers();
    bind();
    try { await connect(); } catch (e) { report(e, t("what.starting")); return; }
    document.body.dataset.ready = "true";
  }
  start();
})();
