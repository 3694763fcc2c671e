// Drag a box on the authoring map (app/templates/author/map.html). Without this script the
// move buttons in the table do the same: a drag posts the same form, with the new x and y.
(function () {
  "use strict";
  var map = document.getElementById("map");
  var form = document.querySelector("form.wp-map-move");
  if (!map || !form) return;
  var svg = map.querySelector("svg");

  // While a step's move buttons have focus, its box on the map is outlined like a focused link.
  function boxFor(target) {
    var moving = target.closest && target.closest("form.wp-map-move");
    var node = moving && moving.querySelector("input[name=node]");
    return node ? svg.querySelector('[data-node="' + CSS.escape(node.value) + '"]') : null;
  }
  document.addEventListener("focusin", function (event) {
    var box = boxFor(event.target);
    if (box) box.classList.add("wp-map-focused");
  });
  document.addEventListener("focusout", function (event) {
    var box = boxFor(event.target);
    if (box) box.classList.remove("wp-map-focused");
  });

  if (!window.fetch) return;
  var action = form.getAttribute("action");
  var token = form.querySelector("input[name=csrf_token]").value;
  var drag = null;
  var justDragged = false;

  function point(event) {
    var p = svg.createSVGPoint();
    p.x = event.clientX;
    p.y = event.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }

  svg.addEventListener("pointerdown", function (event) {
    var box = event.target.closest("[data-node]");
    if (!box || event.button !== 0) return;
    drag = { box: box, start: point(event), dx: 0, dy: 0, moved: false };
  });

  svg.addEventListener("pointermove", function (event) {
    if (!drag) return;
    var now = point(event);
    drag.dx = now.x - drag.start.x;
    drag.dy = now.y - drag.start.y;
    if (!drag.moved && Math.abs(drag.dx) + Math.abs(drag.dy) < 6) return;
    if (!drag.moved) svg.setPointerCapture(event.pointerId);
    drag.moved = true;
    drag.box.classList.add("wp-map-dragging");
    drag.box.setAttribute("transform", "translate(" + drag.dx + " " + drag.dy + ")");
  });

  function finish() {
    if (!drag || !drag.moved) {
      drag = null;
      return;
    }
    var box = drag.box;
    var body = new FormData();
    body.append("csrf_token", token);
    body.append("node", box.getAttribute("data-node"));
    body.append("x", Math.max(0, Math.round(Number(box.getAttribute("data-x")) + drag.dx)));
    body.append("y", Math.max(0, Math.round(Number(box.getAttribute("data-y")) + drag.dy)));
    justDragged = true;
    drag = null;
    fetch(action, { method: "POST", body: body, credentials: "same-origin",
                    headers: { Accept: "application/json" } })
      .then(function () { window.location.reload(); });
  }

  svg.addEventListener("pointerup", finish);
  svg.addEventListener("pointercancel", finish);
  // A drag is not a click: do not open the step's editor when the box is let go.
  svg.addEventListener("click", function (event) {
    if (justDragged) {
      event.preventDefault();
      justDragged = false;
    }
  }, true);
})();
