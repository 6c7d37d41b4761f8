"""Stage 2a: tokenisation of the normalised text, with tokens laid on the raw input.

The :class:`NewsTokenizer` normalises the raw text (stage 1), finds tokens in the normalised
text, and builds a spaCy ``Doc`` whose tokens are slices of the *raw* text, so that
``doc.text == raw`` always and every character offset spaCy reports is a raw offset. Each token's
``norm_`` is its normalised form (``همکاریهای`` → ``همکاری‌های``); a token may contain a raw
space when normalisation joined two raw words (``می کنیم`` → one token, norm ``می‌کنیم``).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, partial
from itertools import chain
from operator import itemgetter
from typing import NamedTuple

import numpy as np
import regex
from spacy import attrs
from spacy.attrs import NORM, ORTH
from spacy.lang import lex_attrs
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .errors import Errors, TextTooLongError, check_text
from .normalizer import LETTERS, ZWNJ, Normalized, Normalizer

DIGITS = "0-9\u06f0-\u06f9\u0660-\u0669"
# A bare domain (example.ir, news.example.com): one token, and for NER the name of a site.
DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,6}"

# Order matters: the first alternative that matches at a position wins.
TOKEN = regex.compile(
    r"(?:https?://|www\.)[^\s«»()\[\]،]+[^\s«»()\[\]،.!?؟:;]"   # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                             # e-mail addresses
    rf"|{DOMAIN}(?!\w|\.\w)"                                       # bare domains
    rf"|[{LETTERS}](?:\.[{LETTERS}]){{1,4}}\.?(?![{LETTERS}])"   # dotted abbreviations: ا.ا.ا ق.م
    rf"|[{DIGITS}]+(?:[.,٫٬/:][{DIGITS}]+)*%?"                    # numbers, decimals, dates ۱۴۰۴/۰۸/۰۱
    rf"|[{LETTERS}\u200c]+(?:[{DIGITS}]+[{LETTERS}\u200c]*)?"    # Persian words (ZWNJ inside)
    rf"|[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f{DIGITS}]*"     # Latin words, identifiers and models:
    rf"(?:['’_-][A-Za-z\u00c0-\u024f{DIGITS}]+)*"                  # o'clock, persian_news_nlp, G7, S24, F-35
    r"|[#@][\w\u200c]+"                                          # hashtags and handles
    r"|\.{2,}|…"                                                 # ellipses
    r"|[^\s]"                                                    # any other character alone
)

DEFAULT_MAX_LENGTH = 50_000_000


def _uncased_letters() -> str:
    """The Persian/Arabic letters that are alphabetic and have no case, as a character class."""
    letter = re.compile(f"[{LETTERS}]")
    return "".join(c for c in map(chr, range(0x600, 0x700))
                   if letter.fullmatch(c) and c.isalpha() and not (c.isupper() or c.islower() or c.istitle()))


# A "plain" word: uncased letters, single ZWNJs between them, shorter than spaCy's "LONG" shape.
_PLAIN = re.compile("[{0}]+(?:{1}[{0}]+)*".format(_uncased_letters(), ZWNJ))


_last_plain: tuple[str, bool] = ("", False)  # the getters of one new word ask in turn


def _plain(string: str) -> bool:
    """Is the word plain? The last answer is kept, as spaCy asks once per getter."""
    global _last_plain
    last = _last_plain
    if last[0] is string:
        return last[1]
    plain = len(string) < 100 and _PLAIN.fullmatch(string) is not None
    _last_plain = (string, plain)
    return plain


def _false_if_plain(getter: Callable[[str], bool], string: str) -> bool:
    """``getter(string)``, known to be false on a plain word without calling it."""
    return False if _plain(string) else getter(string)


def _shape(string: str) -> str:
    """spaCy's ``word_shape``: on a plain word, ``x`` for each letter (at most four in a row), the ZWNJs kept."""
    if not _plain(string):
        return lex_attrs.word_shape(string)
    if ZWNJ not in string:
        return "xxxx"[:len(string)]
    return ZWNJ.join(["xxxx"[:len(part)] for part in string.split(ZWNJ)])


#: spaCy's default getters that are false on plain words and cost more than asking whether a
#: word is plain (those that only call a ``str`` method are in ``_SAME_IN_C``).
_FALSE_ON_PLAIN = {
    attrs.LIKE_EMAIL: lex_attrs.like_email, attrs.IS_PUNCT: lex_attrs.is_punct,
    attrs.IS_BRACKET: lex_attrs.is_bracket, attrs.IS_QUOTE: lex_attrs.is_quote,
    attrs.IS_LEFT_PUNCT: lex_attrs.is_left_punct, attrs.IS_RIGHT_PUNCT: lex_attrs.is_right_punct,
    attrs.IS_CURRENCY: lex_attrs.is_currency, attrs.LIKE_URL: lex_attrs.like_url,
}

#: spaCy's default getters that only call a ``str`` method or slice, and the same operation as a
#: C-level callable: the same value on every string, without a Python frame per call.
_SAME_IN_C = {
    attrs.LOWER: (lex_attrs.lower, str.lower), attrs.PREFIX: (lex_attrs.prefix, itemgetter(0)),
    attrs.SUFFIX: (lex_attrs.suffix, itemgetter(slice(-3, None))), attrs.IS_ALPHA: (lex_attrs.is_alpha, str.isalpha),
    attrs.IS_DIGIT: (lex_attrs.is_digit, str.isdigit), attrs.IS_LOWER: (lex_attrs.is_lower, str.islower),
    attrs.IS_SPACE: (lex_attrs.is_space, str.isspace), attrs.IS_TITLE: (lex_attrs.is_title, str.istitle),
    attrs.IS_UPPER: (lex_attrs.is_upper, str.isupper), attrs.IS_ASCII: (lex_attrs.is_ascii, str.isascii),
}


def fast_lex_attrs(vocab: Vocab) -> None:
    """Give ``vocab`` quicker equivalents of spaCy's default lexeme getters (same values on every string).

    spaCy calls some twenty Python getters for every word new to the vocabulary (about 20 µs a
    word on the development box), the costliest (``word_shape``, ``like_url``) looping over its characters. Half of that
    goes to getters that are constant on "plain" words (Persian letters, single ZWNJs between),
    which are most words of news; the shape of a plain word is its length. Getters that only call
    a ``str`` method become that method. Getters that are not spaCy's defaults (a custom
    vocabulary's) are left alone.
    """
    getters = vocab.lex_attr_getters
    for attr, (default, same) in _SAME_IN_C.items():
        if getters.get(attr) is default:
            getters[attr] = same
    for attr, default in _FALSE_ON_PLAIN.items():
        if getters.get(attr) is default:
            getters[attr] = partial(_false_if_plain, default)
    if getters.get(attrs.SHAPE) is lex_attrs.word_shape:
        getters[attrs.SHAPE] = _shape


#: Key of the :class:`TokenStrings` in ``doc.user_data``.
TOKEN_STRINGS = "pnn_token_strings"


class TokenStrings(NamedTuple):
    """The texts and norms of a doc's tokens as the tokenizer made them, with their hashes.

    The sentence splitter takes them (:meth:`take`) instead of looking every hash up in the
    StringStore, as long as the doc's ORTH and NORM hashes are still these.
    """

    orths: np.ndarray
    norm_hashes: np.ndarray
    texts: list[str]
    norms: list[str]

    @classmethod
    def take(cls, doc: Doc, norm_hashes: np.ndarray, orths: np.ndarray) -> TokenStrings | None:
        """The doc's token strings if the tokenizer left them and the tokens still have them;
        removed from the doc either way, so that it does not carry them further."""
        strings = doc.user_data.pop(TOKEN_STRINGS, None)
        if (isinstance(strings, cls) and np.array_equal(strings.orths, orths)
                and np.array_equal(strings.norm_hashes, norm_hashes)):
            return strings
        return None


class NewsTokenizer:
    """Normalise, tokenise, and return a ``Doc`` over the raw text.

    The ``Normalized`` object is kept on the doc (``doc._.normalized``) so that later stages
    match on normalised text and still report raw offsets.
    """

    def __init__(self, vocab: Vocab, *, digits: str = "persian", zwnj: str = "auto",
                 max_length: int = DEFAULT_MAX_LENGTH) -> None:
        self.vocab = vocab
        fast_lex_attrs(vocab)
        self.normalizer = Normalizer(digits=digits, zwnj=zwnj)
        self.max_length = max_length

    def __call__(self, raw: str) -> Doc:
        check_text(raw)
        if len(raw) > self.max_length:
            raise TextTooLongError(Errors.E010.format(length=len(raw), limit=self.max_length))
        norm = self.normalizer(raw)
        words, spaces, norms, starts, ends = _layout(norm)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if norms:  # every token's norm at once (a loop setting token.norm_ costs a Token object each)
            orths = doc.to_array([ORTH])
            hashes = orths.copy()  # a norm equal to the word has the word's hash
            add = self.vocab.strings.add
            for i in np.flatnonzero(~np.fromiter(map(str.__eq__, norms, words), dtype=bool, count=len(norms))).tolist():
                hashes[i] = add(norms[i])
            doc.from_array([NORM], hashes)
            # The strings as they stand, for the sentence splitter (see TokenStrings).
            doc.user_data[TOKEN_STRINGS] = TokenStrings(orths, hashes, words, norms)
        doc.user_data["pnn_normalized"] = norm
        doc.user_data["pnn_token_norm_starts"] = starts  # normalised offsets of each token,
        doc.user_data["pnn_token_norm_ends"] = ends      # so later stages map matches to tokens
        return doc

    def pipe(self, texts, batch_size: int = 1000):  # noqa: ANN001 - spaCy's tokenizer protocol
        for text in texts:
            yield self(text)

    # spaCy serialises tokenizers; ours is rebuilt from its config, so there is nothing to save.
    def to_bytes(self, **kwargs) -> bytes:  # noqa: ANN003
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> NewsTokenizer:  # noqa: ANN003
        return self

    def to_disk(self, path, **kwargs) -> None:  # noqa: ANN001, ANN003
        return None

    def from_disk(self, path, **kwargs) -> NewsTokenizer:  # noqa: ANN001, ANN003
        return self


def token_spans(norm: Normalized) -> list[tuple[int, int, int, int]]:
    """``(raw_start, raw_end, norm_start, norm_end)`` of every token, in order, none empty in raw.

    A token's raw span starts no earlier than the previous token's raw end; a token made only of
    inserted characters (empty in raw) is dropped.
    """
    return list(zip(*(a.tolist() for a in _token_arrays(norm))))


# A piece that is a Persian word, perhaps with one closing mark or period after it: at a letter,
# no alternative of TOKEN before the one for Persian words can match without a period and a letter
# after it, or an "@"; and such a mark after a word is a token alone (checked in the tests).
_PERSIAN_WORD = re.compile(f"[{LETTERS}\u200c]+")
_CLOSING = frozenset("،؛:!؟?».)]\"'")


@lru_cache(maxsize=100_000)
def _piece_tokens(piece: str) -> tuple[int, ...]:
    """Token offsets in a piece of text between two spaces, flat: start, end, start, end…"""
    word = _PERSIAN_WORD.match(piece)
    if word is not None:  # what TOKEN finds there, found quicker
        end = word.end()
        if end == len(piece):
            return 0, end
        if end + 1 == len(piece) and piece[end] in _CLOSING:
            return 0, end, end, end + 1
    whole = TOKEN.match(piece)
    if whole is not None and whole.end() == len(piece):  # the usual piece: one token
        return 0, len(piece)
    return tuple(chain.from_iterable(m.span() for m in TOKEN.finditer(piece)))


def _token_bounds(text: str) -> np.ndarray:
    """``(start, end)`` of every token of ``text``, an array of shape ``(n, 2)``.

    No token holds a space, and no pattern looks behind or needs to see one ahead (the end of a
    piece does as well), so the text is tokenised piece by piece between its spaces, and each
    distinct piece only once: news repeat their words.
    """
    pieces = text.split(" ")
    lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
    starts = np.cumsum(lengths + 1) - lengths - 1
    tokens = list(map(_piece_tokens, pieces))
    counts = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens)) // 2
    bounds = np.fromiter(chain.from_iterable(tokens), dtype=np.int64).reshape(-1, 2)
    return bounds + np.repeat(starts, counts)[:, np.newaxis]


def _token_arrays(norm: Normalized) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`token_spans` as four arrays, computed for all tokens at once: the raw ends never
    decrease, so "the previous kept token's raw end" is the running maximum of the ends before."""
    spans = _token_bounds(norm.text)
    if not len(spans):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    norm_starts, norm_ends = spans[:, 0], spans[:, 1]
    raw_starts = norm.starts[norm_starts]
    raw_ends = np.maximum(norm.ends[norm_ends - 1], raw_starts)
    before = np.maximum.accumulate(raw_ends)
    raw_starts = np.maximum(raw_starts, np.concatenate(([0], before[:-1])))
    keep = raw_ends > raw_starts
    return raw_starts[keep], raw_ends[keep], norm_starts[keep], norm_ends[keep]


def _layout(norm: Normalized) -> tuple[list[str], list[bool], list[str], list[int], list[int]]:
    """Words, trailing-space flags, norms and normalised offsets for ``Doc``.

    The raw gap after a token gives it its trailing space if it starts with one; whatever else the
    gap holds (more spaces, newlines, junk) becomes a token of its own, as does a gap before the
    first token. All of it is computed for all tokens at once.
    """
    raw, text = norm.raw, norm.text
    raw_starts, raw_ends, norm_starts, norm_ends = _token_arrays(norm)
    rs, re_ = raw_starts.tolist(), raw_ends.tolist()
    starts, ends = norm_starts.tolist(), norm_ends.tolist()
    words = list(map(raw.__getitem__, map(slice, rs, re_)))
    norms = list(map(text.__getitem__, map(slice, starts, ends)))
    gap_len = np.append(raw_starts[1:], len(raw)) - raw_ends
    codes = np.frombuffer(raw.encode("utf-32-le", "surrogatepass") + bytes(4), dtype="<u4")  # one code a character, and a 0
    spaced = (gap_len > 0) & (codes[raw_ends] == ord(" "))
    spaces = spaced.tolist()
    # Gap tokens: a gap of more than one space after a token (less its first space), and a gap
    # before the first token.
    gaps = np.flatnonzero((gap_len > 1) | (gap_len == 1) & ~spaced)
    at = gaps + 1  # the index of the token each goes before
    gap_starts, gap_ends = raw_ends[gaps] + spaced[gaps], raw_ends[gaps] + gap_len[gaps]
    lead = int(raw_starts[0]) if len(raw_starts) else len(raw)
    if lead:
        at, gap_starts, gap_ends = np.append(0, at), np.append(0, gap_starts), np.append(lead, gap_ends)
    if not len(at):
        return words, spaces, norms, starts, ends
    segments = list(map(raw.__getitem__, map(slice, gap_starts.tolist(), gap_ends.tolist())))
    # The normalised characters made from each gap (Normalized.norm_span, for all at once).
    last = np.searchsorted(norm.starts, gap_ends, side="left")
    first = np.minimum(np.searchsorted(norm.ends, gap_starts, side="right"), last)
    # Merge: each gap token goes before the token it precedes (``at`` ascends; gaps are few).
    at_list = at.tolist()
    return (_insert(words, at_list, segments), _insert(spaces, at_list, [False] * len(at_list)),
            _insert(norms, at_list, segments), _insert(starts, at_list, first.tolist()),
            _insert(ends, at_list, last.tolist()))


def _insert(items: list, at: list[int], inserted: list) -> list:
    """``items`` with ``inserted[k]`` placed before ``items[at[k]]`` (``at`` ascending)."""
    out: list = []
    prev = 0
    for position, item in zip(at, inserted):
        out += items[prev:position]
        out.append(item)
        prev = position
    out += items[prev:]
    return out


@registry.tokenizers("pnn.NewsTokenizer.v1")
def create_news_tokenizer(digits: str = "persian", zwnj: str = "auto"):  # noqa: ANN201 - spaCy factory
    """Registered tokenizer factory, so configs can name ``pnn.NewsTokenizer.v1``."""

    def make(nlp) -> NewsTokenizer:  # noqa: ANN001
        return NewsTokenizer(nlp.vocab, digits=digits, zwnj=zwnj)

    return make
