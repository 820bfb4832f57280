"""UI strings the edition adds, per locale. Material translates its own strings."""

STRINGS = {
    "ru": {
        "permalink": "Постоянная ссылка на раздел",
        "paragraph": "Абзац {n}: постоянная ссылка",
        "copy_paragraph": "Копировать ссылку на абзац {n}",
        "footnote_back": "Вернуться к сноске {n} в тексте",
        "footnote_ref": "Примечание редакции {n}",
    },
    "en": {
        "permalink": "Permanent link to this section",
        "paragraph": "Paragraph {n}: permanent link",
        "copy_paragraph": "Copy the link to paragraph {n}",
        "footnote_back": "Back to note {n} in the text",
        "footnote_ref": "Editorial note {n}",
    },
}


def ui_string(locale: str, key: str, **values) -> str:
    """The string `key` in `locale` (falls back to Russian, the edition's main language)."""
    table = STRINGS.get(locale, STRINGS["ru"])
    return table[key].format(**values)
