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
    inserted characters (empty in raw) is dropped. Computed for all tokens at once: the raw ends
    never decrease, so "the previous kept token's end" is the running maximum of the ends before.
    """
    found = [m.span() for m in TOKEN.finditer(norm.text)]
    if not found:
        return []
    spans = np.array(found, dtype=np.int64)
    norm_starts, norm_ends = spans[:, 0], spans[:, 1]
    raw_starts = norm.starts[norm_starts]
    raw_ends = np.maximum(norm.ends[norm_ends - 1], raw_starts)
    before = np.maximum.accumulate(raw_ends)
    raw_starts = np.maximum(raw_starts, np.concatenate(([0], before[:-1])))
    keep = raw_ends > raw_starts
    return list(zip(raw_starts[keep].tolist(), raw_ends[keep].tolist(),
                    norm_starts[keep].tolist(), norm_ends[keep].tolist()))


def _layout(norm: Normalized) -> tuple[list[str], list[bool], list[str], list[int], list[int]]:
    """Words, trailing-space flags, norms and normalised offsets for ``Doc``.

    Raw gaps between tokens that are not a single space become whitespace (or junk) tokens.
    """
    raw, text = norm.raw, norm.text
    words: list[str] = []
    spaces: list[bool] = []
    norms: list[str] = []
    starts: list[int] = []
    ends: list[int] = []

    def gap(segment: str, end: int) -> None:
        if segment == "":
            return
        if segment[0] == " " and words and not spaces[-1]:
            spaces[-1] = True
            segment = segment[1:]
        if segment:
            words.append(segment)
            spaces.append(False)
            norms.append(segment)
            s, e = norm.norm_span(end - len(segment), end)
            starts.append(s)
            ends.append(max(s, e))

    pos = 0
    for start, end, ns, ne in token_spans(norm):
        if start != pos:
            if start == pos + 1 and raw[pos] == " " and words and not spaces[-1]:
                spaces[-1] = True  # the usual gap: one space after a token
            else:
                gap(raw[pos:start], start)
        words.append(raw[start:end])
        spaces.append(False)
        norms.append(text[ns:ne])
        starts.append(ns)
        ends.append(ne)
        pos = end
    gap(raw[pos:], len(raw))
    return words, spaces, norms, starts, ends


@registry.tokenizers("pnn.NewsTokenizer.v1")
def create_news_tokenizer(digits: str = "persian", zwnj: str = "auto"):  # noqa: ANN201 - spaCy factory
    """Registered tokenizer factory, so configs can name ``pnn.NewsTokenizer.v1``."""

    def make(nlp) -> NewsTokenizer:  # noqa: ANN001
        return NewsTokenizer(nlp.vocab, digits=digits, zwnj=zwnj)

    return make
