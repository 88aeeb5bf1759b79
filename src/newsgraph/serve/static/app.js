// newsgraph web UI: a hash-routed page over the JSON API (the same endpoints a script uses).
// Article text is only ever inserted with textContent: nothing from an article becomes markup.
"use strict";

const QUADS = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };
// chart colours; the badges use darker ones (white text on them passes WCAG AA, 4.5:1)
const QUAD_COLORS = { 1: "#4e9a6f", 2: "#1f6f43", 3: "#e08a2c", 4: "#c0392b" };
const QUAD_BADGES = { 1: "#2f6f4c", 2: "#1f6f43", 3: "#9a4a00", 4: "#a93226" };
const view = () => document.getElementById("view");
let CAMEO = {}; // code -> {name, goldstein, quad_class, plover}, loaded once from /cameo
// asked at once, beside the page's own first request; api() answers only once it is in, so labels are ready
const CAMEO_LOADED = fetch("/cameo").then((r) => (r.ok ? r.json() : {})).catch(() => ({})).then((codes) => { CAMEO = codes; });

// The chart libraries (static/vendor) load when a page first draws with them, so that pages
// without charts do not wait for 1.5 MB of script.
const LIBRARIES = {};

function library(name) {
  const global = { echarts: "echarts", cytoscape: "cytoscape", "topojson-client": "topojson" }[name];
  if (window[global]) return Promise.resolve(window[global]);
  LIBRARIES[name] ||= new Promise((resolve, reject) => {
    const script = el("script", { src: `/static/vendor/${name}.min.js` });
    script.onload = () => resolve(window[global]);
    script.onerror = () => { delete LIBRARIES[name]; reject(new Error(`the ${name} library could not be loaded`)); };
    document.head.append(script);
  });
  return LIBRARIES[name];
}

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
  const [response] = await Promise.all([fetch(path, options), CAMEO_LOADED]);
  let body = null;
  try { body = await response.json(); } catch (_) { /* not JSON: reported below */ }
  if (!response.ok) {
    const message = body && body.error ? body.error : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

function showError(container, error) {
  const message = String(error.message || error);
  const invalid = message.match(/query\.(\w+): (String should match pattern|Input should be)/);
  const hint = /Failed to fetch|NetworkError/.test(message) ? "The server could not be reached; is it still running?"
    : invalid ? `The “${invalid[1].replace(/_/g, " ")}” filter does not take that value; change or clear it.` : message;
  container.replaceChildren(el("p", { class: "error", role: "alert" }, el("strong", { text: "Sorry, that did not work. " }), hint));
}

// replaceChildren, leaving out the parts a page does not have (null, undefined, false)
function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

function loading(what = "") {
  return el("p", { class: "loading", role: "status", text: `Loading${what ? " " + what : ""}…` });
}

function num(n) {
  return Number(n || 0).toLocaleString("en");
}

// Rows that act like links or buttons answer the keyboard too: Enter or Space runs ``action``.
function activatable(node, action, label) {
  node.tabIndex = 0;
  if (label) node.setAttribute("aria-label", label);
  node.addEventListener("click", action);
  node.addEventListener("keydown", (e) => {
    if ((e.key === "Enter" || e.key === " ") && e.target === node) { e.preventDefault(); action(e); }
  });
  return node;
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
  return el("span", { class: "quad", style: { background: QUAD_BADGES[q] || "#555" } }, QUADS[q] || `quad ${q}`);
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
// Each carries ``label``, what a reader sees on hover ("Schiff → Obama: 020 Appeal, 2016-09-08").
function annotations(record) {
  const names = new Map(record.entities.map((e) => [e.id, e.name]));
  const who = (id) => (id ? names.get(id) || id : "someone");
  const out = [];
  record.entities.forEach((e, k) => e.mentions.forEach((m) => out.push({ ...m, kind: "m", ref: e.id, k,
    label: [e.name, e.type, e.code].filter(Boolean).join(" · ") })));
  record.quotes.forEach((q, i) => {
    const label = `Quote ${i + 1}: ${q.speaker ? who(q.speaker) : "unattributed"} (${q.kind})`;
    out.push({ ...q.content, kind: "q", i, label });
    if (q.speaker_mention) out.push({ ...q.speaker_mention, kind: "sp", i });
    if (q.cue) out.push({ ...q.cue, kind: "cue", i });
  });
  record.events.forEach((ev, j) => out.push({ ...ev.evidence, kind: "ev", i: j, quad: ev.quad_class,
    label: `Event ${j + 1}: ${who(ev.source)} → ${who(ev.target)}: ${cameoLabel(ev.cameo)}` +
      `${ev.negated ? " (negated)" : ""}${ev.date ? ", " + ev.date : ""}` }));
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
  const labels = [...new Set(active.map((n) => n.label).filter(Boolean))];
  if (labels.length) span.title = labels.join("\n");
  if (span.dataset.ev !== undefined || span.dataset.q !== undefined) {
    span.tabIndex = 0; // highlights are reachable from the keyboard; Enter shows their list item
    span.setAttribute("aria-label", `${text} (${labels.join("; ")})`);
  }
  return span;
}

function flash(selector) {
  const nodes = document.querySelectorAll(selector);
  const tab = nodes.length && nodes[0].closest("[data-tab]");
  if (tab && tab.hidden) showTab(tab.dataset.tab);
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
  const pick = (event) => {
    const target = event.target.closest("[data-start]");
    if (!target) return;
    if (target.dataset.ev !== undefined) flash(`#event-${target.dataset.ev.split(" ")[0]}`);
    else if (target.dataset.q !== undefined) flash(`#quote-${target.dataset.q.split(" ")[0]}`);
    if (target.dataset.ent) selectEntity(target.dataset.ent);
  };
  article.addEventListener("click", pick);
  article.addEventListener("keydown", (e) => { if (e.key === "Enter") pick(e); });
  const tabs = [["events", "Events", record.events.length, eventList(record, names, actorIds)],
    ["quotes", "Quotes", record.quotes.length, quoteList(record, names)],
    ["entities", "Entities", record.entities.length, entityList(record, entityIndex, actorIds)]];
  const panel = el("aside", { class: "panel" },
    metaBox(record),
    el("div", { class: "tabs", role: "tablist", "aria-label": "What the article holds" },
      tabs.map(([key, label, n], k) => el("button", { type: "button", role: "tab", id: `tab-${key}`, "data-tab-button": key,
        "aria-selected": k === 0 ? "true" : "false", "aria-controls": `panel-${key}`, onclick: () => showTab(key),
        text: `${label} (${n})` }))),
    tabs.map(([key, , , body], k) => el("div", { id: `panel-${key}`, role: "tabpanel", "data-tab": key,
      "aria-labelledby": `tab-${key}`, hidden: k !== 0 }, body)));
  return el("div", { class: "record", "data-record": record.id }, article, panel);
}

function showTab(key) {
  document.querySelectorAll("[data-tab]").forEach((n) => { n.hidden = n.dataset.tab !== key; });
  document.querySelectorAll("[data-tab-button]").forEach((b) =>
    b.setAttribute("aria-selected", b.dataset.tabButton === key ? "true" : "false"));
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
    return activatable(el("li", { class: "entity", "data-ent": e.id },
      el("span", { class: "dot", style: { background: colour.line } }),
      actor ? el("a", { href: `#/actor/${encodeURIComponent(actor)}`, text: e.name }) : el("strong", { text: e.name }),
      " ", el("span", { class: "muted", text: [e.type, e.code, e.country].filter(Boolean).join(" · ") }),
      e.titles.length ? el("div", { class: "titles", text: e.titles.join("; ") }) : null,
      el("span", { class: "count", text: `${e.mentions.length}×` })),
    () => { selectEntity(e.id); flash(`.m[data-ent="${CSS.escape(e.id)}"]`); });
  });
  return el("section", {}, el("h2", { class: "sr-only", text: `Entities (${record.entities.length})` }),
    items.length ? el("ul", { class: "entities" }, items) : el("p", { class: "muted", text: "none found" }));
}

function quoteList(record, names) {
  const items = record.quotes.map((q, i) => activatable(el("li", { class: "quote-item", id: `quote-${i}` },
    el("div", {}, el("strong", { text: q.speaker ? names.get(q.speaker) || q.speaker : "unattributed" }),
      " ", el("span", { class: "badge", text: q.kind }), q.medium ? el("span", { class: "muted", text: ` via ${q.medium}` }) : null),
    el("div", { class: "quote-text", text: short(q.content.text) })), () => flash(`.q[data-q~="${i}"]`)));
  return el("section", {}, el("h2", { class: "sr-only", text: `Quotes (${record.quotes.length})` }),
    items.length ? el("ol", { class: "quotes" }, items) : el("p", { class: "muted", text: "none found" }));
}

function eventList(record, names, actorIds) {
  const who = (id) => (id ? names.get(id) || id : "—");
  const items = record.events.map((ev, j) => {
    const a = actorIds[ev.source], b = actorIds[ev.target];
    return activatable(el("li", { class: "event-item", id: `event-${j}` },
      el("div", {}, el("strong", { text: who(ev.source) }), " → ", el("strong", { text: who(ev.target) }),
        a && b ? el("a", { class: "dyad-link", href: `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, text: "dyad" }) : null),
      el("div", {}, el("span", { class: "code", title: "CAMEO event code", text: cameoLabel(ev.cameo) }), " ",
        ev.plover ? el("span", { class: "code", text: ev.plover }) : null, " ",
        goldsteinBadge(ev.goldstein), " ", quadBadge(ev.quad_class),
        ev.negated ? el("span", { class: "badge neg", text: "negated" }) : null,
        ev.date ? el("span", { class: "muted", text: ` ${ev.date}` }) : null),
      el("div", { class: "evidence", text: short(ev.evidence.text) })), () => flash(`.ev[data-ev~="${j}"]`));
  });
  return el("section", {}, el("h2", { class: "sr-only", text: `Events (${record.events.length})` }),
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
    const keys = record.entities.map((e) => ({ name: e.name, code: e.code, type: e.type, actor_id: e.actor_id }));
    const found = await api("/entities/lookup", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(keys),
    });
    return Object.fromEntries(record.entities.map((e, k) => [e.id, found.actor_ids[k]]).filter((p) => p[1]));
  } catch (_) {
    return {}; // no store behind this server: the entities stay unlinked
  }
}

// A stored article; ``?event=N`` or ``?quote=N`` (the event's or quote's number in the article)
// scrolls to that sentence and flashes it, so other pages can link to the very sentence.
async function articlePage(id, query) {
  const container = el("div", {}, loading("the article"));
  view().replaceChildren(el("p", {}, el("a", { href: "#/search", text: "← articles" })), container);
  try {
    const data = await api(`/articles/${encodeURIComponent(id)}`);
    container.replaceChildren(el("h1", { text: data.record.meta.headline || id }), renderRecord(data.record, data.actors || {}));
    for (const [kind, sel] of [["event", "ev"], ["quote", "q"]]) {
      const n = query.get(kind);
      if (n === null || !document.getElementById(`${kind}-${n}`)) continue;
      showTab(`${kind}s`); // the list item, in its tab, and the sentence flash together; the page scrolls to the sentence
      flash(`.${sel}[data-${sel}~="${CSS.escape(n)}"], #${kind}-${CSS.escape(n)}`);
    }
  } catch (error) { showError(container, error); }
}

// ---------- browsable tables: sort, facets, paging, downloads ----------

// How a facet value reads on the page.
function facetLabel(name, value) {
  if (value === null || value === undefined) return "(none)";
  if (name === "quad_class") return QUADS[value] || value;
  if (name === "root") return cameoLabel(String(value));
  return String(value);
}

const FACET_NAMES = {
  root: "CAMEO root", quad_class: "Quad class", plover: "PLOVER type", source_country: "Source country",
  target_country: "Target country", month: "Month", publisher: "Publisher", kind: "Kind", medium: "Medium",
  type: "Type", country: "Country", sector: "Sector",
};

// A Datasette-like table over one list endpoint. Its state (filters, facet choices, sort,
// page) lives in the address, so every view can be linked, reloaded and downloaded.
//   spec: id, title, path (#path), endpoint, size, fields [[name, label, input attrs]],
//         columns [{label, sort, key, cell(row)}], row(item, cells) optional, intro(state) optional
async function tablePage(spec, query) {
  const state = new URLSearchParams(query);
  const page = Math.max(0, Number(state.get("page") || 0));
  const sort = state.get("sort") || "";
  const href = (changes) => {
    const next = new URLSearchParams(state);
    if (!("page" in changes)) next.delete("page");
    for (const [k, v] of Object.entries(changes)) if (v === null || v === "" || v === undefined) next.delete(k); else next.set(k, String(v));
    return `#${spec.path}?${next}`;
  };
  const asked = new URLSearchParams([...state].filter(([k, v]) => k !== "page" && v !== ""));
  for (const [k, v] of Object.entries(spec.defaults || {})) if (!state.has(k)) asked.set(k, v);
  for (const k of spec.uiOnly || []) asked.delete(k);
  const inputs = Object.fromEntries(spec.fields.map(([name, label, attrs]) => {
    const value = state.get(name) ?? (spec.defaults || {})[name] ?? "";
    const input = attrs.options
      ? el("select", { id: `${spec.id}-${name}`, name }, attrs.options.map(([v, t]) => el("option", { value: v, text: t, selected: v === value })))
      : el("input", { id: `${spec.id}-${name}`, name, value, ...attrs });
    if (attrs.type === "checkbox") input.checked = value === "1";
    return [name, el("label", {}, `${label} `, input)];
  }));
  const form = el("form", { class: "filters", role: "search", onsubmit: (e) => {
    e.preventDefault();
    const changes = {};
    for (const [name] of spec.fields) {
      const input = inputs[name].querySelector("input, select");
      changes[name] = input.type === "checkbox" ? (input.checked ? "1" : "0") : input.value.trim();
    }
    location.hash = href(changes);
  } }, Object.values(inputs), el("button", { type: "submit", text: "Filter" }),
  state.toString() ? el("a", { href: `#${spec.path}`, class: "clear", text: "clear all" }) : null);
  const facetBox = el("aside", { class: "facets", "aria-label": "Facets" });
  const results = el("div", { id: `${spec.id}-results`, class: "results", "aria-live": "polite" }, loading(spec.title.toLowerCase()));
  fill(view(), el("h1", { text: spec.heading || spec.title }), spec.intro ? spec.intro(state) : null, form,
    el("div", { class: "explore" }, facetBox, el("div", { class: "main-col" }, spec.above ? spec.above(asked) : null, results)));
  asked.set("limit", spec.size);
  asked.set("offset", page * spec.size);
  asked.set("facets", "true");
  let found;
  try {
    found = await api(`${spec.endpoint}?${asked}`);
  } catch (error) { showError(results, error); return; }
  results.dataset.count = found.items.length;
  results.dataset.total = found.total;
  facetBox.replaceChildren(...facetSections(found.facets || {}, state, href));
  const download = new URLSearchParams(asked);
  ["limit", "offset", "facets"].forEach((k) => download.delete(k));
  const csv = new URLSearchParams(download); csv.set("format", "csv");
  const json = new URLSearchParams(download); json.set("limit", 500);
  const first = page * spec.size + 1, last = page * spec.size + found.items.length;
  const pages = Math.max(1, Math.ceil(found.total / spec.size));
  const summary = el("div", { class: "row summary" },
    el("h2", { id: `${spec.id}-count`, text: found.total ? `${spec.title} ${num(first)}–${num(last)} of ${num(found.total)}` : `No ${spec.title.toLowerCase()}` }),
    el("span", { class: "downloads" }, "Download: ",
      el("a", { id: `${spec.id}-csv`, href: `${spec.endpoint}?${csv}`, download: `${spec.id}.csv`, text: `CSV (all ${num(found.total)})` }), " · ",
      el("a", { id: `${spec.id}-json`, href: `${spec.endpoint}?${json}`, text: "JSON (first 500)" })));
  if (!found.items.length) {
    results.replaceChildren(summary, el("p", { class: "empty" },
      found.total ? "This page is past the last one. " : `Nothing matches these filters. `,
      el("a", { href: `#${spec.path}`, text: "Start again without filters" }), "."));
    return;
  }
  const shown = spec.columns.filter((c) => !c.key || found.items.some((r) => r[c.key] !== null && r[c.key] !== undefined && r[c.key] !== ""));
  const hidden = spec.columns.filter((c) => !shown.includes(c)).map((c) => c.label);
  const head = el("tr", {}, shown.map((c) => {
    if (!c.sort) return el("th", { scope: "col", text: c.label });
    const now = sort === c.sort ? "ascending" : sort === `-${c.sort}` ? "descending" : null;
    const next = now === "ascending" ? `-${c.sort}` : c.sort;
    return el("th", { scope: "col", "aria-sort": now || "none" },
      el("a", { class: "sort", href: href({ sort: next }), title: `sort by ${c.label.toLowerCase()}` },
        c.label, el("span", { "aria-hidden": "true", text: now === "ascending" ? " ▲" : now === "descending" ? " ▼" : " ↕" })));
  }));
  const rows = found.items.flatMap((item) => {
    const cells = shown.map((c) => el("td", { "data-label": c.label }, c.cell(item)));
    return spec.row ? spec.row(item, cells, shown.length) : [el("tr", {}, cells)];
  });
  // the same sorts as a menu, for screens too narrow for a table header
  const sorter = el("select", { id: `${spec.id}-sort`, onchange: (e) => { location.hash = href({ sort: e.target.value }); } },
    el("option", { value: "", text: "default" }),
    shown.filter((c) => c.sort).flatMap((c) => [[c.sort, `${c.label} ↑`], [`-${c.sort}`, `${c.label} ↓`]])
      .map(([v, t]) => el("option", { value: v, text: t, selected: v === sort })));
  summary.append(el("label", { class: "sort-menu" }, "Sort by ", sorter));
  const pager = el("nav", { class: "row pager", "aria-label": "pages" },
    page > 0 ? el("a", { href: href({ page: page - 1 }), rel: "prev", text: "← previous" }) : null,
    el("span", { class: "muted", text: `page ${num(page + 1)} of ${num(pages)}` }),
    page + 1 < pages ? el("a", { href: href({ page: page + 1 }), rel: "next", text: "next →" }) : null);
  fill(results, summary,
    hidden.length ? el("p", { class: "muted", text: `Not shown, as no row here has one: ${hidden.join(", ")}.` }) : null,
    el("div", { class: "table-wrap" }, el("table", { class: "grid" }, el("thead", {}, head), el("tbody", {}, rows))),
    pager);
}

// Facets: per facet, its commonest values with counts; a click filters by the value, the
// chosen value shows first with a way back.
function facetSections(facets, state, href) {
  return Object.entries(facets).filter(([, values]) => values.some((v) => v.value !== null)).map(([name, values]) => {
    const chosen = state.get(name);
    const wide = window.matchMedia("(min-width: 701px)").matches; // on a phone facets start closed, below the filters
    return el("details", { class: "facet", open: wide || Boolean(chosen), "data-facet": name },
      el("summary", { text: FACET_NAMES[name] || name }),
      el("ul", {}, chosen ? el("li", { class: "chosen" }, el("strong", { text: facetLabel(name, chosen) }), " ",
        el("a", { href: href({ [name]: null }), "aria-label": `remove the filter ${FACET_NAMES[name] || name}`, text: "✕ remove" })) : null,
      values.filter((v) => v.value !== null && String(v.value) !== chosen).map((v) => el("li", {},
        el("a", { href: href({ [name]: v.value }), text: facetLabel(name, v.value) }),
        el("span", { class: "n", text: num(v.count) })))));
  });
}

// A column showing a row's value as text (left out of a page where no row has one), and a count.
function textColumn(label, key, sort = key) {
  return { label, sort, key, cell: (row) => row[key] || "" };
}

function countColumn(sort, key) {
  return { label: sort[0].toUpperCase() + sort.slice(1), sort, cell: (row) => num(row[key]) };
}

function articleCell(id, headline, extra = "") {
  return el("a", { href: `#/article/${encodeURIComponent(id)}${extra}`, text: headline || id });
}

// Articles, with the actors whose names match the search above them.
function searchPage(query) {
  return tablePage({
    id: "search", title: "Articles", path: "/search", endpoint: "/articles", size: 20,
    fields: [["search", "Words", { type: "search", placeholder: "in headline or text" }],
      ["from", "From", { type: "date" }], ["to", "to", { type: "date" }]],
    intro: (state) => {
      const words = state.get("search");
      if (!words) return null;
      const box = el("section", { id: "search-actors" });
      api(`/entities?search=${encodeURIComponent(words)}&limit=12`).then((found) => {
        if (!found.items.length) return;
        box.replaceChildren(el("h2", { text: `Actors named like “${words}” (${num(found.total)})` }),
          el("ul", { class: "chips" }, found.items.map((a) => el("li", {},
            el("a", { href: `#/actor/${encodeURIComponent(a.actor_id)}`, text: a.name }),
            el("span", { class: "muted", text: ` ${a.code || a.type || ""} · ${a.n_articles} art.` })))));
      }).catch(() => {});
      return box;
    },
    columns: [
      textColumn("Published", "published"),
      { label: "Headline", sort: "headline", cell: (a) => articleCell(a.article_id, a.headline) },
      textColumn("Publisher", "publisher"),
      ...["words", "entities", "quotes", "events"].map((k) => countColumn(k, `n_${k}`)),
    ],
  }, query);
}

function actorsPage(query) {
  return tablePage({
    id: "actors", title: "Actors", path: "/actors", endpoint: "/entities", size: 50,
    fields: [["search", "Name or code", { type: "search", placeholder: "e.g. Putin or RUS" }],
      ["code", "Exact code", { placeholder: "e.g. USAGOV", size: 8 }]],
    columns: [
      { label: "Name", sort: "name", cell: (a) => actorLink(a.actor_id, a.name) },
      textColumn("Type", "type"), textColumn("Code", "code"), textColumn("Country", "country"),
      countColumn("articles", "n_articles"), countColumn("mentions", "n_mentions"),
    ],
  }, query);
}

function placesPage(query) {
  return tablePage({
    id: "places", title: "Places", path: "/places", endpoint: "/places", size: 50,
    fields: [["search", "Name", { type: "search", placeholder: "e.g. Moscow" }]],
    columns: [
      { label: "Place", sort: "name", cell: (p) => el("a", { href: `#/events?place=${encodeURIComponent(p.name)}`, title: "the events that took place here", text: p.name }) },
      textColumn("Kind", "kind"), textColumn("Country", "country"),
      { label: "Lat, lon", cell: (p) => (p.lat === null ? "" : `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`) },
      countColumn("articles", "n_articles"), countColumn("mentions", "n_mentions"),
    ],
  }, query);
}

// Who said what across the corpus: quotes by speaker (exact) or by words in them.
function quotesPage(query) {
  return tablePage({
    id: "quotes", title: "Quotes", path: "/quotes", endpoint: "/quotes", size: 50,
    fields: [["speaker_name", "Speaker", { placeholder: "part of a name" }],
      ["search", "Words", { type: "search", placeholder: "in the quote" }]],
    columns: [
      { label: "Published", sort: "published", key: "published", cell: (q) => q.published || "" },
      { label: "Speaker", sort: "speaker", cell: (q) => actorLink(q.speaker_actor, q.speaker_name) },
      { label: "Quote", cell: (q) => el("span", { class: "quote-text", text: short(q.content, 300) }) },
      { label: "Kind", sort: "kind", cell: (q) => [q.kind, q.medium ? ` via ${q.medium}` : ""].join("") },
      { label: "Article", sort: "headline", cell: (q) => articleCell(q.article_id, q.headline, `?quote=${q.seq}`) },
    ],
  }, query);
}

const EVENT_FIELDS = () => [
  ["actor", "Actor", { placeholder: "id or whole code (RUS)", size: 14 }],
  ["actor_name", "Name", { placeholder: "part of a name", size: 12 }],
  ["root", "CAMEO root", { options: [["", "any"], ...Object.keys(CAMEO).filter((c) => c.length === 2).sort().map((c) => [c, cameoLabel(c)])] }],
  ["cameo", "CAMEO code", { placeholder: "e.g. 112", size: 6, inputmode: "numeric", pattern: "\\d{1,4}",
    title: "a CAMEO code or its first digits" }],
  ["quad_class", "Quad class", { options: [["", "any"], ...Object.entries(QUADS)] }],
  ["from", "From", { type: "date" }], ["to", "to", { type: "date" }],
  ["dyadic", "Both actors known", { type: "checkbox", value: "1" }],
];

// Links between the three views of the same events: table, timeline and map.
function eventViews(current, asked) {
  const keep = new URLSearchParams([...asked].filter(([k]) => !["limit", "offset", "facets", "sort", "by", "page"].includes(k)));
  return el("nav", { class: "views", "aria-label": "views of these events" }, [["events", "Table"], ["timeline", "Timeline"], ["map", "Map"]].map(([path, label]) =>
    path === current ? el("strong", { "aria-current": "page", text: label }) : el("a", { href: `#/${path}?${keep}`, text: label })));
}

// Events across the corpus: exact actor filters, facets, sortable columns; each row opens onto its evidence.
async function eventsPage(query, current = "events", above = null) {
  await CAMEO_LOADED; // the form lists the CAMEO roots by name
  const headings = { events: "Events", timeline: "Events over time", map: "Where events took place" };
  return tablePage({
    id: "events", title: "Events", heading: headings[current], path: `/${current}`, endpoint: "/events", size: 50,
    defaults: { dyadic: "1" }, uiOnly: ["by"], fields: EVENT_FIELDS(),
    intro: () => el("p", { class: "muted", text: "Filter by an actor's id or whole code (RUS: only actors coded RUS), a name, " +
      "or the facets; “both actors known” hides events whose source or target was not found." }),
    above: (asked) => el("div", {}, eventViews(current, asked), above ? above(asked) : null),
    columns: [
      { label: "Date", sort: "date", cell: (ev) => ev.day || ev.date || "" },
      { label: "Source", sort: "source", cell: (ev) => actorLink(ev.source_actor, ev.source_name) },
      { label: "Target", sort: "target", cell: (ev) => actorLink(ev.target_actor, ev.target_name) },
      { label: "CAMEO", sort: "cameo", cell: (ev) => el("span", { class: "code", text: cameoLabel(ev.cameo) }) },
      { label: "PLOVER", sort: "plover", cell: (ev) => ev.plover || "" },
      { label: "Goldstein", sort: "goldstein", cell: (ev) => goldsteinBadge(ev.goldstein) },
      { label: "Quad", sort: "quad_class", cell: (ev) => quadBadge(ev.quad_class) },
      { label: "Reported", sort: "mentions", cell: (ev) => `${ev.n_mentions}× in ${ev.n_articles}` },
      { label: "", cell: (ev) => dyadLink(ev.source_actor, ev.target_actor) },
    ],
    row: (ev, cells, width) => eventRows(ev, cells, width),
  }, query);
}

function dyadLink(a, b) {
  return a && b ? el("a", { href: `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, text: "dyad" }) : null;
}

// An event row and, under it, the sentences it was read from (shown on click, Enter or Space).
function eventRows(ev, cells, width) {
  const evidence = el("tr", { class: "evidence-row", hidden: true }, el("td", { colspan: width }));
  const row = activatable(el("tr", { class: "event-row", title: "show the sentences it was read from", "aria-expanded": "false" }, cells),
    (e) => { if (!e.target.closest("a")) showEvidence(ev, evidence, row); });
  return [row, evidence];
}

// The sentences an event was read from, under its row: every event traces back to its text.
async function showEvidence(ev, row, opener) {
  row.hidden = !row.hidden;
  if (opener) opener.setAttribute("aria-expanded", row.hidden ? "false" : "true");
  if (row.hidden || row.dataset.loaded) return;
  const cell = row.firstChild;
  cell.replaceChildren(loading("the sentences"));
  try {
    const found = await api(`/events/${ev.event_key}`);
    row.dataset.loaded = "1";
    cell.replaceChildren(el("ul", { class: "mentions" }, found.mentions.map((m) => el("li", {},
      el("span", { class: "evidence", text: m.evidence }), " — ",
      articleCell(m.article_id, m.headline, `?event=${m.seq}`),
      m.published ? el("span", { class: "muted", text: ` ${m.published}` }) : null))));
  } catch (error) { showError(cell, error); }
}

function eventTable(events, ownId) {
  if (!events.length) return el("p", { class: "empty", text: "None." });
  const labels = ["Date", "Source", "Target", "CAMEO", "PLOVER", "Goldstein", "Quad", "Reported", ""];
  return el("div", { class: "table-wrap" }, el("table", { class: "grid" },
    el("thead", {}, el("tr", {}, labels.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, events.flatMap((ev) => {
      // the dyad of this event: the page's own actor and the other side, or source and target
      const [one, other] = ownId ? [ownId, ev.source_actor === ownId ? ev.target_actor : ev.source_actor]
        : [ev.source_actor, ev.target_actor];
      const cells = [ev.day || ev.date || "", actorLink(ev.source_actor, ev.source_name), actorLink(ev.target_actor, ev.target_name),
        el("span", { class: "code", text: cameoLabel(ev.cameo) }), ev.plover || "", goldsteinBadge(ev.goldstein),
        quadBadge(ev.quad_class), `${ev.n_mentions}× in ${ev.n_articles}`, dyadLink(one, other)]
        .map((c, k) => el("td", { "data-label": labels[k] }, c));
      return eventRows(ev, cells, labels.length);
    }))));
}

function actorLink(id, name) {
  return id ? el("a", { href: `#/actor/${encodeURIComponent(id)}`, text: name || id }) : el("span", { class: "muted", text: "—" });
}

// A list cut to its first rows says so, and links to the whole list.
function cutNote(shown, total, href, what) {
  return total > shown ? el("p", { class: "cut" }, `Showing the first ${num(shown)} of ${num(total)} ${what}. `,
    el("a", { href, text: `See all ${num(total)}` })) : null;
}

async function actorPage(id) {
  const container = el("div", {}, loading("the actor"));
  view().replaceChildren(container);
  try {
    const data = await api(`/entities/${encodeURIComponent(id)}`);
    const a = data.actor;
    const chart = el("div", { id: "timeline", class: "chart", role: "img", "aria-label": `${a.name} over time` });
    const own = encodeURIComponent(id);
    fill(container,
      el("h1", { id: "actor-name", text: a.name }),
      el("p", { class: "muted", text: [a.type, a.code, a.country, a.sector, `${num(a.n_articles)} articles`, `${num(a.n_mentions)} mentions`].filter(Boolean).join(" · ") }),
      data.titles.length ? el("p", {}, el("strong", { text: "Titles: " }), data.titles.slice(0, 12).join("; ")) : null,
      data.titles.length > 12 ? el("details", {}, el("summary", { text: `all ${num(data.titles.length)} titles, commonest first` }),
        el("p", { text: data.titles.join("; ") })) : null,
      el("h2", { text: "Timeline" }), chart,
      el("h2", { text: `What they said (${num(data.quotes.total)})` }),
      data.quotes.items.length ? el("ol", { class: "quotes", id: "actor-quotes" }, data.quotes.items.map((q) => el("li", {},
        el("div", { class: "quote-text", text: short(q.content, 400) }),
        el("div", { class: "muted" }, q.published || "", " ", articleCell(q.article_id, q.headline || "article", `?quote=${q.seq}`))))) : el("p", { class: "empty", text: "No quotes found." }),
      cutNote(data.quotes.items.length, data.quotes.total, `#/quotes?speaker=${own}`, "quotes"),
      el("h2", { text: `Events from ${a.name} (${num(data.events_from.total)})` }), eventTable(data.events_from.items, id),
      cutNote(data.events_from.items.length, data.events_from.total, `#/events?source=${own}&dyadic=0`, "events"),
      el("h2", { text: `Events to ${a.name} (${num(data.events_to.total)})` }), eventTable(data.events_to.items, id),
      cutNote(data.events_to.items.length, data.events_to.total, `#/events?target=${own}&dyadic=0`, "events"),
      el("h2", { text: `Articles (${num(data.articles.total)})` }),
      el("ul", {}, data.articles.items.map((r) => el("li", {}, r.published || "", " ", articleCell(r.article_id, r.headline)))),
      cutNote(data.articles.items.length, data.articles.total, `#/search?actor=${own}`, "articles"));
    if (data.timeline.length) drawTimeline(chart, data.timeline).catch((error) => showError(chart, error));
    else chart.replaceWith(el("p", { class: "empty", text: "No dated articles, events or quotes to draw." }));
  } catch (error) { showError(container, error); }
}

// Every chart has a true time axis: the API fills quiet periods with zeros.
function timeAxis(points) {
  return { type: "category", data: points.map((p) => p.period), axisLabel: { hideOverlap: true } };
}

async function drawTimeline(node, timeline) {
  const echarts = await library("echarts");
  const chart = echarts.init(node);
  chart.setOption({
    animation: false,
    tooltip: { trigger: "axis" }, legend: { top: 0 },
    grid: { left: 40, right: 20, top: 30, bottom: 30 },
    xAxis: timeAxis(timeline), yAxis: { type: "value", minInterval: 1 },
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
  const container = el("div", {}, loading("the dyad"));
  view().replaceChildren(container);
  try {
    const path = `/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
    const data = await api(`${path}?by=${by}`);
    const chart = el("div", { id: "dyad-chart", class: "chart tall", role: "img", "aria-label": "events between them per period" });
    const detail = el("div", { id: "dyad-articles" }, el("p", { class: "muted", text: "Click a bar to list the articles behind it." }));
    const switcher = el("p", {}, "Per ", ["month", "week"].map((p) => p === by ? el("strong", { text: `${p} ` }) :
      el("a", { href: `#/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}?by=${p}`, text: `${p} ` })),
      " · Download: ", el("a", { href: `${path}?by=${by}&format=csv`, download: "dyad.csv", text: "CSV" }), " · ",
      el("a", { href: `#/events?actor=${encodeURIComponent(a)}&dyadic=0`, text: "all events of the first actor" }));
    fill(container,
      el("h1", { id: "dyad-title" }, actorLink(a, data.a.name), " ⇄ ", actorLink(b, data.b.name)),
      switcher,
      el("p", { class: "muted", text: `${data.total} dated events between them` +
        (data.undated.length ? ` and ${data.undated.length} undated` : "") +
        "; bars count events by quad class, the line is the mean Goldstein score." }),
      data.points.length ? chart : el("p", { class: "empty", text: "No dated events between them to chart." }),
      detail,
      ...(data.undated.length ? [el("h2", { text: `Undated events (${data.undated.length}), not charted` }),
        eventTable(data.undated, a)] : []));
    if (data.points.length) drawDyad(chart, data, detail).catch((error) => showError(chart, error));
    else detail.replaceChildren();
  } catch (error) { showError(container, error); }
}

// Stacked bars per quad class and the mean Goldstein line, over a true time axis; with
// ``tone``, also the mean tone line (on the same -10 to +10 axis as Goldstein).
async function quadChart(node, points, { tone = false, ...extra } = {}) {
  const echarts = await library("echarts");
  const series = [1, 2, 3, 4].map((q) => ({
    name: QUADS[q], type: "bar", stack: "quads", color: QUAD_COLORS[q], data: points.map((p) => p.quads[q] || 0),
  }));
  series.push({ name: "mean Goldstein", type: "line", yAxisIndex: 1, color: "#333",
    data: points.map((p) => p.mean_goldstein), connectNulls: false, showSymbol: true, symbolSize: 4 });
  if (tone) series.push({ name: "mean tone", type: "line", yAxisIndex: 1, color: "#7b3fa0", lineStyle: { type: "dashed" },
    data: points.map((p) => p.mean_tone), connectNulls: false, showSymbol: true, symbolSize: 4 });
  // a long axis opens on the stretch that holds most events (the slider shows the whole of it)
  const total = points.reduce((n, p) => n + p.count, 0);
  let seen = 0, start = 0;
  for (let k = 0; k < points.length; k++) { seen += points[k].count; if (seen > total * 0.05) { start = k; break; } }
  const zoomStart = points.length > 40 ? Math.min(90, (100 * start) / points.length) : 0;
  const chart = echarts.init(node);
  chart.setOption({
    animation: false, tooltip: { trigger: "axis" }, legend: { top: 0, type: "scroll" },
    grid: { left: 45, right: 50, top: 40, bottom: points.length > 40 ? 60 : 30 },
    xAxis: timeAxis(points),
    yAxis: [{ type: "value", name: "events", minInterval: 1 },
      { type: "value", name: tone ? "Goldstein, tone" : "Goldstein", min: -10, max: 10 }],
    dataZoom: points.length > 40 ? [{ type: "slider", bottom: 8, height: 18, start: zoomStart }, { type: "inside", start: zoomStart }] : [],
    series, ...extra,
  });
  return chart;
}

async function drawDyad(node, data, detail) {
  const chart = await quadChart(node, data.points);
  const show = async (index) => {
    const point = data.points[index];
    if (!point || !point.count) return;
    const url = `/dyads/${encodeURIComponent(data.a.actor_id)}/${encodeURIComponent(data.b.actor_id)}/articles` +
      `?start=${point.period}&by=${data.by}`;
    detail.replaceChildren(loading("the articles"));
    try {
      const behind = await api(url);
      detail.replaceChildren(el("h2", { text: `${point.period} to ${behind.end}: ${point.count} events, mean Goldstein ${point.mean_goldstein}` }),
        el("ul", { class: "point-articles" }, behind.articles.map((r) => el("li", {}, r.published || "", " ",
          articleCell(r.article_id, r.headline, `?event=${r.seqs[0]}`),
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

// The last day of the period that begins on ``start`` (ISO dates).
function periodEnd(start, by) {
  const d = new Date(`${start}T00:00:00Z`);
  if (by === "week") d.setUTCDate(d.getUTCDate() + 6);
  else if (by === "month") { d.setUTCMonth(d.getUTCMonth() + 1); d.setUTCDate(0); }
  else if (by === "year") { d.setUTCMonth(11); d.setUTCDate(31); }
  return d.toISOString().slice(0, 10);
}

function eventFilterParams(asked) {
  return new URLSearchParams([...asked].filter(([k]) => !["limit", "offset", "facets", "sort", "page", "by"].includes(k)));
}

// The corpus timeline: events per period by quad class with the mean Goldstein score and
// the mean tone, filtered like the table; a click on a bar lists that period's events.
function timelinePage(query) {
  const by = ["day", "week", "month", "year"].includes(query.get("by")) ? query.get("by") : "month";
  return eventsPage(query, "timeline", (asked) => {
    const filters = eventFilterParams(asked);
    const chart = el("div", { id: "corpus-timeline", class: "chart tall", role: "img", "aria-label": "events over time by quad class, with mean Goldstein score and tone" });
    const here = new URLSearchParams(filters);
    const box = el("section", {}, el("p", { class: "row" }, "Per ", ["week", "month", "year"].map((p) => {
      here.set("by", p);
      return p === by ? el("strong", { text: p }) : el("a", { href: `#/timeline?${here}`, text: p });
    }), " · ", el("a", { id: "timeline-csv", href: `/events/timeline?${filters}&by=${by}&format=csv`, download: "timeline.csv", text: "CSV" })),
      el("p", { id: "corpus-timeline-note", class: "muted", text: "Bars count events by quad class; the lines are the events' mean " +
        "Goldstein score and their mean tone (each event's tone: the mean tone of the articles that report it, positive minus " +
        "negative words per 100 words). Both lines use the right-hand axis, -10 to +10." }), chart);
    api(`/events/timeline?${filters}&by=${by}`).then(async (data) => {
      if (!data.points.length) { chart.replaceWith(el("p", { class: "empty", text: "No dated events match these filters." })); return; }
      const drawn = await quadChart(chart, data.points, { tone: true });
      drawn.on("click", (p) => {
        const start = data.points[p.dataIndex].period;
        const next = new URLSearchParams(filters);
        next.set("from", start); next.set("to", periodEnd(start, by));
        location.hash = `#/events?${next}`;
      });
      chart.dataset.points = data.points.length;
      window.timelineChart = drawn;
    }).catch((error) => showError(chart, error));
    return box;
  });
}

let WORLD = null; // the world's countries as GeoJSON, made once from the vendored TopoJSON

// A flat map cannot draw a ring that crosses the 180th meridian (Russia, Fiji, Antarctica)
// without a stray line across the world: such a ring keeps to the side most of it lies on.
function uncrossed(geometry) {
  const fix = (ring) => {
    if (!ring.some((p, k) => k > 0 && Math.abs(p[0] - ring[k - 1][0]) > 180)) return ring;
    const east = ring.filter((p) => p[0] > 0).length >= ring.length / 2;
    return ring.map(([lon, lat]) => [east ? (lon < 0 ? 180 : lon) : (lon > 0 ? -180 : lon), lat]);
  };
  if (geometry.type === "Polygon") return geometry.coordinates.map(fix);
  if (geometry.type === "MultiPolygon") return geometry.coordinates.map((poly) => poly.map(fix));
  return geometry.coordinates;
}

async function worldMap() {
  if (!WORLD) {
    const [topology, topojson, echarts] = await Promise.all([api("/static/vendor/world-atlas.countries-110m.json"),
      library("topojson-client"), library("echarts")]);
    WORLD = topojson.feature(topology, topology.objects.countries);
    WORLD.features = WORLD.features.filter((f) => f.properties.name !== "Antarctica"); // room for the rest
    WORLD.features.forEach((f) => { f.geometry.coordinates = uncrossed(f.geometry); });
    echarts.registerMap("world", WORLD);
  }
  return WORLD;
}

// The map: each event place (GDELT's ActionGeo) as a dot sized by its events and coloured
// by their mean Goldstein score; a click lists the events behind it.
function mapPage(query) {
  return eventsPage(query, "map", (asked) => {
    const filters = eventFilterParams(asked);
    const chart = el("div", { id: "event-map", class: "chart map", role: "img", "aria-label": "event places on a world map" });
    const box = el("section", {}, el("p", { class: "muted" }, "Dots: event places, sized by events, coloured by mean Goldstein score " +
      "(red conflict, green cooperation). Click a dot for its events. ",
    el("a", { id: "map-csv", href: `/events/map?${filters}&format=csv`, download: "places.csv", text: "Download the places (CSV)" })), chart);
    Promise.all([api(`/events/map?${filters}`), worldMap()]).then(([data]) => {
      if (!data.places.length) { chart.replaceWith(el("p", { class: "empty", text: "No event with a known place matches these filters." })); return; }
      const most = Math.max(...data.places.map((p) => p.n_events));
      const drawn = echarts.init(chart);
      drawn.setOption({
        animation: false,
        tooltip: { trigger: "item", formatter: (p) => p.data ? `${p.data.name}: ${p.data.n} events, mean Goldstein ${p.data.g ?? "–"}` : p.name },
        geo: { map: "world", roam: true, itemStyle: { areaColor: "#eef1f5", borderColor: "#9aa5b5" }, emphasis: { disabled: true } },
        visualMap: { type: "continuous", min: -10, max: 10, dimension: 3, inRange: { color: ["#c0392b", "#bbbbbb", "#1f6f43"] },
          text: ["cooperation", "conflict"], calculable: false, left: 10, bottom: 10, itemHeight: 80 },
        series: [{ type: "scatter", coordinateSystem: "geo",
          data: data.places.map((p) => ({ name: p.name, value: [p.lon, p.lat, p.n_events, p.mean_goldstein ?? 0], n: p.n_events, g: p.mean_goldstein })),
          symbolSize: (v) => 5 + 25 * Math.sqrt(v[2] / most), itemStyle: { opacity: 0.85, borderColor: "#fff", borderWidth: 0.5 } }],
      });
      drawn.on("click", (p) => {
        if (!p.data) return;
        const next = new URLSearchParams(filters);
        next.set("place", p.data.name);
        location.hash = `#/events?${next}`;
      });
      chart.dataset.places = data.places.length;
      window.mapChart = drawn;
    }).catch((error) => showError(chart, error));
    return box;
  });
}

// The actor network over a date range: the busiest pairs first, a minimum-events slider,
// a search that highlights an actor, and a note when pairs were left out.
async function networkPage(query) {
  const from = query.get("from") || "", to = query.get("to") || "";
  const least = Math.max(1, Number(query.get("min_events") || 1));
  const most = [25, 50, 100, 200, 500].includes(Number(query.get("limit"))) ? Number(query.get("limit")) : 50;
  const fromIn = el("input", { id: "net-from", type: "date", value: from });
  const toIn = el("input", { id: "net-to", type: "date", value: to });
  const minIn = el("input", { id: "net-min", type: "range", min: 1, max: 10, value: least });
  const minOut = el("output", { for: "net-min", text: String(least) });
  minIn.addEventListener("input", () => { minOut.textContent = minIn.value; });
  const limitIn = el("select", { id: "net-limit" }, [25, 50, 100, 200, 500].map((n) => el("option", { value: n, text: n, selected: n === most })));
  const find = el("input", { id: "net-find", type: "search", placeholder: "highlight an actor" });
  const graph = el("div", { id: "network", class: "chart tall", role: "img", "aria-label": "actor network" });
  const info = el("p", { class: "muted", id: "net-info" }, loading("the network"));
  const ask = () => new URLSearchParams([["from", fromIn.value], ["to", toIn.value], ["min_events", minIn.value],
    ["limit", limitIn.value]].filter(([, v]) => v)).toString();
  view().replaceChildren(el("h1", { text: "Actor network" }),
    el("form", { class: "filters", onsubmit: (e) => { e.preventDefault(); location.hash = `#/network?${ask()}`; } },
      el("label", {}, "From ", fromIn), el("label", {}, "to ", toIn),
      el("label", { class: "inline" }, "At least ", minIn, " ", minOut, " events per pair"), el("label", {}, "Pairs ", limitIn),
      el("button", { type: "submit", text: "Show" })),
    el("div", { class: "row" }, el("label", {}, "Find ", find),
      el("a", { id: "net-csv", href: `/network?${ask()}&format=csv`, download: "network.csv", text: "Download the pairs (CSV)" })),
    info, graph);
  try {
    const data = await api(`/network?${ask()}`);
    graph.dataset.request = ask();
    if (!data.edges.length) {
      info.replaceChildren(el("span", { class: "empty", text: "No pair of actors has that many events in this range. Lower the minimum or widen the dates." }));
      graph.replaceChildren();
      return;
    }
    info.replaceChildren(`${num(data.nodes.length)} actors, ${num(data.edges.length)} directed pairs` +
      (data.cut ? ` — the busiest ${num(data.edges.length)} of ${num(data.n_edges)} pairs; raise the number of pairs or the minimum to see others.` : ".") +
      " Edge colour: mean Goldstein (red conflict, green cooperation); width: events. Click an actor to open it, a link to open the dyad.");
    const cy = await drawNetwork(graph, data);
    find.addEventListener("input", () => {
      const words = find.value.trim().toLowerCase();
      cy.elements().removeClass("found faded");
      if (!words) return;
      const hits = cy.nodes().filter((n) => n.data("label").toLowerCase().includes(words));
      if (!hits.length) return;
      cy.elements().addClass("faded");
      hits.closedNeighborhood().removeClass("faded");
      hits.addClass("found");
      cy.animate({ fit: { eles: hits.closedNeighborhood(), padding: 60 } }, { duration: 300 });
    });
  } catch (error) { showError(info, error); }
}

async function drawNetwork(node, data) {
  const cytoscape = await library("cytoscape");
  const maxEvents = Math.max(1, ...data.edges.map((e) => e.n_events));
  const degree = new Map();
  for (const e of data.edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) || 0) + e.n_events);
  const maxDegree = Math.max(1, ...degree.values());
  const colour = (g) => (g > 0.5 ? "#2e8b57" : g < -0.5 ? "#c0392b" : "#888");
  const cy = cytoscape({
    container: node,
    elements: [
      ...data.nodes.map((n) => ({ data: { id: n.actor_id, label: n.name, weight: degree.get(n.actor_id) || 0 } })),
      ...data.edges.map((e, k) => ({ data: { id: `e${k}`, source: e.source, target: e.target, count: e.n_events,
        colour: colour(e.mean_goldstein), width: 1 + (6 * e.n_events) / maxEvents } })),
    ],
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": `mapData(weight, 0, ${maxDegree}, 13, 22)`, "text-wrap": "wrap", "text-max-width": 130,
        "background-color": "#5b7db1", width: `mapData(weight, 0, ${maxDegree}, 14, 54)`, height: `mapData(weight, 0, ${maxDegree}, 14, 54)`,
        "text-valign": "bottom", "text-margin-y": 3, color: "#1d2330", "text-background-color": "#ffffff", "text-background-opacity": 0.8,
        "text-background-padding": 1, "min-zoomed-font-size": 7 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.75 } },
      { selector: ".faded", style: { opacity: 0.12 } },
      { selector: "node.found", style: { "background-color": "#e67e22", "border-width": 3, "border-color": "#1d2330" } },
    ],
    layout: data.nodes.length > 3
      ? { name: "cose", animate: false, padding: 30, idealEdgeLength: () => 110, nodeRepulsion: () => 900000,
        componentSpacing: 80, nestingFactor: 1.2, gravity: 30, numIter: 1000, randomize: false }
      : { name: "circle", animate: false, padding: 80, radius: 140 }, // a few actors: no tiny dots far apart
    maxZoom: 1.6, // a graph of two or three actors should not fill the screen with one label
  });
  // labels legible at first fit: a graph drawn small gets larger type, in proportion
  const scale = Math.min(3, 1 / Math.max(cy.zoom(), 0.25));
  if (scale > 1) {
    cy.style().selector("node").style({ "font-size": `mapData(weight, 0, ${maxDegree}, ${12 * scale}, ${18 * scale})` }).update();
  }
  cy.on("tap", "node", (e) => { location.hash = `#/actor/${encodeURIComponent(e.target.id())}`; });
  cy.on("tap", "edge", (e) => {
    const d = e.target.data();
    location.hash = `#/dyad/${encodeURIComponent(d.source)}/${encodeURIComponent(d.target)}`;
  });
  window.networkGraph = cy;
  node.dataset.nodes = cy.nodes().length; // a mark that the graph is drawn
  return cy;
}

// ---------- routing ----------

function route() {
  const { path, query } = params();
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const page = parts[0] || "analyze";
  document.querySelectorAll("[data-nav]").forEach((a) => {
    const on = a.dataset.nav === page || (page === "article" && a.dataset.nav === "search");
    a.classList.toggle("active", on);
    if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  });
  window.scrollTo(0, 0);
  // a page that draws starts loading its library beside its first request, not after it
  for (const name of { actor: ["echarts"], dyad: ["echarts"], timeline: ["echarts"], map: ["echarts", "topojson-client"],
    network: ["cytoscape"] }[page] || []) library(name).catch(() => {});
  if (page === "search") return searchPage(query);
  if (page === "article" && parts[1]) return articlePage(parts[1], query);
  if (page === "actor" && parts[1]) return actorPage(parts[1]);
  if (page === "actors") return actorsPage(query);
  if (page === "places") return placesPage(query);
  if (page === "dyad" && parts[2]) return dyadPage(parts[1], parts[2], query);
  if (page === "network") return networkPage(query);
  if (page === "events") return eventsPage(query);
  if (page === "timeline") return timelinePage(query);
  if (page === "map") return mapPage(query);
  if (page === "quotes") return quotesPage(query);
  return analyzePage();
}

window.addEventListener("hashchange", route);
document.querySelector(".skip").addEventListener("click", (e) => { e.preventDefault(); view().focus(); });
route();
