// Sinergi classroom: the student page (/join). A client of the JSON API in
// docs/classroom-api.md: join a session as one agency, submit a stance each month.
"use strict";
(function () {
  const C = window.SinergiCharts, I18n = window.SinergiI18n, t = I18n.t;
  const $ = (id) => document.getElementById(id);
  const KEY = "sinergi-player";

  let scenario = null;
  let me = null;          // {id, token, government, agency, name}
  let month = null;       // the session's current month
  let frame = null;       // the latest frame
  let submittedFor = null;
  let timer = null;
  let lastState = null;   // the latest state shown, to show again after a language switch

  function message(text, kind) {
    const box = document.createElement("div");
    box.className = "message" + (kind === "info" ? " info" : "");
    box.setAttribute("role", kind === "info" ? "status" : "alert");
    const body = document.createElement("div");
    body.className = "text";
    body.textContent = text;
    const close = document.createElement("button");
    close.type = "button"; close.textContent = "×"; close.setAttribute("aria-label", t("common.dismiss"));
    close.onclick = () => box.remove();
    box.append(body, close);
    $("messages").appendChild(box);
    while ($("messages").children.length > 2) $("messages").firstChild.remove();
    setTimeout(() => box.remove(), 10000);
  }
  class ApiError extends Error {
    constructor(status, body) { super(I18n.errorText(body).text || `HTTP ${status}`); this.status = status; }
  }
  async function api(method, path, body) {
    const response = await fetch(path, {
      method, headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body), cache: "no-store",
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = { error: text.slice(0, 200) }; }
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  }
  function explain(e) {
    return e instanceof ApiError ? e.message : t("join.noAnswer", { detail: e.message || e });
  }

  // ---------- joining ----------
  function fillAgencies() {
    const g = scenario.governments[Number($("government").value) || 0];
    $("agency").replaceChildren();
    g.agencies.forEach((a, i) => {
      const option = document.createElement("option");
      option.value = i; option.textContent = a.name;
      $("agency").appendChild(option);
    });
  }
  async function listSessions() {
    try {
      const answer = await api("GET", "/api/sessions");
      const list = $("sessions");
      list.replaceChildren();
      // The list names no codes: the code is on the projector, for the students in the room.
      for (const s of answer.sessions) {
        const li = document.createElement("li");
        li.textContent = t("join.sessionLine", { name: s.name, month: s.month, players: s.players });
        list.appendChild(li);
      }
      $("open-sessions").hidden = !answer.sessions.length;
    } catch (e) { /* the code field still works */ }
  }
  async function join(event) {
    event.preventDefault();
    const id = $("session-code").value.replace(/[\s-]/g, "").toUpperCase();
    const name = $("name").value.trim();
    if (!/^[A-Z2-9]{10}$/.test(id)) { message(t("join.badCode")); return; }
    if (!name) { message(t("join.noName")); return; }
    $("join").disabled = true;
    try {
      const answer = await api("POST", `/api/sessions/${id}/players`,
        { government: Number($("government").value) || 0, agency: Number($("agency").value), name });
      me = { id, token: answer.token, government: answer.government, agency: answer.agency, name };
      sessionStorage.setItem(KEY, JSON.stringify(me));
      play();
    } catch (e) {
      message(e instanceof ApiError && e.status === 404 ? t("join.noSession", { id }) : explain(e));
    } finally { $("join").disabled = false; }
  }

  // ---------- playing ----------
  function play() {
    $("join-view").hidden = true;
    $("play-view").hidden = false;
    showPlayer();
    month = null; frame = null; submittedFor = null;
    refresh();
    clearInterval(timer);
    timer = setInterval(refresh, 1000);
  }
  function showPlayer() {
    const g = scenario.governments[me.government];
    $("agency-title").textContent = g.agencies[me.agency].name;
    $("who").textContent = t("play.who", { name: me.name, government: g.name, id: me.id });
    $("heading").textContent = t("play.heading");
  }
  let busy = false;
  async function refresh() {
    if (busy || !me) return;
    busy = true;
    try {
      const state = await api("GET", `/api/sessions/${me.id}` + (month === null ? "" : `?since=${month}`));
      const frames = state.frames || [];
      if (month !== null && state.month < month) {
        // The lecturer pressed Setup: fetch the new month 0 in full.
        const full = await api("GET", `/api/sessions/${me.id}`);
        frames.splice(0, frames.length, ...(full.frames || []));
      }
      const latest = frames.length ? frames[frames.length - 1] : frame;
      const changed = state.month !== month;
      month = state.month;
      if (latest && latest.month === month) frame = latest;
      show(state, changed);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        clearInterval(timer);
        sessionStorage.removeItem(KEY);
        message(t("play.ended"));
        me = null;
        $("play-view").hidden = true; $("join-view").hidden = false;
        listSessions();
      }
    } finally { busy = false; }
  }
  function show(state, changed) {
    lastState = state;
    $("month").textContent = String(month);
    $("month").dataset.month = String(month);
    const s = scenario.start || { year: 2018, month: 1 };
    const k = s.month - 1 + month;
    const date = `${s.year + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`;
    $("date").textContent = t("play.dateOf", { date, months: state.months });
    if (frame) {
      const g = frame.governments[me.government], a = g.agencies[me.agency];
      $("spbe").textContent = I18n.num(g.spbe, 3);
      const chip = $("predicate");
      chip.textContent = g.predicate;
      chip.style.background = C.predicateColours[g.predicate] || "#777";
      chip.style.color = C.predicateText[g.predicate] || "#fff";
      $("maturity").textContent = I18n.num(a.maturity, 2);
      $("budget-value").textContent = I18n.num(a.budget, 2);
      $("trust").textContent = I18n.num(a.trust, 2);
      $("commitment").textContent = I18n.num(a.commitment, 2);
    }
    const finished = state.finished || month >= state.months;
    if (changed) {
      // A new month: clear the choices for a fresh decision.
      for (const id of ["share", "guard", "training", "budget"]) $(id).checked = false;
      submittedFor = null;
    }
    $("submit").disabled = finished;
    const status = $("status");
    if (finished) { status.textContent = t("play.finished"); status.className = ""; }
    else if (submittedFor === month) {
      status.textContent = t("play.submitted", { month });
      status.className = "done";
    } else {
      status.textContent = t("play.statusMonth", { month });
      status.className = "";
    }
    status.dataset.month = String(month);
    status.dataset.submitted = String(submittedFor === month);
  }
  async function submit(event) {
    event.preventDefault();
    if (!$("share").checked && !$("guard").checked) { message(t("play.chooseFirst")); return; }
    const stance = { shareData: $("share").checked, training: $("training").checked, commitBudget: $("budget").checked, month };
    $("submit").disabled = true;
    try {
      await api("POST", `/api/sessions/${me.id}/players/${me.token}/stance`, stance);
      submittedFor = stance.month;
      $("status").textContent = t("play.submitted", { month: stance.month });
      $("status").className = "done";
      $("status").dataset.submitted = "true";
    } catch (e) {
      message(explain(e));
      if (e instanceof ApiError && e.status === 409) refresh();
    } finally { $("submit").disabled = false; }
  }

  async function start() {
    try { scenario = await api("GET", "/api/scenario"); }
    catch (e) { message(t("join.noScenario", { reason: explain(e) })); return; }
    scenario.governments.forEach((g, i) => {
      const option = document.createElement("option");
      option.value = i; option.textContent = g.name;
      $("government").appendChild(option);
    });
    $("government-field").hidden = scenario.governments.length < 2;
    fillAgencies();
    $("government").addEventListener("change", fillAgencies);
    $("join-form").addEventListener("submit", join);
    I18n.onChange(() => {
      // The labels are rewritten; what this script wrote is written again.
      if (me) showPlayer();
      if (me && lastState) show(lastState, false);
      if (!me) listSessions();
    });
    $("stance-form").addEventListener("submit", submit);
    $("leave").addEventListener("click", () => {
      sessionStorage.removeItem(KEY); me = null; clearInterval(timer);
      $("play-view").hidden = true; $("join-view").hidden = false; listSessions();
    });
    const code = new URLSearchParams(location.search).get("code");
    if (code) $("session-code").value = code.toUpperCase();
    const saved = sessionStorage.getItem(KEY);
    if (saved) {
      try { me = JSON.parse(saved); play(); } catch (e) { sessionStorage.removeItem(KEY); }
    }
    if (!me) listSessions();
    document.body.dataset.ready = "true";
  }
  start();
})();
