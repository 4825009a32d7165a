// toc serve: the live page. Hand-written, no library, nothing loaded from elsewhere.
//
// One event stream (/events?<view>) brings the diagram of this page's view and the
// status on every change of the file; the diagram is swapped in place, keeping zoom
// and scroll. Text from the document is only ever set as textContent, never as markup.
"use strict";

(function () {
  const words = JSON.parse(document.body.dataset.words);
  const defaults = JSON.parse(document.body.dataset.view || "{}");
  const view = {
    preset: defaults.preset || "default",
    color: defaults.color || "stage",
    intervention: defaults.intervention || "",
    focus: defaults.focus || "",
    depth: defaults.depth ? Number(defaults.depth) : null,
    reveal: defaults.reveal ? Number(defaults.reveal) : null,
    legend: defaults.legend !== "0",
    badges: defaults.badges !== "0",
    indicators: defaults.indicators === "1",
  };
  const $ = (id) => document.getElementById(id);
  const stage = $("stage");
  let source = null;
  let svgText = null;
  let status = null;
  let details = null;
  let detailsRevision = -1;
  let zoom = null; // null: fit the window; else a factor of the drawing's natural size
  let picked = null; // what the panel shows: {kind: "node"|"mechanism", id}

  // ------------------------------------------------------------------ the view

  function query() {
    const q = new URLSearchParams();
    if (view.preset !== "default") q.set("preset", view.preset);
    if (view.color !== "stage") q.set("color", view.color);
    if (view.intervention) q.set("intervention", view.intervention);
    if (view.focus) q.set("focus", view.focus);
    if (view.focus && view.depth !== null) q.set("depth", String(view.depth));
    if (view.reveal !== null) q.set("reveal", String(view.reveal));
    if (!view.legend) q.set("legend", "0");
    if (!view.badges) q.set("badges", "0");
    if (view.indicators) q.set("indicators", "1");
    return q.toString();
  }

  function connect() {
    if (source) source.close();
    source = new EventSource("/events" + (query() ? "?" + query() : ""));
    source.addEventListener("update", (event) => onUpdate(JSON.parse(event.data)));
    source.addEventListener("open", () => notice(null));
    source.addEventListener("error", () => notice(words.reconnecting));
    showControls();
  }

  function onUpdate(data) {
    status = data.status;
    showStatus();
    if (data.view_error) {
      notice(words.view_error + ": " + data.view_error);
      view.focus = "";
      view.depth = null;
      view.intervention = "";
      view.reveal = null;
      connect();
      return;
    }
    if (typeof data.svg === "string") swap(data.svg);
    if (status.good_revision !== detailsRevision && status.good_revision > 0) loadDetails();
  }

  function loadDetails() {
    const revision = status.good_revision;
    fetch("/details.json", { cache: "no-store" })
      .then((response) => response.json())
      .then((found) => {
        details = found;
        detailsRevision = revision;
        fillStrands();
        showControls();
        if (picked) showPanel(picked.kind, picked.id, false);
      })
      .catch(() => notice(words.reconnecting));
  }

  // ---------------------------------------------------------------- the diagram

  function swap(text) {
    const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = parsed.documentElement;
    if (root.nodeName !== "svg") return;
    const svg = document.importNode(root, true);
    const left = stage.scrollLeft;
    const top = stage.scrollTop;
    stage.replaceChildren(svg);
    svgText = text;
    applyZoom();
    stage.scrollLeft = left;
    stage.scrollTop = top;
  }

  function naturalSize(svg) {
    const box = svg.viewBox && svg.viewBox.baseVal;
    if (box && box.width) return [box.width * 4 / 3, box.height * 4 / 3];
    return [800, 600];
  }

  function applyZoom() {
    const svg = stage.querySelector("svg");
    stage.classList.toggle("fit", zoom === null);
    if (!svg) return;
    if (zoom === null) {
      svg.style.width = "";
      svg.style.height = "";
    } else {
      const [w, h] = naturalSize(svg);
      svg.style.width = Math.round(w * zoom) + "px";
      svg.style.height = Math.round(h * zoom) + "px";
    }
  }

  function currentScale() {
    const svg = stage.querySelector("svg");
    if (!svg) return 1;
    const [w] = naturalSize(svg);
    return svg.getBoundingClientRect().width / w;
  }

  function setZoom(factor) {
    zoom = factor === null ? null : Math.min(8, Math.max(0.1, factor));
    applyZoom();
    $("zoom-fit").setAttribute("aria-pressed", String(zoom === null));
  }

  // ------------------------------------------------------------------- status

  function showStatus() {
    const banner = $("banner");
    if (status.ok) {
      banner.hidden = true;
      banner.replaceChildren();
    } else {
      const strong = document.createElement("strong");
      strong.textContent = words.broken;
      const kept = document.createElement("span");
      kept.textContent = " " + (status.good_revision > 0 ? words.kept : "");
      const list = document.createElement("ul");
      for (const problem of status.problems) {
        const item = document.createElement("li");
        const where = document.createElement("code");
        where.textContent = problem.where;
        item.append(where, " " + problem.message);
        if (problem.hint) item.append(" — " + problem.hint);
        list.append(item);
      }
      banner.replaceChildren(strong, kept, list);
      banner.hidden = false;
    }
    const exposed = $("exposed");
    exposed.hidden = !status.exposed;
    exposed.textContent = status.exposed ? words.exposed + " " + status.url : "";
    const errors = status.findings.filter((f) => f.severity === "error").length;
    const button = $("findings");
    button.textContent = words.findings + ": " + status.findings.length;
    button.classList.toggle("has-errors", errors > 0);
    if (status.title) document.title = status.title;
    if (status.good_revision > 0) {
      const waiting = $("waiting");
      if (waiting) waiting.remove();
    }
  }

  function notice(text) {
    const box = $("notice");
    box.hidden = !text;
    box.textContent = text || "";
  }

  // ------------------------------------------------------------------ controls

  function showControls() {
    for (const button of document.querySelectorAll("[data-toggle]")) {
      const name = button.dataset.toggle;
      const on = name === "preset" ? view.preset === "projector" : view[name];
      button.setAttribute("aria-pressed", String(Boolean(on)));
    }
    $("colour-name").textContent = view.color === "verdict" ? "✓" : "■";
    $("strand").value = view.intervention;
    const stages = details ? details.stages : [];
    $("reveal-state").textContent =
      view.reveal === null
        ? words.all_stages
        : view.reveal + "/" + stages.length + " " + (stages[view.reveal - 1] || "");
    const group = $("focus-group");
    group.hidden = !view.focus;
    if (view.focus) {
      $("focus-state").textContent =
        words.focus + ": " + focusName(view.focus) +
        (view.depth === null ? "" : " · " + view.depth);
    }
    $("zoom-fit").setAttribute("aria-pressed", String(zoom === null));
  }

  function focusName(id) {
    if (!details) return id;
    if (details.nodes[id]) return details.nodes[id].label;
    const m = details.mechanisms[id];
    return m ? "M" + m.number : id;
  }

  function fillStrands() {
    const select = $("strand");
    const first = select.options[0];
    const options = [first];
    for (const one of details.interventions) {
      const option = document.createElement("option");
      option.value = one.id;
      option.textContent = one.name;
      options.push(option);
    }
    select.replaceChildren(...options);
    if (!details.interventions.some((i) => i.id === view.intervention)) view.intervention = "";
    select.value = view.intervention;
    select.parentElement.hidden = details.interventions.length === 0;
  }

  function change(update) {
    update();
    connect();
  }

  function toggle(name) {
    change(() => {
      if (name === "preset") view.preset = view.preset === "projector" ? "default" : "projector";
      else view[name] = !view[name];
    });
  }

  function reveal(step) {
    const count = details ? details.stages.length : 0;
    if (!count) return;
    change(() => {
      if (step < 0) view.reveal = view.reveal === null ? count - 1 : view.reveal - 1;
      else if (view.reveal !== null) view.reveal += 1;
      if (view.reveal !== null && view.reveal < 1) view.reveal = 1;
      if (view.reveal !== null && view.reveal >= count) view.reveal = null;
    });
  }

  function setFocus(id) {
    change(() => {
      view.focus = id;
      view.depth = 1;
    });
  }

  function depth(step) {
    if (!view.focus) return;
    change(() => {
      if (view.depth === null) view.depth = step < 0 ? 3 : null;
      else view.depth += step;
      if (view.depth !== null && view.depth < 0) view.depth = 0;
      if (view.depth !== null && view.depth > 6) view.depth = null;
    });
  }

  function clearFocus() {
    if (!view.focus) return;
    change(() => {
      view.focus = "";
      view.depth = null;
    });
  }

  function cycleStrand() {
    if (!details || !details.interventions.length) return;
    const ids = ["", ...details.interventions.map((i) => i.id)];
    change(() => {
      view.intervention = ids[(ids.indexOf(view.intervention) + 1) % ids.length];
      view.focus = "";
      view.depth = null;
    });
  }

  // --------------------------------------------------------------------- panel

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function badgeCells(mechanism) {
    const span = el("span");
    span.append(el("span", "M" + mechanism.number, "cell badge-number"));
    const cells = mechanism.badge[view.intervention] || mechanism.badge[""] || [];
    for (const cell of cells) {
      const mark = el("span", cell.symbol + (cell.suggested ? "*" : ""), "cell");
      mark.style.background = cell.colour;
      mark.style.color = cell.text_colour;
      mark.title = cell.word;
      span.append(mark);
    }
    return span;
  }

  function verdictLines(mechanism) {
    const list = el("ul");
    const cells = mechanism.badge[view.intervention] || mechanism.badge[""] || [];
    for (const cell of cells) {
      const who = cell.intervention ? cell.intervention + ": " : "";
      list.append(el("li", who + cell.symbol + " " + cell.word + (cell.suggested ? " *" : "")));
    }
    return list;
  }

  function section(title, children) {
    const part = el("section");
    part.append(el("h3", title), ...children);
    return part;
  }

  function listOf(items) {
    const list = el("ul");
    for (const item of items) list.append(el("li", item));
    return list;
  }

  function showPanel(kind, id, scroll) {
    if (!details) return;
    const panel = $("panel");
    const parts = [];
    const close = el("button", "×", "close");
    close.type = "button";
    close.setAttribute("aria-label", details.words.close);
    close.addEventListener("click", hidePanel);
    const w = details.words;
    if (kind === "node") {
      const node = details.nodes[id];
      if (!node) return hidePanel();
      parts.push(el("h2", node.label));
      parts.push(el("p", node.stage + " · " + node.strand.join(", "), "meta"));
      if (node.description) parts.push(el("p", node.description));
      if (node.indicators.length) {
        parts.push(
          section(
            w.indicators,
            node.indicators.map((i) => {
              const line = el("p", i.name);
              const values = [];
              if (i.baseline) values.push(w.baseline + ": " + i.baseline);
              if (i.target) values.push(w.target + ": " + i.target);
              if (i.readings.length) values.push(w.actual + ": " + i.readings.join(", "));
              if (values.length) line.append(el("span", " — " + values.join("; "), "meta"));
              return line;
            })
          )
        );
      }
      const support = Object.entries(node.support);
      if (support.length) {
        parts.push(
          section(w.support, [listOf(support.map(([k, v]) => (k ? k + ": " : "") + v))])
        );
      }
    } else {
      const m = details.mechanisms[id];
      if (!m) return hidePanel();
      const head = el("h2");
      head.append(badgeCells(m), " " + m.title);
      parts.push(head);
      parts.push(section(w.verdict, [verdictLines(m)]));
      if (m.statement) parts.push(section(w.statement, [el("p", m.statement, "statement")]));
      if (m.conditions.length) {
        parts.push(section(w.conditions, [listOf(m.conditions.map((c) =>
          c.statement + (c.states.length ? " (" + c.states.join("; ") + ")" : "")))]));
      }
      if (m.links.length) parts.push(section(w.links, [listOf(m.links)]));
      const evidence = [];
      for (const group of m.evidence) {
        evidence.push(el("p", group.heading, "meta"));
        const list = el("ul");
        for (const item of group.items) {
          const li = el("li", item.summary);
          li.append(el("div", [item.kind, item.source, item.date, item.stance].filter(Boolean)
            .join(" · "), "meta"));
          list.append(li);
        }
        evidence.push(list);
      }
      if (evidence.length) parts.push(section(w.evidence, evidence));
      const judged = [];
      for (const block of m.judgements) {
        if (!block.verdict && !block.suggestion) continue;
        const p = el("p");
        p.append(el("strong", (block.heading ? block.heading + ": " : "") +
          (block.verdict || w.none)));
        if (block.rationale) p.append(" " + block.rationale);
        judged.push(p);
        const meta = [block.by, block.date].filter(Boolean);
        if (block.suggestion) {
          meta.push(w.suggestion + ": " + block.suggestion +
            (block.posterior ? " (" + w.posterior + " " + block.posterior + ")" : ""));
        }
        if (meta.length) judged.push(el("p", meta.join(" · "), "meta"));
      }
      if (judged.length) parts.push(section(w.judgement, judged));
    }
    const actions = el("p", null, "actions");
    const focus = el("button", w.focus);
    focus.type = "button";
    focus.id = "focus-here";
    focus.addEventListener("click", () => setFocus(id));
    actions.append(focus);
    parts.splice(1, 0, actions);
    panel.replaceChildren(close, ...parts);
    panel.hidden = false;
    panel.dataset.kind = kind;
    panel.dataset.id = id;
    picked = { kind, id };
    if (scroll) panel.scrollTop = 0;
  }

  function showFindings() {
    if (!status || !details) return;
    const panel = $("panel");
    const close = el("button", "×", "close");
    close.type = "button";
    close.addEventListener("click", hidePanel);
    const list = el("ul");
    for (const f of status.findings) {
      list.append(el("li", f.where + ": " + f.severity + " " + (f.code || "") + ": " + f.message));
    }
    if (!status.findings.length) list.append(el("li", details.words.no_findings));
    panel.replaceChildren(close, el("h2", details.words.findings), list);
    panel.hidden = false;
    panel.dataset.kind = "findings";
    picked = null;
  }

  function hidePanel() {
    $("panel").hidden = true;
    picked = null;
  }

  const BADGE = /^M(\d+)$/;

  function mechanismAt(target) {
    // A click on a badge: its "Mn" text, or a verdict cell after it.
    if (target.nodeName === "text" && BADGE.test(target.textContent.trim())) {
      return BADGE.exec(target.textContent.trim())[1];
    }
    const group = target.closest("g");
    if (!group || !(group.classList.contains("node") || group.classList.contains("edge") ||
      group.classList.contains("graph"))) return null;
    const next = target.nextElementSibling;
    if (next && next.nodeName === "text" && BADGE.test(next.textContent.trim())) {
      return BADGE.exec(next.textContent.trim())[1];
    }
    let back = target.previousElementSibling;
    for (let steps = 0; back && steps < 12; steps += 1, back = back.previousElementSibling) {
      if (back.nodeName === "text") {
        const found = BADGE.exec(back.textContent.trim());
        if (found) return found[1];
        if (group.classList.contains("graph")) return null;
      }
    }
    return null;
  }

  stage.addEventListener("click", (event) => {
    if (!details) return;
    const target = event.target;
    const number = mechanismAt(target);
    if (number && details.numbers[number]) {
      showPanel("mechanism", details.numbers[number], true);
      return;
    }
    const node = target.closest("g.node");
    if (node) {
      const title = node.querySelector("title");
      const id = title ? title.textContent : "";
      if (details.nodes[id]) showPanel("node", id, true);
    }
  });

  // ------------------------------------------------------------------ downloads

  function fileName(suffix) {
    const base = (status && status.id) || "diagram";
    const extra = [view.intervention, view.focus, view.reveal ? "r" + view.reveal : ""]
      .filter(Boolean).join("-");
    return base + (extra ? "-" + extra : "") + suffix;
  }

  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  function pngBlob(width) {
    // The current view drawn at `width` pixels, on white.
    return new Promise((resolve, reject) => {
      if (!svgText) return reject(new Error("no diagram"));
      const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
      const image = new Image();
      image.onload = () => {
        const height = Math.round(width * image.naturalHeight / image.naturalWidth);
        const canvas = document.createElement("canvas");
        canvas.width = width;
        canvas.height = height;
        const context = canvas.getContext("2d");
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, width, height);
        context.drawImage(image, 0, 0, width, height);
        URL.revokeObjectURL(url);
        canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no PNG"))), "image/png");
      };
      image.onerror = () => reject(new Error("the SVG did not load"));
      image.src = url;
    });
  }

  $("download-svg").addEventListener("click", () => {
    if (svgText) save(new Blob([svgText], { type: "image/svg+xml" }), fileName(".svg"));
  });
  $("download-png").addEventListener("click", () => {
    pngBlob(1920).then((blob) => save(blob, fileName(".png")), (err) => notice(err.message));
  });

  // ----------------------------------------------------------- buttons and keys

  function fullscreen() {
    if (document.fullscreenElement) document.exitFullscreen();
    else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(() => {});
    }
  }
  document.addEventListener("fullscreenchange", () => {
    document.body.classList.toggle("presenting", Boolean(document.fullscreenElement));
  });

  for (const button of document.querySelectorAll("[data-toggle]")) {
    button.addEventListener("click", () => toggle(button.dataset.toggle));
  }
  $("colour").addEventListener("click", () =>
    change(() => { view.color = view.color === "verdict" ? "stage" : "verdict"; }));
  $("strand").addEventListener("change", (event) =>
    change(() => {
      view.intervention = event.target.value;
      view.focus = "";
      view.depth = null;
    }));
  $("reveal-less").addEventListener("click", () => reveal(-1));
  $("reveal-more").addEventListener("click", () => reveal(1));
  $("wider").addEventListener("click", () => depth(1));
  $("narrower").addEventListener("click", () => depth(-1));
  $("unfocus").addEventListener("click", clearFocus);
  $("zoom-in").addEventListener("click", () => setZoom((zoom || currentScale()) * 1.25));
  $("zoom-out").addEventListener("click", () => setZoom((zoom || currentScale()) / 1.25));
  $("zoom-fit").addEventListener("click", () => setZoom(null));
  $("fullscreen").addEventListener("click", fullscreen);
  $("findings").addEventListener("click", showFindings);
  $("help-button").addEventListener("click", () => { $("help").hidden = !$("help").hidden; });
  stage.addEventListener("wheel", (event) => {
    if (!event.ctrlKey) return;
    event.preventDefault();
    setZoom((zoom || currentScale()) * (event.deltaY < 0 ? 1.1 : 1 / 1.1));
  }, { passive: false });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const tag = event.target.nodeName;
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") return;
    const keys = {
      p: () => toggle("preset"),
      l: () => toggle("legend"),
      b: () => toggle("badges"),
      i: () => toggle("indicators"),
      c: () => $("colour").click(),
      s: cycleStrand,
      f: fullscreen,
      ArrowLeft: () => reveal(-1),
      ArrowRight: () => reveal(1),
      "[": () => depth(-1),
      "]": () => depth(1),
      "+": () => $("zoom-in").click(),
      "=": () => $("zoom-in").click(),
      "-": () => $("zoom-out").click(),
      "0": () => setZoom(null),
      "?": () => $("help-button").click(),
      Escape: () => {
        if (!$("help").hidden) $("help").hidden = true;
        else if (!$("panel").hidden) hidePanel();
        else clearFocus();
      },
    };
    const action = keys[event.key] || keys[event.key.toLowerCase()];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  setZoom(null);
  connect();
})();
