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
from .normalizer import LETTERS, ZWNJ, Normalized, Normalizer, char_codes

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


class _FalseIfPlain(dict):
    """A flag getter (``.__getitem__``) for a flag that is false on plain words: the plain words
    put in by :class:`_Shape` are answered from the dict, without a Python call; any other word
    by spaCy's getter."""

    LIMIT = 1000  # plain words kept; each is asked about right after it was put in

    def __init__(self, getter: Callable[[str], bool]) -> None:
        super().__init__()
        self.getter = getter

    def __missing__(self, string: str) -> bool:
        return self.getter(string)


class _Shape:
    """spaCy's ``word_shape``: on a plain word, ``x`` for each letter (at most four in a row), the
    ZWNJs kept. Asked first for a new word, it also tells the flag getters that a word is plain."""

    def __init__(self, flags: list[_FalseIfPlain]) -> None:
        self.flags = flags

    def __call__(self, string: str) -> str:
        if len(string) >= 100 or _PLAIN.fullmatch(string) is None:
            return lex_attrs.word_shape(string)
        for flag in self.flags:
            if len(flag) >= _FalseIfPlain.LIMIT:
                flag.clear()
            flag[string] = False
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
    which are most words of news; the shape of a plain word is its length. The shape getter is
    asked first and tells those flags' getters when a word is plain, so that they answer it
    without a Python call. Getters that only call a ``str`` method become that method. Getters
    that are not spaCy's defaults (a custom vocabulary's) are left alone.
    """
    getters = vocab.lex_attr_getters
    for attr, (default, same) in _SAME_IN_C.items():
        if getters.get(attr) is default:
            getters[attr] = same
    if getters.get(attrs.SHAPE) is not lex_attrs.word_shape:
        return  # the flags learn from the shape getter which words are plain
    flags = []
    for attr, default in _FALSE_ON_PLAIN.items():
        if getters.get(attr) is default:
            flags.append(_FalseIfPlain(default))
            getters[attr] = flags[-1].__getitem__
    # spaCy calls the getters in this dict's order: the shape first, so that the flags know.
    rest = {attr: getter for attr, getter in getters.items() if attr != attrs.SHAPE}
    getters.clear()
    getters[attrs.SHAPE] = _Shape(flags)
    getters.update(rest)


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
        layout = _layout(norm)
        doc = Doc(self.vocab, words=layout.words, spaces=layout.spaces)
        if layout.norms:  # every token's norm at once (a loop setting token.norm_ costs a Token object each)
            orths = doc.to_array([ORTH])
            hashes = orths.copy()  # a norm equal to the word has the word's hash
            changed = np.flatnonzero(layout.changed)
            hashes[changed] = np.fromiter(map(self.vocab.strings.add, map(layout.norms.__getitem__, changed.tolist())),
                                          dtype=np.uint64, count=len(changed))
            doc.from_array([NORM], hashes)
            # The strings as they stand, for the sentence splitter (see TokenStrings).
            doc.user_data[TOKEN_STRINGS] = TokenStrings(orths, hashes, layout.words, layout.norms)
        doc.user_data["pnn_normalized"] = norm
        doc.user_data["pnn_token_norm_starts"] = layout.starts  # normalised offsets of each token,
        doc.user_data["pnn_token_norm_ends"] = layout.ends      # so later stages map matches to tokens
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
    return list(zip(*(a.tolist() for a in _token_arrays(norm, _tokenise(norm.text)[0])[:4])))


# A piece that is a Persian word, perhaps with one closing mark or period after it: at a letter,
# no alternative of TOKEN before the one for Persian words can match without a period and a letter
# after it, or an "@"; and such a mark after a word is a token alone (checked in the tests).
_PERSIAN_WORD = re.compile(f"[{LETTERS}\u200c]+")
_CLOSING = frozenset("،؛:!؟?».)]\"'")


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


class _Offsets(dict):
    """Piece -> its tokens' offsets (:func:`_piece_tokens`), for the pieces that are not one token."""

    def __missing__(self, piece: str) -> tuple[int, ...]:
        return _piece_tokens(piece)  # emptied meanwhile: computed again


class _Pieces(dict):
    """Piece -> its number of tokens, or ``WHOLE`` if it is one token from end to end (most are);
    the offsets of the other pieces' tokens are in ``offsets``. Each distinct piece is tokenised
    once: news repeat their words. Emptied between texts once it holds ``LIMIT`` pieces."""

    WHOLE = -1
    LIMIT = 100_000

    def __init__(self) -> None:
        super().__init__()
        self.offsets = _Offsets()

    def __missing__(self, piece: str) -> int:
        offsets = _piece_tokens(piece)
        if offsets == (0, len(piece)):
            count = self[piece] = self.WHOLE
        else:
            self.offsets[piece] = offsets
            count = self[piece] = len(offsets) // 2
        return count

    def bound(self) -> None:
        """Empty the cache if it has grown too big."""
        if len(self) >= self.LIMIT:
            self.clear()
            self.offsets.clear()


_PIECES = _Pieces()


def _objects(items: list) -> np.ndarray:
    """``items`` as a one-dimensional object array (strings stay whole)."""
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def _tokenise(text: str) -> tuple[np.ndarray, np.ndarray]:
    """``(start, end)`` of every token of ``text`` (an array of shape ``(n, 2)``), and the tokens'
    strings (an object array).

    No token holds a space or a line break, and no pattern looks behind or needs to see one ahead
    (the end of a piece does as well), so the text is tokenised piece by piece between them (line
    breaks too, or a line's last word and the next line's first would make a piece seen once), each
    distinct piece once (:class:`_Pieces`). A piece that is one token is its own string; only the
    tokens of the other pieces are sliced out of the text.
    """
    _PIECES.bound()
    pieces = text.replace("\n", " ").replace("\r", " ").split(" ")
    counts = np.fromiter(map(_PIECES.__getitem__, pieces), dtype=np.int64, count=len(pieces))
    codes = char_codes(text)[:-1]
    spaces = np.flatnonzero((codes == ord(" ")) | (codes == ord("\n")) | (codes == ord("\r")))
    starts = np.concatenate(([0], spaces + 1))
    whole = counts == _Pieces.WHOLE
    counts[whole] = 1
    first = np.cumsum(counts) - counts  # the index of each piece's first token
    bounds = np.empty((int(first[-1] + counts[-1]), 2), dtype=np.int64)
    strings = np.empty(len(bounds), dtype=object)
    at = first[whole]
    bounds[at, 0] = starts[whole]
    bounds[at, 1] = np.append(spaces, len(text))[whole]
    strings[at] = _objects(pieces)[whole]
    other = np.flatnonzero(~whole & (counts > 0))
    if len(other):
        offsets = _PIECES.offsets
        flat = chain.from_iterable(map(offsets.__getitem__, map(pieces.__getitem__, other.tolist())))
        n = counts[other]
        at = np.repeat(first[other], n) + np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
        bounds[at] = np.fromiter(flat, dtype=np.int64).reshape(-1, 2) + np.repeat(starts[other], n)[:, np.newaxis]
        strings[at] = _objects(list(map(text.__getitem__, map(slice, *bounds[at].T.tolist()))))
    return bounds, strings


def _token_arrays(norm: Normalized, spans: np.ndarray) -> tuple[np.ndarray, ...]:
    """Raw starts and ends, normalised starts and ends of the tokens at normalised ``spans``,
    and which of them are kept (:func:`token_spans`), computed for all tokens at once: the raw ends
    never decrease, so "the previous kept token's raw end" is the running maximum of the ends before."""
    if not len(spans):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty, np.zeros(0, dtype=bool)
    norm_starts, norm_ends = spans[:, 0], spans[:, 1]
    raw_starts = norm.starts[norm_starts]
    raw_ends = np.maximum(norm.ends[norm_ends - 1], raw_starts)
    before = np.maximum.accumulate(raw_ends)
    raw_starts = np.maximum(raw_starts, np.concatenate(([0], before[:-1])))
    keep = raw_ends > raw_starts
    return raw_starts[keep], raw_ends[keep], norm_starts[keep], norm_ends[keep], keep


def _as_written(norm: Normalized, raw_codes: np.ndarray, raw_starts: np.ndarray,
                norm_starts: np.ndarray, norm_ends: np.ndarray) -> np.ndarray:
    """Which tokens are written in the raw text as they are normalised, shown per character:
    each normalised character comes from the next raw character and is the same character.
    (A token that fails this may still be equal; it is then only compared as strings.)"""
    starts, ends = norm.starts, norm.ends
    same = (ends == starts + 1) & (raw_codes[starts] == char_codes(norm.text)[:-1])
    follows = np.ones(len(starts), dtype=bool)  # [i]: character i comes from the raw character after i - 1's
    follows[1:] = starts[1:] == starts[:-1] + 1
    differ = np.concatenate(([0], np.cumsum(~same)))
    jumps = np.concatenate(([0], np.cumsum(~follows)))
    return ((differ[norm_ends] == differ[norm_starts]) & (jumps[norm_ends] == jumps[norm_starts + 1])
            & (raw_starts == starts[norm_starts]))


class Layout(NamedTuple):
    """What ``Doc`` is built from, and what the tokenizer keeps of it: each token's raw text,
    trailing space, norm, normalised offsets, and whether its norm may differ from its text."""

    words: list[str]
    spaces: list[bool]
    norms: list[str]
    starts: list[int]
    ends: list[int]
    changed: np.ndarray


def _layout(norm: Normalized) -> Layout:
    """Words, trailing-space flags, norms and normalised offsets for ``Doc``.

    The raw gap after a token gives it its trailing space if it starts with one; whatever else the
    gap holds (more spaces, newlines, junk) becomes a token of its own, as does a gap before the
    first token. All of it is computed for all tokens at once; a word written as it is normalised
    is the norm's string, and only the others are sliced out of the raw text.
    """
    raw = norm.raw
    spans, strings = _tokenise(norm.text)
    raw_starts, raw_ends, norm_starts, norm_ends, keep = _token_arrays(norm, spans)
    codes = char_codes(raw)
    norms = strings[keep]
    changed = ~_as_written(norm, codes, raw_starts, norm_starts, norm_ends)
    words = norms.copy()
    redo = np.flatnonzero(changed)
    words[redo] = _objects(list(map(raw.__getitem__, map(slice, raw_starts[redo].tolist(), raw_ends[redo].tolist()))))
    gap_len = np.append(raw_starts[1:], len(raw)) - raw_ends
    spaced = (gap_len > 0) & (codes[raw_ends] == ord(" "))
    # Gap tokens: a gap of more than one space after a token (less its first space), and a gap
    # before the first token.
    gaps = np.flatnonzero((gap_len > 1) | (gap_len == 1) & ~spaced)
    at = gaps + 1  # the index of the token each goes before
    gap_starts, gap_ends = raw_ends[gaps] + spaced[gaps], raw_ends[gaps] + gap_len[gaps]
    lead = int(raw_starts[0]) if len(raw_starts) else len(raw)
    if lead:
        at, gap_starts, gap_ends = np.append(0, at), np.append(0, gap_starts), np.append(lead, gap_ends)
    if len(at):
        segments = _objects(list(map(raw.__getitem__, map(slice, gap_starts.tolist(), gap_ends.tolist()))))
        # The normalised characters made from each gap (Normalized.norm_span, for all at once).
        last = np.searchsorted(norm.starts, gap_ends, side="left")
        first = np.minimum(np.searchsorted(norm.ends, gap_starts, side="right"), last)
        words, norms = np.insert(words, at, segments), np.insert(norms, at, segments)
        spaced, changed = np.insert(spaced, at, False), np.insert(changed, at, False)
        norm_starts, norm_ends = np.insert(norm_starts, at, first), np.insert(norm_ends, at, last)
    return Layout(words.tolist(), spaced.tolist(), norms.tolist(), norm_starts.tolist(), norm_ends.tolist(), changed)


@registry.tokenizers("pnn.NewsTokenizer.v1")
def create_news_tokenizer(digits: str = "persian", zwnj: str = "auto"):  # noqa: ANN201 - spaCy factory
    """Registered tokenizer factory, so configs can name ``pnn.NewsTokenizer.v1``."""

    def make(nlp) -> NewsTokenizer:  # noqa: ANN001
        return NewsTokenizer(nlp.vocab, digits=digits, zwnj=zwnj)

    return make
