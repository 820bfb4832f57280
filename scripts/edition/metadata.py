"""Machine-readable metadata in each page's head, from data/article.yml and the data files:
Google Scholar's Highwire tags and Dublin Core on the article pages, schema.org JSON-LD
(ScholarlyArticle, its translation, Dataset, Event), Open Graph. Only what is known is said:
there is no author and no journal, because neither is identified."""

from .locales import BY_CODE, DEFAULT, FOLDERS, other
from .strings import STRINGS

DATA_INDEXES = {  # data page -> its download stem
    "missions/index.html": "missions",
    "astana/index.html": "astana_rounds",
    "funding/index.html": "funding_sources",
    "facts/index.html": "facts",
}


def page_metadata(data, path: str, locale: str, site_url: str, title: str, description: str) -> dict:
    """Head metadata of the page at `path` (in its language folder, e.g. 'article.html')."""

    def url(locale_of: str, page_path: str) -> str:
        return f"{site_url}{FOLDERS[locale_of]}{page_path}"

    own = url(locale, path)
    record = data.article
    if path == "article.html":
        title = record.title[locale]
    twin_locale = other(locale)
    meta, og = (
        [],
        [
            ("og:title", title),
            ("og:description", description),
            ("og:url", own),
            ("og:locale", BY_CODE[locale].og),
            ("og:locale:alternate", BY_CODE[twin_locale].og),
            ("og:type", "article" if path == "article.html" else "website"),
        ],
    )
    jsonld = None
    if path == "article.html":
        keywords = getattr(record.keywords, locale)
        meta += [
            ("citation_title", record.title[locale]),
            ("citation_language", locale),
            ("citation_online_date", record.edition.date.first_day.strftime("%Y/%m/%d")),
            ("citation_keywords", "; ".join(keywords)),
            ("citation_abstract_html_url", f"{own}#abstract"),
            ("citation_fulltext_html_url", own),
            ("DC.title", record.title[locale]),
            ("DC.language", locale),
            ("DC.description", description),
            ("DC.type", "Text"),
        ]
        jsonld = schema_thing(
            "ScholarlyArticle",
            own,
            locale,
            headline=record.title[locale],
            name=record.title[locale],
            keywords=keywords,
            description=description,
            isAccessibleForFree=True,
        )
        twin = {"@type": "ScholarlyArticle", "@id": url(twin_locale, path), "inLanguage": twin_locale}
        if locale == record.language:
            jsonld["workTranslation"] = twin
        else:
            jsonld["translationOfWork"] = twin
            jsonld["translator"] = {"@type": "Organization", "name": STRINGS[locale]["editors"]}
    elif path in DATA_INDEXES:
        stem = DATA_INDEXES[path]
        folder = path.rsplit("/", 1)[0]
        jsonld = schema_thing(
            "Dataset",
            own,
            locale,
            name=title,
            description=description,
            isBasedOn=url(DEFAULT.code, "article.html"),
            distribution=[
                {
                    "@type": "DataDownload",
                    "encodingFormat": mime,
                    "contentUrl": url(locale, f"{folder}/{stem}.{ext}"),
                }
                for ext, mime in (("csv", "text/csv"), ("json", "application/json"))
            ],
        )
    elif path.startswith("astana/round-"):
        round_ = data.rounds.rounds[int(path.removeprefix("astana/round-").removesuffix(".html")) - 1]
        jsonld = schema_event(own, locale, title, round_.start, round_.end, data.rounds.cities[round_.city][locale])
    elif path.startswith("missions/"):
        mission = next(m for m in data.missions.missions if f"missions/{m.id}.html" == path)
        jsonld = schema_event(
            own,
            locale,
            mission.name[locale],
            mission.start.date,
            mission.end.date if mission.end else None,
            mission.short[locale],
            description=mission.summary[locale],
        )
    return {"meta": meta, "og": og, "jsonld": jsonld}


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
