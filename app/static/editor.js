// The scenario editor's forms: save as the author types, warn before leaving unsaved changes,
// and show the "A new step..." fields when that is chosen. Without JavaScript every form still
// saves when its button is pressed (app/author/autosave.py).
(function () {
  "use strict";
  var WAIT = 1500; // ms after the last keystroke

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function setUp(form) {
    var status = document.createElement("p");
    status.className = "govuk-body-s wp-autosave";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("data-autosave-status", "");
    var button = form.querySelector("[type=submit]");
    form.insertBefore(status, button ? button.closest(".govuk-button-group") || button : null);

    var dirty = false, timer = null, busy = false, again = false, stopped = false;
    // What the form held when last saved (or drawn): a change that puts it back is no change.
    function snapshot() {
      var data = new FormData(form);
      data.delete("loaded");
      data.delete("csrf_token");
      return new URLSearchParams(data).toString();
    }
    var savedState = snapshot(), sending = savedState;

    function say(text) { status.textContent = text; }

    function newStepPending() {
      var selects = form.querySelectorAll("select[data-new-step]");
      for (var i = 0; i < selects.length; i++) {
        if (selects[i].value === "__new__") { return true; }
      }
      return false;
    }

    function save() {
      timer = null;
      if (stopped || !dirty) { return; }
      if (newStepPending()) {
        say("Not saved yet: press the save button to create the new step.");
        return;
      }
      if (busy) { again = true; return; }
      busy = true; dirty = false;
      sending = snapshot();
      var body = new FormData(form);
      fetch(form.getAttribute("action") || window.location.href, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-Autosave": "1", "Accept": "application/json" }
      }).then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") === -1) {
          throw new Error("Not saved: you may have been signed out. Press the save button: what you typed is kept.");
        }
        return response.json().then(function (data) { return [response.status, data]; });
      }).then(function (result) {
        var code = result[0], data = result[1];
        if (code === 200) {
          savedState = sending;
          dirty = snapshot() !== savedState;
          var loaded = form.querySelector("input[name=loaded]");
          if (loaded && data.loaded) { loaded.value = data.loaded; }
          if (data.action && data.action !== form.getAttribute("action")) {
            form.setAttribute("action", data.action);
            if (window.history && window.history.replaceState) { window.history.replaceState(null, "", data.action); }
          }
          var now = new Date();
          say("Saved at " + two(now.getHours()) + ":" + two(now.getMinutes()));
          refreshCoach();
        } else {
          dirty = true;
          if (code === 409) { stopped = true; }
          say(data.message || "Not saved yet.");
        }
      }).catch(function (error) {
        dirty = true;
        say(error && error.message && error.message.indexOf("Not saved") === 0 ? error.message :
          "Not saved: the connection failed. It will try again as you type.");
      }).then(function () {
        busy = false;
        if (submitAfter) {
          submitAfter = false; dirty = false; stopped = true; leaving = true;
          HTMLFormElement.prototype.submit.call(form);
          return;
        }
        if (again) { again = false; schedule(); }
      });
    }

    // The plain-English check under the step editor is worked out from the saved text: after
    // each save as you type, fetch the page again and put in its fresh check (focus stays put).
    function refreshCoach() {
      var coach = document.querySelector(".wp-coach");
      if (!coach || !window.DOMParser) { return; }
      fetch(form.getAttribute("action") || window.location.href, {
        credentials: "same-origin", headers: { "Accept": "text/html" }
      }).then(function (response) {
        return response.ok ? response.text() : null;
      }).then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector(".wp-coach");
        if (fresh) { coach.innerHTML = fresh.innerHTML; }
      }).catch(function () { /* the check stays as it was; the next save tries again */ });
    }

    function schedule() {
      if (timer) { clearTimeout(timer); }
      timer = setTimeout(save, WAIT);
    }

    function changed() {
      if (snapshot() === savedState) { return; }
      dirty = true;
      if (!stopped) { schedule(); }
    }

    form.addEventListener("input", changed);
    form.addEventListener("change", changed);
    // Pressing save while an autosave is on its way waits for it, then sends the form with
    // the text and address it answered with, so the two saves never collide.
    var submitAfter = false, leaving = false;
    form.addEventListener("submit", function (event) {
      if (timer) { clearTimeout(timer); timer = null; }
      if (busy) { event.preventDefault(); submitAfter = true; return; }
      dirty = false; stopped = true; leaving = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (leaving || !dirty) { return undefined; }
      event.preventDefault();
      event.returnValue = "";
      return "";
    });
  }

  // Every "Leads to" or "Go to" list offering "A new step..." shows the new step's fields
  // (title and kind) while one of them has it chosen.
  function newStepFields(box, selects) {
    function show() {
      var chosen = false;
      for (var k = 0; k < selects.length; k++) { chosen = chosen || selects[k].value === "__new__"; }
      box.hidden = !chosen;
    }
    for (var k = 0; k < selects.length; k++) { selects[k].addEventListener("change", show); }
    show();
  }

  var forms = document.querySelectorAll("form[data-autosave]");
  for (var i = 0; i < forms.length; i++) { setUp(forms[i]); }
  var boxes = document.querySelectorAll("[data-new-step-fields]");
  for (var j = 0; j < boxes.length; j++) {
    newStepFields(boxes[j], document.querySelectorAll("select[data-new-step='" + boxes[j].id + "']"));
  }
})();
