"""The shortcuts records.py takes must give what the plain spaCy reading gives."""
from __future__ import annotations

import pytest

from persian_news_nlp.records import _text_length, sentence_bounds

TEXTS = [
    "",
    "   ",
    "وزیر خارجه ایران روز دوشنبه با همتای ترکیه‌ای خود دیدار کرد.",
    "  تهران - خبرگزاری نمونه:\n\nنشست دو کشور فردا برگزار می‌شود.  \n\n",
    "او گفت: «این سفر مهم است.»\tپایان\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_text_length_is_the_length_of_the_doc_text(nlp, text):
    doc = nlp(text)
    assert _text_length(doc) == len(doc.text)


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_bounds_skip_the_outer_whitespace_tokens(nlp, text):
    doc = nlp(text)
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        want = (words[0].idx, words[-1].idx + len(words[-1].text)) if words else (sent.start_char, sent.start_char)
        assert sentence_bounds(sent) == want
