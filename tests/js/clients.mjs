// The outside clients the tests put the edition's citations through (tests/test_clients.py):
// citation-js, the importer many reference tools share, parses BibTeX, RIS and CSL-JSON into
// CSL items, and citeproc-js (through @citation-js/plugin-csl) formats CSL items with the
// edition's own styles. One request as JSON on stdin, one answer as JSON on stdout.
import { Cite, plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";


async function main() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const request = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const csl = plugins.config.get("@csl");
  for (const [lang, xml] of Object.entries(request.locales || {})) csl.locales.add(lang, xml);
  for (const [name, xml] of Object.entries(request.styles || {})) csl.styles.add(name, xml);

  const parsed = [];
  for (const { format, text } of request.parse || []) {
    const input = format === "csl-json" ? JSON.parse(text) : text;
    const cite = await Cite.async(input); // the input type detected, as an application would
    parsed.push(cite.data);
  }
  const formatted = (request.format || []).map(({ style, lang, item, locator, mode }) => {
    const cite = new Cite([item]);
    const entry = locator ? [{ id: item.id, locator: locator.locator, label: locator.label }] : undefined;
    return cite.format(mode, { template: style, lang, format: "text", entry }).trim();
  });
  process.stdout.write(JSON.stringify({ parsed, formatted }));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
});
