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


def test_seed_report_segments(nlp, seed_text):
    doc = nlp(seed_text)
    sents = [s for s in doc.sents if sentence_bounds(s)[1] > sentence_bounds(s)[0]]
    assert len(sents) == 18
    assert [s._.boilerplate for s in sents] == [False] * 13 + [True] * 5
    # the splitter does not depend on the line breaks: joined into one line, the body still splits
    body = " ".join(seed_text.splitlines()[:13])
    assert len([s for s in nlp(body).sents]) == 13
