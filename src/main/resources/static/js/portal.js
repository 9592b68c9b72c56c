// Small behaviours of the portal's pages. Pages work without them; they make them pleasant.
// Everything listens on the document, so content that htmx swaps in works too.
(function () {
  "use strict";

  // ---- relative times ("3 minutes ago"), kept current; the same rules as PageTimes.java ----
  function span(seconds) {
    var minutes = seconds / 60, hours = minutes / 60, days = hours / 24;
    if (seconds < 45) return null;
    if (seconds < 90) return "1 minute";
    if (minutes < 45) return Math.round(minutes) + " minutes";
    if (minutes < 90) return "1 hour";
    if (hours < 22) return Math.round(hours) + " hours";
    if (hours < 36) return "1 day";
    if (days < 26) return Math.round(days) + " days";
    if (days < 45) return "1 month";
    if (days < 320) return Math.round(days / 30.44) + " months";
    if (days < 548) return "1 year";
    return Math.round(days / 365.25) + " years";
  }

  function relative(iso) {
    var seconds = Math.round((Date.parse(iso) - Date.now()) / 1000);
    var s = span(Math.abs(seconds));
    if (s === null) return seconds > 0 ? "in a moment" : "just now";
    return seconds > 0 ? "in " + s : s + " ago";
  }

  function refreshTimes() {
    document.querySelectorAll("time[data-relative]").forEach(function (t) {
      var when = t.getAttribute("datetime");
      if (when && !isNaN(Date.parse(when))) t.textContent = relative(when);
    });
  }
  setInterval(refreshTimes, 30000);

  // ---- copy buttons: data-copy="id of the element whose text to copy" ----
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // plain http on another host: the clipboard API is not there, the old way still is
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "position-fixed top-0 start-0 opacity-0";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    area.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-copy]");
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source) return;
    var text = (source.value !== undefined && source.tagName !== "BUTTON" ? source.value : source.textContent).trim();
    copyText(text).then(
      function () { flashLabel(button, "Copied"); },
      function () { flashLabel(button, "Select and copy"); });
  });

  function flashLabel(button, label) {
    if (!button.dataset.label) button.dataset.label = button.textContent;
    button.textContent = label;
    button.classList.add("copied");
    clearTimeout(button._reset);
    button._reset = setTimeout(function () {
      button.textContent = button.dataset.label;
      button.classList.remove("copied");
    }, 2000);
  }

  // ---- forms that ask first: data-confirm="the question" ----
  document.addEventListener("submit", function (e) {
    var question = e.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) e.preventDefault();
  });

  // ---- a revealed secret stays until its owner hides it ----
  document.addEventListener("click", function (e) {
    var hide = e.target.closest("[data-hide]");
    if (!hide) return;
    var box = document.getElementById(hide.getAttribute("data-hide"));
    if (box) box.replaceChildren();
  });

  // ---- expiry presets: data-expiry-days on a button, data-expiry-for="input id" ----
  document.addEventListener("click", function (e) {
    var preset = e.target.closest("[data-expiry-days]");
    if (!preset) return;
    var input = document.getElementById(preset.getAttribute("data-expiry-for"));
    if (!input) return;
    var days = Number(preset.getAttribute("data-expiry-days"));
    if (days <= 0) {
      input.value = "";
    } else {
      var at = new Date(Date.now() + days * 86400000);
      at.setUTCMinutes(0, 0, 0);
      // the inputs are read as UTC, and toISOString is UTC
      input.value = at.toISOString().slice(0, input.type === "date" ? 10 : 16);
    }
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });

  // ---- date fields say the choice in words: data-when-for="input id" on the element that says it ----
  var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function two(n) { return (n < 10 ? "0" : "") + n; }

  // "Fri 11 Dec 2026, 19:00 UTC — in 7 days" (the inputs are read as UTC); null when empty or invalid
  function whenInWords(value, type) {
    if (!value) return null;
    var iso = type === "date" ? value + "T00:00:00Z" : (value.length === 16 ? value + ":00Z" : value + "Z");
    var at = new Date(iso);
    if (isNaN(at.getTime())) return null;
    var day = DAYS[at.getUTCDay()] + " " + at.getUTCDate() + " " + MONTHS[at.getUTCMonth()] + " " + at.getUTCFullYear();
    var time = type === "date" ? "" : ", " + two(at.getUTCHours()) + ":" + two(at.getUTCMinutes()) + " UTC";
    return day + time + " \u2014 " + relative(at.toISOString());
  }

  function sayWhen(input) {
    if (!input || !input.id) return;
    var out = document.querySelector("[data-when-for='" + input.id + "']");
    if (!out) return;
    out.textContent = whenInWords(input.value, input.type) || out.getAttribute("data-when-empty") || "";
  }
  ["input", "change"].forEach(function (type) {
    document.addEventListener(type, function (e) {
      if (e.target.matches && e.target.matches("input[type=date], input[type=datetime-local]")) sayWhen(e.target);
    });
  });

  // ---- "show all": data-show-all="selector of what it shows"; the button then goes ----
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-show-all]");
    if (!button) return;
    document.querySelectorAll(button.getAttribute("data-show-all")).forEach(function (el) {
      el.classList.remove("d-none");
    });
    button.remove();
  });

  // ---- one message per field, set by the scripts below ----
  function setFieldError(input, message) {
    var id = input.id + "-error";
    var el = document.getElementById(id);
    if (!message) {
      input.classList.remove("is-invalid");
      if (el) el.remove();
      return;
    }
    if (!el) {
      el = document.createElement("div");
      el.id = id;
      el.className = "invalid-feedback d-block";
      var anchor = input.closest(".mb-3") || input.parentElement;
      anchor.appendChild(el);
    }
    el.textContent = message;
    input.classList.add("is-invalid");
  }

  // ---- the request form: limits follow the template, a live summary of what is asked ----
  function gb(mb) {
    return (mb / 1024).toFixed(1) + " GB";
  }

  function requestForm(form) {
    var select = form.querySelector("#template");
    var workers = form.querySelector("#workers");
    var name = form.querySelector("#name");
    var summary = document.getElementById("request-summary");
    var info = document.getElementById("template-info");
    var help = document.getElementById("workersHelp");
    if (!select || !workers) return;
    var taken = [];
    try { taken = JSON.parse(name.getAttribute("data-taken") || "[]"); } catch (ignored) { taken = []; }

    function template() {
      var o = select.options[select.selectedIndex];
      if (!o) return null;
      return {
        name: o.value,
        max: Number(o.dataset.max), dflt: Number(o.dataset["default"]),
        cores: Number(o.dataset.cores), memory: Number(o.dataset.memory),
        cluster: o.dataset.cluster === "true", spark: o.dataset.spark, description: o.dataset.description,
        bucket: o.dataset.bucket ? Number(o.dataset.bucket) : null,
        room: o.dataset.room === undefined ? Infinity : Number(o.dataset.room)
      };
    }

    function update(changed) {
      var t = template();
      if (!t) return;
      workers.max = t.max;
      workers.placeholder = t.dflt + " (the template's default)";
      workers.disabled = !t.cluster;
      if (!t.cluster) workers.value = "";
      if (help) {
        help.textContent = t.cluster
          ? "1 to " + t.max + " for " + t.name + "; empty: " + t.dflt + "."
          : "No Spark cluster with " + t.name + ": nothing to choose.";
      }
      if (info) {
        var about = t.description ? t.description + (/\.$/.test(t.description) ? " " : ". ") : "";
        info.textContent = about + (t.cluster
          ? (about ? "" : "Spark " + t.spark + " with a Jupyter notebook. ") + "Each worker: " + t.cores + " CPU, " + gb(t.memory) + "."
          : "Storage only: a bucket and its keys, no Spark cluster.")
          + (t.bucket ? " Bucket: up to " + t.bucket + " GiB." : "");
      }
      var raw = workers.value.trim();
      var n = raw === "" ? t.dflt : Number(raw);
      var valid = raw === "" || (/^\d+$/.test(raw) && n >= 1 && n <= t.max);
      if (changed === workers || changed === select) {
        setFieldError(workers, valid ? null
          : (/^\d+$/.test(raw) ? (n < 1 ? "must be at least 1" : "must be at most " + t.max + " for template '" + t.name + "'")
            : "must be a whole number"));
      }
      if (!summary) return;
      var d = summary.dataset;
      var ws = Number(d.usedWorkspaces) + 1, maxWs = Number(d.maxWorkspaces);
      var wk = Number(d.usedWorkers) + (valid ? n : 0), maxWk = Number(d.maxWorkers);
      var size = t.cluster
        ? n + (n === 1 ? " worker" : " workers") + " = " + (n * t.cores) + " CPU / " + gb(n * t.memory)
        : "Storage only";
      var text = size + "; after approval: " + ws + " of " + maxWs + " workspaces, " + wk + " of " + maxWk + " workers";
      // a team's storage limit: only a template whose bucket has a size that fits what is left
      var left = d.storageLeft === undefined || d.storageLeft === "" ? null : Number(d.storageLeft);
      var storageBlocked = left !== null && (t.bucket === null || t.bucket > left);
      var over = ws > maxWs || wk > maxWk || storageBlocked;
      summary.querySelector("[data-summary]").textContent = valid ? text + "." : "Choose 1 to " + t.max + " workers.";
      // whether the hosts have room for it now (when the page was made): else it would queue
      var noRoom = valid && !over && t.cluster && n > t.room;
      summary.classList.toggle("alert-danger", over && valid);
      summary.classList.toggle("alert-warning", noRoom);
      summary.classList.toggle("alert-light", !(over && valid) && !noRoom);
      summary.classList.toggle("border", !(over && valid) && !noRoom);
      var warning = summary.querySelector("[data-over-quota]");
      if (warning) warning.hidden = !(over && valid) || storageBlocked;
      var storage = summary.querySelector("[data-storage-blocked]");
      if (storage) storage.hidden = !(storageBlocked && valid);
      var queued = summary.querySelector("[data-no-room]");
      if (queued) queued.hidden = !noRoom;
    }

    function checkName() {
      var v = name.value.trim();
      if (taken.indexOf(v) >= 0) {
        setFieldError(name, "You already have a workspace named '" + v + "'. Choose another name or delete the old one.");
      } else if (v !== "" && !/^[a-z][a-z0-9-]{2,39}$/.test(v)) {
        // "Churn Model" -> "churn-model": what the rule would accept, offered as the way out
        var suggestion = v.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+/, "").replace(/-+$/, "").slice(0, 40);
        setFieldError(name, "must be 3-40 characters of lowercase letters, digits and hyphens, starting with a letter"
          + (/^[a-z][a-z0-9-]{2,39}$/.test(suggestion) && taken.indexOf(suggestion) < 0 ? ": for instance " + suggestion : ""));
      } else {
        setFieldError(name, null);
      }
    }

    select.addEventListener("change", function () { update(select); });
    workers.addEventListener("input", function () { update(workers); });
    if (name) {
      name.addEventListener("input", function () {
        // said as one types when the name cannot be right (capitals, spaces), with a suggestion
        if (taken.indexOf(name.value.trim()) >= 0 || name.classList.contains("is-invalid")
          || /[^a-z0-9-]/.test(name.value.trim())) checkName();
      });
      name.addEventListener("blur", checkName);
    }
    update(null);
  }

  // ---- a log opens at its newest line, and stays there as following brings more ----
  function toNewest() {
    document.querySelectorAll("[data-newest-last]").forEach(function (el) { el.scrollTop = el.scrollHeight; });
  }
  document.addEventListener("htmx:afterSwap", toNewest);

  function start() {
    refreshTimes();
    toNewest();
    document.querySelectorAll("[data-when-for]").forEach(function (out) {
      sayWhen(document.getElementById(out.getAttribute("data-when-for")));
    });
    var form = document.getElementById("request-form");
    if (form) requestForm(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
