/* policyparse report: the targets table, drawn a page at a time from the JSON in the page,
   filtered by the controls or by a link (#targets:year=2025, #targets:owner=…), sorted
   by a column, and exported as CSV (the rows shown, all pages). */
(function () {
  "use strict";
  var source = document.getElementById("pp-targets");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var F = {};
  data.fields.forEach(function (name, i) { F[name] = i; });
  var shownCols = data.columns.map(function (name) { return F[name]; });
  var NUMERIC = { n: true, value: true, year: true };
  var PER = 100;
  var table = document.getElementById("tg-table");
  var body = table.tBodies[0];
  var el = function (id) { return document.getElementById(id); };
  var year = el("tg-year"), unit = el("tg-unit"), owner = el("tg-owner");
  var skip = el("tg-skip"), query = el("tg-q"), count = el("tg-count");
  var state = { page: 0, col: 0, asc: true };

  function text(v) { return v === null || v === undefined ? "" : String(v); }
  function keeps(r) {
    var y = year.value;
    if (y === "no year" ? r[F.year] !== null : y && String(r[F.year]) !== y) return false;
    var u = unit.value.trim();
    if (u && r[F.base] !== u && r[F.unit] !== u) return false;
    var o = owner.value.trim(), exact = /^".*"$/.test(o);
    if (exact) o = o.slice(1, -1);
    if (o && !r[F.names].some(function (n) { return exact ? n === o : n.indexOf(o) >= 0; })) {
      return false;
    }
    if (skip.value && skip.value.split(" ").indexOf(r[F["function"]]) >= 0) return false;
    var q = query.value.trim().toLowerCase();
    if (q) {
      var all = [r[F.document], r[F.indicator], r[F.text], r[F.owners], r[F.deadline]].join(" ");
      if (all.toLowerCase().indexOf(q) < 0) return false;
    }
    return true;
  }
  function matching() {
    var out = data.rows.filter(keeps);
    var c = shownCols[state.col], name = data.fields[c], sign = state.asc ? 1 : -1;
    out.sort(function (a, b) {
      var x = a[c], y = b[c], d;
      if (NUMERIC[name]) {
        d = (x === null ? -Infinity : x) - (y === null ? -Infinity : y);
      } else {
        d = text(x).localeCompare(text(y), "zh");
      }
      return d === 0 ? a[F.n] - b[F.n] : sign * d;
    });
    return out;
  }
  function row(r) {
    var tr = document.createElement("tr");
    tr.setAttribute("data-year", text(r[F.year]) || "-");
    shownCols.forEach(function (c) {
      var td = document.createElement("td");
      var name = data.fields[c];
      if (NUMERIC[name]) td.className = "num";
      if (name === "indicator" && r[F.href]) {
        var a = document.createElement("a");
        a.setAttribute("href", r[F.href]);
        a.textContent = text(r[c]) || r[F.text];
        a.title = r[F.text];
        td.appendChild(a);
      } else {
        td.textContent = text(r[c]);
      }
      if (name !== "n" && name !== "value" && name !== "year") td.lang = "zh-CN";
      tr.appendChild(td);
    });
    return tr;
  }
  function draw() {
    var list = matching();
    var pages = Math.max(1, Math.ceil(list.length / PER));
    state.page = Math.min(Math.max(state.page, 0), pages - 1);
    var from = state.page * PER;
    var fragment = document.createDocumentFragment();
    list.slice(from, from + PER).forEach(function (r) { fragment.appendChild(row(r)); });
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(fragment);
    table.setAttribute("data-total", String(list.length));
    count.textContent = list.length
      ? (from + 1) + "–" + Math.min(from + PER, list.length) + " of " + list.length + (list.length === 1 ? " target" : " targets")
        + (pages > 1 ? " (page " + (state.page + 1) + " of " + pages + ")" : "")
      : "no target matches";
    el("tg-prev").disabled = state.page === 0;
    el("tg-next").disabled = state.page >= pages - 1;
    return list;
  }
  function csvCell(v) {
    var s = text(v);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function download() {
    var cols = ["document", "path", "indicator", "cmp", "value", "unit", "year", "deadline",
      "owners", "function", "text"];
    var lines = [cols.join(",")];
    matching().forEach(function (r) {
      lines.push(cols.map(function (name) { return csvCell(r[F[name]]); }).join(","));
    });
    var blob = new Blob(["\ufeff" + lines.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "targets.csv";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function fromHash() {
    var h = decodeURIComponent(location.hash || "");
    if (h.indexOf("#targets:") !== 0) return;
    var pair = h.slice(9), at = pair.indexOf("=");
    if (at < 0) return;
    var key = pair.slice(0, at), value = pair.slice(at + 1);
    [year, unit, owner, query].forEach(function (c) { c.value = ""; });
    if (key === "year") year.value = value;
    else if (key === "unit") unit.value = value;
    else if (key === "owner") owner.value = '"' + value + '"';  // a unit named exactly
    else query.value = value;
    state.page = 0;
    draw();
    el("targets").scrollIntoView();
  }
  table.querySelectorAll("th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var c = parseInt(button.getAttribute("data-col"), 10);
      state.asc = state.col === c ? !state.asc : true;
      state.col = c;
      table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
      button.parentNode.setAttribute("aria-sort", state.asc ? "ascending" : "descending");
      draw();
    });
  });
  [year, unit, owner, skip, query].forEach(function (c) {
    c.addEventListener("input", function () { state.page = 0; draw(); });
    c.addEventListener("change", function () { state.page = 0; draw(); });
  });
  el("tg-clear").addEventListener("click", function () {
    [year, unit, owner, skip, query].forEach(function (c) { c.value = ""; });
    state.page = 0;
    draw();
  });
  el("tg-prev").addEventListener("click", function () { state.page -= 1; draw(); });
  el("tg-next").addEventListener("click", function () { state.page += 1; draw(); });
  el("tg-csv").addEventListener("click", download);
  window.addEventListener("hashchange", fromHash);
  draw();
  fromHash();
})();
