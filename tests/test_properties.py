"""Invariants over arbitrary input (hypothesis): nothing crashes and offsets stay exact."""
from __future__ import annotations

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
