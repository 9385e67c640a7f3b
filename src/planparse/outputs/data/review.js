// planparse review page: click a record to outline its cells; hover a cell to see its record.
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var cellsOf = {};
  document.querySelectorAll(".cell[data-recs]").forEach(function (cell) {
    cell.getAttribute("data-recs").split(" ").forEach(function (k) {
      (cellsOf[k] = cellsOf[k] || []).push(cell);
    });
  });
  function select(rec) {
    document.querySelectorAll(".rec.selected").forEach(function (r) { r.classList.remove("selected"); });
    document.querySelectorAll(".cell.outlined").forEach(function (c) { c.classList.remove("outlined"); });
    if (!rec) { return; }
    rec.classList.add("selected");
    var cells = cellsOf[rec.getAttribute("data-rec")] || [];
    cells.forEach(function (c) { c.classList.add("outlined"); });
    if (cells.length) {
      var box = cells[0].getBoundingClientRect();
      if (box.top < 60 || box.bottom > window.innerHeight) { cells[0].scrollIntoView({block: "center"}); }
    }
  }
  document.querySelectorAll(".rec").forEach(function (rec) {
    rec.addEventListener("click", function () { select(rec.classList.contains("selected") ? null : rec); });
    rec.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); select(rec.classList.contains("selected") ? null : rec); }
    });
  });
  function recsOf(cell) {
    return cell.getAttribute("data-recs").split(" ").map(function (k) { return document.getElementById("rec-" + k); });
  }
  document.querySelectorAll(".cell[data-recs]").forEach(function (cell) {
    cell.addEventListener("mouseenter", function () {
      var recs = recsOf(cell);
      cell.classList.add("hover");
      recs.forEach(function (r) { if (r) { r.classList.add("hover"); } });
      tip.innerHTML = "";
      recs.slice(0, 3).forEach(function (r) { if (r) { tip.appendChild(r.cloneNode(true)).removeAttribute("id"); } });
      if (recs.length > 3) { tip.appendChild(document.createTextNode("… and " + (recs.length - 3) + " more records")); }
      tip.style.display = "block";
    });
    cell.addEventListener("mousemove", function (e) {
      var x = e.clientX + 16, y = e.clientY + 16;
      if (x + tip.offsetWidth > window.innerWidth) { x = Math.max(0, e.clientX - tip.offsetWidth - 16); }
      if (y + tip.offsetHeight > window.innerHeight) { y = Math.max(0, e.clientY - tip.offsetHeight - 16); }
      tip.style.left = x + "px"; tip.style.top = y + "px";
    });
    cell.addEventListener("mouseleave", function () {
      cell.classList.remove("hover");
      recsOf(cell).forEach(function (r) { if (r) { r.classList.remove("hover"); } });
      tip.style.display = "none";
    });
    cell.addEventListener("click", function () {
      var first = recsOf(cell)[0];
      if (first) { select(first); first.scrollIntoView({block: "nearest"}); }
    });
  });
}());
