/* policyparse report: the documents table, drawn a page at a time from the JSON in the page. */
(function () {
  "use strict";
  var source = document.getElementById("pp-docs");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var rows = data.rows;
  var NUMERIC = { 0: true, 5: true, 6: true, 7: true, 8: true, 9: true };
  var TITLE = 1, PATH = 10, VIEW = 11, FLAG = 12;
  var table = document.getElementById("doc-table");
  var body = table.tBodies[0];
  var query = document.getElementById("doc-q");
  var size = document.getElementById("doc-size");
  var prev = document.getElementById("doc-prev");
  var next = document.getElementById("doc-next");
  var count = document.getElementById("doc-count");
  var state = { page: 0, col: 0, asc: true };

  function matching() {
    var q = query.value.trim().toLowerCase();
    var out = q ? rows.filter(function (r) {
      return (r[TITLE] + " " + r[2] + " " + r[4] + " " + r[PATH] + " " + r[FLAG])
        .toLowerCase().indexOf(q) >= 0;
    }) : rows.slice();
    var c = state.col, sign = state.asc ? 1 : -1;
    out.sort(function (a, b) {
      var x = a[c], y = b[c];
      var d = NUMERIC[c] ? x - y : String(x).localeCompare(String(y), "zh");
      return d === 0 ? a[0] - b[0] : sign * d;
    });
    return out;
  }
  function cell(tr, value, numeric) {
    var td = document.createElement("td");
    td.textContent = value === null || value === undefined ? "" : String(value);
    if (numeric) td.className = "num";
    tr.appendChild(td);
    return td;
  }
  function draw() {
    var list = matching();
    var per = parseInt(size.value, 10) || list.length || 1;
    var pages = Math.max(1, Math.ceil(list.length / per));
    if (state.page >= pages) state.page = pages - 1;
    if (state.page < 0) state.page = 0;
    var from = state.page * per;
    var shown = list.slice(from, from + per);
    var fragment = document.createDocumentFragment();
    shown.forEach(function (r) {
      var tr = document.createElement("tr");
      cell(tr, r[0], true);
      var td = document.createElement("td");
      td.lang = "zh-CN";
      var name = r[TITLE] || r[PATH] || "(untitled)";
      if (r[VIEW]) {
        var a = document.createElement("a");
        a.setAttribute("href", r[VIEW]);
        a.textContent = name;
        td.appendChild(a);
      } else {
        td.textContent = name;
      }
      if (r[FLAG]) {
        var flag = document.createElement("span");
        flag.className = "sev-warning";
        flag.textContent = " (" + r[FLAG] + ")";
        td.appendChild(flag);
      }
      tr.appendChild(td);
      for (var c = 2; c <= PATH; c++) {
        var t = cell(tr, r[c], NUMERIC[c]);
        if (c === 9 && r[c] > 0) t.className = "num sev-error";
      }
      fragment.appendChild(tr);
    });
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(fragment);
    table.setAttribute("data-total", String(list.length));
    count.textContent = list.length
      ? (from + 1) + "–" + (from + shown.length) + " of " + list.length + (list.length === 1 ? " document" : " documents")
        + (pages > 1 ? " (page " + (state.page + 1) + " of " + pages + ")" : "")
      : "no documents match";
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
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
  query.addEventListener("input", function () { state.page = 0; draw(); });
  size.addEventListener("change", function () { state.page = 0; draw(); });
  prev.addEventListener("click", function () { state.page -= 1; draw(); });
  next.addEventListener("click", function () { state.page += 1; draw(); });
  draw();
})();
