// tacitus dashboard: filters, weekly timeline by type, dyad network, event table, event view with the evidence
// highlighted in its article. Plain JavaScript and SVG, no external library, works offline.
"use strict";

const TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
  "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
// cooperative types in blues/greens, verbal conflict in oranges, material conflict in reds
const COLORS = {AGREE: "#2b8cbe", CONSULT: "#1f78b4", SUPPORT: "#33a02c", CONCEDE: "#66c2a4", COOPERATE: "#238b45",
  AID: "#74c476", RETREAT: "#a6bddb", REQUEST: "#9e9ac8", ACCUSE: "#fd8d3c", REJECT: "#fdae6b", THREATEN: "#f16913",
  PROTEST: "#d94801", SANCTION: "#cb181d", MOBILIZE: "#a50f15", COERCE: "#67000d", ASSAULT: "#3f007d"};
const CONFLICT = new Set(["ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]);
const SVGNS = "http://www.w3.org/2000/svg";
let page = 1;
const PAGE_SIZE = 25;

function el(tag, attrs = {}, text = "") {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function filters() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(document.getElementById("filters"))) if (v) params.set(k, v.trim());
  return params;
}

async function getJSON(url) {
  const res = await fetch(url);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}

function who(a) {
  if (!a) return "—";
  const entity = a.country || a.org || "?";
  return a.person ? `${entity} ${a.person}` : `${entity} (${a.text})`;
}

async function loadEvents() {
  const params = filters();
  params.set("page", page);
  params.set("page_size", PAGE_SIZE);
  const data = await getJSON(`/v1/events?${params}`);
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of data.items) {
    const tr = el("tr", {"data-event": e.event_id});
    for (const v of [e.date || "undated", e.type, e.mode || "", who(e.source), who(e.target), e.status, e.doc_id])
      tr.append(el("td", {}, v));
    tr.addEventListener("click", () => showEvent(e.event_id));
    body.append(tr);
  }
  document.getElementById("count").textContent = `(${data.total})`;
  const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
  document.getElementById("pageinfo").textContent = `page ${page} of ${pages}`;
  document.getElementById("prev").disabled = page <= 1;
  document.getElementById("next").disabled = page >= pages;
  document.body.dataset.loads = String((Number(document.body.dataset.loads) || 0) + 1);
}

async function loadTimeline() {
  const data = await getJSON(`/v1/timeline?${filters()}`);
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const weeks = [...new Set(data.items.map(d => d.week))].sort();
  const W = svg.clientWidth || 600, H = 240, pad = 28;
  if (!weeks.length) { svg.append(el("svg:text", {x: 10, y: 20}, "no dated events")); return; }
  const stacks = {};
  for (const d of data.items) (stacks[d.week] ||= []).push(d);
  const max = Math.max(...weeks.map(w => stacks[w].reduce((s, d) => s + d.count, 0)));
  const bw = Math.max(2, (W - pad) / weeks.length - 1);
  weeks.forEach((w, i) => {
    let y = H;
    for (const d of stacks[w].sort((a, b) => TYPES.indexOf(a.type) - TYPES.indexOf(b.type))) {
      const h = (d.count / max) * (H - pad);
      y -= h;
      const r = el("svg:rect", {x: pad + i * (bw + 1), y, width: bw, height: h, fill: COLORS[d.type] || "#888"});
      r.append(el("svg:title", {}, `${w}: ${d.count} ${d.type}`));
      svg.append(r);
    }
  });
  svg.append(el("svg:text", {x: pad, y: H + 14, "font-size": 11}, weeks[0]));
  svg.append(el("svg:text", {x: W - 70, y: H + 14, "font-size": 11}, weeks[weeks.length - 1]));
  svg.append(el("svg:text", {x: 0, y: pad, "font-size": 11}, String(max)));
  const legend = document.getElementById("legend");
  legend.replaceChildren(...[...new Set(data.items.map(d => d.type))].map(t => {
    const s = el("span"); s.append(el("i", {style: `background:${COLORS[t]}`}), t); return s;
  }));
}

async function loadNetwork() {
  const data = await getJSON(`/v1/dyads?${filters()}&limit=2000`);
  const svg = document.getElementById("network");
  svg.replaceChildren();
  const edges = {};
  for (const d of data.items) {
    if (d.b === "-") continue;
    const k = `${d.a}|${d.b}`;
    const e = (edges[k] ||= {a: d.a, b: d.b, n: 0, conflict: 0});
    e.n += d.count;
    if (CONFLICT.has(d.type)) e.conflict += d.count;
  }
  const list = Object.values(edges).sort((x, y) => y.n - x.n).slice(0, 60);
  const nodes = [...new Set(list.flatMap(e => [e.a, e.b]))];
  const W = svg.clientWidth || 600, H = 260, R = Math.min(W, H) / 2 - 30;
  const pos = {};
  nodes.forEach((n, i) => {
    const t = (2 * Math.PI * i) / nodes.length;
    pos[n] = [W / 2 + R * Math.cos(t), H / 2 + R * Math.sin(t)];
  });
  const max = Math.max(1, ...list.map(e => e.n));
  for (const e of list) {
    const tone = e.conflict / e.n;  // share of conflictual events: blue (cooperative) to red (conflict)
    const line = el("svg:line", {x1: pos[e.a][0], y1: pos[e.a][1], x2: pos[e.b][0], y2: pos[e.b][1],
      stroke: `rgb(${Math.round(40 + 200 * tone)},60,${Math.round(200 - 160 * tone)})`,
      "stroke-width": 1 + 7 * (e.n / max), "stroke-opacity": 0.7, class: "edge"});
    line.append(el("svg:title", {}, `${e.a}–${e.b}: ${e.n} events, ${e.conflict} conflictual`));
    svg.append(line);
  }
  for (const n of nodes) {
    svg.append(el("svg:circle", {cx: pos[n][0], cy: pos[n][1], r: 13, fill: "#1d2430", class: "node"}));
    svg.append(el("svg:text", {x: pos[n][0], y: pos[n][1] + 4, "text-anchor": "middle", fill: "#fff",
      "font-size": 9}, n));
  }
}

async function showEvent(id) {
  const data = await getJSON(`/v1/events/${encodeURIComponent(id)}`);
  const e = data.event;
  document.getElementById("ev-id").textContent = e.event_id;
  const facts = document.getElementById("ev-facts");
  facts.replaceChildren();
  const rows = [["type", `${e.type}${e.mode ? " / " + e.mode : ""} (CAMEO ${e.cameo})`], ["status", e.status],
    ["date", e.date ? `${e.date} (${e.date_precision})` : "undated"], ["source", who(e.source) +
      (e.source.role ? `, ${e.source.role}` : "")], ["target", who(e.target) + (e.target && e.target.role ? `, ${e.target.role}` : "")],
    ["rule", e.rule], ["confidence", e.confidence], ["article", data.article ? `${data.article.doc_id} ${data.article.outlet || ""}` : "?"],
    ["story", data.story_id || "not linked"]];
  for (const [k, v] of rows) facts.append(el("dt", {}, k), el("dd", {}, String(v)));
  const art = document.getElementById("ev-article");
  art.replaceChildren();
  if (data.article) {
    const text = data.article.text;
    let at = 0;
    for (const [a, b] of [...e.evidence].sort((x, y) => x[0] - y[0])) {
      if (a < at) continue;
      art.append(document.createTextNode(text.slice(at, a)), el("mark", {class: "evidence"}, text.slice(a, b)));
      at = b;
    }
    art.append(document.createTextNode(text.slice(at)));
  }
  const view = document.getElementById("event-view");
  view.hidden = false;
  view.scrollIntoView({behavior: "instant", block: "start"});
}

async function refresh() {
  page = 1;
  await Promise.all([loadEvents(), loadTimeline(), loadNetwork()]);
}

document.addEventListener("DOMContentLoaded", () => {
  const select = document.querySelector("select[name=type]");
  for (const t of TYPES) select.append(el("option", {value: t}, t));
  document.getElementById("filters").addEventListener("submit", ev => { ev.preventDefault(); refresh(); });
  document.getElementById("prev").addEventListener("click", () => { page -= 1; loadEvents(); });
  document.getElementById("next").addEventListener("click", () => { page += 1; loadEvents(); });
  document.getElementById("close-view").addEventListener("click", () => {
    document.getElementById("event-view").hidden = true;
  });
  refresh().then(() => document.body.setAttribute("data-ready", "1"));
});
