"""What the tests expect to read, in one place: the citations checked by hand against each
standard (used by the engine's tests, test_citation.py, and the browser's, test_cite.py)."""

from datetime import date

from edition.citation import FORMATS, fill, templates

SITE = "https://edition.invalid/"
ACCESSED = date(2026, 12, 1)  # not the edition's date (2026-11-26): the two cannot be confused
URLS = {"ru": SITE + "article.html", "en": SITE + "en/article.html"}
FORMAT = {fmt.id: fmt for fmt in FORMATS}
INTRODUCTION = {"ru": "Введение", "en": "Introduction", "latn": "Vvedenie"}

TITLE_RU = "Роль Республики Казахстан в урегулировании международных конфликтов"
TITLE_LATN = "Rolʹ Respubliki Kazakhstan v uregulirovanii mezhdunarodnykh konfliktov"
TITLE_EN = "The Role of the Republic of Kazakhstan in Settling International Conflicts"
SENTENCE_EN = "The role of the Republic of Kazakhstan in settling international conflicts"

# Checked by hand. ГОСТ Р 7.0.100-2018: title : other title information. – Edition (version).
# – Date. – Location in the document. – Notes: URL (дата обращения: ДД.ММ.ГГГГ). – Content
# type : access ("Текст : электронный"). No author: the description opens with the title.
GOST_2018 = {
    "work": f"{TITLE_RU} : веб-издание статьи. – Версия 0.1.0. – 2026. – URL: {SITE}article.html "
    "(дата обращения: 01.12.2026). – Текст : электронный.",
    "p12": f"{TITLE_RU} : веб-издание статьи. – Версия 0.1.0. – 2026. – Абз. 12. – URL: "
    f"{SITE}article.html#p12 (дата обращения: 01.12.2026). – Текст : электронный.",
    "introduction": f"{TITLE_RU} : веб-издание статьи. – Версия 0.1.0. – 2026. – § «Введение». – URL: "
    f"{SITE}article.html#introduction (дата обращения: 01.12.2026). – Текст : электронный.",
}
# ГОСТ Р 7.0.5-2008, a reference: "[Электронный ресурс]" after the title; ". " between areas.
GOST_2008 = {
    "work": f"{TITLE_RU} [Электронный ресурс] : веб-издание статьи. Версия 0.1.0. 2026. URL: "
    f"{SITE}article.html (дата обращения: 01.12.2026).",
    "p12": f"{TITLE_RU} [Электронный ресурс] : веб-издание статьи. Версия 0.1.0. 2026. Абз. 12. URL: "
    f"{SITE}article.html#p12 (дата обращения: 01.12.2026).",
}
# APA 7: no author -> the title first (9.12); a non-Latin title romanised and translated in
# brackets (9.38); no retrieval date for a fixed, dated version (9.16); paragraph and section
# in the in-text citation (8.13), in title case there.
APA = {
    ("ru", "work"): f"{TITLE_LATN} [{SENTENCE_EN}]. (2026, November 26). {SITE}article.html",
    ("en", "work"): f"{SENTENCE_EN} [Editors' translation from Russian]. (2026, November 26). {SITE}en/article.html",
    ("en", "p12"): f"{SENTENCE_EN} [Editors' translation from Russian]. (2026, November 26). "
    f"{SITE}en/article.html#p12\n({TITLE_EN}, 2026, para. 12)",
    ("en", "introduction"): f"{SENTENCE_EN} [Editors' translation from Russian]. (2026, November 26). "
    f"{SITE}en/article.html#introduction\n({TITLE_EN}, 2026, Introduction section)",
    ("ru", "p12"): f"{TITLE_LATN} [{SENTENCE_EN}]. (2026, November 26). {SITE}article.html#p12\n"
    f"({TITLE_LATN}, 2026, para. 12)",
}
# The English twin of the ГОСТ reference, as Russian journals print it under "References".
IN_RUSS = {
    "work": f"{TITLE_LATN} [{TITLE_EN}]. Web edition of the article, version 0.1.0, 2026. "
    f"Available at: {SITE}article.html (accessed 01.12.2026). (In Russ.)",
    "p12": f"{TITLE_LATN} [{TITLE_EN}]. Web edition of the article, version 0.1.0, 2026, para. 12. "
    f"Available at: {SITE}article.html#p12 (accessed 01.12.2026). (In Russ.)",
    "introduction": f"{TITLE_LATN} [{TITLE_EN}]. Web edition of the article, version 0.1.0, 2026, "
    f"section “Introduction”. Available at: {SITE}article.html#introduction "
    "(accessed 01.12.2026). (In Russ.)",
}


def cite(record, format_id: str, locale: str, fragment: str = "", accessed=ACCESSED) -> str:
    """What a reader on the `locale` page copies: the template filled like assets/cite.js."""
    fmt = FORMAT[format_id]
    language = fmt.language or locale
    kind = "work" if not fragment else "paragraph" if fragment.startswith("p") else "section"
    title = INTRODUCTION[fmt.heading or language] if kind == "section" else None
    url = URLS[language] + (f"#{fragment}" if fragment else "")
    return fill(
        templates(record, locale)[format_id][kind],
        fmt.escape,
        url,
        accessed,
        locale,
        n=int(fragment[1:]) if kind == "paragraph" else None,
        title=title,
        fragment_id=fragment,
    )
