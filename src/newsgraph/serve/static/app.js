// newsgraph web UI: a hash-routed page over the JSON API (the same endpoints a script uses).
// Article text is only ever inserted with textContent: nothing from an article becomes markup.
"use strict";

const QUADS = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };
const QUAD_COLORS = { 1: "#4e9a6f", 2: "#1f6f43", 3: "#e08a2c", 4: "#c0392b" };
const view = () => document.getElementById("view");
let CAMEO = {}; // code -> {name, goldstein, quad_class, plover}, loaded once from /cameo

function cameoLabel(code) {
  const known = CAMEO[code];
  return known ? `${code} ${known.name}` : code;
}

// ---------- small DOM and HTTP helpers ----------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "style") Object.assign(node.style, value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options = {}) {
  const response = await fetch(path, options);
  let body = null;
  try { body = await response.json(); } catch (_) { /* not JSON: reported below */ }
  if (!response.ok) {
    const message = body && body.error ? body.error : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

function showError(container, error) {
  container.replaceChildren(el("p", { class: "error", role: "alert", text: String(error.message || error) }));
}

function short(text, n = 220) {
  return text && text.length > n ? text.slice(0, n - 1) + "…" : (text || "");
}

function goldsteinBadge(value) {
  const cls = value > 0 ? "pos" : value < 0 ? "neg" : "zero";
  return el("span", { class: `gold ${cls}`, title: "Goldstein scale (-10 conflict … +10 cooperation)" },
    (value > 0 ? "+" : "") + Number(value).toFixed(1));
}

function quadBadge(q) {
  return el("span", { class: "quad", style: { background: QUAD_COLORS[q] || "#888" } }, QUADS[q] || `quad ${q}`);
}

function params() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  return { path, query: new URLSearchParams(query || "") };
}

// ---------- the annotated article ----------

// Entity colours: evenly spaced hues, so neighbouring entities differ.
function entityColour(index) {
  const hue = (index * 137.508) % 360;
  return { fg: `hsl(${hue} 65% 32%)`, bg: `hsl(${hue} 80% 92%)`, line: `hsl(${hue} 65% 45%)` };
}

// Every stretch of text an annotation covers: mentions, quote parts, event evidence.
function annotations(record) {
  const out = [];
  record.entities.forEach((e, k) => e.mentions.forEach((m) => out.push({ ...m, kind: "m", ref: e.id, k })));
  record.quotes.forEach((q, i) => {
    out.push({ ...q.content, kind: "q", i });
    if (q.speaker_mention) out.push({ ...q.speaker_mention, kind: "sp", i });
    if (q.cue) out.push({ ...q.cue, kind: "cue", i });
  });
  record.events.forEach((ev, j) => out.push({ ...ev.evidence, kind: "ev", i: j, quad: ev.quad_class }));
  return out;
}

// The blocks of the text: each zone, and any text between zones that is not just space.
function blocks(record) {
  const zones = [...record.zones].sort((a, b) => a.start - b.start);
  const out = [];
  let at = 0;
  for (const z of zones) {
    if (z.start > at && record.text.slice(at, z.start).trim()) out.push({ start: at, end: z.start, kind: null });
    out.push({ start: Math.max(z.start, at), end: z.end, kind: z.kind });
    at = Math.max(at, z.end);
  }
  if (record.text.slice(at).trim()) out.push({ start: at, end: record.text.length, kind: null });
  return out;
}

// One block as flat segments; each segment carries every annotation that covers it.
function renderBlock(record, block, notes, entityIndex) {
  const inside = notes.filter((n) => n.start < block.end && n.end > block.start);
  const cuts = new Set([block.start, block.end]);
  for (const n of inside) {
    if (n.start > block.start) cuts.add(n.start);
    if (n.end < block.end) cuts.add(n.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const node = el("div", {
    class: `zone ${block.kind ? "zone-" + block.kind : "zone-none"}`,
    "data-kind": block.kind || "", "data-start": block.start, "data-end": block.end,
  });
  for (let p = 0; p + 1 < points.length; p++) {
    const [s, t] = [points[p], points[p + 1]];
    const text = record.text.slice(s, t);
    const active = inside.filter((n) => n.start <= s && n.end >= t);
    node.append(active.length ? segment(text, s, active, entityIndex) : document.createTextNode(text));
  }
  return node;
}

function segment(text, start, active, entityIndex) {
  const span = el("span", { "data-start": start, text });
  const of = (kind) => active.filter((n) => n.kind === kind);
  const mentions = of("m");
  if (mentions.length) {
    const inner = mentions.reduce((a, b) => (b.end - b.start < a.end - a.start ? b : a));
    const colour = entityColour(entityIndex.get(inner.ref));
    span.classList.add("m");
    span.dataset.ent = inner.ref;
    span.style.setProperty("--c", colour.fg);
    span.style.setProperty("--cbg", colour.bg);
    span.style.setProperty("--cl", colour.line);
  }
  const lists = { q: "q", sp: "sp", cue: "cue", ev: "ev" };
  for (const [kind, attr] of Object.entries(lists)) {
    const found = of(kind);
    if (!found.length) continue;
    span.classList.add(kind);
    span.dataset[attr] = found.map((n) => n.i).join(" ");
    if (kind === "ev") span.dataset.quad = Math.max(...found.map((n) => n.quad));
  }
  return span;
}

function flash(selector) {
  const nodes = document.querySelectorAll(selector);
  document.querySelectorAll(".flash").forEach((n) => n.classList.remove("flash"));
  nodes.forEach((n) => n.classList.add("flash"));
  if (nodes.length) nodes[0].scrollIntoView({ behavior: "smooth", block: "center" });
  setTimeout(() => nodes.forEach((n) => n.classList.remove("flash")), 2500);
}

function selectEntity(id) {
  document.querySelectorAll(".m.sel, .entity.sel").forEach((n) => n.classList.remove("sel"));
  document.querySelectorAll(`.m[data-ent="${CSS.escape(id)}"], .entity[data-ent="${CSS.escape(id)}"]`)
    .forEach((n) => n.classList.add("sel"));
}

function renderRecord(record, actorIds = {}) {
  const names = new Map(record.entities.map((e) => [e.id, e.name]));
  const entityIndex = new Map(record.entities.map((e, k) => [e.id, k]));
  const notes = annotations(record);
  const article = el("article", { class: "article", id: "article" },
    blocks(record).map((b) => renderBlock(record, b, notes, entityIndex)));
  article.addEventListener("click", (event) => {
    const target = event.target.closest("[data-start]");
    if (!target) return;
    if (target.dataset.ev !== undefined) flash(`#event-${target.dataset.ev.split(" ")[0]}`);
    else if (target.dataset.q !== undefined) flash(`#quote-${target.dataset.q.split(" ")[0]}`);
    if (target.dataset.ent) selectEntity(target.dataset.ent);
  });
  const panel = el("aside", { class: "panel" },
    metaBox(record),
    entityList(record, entityIndex, actorIds),
    quoteList(record, names),
    eventList(record, names, actorIds));
  return el("div", { class: "record", "data-record": record.id }, article, panel);
}

function metaBox(record) {
  const m = record.meta;
  const rows = [["Headline", m.headline], ["Published", m.published && `${m.published} (${m.published_source})`],
    ["Byline", m.byline], ["Publisher", m.publisher], ["URL", m.url], ["Record id", record.id]];
  const legend = el("p", { class: "legend" },
    el("span", { class: "q" }, "quote"), " ", el("span", { class: "sp-demo" }, "speaker"), " ",
    el("span", { class: "ev", "data-quad": 1 }, "cooperation event"), " ",
    el("span", { class: "ev", "data-quad": 4 }, "conflict event"), " ",
    el("span", { class: "m", style: { "--c": "#333", "--cbg": "#eee", "--cl": "#666" } }, "entity mention"));
  return el("section", { class: "meta" }, el("h2", { text: "Article" }),
    el("dl", {}, rows.filter((r) => r[1]).map(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])),
    legend);
}

function entityList(record, entityIndex, actorIds) {
  const items = record.entities.map((e) => {
    const colour = entityColour(entityIndex.get(e.id));
    const actor = actorIds[e.id];
    return el("li", { class: "entity", "data-ent": e.id, onclick: () => { selectEntity(e.id); flash(`.m[data-ent="${CSS.escape(e.id)}"]`); } },
      el("span", { class: "dot", style: { background: colour.line } }),
      actor ? el("a", { href: `#/actor/${encodeURIComponent(actor)}`, text: e.name }) : el("strong", { text: e.name }),
      " ", el("span", { class: "muted", text: [e.type, e.code, e.country].filter(Boolean).join(" · ") }),
      e.titles.length ? el("div", { class: "titles", text: e.titles.join("; ") }) : null,
      el("span", { class: "count", text: `${e.mentions.length}×` }));
  });
  return el("section", {}, el("h2", { text: `Entities (${record.entities.length})` }),
    items.length ? el("ul", { class: "entities" }, items) : el("p", { class: "muted", text: "none found" }));
}

function quoteList(record, names) {
  const items = record.quotes.map((q, i) => el("li", {
    class: "quote-item", id: `quote-${i}`, onclick: () => flash(`.q[data-q~="${i}"]`),
  },
    el("div", {}, el("strong", { text: q.speaker ? names.get(q.speaker) || q.speaker : "unattributed" }),
      " ", el("span", { class: "badge", text: q.kind }), q.medium ? el("span", { class: "muted", text: ` via ${q.medium}` }) : null),
    el("div", { class: "quote-text", text: short(q.content.text) })));
  return el("section", {}, el("h2", { text: `Quotes (${record.quotes.length})` }),
    items.length ? el("ol", { class: "quotes" }, items) : el("p", { class: "muted", text: "none found" }));
}

function eventList(record, names, actorIds) {
  const who = (id) => (id ? names.get(id) || id : "—");
  const items = record.events.map((ev, j) => {
    const a = actorIds[ev.source], b = actorIds[ev.target];
    return el("li", { class: "event-item", id: `event-${j}`, onclick: () => flash(`.ev[data-ev~="${j}"]`) },
      el("div", {}, el("strong", { text: who(ev.source) }), " → ", el("strong", { text: who(ev.target) }),
        a && b ? el("a", { class: "dyad-link", href: `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, text: "dyad" }) : null),
      el("div", {}, el("span", { class: "code", title: "CAMEO event code", text: cameoLabel(ev.cameo) }), " ",
        ev.plover ? el("span", { class: "code", text: ev.plover }) : null, " ",
        goldsteinBadge(ev.goldstein), " ", quadBadge(ev.quad_class),
        ev.negated ? el("span", { class: "badge neg", text: "negated" }) : null,
        ev.date ? el("span", { class: "muted", text: ` ${ev.date}` }) : null),
      el("div", { class: "evidence", text: short(ev.evidence.text) }));
  });
  return el("section", {}, el("h2", { text: `Events (${record.events.length})` }),
    items.length ? el("ol", { class: "events" }, items) : el("p", { class: "muted", text: "none found" }));
}

// ---------- pages ----------

// POST the article to /analyze and show the annotated record (or the error) in ``result``.
async function analyzeAndShow(body, status, result) {
  status.textContent = "analysing…";
  result.replaceChildren();
  const button = document.getElementById("analyze-btn");
  button.disabled = true; // one analysis at a time from this page
  try {
    const started = performance.now();
    const record = await api("/analyze", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    });
    status.textContent = `analysed in ${Math.round(performance.now() - started)} ms: ` +
      `${record.entities.length} entities, ${record.quotes.length} quotes, ${record.events.length} events`;
    const json = new Blob([JSON.stringify(record, null, 2)], { type: "application/json" });
    const download = el("a", { id: "download-json", href: URL.createObjectURL(json),
      download: `${record.id}.json`, text: "download the record (JSON)" });
    result.replaceChildren(el("p", {}, download), renderRecord(record, await storedActors(record)));
    window.lastRecord = record; // for the curious, in the browser console
  } catch (error) {
    status.textContent = "";
    showError(result, error);
  } finally {
    button.disabled = false;
  }
}

function analyzePage() {
  const text = el("textarea", { id: "article-text", rows: 12, placeholder: "Paste an article here…" });
  const file = el("input", { id: "article-file", type: "file", accept: ".txt,.text,.html,.htm" });
  const url = el("input", { id: "article-url", type: "url", placeholder: "or an https:// address" });
  const date = el("input", { id: "article-date", type: "date", title: "publication date" });
  const status = el("p", { id: "status", class: "muted" });
  const result = el("div", { id: "result" });
  let html = null;
  file.addEventListener("change", async () => {
    const f = file.files[0];
    if (!f) return;
    const content = await f.text();
    html = /\.html?$/i.test(f.name) ? content : null;
    text.value = html ? "" : content;
    status.textContent = html ? `HTML page ${f.name} loaded` : `${f.name} loaded`;
  });
  const submit = (event) => {
    event.preventDefault();
    const body = { date: date.value || null };
    if (url.value.trim()) body.url = url.value.trim();
    else if (html && !text.value.trim()) body.html = html;
    else body.text = text.value;
    analyzeAndShow(body, status, result);
  };
  view().replaceChildren(
    el("h1", { text: "Analyse an article" }),
    el("form", { class: "analyze", onsubmit: submit }, text,
      el("div", { class: "row" }, el("label", {}, "File ", file), url, el("label", {}, "Published ", date),
        el("button", { id: "analyze-btn", type: "submit", text: "Analyse" }))),
    status, result);
}

// The store's actor ids of a fresh record's entities, so they link to their actor pages.
async function storedActors(record) {
  try {
    const keys = record.entities.map((e) => ({ name: e.name, code: e.code, type: e.type }));
    const found = await api("/entities/lookup", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(keys),
    });
    return Object.fromEntries(record.entities.map((e, k) => [e.id, found.actor_ids[k]]).filter((p) => p[1]));
  } catch (_) {
    return {}; // no store behind this server: the entities stay unlinked
  }
}

async function articlePage(id) {
  const container = el("div", {}, el("p", { class: "muted", text: "loading…" }));
  view().replaceChildren(el("p", {}, el("a", { href: "#/search", text: "← corpus" })), container);
  try {
    const data = await api(`/articles/${encodeURIComponent(id)}`);
    container.replaceChildren(el("h1", { text: data.record.meta.headline || id }), renderRecord(data.record, data.actors || {}));
  } catch (error) { showError(container, error); }
}

async function searchPage(query) {
  const q = query.get("q") || "";
  const page = Math.max(0, Number(query.get("page") || 0));
  const size = 20;
  const input = el("input", { id: "search-q", type: "search", value: q, placeholder: "words in headline or text" });
  const list = el("div", { id: "search-results" }, el("p", { class: "muted", text: "loading…" }));
  const go = (p) => { location.hash = `#/search?q=${encodeURIComponent(input.value)}&page=${p}`; };
  view().replaceChildren(el("h1", { text: "Corpus" }),
    el("form", { class: "row", onsubmit: (e) => { e.preventDefault(); go(0); } }, input,
      el("button", { type: "submit", text: "Search" })),
    list);
  try {
    const [articles, actors] = await Promise.all([
      api(`/articles?search=${encodeURIComponent(q)}&limit=${size}&offset=${page * size}`),
      q ? api(`/entities?search=${encodeURIComponent(q)}&limit=12`) : Promise.resolve({ items: [] }),
    ]);
    list.dataset.count = articles.items.length;
    list.replaceChildren(
      actors.items.length ? el("section", {}, el("h2", { text: "Actors" }),
        el("ul", { class: "chips" }, actors.items.map((a) => el("li", {},
          el("a", { href: `#/actor/${encodeURIComponent(a.actor_id)}`, text: a.name }),
          el("span", { class: "muted", text: ` ${a.code || a.type || ""} · ${a.n_articles} art.` }))))) : null,
      el("h2", { text: `Articles ${page * size + 1}–${page * size + articles.items.length}` }),
      el("table", { class: "grid" }, el("thead", {}, el("tr", {}, ["Published", "Headline", "Publisher", "Entities", "Quotes", "Events"].map((h) => el("th", { text: h })))),
        el("tbody", {}, articles.items.map((a) => el("tr", {},
          el("td", { text: a.published || "" }),
          el("td", {}, el("a", { href: `#/article/${encodeURIComponent(a.article_id)}`, text: a.headline || a.article_id })),
          el("td", { text: a.publisher || "" }), el("td", { text: a.n_entities }),
          el("td", { text: a.n_quotes }), el("td", { text: a.n_events }))))),
      el("div", { class: "row" },
        page > 0 ? el("button", { onclick: () => go(page - 1), text: "← previous" }) : null,
        articles.more ? el("button", { onclick: () => go(page + 1), text: "next →" }) : null));
  } catch (error) { showError(list, error); }
}

function eventTable(events, ownId) {
  if (!events.length) return el("p", { class: "muted", text: "none" });
  return el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, ["Date", "Source", "Target", "CAMEO", "PLOVER", "Goldstein", "Quad", "Reported", ""].map((h) => el("th", { text: h })))),
    el("tbody", {}, events.flatMap((ev) => {
      // the dyad of this event: the page's own actor and the other side, or source and target
      const [one, other] = ownId ? [ownId, ev.source_actor === ownId ? ev.target_actor : ev.source_actor]
        : [ev.source_actor, ev.target_actor];
      const evidence = el("tr", { class: "evidence-row", hidden: true }, el("td", { colspan: 9 }));
      const row = el("tr", { class: "event-row", title: "click to read the sentences it was read from",
        onclick: () => showEvidence(ev, evidence) },
        el("td", { text: ev.date || "" }),
        el("td", {}, actorLink(ev.source_actor, ev.source_name)),
        el("td", {}, actorLink(ev.target_actor, ev.target_name)),
        el("td", { class: "code", text: cameoLabel(ev.cameo) }), el("td", { text: ev.plover || "" }),
        el("td", {}, goldsteinBadge(ev.goldstein)), el("td", {}, quadBadge(ev.quad_class)),
        el("td", {}, el("a", { href: `#/article/${encodeURIComponent(ev.first_article)}`, text: `${ev.n_articles} article(s)` })),
        el("td", {}, one && other ? el("a", { href: `#/dyad/${encodeURIComponent(one)}/${encodeURIComponent(other)}`, text: "dyad" }) : null));
      return [row, evidence];
    })));
}

// The sentences an event was read from, under its row: every event traces back to its text.
async function showEvidence(ev, row) {
  row.hidden = !row.hidden;
  if (row.hidden || row.dataset.loaded) return;
  const cell = row.firstChild;
  try {
    const found = await api(`/events/${ev.event_key}`);
    row.dataset.loaded = "1";
    cell.replaceChildren(el("ul", { class: "mentions" }, found.mentions.map((m) => el("li", {},
      el("span", { class: "evidence", text: m.evidence }), " — ",
      el("a", { href: `#/article/${encodeURIComponent(m.article_id)}`, text: m.headline || m.article_id }),
      m.published ? el("span", { class: "muted", text: ` ${m.published}` }) : null))));
  } catch (error) { showError(cell, error); }
}

function actorLink(id, name) {
  return id ? el("a", { href: `#/actor/${encodeURIComponent(id)}`, text: name || id }) : el("span", { class: "muted", text: "—" });
}

async function actorPage(id) {
  const container = el("div", {}, el("p", { class: "muted", text: "loading…" }));
  view().replaceChildren(container);
  try {
    const data = await api(`/entities/${encodeURIComponent(id)}`);
    const a = data.actor;
    const chart = el("div", { id: "timeline", class: "chart" });
    container.replaceChildren(
      el("h1", { id: "actor-name", text: a.name }),
      el("p", { class: "muted", text: [a.type, a.code, a.country, a.sector, `${a.n_articles} articles`, `${a.n_mentions} mentions`].filter(Boolean).join(" · ") }),
      data.titles.length ? el("p", {}, el("strong", { text: "Titles: " }), data.titles.join("; ")) : null,
      el("h2", { text: "Timeline" }), chart,
      el("h2", { text: `What they said (${data.quotes.length})` }),
      data.quotes.length ? el("ol", { class: "quotes", id: "actor-quotes" }, data.quotes.map((q) => el("li", {},
        el("div", { class: "quote-text", text: short(q.content, 400) }),
        el("div", { class: "muted" }, q.published || "", " ", el("a", { href: `#/article/${encodeURIComponent(q.article_id)}`, text: q.headline || "article" }))))) : el("p", { class: "muted", text: "none" }),
      el("h2", { text: `Events from ${a.name} (${data.events_from.length})` }), eventTable(data.events_from, id),
      el("h2", { text: `Events to ${a.name} (${data.events_to.length})` }), eventTable(data.events_to, id),
      el("h2", { text: "Articles" }),
      el("ul", {}, data.articles.map((r) => el("li", {}, r.published || "", " ",
        el("a", { href: `#/article/${encodeURIComponent(r.article_id)}`, text: r.headline || r.article_id })))));
    if (data.timeline.length) drawTimeline(chart, data.timeline);
    else chart.replaceWith(el("p", { class: "empty", text: "No dated articles, events or quotes to draw." }));
  } catch (error) { showError(container, error); }
}

function drawTimeline(node, timeline) {
  if (!window.echarts) return;
  const chart = echarts.init(node);
  const periods = timeline.map((t) => t.period);
  chart.setOption({
    animation: false,
    tooltip: { trigger: "axis" }, legend: { top: 0 },
    grid: { left: 40, right: 20, top: 30, bottom: 30 },
    xAxis: { type: "category", data: periods }, yAxis: { type: "value", minInterval: 1 },
    series: [
      { name: "mentioned in articles", type: "bar", data: timeline.map((t) => t.articles), color: "#8aa4c8" },
      { name: "events as source", type: "bar", data: timeline.map((t) => t.events_from), color: "#4e9a6f" },
      { name: "events as target", type: "bar", data: timeline.map((t) => t.events_to), color: "#c0392b" },
      { name: "quotes", type: "line", data: timeline.map((t) => t.quotes), color: "#d4a017" },
    ],
  });
}

async function dyadPage(a, b, query) {
  const by = query.get("by") === "week" ? "week" : "month";
  const container = el("div", {}, el("p", { class: "muted", text: "loading…" }));
  view().replaceChildren(container);
  try {
    const data = await api(`/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}?by=${by}`);
    const chart = el("div", { id: "dyad-chart", class: "chart tall" });
    const detail = el("div", { id: "dyad-articles" }, el("p", { class: "muted", text: "Click a bar to list the articles behind it." }));
    const switcher = el("p", {}, "Per ", ["month", "week"].map((p) => p === by ? el("strong", { text: `${p} ` }) :
      el("a", { href: `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}?by=${p}`, text: `${p} ` })));
    container.replaceChildren(
      el("h1", { id: "dyad-title" }, actorLink(a, data.a.name), " ⇄ ", actorLink(b, data.b.name)),
      switcher,
      el("p", { class: "muted", text: `${data.total} dated events between them` +
        (data.undated.length ? ` and ${data.undated.length} undated` : "") +
        "; bars count events by quad class, the line is the mean Goldstein score." }),
      data.points.length ? chart : el("p", { class: "empty", text: "No dated events between them to chart." }),
      detail,
      ...(data.undated.length ? [el("h2", { text: `Undated events (${data.undated.length}), not charted` }),
        eventTable(data.undated, a)] : []));
    if (data.points.length) drawDyad(chart, data, detail);
    else detail.replaceChildren();
  } catch (error) { showError(container, error); }
}

function drawDyad(node, data, detail) {
  if (!window.echarts) return;
  const periods = data.points.map((p) => p.period);
  const series = [1, 2, 3, 4].map((q) => ({
    name: QUADS[q], type: "bar", stack: "quads", color: QUAD_COLORS[q],
    data: data.points.map((p) => p.quads[q] || 0),
  }));
  series.push({ name: "mean Goldstein", type: "line", yAxisIndex: 1, color: "#333",
    data: data.points.map((p) => p.mean_goldstein), connectNulls: true });
  const chart = echarts.init(node);
  chart.setOption({
    animation: false, tooltip: { trigger: "axis" }, legend: { top: 0 },
    grid: { left: 40, right: 50, top: 40, bottom: 30 },
    xAxis: { type: "category", data: periods },
    yAxis: [{ type: "value", name: "events", minInterval: 1 }, { type: "value", name: "Goldstein", min: -10, max: 10 }],
    series,
  });
  const show = async (index) => {
    const point = data.points[index];
    const url = `/dyads/${encodeURIComponent(data.a.actor_id)}/${encodeURIComponent(data.b.actor_id)}/articles` +
      `?start=${point.period}&by=${data.by}`;
    try {
      const behind = await api(url);
      detail.replaceChildren(el("h2", { text: `${point.period} to ${behind.end}: ${point.count} events, mean Goldstein ${point.mean_goldstein}` }),
        el("ul", { class: "point-articles" }, behind.articles.map((r) => el("li", {}, r.published || "", " ",
          el("a", { href: `#/article/${encodeURIComponent(r.article_id)}`, text: r.headline || r.article_id }),
          el("div", { class: "evidence", text: r.evidence.map((e) => short(e, 200)).join(" … ") })))));
    } catch (error) { showError(detail, error); }
  };
  chart.on("click", (p) => show(p.dataIndex));
  chart.getZr().on("click", (p) => {
    const [x] = chart.convertFromPixel({ seriesIndex: 0 }, [p.offsetX, p.offsetY]) || [];
    if (x >= 0 && x < data.points.length) show(x);
  });
  window.dyadChart = chart;
}

// Events across the corpus, filtered as `newsgraph events` filters them.
async function eventsPage(query) {
  const fields = [["actor", "actor (id, code, country or name)"], ["source", "source"], ["target", "target"],
    ["root", "CAMEO root, e.g. 11"], ["from", "from"], ["to", "to"]];
  const inputs = Object.fromEntries(fields.map(([name, hint]) => [name, el("input", {
    id: `events-${name}`, name, value: query.get(name) || "", placeholder: hint,
    type: name === "from" || name === "to" ? "date" : "text" })]));
  const page = Math.max(0, Number(query.get("page") || 0)), size = 50;
  const list = el("div", { id: "events-results" }, el("p", { class: "muted", text: "loading…" }));
  const go = (p) => {
    const chosen = new URLSearchParams(Object.entries(inputs).filter(([, i]) => i.value.trim()).map(([k, i]) => [k, i.value.trim()]));
    chosen.set("page", p);
    location.hash = `#/events?${chosen}`;
  };
  view().replaceChildren(el("h1", { text: "Events" }),
    el("form", { class: "row", onsubmit: (e) => { e.preventDefault(); go(0); } },
      fields.map(([name]) => el("label", {}, `${name} `, inputs[name])),
      el("button", { type: "submit", text: "Filter" })), list);
  const asked = new URLSearchParams(fields.map(([k]) => [k, query.get(k)]).filter(([, v]) => v));
  asked.set("limit", size);
  asked.set("offset", page * size);
  try {
    const found = await api(`/events?${asked}`);
    list.dataset.count = found.items.length;
    list.replaceChildren(eventTable(found.items, null), el("div", { class: "row" },
      page > 0 ? el("button", { onclick: () => go(page - 1), text: "← previous" }) : null,
      found.more ? el("button", { onclick: () => go(page + 1), text: "next →" }) : null));
  } catch (error) { showError(list, error); }
}

// Who said what across the corpus: quotes by speaker or by words in them.
async function quotesPage(query) {
  const speaker = el("input", { id: "quotes-speaker", value: query.get("speaker") || "", placeholder: "actor id, code or name" });
  const words = el("input", { id: "quotes-search", value: query.get("search") || "", placeholder: "words in the quote" });
  const list = el("div", { id: "quotes-results" }, el("p", { class: "muted", text: "loading…" }));
  const go = () => {
    const chosen = new URLSearchParams([["speaker", speaker.value.trim()], ["search", words.value.trim()]].filter(([, v]) => v));
    location.hash = `#/quotes?${chosen}`;
  };
  view().replaceChildren(el("h1", { text: "Quotes" }),
    el("form", { class: "row", onsubmit: (e) => { e.preventDefault(); go(); } },
      el("label", {}, "speaker ", speaker), el("label", {}, "words ", words), el("button", { type: "submit", text: "Find" })),
    list);
  const asked = new URLSearchParams([["speaker", query.get("speaker")], ["search", query.get("search")]].filter(([, v]) => v));
  asked.set("limit", 200);
  try {
    const found = await api(`/quotes?${asked}`);
    list.dataset.count = found.items.length;
    list.replaceChildren(found.items.length ? el("ol", { class: "quotes" }, found.items.map((q) => el("li", {},
      el("div", {}, actorLink(q.speaker_actor, q.speaker_name), " ", el("span", { class: "badge", text: q.kind }),
        q.medium ? el("span", { class: "muted", text: ` via ${q.medium}` }) : null),
      el("div", { class: "quote-text", text: short(q.content, 400) }),
      el("div", { class: "muted" }, q.published || "", " ",
        el("a", { href: `#/article/${encodeURIComponent(q.article_id)}`, text: q.headline || q.article_id }))))) :
      el("p", { class: "empty", text: "No quotes found." }));
  } catch (error) { showError(list, error); }
}

async function networkPage(query) {
  const from = query.get("from") || "", to = query.get("to") || "";
  const fromIn = el("input", { id: "net-from", type: "date", value: from });
  const toIn = el("input", { id: "net-to", type: "date", value: to });
  const graph = el("div", { id: "network", class: "chart tall" });
  const info = el("p", { class: "muted" });
  view().replaceChildren(el("h1", { text: "Actor network" }),
    el("form", { class: "row", onsubmit: (e) => { e.preventDefault(); location.hash = `#/network?from=${fromIn.value}&to=${toIn.value}`; } },
      el("label", {}, "From ", fromIn), el("label", {}, "to ", toIn), el("button", { type: "submit", text: "Show" })),
    info, graph);
  try {
    const data = await api(`/network?date_from=${from}&date_to=${to}`);
    info.textContent = `${data.nodes.length} actors, ${data.edges.length} directed pairs. Edge colour: mean Goldstein (red conflict, green cooperation); width: events. Click an actor to open it, a link to open the dyad.`;
    drawNetwork(graph, data);
  } catch (error) { showError(info, error); }
}

function drawNetwork(node, data) {
  if (!window.cytoscape) return;
  const maxEvents = Math.max(1, ...data.edges.map((e) => e.n_events));
  const degree = new Map();
  for (const e of data.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) || 0) + e.n_events);
  const colour = (g) => (g > 0.5 ? "#2e8b57" : g < -0.5 ? "#c0392b" : "#888");
  const cy = cytoscape({
    container: node,
    elements: [
      ...data.nodes.map((n) => ({ data: { id: n.actor_id, label: n.name, weight: degree.get(n.actor_id) || 0 } })),
      ...data.edges.map((e, k) => ({ data: { id: `e${k}`, source: e.source, target: e.target, count: e.n_events,
        colour: colour(e.mean_goldstein), width: 1 + (5 * e.n_events) / maxEvents } })),
    ],
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 14, "text-wrap": "wrap", "text-max-width": 140, "background-color": "#5b7db1",
        width: "mapData(weight, 0, 20, 22, 48)", height: "mapData(weight, 0, 20, 22, 48)", "text-valign": "bottom" } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.8 } },
    ],
    layout: data.nodes.length > 3
      ? { name: "cose", animate: false, padding: 30, idealEdgeLength: () => 90, nodeRepulsion: () => 300000,
        componentSpacing: 40, nestingFactor: 1.2, gravity: 40 }
      : { name: "circle", animate: false, padding: 80, radius: 140 }, // a few actors: no tiny dots far apart
    maxZoom: 1.6, // a graph of two or three actors should not fill the screen with one label
  });
  cy.on("tap", "node", (e) => { location.hash = `#/actor/${encodeURIComponent(e.target.id())}`; });
  cy.on("tap", "edge", (e) => {
    const d = e.target.data();
    location.hash = `#/dyad/${encodeURIComponent(d.source)}/${encodeURIComponent(d.target)}`;
  });
  window.networkGraph = cy;
  node.dataset.nodes = cy.nodes().length; // a mark that the graph is drawn
}

// ---------- routing ----------

function route() {
  const { path, query } = params();
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const page = parts[0] || "analyze";
  document.querySelectorAll("[data-nav]").forEach((a) => a.classList.toggle("active", a.dataset.nav === page ||
    (page === "article" && a.dataset.nav === "search")));
  if (page === "search") return searchPage(query);
  if (page === "article" && parts[1]) return articlePage(parts[1]);
  if (page === "actor" && parts[1]) return actorPage(parts[1]);
  if (page === "dyad" && parts[2]) return dyadPage(parts[1], parts[2], query);
  if (page === "network") return networkPage(query);
  if (page === "events") return eventsPage(query);
  if (page === "quotes") return quotesPage(query);
  return analyzePage();
}

window.addEventListener("hashchange", route);
fetch("/cameo").then((r) => (r.ok ? r.json() : {})).catch(() => ({})).then((codes) => { CAMEO = codes; route(); });
