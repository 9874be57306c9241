// Sinergi classroom: hand-written SVG charts (no library). A chart is redrawn whole on
// every month; with at most a few hundred points that is cheaper than diffing.
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";

  // Okabe–Ito, as in the static report.
  const colours = {
    black: "#000000", orange: "#E69F00", sky: "#56B4E9", green: "#009E73",
    yellow: "#F0E442", blue: "#0072B2", vermillion: "#D55E00", purple: "#CC79A7",
    text: "#1a1a1a", muted: "#555555", grid: "#dddddd", axis: "#777777",
  };
  const categorical = [colours.blue, colours.orange, colours.green, colours.purple,
    colours.vermillion, colours.sky, colours.black, colours.yellow];
  // One colour per SPBE predicate: warm below Baik, cool from Baik up (as the report).
  const predicateColours = {
    "Kurang": colours.vermillion, "Cukup": colours.orange, "Baik": colours.sky,
    "Sangat Baik": colours.blue, "Memuaskan": colours.green,
  };
  const predicateText = {
    "Kurang": "#fff", "Cukup": "#000", "Baik": "#000", "Sangat Baik": "#fff", "Memuaskan": "#fff",
  };

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    if (attrs) for (const key in attrs) if (attrs[key] !== undefined && attrs[key] !== null) node.setAttribute(key, attrs[key]);
    if (parent) parent.appendChild(node);
    return node;
  }
  function text(parent, x, y, content, attrs) {
    const node = el("text", Object.assign({ x: r(x), y: r(y), "font-size": 15, fill: colours.text }, attrs), parent);
    node.textContent = content;
    return node;
  }
  const r = (v) => Math.round(v * 10) / 10;
  function scale(d0, d1, r0, r1) {
    const k = (r1 - r0) / ((d1 - d0) || 1);
    return (v) => r0 + (v - d0) * k;
  }
  function linePath(points) {
    let d = "";
    for (let i = 0; i < points.length; i++) d += (i ? "L" : "M") + r(points[i][0]) + "," + r(points[i][1]);
    return d;
  }
  function monthTicks(months) {
    const step = months <= 12 ? 3 : months <= 36 ? 6 : months <= 96 ? 12 : 24;
    const ticks = [];
    for (let m = 0; m <= months; m += step) ticks.push(m);
    return ticks;
  }

  /** The band each value falls in: [{name, from, to}] from the scenario's predicates. */
  function predicateBands(predicates, top) {
    return predicates.map((p, i) => ({
      name: p.name, from: p.from, to: i + 1 < predicates.length ? predicates[i + 1].from : top,
    }));
  }
  function predicateOf(value, predicates) {
    let name = predicates.length ? predicates[0].name : "";
    for (const p of predicates) if (value >= p.from) name = p.name;
    return name;
  }

  /**
   * A monthly time chart into `svg`:
   *  months, yDomain [lo, hi], yTicks, yFormat(v), yTitle,
   *  bands [{from, to, name, colour}]  horizontal shaded bands named in the right margin,
   *  references [{value, label}]       dashed horizontal lines,
   *  fans [{lower:[], upper:[], colour, opacity, className}]  shaded areas per month,
   *  series [{values:[] (index = month), colour, width, dash, className, label, points:bool}],
   *  date(month) -> "2019-01"          second line under the month ticks.
   */
  function timeChart(svg, o) {
    const W = o.width || 640, H = o.height || 300;
    const left = 58, right = o.bands && o.bands.length ? 104 : 18, top = 10, bottom = 50;
    const x = scale(0, o.months, left, W - right), y = scale(o.yDomain[0], o.yDomain[1], H - bottom, top);
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.setAttribute("class", "chart");
    svg.replaceChildren();
    if (o.title) el("title", null, svg).textContent = o.title;
    const clamp = (v) => Math.min(o.yDomain[1], Math.max(o.yDomain[0], v));
    for (const band of o.bands || []) {
      const y0 = y(clamp(band.to)), y1 = y(clamp(band.from));
      if (y1 - y0 <= 0) continue;
      el("rect", { x: left, y: r(y0), width: r(W - right - left), height: r(y1 - y0), fill: band.colour,
        "fill-opacity": 0.13, class: "predicate-band", "data-band": band.name }, svg);
      text(svg, W - right + 8, (y0 + y1) / 2 + 5, band.name, { fill: band.colour === colours.yellow ? colours.muted : band.colour,
        "font-weight": 700, "font-size": 15, class: "band-label" });
    }
    for (const tick of o.yTicks) {
      el("line", { x1: left, x2: W - right, y1: r(y(tick)), y2: r(y(tick)), stroke: colours.grid, "stroke-width": 1 }, svg);
      text(svg, left - 8, y(tick) + 5, o.yFormat(tick), { "text-anchor": "end", fill: colours.muted });
    }
    for (const tick of monthTicks(o.months)) {
      el("line", { x1: r(x(tick)), x2: r(x(tick)), y1: H - bottom, y2: H - bottom + 6, stroke: colours.axis, "stroke-width": 1.5 }, svg);
      text(svg, x(tick), H - bottom + 22, String(tick), { "text-anchor": "middle" });
      if (o.date) text(svg, x(tick), H - bottom + 41, o.date(tick), { "text-anchor": "middle", fill: colours.muted, "font-size": 14 });
    }
    el("line", { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, stroke: colours.axis, "stroke-width": 1.5 }, svg);
    el("line", { x1: left, x2: left, y1: top, y2: H - bottom, stroke: colours.axis, "stroke-width": 1.5 }, svg);
    if (o.yTitle) {
      text(svg, 14, (top + H - bottom) / 2, o.yTitle, { "text-anchor": "middle", fill: colours.muted, "font-size": 14,
        transform: `rotate(-90 14 ${r((top + H - bottom) / 2)})` });
    }
    for (const ref of o.references || []) {
      el("line", { x1: left, x2: W - right, y1: r(y(ref.value)), y2: r(y(ref.value)), stroke: ref.colour || colours.muted,
        "stroke-width": 1.5, "stroke-dasharray": "7 5", class: "reference" }, svg);
      if (ref.label) text(svg, left + 6, y(ref.value) - 6, ref.label, { fill: ref.colour || colours.muted, "font-size": 14, class: "reference-label" });
    }
    for (const fan of o.fans || []) {
      const n = Math.min(fan.lower.length, fan.upper.length, o.months + 1);
      if (n < 2) continue;
      const upper = [], lower = [];
      for (let m = 0; m < n; m++) { upper.push([x(m), y(clamp(fan.upper[m]))]); lower.push([x(m), y(clamp(fan.lower[m]))]); }
      el("path", { d: linePath(upper.concat(lower.reverse())) + "Z", fill: fan.colour, "fill-opacity": fan.opacity,
        stroke: "none", class: fan.className || "fan" }, svg);
    }
    for (const s of o.series) {
      const pts = [];
      s.values.forEach((v, m) => { if (v !== null && v !== undefined && isFinite(v)) pts.push([x(m), y(clamp(v))]); });
      const path = el("path", { d: pts.length ? linePath(pts) : "", fill: "none", stroke: s.colour,
        "stroke-width": s.width || 3, "stroke-dasharray": s.dash, "stroke-linejoin": "round", "stroke-linecap": "round",
        class: s.className || "series", "data-points": pts.length, "data-series": s.label }, svg);
      if (s.label) el("title", null, path).textContent = s.label;
      if (pts.length && s.dot !== false) {
        const last = pts[pts.length - 1];
        el("circle", { cx: r(last[0]), cy: r(last[1]), r: (s.width || 3) + 2.5, fill: s.colour, stroke: "#fff", "stroke-width": 1.5, class: "head" }, svg);
      }
      if (pts.length && s.endLabel) {
        const last = pts[pts.length - 1];
        text(svg, last[0] + 9, last[1] + 5, s.endLabel, { fill: s.colour === colours.yellow ? colours.muted : s.colour, "font-weight": 700, "font-size": 14, class: "end-label" });
      }
    }
    return { x, y };
  }

  /**
   * Histogram of final values: histogram {from, width, counts}, bands [{from,to,name,colour}]
   * shading the value axis, markers [{value, label, colour}] vertical lines, xFormat(v) the
 * value ticks' text (one decimal unless given).
   */
  function histogram(svg, o) {
    const W = o.width || 640, H = o.height || 260;
    const left = 50, right = 18, top = 30, bottom = 46;
    const h = o.histogram, n = h.counts.length;
    const lo = Math.min(o.domain[0], h.from), hi = Math.max(o.domain[1], h.from + n * h.width);
    const x = scale(lo, hi, left, W - right);
    const maxCount = Math.max(1, ...h.counts);
    const y = scale(0, maxCount * 1.08, H - bottom, top);
    svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
    svg.setAttribute("class", "chart");
    svg.replaceChildren();
    if (o.title) el("title", null, svg).textContent = o.title;
    for (const band of o.bands || []) {
      const x0 = x(Math.max(lo, band.from)), x1 = x(Math.min(hi, band.to));
      if (x1 <= x0) continue;
      el("rect", { x: r(x0), y: top, width: r(x1 - x0), height: H - bottom - top, fill: band.colour, "fill-opacity": 0.13, class: "predicate-band" }, svg);
      text(svg, (x0 + x1) / 2, top - 10, band.name, { "text-anchor": "middle", fill: band.colour, "font-weight": 700, "font-size": 15 });
    }
    const step = niceStep(maxCount / 4);
    for (let c = 0; c <= maxCount * 1.08; c += step) {
      el("line", { x1: left, x2: W - right, y1: r(y(c)), y2: r(y(c)), stroke: colours.grid }, svg);
      text(svg, left - 8, y(c) + 5, String(c), { "text-anchor": "end", fill: colours.muted, "font-size": 14 });
    }
    h.counts.forEach((count, i) => {
      if (!count) return;
      const x0 = x(h.from + i * h.width), x1 = x(h.from + (i + 1) * h.width);
      el("rect", { x: r(x0 + 0.5), y: r(y(count)), width: r(Math.max(1, x1 - x0 - 1)), height: r(y(0) - y(count)),
        fill: "#6b6b6b", class: "bar", "data-count": count }, svg);
    });
    for (let v = Math.ceil(lo); v <= hi + 1e-9; v += 0.5) {
      el("line", { x1: r(x(v)), x2: r(x(v)), y1: H - bottom, y2: H - bottom + 6, stroke: colours.axis, "stroke-width": 1.5 }, svg);
      text(svg, x(v), H - bottom + 22, o.xFormat ? o.xFormat(v) : v.toFixed(1), { "text-anchor": "middle", "font-size": 15 });
    }
    el("line", { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, stroke: colours.axis, "stroke-width": 1.5 }, svg);
    text(svg, (left + W - right) / 2, H - 6, o.xTitle || "", { "text-anchor": "middle", fill: colours.muted, "font-size": 15 });
    (o.markers || []).forEach((m, k) => {
      const xm = x(m.value);
      el("line", { x1: r(xm), x2: r(xm), y1: top - 2, y2: H - bottom, stroke: m.colour, "stroke-width": 3, class: "marker" }, svg);
      const anchor = xm > (left + W - right) / 2 ? "end" : "start";
      text(svg, xm + (anchor === "end" ? -6 : 6), top + 18 + 20 * k, m.label, { "text-anchor": anchor, fill: m.colour, "font-weight": 700, "font-size": 16, class: "marker-label", stroke: "#fff", "stroke-width": 4, "paint-order": "stroke" });
    });
  }
  function niceStep(raw) {
    const p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    for (const k of [1, 2, 5, 10]) if (k * p >= raw) return Math.max(1, k * p);
    return 10 * p;
  }

  window.SinergiCharts = { colours, categorical, predicateColours, predicateText, predicateBands, predicateOf,
    timeChart, histogram, el, text, scale };
})();
