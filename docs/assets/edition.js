/* The edition's few lines of script. Nothing here is needed to read the text: without
   script, links, paragraph numbers and the language switch still work as plain links. */
(function () {
  "use strict";

  // The words it shows, in the page's language (scripts/edition/strings.py, via overrides/main.html)
  var ui = JSON.parse((document.getElementById("edition-ui") || { textContent: "{}" }).textContent);
  var lang = document.documentElement.lang;

  // Material looks up sitemap.xml beside each hreflang alternate of the page (for pages in a
  // folder, e.g. missions/sitemap.xml) to keep the reader on the same page when switching
  // language. Our alternates already point to the same page, so that lookup is answered here
  // with an empty sitemap: no request, no 404 online, no CORS error from file://. This runs
  // before Material's lookup, which waits for DOMContentLoaded.
  var EMPTY_SITEMAP =
    "data:application/xml,<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>";
  var open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    if (/\/sitemap\.xml$/.test(new URL(String(url), location.href).pathname)) {
      args[1] = EMPTY_SITEMAP;
    }
    return open.apply(this, args);
  };

  // The language switch keeps the #fragment, so a cited paragraph stays in view.
  function languageLinks() {
    return document.querySelectorAll("a.md-select__link[hreflang]");
  }
  function carryFragment() {
    languageLinks().forEach(function (link) {
      link.href = link.href.split("#")[0] + location.hash;
    });
  }
  carryFragment();
  window.addEventListener("hashchange", carryFragment);
  document.addEventListener("click", carryFragment, true); // before the link is followed

  // "Copy link" next to a paragraph number copies the paragraph's absolute URL. Material's
  // clipboard (data-clipboard-text) does the copying and says "copied". Offline, the
  // public URL (the canonical link) is the one worth citing, not a file:// path.
  function pageUrl() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = location.protocol === "file:" && canonical ? canonical.href : location.href;
    return base.split("#")[0];
  }
  document.querySelectorAll(".para-copy[data-clipboard-text]").forEach(function (button) {
    var fragment = button.getAttribute("data-clipboard-text");
    button.setAttribute("data-clipboard-text", pageUrl() + fragment);
  });

  // Printed, every page says at the foot of each sheet what it is and where it is found (on
  // the pages one may cite, assets/cite.js gives the page's citation instead). Made when the
  // page is printed, not when it opens: a stylesheet added then would make the browser style
  // the whole page again. A stylesheet made here, not a <style> the Content-Security-Policy
  // would refuse, nor a rule added to edition.css, which a page from file:// may not touch.
  var printLine = function () { return document.title + " — " + pageUrl(); };
  window.editionPrintLine = function (line) { printLine = line; };
  var printSheet = null;
  window.addEventListener("beforeprint", function () {
    if (!("adoptedStyleSheets" in document)) return; // an older browser: no line
    try {
      if (!printSheet) {
        printSheet = new CSSStyleSheet();
        document.adoptedStyleSheets = document.adoptedStyleSheets.concat([printSheet]);
      }
      var quoted = '"' + printLine().replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\s+/g, " ") + '"';
      printSheet.replaceSync("@media print { @page { @bottom-center { content: " + quoted +
        "; font: 7.5pt/1.3 Georgia, serif; color: #5c5c5c; } } }");
    } catch (error) { /* no line */ }
  });

  // Material's search panel is a dialog without a name: give it one.
  var search = document.querySelector('.md-search[role="dialog"]');
  if (search && ui.search) search.setAttribute("aria-label", ui.search);

  // Arriving at a #fragment this page lacks: follow a renamed anchor, or say so plainly.
  function checkFragment() {
    var id = decodeURIComponent(location.hash.slice(1));
    var old = document.querySelector(".edition-notice");
    if (old) old.remove();
    if (!id || document.getElementById(id)) return;
    var data = document.getElementById("edition-anchor-redirects");
    var moved = data ? JSON.parse(data.textContent) : {};
    if (Object.prototype.hasOwnProperty.call(moved, id)) {
      location.replace(moved[id]);
      return;
    }
    var notice = document.createElement("p");
    notice.className = "edition-notice editorial";
    notice.setAttribute("role", "status");
    notice.textContent = ui.no_fragment.replace("{id}", id);
    var others = Array.prototype.filter.call(languageLinks(), function (link) {
      return link.hreflang !== lang;
    });
    if (others.length) {
      notice.appendChild(document.createTextNode(" " + ui.fragment_elsewhere));
      others.forEach(function (link) {
        var copy = document.createElement("a");
        copy.href = link.href;
        copy.hreflang = link.hreflang;
        copy.textContent = link.textContent.trim();
        notice.appendChild(copy);
      });
    }
    var article = document.querySelector("article.md-content__inner");
    if (article) article.insertBefore(notice, article.firstChild);
  }
  checkFragment();
  window.addEventListener("hashchange", checkFragment);
})();
