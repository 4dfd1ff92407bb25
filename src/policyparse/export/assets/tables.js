/* policyparse: sortable and filterable tables rendered in the page (no network, no eval). */
(function () {
  "use strict";
  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return numeric ? -Infinity : "";
    var v = cell.getAttribute("data-v");
    if (v === null) v = cell.textContent.trim();
    if (numeric) {
      var n = parseFloat(v);
      return isNaN(n) ? -Infinity : n;
    }
    return v;
  }
  function sortBy(table, th) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.classList.contains("num");
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(th.parentNode.children, function (other) {
      other.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.forEach(function (row, i) { row.__order = i; });
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
      var c = numeric ? x - y : String(x).localeCompare(String(y), "zh");
      if (c === 0) c = a.__order - b.__order;
      return ascending ? c : -c;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  function applyFilters(box) {
    var table = document.getElementById(box.getAttribute("data-for"));
    if (!table) return;
    var controls = box.querySelectorAll("[data-key]");
    var shown = 0, total = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var ok = true;
      Array.prototype.forEach.call(controls, function (c) {
        var want = c.value;
        if (!want) return;
        var key = c.getAttribute("data-key");
        if (key === "q") {
          if (row.textContent.toLowerCase().indexOf(want.toLowerCase()) < 0) ok = false;
        } else if ((row.getAttribute("data-" + key) || "") !== want) {
          ok = false;
        }
      });
      row.hidden = !ok;
      total += 1;
      if (ok) shown += 1;
    });
    var out = box.querySelector("output");
    if (out) out.textContent = shown + " of " + total + " shown";
  }
  document.querySelectorAll("table.sortable th button").forEach(function (button) {
    button.addEventListener("click", function () {
      var th = button.closest("th");
      sortBy(th.closest("table"), th);
    });
  });
  document.querySelectorAll(".filters[data-for]").forEach(function (box) {
    box.addEventListener("input", function () { applyFilters(box); });
    box.addEventListener("change", function () { applyFilters(box); });
    var reset = box.querySelector("button[type=reset]");
    if (reset) {
      reset.addEventListener("click", function (event) {
        event.preventDefault();
        box.querySelectorAll("[data-key]").forEach(function (c) { c.value = ""; });
        applyFilters(box);
      });
    }
    applyFilters(box);
  });
})();
