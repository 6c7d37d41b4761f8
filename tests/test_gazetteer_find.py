"""``Gazetteer.find`` tests its matches' word boundaries on arrays: it must agree with the plain
reading of the rules, one match at a time, on any text."""
from __future__ import annotations

import random

import pytest

from persian_news_nlp.gazetteer import _FOLD, Entry, Gazetteer, Hit, heh_yeh_words, key
from persian_news_nlp.normalizer import ZWNJ

# Persian and Arabic letters, Latin letters and digits, Persian digits (not Arabic-Indic ones), ZWNJ.
_WORD = set("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیئآأؤةۀيك0123456789۰۱۲۳۴۵۶۷۸۹abcxXYZ" + ZWNJ)
_FOLD_SAME_LENGTH = str.maketrans({k: v for k, v in _FOLD.items() if isinstance(v, str) and len(v) == 1})


def _is_word(char: str) -> bool:
    """A word character as the gazetteer's boundary rule reads it (the test alphabet only)."""
    return char in _WORD


def _ezafe(text: str, i: int) -> bool:
    """Is ``text[i]`` the ezafe «ی» ending a word after a silent ه, glued or after a ZWNJ (not in «گروهی», «فرماندهی»)?"""
    if i < 3 or text[i] != "ی" or (i + 1 < len(text) and _is_word(text[i + 1])):
        return False
    glued = text[i - 1] == "ه" and _is_word(text[i - 2]) and text[i - 2] not in (ZWNJ, "ا", "و", "آ") \
        and _is_word(text[i - 3]) and text[i - 3] != ZWNJ and text[i - 3: i - 1] != "لل"
    apart = text[i - 1] == ZWNJ and text[i - 2] == "ه" and _is_word(text[i - 3]) and text[i - 3] not in ("ا", "و", "آ") \
        and text[max(i - 4, 0): i - 2] != "لل"
    start = i
    while start > 0 and _is_word(text[start - 1]):
        start -= 1
    return (glued or apart) and key(text[start:i + 1]) not in heh_yeh_words()


def _reference_find(gazetteer: Gazetteer, text: str) -> list[Hit]:
    """The boundary rules of ``Gazetteer.find``, applied one automaton match at a time."""
    kept = [i for i, c in enumerate(text) if c not in (" ", ZWNJ) and not _ezafe(text, i)]
    squeezed = "".join(text[i] for i in kept).translate(_FOLD_SAME_LENGTH)
    hits = []
    for last, (k, entries, weak, weak_ids) in gazetteer._automaton.iter(squeezed) if squeezed else ():
        start, end = kept[last - len(k) + 1], kept[last] + 1
        if start > 0 and _is_word(text[start - 1]):
            continue
        if text[end:end + 2] == ZWNJ + "ی" and (end + 2 == len(text) or not _is_word(text[end + 2])):
            end += 2
        elif end < len(text) and _ezafe(text, end):
            end += 1
        elif end < len(text) and _is_word(text[end]):
            continue
        if k not in gazetteer._spaced and " " in text[start:end] and min(map(len, text[start:end].split())) < 3:
            continue
        hits.append(Hit(start, end, k, entries, weak, weak_ids))
    return hits


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    entries = [
        Entry("loc:kabol", "LOC", "کابل"),
        Entry("per:emam_ali", "PER", "امام علی", aliases=("امامعلی",)),
        Entry("org:vezarat", "ORG", "وزارت خارجه"),
        Entry("role:sokhangu", "ROLE", "سخنگو"),
        Entry("loc:obe", "LOC", "اوبه"),
        Entry("loc:ran", "LOC", "ران"),
        Entry("org:g7", "ORG", "گروه ۷"),
        Entry("role:namayande", "ROLE", "نماینده ویژه"),
        Entry("role:farmande", "ROLE", "فرمانده"),
        Entry("per:nasrollah", "PER", "نصرالله"),
    ]
    return Gazetteer(entries)


@pytest.mark.parametrize("text", [
    "کابل",
    "در کابل.",
    "کابل‌ی",
    "کابل‌ی ",
    "کابل‌یک",
    "کابلی",
    "او به کابل رفت و او به تهران",
    "اوبه و امام علی و امامعلی و امام‌علی",
    "سخنگوی وزارت خارجه‌ی افغانستان",
    "سخنگوی وزارت خارجهی افغانستان",
    "نمایندهی ویژهی سازمان و نماینده‌ی ویژه‌ی سازمان",
    "فرماندهی امنیه و فرمانده امنیه و فرمانده‌ی امنیه",
    "گروهی از ماهی‌گیران",
    "سالن نصراللهی و حزب‌الله‌ی و نصرالله‌ی",
    "تهران ران",
    "گروه 7 و گروه ۷ و گروه٧",
    "ك ابل" + "\U0001f600" + "كابل" + "\u2028",
    "",
    " ",
    ZWNJ,
])
def test_find_fixed_texts(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.find(text) == _reference_find(gazetteer, text)


def test_find_random_texts(gazetteer: Gazetteer) -> None:
    rng = random.Random(7)
    pieces = ["کابل", "امام", "علی", "او", "به", "وزارت", "خارجه", "سخنگو", "ی", "ران", "ته", "گروه", "۷", "نماینده", "ویژه",
              "فرمانده", "ه",
              " ", " ", ZWNJ, ".", "\n", "x", "\U0001f600"]
    found = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        expected = _reference_find(gazetteer, text)
        assert gazetteer.find(text) == expected, text
        found += len(expected)
    assert found > 200  # the texts do hold names


def test_a_name_with_commas_is_found_without_them() -> None:
    # «وزارت تعاون، کار و رفاه اجتماعی» is as often written without its commas
    gaz = Gazetteer([Entry("org:test.ministry", "ORG", "وزارت نمونه، کار و رفاه", attrs={"kind": "ministry"})])
    for text in ("وزارت نمونه، کار و رفاه گفت", "وزارت نمونه کار و رفاه گفت"):
        assert [(h.start, h.end) for h in gaz.find(text)] == [(0, len(text) - 4)]


def test_a_city_names_the_province_it_shares_its_name_with() -> None:
    province = Entry("loc:test.province", "LOC", "استان نمونه‌آباد", attrs={"kind": "province"})
    city = Entry("loc:test.city", "LOC", "نمونه‌آباد", attrs={"kind": "city", "parent": province.id})
    town = Entry("loc:test.town", "LOC", "نمونه‌شهر", attrs={"kind": "city", "parent": province.id})
    gaz = Gazetteer([province, city, town])
    assert gaz.named_province(city) is province
    assert gaz.named_province(town) is None and gaz.named_province(province) is None
