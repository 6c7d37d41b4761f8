"""Stage 2b: news-aware sentence splitting and boilerplate marking.

Sentences end at ``.`` ``!`` ``؟`` ``?`` (not inside ``«…»``, not after an initial or a listed
abbreviation; decimals and dotted abbreviations are single tokens already) and at line breaks,
so headlines with no final stop stand alone. ``؛`` and ``:`` never end a sentence; an ellipsis
ends one only at the end of a line.

Boilerplate — site banners, "latest/related news" boxes, tag lists — is marked on each sentence
(``span._.boilerplate``) by the line rules in ``models/rules/boilerplate.tsv`` and by position:
short lines with no final stop after the last line of body text are page furniture.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .normalizer import ZWNJ
from .resources import model_path, read_tsv

TERMINATORS = frozenset({".", "!", "؟", "?"})
ELLIPSES = frozenset({"…", "...", "....", "....."})
CLOSERS = frozenset({"»", ")", "]", '"', "”", "'", "’"})
OPENERS = {"«": "»", "(": ")", "[": "]", "“": "”"}
# A body line is long enough to be prose, not a headline.
HEADLINE_MAX_TOKENS = 30

if not Token.has_extension("boilerplate"):
    Token.set_extension("boilerplate", default=False)
if not Span.has_extension("boilerplate"):
    Span.set_extension("boilerplate", getter=lambda span: any(t._.boilerplate for t in span if not t.is_space))


@dataclass(frozen=True)
class BoilerplateRules:
    """Line patterns from ``models/rules/boilerplate.tsv``."""

    box_headers: tuple[regex.Pattern, ...]
    banners: tuple[regex.Pattern, ...]

    @classmethod
    @cache
    def load(cls) -> BoilerplateRules:
        rows = read_tsv(model_path("rules", "boilerplate.tsv"), ("pattern", "kind"))
        compiled: dict[str, list[regex.Pattern]] = {"box_header": [], "banner": []}
        for row in rows:
            if row["kind"] not in compiled:
                raise row.error(f"unknown kind {row['kind']!r}", "box_header or banner")
            try:
                pattern = regex.compile(row["pattern"])
            except regex.error as exc:
                raise row.error(f"invalid pattern ({exc})", "a regular expression") from exc
            if pattern.fullmatch(""):
                raise row.error("pattern matches the empty string", "a pattern that needs some text")
            compiled[row["kind"]].append(pattern)
        return cls(tuple(compiled["box_header"]), tuple(compiled["banner"]))

    def kind(self, line: str) -> str | None:
        line = line.replace(ZWNJ, " ").strip()
        if any(p.search(line) for p in self.box_headers):
            return "box_header"
        if any(p.search(line) for p in self.banners):
            return "banner"
        return None


def _lines(doc: Doc) -> list[list[Token]]:
    """Non-space tokens grouped by raw line."""
    lines: list[list[Token]] = [[]]
    for token in doc:
        if token.is_space or not token.text.strip():
            if "\n" in token.text or "\r" in token.text:
                lines.append([])
            continue
        lines[-1].append(token)
        if "\n" in token.whitespace_:
            lines.append([])
    return [line for line in lines if line]


def _ends_with_stop(line: list[Token]) -> bool:
    for token in reversed(line):
        if token.norm_ in CLOSERS:
            continue
        return token.norm_ in TERMINATORS or token.norm_ in ELLIPSES
    return False


def _sentence_starts(line: list[Token], abbreviations: frozenset[str]) -> list[int]:
    """Indices (into ``line``) of the tokens that start a sentence."""
    starts = [0]
    depth = 0
    expect_closer: list[str] = []
    i = 0
    while i < len(line):
        norm = line[i].norm_
        if norm in OPENERS:
            expect_closer.append(OPENERS[norm])
            depth += 1
        elif expect_closer and norm == expect_closer[-1]:
            expect_closer.pop()
            depth -= 1
        elif depth == 0 and norm in TERMINATORS and i > 0 and not _is_abbreviation(line[i - 1], norm, abbreviations):
            j = i + 1
            while j < len(line) and (line[j].norm_ in TERMINATORS or line[j].norm_ in CLOSERS):
                j += 1
            if j < len(line):
                starts.append(j)
            i = j
            continue
        i += 1
    return starts


def _is_abbreviation(previous: Token, stop: str, abbreviations: frozenset[str]) -> bool:
    """A period after an initial (``م.``) or a listed abbreviation does not end a sentence."""
    if stop != "." or previous.whitespace_:
        return False
    return len(previous.norm_) == 1 and previous.is_alpha or previous.norm_ in abbreviations


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(r["abbreviation"] for r in read_tsv(model_path("rules", "abbreviations.tsv"), ("abbreviation",)))


class SentenceSplitter:
    """Sets sentence starts and ``token._.boilerplate`` on a Doc."""

    def __init__(self, nlp: Language, name: str = "pnn_sentences", *, mark_boilerplate: bool = True) -> None:
        self.name = name
        self.mark_boilerplate = mark_boilerplate
        self.rules = BoilerplateRules.load()
        self.abbreviations = _abbreviations()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        lines = _lines(doc)
        starts = {line[0].i for line in lines}
        for line in lines:
            starts.update(line[k].i for k in _sentence_starts(line, self.abbreviations))
        starts.add(0)
        for i in sorted(starts):  # unset tokens count as "not a start"; setting only the starts keeps this linear
            doc[i].is_sent_start = True
        if len(doc) > 1 and 1 not in starts:
            doc[1].is_sent_start = False  # marks the boundaries as set even for a one-sentence doc
        if self.mark_boilerplate:
            for line in self._boilerplate_lines(lines):
                for token in line:
                    token._.boilerplate = True
        return doc

    def _boilerplate_lines(self, lines: list[list[Token]]) -> list[list[Token]]:
        marked: list[list[Token]] = []
        stops = [_ends_with_stop(line) for line in lines]
        last_body = max((k for k, stop in enumerate(stops) if stop), default=-1)
        in_box = False
        for k, line in enumerate(lines):
            text = "".join(t.norm_ + t.whitespace_ for t in line)
            kind = self.rules.kind(text)
            headline_like = not stops[k] and len(line) <= HEADLINE_MAX_TOKENS
            if kind == "box_header":
                in_box = True
            elif in_box and not headline_like:
                in_box = False
            trailing = k > last_body >= 0 and k > 0 and headline_like
            if kind is not None or in_box or trailing:
                marked.append(line)
        return marked


@Language.factory(
    "pnn_sentences",
    assigns=["token.is_sent_start", "token._.boilerplate"],
    default_config={"mark_boilerplate": True},
)
def make_sentence_splitter(nlp: Language, name: str, mark_boilerplate: bool) -> SentenceSplitter:
    """News-aware sentence splitter; see the module docstring."""
    return SentenceSplitter(nlp, name, mark_boilerplate=mark_boilerplate)
