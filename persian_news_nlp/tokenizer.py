"""Stage 2a: tokenisation of the normalised text, with tokens laid on the raw input.

The :class:`NewsTokenizer` normalises the raw text (stage 1), finds tokens in the normalised
text, and builds a spaCy ``Doc`` whose tokens are slices of the *raw* text, so that
``doc.text == raw`` always and every character offset spaCy reports is a raw offset. Each token's
``norm_`` is its normalised form (``همکاریهای`` → ``همکاری‌های``); a token may contain a raw
space when normalisation joined two raw words (``می کنیم`` → one token, norm ``می‌کنیم``).
"""
from __future__ import annotations

import numpy as np
import regex
from spacy.attrs import NORM
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .errors import Errors, TextTooLongError, check_text
from .normalizer import LETTERS, Normalized, Normalizer

DIGITS = "0-9\u06f0-\u06f9\u0660-\u0669"

# Order matters: the first alternative that matches at a position wins.
TOKEN = regex.compile(
    r"(?:https?://|www\.)[^\s«»()\[\]،]+[^\s«»()\[\]،.!?؟:;]"   # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"                             # e-mail addresses
    rf"|[{LETTERS}](?:\.[{LETTERS}]){{1,4}}\.?(?![{LETTERS}])"   # dotted abbreviations: ا.ا.ا ق.م
    rf"|[{DIGITS}]+(?:[.,٫٬/:][{DIGITS}]+)*%?"                    # numbers, decimals, dates ۱۴۰۴/۰۸/۰۱
    rf"|[{LETTERS}\u200c]+(?:[{DIGITS}]+[{LETTERS}\u200c]*)?"    # Persian words (ZWNJ inside)
    r"|[A-Za-z\u00c0-\u024f]+(?:['’-][A-Za-z\u00c0-\u024f]+)*"   # Latin words
    r"|[#@][\w\u200c]+"                                          # hashtags and handles
    r"|\.{2,}|…"                                                 # ellipses
    r"|[^\s]"                                                    # any other character alone
)

DEFAULT_MAX_LENGTH = 50_000_000


class NewsTokenizer:
    """Normalise, tokenise, and return a ``Doc`` over the raw text.

    The ``Normalized`` object is kept on the doc (``doc._.normalized``) so that later stages
    match on normalised text and still report raw offsets.
    """

    def __init__(self, vocab: Vocab, *, digits: str = "persian", zwnj: str = "auto",
                 max_length: int = DEFAULT_MAX_LENGTH) -> None:
        self.vocab = vocab
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
            add = self.vocab.strings.add
            doc.from_array([NORM], np.fromiter((add(v) for v in norms), dtype=np.uint64, count=len(norms)).reshape(-1, 1))
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


def _token_arrays(norm: Normalized) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`token_spans` as four arrays, computed for all tokens at once: the raw ends never
    decrease, so "the previous kept token's raw end" is the running maximum of the ends before."""
    found = [m.span() for m in TOKEN.finditer(norm.text)]
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty, empty
    spans = np.array(found, dtype=np.int64)
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
    first token. Regular gaps are handled for all tokens at once; only the others one by one.
    """
    raw, text = norm.raw, norm.text
    raw_starts, raw_ends, norm_starts, norm_ends = _token_arrays(norm)
    rs, re_ = raw_starts.tolist(), raw_ends.tolist()
    words = [raw[a:b] for a, b in zip(rs, re_)]
    norms = [text[a:b] for a, b in zip(norm_starts.tolist(), norm_ends.tolist())]
    starts, ends = norm_starts.tolist(), norm_ends.tolist()
    gap_len = np.append(raw_starts[1:], len(raw)) - raw_ends
    spaces = [False] * len(words)
    extra: list[tuple[int, str, int]] = []  # (insert before this token index, gap token, its raw end)
    for i in np.flatnonzero(gap_len).tolist():
        end = re_[i]
        segment = raw[end:end + int(gap_len[i])]
        if segment[0] == " ":
            spaces[i] = True
            segment = segment[1:]
        if segment:
            extra.append((i + 1, segment, end + int(gap_len[i])))
    lead = raw[:rs[0]] if rs else raw
    if lead:
        extra.insert(0, (0, lead, len(lead)))
    if not extra:
        return words, spaces, norms, starts, ends
    out_words: list[str] = []
    out_spaces: list[bool] = []
    out_norms: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    done = 0
    for index, segment, end in extra:
        out_words += words[done:index]
        out_spaces += spaces[done:index]
        out_norms += norms[done:index]
        out_starts += starts[done:index]
        out_ends += ends[done:index]
        done = index
        s, e = norm.norm_span(end - len(segment), end)
        out_words.append(segment)
        out_spaces.append(False)
        out_norms.append(segment)
        out_starts.append(s)
        out_ends.append(max(s, e))
    out_words += words[done:]
    out_spaces += spaces[done:]
    out_norms += norms[done:]
    out_starts += starts[done:]
    out_ends += ends[done:]
    return out_words, out_spaces, out_norms, out_starts, out_ends


@registry.tokenizers("pnn.NewsTokenizer.v1")
def create_news_tokenizer(digits: str = "persian", zwnj: str = "auto"):  # noqa: ANN201 - spaCy factory
    """Registered tokenizer factory, so configs can name ``pnn.NewsTokenizer.v1``."""

    def make(nlp) -> NewsTokenizer:  # noqa: ANN001
        return NewsTokenizer(nlp.vocab, digits=digits, zwnj=zwnj)

    return make
