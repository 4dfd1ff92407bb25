/* policyparse view: the details of a marked item on click, Enter or a link to it. */
(function () {
  "use strict";
  var source = document.getElementById("pp-data");
  var data = source ? JSON.parse(source.textContent) : { items: {} };
  var items = data.items || {};
  var panel = document.getElementById("details");
  var body = document.getElementById("details-body");
  var text = document.getElementById("text");
  var active = [];

  function clearActive() {
    active.forEach(function (el) { el.classList.remove("active"); });
    active = [];
  }
  function field(dl, name, value) {
    var dt = document.createElement("dt");
    dt.textContent = name;
    var dd = document.createElement("dd");
    dd.textContent = value;
    dl.appendChild(dt);
    dl.appendChild(dd);
  }
  function show(ids) {
    if (!panel || !body) return;
    while (body.firstChild) body.removeChild(body.firstChild);
    var count = 0;
    ids.forEach(function (id) {
      var item = items[id];
      if (!item) return;
      count += 1;
      var h = document.createElement("h3");
      h.textContent = item.h;
      h.setAttribute("data-item", id);
      body.appendChild(h);
      var dl = document.createElement("dl");
      (item.f || []).forEach(function (pair) { field(dl, pair[0], pair[1]); });
      body.appendChild(dl);
    });
    panel.hidden = count === 0;
  }
  function segmentsOf(id) {
    return text ? text.querySelectorAll('[data-items~="' + id + '"]') : [];
  }
  function reveal(id) {
    if (!items[id]) return;
    clearActive();
    var segs = segmentsOf(id);
    Array.prototype.forEach.call(segs, function (el) {
      el.classList.add("active");
      active.push(el);
    });
    show([id]);
    if (segs.length) segs[0].focus({ preventScroll: true });
  }
  function fromSegment(seg) {
    clearActive();
    seg.classList.add("active");
    active.push(seg);
    show(seg.getAttribute("data-items").split(" "));
  }
  if (text) {
    text.addEventListener("click", function (event) {
      var seg = event.target.closest("[data-items]");
      if (seg) fromSegment(seg);
    });
    text.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      var seg = event.target.closest("[data-items]");
      if (!seg) return;
      event.preventDefault();
      fromSegment(seg);
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel && !panel.hidden) {
      panel.hidden = true;
      clearActive();
    }
  });
  var close = document.getElementById("details-close");
  if (close) {
    close.addEventListener("click", function () {
      panel.hidden = true;
      clearActive();
    });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (!link) return;
    var id = link.getAttribute("href").slice(1);
    if (items[id]) window.setTimeout(function () { reveal(id); }, 0);
  });
  if (location.hash && items[location.hash.slice(1)]) reveal(location.hash.slice(1));
})();
