"""Sentence splitting and boilerplate marking."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from persian_news_nlp.records import sentence_bounds

CASES = json.loads((Path(__file__).parent / "cases" / "segmenter.json").read_text(encoding="utf-8"))


def sentences(doc):
    return [doc.text[slice(*sentence_bounds(s))] for s in doc.sents if sentence_bounds(s)[1] > sentence_bounds(s)[0]]


@pytest.mark.parametrize("case", CASES, ids=[c["explanation"] for c in CASES])
def test_golden(nlp, case):
    assert sentences(nlp(case["text"])) == case["sentences"], case["explanation"]


def test_trailing_headlines_and_boxes_are_boilerplate(nlp):
    text = ("سرخط: دیدار دو وزیر\n"
            "وزیران دو کشور امروز در تهران دیدار کردند.\n"
            "آنها درباره تجارت گفتگو کردند.\n"
            "آخرین اخبار\n"
            "قیمت طلا افزایش یافت\n"
            "تیم ملی به جام جهانی رسید\n")
    doc = nlp(text)
    flags = [s._.boilerplate for s in doc.sents if sentence_bounds(s)[1] > sentence_bounds(s)[0]]
    assert flags == [False, False, False, True, True, True]


def test_banner_in_the_middle_is_boilerplate(nlp):
    doc = nlp("وزیر به کابل رفت.\nبرچسب‌ها: کابل، وزیر\nاو با والی دیدار کرد.")
    flags = [s._.boilerplate for s in doc.sents if sentence_bounds(s)[1] > sentence_bounds(s)[0]]
    assert flags == [False, True, False]


def test_site_menus_and_copyright_lines_are_boilerplate(nlp):
    doc = nlp("صفحه اصلی | سیاسی | اقتصادی | ورزشی\n"
              "ورزش | فرهنگ | جامعه\n"
              "دیدار دو وزیر | بیانیه مشترک\n"
              "وزیران دو کشور امروز در تهران دیدار کردند.\n"
              "تمامی حقوق این سایت محفوظ است.\n")
    flags = [s._.boilerplate for s in doc.sents if sentence_bounds(s)[1] > sentence_bounds(s)[0]]
    # a headline with one «|» between two parts is still the article's
    assert flags == [True, True, False, False, True]


def test_seed_report_segments(nlp, seed_text):
    doc = nlp(seed_text)
    sents = [s for s in doc.sents if sentence_bounds(s)[1] > sentence_bounds(s)[0]]
    assert len(sents) == 18
    assert [s._.boilerplate for s in sents] == [False] * 13 + [True] * 5
    # the splitter does not depend on the line breaks: joined into one line, the body still splits
    body = " ".join(seed_text.splitlines()[:13])
    assert len([s for s in nlp(body).sents]) == 13


def test_boilerplate_patterns_searched_as_one_find_what_each_finds():
    import regex

    from persian_news_nlp.segmenter import BoilerplateRules

    shipped = BoilerplateRules.load()
    assert len(shipped._screen) < len(shipped.box_headers) + len(shipped.banners)
    lines = ["آخرین اخبار", "اخبار مرتبط با این خبر", "ما را در تلگرام دنبال کنید", "منبع: ایرنا",
             "منبع خبر", "وزیر گفت آخرین اخبار را خواندم.", "کد خبر: ۱۲۳", ""]
    for line in lines:
        alone = next((kind for kind, patterns in (("box_header", shipped.box_headers), ("banner", shipped.banners))
                      if any(p.search(line) for p in patterns)), None)
        assert shipped.kind(line) == alone, line
    alone = BoilerplateRules((regex.compile("^(?i)abc"), regex.compile("^x|y")), (regex.compile(r"^(a)\1"), regex.compile("^[|]z")))
    assert len(alone._screen) == 4
    assert [alone.kind(line) for line in ("ABC", "-y", "aa", "|z", "-x")] == ["box_header", "box_header", "banner", "banner", None]


@pytest.mark.parametrize("text, token", [
    ("کد را در مخزن persian_news_nlp ببینید.", "persian_news_nlp"),  # an identifier with underscores
    ("نشانی info@example.com است.", "info@example.com"),
    ("صفحه @news_room را دنبال کنید.", "@news_room"),
    ("گوشی Galaxy S24 عرضه شد.", "S24"),  # a model name with digits
    ("نشست G7 و جنگنده F-35 و همه‌گیری COVID-19", "F-35"),
    ("نشست G7 و جنگنده F-35 و همه‌گیری COVID-19", "COVID-19"),
])
def test_latin_identifiers_addresses_and_handles_are_one_token(nlp, text, token):
    assert token in [t.text for t in nlp(text)]
