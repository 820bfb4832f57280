/* "Cite this": the edition, a paragraph, a section, a round or a mission, in the format the
   reader picks, with today's date as the access date, copied at one click.

   The citations were formatted at build time by a citation engine (scripts/edition/citation.py)
   into templates with tokens: ⟦url⟧, ⟦n⟧ (a paragraph), ⟦title⟧ (a section), ⟦key⟧ and the
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

  // What follows the work's key: the version in a permanent copy's, then a titled part's key
  // (a paragraph is cited under the work's key, with a locator): key_suffix() in citation.py.
  function keySuffix(kind, fragment) {
    var version = page.permanent && permanentChosen() ? page.permanent.version : page.version;
    return (version ? "-v" + version : "") + (kind === "section" ? "-" + fragment.k : "");
  }

  // How a paragraph is cited from the work's entry in a machine format ("" otherwise).
  function usage(formatId, id) {
    var format = formats[formatId];
    var fragment = id ? page.fragments[id] : null;
    if (!fragment || !fragment.n || !format.t.usage) return "";
    return format.t.usage.replace("⟦n⟧", String(fragment.n)).replace("⟦key⟧", keySuffix("paragraph", fragment));
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
      "⟦title⟧": escapeTitle(title, format.escape), "⟦key⟧": keySuffix(kind, fragment),
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
    document.querySelectorAll("[data-cite-usage]").forEach(function (element) {
      var formatId = element.getAttribute("data-cite-usage") || chosenFormat();
      var text = usage(formatId, element.getAttribute("data-cite-fragment") || "");
      element.hidden = !text;
      element.querySelector("code").textContent = text;
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
      clearStatus();
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
    select.addEventListener("change", function () { choose(select.value); clearStatus(); });
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

  // The box under a fragment, opened by its "cite this" button (which copies nothing: the
  // reader picks the format, then copies): the citation, the format, copy, close. The button
  // says whether its box is open (aria-expanded); the focus goes into the box, and back to
  // the button when it closes (Close, Escape, the button again). The status line is in the
  // box from the start, empty, so that a screen reader announces what "Copy" puts in it.
  var BOX = "edition-cite-box";
  var opened = null;
  function closeBox() {
    var box = document.getElementById(BOX);
    if (!box) return false;
    (box.closest(".cite-row") || box).remove();
    if (opened) {
      opened.setAttribute("aria-expanded", "false");
      opened.removeAttribute("aria-controls");
      opened.focus();
    }
    opened = null;
    return true;
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !event.defaultPrevented && closeBox()) event.preventDefault();
  });

  function openBox(id, after, opener) {
    var box = document.createElement("div");
    box.id = BOX;
    box.className = "cite-box editorial";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", opener.getAttribute("aria-label"));
    box.tabIndex = -1;
    var text = document.createElement("div");
    text.className = "cite-text";
    text.setAttribute("data-cite-chosen", "");
    text.setAttribute("data-cite-fragment", id);
    var usageLine = document.createElement("p");
    usageLine.className = "cite-usage";
    usageLine.setAttribute("data-cite-usage", "");
    usageLine.setAttribute("data-cite-fragment", id);
    usageLine.appendChild(document.createTextNode(C.ui.cite_usage + " "));
    usageLine.appendChild(document.createElement("code"));
    var status = document.createElement("p");
    status.className = "cite-status";
    status.setAttribute("role", "status");
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
    box.appendChild(usageLine);
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
    opened = opener;
    opener.setAttribute("aria-expanded", "true");
    opener.setAttribute("aria-controls", BOX);
    box.focus();
  }

  // What a status line says is what last happened: a copy (and in which format, with which
  // date); after a change of format or address nothing has been copied, so it says nothing.
  function clearStatus() {
    document.querySelectorAll(".cite-status").forEach(function (status) { status.textContent = ""; });
  }

  // The "cite this" buttons beside each paragraph number, in each citable heading and row
  // are in the page already (scripts/edition/cite_buttons.py): the click below opens them.

  // The article's panel and the cite page's blocks: a format choice where the panel asks.
  document.querySelectorAll(".cite-panel .cite-actions").forEach(function (actions) {
    actions.insertBefore(formatSelect(), actions.firstChild);
    if (page.permanent) actions.insertBefore(permanentChoice(), actions.firstChild.nextSibling);
  });

  // "Cite this" opens (or closes) its box. A copy button's citation is made afresh at the
  // moment of the click (capture: before Material's clipboard reads it), so the access date
  // is the day of copying; its status line says what was copied.
  document.addEventListener("click", function (event) {
    var opener = event.target.closest(".cite-this");
    if (opener) {
      var again = opener === opened;
      closeBox();
      if (!again) {
        var id = opener.getAttribute("data-cite-fragment");
        openBox(id, document.getElementById(id), opener);
      }
      return;
    }
    var target = event.target.closest("[data-cite-chosen], [data-cite-format]");
    if (!target || target.tagName !== "BUTTON") return;
    refresh();
    var box = target.closest(".cite-box, .cite-panel, .cite-block");
    var status = box && box.querySelector(".cite-status");
    if (status) status.textContent = copiedMessage(target.getAttribute("data-cite-format") || chosenFormat());
  }, true);

  refresh();
  // Printed: the page's citation in the language's standard format at the foot of each sheet,
  // with the day of printing as the access date.
  if (window.editionPrintLine) window.editionPrintLine(function () { return citation(C.default, ""); });
})();
