"""Invariants over arbitrary input (hypothesis): nothing crashes and offsets stay exact."""
from __future__ import annotations

import functools

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persian_news_nlp import normalize

# Persian letters, ZWNJ, spaces, punctuation and digits are where the rules act; any Unicode too.
PERSIAN = st.text(alphabet=st.sampled_from(list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكئآۀة۱۲۳٠١ .،؛؟!«»()\n\t\u200c\u200f\u064e\u0640")), max_size=200)
ANY = st.text(max_size=200)
TEXT = st.one_of(PERSIAN, ANY, st.builds(lambda a, b: a + b, PERSIAN, ANY))
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(TEXT)
def test_normalize_is_idempotent_and_maps_are_monotone(raw):
    n = normalize(raw)
    assert normalize(n.text).text == n.text
    assert len(n.starts) == len(n.text) == len(n.ends)
    if len(n.text):
        assert np.all(np.diff(n.starts) >= 0)
        assert np.all(n.starts <= n.ends)
        assert n.starts.min() >= 0 and n.ends.max() <= len(raw)
    for i in range(len(n.text) + 1):
        for j in (i, min(i + 3, len(n.text))):
            s, e = n.raw_span(i, j)
            assert 0 <= s <= e <= len(raw)


@SETTINGS
@given(TEXT)
def test_doc_text_is_raw_and_spans_are_exact(nlp, raw):
    doc = nlp(raw)
    assert doc.text == raw
    for token in doc:
        assert raw[token.idx: token.idx + len(token.text)] == token.text
    for sent in doc.sents:
        assert raw[sent.start_char: sent.end_char] == sent.text
        assert isinstance(sent._.boilerplate, bool)



WORD = st.one_of(st.text(alphabet=st.sampled_from([chr(c) for c in range(0x600, 0x700)] + ["\u200c"]), min_size=1, max_size=120),
                 PERSIAN.filter(bool), ANY.filter(bool))


@functools.cache
def _getters() -> tuple[dict, dict]:
    """spaCy's lexeme getters for Persian, and the quick ones of ``fast_lex_attrs``."""
    from spacy.lang.fa import Persian

    from persian_news_nlp.tokenizer import fast_lex_attrs

    vocab = Persian().vocab
    fast_lex_attrs(vocab)
    return Persian().vocab.lex_attr_getters, vocab.lex_attr_getters


def _same_lexeme_attributes(word: str) -> None:
    spacys, quick = _getters()
    assert quick.keys() == spacys.keys()
    for attr, getter in spacys.items():
        assert quick[attr](word) == getter(word), (attr, word)


def test_quick_lexeme_getters_equal_spacys_on_every_arabic_script_character():
    for c in map(chr, range(0x600, 0x700)):
        for word in (c, c * 5, c + "\u200c" + c, "ب" + c + "\u200c\u200cب", c * 100, "\u200c" + c):
            _same_lexeme_attributes(word)


@SETTINGS
@given(WORD)
def test_quick_lexeme_getters_equal_spacys(word):
    _same_lexeme_attributes(word)


PIECE = st.one_of(st.text(alphabet=st.sampled_from(list("ابپکمیه\u200c۱2a.،؛:!؟?»«)(][\"'@#-…/")), min_size=1, max_size=12),
                  st.builds(lambda w, c: w + c, st.text(alphabet=st.sampled_from(list("ابپکمیه\u200c")), min_size=1, max_size=8),
                            st.sampled_from(list(".،؛:!؟?»)]\"'@#-…/۱2a\u0640\u064e"))),
                  ANY.filter(lambda s: s and " " not in s))


@SETTINGS
@given(PIECE)
def test_piece_tokens_are_what_the_token_pattern_finds(piece):
    from itertools import chain

    from persian_news_nlp.tokenizer import TOKEN, _piece_tokens

    assert _piece_tokens(piece) == tuple(chain.from_iterable(m.span() for m in TOKEN.finditer(piece)))


@SETTINGS
@given(st.one_of(TEXT, st.lists(PIECE, max_size=30).flatmap(
    lambda pieces: st.lists(st.sampled_from([" ", "\n", "\r\n", "  ", "\t", ""]), min_size=len(pieces), max_size=len(pieces))
    .map(lambda seps: "".join(p + s for p, s in zip(pieces, seps))))))
def test_text_tokens_are_what_the_token_pattern_finds(text):
    """Tokenising piece by piece between spaces and line breaks, each distinct piece once, finds
    what the pattern finds in the whole text, and each token's string is its slice of the text."""
    from persian_news_nlp.tokenizer import TOKEN, _tokenise

    for _ in range(2):  # the second time from the cache of pieces
        bounds, strings = _tokenise(text)
        assert [tuple(span) for span in bounds.tolist()] == [m.span() for m in TOKEN.finditer(text)]
        assert strings.tolist() == [text[start:end] for start, end in bounds.tolist()]


@functools.cache
def _vocabs() -> tuple:
    """A Persian vocabulary with spaCy's getters, and one with the quick ones."""
    from spacy.lang.fa import Persian

    from persian_news_nlp.tokenizer import fast_lex_attrs

    quick = Persian().vocab
    fast_lex_attrs(quick)
    return Persian().vocab, quick


LEXEME_ATTRS = ("lower_", "norm_", "shape_", "prefix_", "suffix_", "lang_", "is_alpha", "is_digit", "is_lower", "is_upper",
                "is_title", "is_punct", "is_space", "is_stop", "is_ascii", "is_bracket", "is_quote", "is_left_punct",
                "is_right_punct", "is_currency", "like_url", "like_num", "like_email")


@SETTINGS
@given(st.lists(WORD, min_size=1, max_size=5))
def test_lexemes_made_with_quick_getters_equal_spacys(words):
    """As spaCy makes a new word's lexeme (the getters in the vocabulary's order), not only getter by getter."""
    spacys, quick = _vocabs()
    for word in words:
        assert [getattr(quick[word], a) for a in LEXEME_ATTRS] == [getattr(spacys[word], a) for a in LEXEME_ATTRS], word
