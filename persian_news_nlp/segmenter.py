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
from functools import cache, cached_property

import numpy as np
import regex
from spacy.attrs import IS_ALPHA, IS_SPACE, NORM, ORTH, SENT_START, SPACY
from spacy.errors import Errors
from spacy.language import Language
from spacy.strings import StringStore, hash_string
from spacy.tokens import Doc, Span, Token

from .normalizer import ZWNJ
from .resources import model_path, read_tsv
from .tokenizer import TokenStrings

TERMINATORS = frozenset({".", "!", "؟", "?"})
ELLIPSES = frozenset({"…", "...", "....", "....."})
CLOSERS = frozenset({"»", ")", "]", '"', "”", "'", "’"})
OPENERS = {"«": "»", "(": ")", "[": "]", "“": "”"}
# The tokens the splitter looks at (it passes over others), by the hash of their norm.
_SPECIAL_HASHES = np.sort(np.array([hash_string(s) for s in TERMINATORS | CLOSERS | OPENERS.keys()], dtype=np.uint64))
_STOP_TAIL = TERMINATORS | CLOSERS  # what a sentence's end takes with it
# A body line is long enough to be prose, not a headline.
HEADLINE_MAX_TOKENS = 30

if not Token.has_extension("boilerplate"):
    Token.set_extension("boilerplate", default=False)
if not Span.has_extension("boilerplate"):
    Span.set_extension("boilerplate", getter=lambda span: any(t._.boilerplate for t in span if not t.is_space))


# What could make a pattern mean something else as one alternative of many: inline flags, group
# numbers and names (references, conditionals), escapes that are not plain characters' names.
_CONTEXT_BOUND = regex.compile(r"\(\?(?![:=!]|<[=!])|\\[0-9gGkK]")


def _top_level_bar(pattern: str) -> bool:
    """Does the pattern have a ``|`` outside any parentheses and character class (``^a|b``)?"""
    depth, in_class, escaped = 0, False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


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

    @cached_property
    def _screen(self) -> tuple[regex.Pattern, ...]:
        """Patterns that find a match in a line where any rule does, fewer than the rules: the
        rules anchored at the line's start searched as one (``^(?:a|b)``), which costs about what
        one of them does; most lines match none. A rule that might mean something else inside
        the group (an alternative outside its parentheses, inline flags, group references)
        stays alone."""
        anchored, alone = [], []
        for pattern in self.box_headers + self.banners:
            text = pattern.pattern
            groupable = text.startswith("^") and not _CONTEXT_BOUND.search(text) and not _top_level_bar(text)
            (anchored if groupable else alone).append(pattern)
        if len(anchored) > 1:
            return (regex.compile("^(?:" + "|".join(f"(?:{p.pattern[1:]})" for p in anchored) + ")"), *alone)
        return tuple(anchored + alone)

    def kind(self, line: str) -> str | None:
        line = line.replace(ZWNJ, " ").strip()
        if not any(pattern.search(line) for pattern in self._screen):
            return None
        for pattern in self.box_headers:
            if pattern.search(line):
                return "box_header"
        for pattern in self.banners:
            if pattern.search(line):
                return "banner"
        return None


class _Strings:
    """Strings by their hash, copied from a StringStore as they are needed: looking one up here
    is many times cheaper than in the StringStore. A hash names the same string in any vocabulary."""

    LIMIT = 1_000_000  # emptied when it holds more, so that a long run does not keep every string

    def __init__(self) -> None:
        self._by_hash: dict[int, str] = {}

    def __call__(self, hashes: list[int], store: StringStore) -> list[str]:
        """The strings of ``hashes``."""
        by_hash = self._by_hash
        try:
            return list(map(by_hash.__getitem__, hashes))
        except KeyError:
            missing = set(hashes).difference(by_hash)
            if len(by_hash) + len(missing) > self.LIMIT:
                by_hash.clear()
                missing = set(hashes)
            for h in missing:
                by_hash[h] = store[h]
            return list(map(by_hash.__getitem__, hashes))


class _Words:
    """The doc's non-space tokens ("words") as the splitter reads them, in order, and its lines.

    Taken from the Doc's arrays at once: a Token object per token would cost more than the
    splitting itself. ``lines`` are ranges of word positions, one per raw line that has words.
    """

    def __init__(self, doc: Doc, strings: _Strings) -> None:
        table = doc.to_array([NORM, ORTH, SPACY, IS_SPACE, IS_ALPHA])
        known = TokenStrings.take(doc, table[:, 0], table[:, 1])
        if known is not None:  # as NewsTokenizer made them
            norms, texts = known.norms, known.texts
        else:
            norms = strings(table[:, 0].tolist(), doc.vocab.strings)
            texts = norms.copy()  # mostly the same strings: look up only the texts that differ
            differ = np.flatnonzero(table[:, 0] != table[:, 1])
            for i, text in zip(differ.tolist(), strings(table[differ, 1].tolist(), doc.vocab.strings)):
                texts[i] = text
        # Token.is_space, or a text of whitespace only (what a custom vocabulary may not flag)
        blank = (table[:, 3] != 0) | np.fromiter(map(str.isspace, texts), dtype=bool, count=len(texts))
        index = np.flatnonzero(~blank)
        self.index: list[int] = index.tolist()  # doc index of each word
        self.norms: list[str] = list(map(norms.__getitem__, self.index))
        spaced = table[index, 2].astype(bool)
        self.spaced: list[bool] = spaced.tolist()
        self.alpha: list[bool] = table[index, 4].astype(bool).tolist()
        breaks = [i for i in np.flatnonzero(blank).tolist() if "\n" in texts[i] or "\r" in texts[i]]
        line_of = np.searchsorted(np.array(breaks, dtype=np.int64), index)
        bounds = [0, *(np.flatnonzero(np.diff(line_of)) + 1).tolist(), len(index)] if len(index) else [0]
        self.lines: list[range] = [range(a, b) for a, b in zip(bounds, bounds[1:])]
        self.special: list[int] = np.flatnonzero(_is_special(table[index, 0])).tolist()
        self._spaced = spaced

    def text(self, line: range) -> str:
        """The line's normalised text: norms and trailing spaces."""
        return "".join(self._pieces[2 * line.start:2 * line.stop])

    @cached_property
    def _pieces(self) -> list[str]:
        """Each word's norm followed by its trailing space or ``""``: a line joins a slice of it."""
        pieces = [""] * (2 * len(self.norms))
        pieces[0::2] = self.norms
        pieces[1::2] = np.where(self._spaced, " ", "").tolist()
        return pieces

    def ends_with_stop(self, line: range) -> bool:
        for i in reversed(line):
            if self.norms[i] in CLOSERS:
                continue
            return self.norms[i] in TERMINATORS or self.norms[i] in ELLIPSES
        return False


def _is_special(hashes: np.ndarray) -> np.ndarray:
    """Which of the norm hashes are an opener's, a closer's or a stop's (``np.isin``, for a few
    values quicker by a binary search)."""
    found = np.searchsorted(_SPECIAL_HASHES, hashes)
    return _SPECIAL_HASHES[np.minimum(found, len(_SPECIAL_HASHES) - 1)] == hashes


def _sentence_starts(words: _Words, abbreviations: frozenset[str]) -> list[int]:
    """Word positions that start a sentence: the first of each line, and the word after each stop.

    Only openers, closers and stops matter, so only those words (``words.special``) are visited.
    """
    starts: list[int] = []
    norms, special = words.norms, words.special
    k = 0  # next special word
    for line in words.lines:
        starts.append(line.start)
        expect_closer: list[str] = []
        while k < len(special) and special[k] < line.start:
            k += 1
        while k < len(special) and special[k] < line.stop:
            i = special[k]
            k += 1
            norm = norms[i]
            if norm in OPENERS:
                expect_closer.append(OPENERS[norm])
            elif expect_closer and norm == expect_closer[-1]:
                expect_closer.pop()
            elif (not expect_closer and norm in TERMINATORS and i > line.start
                  and not _is_abbreviation(words, i - 1, norm, abbreviations)):
                j = i + 1  # the stop takes the stops and closers after it
                while j < line.stop and norms[j] in _STOP_TAIL:
                    j += 1
                if j < line.stop:
                    starts.append(j)
                while k < len(special) and special[k] < j:
                    k += 1
    return starts


def _is_abbreviation(words: _Words, i: int, stop: str, abbreviations: frozenset[str]) -> bool:
    """A period after an initial (``م.``) or a listed abbreviation does not end a sentence."""
    if stop != "." or words.spaced[i]:
        return False
    return len(words.norms[i]) == 1 and words.alpha[i] or words.norms[i] in abbreviations


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
        self._strings = _Strings()

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        if doc.has_annotation("DEP"):  # as Token.is_sent_start refuses it
            raise ValueError(Errors.E043)
        words = _Words(doc, self._strings)
        starts = {0, *(words.index[i] for i in _sentence_starts(words, self.abbreviations))}
        # Only the starts are set (unset tokens count as "not a start"), all at once.
        sent_starts = doc.to_array([SENT_START]).astype(np.int64)
        sent_starts[list(starts)] = 1
        if len(doc) > 1 and 1 not in starts:
            sent_starts[1] = -1  # marks the boundaries as set even for a one-sentence doc
        doc.from_array([SENT_START], sent_starts.astype(np.uint64))
        if self.mark_boilerplate:
            for line in self._boilerplate_lines(words):
                for i in line:
                    doc[words.index[i]]._.boilerplate = True
        return doc

    def _boilerplate_lines(self, words: _Words) -> list[range]:
        marked: list[range] = []
        stops = [words.ends_with_stop(line) for line in words.lines]
        last_body = max((k for k, stop in enumerate(stops) if stop), default=-1)
        in_box = False
        for k, line in enumerate(words.lines):
            kind = self.rules.kind(words.text(line))
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
