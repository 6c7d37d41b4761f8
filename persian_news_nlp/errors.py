"""One catalogue of the errors the library raises, each naming the bad input.

Messages are coded (``E001`` …) so that users can search for them; every class subclasses a
builtin (``ValueError``/``TypeError``/``OSError``) so that ordinary ``except`` clauses work.
"""
from __future__ import annotations

from enum import Enum


class Errors(str, Enum):
    """Message templates; format them with the names they mention."""

    E001 = "expected text as str, got {type_name}"
    E002 = "{path}:{line}: {problem}; expected {expected}"
    E003 = "unknown option {name}={value!r}; valid options: {options}"
    E004 = "data file not found: {path}"
    E005 = "document {doc_id!r} could not be processed: {problem}"
    E006 = "{path}: not valid UTF-8 at byte {offset}: {problem}"
    E007 = "{path}: refusing to overwrite an existing file; pass --force to replace it"
    E008 = "invalid date {value!r} for {what}; expected YYYY-MM-DD"
    E009 = "{path}:{line}: duplicate {what} {key!r} (first on line {first_line})"
    E010 = "text of {length:,} characters is larger than the limit of {limit:,}; split it or raise max_length"

    def __str__(self) -> str:
        return f"[{self.name}] {self.value}"

    def format(self, **kwargs: object) -> str:  # type: ignore[override]
        return f"[{self.name}] " + self.value.format(**kwargs)


class PersianNewsError(Exception):
    """Base class of every error raised on purpose by persian_news_nlp."""


class InputTextError(PersianNewsError, TypeError):
    """A value passed as text is not a ``str``."""


class DataFileError(PersianNewsError, ValueError):
    """A data file (lexicon, rule table, gazetteer) is malformed: the message names file and line."""


class OptionError(PersianNewsError, ValueError):
    """An option has a value outside its documented choices."""


class DocumentError(PersianNewsError, ValueError):
    """A document could not be processed; the message names the document."""


class TextTooLongError(PersianNewsError, ValueError):
    """A text exceeds the configured maximum length."""


def check_text(text: object) -> str:
    """Return ``text`` if it is a ``str``; raise :class:`InputTextError` naming its type otherwise."""
    if not isinstance(text, str):
        raise InputTextError(Errors.E001.format(type_name=type(text).__name__))
    return text


def check_option(name: str, value: object, options: tuple[object, ...]) -> None:
    """Raise :class:`OptionError` unless ``value`` is one of ``options``."""
    if value not in options:
        raise OptionError(Errors.E003.format(name=name, value=value, options=", ".join(map(str, options))))
