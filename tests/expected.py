"""What the tests expect to read, in one place: the citations checked by hand against each
standard (used by the engine's tests, test_citation.py, the browser's, test_cite.py, and the
outside clients', test_clients.py)."""

from datetime import date

from edition.citation import FORMATS, templates
from edition.citation import cite as engine_cite

SITE = "https://example.org/edition/"  # the address the tests build for (conftest.py)
ROOTS = {"ru": SITE, "en": SITE + "en/"}
ACCESSED = date(2026, 12, 1)  # not the edition's date (2026-12-04): the two cannot be confused
URLS = {"ru": SITE + "article.html", "en": SITE + "en/article.html"}
FORMAT = {fmt.id: fmt for fmt in FORMATS}
INTRODUCTION = {"ru": "Введение", "en": "Introduction"}
FRAGMENTS = {  # as fragments.py describes them to the pages
    "": None,
    "p12": {"n": 12},
    "introduction": {"t": INTRODUCTION, "k": "introduction"},
}

TITLE_RU = "Роль Республики Казахстан в урегулировании международных конфликтов"
TITLE_LATN = "Rolʹ Respubliki Kazakhstan v uregulirovanii mezhdunarodnykh konfliktov"  # ALA-LC (APA)
TITLE_BSI = "Rol’ Respubliki Kazakhstan v uregulirovanii mezhdunarodnykh konfliktov"  # BSI (In Russ.)
TITLE_EN = "The Role of the Republic of Kazakhstan in Settling International Conflicts"
SENTENCE_EN = "The role of the Republic of Kazakhstan in settling international conflicts"
EDITION_RU = f"{TITLE_RU} : веб-издание статьи"
NOT_IDENTIFIED = "Авторы статьи и журнал, в котором она вышла, не установлены"

# ГОСТ Р 7.0.100-2018, checked by hand against the form of the standard's examples of a
# remote resource without an author (its "Правительство России : официальный сайт. – Москва.
# – … – URL: http://government.ru (дата обращения: 19.02.2018). – Текст : электронный."):
# title : other title information. – Edition (version). – Date. – Location. – URL (дата
# обращения). – Content type : access. A titled part is a component part, an analytic
# description whose part title stands before "//" (as in its example "Грязев, А. «Пустое
# занятие» … // Газета.ru : [сайт]. – 2018. – …"); a paragraph, which has no title, is a location.
GOST_2018 = {
    "work": f"{EDITION_RU}. – Версия 0.3.0. – 2026. – URL: {SITE}article.html "
    "(дата обращения: 01.12.2026). – Текст : электронный.",
    "p12": f"{EDITION_RU}. – Версия 0.3.0. – 2026. – Абз. 12. – URL: "
    f"{SITE}article.html#p12 (дата обращения: 01.12.2026). – Текст : электронный.",
    "introduction": f"Введение // {EDITION_RU}. – Версия 0.3.0. – 2026. – URL: "
    f"{SITE}article.html#introduction (дата обращения: 01.12.2026). – Текст : электронный.",
}
# ГОСТ Р 7.0.108-2022, a reference to an electronic document in a network (a footnote or an
# end reference): the elements of 7.0.100-2018 with ". " between areas (the dash may be left
# out in references) and no content type, as in the standard's references to web pages
# ("… // Газета.ru. 2018. 2 февр. URL: … (дата обращения: 09.02.2018).").
GOST_2022 = {
    "work": f"{EDITION_RU}. Версия 0.3.0. 2026. URL: {SITE}article.html (дата обращения: 01.12.2026).",
    "p12": f"{EDITION_RU}. Версия 0.3.0. 2026. Абз. 12. URL: {SITE}article.html#p12 (дата обращения: 01.12.2026).",
    "introduction": f"Введение // {EDITION_RU}. Версия 0.3.0. 2026. URL: {SITE}article.html#introduction "
    "(дата обращения: 01.12.2026).",
}
# ГОСТ Р 7.0.5-2008, as its examples of remote resources ("Официальные периодические издания :
# электрон. путеводитель / Рос. нац. б-ка … URL: http://www.nlr.ru/lawcenter/izd/index.html
# (дата обращения: 18.01.2007)"), with the general designation "[Электронный ресурс]" after
# the title that the standard of 2008 still asked for; ". " between areas.
GOST_2008 = {
    "work": f"{TITLE_RU} [Электронный ресурс] : веб-издание статьи. Версия 0.3.0. 2026. URL: "
    f"{SITE}article.html (дата обращения: 01.12.2026).",
    "p12": f"{TITLE_RU} [Электронный ресурс] : веб-издание статьи. Версия 0.3.0. 2026. Абз. 12. URL: "
    f"{SITE}article.html#p12 (дата обращения: 01.12.2026).",
    "introduction": f"Введение // {TITLE_RU} [Электронный ресурс] : веб-издание статьи. Версия 0.3.0. "
    f"2026. URL: {SITE}article.html#introduction (дата обращения: 01.12.2026).",
}
# APA 7: no author -> the title first (9.12); a non-Latin title romanised (ALA-LC) and
# translated in brackets (9.38); no retrieval date for a fixed, dated version (9.16). The
# reference entry is the work: the page, without a #fragment (one entry serves ¶12 and ¶15);
# the paragraph or section goes in the in-text citation (8.13), in English on either page.
APA_RU_WORK = f"{TITLE_LATN} [{SENTENCE_EN}]. (2026, December 4). {SITE}article.html"
APA_EN_WORK = f"{SENTENCE_EN} [Editors’ translation from Russian]. (2026, December 4). {SITE}en/article.html"
APA = {
    ("ru", "work"): APA_RU_WORK,
    ("ru", "p12"): f"{APA_RU_WORK}\n({TITLE_LATN}, 2026, para. 12)",
    ("ru", "introduction"): f"{APA_RU_WORK}\n({TITLE_LATN}, 2026, Introduction section)",
    ("en", "work"): APA_EN_WORK,
    ("en", "p12"): f"{APA_EN_WORK}\n({TITLE_EN}, 2026, para. 12)",
    ("en", "introduction"): f"{APA_EN_WORK}\n({TITLE_EN}, 2026, Introduction section)",
}
# The English twin of the ГОСТ reference, as Russian journals print it under "References":
# the title in BSI romanisation ("Rol’": the apostrophe typeset as citeproc-js prints it), its
# translation in brackets, "(In Russ.)".
IN_RUSS_HEAD = f"{TITLE_BSI} [{TITLE_EN}]. Web edition of the article, version 0.3.0, 2026"
IN_RUSS = {
    "work": f"{IN_RUSS_HEAD}. Available at: {SITE}article.html (accessed 01.12.2026). (In Russ.)",
    "p12": f"{IN_RUSS_HEAD}, para. 12. Available at: {SITE}article.html#p12 (accessed 01.12.2026). (In Russ.)",
    "introduction": f"{IN_RUSS_HEAD}, section “Introduction”. Available at: {SITE}article.html#introduction "
    "(accessed 01.12.2026). (In Russ.)",
}
# What the machine formats carry about the fragment, in the field importers keep.
FRAGMENT_NOTE = {
    ("ru", ""): "",
    ("ru", "p12"): "абз. 12",
    ("ru", "introduction"): "разд. «Введение»",
    ("en", ""): "",
    ("en", "p12"): "para. 12",
    ("en", "introduction"): "section “Introduction”",
}


_TEMPLATES: dict = {}


def _templates(record, locale: str) -> dict:
    if (id(record), locale) not in _TEMPLATES:
        _TEMPLATES[id(record), locale] = templates(record, locale)
    return _TEMPLATES[id(record), locale]


def cite(record, format_id: str, locale: str, fragment: str = "", accessed=ACCESSED, page="article.html") -> str:
    """What a reader on the `locale` article page copies (with `accessed` filled in as
    assets/cite.js fills it; None: what a reader without script sees)."""
    return engine_cite(
        _templates(record, locale),
        record,
        locale,
        ROOTS,
        page,
        FORMAT[format_id],
        FRAGMENTS[fragment],
        fragment,
        accessed,
    )
