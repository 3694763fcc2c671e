// The pattern page ("Start from a pattern"): nothing is saved until the draft is created, so
// the words typed are kept in this tab (sessionStorage: gone when the tab is closed, so nothing
// stays behind on a shared computer) and put back if the page is opened again in it (after a
// reload or a click elsewhere); leaving with unsaved words asks first. Without JavaScript the
// page still works, and an expired page keeps its words (app/author/autosave.py).
(function () {
  "use strict";
  var form = document.querySelector("form[data-pattern]");
  if (!form || !window.sessionStorage) { return; }
  var key = "wp-pattern:" + window.location.pathname;
  var dirty = false, leaving = false;

  function texts() {
    return form.querySelectorAll("input[type=text], textarea");
  }
  function keep() {
    var kept = {};
    var fields = texts();
    for (var i = 0; i < fields.length; i++) { if (fields[i].value) { kept[fields[i].name] = fields[i].value; } }
    try { sessionStorage.setItem(key, JSON.stringify(kept)); } catch (e) { /* storage full: the warning still guards */ }
  }
  var stored = null;
  try { stored = JSON.parse(sessionStorage.getItem(key) || "null"); } catch (e) { stored = null; }
  var fields = texts(), empty = true;
  for (var i = 0; i < fields.length; i++) { empty = empty && !fields[i].value; }
  if (stored && empty && Object.keys(stored).length) { // a fresh page: bring back what was typed
    for (var j = 0; j < fields.length; j++) {
      if (stored[fields[j].name]) { fields[j].value = stored[fields[j].name]; }
    }
    var note = document.createElement("div");
    note.className = "govuk-inset-text";
    note.setAttribute("role", "status");
    note.textContent = "We brought back what you typed on this page before. ";
    var afresh = document.createElement("button");
    afresh.type = "button";
    afresh.className = "govuk-button govuk-button--secondary govuk-!-margin-bottom-0";
    afresh.textContent = "Start afresh";
    afresh.addEventListener("click", function () {
      for (var k = 0; k < fields.length; k++) { fields[k].value = ""; }
      sessionStorage.removeItem(key);
      note.textContent = "The page is empty again.";
    });
    note.appendChild(afresh);
    form.insertBefore(note, form.firstChild);
  }
  form.addEventListener("input", function () { dirty = true; keep(); });
  form.addEventListener("submit", function (event) {
    leaving = true;
    if (event.submitter && event.submitter.name === "create") { sessionStorage.removeItem(key); }
  });
  window.addEventListener("beforeunload", function (event) {
    if (leaving || !dirty) { return undefined; }
    event.preventDefault();
    event.returnValue = "";
    return "";
  });
})();
