"""Machine-readable metadata in each page's head, from data/article.yml and the data files:
Dublin Core and Open Graph, which reference managers read (Zotero's "Embedded Metadata"
translator saves the article page as a web page from them), and schema.org JSON-LD
(ScholarlyArticle and its translation; Dataset and Event, a data kind's index page and its
records' pages). Only what is known is said: there is no author and no journal, because neither is identified.

No Highwire `citation_*` tags: with `citation_title` Zotero guesses a journal article (and
finds no journal), and Google Scholar, which reads them, indexes only items with an author
and a publication date (its inclusion guidelines), which this edition cannot give."""

from .kinds import kind_of
from .locales import BY_CODE, DEFAULT, FOLDERS, others
from .strings import STRINGS


def page_metadata(
    data, path: str, locale: str, site_url: str, page_title: str, site_name: str, description: str
) -> dict:
    """Head metadata of the page at `path` (in its language folder, e.g. 'article.html')."""

    def url(locale_of: str, page_path: str) -> str:
        return f"{site_url}{FOLDERS[locale_of]}{page_path}"

    own = url(locale, path)
    record = data.article
    article = path == "article.html"
    title = record.title[locale] if article else f"{page_title} – {site_name}"
    if article:  # the authors' abstract: what Zotero (and a link preview) takes as the item's
        description = data.paragraphs[record.abstract[locale]]
    og = [
        ("og:title", title),
        ("og:description", description),
        ("og:url", own),
        ("og:site_name", site_name),
        ("og:locale", BY_CODE[locale].og),
        *(("og:locale:alternate", BY_CODE[code].og) for code in others(locale)),
        ("og:type", "article" if article else "website"),
    ]
    # Dublin Core on every page: Zotero saves any page of the edition as a dated web page
    meta = [("DC.title", record.title[locale] if article else page_title), ("DC.language", locale),
            ("DC.date", str(record.edition.date))]  # fmt: skip
    jsonld = None
    editors = {"@type": "Organization", "name": STRINGS[locale]["editors"]}
    if article:
        keywords = getattr(record.keywords, locale)
        meta += [
            ("DC.description", description),
            ("DC.subject", "; ".join(keywords)),
        ]
        jsonld = schema_thing(
            "ScholarlyArticle",
            own,
            locale,
            headline=record.title[locale],
            name=record.title[locale],
            keywords=keywords,
            abstract=description,
            datePublished=str(record.edition.date),
            version=record.edition.version,
            publisher=editors,  # no licence: the authors' text is theirs (the editors license only their own work)
            isAccessibleForFree=True,
        )

        def version_in(code: str) -> dict:
            return {"@type": "ScholarlyArticle", "@id": url(code, path), "inLanguage": code}

        if locale == record.language:
            translations = [version_in(code) for code in others(locale)]
            jsonld["workTranslation"] = translations[0] if len(translations) == 1 else translations
        else:
            jsonld["translationOfWork"] = version_in(record.language)
            jsonld["translator"] = editors
    elif (kind := kind_of(path)) and kind.dataset and path == f"{kind.folder}/index.html":
        stem, folder = kind.dataset, kind.folder
        jsonld = schema_thing(
            "Dataset",
            own,
            locale,
            name=page_title,
            description=description,
            creator=editors,
            license=licence(record),
            version=record.edition.version,
            isBasedOn=url(DEFAULT.code, "article.html"),
            distribution=[
                {"@type": "DataDownload", "encodingFormat": mime, "contentUrl": url(locale, f"{folder}/{stem}.{ext}")}
                for ext, mime in (
                    ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                    ("csv", "text/csv"),
                    ("json", "application/json"),
                )
            ],
        )
    elif kind and (event := kind.event(data, path, locale)):
        name, description = event.get("name", page_title), event.get("description")
        more = {"description": description} if description else {}
        jsonld = schema_event(own, locale, name, event["start"], event["end"], event["place"], **more)
    return {"meta": meta, "og": og, "jsonld": jsonld}


def licence(record) -> dict:
    return {"@type": "CreativeWork", "name": record.edition.license.name, "url": record.edition.license.url}


def schema_thing(kind: str, url: str, locale: str, **properties) -> dict:
    """A schema.org JSON-LD object for the page at `url`."""
    return {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": url,
        "url": url,
        "inLanguage": locale,
        **properties,
    }


def schema_event(url: str, locale: str, name: str, start, end, place: str, **properties) -> dict:
    """A schema.org Event: a mission or an Astana round (no end: still under way)."""
    dates = {"startDate": str(start), **({"endDate": str(end)} if end else {})}
    return schema_thing(
        "Event", url, locale, name=name, **dates, location={"@type": "Place", "name": place}, **properties
    )
