"""The sentence splitter reads the token strings the tokenizer hands on (``TokenStrings``) when the
doc's hashes still match them, and looks the strings up otherwise: both must give one result."""
from __future__ import annotations

import pytest

import persian_news_nlp
from persian_news_nlp.tokenizer import TOKEN_STRINGS

TEXTS = [
    "او همکاریهای دوجانبه را گسترش داد. این خبر مهم است",
    "آخرین اخبار\nسفر وزیر به کابل\nدیدار با رئیس جمهور\n\nوزیر گفت: «ما آماده‌ایم.» سپس رفت.",
    "  قیمت ۱۲٫۵ دلار بود!  آیا می شود؟\r\nبرچسب ها: ایران، افغانستان",
    "",
    "\n\n",
]


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    return persian_news_nlp.load(components=("pnn_sentences",))


def _annotations(doc) -> list[tuple[str, bool, bool]]:  # noqa: ANN001
    return [(t.text, bool(t.is_sent_start), t._.boilerplate) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_handed_on_strings_and_lookups_agree(nlp, text: str) -> None:  # noqa: ANN001
    splitter = nlp.get_pipe("pnn_sentences")
    handed = nlp.make_doc(text)
    looked_up = nlp.make_doc(text)
    looked_up.user_data.pop(TOKEN_STRINGS, None)
    assert _annotations(splitter(handed)) == _annotations(splitter(looked_up))
    assert TOKEN_STRINGS not in handed.user_data  # taken, not carried further


def test_stale_strings_are_not_used(nlp) -> None:  # noqa: ANN001
    splitter = nlp.get_pipe("pnn_sentences")
    doc = nlp.make_doc("سفر وزیر. دیدار با رئیس جمهور")
    reference = nlp.make_doc("سفر وزیر. دیدار با رئیس جمهور")
    reference.user_data.pop(TOKEN_STRINGS)
    for d in (doc, reference):
        d[0].norm_ = "«"  # a norm changed after tokenisation: an opener, so the stop is inside quotes
    assert _annotations(splitter(doc)) == _annotations(splitter(reference))
    assert [t.i for t in doc if t.is_sent_start] == [0]
