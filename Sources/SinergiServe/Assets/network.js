// Sinergi classroom: the agencies of one government as a network (hand-written SVG).
// Circle layout; node colour = maturity, node area = effective budget, links = agencies
// sharing an initiative, drawn by the mean trust of the two; ring = social motivation.
"use strict";
(function () {
  const C = window.SinergiCharts, t = window.SinergiI18n.t, num = window.SinergiI18n.num;
  // Sequential ramp for maturity 1 … 5 (light yellow to dark blue, readable in grey).
  const ramp = ["#fff5b8", "#b9e08f", "#4fb99a", "#2a7fb0", "#1f3f8c"];
  function hex(c) { return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)); }
  function maturityColour(m) {
    const u = Math.min(4, Math.max(0, m - 1));
    const i = Math.min(3, Math.floor(u)), f = u - i;
    const a = hex(ramp[i]), b = hex(ramp[i + 1]);
    return "#" + a.map((v, k) => Math.round(v + (b[k] - v) * f).toString(16).padStart(2, "0")).join("");
  }
  // Area proportional to budget adequacy B ∈ [0, 1.5].
  const radius = (budget) => 8 + 30 * Math.sqrt(Math.max(0, Math.min(1.5, budget)) / 1.5);

  function shortName(name) { return name.length > 18 ? name.slice(0, 17) + "…" : name; }

  /**
   * Draws (first call) or updates `container`'s network for `government` (from
   * /api/scenario) and `frame` (the frame's government entry). `names[i]` lists the
   * students who play agency i.
   */
  function draw(container, government, agenciesNow, names) {
    const n = government.agencies.length;
    const W = 820, H = 500, cx = W / 2, cy = H / 2 + 12, R = H / 2 - 92;
    let svg = container.querySelector("svg");
    if (!svg || svg.dataset.government !== government.name) {
      svg = C.el("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": t("network.label", { name: government.name }),
        "data-government": government.name, class: "network" });
      container.replaceChildren(svg);
      const pos = government.agencies.map((_, i) => {
        const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
        return [cx + R * Math.cos(a), cy + R * Math.sin(a), a];
      });
      svg._pos = pos;
      const links = C.el("g", { class: "links" }, svg);
      for (const link of government.links || []) {
        C.el("line", { class: "link", x1: pos[link.a][0], y1: pos[link.a][1], x2: pos[link.b][0], y2: pos[link.b][1],
          stroke: C.colours.blue, "stroke-linecap": "round", "data-a": link.a, "data-b": link.b }, links);
      }
      const nodes = C.el("g", { class: "nodes" }, svg);
      government.agencies.forEach((agency, i) => {
        const g = C.el("g", { class: "agency", "data-agency": i }, nodes);
        C.el("title", null, g);
        C.el("circle", { class: "played-halo", cx: pos[i][0], cy: pos[i][1], r: 0, fill: "none",
          stroke: C.colours.vermillion, "stroke-width": 4, "stroke-dasharray": "2 5", "stroke-linecap": "round" }, g);
        C.el("circle", { class: "node", cx: pos[i][0], cy: pos[i][1], r: 10, "data-agency": i, stroke: "#1a1a1a" }, g);
        const cos = Math.cos(pos[i][2]), sin = Math.sin(pos[i][2]);
        const lx = pos[i][0] + cos * 50, ly = pos[i][1] + sin * 50 + (sin > 0.3 ? 12 : sin < -0.3 ? -8 : 5);
        const anchor = cos > 0.3 ? "start" : cos < -0.3 ? "end" : "middle";
        const label = C.text(g, lx, ly, shortName(agency.name), { "text-anchor": anchor, "font-size": 17, "font-weight": 700, class: "name" });
        label.dataset.y = ly;
        // Students' names go on the far side of the agency's name from the node.
        C.text(g, lx, sin < -0.3 ? ly - 20 : ly + 19, "", { "text-anchor": anchor, "font-size": 15, fill: C.colours.vermillion, "font-weight": 700, class: "players" });
      });
    }
    if (!agenciesNow) return svg;
    const pos = svg._pos;
    for (const line of svg.querySelectorAll("line.link")) {
      const a = agenciesNow[+line.dataset.a], b = agenciesNow[+line.dataset.b];
      const trust = (a.trust + b.trust) / 2;
      line.setAttribute("stroke-width", (1 + 11 * trust).toFixed(2));
      line.setAttribute("stroke-opacity", (0.15 + 0.75 * trust).toFixed(3));
      line.dataset.trust = trust.toFixed(4);
    }
    for (const g of svg.querySelectorAll("g.agency")) {
      const i = +g.dataset.agency, a = agenciesNow[i];
      const node = g.querySelector("circle.node");
      const rad = radius(a.budget);
      node.setAttribute("r", rad.toFixed(2));
      node.setAttribute("fill", maturityColour(a.maturity));
      node.dataset.maturity = a.maturity.toFixed(4);
      node.dataset.budget = a.budget.toFixed(4);
      node.dataset.motivation = a.motivation;
      // Motivation: prosocial solid thick ring, conditional thin ring, selfish dashed ring.
      node.setAttribute("stroke-width", a.motivation === "prosocial" ? 4 : a.motivation === "selfish" ? 3 : 1.5);
      if (a.motivation === "selfish") node.setAttribute("stroke-dasharray", "4 4"); else node.removeAttribute("stroke-dasharray");
      const who = (names && names[i]) || [];
      const halo = g.querySelector("circle.played-halo");
      halo.setAttribute("r", who.length || a.played ? (rad + 7).toFixed(2) : 0);
      g.querySelector("text.players").textContent = who.length ? shortName(who.join(", ")) : (a.played ? t("network.played") : "");
      g.querySelector("title").textContent = t("network.tooltip", {
        name: government.agencies[i].name, maturity: num(a.maturity, 2), budget: num(a.budget, 2),
        trust: num(a.trust, 2), motivation: motivationName(a.motivation),
      }) + (who.length ? t("network.playedBy", { names: who.join(", ") }) : "");
      void pos;
    }
    return svg;
  }

  /** A social motivation of the API (prosocial, conditional, selfish) in the page's language. */
  function motivationName(name) {
    const names = { prosocial: t("network.prosocial"), conditional: t("network.conditional"), selfish: t("network.selfish") };
    return names[name] || name;
  }

  /** The legend beside the network: maturity ramp, budget sizes, motivation rings. */
  function legend(container) {
    const svg = C.el("svg", { viewBox: "0 0 230 330", role: "img", "aria-label": t("network.legendLabel") });
    C.text(svg, 0, 18, t("network.maturity"), { "font-weight": 700, "font-size": 16 });
    for (let i = 0; i < 5; i++) {
      C.el("rect", { x: 8 + i * 40, y: 28, width: 40, height: 20, fill: maturityColour(1 + i), stroke: "#1a1a1a", "stroke-width": 0.5 }, svg);
      C.text(svg, 28 + i * 40, 66, String(1 + i), { "text-anchor": "middle", "font-size": 15 });
    }
    C.text(svg, 0, 104, t("network.budget"), { "font-weight": 700, "font-size": 16 });
    [[0.25, 22], [0.75, 84], [1.25, 166]].forEach(([b, x]) => {
      const rad = radius(b);
      C.el("circle", { cx: x, cy: 150, r: rad, fill: "#ddd", stroke: "#1a1a1a", "stroke-width": 1 }, svg);
      C.text(svg, x, 150 + 38 + 8, num(b, 2), { "text-anchor": "middle", "font-size": 15 });
    });
    C.text(svg, 0, 228, t("network.motivation"), { "font-weight": 700, "font-size": 16 });
    [["prosocial", 4, null], ["conditional", 1.5, null], ["selfish", 3, "4 4"]].forEach(([name, w, dash], k) => {
      C.el("circle", { cx: 14, cy: 248 + k * 26, r: 9, fill: "#ddd", stroke: "#1a1a1a", "stroke-width": w, "stroke-dasharray": dash }, svg);
      C.text(svg, 32, 253 + k * 26, motivationName(name), { "font-size": 15 });
    });
    container.replaceChildren(svg);
    const p = document.createElement("p");
    p.innerHTML = t("network.lines");
    container.appendChild(p);
  }

  window.SinergiNetwork = { draw, legend, maturityColour, radius };
})();
