/* "Cite this": the edition, a paragraph, a section, a round or a mission, in the format the
   reader picks, with today's date as the access date, copied at one click.

   The citations were formatted at build time by a citation engine (scripts/edition/citation.py)
   into templates with tokens: ⟦url⟧, ⟦n⟧ (a paragraph), ⟦title⟧ (a section), ⟦id⟧ and the
   access date (⟦dmy⟧, ⟦iso⟧, ⟦ris⟧, ⟦y⟧ ⟦m⟧ ⟦d⟧). This file only puts the values in: fill()
   does what fill() in citation.py does. Templates: assets/citations-<lang>.js; what this
   page lets one cite: the JSON in #edition-cite. Material's clipboard (data-clipboard-text)
   does the copying, from file:// too, and says "copied". */
(function () {
  "use strict";

  var C = window.editionCitations;
  var pageData = document.getElementById("edition-cite");
  if (!C || !pageData) return;
  var page = JSON.parse(pageData.textContent);
  var formats = {};
  C.formats.forEach(function (format) { formats[format.id] = format; });
  var STORAGE = "edition-cite-format-" + C.lang;

  function chosenFormat() {
    var id = null;
    try { id = localStorage.getItem(STORAGE); } catch (error) { /* storage off: default */ }
    return formats[id] ? id : C.default;
  }
  function choose(id) {
    try { localStorage.setItem(STORAGE, id); } catch (error) { /* kept for this page only */ }
    document.querySelectorAll("select.cite-select").forEach(function (select) { select.value = id; });
    refresh();
  }

  // "Copied", and whether today's date went in (a format with no access date: just "Copied").
  function copiedMessage(formatId) {
    return formats[formatId].dated ? C.ui.cite_copied : C.ui.cite_copied_undated;
  }

  function pad(number) { return (number < 10 ? "0" : "") + number; }
  function escapeTitle(value, escape) {
    if (escape === "json") return JSON.stringify(value).slice(1, -1);
    if (escape === "bibtex") return value.replace(/[\\{}&%$#_]/g, "\\$&");
    return value;
  }

  // The citation of fragment `id` (none: the whole work) in format `formatId`, accessed today.
  function citation(formatId, id) {
    var format = formats[formatId];
    var language = format.language || C.lang;
    var fragment = id ? page.fragments[id] : null;
    var kind = !fragment ? "work" : fragment.n ? "paragraph" : "section";
    // the language version's root, the cited page (or the fragment's own), the #fragment
    var roots = page.permanent && permanentChosen() ? page.permanent.roots : page.roots;
    var url = roots[language] + ((fragment && fragment.u) || page.cited) +
      (fragment && !fragment.page ? "#" + id : "");
    var title = fragment && fragment.t ? fragment.t[format.heading || language] : "";
    var now = new Date();
    var y = now.getFullYear(), m = now.getMonth() + 1, d = now.getDate();
    var values = {
      "⟦url⟧": url, "⟦page⟧": url.split("#")[0], "⟦n⟧": fragment && fragment.n ? String(fragment.n) : "",
      "⟦title⟧": escapeTitle(title, format.escape), "⟦key⟧": fragment ? fragment.k : "",
      "⟦dmy⟧": pad(d) + "." + pad(m) + "." + y, "⟦iso⟧": y + "-" + pad(m) + "-" + pad(d),
      "⟦ris⟧": y + "/" + pad(m) + "/" + pad(d), "⟦y⟧": String(y), "⟦m⟧": String(m), "⟦d⟧": String(d),
    };
    return format.t[kind].replace(/⟦[a-z]+⟧/g, function (token) {
      return Object.prototype.hasOwnProperty.call(values, token) ? values[token] : token;
    });
  }

  // Every shown citation: [data-cite-format] (a fixed format) or [data-cite-chosen] (the
  // reader's), for the fragment in data-cite-fragment ("" = the whole work).
  function refresh() {
    document.querySelectorAll("[data-cite-format], [data-cite-chosen]").forEach(function (element) {
      var formatId = element.getAttribute("data-cite-format") || chosenFormat();
      var text = citation(formatId, element.getAttribute("data-cite-fragment") || "");
      if (element.tagName === "BUTTON") element.setAttribute("data-clipboard-text", text);
      else element.textContent = text;
    });
  }

  // The version's permanent address (versions/<version>/) instead of the current one, where
  // the published site keeps it; remembered like the format.
  var PERMANENT = "edition-cite-permanent";
  function permanentChosen() {
    try { return localStorage.getItem(PERMANENT) === "1"; } catch (error) { return false; }
  }
  function permanentChoice() {
    var label = document.createElement("label");
    label.className = "cite-permanent";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.className = "cite-permanent-box";
    box.checked = permanentChosen();
    box.addEventListener("change", function () {
      try { localStorage.setItem(PERMANENT, box.checked ? "1" : "0"); } catch (error) { /* this page only */ }
      document.querySelectorAll(".cite-permanent-box").forEach(function (other) { other.checked = box.checked; });
      refresh();
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + C.ui.cite_permanent.replace("{version}", page.permanent.version)));
    return label;
  }

  function formatSelect() {
    var label = document.createElement("label");
    label.className = "cite-format";
    label.appendChild(document.createTextNode(C.ui.cite_format + " "));
    var select = document.createElement("select");
    select.className = "cite-select";
    C.formats.forEach(function (format) {
      var option = document.createElement("option");
      option.value = format.id;
      option.textContent = format.label;
      select.appendChild(option);
    });
    select.value = chosenFormat();
    select.addEventListener("change", function () { choose(select.value); });
    label.appendChild(select);
    return label;
  }
  function button(className, label, fragment) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.setAttribute("data-cite-chosen", "");
    element.setAttribute("data-cite-fragment", fragment);
    element.textContent = label;
    return element;
  }

  // The box under a fragment: the citation in the chosen format, the format, copy, close
  // (also with Escape, which gives the focus back to the button that opened it).
  var opened = null;
  function closeBox() {
    var box = document.querySelector(".cite-box");
    if (!box) return false;
    (box.closest(".cite-row") || box).remove();
    if (opened) opened.focus();
    opened = null;
    return true;
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !event.defaultPrevented && closeBox()) event.preventDefault();
  });

  function openBox(id, after, opener) {
    var old = document.querySelector(".cite-box");
    if (old) (old.closest(".cite-row") || old).remove();
    opened = opener;
    var box = document.createElement("div");
    box.className = "cite-box editorial";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", opener.getAttribute("aria-label"));
    var text = document.createElement("div");
    text.className = "cite-text";
    text.setAttribute("data-cite-chosen", "");
    text.setAttribute("data-cite-fragment", id);
    var status = document.createElement("p");
    status.className = "cite-status";
    status.setAttribute("role", "status");
    status.textContent = copiedMessage(chosenFormat());
    var close = document.createElement("button");
    close.type = "button";
    close.className = "cite-close";
    close.textContent = C.ui.cite_close;
    close.addEventListener("click", function () { closeBox(); });
    var actions = document.createElement("div");
    actions.className = "cite-actions";
    actions.appendChild(formatSelect());
    if (page.permanent) actions.appendChild(permanentChoice());
    actions.appendChild(button("cite-copy md-button", C.ui.cite_copy, id));
    actions.appendChild(close);
    box.appendChild(text);
    box.appendChild(actions);
    box.appendChild(status);
    var holder = box;
    if (after.tagName === "TR") { // a table row: the box in a row of its own just below
      holder = document.createElement("tr");
      holder.className = "cite-row";
      var cell = document.createElement("td");
      cell.colSpan = after.cells.length;
      cell.appendChild(box);
      holder.appendChild(cell);
    }
    after.parentNode.insertBefore(holder, after.nextSibling);
    refresh();
  }

  // The "cite this" buttons beside each paragraph number, in each citable heading and row
  // are in the page already (scripts/edition/cite_buttons.py): the click below opens them.

  // The article's panel and the cite page's blocks: a format choice where the panel asks.
  document.querySelectorAll(".cite-panel .cite-actions").forEach(function (actions) {
    actions.insertBefore(formatSelect(), actions.firstChild);
    if (page.permanent) actions.insertBefore(permanentChoice(), actions.firstChild.nextSibling);
  });

  // At the moment of the click (capture: before Material's clipboard reads the text), the
  // citation is made afresh, so the access date is the day of copying.
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-cite-chosen], [data-cite-format]");
    if (!target || target.tagName !== "BUTTON") return;
    refresh();
    if (target.classList.contains("cite-this")) {
      var id = target.getAttribute("data-cite-fragment");
      openBox(id, document.getElementById(id), target);
    } else {
      var box = target.closest(".cite-box, .cite-panel, .cite-block");
      var status = box && box.querySelector(".cite-status");
      if (status) {
        status.textContent = copiedMessage(target.getAttribute("data-cite-format") || chosenFormat());
        status.hidden = false;
      }
    }
  }, true);

  refresh();
})();
