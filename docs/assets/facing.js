/* The facing pages (parallel.html, scripts/edition/facing.py): a selection begun in one column
   stays in that column (assets/apparatus.css makes the other column unselectable meanwhile),
   so that copying it copies one language, not the two texts interleaved. Without script, a
   selection takes both, as any page would. */
(function () {
  "use strict";
  var facing = document.querySelector(".facing");
  if (!facing) return;
  facing.addEventListener("pointerdown", function (event) {
    var cell = event.target.closest && event.target.closest("[data-column]");
    if (cell) facing.setAttribute("data-selecting", cell.getAttribute("data-column"));
    else facing.removeAttribute("data-selecting");
  });
})();
