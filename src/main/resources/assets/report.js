// The public report form on a bad connection. Without this script the form is a plain POST.
// With it, a report is first kept in this browser (localStorage) with an idempotency key, then
// sent with fetch; when the connection drops it says so and sends it again, with the same key,
// until Vigil acknowledges it, also after the page is opened again. The key makes Vigil store a
// report sent twice only once. Once acknowledged, nothing of it stays in the browser.
(function () {
  "use strict";
  var form = document.getElementById("report-form");
  if (!form) return;
  var STORE = "vigil.report.outbox";
  var status = document.getElementById("report-status");
  var button = form.querySelector("button[type=submit]");
  var delay = 1000;
  var timer = null;
  var sending = false;

  function say(text) {
    status.textContent = text;
  }

  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map
      .call(bytes, function (b) { return (b + 256).toString(16).slice(1); })
      .join("");
  }

  function kept() {
    try {
      var raw = window.localStorage.getItem(STORE);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  function keep(entry) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(entry));
      return true;
    } catch (e) {
      return false; // private mode or full: it is still sent, only not kept across a reload
    }
  }

  function forget() {
    try {
      window.localStorage.removeItem(STORE);
    } catch (e) {
      // nothing was kept
    }
  }

  // The form's fields as they were sent, back into the form (after a reload, or to correct).
  function fill(body) {
    var params = new URLSearchParams(body);
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === "hidden") return;
      if (el.type === "checkbox") el.checked = params.has(el.name);
      else if (el.type === "radio") el.checked = params.get(el.name) === el.value;
      else if (params.has(el.name)) el.value = params.get(el.name);
    });
  }

  function clearErrors() {
    form.querySelectorAll(".field-error").forEach(function (p) { p.remove(); });
    form.querySelectorAll("[aria-invalid]").forEach(function (el) {
      el.removeAttribute("aria-invalid");
    });
    var summary = document.getElementById("error-summary");
    if (summary) summary.remove();
  }

  function showErrors(errors) {
    clearErrors();
    var first = null;
    Object.keys(errors).forEach(function (name) {
      var field = form.querySelector('.field[data-field="' + name + '"]');
      if (!field) return;
      var p = document.createElement("p");
      p.className = "field-error";
      p.id = name + "-error";
      p.textContent = errors[name];
      field.appendChild(p);
      var input = document.getElementById(name) || field.querySelector("input");
      if (input && input.tagName !== "DIV") {
        input.setAttribute("aria-invalid", "true");
        var described = (input.getAttribute("aria-describedby") || "").split(" ")
          .filter(function (id) { return id && id !== p.id; });
        described.push(p.id);
        input.setAttribute("aria-describedby", described.join(" "));
      }
      if (!first) first = input;
    });
    if (first && first.focus) first.focus();
  }

  function later(ms) {
    window.clearTimeout(timer);
    timer = window.setTimeout(send, ms);
  }

  function retry(message) {
    say(message);
    later(delay);
    delay = Math.min(delay * 2, 30000);
  }

  function send() {
    var entry = kept() || pending;
    if (!entry || sending) return;
    sending = true;
    window.clearTimeout(timer);
    fetch(entry.action, {
      method: "POST",
      body: new URLSearchParams(entry.body),
      headers: { "Accept": "application/json", "Idempotency-Key": entry.key },
      credentials: "same-origin",
      cache: "no-store"
    })
      .then(function (response) {
        return response.json().then(
          function (json) { return { status: response.status, json: json, response: response }; },
          function () { return { status: response.status, json: {}, response: response }; });
      })
      .then(function (answer) {
        sending = false;
        if (answer.status === 201) {
          forget();
          pending = null;
          window.location.assign(answer.json.next);
        } else if (answer.status === 422 || answer.status === 403 || answer.status === 413) {
          // Vigil read it and refused it: sending it again would not help, correcting it will.
          forget();
          pending = null;
          button.disabled = false;
          if (answer.json.key) form.elements.key.value = answer.json.key;
          say(answer.json.notice || form.getAttribute("data-invalid"));
          showErrors(answer.json.errors || {});
        } else if (answer.status === 429) {
          var wait = parseInt(answer.response.headers.get("Retry-After"), 10) || 60;
          say(form.getAttribute("data-limited"));
          later(wait * 1000);
        } else {
          retry(form.getAttribute("data-retrying"));
        }
      })
      .catch(function () {
        sending = false;
        retry(form.getAttribute("data-kept"));
      });
  }

  var pending = null;

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (kept() || sending) return; // one report at a time: the first is still on its way
    var key = newKey();
    form.elements.key.value = key;
    pending = {
      key: key,
      action: form.getAttribute("action"),
      body: new URLSearchParams(new FormData(form)).toString(),
      keptAt: new Date().toISOString()
    };
    keep(pending);
    clearErrors();
    delay = 1000;
    button.disabled = true;
    say(form.getAttribute("data-sending"));
    send();
  });

  // Back online: do not wait for the next try.
  window.addEventListener("online", function () {
    if (kept() || pending) {
      delay = 1000;
      send();
    }
  });

  // A report kept from an earlier visit and never acknowledged: show it and send it again.
  var earlier = kept();
  if (earlier) {
    fill(earlier.body);
    form.elements.key.value = earlier.key;
    button.disabled = true;
    say(form.getAttribute("data-retrying"));
    send();
  }
})();
