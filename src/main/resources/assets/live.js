// Vigil's public pages: live figures over server-sent events, and sortable tables.
// No library, no build step; the page works without it, this only keeps it current.
(function () {
  "use strict";
  var body = document.body;
  var lang = body.getAttribute("data-lang") || "ru";
  var numbers = new Intl.NumberFormat(lang);
  var MOSCOW = 3 * 3600 * 1000;

  function setText(el, text) {
    if (el && el.textContent !== text) el.textContent = text;
  }

  function showTotals(total) {
    ["confirmed", "unconfirmed", "cities"].forEach(function (name) {
      document.querySelectorAll('[data-count="' + name + '"]').forEach(function (el) {
        setText(el, numbers.format(total[name]));
      });
    });
  }

  function cell(row, index, value) {
    var td = row.cells[index];
    td.setAttribute("data-value", value);
    setText(td, numbers.format(value));
  }

  function showCities(cities) {
    var table = document.getElementById("cities");
    if (!table) return;
    var rows = {};
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      rows[row.getAttribute("data-city")] = row;
    });
    cities.forEach(function (city) {
      var row = rows[city.key];
      if (!row) {
        row = table.tBodies[0].insertRow();
        row.setAttribute("data-city", city.key);
        var th = document.createElement("th");
        th.scope = "row";
        th.textContent = lang === "en" ? city.label_en : city.label;
        row.appendChild(th);
        row.insertCell().className = "num";
        row.insertCell().className = "num apart";
      }
      cell(row, 1, city.confirmed);
      cell(row, 2, city.unconfirmed);
    });
    var sorted = table.querySelector('th[aria-sort="ascending"], th[aria-sort="descending"]');
    if (sorted) sortBy(table, sorted, sorted.getAttribute("aria-sort"));
  }

  function showHours(hours) {
    var svg = document.getElementById("timeline");
    if (!svg || hours.length === 0) return;
    // The same layout as Timeline.java: one bar per hour, empty hours included, 12 to 72 of them.
    var width = 640, height = 160, ns = "http://www.w3.org/2000/svg";
    var last = Date.parse(hours[hours.length - 1].key);
    var span = Math.min(72, Math.max(12, (last - Date.parse(hours[0].key)) / 3600000 + 1));
    var start = last - (span - 1) * 3600000;
    var people = new Array(span).fill(0);
    hours.forEach(function (h) {
      var i = (Date.parse(h.key) - start) / 3600000;
      if (i >= 0 && i < span) people[i] += h.confirmed;
    });
    var max = Math.max.apply(null, people.concat([1]));
    var slot = width / span;
    var bars = svg.querySelector(".bars"), ticks = svg.querySelector(".ticks");
    bars.textContent = "";
    ticks.textContent = "";
    var every = Math.max(1, Math.floor(span / 6));
    for (var i = 0; i < span; i++) {
      var h = (height - 20) * people[i] / max;
      var label = new Date(start + i * 3600000 + MOSCOW).toISOString().substring(11, 16);
      var rect = document.createElementNS(ns, "rect");
      rect.setAttribute("x", (i * slot + 1).toFixed(1));
      rect.setAttribute("y", (height - 20 - h).toFixed(1));
      rect.setAttribute("width", (slot - 2).toFixed(1));
      rect.setAttribute("height", h.toFixed(1));
      var title = document.createElementNS(ns, "title");
      title.textContent = label + ": " + numbers.format(people[i]);
      rect.appendChild(title);
      bars.appendChild(rect);
      if (i % every === 0) {
        var text = document.createElementNS(ns, "text");
        text.setAttribute("x", (i * slot + 1).toFixed(1));
        text.setAttribute("y", height - 4);
        text.textContent = label;
        ticks.appendChild(text);
      }
    }
  }

  // When the figures were counted, in Moscow time as the page names it (Moscow keeps UTC+3).
  function showCountedAt(countedAt) {
    var time = document.getElementById("counted-at");
    if (!time) return;
    time.setAttribute("datetime", countedAt);
    var moscow = new Date(Date.parse(countedAt) + MOSCOW).toISOString();
    setText(time, moscow.substring(0, 10) + " " + moscow.substring(11, 16));
  }

  function removeUpdate(id) {
    var item = document.querySelector('#updates [data-id="' + id + '"]');
    if (item) item.remove();
  }

  function showUpdate(update) {
    var list = document.getElementById("updates");
    if (!list || update.language !== lang) return;
    if (list.querySelector('[data-id="' + update.id + '"]')) return;
    var item = document.createElement("li");
    item.setAttribute("data-id", update.id);
    var time = document.createElement("time");
    time.setAttribute("datetime", update.published_at);
    time.textContent = update.published_at.substring(11, 16) + " UTC";
    item.appendChild(time);
    item.appendChild(document.createTextNode(" " + update.text));
    list.insertBefore(item, list.firstChild);
    var none = document.getElementById("no-updates");
    if (none) none.remove();
  }

  function sortBy(table, th, direction) {
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.querySelector("button").getAttribute("data-sort") === "number";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    rows.sort(function (a, b) {
      var x = a.cells[index], y = b.cells[index];
      var order = numeric
        ? Number(x.getAttribute("data-value")) - Number(y.getAttribute("data-value"))
        : x.textContent.localeCompare(y.textContent, lang);
      return direction === "ascending" ? order : -order;
    });
    rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    th.parentNode.querySelectorAll("th").forEach(function (other) {
      other.setAttribute("aria-sort", other === th ? direction : "none");
    });
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th button").forEach(function (button) {
      button.addEventListener("click", function () {
        var th = button.parentNode;
        var now = th.getAttribute("aria-sort");
        var numeric = button.getAttribute("data-sort") === "number";
        var next = now === "none" ? (numeric ? "descending" : "ascending")
          : now === "ascending" ? "descending" : "ascending";
        sortBy(table, th, next);
      });
    });
  });

  var campaign = body.getAttribute("data-campaign");
  if (!campaign || !window.EventSource) return;
  var section = document.querySelector("[data-last-update]");
  var seen = section ? section.getAttribute("data-last-update") : "";
  var url = "/api/public/live?campaign=" + encodeURIComponent(campaign) +
    (seen ? "&last_event_id=" + encodeURIComponent(seen) : "");
  var source = null;
  function listen() {
    // EventSource reconnects by itself and sends Last-Event-ID, so nothing missed is lost.
    source = new EventSource(url);
    source.addEventListener("count", onCount);
    source.addEventListener("update", function (event) {
      showUpdate(JSON.parse(event.data));
    });
    source.addEventListener("unpublish", function (event) {
      removeUpdate(JSON.parse(event.data).id);
    });
  }
  // A page left for another closes its stream: over HTTP/1.1 a browser opens at most six
  // connections to a site, and streams kept by pages in the back-forward cache would use them up.
  window.addEventListener("pagehide", function () {
    if (source) source.close();
    source = null;
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && !source) listen();
  });

  function onCount(event) {
    var data = JSON.parse(event.data);
    showTotals(data.total);
    setText(document.getElementById("summary"), data.summary[lang]);
    showCities(data.cities);
    showHours(data.hours);
    showCountedAt(data.counted_at);
  }

  // Opened once the page has loaded, so that a stream that never ends never holds the page
  // in "loading".
  if (document.readyState === "complete") listen();
  else window.addEventListener("load", listen);
})();
