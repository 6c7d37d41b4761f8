"""The ZWNJ restorer keeps each word's role across texts (``ZwnjLexicon.word_roles``): what it
proposes for a text must not depend on the texts it read before, nor on the cache being emptied."""
from __future__ import annotations

import pytest

from persian_news_nlp.normalizer import ZwnjLexicon, _WordRoles, zwnj_proposals

TEXTS = [
    "همکاریهای دوجانبه می شود و کتاب ها را میخوانیم",
    "گل فروشیها و رئیس جمهور و بین المللی",
    "آنها برمی گردند و نامهنگاری میکنند؛ مسأله های تازه",
    "می شود می شود کتابها",
    "",
]


def _fresh(lexicon: ZwnjLexicon) -> ZwnjLexicon:
    """The same lexicon with empty caches."""
    return ZwnjLexicon(lexicon.known, lexicon.zwnj, lexicon.joinable, lexicon.affixes)


def test_proposals_do_not_depend_on_earlier_texts() -> None:
    shipped = ZwnjLexicon.load()
    alone = [zwnj_proposals(text, _fresh(shipped)) for text in TEXTS]
    warm = _fresh(shipped)
    for _ in range(2):
        assert [zwnj_proposals(text, warm) for text in reversed(TEXTS)] == alone[::-1]
    assert any(alone)


def test_roles_survive_an_emptied_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    lexicon = _fresh(ZwnjLexicon.load())
    expected = [zwnj_proposals(text, lexicon) for text in TEXTS]
    lexicon.word_roles.clear()
    assert [zwnj_proposals(text, lexicon) for text in TEXTS] == expected
    monkeypatch.setattr(_WordRoles, "LIMIT", 3)  # emptied again and again within a text
    assert [zwnj_proposals(text, _fresh(lexicon)) for text in TEXTS] == expected
