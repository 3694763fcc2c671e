// Live updates for an exercise session: poll the page's feed every 1.5 s with the last ETag.
// 304 means nothing changed. New content replaces the live region and a short status line is
// announced to screen readers. When the phase changes (or new fragments arrive) the page
// reloads, unless the person is part-way through a form, when they are told instead.
(function () {
  "use strict";
  var region = document.querySelector("[data-live]");
  if (!region || !window.fetch) return;
  var status = document.getElementById("live-status");
  var content = function () { return region.firstElementChild; };
  var etag = content() ? content().getAttribute("data-etag") : "";
  var phase = content() ? content().getAttribute("data-phase") : "";
  var own = content() ? content().getAttribute("data-own") : "";
  var dirty = false;
  document.addEventListener("input", function () { dirty = true; });
  document.addEventListener("change", function () { dirty = true; });
  var say = function (text) { if (status) status.textContent = text; };

  function poll() {
    if (document.hidden) return schedule();
    fetch(region.getAttribute("data-feed"), {
      headers: { "If-None-Match": '"' + etag + '"', "Accept": "application/json" },
      credentials: "same-origin",
      cache: "no-store"
    }).then(function (response) {
      if (response.status === 304) return null;
      if (!response.ok) throw new Error("feed " + response.status);
      return response.json();
    }).then(function (data) {
      if (!data) return;
      etag = data.etag;
      var holder = document.createElement("div");
      holder.innerHTML = data.html;
      var next = holder.firstElementChild;
      var changedShape = String(data.phase) !== phase ||
        (next && next.getAttribute("data-own") !== own && own !== null);
      if (changedShape && !dirty) { window.location.reload(); return; }
      region.replaceChildren(next);
      if (changedShape) {
        say("The facilitator has moved the exercise on. Save what you are writing, then refresh.");
      } else {
        say("Updated at " + new Date().toLocaleTimeString() + ": there is something new.");
      }
    }).catch(function () {
      say("Live updates paused: use the refresh button.");
    }).then(schedule);
  }
  function schedule() { window.setTimeout(poll, 1500); }
  schedule();
})();
