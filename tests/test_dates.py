"""Date expressions and their ISO values."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from persian_news_nlp import normalize
from persian_news_nlp.dates import find_dates, resolve_day_month

CASES = json.loads((Path(__file__).parent / "cases" / "dates.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["explanation"] for c in CASES])
def test_golden(case):
    text = normalize(case["text"]).text
    found = find_dates(text, dt.date.fromisoformat(case["reference"]))
    plain = lambda t: t.replace("\u200c", "")  # noqa: E731 - ZWNJ restoration is the normaliser's business
    expected = [(plain(case["surface"]), case["value"], case["basis"])] if case["surface"] else []
    assert [(plain(text[d.start:d.end]), d.value, d.basis) for d in found] == expected


@pytest.mark.parametrize("text", ["سرطان ریه شایع است", "میزان تورم بالا رفت", "صفر درصد", "تیر و کمان"])
def test_ordinary_words_that_are_month_names_are_not_dates(text):
    assert find_dates(normalize(text).text, dt.date(2025, 1, 1)) == []


def test_year_less_date_takes_nearest_year_without_weekday():
    date, basis = resolve_day_month("jalali", 10, 1, dt.date(2025, 12, 1))
    assert (date, basis) == (dt.date(2025, 12, 22), "reference_date")
