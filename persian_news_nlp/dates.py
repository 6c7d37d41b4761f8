"""Dates: Jalali, Gregorian and Hijri expressions, weekdays and relative words, resolved to ISO 8601.

Vocabulary is data (``models/lexicons/calendar.tsv``); the patterns here combine it. Calendar
arithmetic is done by kept libraries: ``jdatetime`` for Jalali and ``hijridate`` (Umm al-Qura) for
Hijri. A year-less date takes the year that puts it nearest the reference date; when the text
also names the weekday, the nearest year in which the weekday agrees wins (``پنجشنبه، ۱ آبان``
→ 1 Aban 1404 = 2025-10-23, a Thursday).

>>> [d.value for d in find_dates("خبر امروز (پنجشنبه، ۱ آبان) را خواندیم", dt.date(2025, 10, 23))]
['2025-10-23']
>>> [d.value for d in find_dates("در سال ۲۰۲۱ میلادی", dt.date(2025, 10, 23))]
['2021']
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import hijridate
import jdatetime
import regex

from .normalizer import ZWNJ
from .resources import model_path, read_tsv

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
D = r"[0-9۰-۹]"
ORDINAL_DAYS = ("(?:یکم|اول|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم|یازدهم|دوازدهم|سیزدهم|چهاردهم|پانزدهم|"
                "شانزدهم|هفدهم|هجدهم|هیجدهم|نوزدهم|بیستم|بیست و یکم|بیست و دوم|بیست و سوم|بیست و چهارم|بیست و پنجم|"
                "بیست و ششم|بیست و هفتم|بیست و هشتم|بیست و نهم|سی‌ام|سی ام|سی و یکم)")
# A bare two-digit number after a noun of a year's business (انتخابات ۸۴) is a year only this many years back at most.
RECENT_YEARS = 40
TIME_OF_DAY = r"(?:صبح|صبحگاه|ظهر|بعدازظهر|بعد از ظهر|عصر|شب|شامگاه|بامداد|غروب|نیمه‌شب|نیمه شب)"


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression in normalised text, resolved."""

    start: int
    end: int
    value: str | None        # ISO 8601: YYYY-MM-DD, YYYY-MM, YYYY or YYYY-Www
    calendar: str | None     # jalali, gregorian, hijri (of the expression), None for relative words
    granularity: str         # day, week, month, year
    basis: str               # text, weekday, reference_date
    weekday_only: bool = False
    time_of_day: bool = False


@dataclass(frozen=True)
class CalendarWords:
    """``calendar.tsv`` grouped by kind."""

    months: dict[str, tuple[str, int]]   # form -> (calendar, month)
    weak_months: frozenset[str]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, int]]  # form -> (kind, offset)
    eras: dict[str, str]
    quantity_after: frozenset[str]        # a bare four-digit number before one of these counts something
    quantity_before: frozenset[str]       # … or after one of these (حدود ۲۰۰۰)
    counts: dict[str, int | None]          # number words of a count (سه روز پیش); None for a vague one (چند)
    parts: frozenset[str]                  # a part of a month or year (نیمه, هفته) …
    part_orders: frozenset[str]            # … and which one (دوم): «نیمه دوم آبان»
    year_contexts: frozenset[str]          # nouns after which a bare number is a year (انتخابات ۹۶)

    @classmethod
    @cache
    def load(cls) -> CalendarWords:
        months, weak, weekdays, relative, eras, counts = {}, set(), {}, {}, {}, {}
        after, before, parts, orders, contexts = set(), set(), set(), set(), set()
        for row in read_tsv(model_path("lexicons", "calendar.tsv"), ("form", "kind")):
            form, kind = row["form"], row["kind"]
            if kind == "month":
                months[form] = (row["calendar"], int(row["value"]))
                if row.get("weak") == "1":
                    weak.add(form)
            elif kind == "weekday":
                weekdays[form] = int(row["value"])
            elif kind.startswith("relative_"):
                relative[form] = (kind.removeprefix("relative_"), int(row["value"]))
            elif kind == "era":
                eras[form] = row["calendar"]
            elif kind in ("unit", "quantifier"):
                (after if kind == "unit" else before).add(form)
            elif kind == "count":
                counts[form] = int(row["value"]) if row.get("value") else None
            elif kind in ("part", "part_order"):
                (parts if kind == "part" else orders).add(form)
            elif kind == "year_context":
                contexts.add(form)
            else:
                raise row.error(f"unknown kind {kind!r}",
                                "month, weekday, relative_*, era, unit, quantifier, count, part, part_order, year_context")
        return cls(months, frozenset(weak), weekdays, relative, eras, frozenset(after), frozenset(before), counts,
                   frozenset(parts), frozenset(orders), frozenset(contexts))


def _alt(forms) -> str:  # noqa: ANN001
    """Alternation of forms, longest first, with ZWNJ/space written either way."""
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        parts.append(regex.escape(form).replace(ZWNJ, "[\u200c ]?").replace(r"\ ", "[\u200c ]?"))
    return "(?:" + "|".join(parts) + ")"


@cache
def _pattern() -> regex.Pattern:
    w = CalendarWords.load()
    strong = [m for m in w.months if m not in w.weak_months]
    month, strong_month = _alt(w.months), _alt(strong)
    strong_jalali = _alt(m for m in strong if w.months[m][0] == "jalali")  # a two-digit year is a Jalali one
    weekday, relative, era = _alt(w.weekdays), _alt(w.relative), _alt(w.eras)
    unit, quantifier, count = _alt(w.quantity_after), _alt(w.quantity_before), _alt(w.counts)
    day = rf"(?:(?P<day>{D}{{1,2}})(?:ام|م)?|(?P<oday>{ORDINAL_DAYS}))"
    year = rf"(?P<year>{D}{{4}}|{D}{{2}}(?![0-9۰-۹]))"
    # a year named relative to the report's (امسال، سال گذشته): «۱۰ اسفند سال گذشته», «تیر ماه سال آینده»
    year_rel = _alt(form for form, (kind, _) in w.relative.items() if kind == "year")
    dm = (rf"(?:روز\s+)?(?:(?P<wd>{weekday})\s*[،,]?\s*)?{day}\s+(?P<month>{month})(?:[\u200c ]?ماه)?"
          rf"(?:\s+(?:ماه\s+)?(?:سال\s+)?{year}|\s+(?P<dm_rel>{year_rel}))?(?:\s+(?P<era>{era}))?")
    # what a part of a period (نیمه دوم …) can be a part of: a month, with or without its year, or a year
    whole = (rf"(?:ماه\s+)?{month}(?:[\u200c ]?ماه)?(?:\s+(?:سال\s+)?{D}{{4}}|\s+(?:امسال|سال جاری|سال گذشته|گذشته|آینده))?"
             rf"|سال\s+{D}{{4}}(?:\s+{era})?|امسال|سال جاری|سال گذشته|سال آینده")
    return regex.compile(
        rf"(?<![\w\u200c])(?:"
        rf"{_alt(w.parts)}\s+{_alt(w.part_orders)}\s+(?P<whole>{whole})(?![\w\u200c])"  # نیمه دوم آبان ۱۴۰۴
        # «سه ماهه دوم ۲۰۱۶», «۹ ماهه سال جاری»: months of a year, valued by the year; «سه ماهه گذشته»: a stretch
        rf"|(?:{count}|{D}{{1,2}})[\s\u200c]+ماهه(?:\s+(?:{_alt(w.part_orders)}|آغازین))?\s+(?:(?P<mwhole>سال\s+{D}{{4}}(?:\s+{era})?"
        rf"|{D}{{4}}|سال\s+{D}{{2}}|{year_rel})|(?P<mpast>گذشته|اخیر))(?![\w\u200c])"
        rf"|"
        rf"(?P<rel_paren>{relative}|(?:روز\s+)?(?P<pwd>{weekday}))\s*\((?P<inner>{dm})\s*\)"  # امروز (پنجشنبه، ۱ آبان)
        rf"|(?P<rel_plain>امروز|دیروز|فردا)\s*[،,]?\s+(?P<inner2>{dm}|(?:روز\s+)?{weekday})"      # امروز ۲۰ تیرماه، امروز سه‌شنبه
        rf"|(?P<first>{D}{{1,2}}|{ORDINAL_DAYS})\s+(?:تا|و)\s+(?P<last>{dm})"           # ۴ تا ۹ مهر، ۲۲ و ۲۳ آذر: days
        rf"|(?P<tod>{TIME_OF_DAY}\s+)?{dm}"                                         # ۱ آبان ۱۴۰۴
        rf"|(?P<ny>{D}{{4}})[/\-.](?P<nm>{D}{{1,2}})[/\-.](?P<nd>{D}{{1,2}})"        # ۱۴۰۴/۰۸/۰۱
        rf"|(?P<nd2>{D}{{1,2}})[/\-.](?P<nm2>{D}{{1,2}})[/\-.](?P<ny2>{D}{{4}}|{D}{{2}}(?![0-9۰-۹]))"  # 23/10/2025, 27/3/66
        rf"|(?:ماه\s+(?:مبارک\s+)?)?(?P<my_month>{month})(?:[\u200c ]?ماه)?\s+(?:(?:سال\s+)?(?P<my_year>{D}{{4}})|سال\s+(?P<my_year2>{D}{{2}})(?![0-9۰-۹]))(?:\s+(?P<my_era>{era}))?"
        # «خرداد ۹۶», «اسفند ماه ۹۴»: a month that is no everyday word, with a two-digit year and nothing counted after it
        rf"|(?P<my_month>{strong_jalali})(?:[\u200c ]?ماه)?\s+(?P<my_year2>{D}{{2}})(?![0-9۰-۹/\-.:])(?!\s*(?:{unit})(?![\w\u200c]))"
        rf"|(?P<clock>ساعت\s+{D}{{1,2}}(?::{D}{{2}})?)(?:\s+(?:روز\s+)?(?P<cday>{weekday}|{relative}))?"
        # a month alone; a weak one (تیر, مهر, رمضان) only with «ماه» before or after it (ماه مبارک رمضان, مهرماه)
        rf"|(?:ماه\s+(?:مبارک\s+)?(?P<mo_month>{month})|(?P<mo_month>{month})[\u200c ]?ماه|(?P<mo_month>{strong_month}))"
        rf"(?:\s+(?P<mo_rel>{year_rel}|گذشته|آینده))?"
        # «سال‌های ۹۳ و ۹۴», «سال ۱۹۴۷ تا ۱۹۴۹»: two years, one period valued by the first
        rf"|سال(?:[\u200c ]?ها(?:ی)?)?\s+(?:(?P<ys1>{D}{{4}})\s*(?:و|تا|الی|-)\s*{D}{{4}}|(?P<ys1>{D}{{2}})\s*(?:و|تا|الی|-)\s*{D}{{2}})"
        rf"(?![0-9۰-۹])(?!\s*(?:{unit})(?![\w\u200c]))(?:\s+(?P<ys_era>{era}))?"
        rf"|سال\s+(?P<sy>{D}{{4}}|{D}{{2}})(?![0-9۰-۹])(?:\s+(?P<sy_era>{era}))?"
        # «انتخابات [ریاست جمهوری] ۹۶», «لایحه بودجه ۹۶»: after a noun of a year's business a bare number is the year
        rf"|(?<=(?:{_alt(w.year_contexts)})(?:\s+(?:ریاست[\u200c ]?جمهوری|مجلس))?\s+)(?P<cy>{D}{{4}}|{D}{{2}})(?![0-9۰-۹/\-.:])(?!\s*(?:{unit})(?![\w\u200c]))"
        rf"|(?P<ey>{D}{{4}})\s+(?P<ey_era>{era})"
        rf"|(?<!(?:{quantifier})\s+)(?P<by>(?:19|20|۱۹|۲۰){D}{{2}})(?![0-9۰-۹])(?!\s*(?:{unit})(?![\w\u200c]))"  # المپیک ۲۰۱۶
        rf"|(?P<tod2>{TIME_OF_DAY}\s+)?(?:روز\s+)?(?P<wday>{weekday})(?:\s+(?P<wday_rel>گذشته|آینده|هفته گذشته|هفته آینده|این هفته|هفته جاری))?(?P<tod3>\s+{TIME_OF_DAY})?"
        rf"|(?P<dur>(?P<dur_n>{D}+|{count})\s+(?P<dur_unit>سال|ماه|هفته|روز)(?:[\u200c ]?های)?\s+(?P<dur_rel>گذشته|اخیر|آینده|پیش|قبل))"  # چهار سال گذشته، سه روز پیش
        rf"|(?P<tod4>{TIME_OF_DAY}\s+)?(?P<rel>{relative})(?:\s+{era})?"  # سال جاری میلادی: the era is part of it
        rf")(?![\w\u200c])"
    )


@cache
def _opening_words() -> frozenset[str]:
    """Letter runs a date expression can open with: the first word of every month, weekday, relative
    word, ordinal day, number word and time of day, with the words after it glued on as web text
    writes them (سه‌شنبه, سه شنبه, سهشنبه; مهرماه). The pattern is tried only at these and at digits."""
    w = CalendarWords.load()
    ordinals = _runs(ORDINAL_DAYS.removeprefix("(?:").removesuffix(")").split("|"))
    # with the words the pattern itself opens with (روز، ساعت، ماه، سال، امروز …)
    forms = [*w.months, *(m + " ماه" for m in w.months), *w.relative, *w.counts, *w.parts,
             "روز", "ساعت", "ماه", "سال", "سالهای", "امروز", "دیروز", "فردا", *TIME_OF_DAY.removeprefix("(?:").removesuffix(")").split("|")]
    weekdays = _runs(w.weekdays)
    # the pattern lets a weekday run into the day that follows it (پنجشنبهبیستم)
    return frozenset(_runs(forms) | ordinals | weekdays | {a + b for a in weekdays for b in ordinals})


def _runs(forms) -> set[str]:  # noqa: ANN001
    """The letter runs each form can open a text with: its first word, and the words after it glued on."""
    out = set()
    for form in forms:
        parts = regex.split(r"[\u200c ]+", form)
        for j in range(1, len(parts) + 1):
            run = _LETTERS.match("".join(parts[:j]))
            if run:
                out.add(run.group())
    return out


_LETTERS = regex.compile(r"[^\W\d_\u200c\u200d]+")  # letters; regex's \w also holds the joiners
_WORD_START = regex.compile(rf"(?<![\w\u200c])(?:(?P<digit>{D})|[^\W\d_\u200c\u200d]+)")


def _matches(text: str) -> Iterator[regex.Match]:
    """``_pattern().finditer(text)``, trying the pattern only where a date can open (a digit or one of
    ``_opening_words``): the same matches, without a long alternation tried at every word."""
    pattern, opening, end = _pattern(), _opening_words(), 0
    for start in _WORD_START.finditer(text):
        at = start.start()
        if at < end or not (start.group("digit") or start.group() in opening):
            continue
        m = pattern.match(text, at)
        if m is not None:
            end = m.end()
            yield m


def _ordinal_day(word: str) -> int:
    words = {"یکم": 1, "اول": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پنجم": 5, "ششم": 6, "هفتم": 7, "هشتم": 8,
             "نهم": 9, "دهم": 10, "یازدهم": 11, "دوازدهم": 12, "سیزدهم": 13, "چهاردهم": 14, "پانزدهم": 15,
             "شانزدهم": 16, "هفدهم": 17, "هجدهم": 18, "هیجدهم": 18, "نوزدهم": 19, "بیستم": 20, "سی‌ام": 30, "سی ام": 30}
    if word in words:
        return words[word]
    unit = word.split(" و ")[-1]
    return (30 if word.startswith("سی") else 20) + words.get(unit, 0)


def _day_number(text: str) -> int:
    """A day of the month written in digits (۹, 9) or as an ordinal word (نهم)."""
    return _num(text) if text[0].translate(_DIGITS).isdigit() else _ordinal_day(text)


def _num(text: str) -> int:
    return int(text.translate(_DIGITS))


def _count(text: str) -> int | None:
    """The number a count is written with: digits, or a count word of ``calendar.tsv`` (None for چند)."""
    return _num(text) if text[0].translate(_DIGITS).isdigit() else _lookup(CalendarWords.load().counts, text)


def _ago(start: int, end: int, count: int, unit: str, reference: dt.date) -> DateMatch:
    """«سه روز پیش», «دو هفته قبل», «شش ماه پیش», «ده سال قبل»: counted back from the reference date."""
    if unit == "روز":
        date = reference - dt.timedelta(days=count)
        return DateMatch(start, end, date.isoformat(), None, "day", "reference_date")
    if unit == "هفته":
        year, week, _ = (reference - dt.timedelta(weeks=count)).isocalendar()
        return DateMatch(start, end, f"{year}-W{week:02d}", None, "week", "reference_date")
    if unit == "ماه":
        months = reference.year * 12 + reference.month - 1 - count
        return DateMatch(start, end, f"{months // 12:04d}-{months % 12 + 1:02d}", None, "month", "reference_date")
    return DateMatch(start, end, f"{reference.year - count:04d}", None, "year", "reference_date")


def _lookup(table: dict, form: str):  # noqa: ANN202
    """Table value for a form matched with either ZWNJ or space."""
    if form in table:
        return table[form]
    flat = form.replace(" ", "").replace(ZWNJ, "")
    for k, v in table.items():
        if k.replace(" ", "").replace(ZWNJ, "") == flat:
            return v
    raise KeyError(form)


def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """A calendar date as a Gregorian ``date`` (None if it does not exist)."""
    try:
        if calendar == "jalali":
            return jdatetime.date(year, month, day).togregorian()
        if calendar == "hijri":
            return hijridate.Hijri(year, month, day).to_gregorian()
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _reference_year(calendar: str, reference: dt.date) -> int:
    return _reference_month(calendar, reference)[0]


def _reference_month(calendar: str, reference: dt.date) -> tuple[int, int]:
    """The year and month of ``reference`` in ``calendar``."""
    if calendar == "jalali":
        j = jdatetime.date.fromgregorian(date=reference)
        return j.year, j.month
    if calendar == "hijri":
        h = hijridate.Gregorian(reference.year, reference.month, reference.day).to_hijri()
        return h.year, h.month
    return reference.year, reference.month


def resolve_day_month(calendar: str, month: int, day: int, reference: dt.date,
                      weekday: int | None = None) -> tuple[dt.date | None, str]:
    """Year-less day and month: the nearest year to ``reference``, agreeing with ``weekday`` if given."""
    base = _reference_year(calendar, reference)
    candidates = [(abs((g - reference).days), g) for y in range(base - 7, base + 2)
                  if (g := to_gregorian(calendar, y, month, day)) is not None]
    if weekday is not None:
        agreeing = [c for c in candidates if c[1].weekday() == weekday]
        if agreeing:
            return min(agreeing)[1], "weekday"
    near = [c for c in candidates if c[0] <= 200]
    return (min(near)[1] if near else None), "reference_date"


def _year_value(calendar: str, year: int) -> str:
    """ISO year for a year of any calendar (the Gregorian year in which it mostly falls)."""
    if calendar == "jalali":
        return str(year + 621)
    if calendar == "hijri":
        g = to_gregorian("hijri", year, 7, 1)
        return str(g.year) if g else str(round(year * 0.970229 + 621.5643))
    return str(year)


def _two_digit_year(yy: int, reference: dt.date) -> int:
    """``سال ۹۵`` is 1395: a two-digit year is Jalali, in the century that puts it at or before next year."""
    ref = _reference_year("jalali", reference)
    year = ref - ref % 100 + yy
    return year - 100 if year > ref + 1 else year


def _calendar_of_year(year: int, era: str | None) -> str:
    if era:
        return _lookup(CalendarWords.load().eras, era)
    return "jalali" if year < 1500 else "gregorian"


def _weekday_of(calendar: str, year: int, month: int, day: int) -> int | None:
    """The weekday (Monday 0) of a date, or None when there is no such day."""
    date = to_gregorian(calendar, year, month, day)
    return date.weekday() if date is not None else None


def _resolve(m: regex.Match, reference: dt.date, weekday_hint: str | None = None) -> DateMatch | None:
    w = CalendarWords.load()
    g = m.groupdict()
    start, end = m.span()
    tod = bool(g["tod"] or g["tod2"] or g["tod3"] or g["tod4"])
    if g["whole"] is not None:  # «نیمه دوم آبان»: valued by the month (or year) it is a part of
        # a weak month (دی, محرم) is a month here, as after «ماه»: «دهه اول محرم»
        inner = _pattern().fullmatch(g["whole"]) or _pattern().fullmatch("ماه " + g["whole"])
        resolved = _resolve(inner, reference) if inner else None
        if resolved is None or resolved.granularity not in ("month", "year"):
            return None
        return DateMatch(start, end, resolved.value, resolved.calendar, resolved.granularity, resolved.basis)
    if g["mpast"] is not None:
        return DateMatch(start, end, None, None, "duration", "text")
    if g["mwhole"] is not None:
        resolved = _resolve(_pattern().fullmatch(g["mwhole"]), reference)
        if resolved is None:
            return None
        return DateMatch(start, end, resolved.value, resolved.calendar, resolved.granularity, resolved.basis)
    if g["rel_paren"] is not None:
        inner = _pattern().fullmatch(g["inner"])
        resolved = _resolve(inner, reference, g["pwd"]) if inner else None
        if resolved is None:
            return None
        return DateMatch(start, end, resolved.value, resolved.calendar, resolved.granularity, resolved.basis)
    if g["first"] is not None:  # «۴ تا ۹ مهر»: a period of days of one month, valued by its first day
        inner = _pattern().fullmatch(g["last"])
        last = _resolve(inner, reference)
        if last is None or last.value is None:
            return None
        first, last_day = _day_number(g["first"]), _day_number(inner.group("day") or inner.group("oday"))
        if not 1 <= first < last_day:  # «۱۰ تا ۹ مهر»: no period; the date after «تا» stands alone
            return DateMatch(m.start("last"), end, last.value, last.calendar, last.granularity, last.basis)
        date = dt.date.fromisoformat(last.value) - dt.timedelta(days=last_day - first)
        return DateMatch(start, end, date.isoformat(), last.calendar, "period", last.basis)
    if g["rel_plain"] is not None:  # امروز ۲۰ تیرماه: the date named is today's
        inner = _pattern().fullmatch(g["inner2"])
        resolved = _resolve(inner, reference) if inner else None
        if resolved is None or resolved.weekday_only:  # امروز سه‌شنبه: today, whose weekday is named
            offset = _lookup(w.relative, g["rel_plain"])[1]
            return DateMatch(start, end, (reference + dt.timedelta(days=offset)).isoformat(), None, "day", "reference_date")
        return DateMatch(start, end, resolved.value, resolved.calendar, resolved.granularity, resolved.basis)
    if g["day"] is not None or g["oday"] is not None:
        calendar, month = _lookup(w.months, g["month"])
        day = _day_number(g["day"] or g["oday"])
        named = g["wd"] or weekday_hint
        weekday = _lookup(w.weekdays, named) if named else None
        head = m.string[start:m.start("year")].rstrip() if g["year"] else ""
        if len(g["year"] or "") == 2 and weekday is not None and not g["era"] and not head.endswith("سال") \
                and _weekday_of(calendar, _two_digit_year(_num(g["year"]), reference), month, day) != weekday:
            # «سه‌شنبه ۵ فروردین [۴۳] زندانی»: two digits the weekday denies are no year but a count
            g["year"], end = None, start + len(head)
        if g["dm_rel"]:  # «۱۰ اسفند سال گذشته»: the year named relative to the report's
            year = _reference_year(calendar, reference) + _lookup(w.relative, g["dm_rel"])[1]
            date, basis = to_gregorian(calendar, year, month, day), "reference_date"
        elif g["year"]:
            year = _num(g["year"])
            if len(g["year"]) == 2:
                year = _two_digit_year(year, reference)
            calendar = _lookup(w.eras, g["era"]) if g["era"] else calendar
            date = to_gregorian(calendar, year, month, day)
            basis = "text"
        else:
            date, basis = resolve_day_month(calendar, month, day, reference, weekday)
        if date is None:
            return None
        return DateMatch(start, end, date.isoformat(), calendar, "day", basis, time_of_day=tod)
    if g["ny"] is not None or g["ny2"] is not None:
        year, month, day = ((g["ny"], g["nm"], g["nd"]) if g["ny"] else (g["ny2"], g["nm2"], g["nd2"]))
        year, month, day = _num(year), _num(month), _num(day)
        if year < 100:
            year = _two_digit_year(year, reference)
        calendar = _calendar_of_year(year, None)
        date = to_gregorian(calendar, year, month, day)
        return DateMatch(start, end, date.isoformat(), calendar, "day", "text") if date else None
    if g["clock"] is not None:  # ساعت ۱۷ روز پنجشنبه: a time of day, on a day if one is named
        inner = _pattern().fullmatch(g["cday"]) if g["cday"] else None
        day = _resolve(inner, reference) if inner else None
        return DateMatch(start, end, day.value if day else None, None, "time", day.basis if day else "text",
                         time_of_day=True)
    if g["my_month"] is not None:
        calendar, month = _lookup(w.months, g["my_month"])
        year = _num(g["my_year"] or g["my_year2"])
        if not g["my_year"]:
            year = _two_digit_year(year, reference)
        date = to_gregorian(calendar, year, month, 15 if calendar != "gregorian" else 1)
        if date is None:
            return None
        value = f"{year:04d}-{month:02d}" if calendar == "gregorian" else date.strftime("%Y-%m")
        return DateMatch(start, end, value, calendar, "month", "text")
    if g["mo_month"] is not None:
        calendar, month = _lookup(w.months, g["mo_month"])
        year, this_month = _reference_month(calendar, reference)
        rel = g["mo_rel"] or ""
        # «مهر گذشته» is the last Mehr before this month (this year's if it is over), «اسفند آینده» the next
        # one; only «سال گذشته» says last year
        if rel in ("گذشته", "آینده"):
            if rel == "گذشته" and month >= this_month:
                year -= 1
            elif rel == "آینده" and month <= this_month:
                year += 1
        elif rel:
            year += _lookup(w.relative, rel)[1]
        date = to_gregorian(calendar, year, month, 15 if calendar != "gregorian" else 1)
        if g["mo_rel"] is None and date is not None and abs((date - reference).days) > 183:
            date = to_gregorian(calendar, year - 1 if date > reference else year + 1, month, 15)
        value = date.strftime("%Y-%m") if date else None
        return DateMatch(start, end, value, calendar, "month", "reference_date")
    if g["by"] is not None:  # a bare Gregorian year: «در ۲۰۱۶», «المپیک ۲۰۱۶»
        return DateMatch(start, end, str(_num(g["by"])), "gregorian", "year", "text")
    # a year named with «سال» (or two: «سال‌های ۹۳ و ۹۴», valued by the first), with its era, or after a noun of a
    # year's business (انتخابات ۹۶)
    named_year = next(((digits, era) for digits, era in ((g["ys1"], g["ys_era"]), (g["sy"], g["sy_era"]),
                                                         (g["ey"], g["ey_era"]), (g["cy"], None)) if digits is not None), None)
    if named_year is not None:
        digits, era = named_year
        year = _num(digits)
        if len(digits) == 2:
            year = _two_digit_year(year, reference)
            if g["cy"] is not None and _reference_year("jalali", reference) - year > RECENT_YEARS:
                return None  # «انتخابات ۱۲ استان», «بودجه ۲۰ میلیارد»: a count, not a year of the business named
        calendar = _calendar_of_year(year, era)
        return DateMatch(start, end, _year_value(calendar, year), calendar, "period" if g["ys1"] else "year", "text")
    if g["dur"] is not None:
        count = _count(g["dur_n"])
        if g["dur_rel"] in ("پیش", "قبل") and count is not None:  # «سه روز پیش»: a point, so many units ago
            return _ago(start, end, count, g["dur_unit"], reference)
        return DateMatch(start, end, None, None, "duration", "text")  # «چهار سال گذشته»: a stretch, no single value
    if g["wday"] is not None:
        weekday = _lookup(w.weekdays, g["wday"])
        rel = g["wday_rel"] or ""
        back = (reference.weekday() - weekday) % 7  # plain weekdays in news are this week's, mostly past
        date = reference - dt.timedelta(days=back)
        if "آینده" in rel:
            date = reference + dt.timedelta(days=(weekday - reference.weekday()) % 7 or 7)
        elif "گذشته" in rel and back == 0:
            date -= dt.timedelta(days=7)
        return DateMatch(start, end, date.isoformat(), None, "day", "reference_date",
                         weekday_only=not rel, time_of_day=tod)
    if g["rel"] is not None:
        kind, offset = _lookup(w.relative, g["rel"])
        if kind == "day":
            value, gran = (reference + dt.timedelta(days=offset)).isoformat(), "day"
        elif kind == "week":
            iso = (reference + dt.timedelta(weeks=offset)).isocalendar()
            value, gran = f"{iso.year}-W{iso.week:02d}", "week"
        elif kind == "month":
            month_index = reference.year * 12 + reference.month - 1 + offset
            value, gran = f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month"
        else:
            value, gran = str(reference.year + offset), "year"
        return DateMatch(start, end, value, None, gran, "reference_date", time_of_day=tod)
    return None


_SINCE = regex.compile(r"\s*(?:تاکنون|تا کنون|تا به حال|تا امروز)(?![\w\u200c])")
_UNTIL = regex.compile(r"\s*تا\s*$")


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMatch]:
    """Date expressions in normalised ``text``, resolved against ``reference`` (default: today).

    ``تا به امروز`` ("so far") is no date; ``از X تا Y`` and ``از X تاکنون`` are one expression
    (a period), valued by its start.
    """
    reference = reference or dt.date.today()
    found: list[DateMatch] = []
    for m in _matches(text):
        resolved = _resolve(m, reference)
        if resolved is None:
            continue
        before = text[max(0, resolved.start - 7): resolved.start]
        if resolved.basis == "reference_date" and regex.search(r"تا(?:\s+به)?\s+$", before) and \
                text[resolved.start: resolved.end] in ("امروز", "کنون", "حال"):
            continue
        if found and _UNTIL.search(text[found[-1].end: resolved.start]) and text[found[-1].end: resolved.start].strip() == "تا":
            first = found.pop()
            resolved = DateMatch(first.start, resolved.end, first.value, first.calendar, "period", first.basis)
        found.append(resolved)
    out = []
    for d in found:  # «از ۲۷ اسفند سال ۹۴ تاکنون»: a period from a date until now
        start, end, gran = d.start, d.end, d.granularity
        if regex.search(r"(?:^|\s)از\s+$", text[max(0, start - 4): start]):
            since = _SINCE.match(text, end)
            if since or gran == "period":
                start = text.rindex("از", 0, start)
                end = since.end() if since else end
                gran = "period"
        out.append(DateMatch(start, end, d.value, d.calendar, gran, d.basis, d.weekday_only, d.time_of_day))
    return out
