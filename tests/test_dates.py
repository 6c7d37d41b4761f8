"""Date expressions and their ISO values."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from persian_news_nlp import dates, normalize
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


_CALENDAR = dates.CalendarWords.load()
_DATE_PIECES = st.sampled_from([*_CALENDAR.months, *_CALENDAR.weekdays, *_CALENDAR.relative, *_CALENDAR.eras,
                                "روز", "ساعت", "ماه", "سال", "صبح", "بعد از ظهر", "بیست و یکم", "سی‌ام", "۱۲", "۱۴۰۴",
                                "2025", "۳ام", "(", ")", "،", "/", "مبارک", "گذشته", "هفته", "چهار", "²", "١٢", "_", "نمونه"])
_GLUE = st.sampled_from(["", " ", "  ", "\u200c", "\n", "،"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(_DATE_PIECES, _GLUE), max_size=8).map(lambda pairs: "".join(a + b for a, b in pairs))
       | st.text(max_size=40))
def test_pattern_is_tried_only_where_a_date_can_open_and_finds_the_same(text):
    """``_matches`` skips words no date opens with; it must find exactly what the pattern finds everywhere."""
    assert [m.span() for m in dates._matches(text)] == [m.span() for m in dates._pattern().finditer(text)]
