"""The edition's public address (EDITION_SITE_URL, mkdocs.yml's site_url), checked once.

Every page prints it (canonical link, hreflang alternates, citations, feeds, the server rules),
some of it where a quotation mark would end an attribute. So it is judged as a browser reads
it (the WHATWG URL Standard, by Ada, the parser Node.js uses) and accepted only when it is
already written that way: an absolute https address (http with a warning) of a host, with no
user name, password, query or fragment, ending in a slash (added when missing: the archives
live at <address>versions/<version>/)."""

import re

import ada_url

HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$|^\[[0-9a-f:.]+\]$")


PLACEHOLDER_HOST = ".invalid"  # mkdocs.yml's default address, https://edition.invalid/ (RFC 2606)


def is_placeholder(value: str | None) -> bool:
    """Whether `value` is no public address: unset, or the placeholder of a preview."""
    return not value or value.rstrip("/").endswith(PLACEHOLDER_HOST)


class AddressError(ValueError):
    """The public address cannot be used. One line."""


def checked_address(value: str, name: str = "EDITION_SITE_URL") -> tuple[str, str | None]:
    """(the address with its trailing slash, a warning or None); AddressError if it is not a
    plain absolute http(s) address of a host. `name`: what the message calls the setting."""
    shown = repr(value)[:120]
    try:
        url = ada_url.URL(value)
    except ValueError:
        raise AddressError(f"{name}={shown}: not an absolute web address (e.g. https://example.org/edition/)") from None
    if url.protocol not in ("https:", "http:"):
        raise AddressError(f"{name}={shown}: the edition's address must be https:// (not {url.protocol})")
    if url.username or url.password:
        raise AddressError(f"{name}={shown}: no user name or password in the public address")
    if "?" in value or "#" in value:
        raise AddressError(f"{name}={shown}: no query (?) or fragment (#) in the public address")
    if not HOST.match(url.hostname):
        raise AddressError(f"{name}={shown}: {url.hostname!r} is not a host name")
    normal = url.href if url.href.endswith("/") else url.href + "/"
    if normal not in (value, value + "/"):
        raise AddressError(f"{name}={shown}: write it as a browser reads it, {normal}")
    warning = None
    if url.protocol == "http:":
        warning = f"{name}={value}: an http:// address; readers' browsers will call the edition not secure"
    return normal, warning
