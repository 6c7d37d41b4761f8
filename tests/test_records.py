"""Document records: the JSON Schema contract, offsets as a property, and bad input."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from persian_news_nlp.errors import InputTextError, OptionError, TextTooLongError
from persian_news_nlp import extract

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((resources.files("persian_news_nlp.schemas") / "document.schema.json").read_text(encoding="utf-8"))
EXAMPLE = (ROOT / "examples" / "report_border_talks.txt").read_text(encoding="utf-8")


def check_offsets(record, raw):
    for e in record["entities"]:
        assert raw[e["start"]:e["end"]] == e["text"]
    for s in record["sentences"]:
        assert 0 <= s["start"] <= s["end"] <= len(raw)
    for ev in record["events"]:
        t = ev["trigger"]
        assert raw[t["start"]:t["end"]] == t["text"]
        for p in ev["actor"] + ev["recipient"] + ([ev["location"]] if ev["location"] else []):
            assert raw[p["start"]:p["end"]] == p["text"]
        for a in ev["arguments"]:
            assert raw[a["start"]:a["end"]] == a["text"]


def test_example_record_validates_and_has_events():
    record = extract(EXAMPLE, doc_id="example", reference_date="2025-11-06")
    jsonschema.validate(record, SCHEMA)
    check_offsets(record, EXAMPLE)
    types = {e["event_type"] for e in record["events"]}
    assert "CONSULT" in types and "REQUEST" in types
    visit = next(e for e in record["events"] if "visit" in e["mode"])
    assert visit["date"]["value"] == "2025-11-05" and "هرات" in visit["location"]["text"]
    assert "مهدی کاظمی نژاد" in [p["text"] for p in visit["actor"]]
    # the agency that reports the visit takes part in no event («به گزارش خبرگزاری ایرنا»)
    assert not any(p["sector"] == "JRN" for e in record["events"] for p in e["actor"] + e["recipient"])
    assert any(s["boilerplate"] for s in record["sentences"])


def test_seed_record_validates(seed_text):
    record = extract(seed_text, doc_id="seed", reference_date="2025-10-23")
    jsonschema.validate(record, SCHEMA)


def test_reference_date_comes_from_source_pub_date():
    record = extract("امروز جلسه برگزار شد.", source={"publisher": "نمونه", "pub_date": "2024-03-01"})
    assert record["reference_date"] == "2024-03-01"
    assert [e["value"] for e in record["entities"] if e["label"] == "DATE"] == ["2024-03-01"]


@pytest.mark.parametrize("text", ["", "   \n\t ", "\x00\x01\x02", "abc 123 ؟؟", "ـــــ", "\u200c\u200c"])
def test_degenerate_input_gives_an_empty_valid_record(text):
    record = extract(text, doc_id="odd")
    jsonschema.validate(record, SCHEMA)
    check_offsets(record, text)


def test_bad_arguments_are_named():
    with pytest.raises(InputTextError, match="NoneType"):
        extract(None)
    with pytest.raises(OptionError, match="2025-13-40"):
        extract("متن", reference_date="2025-13-40")


def test_enormous_single_line_is_refused_with_a_clear_error():
    text = "همکاری دو کشور ادامه دارد و " * 40_000  # 1.1 million characters on one line
    with pytest.raises(TextTooLongError, match="1,120,000"):
        extract(text, doc_id="long")


def test_foundation_handles_megabytes_on_one_line():
    import persian_news_nlp

    nlp = persian_news_nlp.load(components=("pnn_sentences",))
    text = "همکاریهای دو کشور ادامه دارد و " * 70_000  # 2 MB, no line break
    doc = nlp(text)
    assert doc.text == text and len(list(doc.sents)) == 1


PERSIANISH = st.text(alphabet=st.sampled_from(list("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكئآۀة۱۲۳٠١ .،؛؟!«»()\n\u200c")), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(PERSIANISH, st.builds(lambda a, b: a + " " + b, PERSIANISH, st.sampled_from(
    ["وزیر امور خارجه ایران با امامعلی رحمان در دوشنبه دیدار کرد.", "او خواستار همکاری شد.", "روز دوشنبه ۱ آبان"]))))
def test_every_offset_points_into_the_raw_input(text):
    record = extract(text, doc_id="prop", reference_date="2025-10-23")
    check_offsets(record, text)


# Words that set the NER, relation and event rules going (titles, heads, names, cues, marks), so that
# random texts reach the rules' edge cases: a title at the end of the text, a head before a line break.
RULE_WORDS = st.sampled_from([
    "وزیر", "وزیر امور خارجه", "وزیر مسکن و شهرسازی", "وزارت", "امور", "خارجه", "و", "پاکستان", "شهید گمنام",
    "به نام", "تیم ملی", "مقابل", "روزنامه", "ابرار", "آرمان امروز", ":", "،", "-", "\n", "زیردریایی کورسک",
    "در گفتگو با", "مهر", "صبا", "لیگ", "بوش", "گفت", "۱۴۰۴", "آبان", "دوشنبه", "S24", "IAEA", "امام راحل",
    "محمود آموزگار", "رئیس", "سازمان ملل", "(", ")", "«", "»", "۲۰۱۶", "دیدار", "کرد", "شوروی", "همتای", "خود"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(RULE_WORDS, st.sampled_from([" ", " ", "", "\n", "\u200c"])), max_size=25)
       .map(lambda pairs: "".join(w + sep for w, sep in pairs)))
def test_rule_word_soups_keep_every_offset_in_the_raw_input(text):
    record = extract(text, doc_id="soup", reference_date="2025-10-23")
    check_offsets(record, text)
