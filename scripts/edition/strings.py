"""Every string the edition shows a reader that Material does not translate: one table per
language (the same keys in each; tests/test_strings.py checks), for the pages, the margin,
the citations, the single files, the redirect pages and the browser scripts (strings_for_js).

Facts live in data/, never here: a string that needs one has a {placeholder} the caller fills
from the data. Dates are formatted by Babel (installed with Material)."""

from functools import cache

from babel import Locale
from babel.dates import format_date as babel_date

from .locales import CODES


class Plural(dict):
    """A string with one form per CLDR plural category of its language (ru: one, few, many,
    other; en: one, other), chosen by the number it counts."""

    def __init__(self, **forms: str):
        super().__init__(forms)

    def form(self, locale: str, count: int) -> str:
        return self[Locale.parse(locale).plural_form(count)]


RU = {
    # ------------------------------------------------------------ the article's apparatus
    "permalink": "Постоянная ссылка на раздел",
    "paragraph": "Абзац {n}: постоянная ссылка",
    "copy_paragraph": "Копировать ссылку на абзац {n}",
    "footnote_back": "Вернуться к сноске {n} в тексте",
    "footnote_ref": "Примечание редакции {n}",
    "data_link": "Данные: {label}",
    "editors": "Редакция веб-издания",
    # ------------------------------------------------------------ citing (citation.py, cite.js)
    "cite": "Как цитировать",
    "cite_work": "Цитировать издание",
    "cite_paragraph": "Цитировать абзац {n}",
    "cite_section": "Цитировать: {title}",
    "cite_format": "Формат",
    "cite_copy": "Копировать",
    "cite_copied": "Скопировано. Дата обращения — сегодняшняя.",
    "cite_copied_undated": "Скопировано.",
    "cite_close": "Закрыть",
    "cite_all": "Все форматы и пояснения",
    # the bibliographic record of the edition (citation.py)
    "edition_genre": "веб-издание статьи",
    "authors_unknown": "Авторы статьи и журнал, в котором она вышла, не установлены",
    "translation_note": "Перевод редакции с русского языка",
    # how BibTeX and RIS, which have no locator field, name a fragment (⟦n⟧, ⟦title⟧: its values)
    "locator_paragraph": "абз. ⟦n⟧",
    "locator_section": "разд. «⟦title⟧»",
    # where the access date goes before a script puts in today's
    "date_placeholders": {"dmy": "ДД.ММ.ГГГГ", "iso": "ГГГГ-ММ-ДД", "ris": "ГГГГ/ММ/ДД"},
    # ------------------------------------------------------------ data pages
    "missions": "Миротворческие миссии",
    "missions_lead": (
        "Миротворческие миссии Казахстана, о которых говорит статья, и более поздние: что о каждой говорит "
        "статья и что — внешние источники. Перечень не полный: в нем только миссии, связанные со статьей."
    ),
    "astana": "Астанинский процесс",
    "astana_lead": (
        "Раунды (международные встречи) Астанинского процесса по Сирии. Статья охватывает раунды "
        "{first}–{last} ({start} — {end}) и перенесенный {postponed}-й; более поздние раунды приведены "
        "для полноты и отмечены."
    ),
    "funding": "Финансирование миротворческой деятельности",
    "funding_lead": (
        "Как финансируется миротворческая деятельность Казахстана: источники, которые статья называет "
        "со ссылкой на закон, в ее формулировке, и сведения о самом законе."
    ),
    "facts": "Другие факты статьи",
    "facts_lead": (
        "Другие утверждения статьи, которые читатели проверяют: что говорит статья и что — внешние источники, по темам."
    ),
    "epub_contents": "Содержание",
    "epub_rights": (
        "Текст статьи принадлежит ее авторам (не установлены); примечания, перевод и данные редакции —"
        " {licence} ({url})"
    ),
    "epub_description": (
        "Веб-издание статьи в формате EPUB: полный русский текст с нумерацией абзацев, источники, примечания редакции"
        " и данные, проверенные по открытым источникам. Авторы и журнал не установлены."
    ),
    "epub_accessibility": (
        "Текст со структурой заголовков и оглавлением; у каждого абзаца номер; таблицы данных с заголовками строк"
        " и столбцов; хронология дана и рисунком, и списком."
    ),
    "facing": "Параллельный текст",
    "facing_original": "оригинал",
    "facing_translation": "перевод редакции",
    "facing_link": "Абзац {n} рядом с переводом",
    "names": "Указатель имен",
    "names_lead": (
        "Лица, места и организации, которые называют статья и страницы данных, по алфавиту: у каждого —"
        " абзацы статьи и страницы данных, где он назван."
    ),
    "names_summary": (
        "{entries} статей указателя; ссылок на абзацы статьи — {paragraphs}, на страницы данных — {pages}."
    ),
    "names_types": {"person": "Лица", "place": "Места", "organisation": "Организации"},
    "names_in_article": "В статье",
    "names_in_data": "В данных",
    "names_forms": "Формы в тексте",
    "names_gloss_source": "по статье",
    "names_count": Plural(one="{n} упоминание", few="{n} упоминания", many="{n} упоминаний", other="{n} упоминания"),
    "data": "Данные",
    "round": "Раунд {n}",
    "round_title": "{n}-й раунд Астанинского процесса",
    "mission": "Миссия",
    "period": "Период",
    "from": "с {date}",
    # Babel patterns: a day; a month on its own (LLLL); a month after «с» (genitive)
    "date_day": "d MMMM y",
    "date_month": "LLLL y",
    "date_month_since": "MMMM y 'года'",
    "no_end": "в использованных источниках не указано: миссия продолжалась на момент последнего из них",
    "start": "Начало",
    "end": "Окончание",
    "dates": "Даты",
    "city": "Город",
    "participants": "Участники",
    "guarantors": "Страны-гаранты",
    "outcome": "Главный итог",
    "planned": "Планировался",
    "not_recorded": "в использованных источниках не указано",
    "overview": "Обзор",
    "checks": "Статья и внешние источники",
    "item": "Что",
    "article_says": "Статья",
    "outside_says": "Внешние источники",
    "status": "Оценка",
    "note": "Примечание",
    "sources": "Источники",
    "sources_lead": ("Ссылки приводятся по сохраненным копиям страниц; перед цитированием проверьте, доступны ли они."),
    "article_paragraphs": "Абзацы статьи",
    "article_paragraphs_lead": "Абзацы статьи, в которых говорится об этом:",
    "paragraph_short": "абз. {n}",
    "confidence": "достоверность",
    "after_article": "после статьи",
    "after_article_long": "Это произошло после написания статьи.",
    "previous": "Предыдущий раунд",
    "next": "Следующий раунд",
    "all_rounds": "Все раунды",
    "rounds_part": "Раунды {first}–{last}",
    "more_rounds": "Следующие раунды:",
    "all_missions": "Все миссии",
    "downloads": "Скачать данные",
    "downloads_lead": "Таблицы на русском языке, с описанием столбцов в JSON:",
    "source_untitled": "описание редакции: заглавие страницы по сохраненной копии не сверено",
    "downloads_licence": "Данные, собранные редакцией издания, можно использовать на условиях лицензии",
    "law": "Закон",
    "law_number": "№ {number} от {date} года",
    "article_wording": "Формулировка статьи",
    "wording_unverified": "Формулировка не сверена с официальным текстом закона.",
    "source_n": "Источник {n}",
    "translation": "перевод редакции",
    "timeline": "Хронология",
    "timeline_title": "Хронология: миротворческие миссии Казахстана и раунды Астанинского процесса",
    "timeline_missions": "Миссии",
    "timeline_rounds_short": "Раунды",
    "timeline_legend": (
        "Серым — то, что произошло после написания статьи; полоса, которая тает, — миссия без даты "
        "окончания в источниках. Полосы и отметки ведут на страницы миссий и раундов."
    ),
    "timeline_rounds_summary": Plural(
        one="{count} раунд Астанинского процесса с {first} по {last}",
        few="{count} раунда Астанинского процесса с {first} по {last}",
        many="{count} раундов Астанинского процесса с {first} по {last}",
        other="{count} раунда Астанинского процесса с {first} по {last}",
    ),
    "timeline_rounds_month": "Раунды {first}–{last}: {month}",
    "timeline_more_missions": "Еще миссий: {count} (все — в таблице миссий).",
    "generated": (
        "Данные этой страницы собраны редакцией издания; у каждого значения указан источник: абзац "
        "статьи или внешняя страница."
    ),
    "status_names": {
        "confirmed": "подтверждено",
        "refined": "уточнено",
        "contradicted": "опровергнуто",
        "not-found": "не найдено",
        "unverifiable": "непроверяемо",
        "article-only": "только в статье",
        "outside-only": "нет в статье",
    },
    "confidence_names": {"high": "высокая", "medium": "средняя", "low": "низкая"},
    # ------------------------------------------------------------ imprint, footer, downloads (publication.py)
    "quoted": "«{}»",
    "size_units": ["\u00a0Б", "\u00a0КБ", "\u00a0МБ", "\u00a0ГБ"],
    "data_titles": {
        "missions": "Миротворческие миссии",
        "astana": "Астанинский процесс",
        "funding": "Финансирование",
        "facts": "Другие факты",
        "names": "Указатель имен",
    },
    "download_file": "Файл",
    "download_what": "Что в нем",
    "download_size": "Размер",
    "download_kinds": {
        "pdf": "Статья с примечаниями и данными в PDF (A4, для печати)",
        "epub": "Статья с примечаниями и данными в EPUB 3 (для электронных книг)",
        "html": "Статья с примечаниями и данными одним HTML-файлом: открывается без сети",
        "zip": "Все издание на двух языках для чтения без сети: распакуйте и откройте index.html",
    },
    "download_short": {"pdf": "PDF", "epub": "EPUB", "html": "HTML", "zip": "ZIP"},
    "downloads_offline": "Файлы для скачивания — на сайте издания:",
    "downloads_preview": "Это предварительная сборка издания: файлы для скачивания (PDF, HTML, архив) в нее не входят.",
    "downloads_data": "Таблицы данных",
    "downloads_data_lead": (
        "Таблицы страниц данных в трех форматах. Для Excel и LibreOffice — файл .xlsx: заголовки"
        " по-русски, даты и числа распознаются как даты и числа, ссылки на источники кликабельны."
        " Файлы .csv (Юникод, разделитель — запятая, названия столбцов по-английски) и .json"
        " (с описанием каждого столбца) — для программ."
    ),
    # ------------------------------------------------------------ corrections and versions
    "corrections_title": "Журнал исправлений",
    "corrections_note": "примечание редакции",
    "corrected_in": "Исправлено в версии {version}",
    "correction_numbered": "Исправление {number} из {count}: {kind}",
    "correction_in_section": "(в этом разделе: {kind})",
    "correction_before": "Было",
    "correction_after": "Стало",
    "correction_why": "Почему",
    "correction_sources": "Источники",
    "correction_where": "Где",
    "correction_kinds": {
        "translation": "Перевод",
        "note": "Примечание",
        "data": "Данные",
        "interface": "Интерфейс",
    },
    "language_names": {"ru": "рус.", "en": "англ."},
    "page_names": {
        "index.html": "Главная",
        "article.html": "Статья",
        "missions/index.html": "Миротворческие миссии",
        "astana/index.html": "Астанинский процесс",
        "funding/index.html": "Финансирование",
        "facts/index.html": "Другие факты",
        "names/index.html": "Указатель имен",
        "parallel.html": "Параллельный текст",
        "cite.html": "Как цитировать",
        "about.html": "Об издании",
        "method.html": "Как проверялись факты",
        "downloads.html": "Скачать",
    },
    "release_current": "текущая версия",
    "release_corrections": "исправления этой версии",
    "release_archive": "читать эту версию",
    "corrections_version": "Версия {version}",
    "corrections_none": "Исправлений пока нет.",
    "feed_release": "Версия {version}",
    "feed_label": "Журнал исправлений (Atom)",
    "versions_label": "Версия издания",
    "versions_history": "Все версии и исправления",
    "archived_label": "Архивная версия",
    "archived_text": (
        "Это версия {version} издания от {date}, сохраненная по постоянному адресу. Текущая версия — {current}."
    ),
    "archived_current": "Эта страница в текущей версии",
    "archived_corrections": "исправления с тех пор",
    "cite_permanent": "Постоянный адрес версии {version}",
    "cite_usage": "Абзац цитируется по записи всей работы, в тексте:",
    "imprint_changes": "Изменения",
    "imprint_changes_value": "журнал исправлений и версий",
    "imprint_edition": "Издание",
    "imprint_publisher": "Издатель",
    "imprint_version": "Версия",
    "imprint_address": "Адрес",
    "imprint_authors_text": "Текст статьи",
    "imprint_authors_text_value": (
        "Авторы статьи и журнал, в котором она вышла, не установлены; права на текст "
        "принадлежат авторам. Издание воспроизводит его без изменений в научных целях."
    ),
    "imprint_licence": "Лицензия",
    "imprint_licence_value": "Примечания, перевод и данные, подготовленные редакцией, — на условиях лицензии",
    "imprint_code": "Программный код",
    "imprint_code_value": "Код, который строит издание, — на условиях лицензии MIT",
    "imprint_errors": "Сообщить об ошибке",
    "imprint_no_contact": "адрес для сообщений пока не опубликован",
    "footer_about": "Об издании",
    "footer_report": "Сообщить об ошибке",
    "footer_no_report": "адрес для сообщений об ошибках пока не опубликован",
    "not_found_title": "Страница не найдена",
    "not_found_text": "По этому адресу в издании страницы нет. Начните с главной страницы или со статьи;"
    " если ссылка на этот адрес стоит в самом издании, сообщите нам.",
    "not_found_home": "Главная страница",
    "not_found_article": "Статья",
    "footer_licence": "материалы редакции —",
    "footer_downloads": "Скачать",
    "footer_all_files": "все файлы",
    "footer_on_the_site": "на сайте издания",
    "footer_preview": "в предварительной сборке файлов нет",
    "footer_data_tables": "таблицы данных",
    "footer_version": "версия {version}, {date}",
    "history_first": "Впервые опубликовано {date} (версия {version})",
    "history_corrected": "последние исправления — в версии {version}, {date}",
    "history_log": "журнал исправлений",
    "download_sheet": "Данные",
    "column_headers": {
        "mission_id": "Идентификатор миссии",
        "mission": "Миссия",
        "start": "Начало",
        "end": "Окончание",
        "after_article": "После статьи",
        "summary": "Описание",
        "article_paragraphs": "Абзацы статьи",
        "sources": "Источник",
        "fact_id": "Идентификатор факта",
        "fact": "Что проверено",
        "article_paragraph": "Абзац статьи",
        "article_quote": "Цитата из статьи",
        "article_quote_translation": "Перевод цитаты",
        "outside_value": "Данные внешних источников",
        "confidence": "Надежность",
        "status": "Вывод",
        "note": "Примечание редакции",
        "round": "Раунд",
        "city": "Город",
        "planned": "Что планировалось",
        "participants": "Участники",
        "outcome": "Главный итог",
        "source": "Источник финансирования",
        "law": "Закон",
        "law_number": "Номер закона",
        "law_date": "Дата закона",
        "law_sources": "Текст закона",
        "wording_verified": "Формулировка сверена",
        "topic_id": "Идентификатор темы",
        "topic": "Тема",
        "entry_id": "Идентификатор",
        "entry_type": "Вид",
        "entry": "Имя",
        "forms": "Формы в тексте",
        "gloss": "Кто или что это",
        "data_pages": "Страницы данных",
    },
    "download_titles": {
        "missions": "Миротворческие миссии: таблица страницы",
        "missions_facts": "Миротворческие миссии: проверка каждого факта",
        "astana_rounds": "Раунды Астанинского процесса",
        "funding_sources": "Источники финансирования миротворческой деятельности (ст. 23 закона)",
        "facts": "Другие факты статьи и их проверка",
        "names": "Указатель имен, мест и организаций",
    },
    "column_meanings": {
        "mission_id": "постоянный идентификатор миссии (адрес ее страницы: missions/<id>.html)",
        "mission": "название миссии",
        "start": "начало (ГГГГ-ММ-ДД или ГГГГ-ММ)",
        "end": "окончание (ГГГГ-ММ-ДД или ГГГГ-ММ; пусто — продолжается)",
        "after_article": "true — произошло после написания статьи",
        "summary": "краткое описание",
        "article_paragraphs": "абзацы статьи, которые говорят об этом (идентификаторы p1…p22)",
        "sources": "адреса внешних источников",
        "fact_id": "постоянный идентификатор факта",
        "fact": "что проверялось",
        "article_paragraph": "абзац статьи, из которого взята цитата",
        "article_quote": "цитата из статьи, дословно",
        "article_quote_translation": "перевод цитаты редакцией",
        "outside_value": "что сообщают внешние источники",
        "confidence": "достоверность внешних данных: high, medium, low (см. страницу «Как проверялись факты»)",
        "status": (
            "оценка: confirmed, refined, contradicted, not-found, unverifiable, article-only, "
            "outside-only (см. страницу «Как проверялись факты»)"
        ),
        "note": "примечание редакции",
        "round": "номер раунда",
        "city": "город",
        "planned": "что было запланировано",
        "participants": "участники",
        "outcome": "главный итог",
        "source": "номер источника финансирования в ст. 23",
        "law": "название закона",
        "law_number": "номер закона",
        "law_date": "дата закона",
        "law_sources": "адреса текста закона",
        "wording_verified": "true — формулировка ст. 23 сверена с текстом закона",
        "topic_id": "постоянный идентификатор темы",
        "topic": "тема",
        "entry_id": "постоянный идентификатор статьи указателя (names/index.html#<id>)",
        "entry_type": "вид: person (лицо), place (место), organisation (организация)",
        "entry": "имя, как его сортирует указатель",
        "forms": "формы, которыми его называют тексты издания",
        "gloss": "кто или что это, кратко",
        "data_pages": "страницы данных, которые его называют",
    },
    "number_sign": "№",
    "authors_unknown_short": "авторы и журнал не установлены",
    "title_cite": "Цитировать",
    "title_download": "Скачать",
    "legend_title": "Как читать проверку",
    "legend_method": "Как проверялись факты",
    "status_meanings": {
        "confirmed": "внешний источник сообщает то же значение, что и статья",
        "refined": "статья в целом верна, но источник дает более точное или немного иное значение",
        "contradicted": "источник дает другое значение или показывает, что утверждение статьи неверно либо устарело",
        "not-found": "в просмотренных открытых источниках ничего не найдено; это не доказывает, что утверждение ложно",
        "unverifiable": "собственные данные авторов (например, их опрос): проверить их по внешним источникам нельзя",
        "article-only": "значение приводится по статье; внешнего источника для него нет",
        "outside-only": "значение из внешних источников; в статье его нет",
    },
    "confidence_meanings": {
        "high": "официальный источник или несколько независимых источников согласны",
        "medium": "один надежный источник, или источники немного расходятся",
        "low": "подтверждение только косвенное",
    },
    # ------------------------------------------------------------ the single files (single_file.py)
    "single_data": "Данные издания",
    "single_offline": "Автономная копия: страница не загружает ничего из сети.",
    # ------------------------------------------------------------ redirect pages, browser scripts
    "moved": "Страница перенесена:",
    "data_problem": "Данные не прочитаны: {problem}. Страницы показывают данные последней удачной сборки.",
    "search": "Поиск",
    "no_fragment": "На этой странице нет фрагмента «#{id}».",
    "fragment_elsewhere": "Открыть его в версии: ",
}

EN = {
    "permalink": "Permanent link to this section",
    "paragraph": "Paragraph {n}: permanent link",
    "copy_paragraph": "Copy the link to paragraph {n}",
    "footnote_back": "Back to note {n} in the text",
    "footnote_ref": "Editorial note {n}",
    "data_link": "Data: {label}",
    "editors": "The editors of the web edition",
    "cite": "How to cite",
    "cite_work": "Cite the edition",
    "cite_paragraph": "Cite paragraph {n}",
    "cite_section": "Cite: {title}",
    "cite_format": "Format",
    "cite_copy": "Copy",
    "cite_copied": "Copied, with today’s date as the access date.",
    "cite_copied_undated": "Copied.",
    "cite_close": "Close",
    "cite_all": "All formats, explained",
    "edition_genre": "Web edition of the article",
    "authors_unknown": "The authors of the article and the journal in which it appeared are not identified",
    "translation_note": "Editors’ translation from Russian",
    "locator_paragraph": "para. ⟦n⟧",
    "locator_section": "section “⟦title⟧”",
    "date_placeholders": {"dmy": "DD.MM.YYYY", "iso": "YYYY-MM-DD", "ris": "YYYY/MM/DD"},
    "missions": "Peacekeeping missions",
    "missions_lead": (
        "Kazakhstan’s peacekeeping missions that the article discusses, and later ones: what the article says "
        "about each, and what outside sources say. The list is not complete: it holds only the missions "
        "connected with the article."
    ),
    "astana": "Astana process",
    "astana_lead": (
        "The rounds (international meetings) of the Astana process on Syria. The article covers rounds "
        "{first}–{last} ({start} – {end}) and the postponed {postponed}th; later rounds are given for "
        "completeness and marked."
    ),
    "funding": "How peacekeeping is funded",
    "funding_lead": (
        "How Kazakhstan’s peacekeeping is funded: the sources the article names, citing the law, in its "
        "wording, and what is known of the law itself."
    ),
    "facts": "Other facts in the article",
    "facts_lead": (
        "Other statements of the article that readers look up: what the article says and what outside "
        "sources say, by topic."
    ),
    "epub_contents": "Contents",
    "epub_rights": (
        "The article’s text belongs to its authors (not identified); the editors’ notes, translation and data:"
        " {licence} ({url})"
    ),
    "epub_description": (
        "The web edition of the article as an EPUB: the editors’ English translation with numbered paragraphs, the"
        " references, editorial notes and data checked against public sources. Authors and journal not identified."
    ),
    "epub_accessibility": (
        "Text with a heading structure and a table of contents; every paragraph numbered; data tables with row and"
        " column headers; the timeline given both as a figure and as a list."
    ),
    "facing": "Facing pages",
    "facing_original": "the original",
    "facing_translation": "the editors’ translation",
    "facing_link": "Paragraph {n} beside the Russian original",
    "names": "Index of names",
    "names_lead": (
        "The people, places and organisations the article and the data pages name, in alphabetical order:"
        " each with the article’s paragraphs and the data pages that name it."
    ),
    "names_summary": "{entries} entries; {paragraphs} references to paragraphs of the article, {pages} to data pages.",
    "names_types": {"person": "People", "place": "Places", "organisation": "Organisations"},
    "names_in_article": "In the article",
    "names_in_data": "In the data",
    "names_forms": "Forms in the text",
    "names_gloss_source": "after the article",
    "names_count": Plural(one="{n} mention", other="{n} mentions"),
    "data": "Data",
    "round": "Round {n}",
    "round_title": "Round {n} of the Astana process",
    "mission": "Mission",
    "period": "Period",
    "from": "since {date}",
    "date_day": "d MMMM y",
    "date_month": "LLLL y",
    "date_month_since": "LLLL y",
    "no_end": "not stated in the sources used: the mission was still under way at the latest of them",
    "start": "Start",
    "end": "End",
    "dates": "Dates",
    "city": "City",
    "participants": "Participants",
    "guarantors": "Guarantor states",
    "outcome": "Key outcome",
    "planned": "Planned",
    "not_recorded": "not stated in the sources used",
    "overview": "Overview",
    "checks": "The article and outside sources",
    "item": "Item",
    "article_says": "The article",
    "outside_says": "Outside sources",
    "status": "Verdict",
    "note": "Note",
    "sources": "Sources",
    "sources_lead": ("Links were read from stored copies of the pages; check that they are live before quoting them."),
    "article_paragraphs": "Article paragraphs",
    "article_paragraphs_lead": "Paragraphs of the article (Russian text) that speak of this:",
    "paragraph_short": "para. {n}",
    "confidence": "confidence",
    "after_article": "after the article",
    "after_article_long": "This took place after the article was written.",
    "previous": "Previous round",
    "next": "Next round",
    "all_rounds": "All rounds",
    "rounds_part": "Rounds {first}–{last}",
    "more_rounds": "More rounds:",
    "all_missions": "All missions",
    "downloads": "Download the data",
    "downloads_lead": "The tables in English, with what each column means in the JSON:",
    "source_untitled": "the editors’ description: the page’s own title was not checked against a stored copy",
    "downloads_licence": "The data compiled by the editors of this edition may be reused under the licence",
    "law": "The law",
    "law_number": "No. {number} of {date}",
    "article_wording": "The article’s wording",
    "wording_unverified": "The wording has not been checked against the official text of the law.",
    "source_n": "Source {n}",
    "translation": "editors’ translation",
    "timeline": "Timeline",
    "timeline_title": "Timeline: Kazakhstan’s peacekeeping missions and the rounds of the Astana process",
    "timeline_missions": "Missions",
    "timeline_rounds_short": "Rounds",
    "timeline_legend": (
        "Grey: what took place after the article was written; a fading bar: a mission with no end date "
        "in the sources. Bars and ticks link to the mission and round pages."
    ),
    "timeline_rounds_summary": Plural(
        one="{count} round of the Astana process from {first} to {last}",
        other="{count} rounds of the Astana process from {first} to {last}",
    ),
    "timeline_rounds_month": "Rounds {first}–{last}: {month}",
    "timeline_more_missions": "More missions: {count} (all in the table of missions).",
    "generated": (
        "The data on this page were compiled by the editors of this edition; every value names its "
        "source: a paragraph of the article or an outside page."
    ),
    "status_names": {
        "confirmed": "confirmed",
        "refined": "refined",
        "contradicted": "contradicted",
        "not-found": "not found",
        "unverifiable": "unverifiable",
        "article-only": "article only",
        "outside-only": "not in the article",
    },
    "confidence_names": {"high": "high", "medium": "medium", "low": "low"},
    "quoted": "“{}”",
    "size_units": ["\u00a0B", "\u00a0KB", "\u00a0MB", "\u00a0GB"],
    "data_titles": {
        "missions": "Peacekeeping missions",
        "astana": "The Astana process",
        "funding": "Funding",
        "facts": "Other facts",
        "names": "Index of names",
    },
    "download_file": "File",
    "download_what": "What it holds",
    "download_size": "Size",
    "download_kinds": {
        "pdf": "The article with its notes and data as a PDF (A4, for print)",
        "epub": "The article with its notes and data as an EPUB 3 (for e-readers)",
        "html": "The article with its notes and data as one HTML file: opens with no network",
        "zip": "The whole edition in both languages to read offline: unzip it and open index.html",
    },
    "download_short": {"pdf": "PDF", "epub": "EPUB", "html": "HTML", "zip": "ZIP"},
    "downloads_offline": "The files to download are on the edition’s website:",
    "downloads_preview": (
        "This is a preview build of the edition: the files to download (PDF, HTML, zip) are not part of it."
    ),
    "downloads_data": "Data tables",
    "downloads_data_lead": (
        "The tables of the data pages in three formats. For Excel and LibreOffice, take the .xlsx file:"
        " headers in English, dates and numbers read as dates and numbers, the sources’ addresses as"
        " links. The .csv files (Unicode, comma-separated, column names as in the data) and the .json files"
        " (each describing its columns) are for programs."
    ),
    # ------------------------------------------------------------ corrections and versions
    "corrections_title": "Corrections log",
    "corrections_note": "editorial note",
    "corrected_in": "Corrected in version {version}",
    "correction_numbered": "Correction {number} of {count}: {kind}",
    "correction_in_section": "(in this section: {kind})",
    "correction_before": "Before",
    "correction_after": "After",
    "correction_why": "Why",
    "correction_sources": "Sources",
    "correction_where": "Where",
    "correction_kinds": {
        "translation": "Translation",
        "note": "Note",
        "data": "Data",
        "interface": "Interface",
    },
    "language_names": {"ru": "Russian", "en": "English"},
    "page_names": {
        "index.html": "Home",
        "article.html": "Article",
        "missions/index.html": "Peacekeeping missions",
        "astana/index.html": "Astana process",
        "funding/index.html": "Funding",
        "facts/index.html": "Other facts",
        "names/index.html": "Index of names",
        "parallel.html": "Facing pages",
        "cite.html": "How to cite",
        "about.html": "About this edition",
        "method.html": "How the facts were checked",
        "downloads.html": "Download",
    },
    "release_current": "current version",
    "release_corrections": "its corrections",
    "release_archive": "read this version",
    "corrections_version": "Version {version}",
    "corrections_none": "No corrections yet.",
    "feed_release": "Version {version}",
    "feed_label": "Corrections log (Atom)",
    "versions_label": "Version of the edition",
    "versions_history": "All versions and corrections",
    "archived_label": "Archived version",
    "archived_text": (
        "This is version {version} of the edition, of {date}, kept at its permanent address. "
        "The current version is {current}."
    ),
    "archived_current": "This page in the current version",
    "archived_corrections": "corrections since",
    "cite_permanent": "Permanent address of version {version}",
    "cite_usage": "A paragraph is cited from the entry of the whole work, in the text:",
    "imprint_changes": "Changes",
    "imprint_changes_value": "the corrections log and versions",
    "imprint_edition": "Edition",
    "imprint_publisher": "Publisher",
    "imprint_version": "Version",
    "imprint_address": "Address",
    "imprint_authors_text": "The article’s text",
    "imprint_authors_text_value": (
        "The authors of the article and the journal in which it appeared are not identified; "
        "the rights in the text remain with the authors. The edition reproduces it unchanged "
        "for scholarly purposes."
    ),
    "imprint_licence": "Licence",
    "imprint_licence_value": "The notes, translation and data prepared by the editors are available under",
    "imprint_code": "Code",
    "imprint_code_value": "The code that builds the edition is available under the MIT licence",
    "imprint_errors": "Report an error",
    "imprint_no_contact": "no address for reports has been published yet",
    "footer_about": "About this edition",
    "footer_report": "Report an error",
    "footer_no_report": "no address for error reports has been published yet",
    "not_found_title": "Page not found",
    "not_found_text": "The edition has no page at this address. Start from the home page or the article;"
    " if a link in the edition itself led here, please tell us.",
    "not_found_home": "Home page",
    "not_found_article": "Article",
    "footer_licence": "the editors’ work:",
    "footer_downloads": "Download",
    "footer_all_files": "all files",
    "footer_on_the_site": "on the edition’s website",
    "footer_preview": "no files in a preview build",
    "footer_data_tables": "data tables",
    "footer_version": "version {version}, {date}",
    "history_first": "First published {date} (version {version})",
    "history_corrected": "last corrected in version {version}, {date}",
    "history_log": "corrections log",
    "download_sheet": "Data",
    "column_headers": {
        "mission_id": "Mission identifier",
        "mission": "Mission",
        "start": "Start",
        "end": "End",
        "after_article": "After the article",
        "summary": "Description",
        "article_paragraphs": "Paragraphs of the article",
        "sources": "Source",
        "fact_id": "Fact identifier",
        "fact": "What was checked",
        "article_paragraph": "Paragraph of the article",
        "article_quote": "Quotation (Russian)",
        "article_quote_translation": "Translation of the quotation",
        "outside_value": "What outside sources report",
        "confidence": "Confidence",
        "status": "Verdict",
        "note": "Editors’ note",
        "round": "Round",
        "city": "City",
        "planned": "What was planned",
        "participants": "Participants",
        "outcome": "Main outcome",
        "source": "Funding source",
        "law": "Law",
        "law_number": "Law number",
        "law_date": "Date of the law",
        "law_sources": "Text of the law",
        "wording_verified": "Wording verified",
        "topic_id": "Topic identifier",
        "topic": "Topic",
        "entry_id": "Id",
        "entry_type": "Type",
        "entry": "Name",
        "forms": "Forms in the text",
        "gloss": "Who or what",
        "data_pages": "Data pages",
    },
    "download_titles": {
        "missions": "Peacekeeping missions: the page’s table",
        "missions_facts": "Peacekeeping missions: each fact checked",
        "astana_rounds": "The rounds of the Astana process",
        "funding_sources": "The sources of funding for peacekeeping (Art. 23 of the law)",
        "facts": "Other facts of the article and their checks",
        "names": "Index of names, places and organisations",
    },
    "column_meanings": {
        "mission_id": "the mission’s permanent identifier (its page: missions/<id>.html)",
        "mission": "the mission’s name",
        "start": "start (YYYY-MM-DD or YYYY-MM)",
        "end": "end (YYYY-MM-DD or YYYY-MM; empty: still under way)",
        "after_article": "true: took place after the article was written",
        "summary": "a short description",
        "article_paragraphs": "the paragraphs of the article that speak of it (ids p1…p22)",
        "sources": "the addresses of the outside sources",
        "fact_id": "the fact’s permanent identifier",
        "fact": "what was checked",
        "article_paragraph": "the paragraph of the article the quotation is from",
        "article_quote": "the article’s words, verbatim (Russian)",
        "article_quote_translation": "the editors’ translation of the quotation",
        "outside_value": "what outside sources report",
        "confidence": "confidence in the outside data: high, medium, low (see “How the facts were checked”)",
        "status": (
            "the verdict: confirmed, refined, contradicted, not-found, unverifiable, article-only, "
            "outside-only (see “How the facts were checked”)"
        ),
        "note": "the editors’ note",
        "round": "the round’s number",
        "city": "the city",
        "planned": "what had been planned",
        "participants": "the participants",
        "outcome": "the main outcome",
        "source": "the number of the funding source in Art. 23",
        "law": "the law’s title",
        "law_number": "the law’s number",
        "law_date": "the law’s date",
        "law_sources": "the addresses of the law’s text",
        "wording_verified": "true: the wording of Art. 23 was checked against the law",
        "topic_id": "the topic’s permanent identifier",
        "topic": "the topic",
        "entry_id": "permanent id of the index entry (names/index.html#<id>)",
        "entry_type": "type: person, place, organisation",
        "entry": "the name as the index sorts it",
        "forms": "the forms the edition’s texts use for it",
        "gloss": "who or what it is, in brief",
        "data_pages": "the data pages that name it",
    },
    "number_sign": "No.",
    "authors_unknown_short": "authors and journal not identified",
    "title_cite": "Cite",
    "title_download": "Download",
    "legend_title": "How to read the checks",
    "legend_method": "How the facts were checked",
    "status_meanings": {
        "confirmed": "an outside source states the same value as the article",
        "refined": "the article is broadly right, but a source gives a more precise or slightly different value",
        "contradicted": (
            "a source gives a different value, or shows that the article’s statement is wrong or out of date"
        ),
        "not-found": "nothing was found in the public sources searched; this does not prove the statement false",
        "unverifiable": "the authors’ own data (such as their survey), which no outside source can check",
        "article-only": "the value is given as the article states it; there is no outside source for it",
        "outside-only": "the value comes from outside sources; the article does not give it",
    },
    "confidence_meanings": {
        "high": "an official source, or several independent sources, agree",
        "medium": "one good source, or sources that differ slightly",
        "low": "the support is only indirect",
    },
    "single_data": "The edition’s data",
    "single_offline": "Offline copy: this page loads nothing from the network.",
    "moved": "This page has moved:",
    "data_problem": "The data could not be read: {problem}. The pages show the data of the last good build.",
    "search": "Search",
    "no_fragment": "This page has no fragment “#{id}”.",
    "fragment_elsewhere": "Open it in: ",
}

STRINGS = {"ru": RU, "en": EN}
assert tuple(STRINGS) == CODES, "one table per language of locales.py"
# What the browser scripts show: edition.js (JSON in every page), cite.js (citations-<lang>.js)
EDITION_JS_KEYS = ("search", "no_fragment", "fragment_elsewhere")
CITE_JS_KEYS = (
    "cite", "cite_work", "cite_format", "cite_copy",
    "cite_copied", "cite_copied_undated", "cite_close", "cite_all", "cite_permanent", "cite_usage",
)  # fmt: skip


def ui_string(locale: str, key: str, **values) -> str:
    """The string `key` in `locale`, with its {placeholders} filled; a Plural takes the form
    its {count} needs in that language (CLDR's rules, through Babel: 22 раунда, 25 раундов)."""
    value = STRINGS[locale][key]
    if isinstance(value, Plural):
        value = value.form(locale, values["count"])
    return value.format(**values)


def strings_for_js(locale: str, keys: tuple[str, ...]) -> dict[str, str]:
    return {key: STRINGS[locale][key] for key in keys}


# ---------------------------------------------------------------------------- dates
@cache  # the same dates recur on many pages; Babel is not quick
def format_date(date, locale: str) -> str:
    """A PartialDate as a reader writes it: «19 августа 2003», "19 August 2003", «март 2020»."""
    pattern = STRINGS[locale]["date_day" if date.day else "date_month"]
    return babel_date(date.first_day, pattern, locale=locale)


def format_range(start, end, locale: str) -> str:
    """Two PartialDates as one range: «23–24 января 2017», "30 July 2018 – 2 August 2018"."""
    if end is None:
        pattern = STRINGS[locale]["date_day" if start.day else "date_month_since"]
        return ui_string(locale, "from", date=babel_date(start.first_day, pattern, locale=locale))
    if start == end:
        return format_date(start, locale)
    if start.day and end.day and (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{format_date(end, locale)}"
    return f"{format_date(start, locale)} – {format_date(end, locale)}"
