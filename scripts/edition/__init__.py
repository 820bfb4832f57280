"""The edition's own build code: what MkDocs and Material do not do for us.

Modules, in the order the build uses them:
- headings:   every heading in docs/ has an explicit ASCII id (checked on the Markdown source)
- paragraphs: a Markdown extension that numbers the authors' paragraphs in the margin
- contract:   the published URLs and anchors (data/published_urls.yml) and their redirects
- strings:    the few UI strings MkDocs/Material do not translate for us, per locale
"""
