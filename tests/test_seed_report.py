"""The reference report (../shared/corpus/seed_iraf_taliban_tajikistan.txt) yields the walkthrough's records."""
from __future__ import annotations

import pytest

from persian_news_nlp import extract

ZWNJ = "\u200c"


def plain(text: str) -> str:
    return text.replace(ZWNJ, "").replace(" ", "")


@pytest.fixture(scope="module")
def record(seed_text):
    return extract(seed_text, doc_id="seed", reference_date="2025-10-23")


def entities(record, label):
    return {plain(e["text"]) for e in record["entities"] if e["label"] == label}


def test_offsets_point_into_the_raw_text(record, seed_text):
    for e in record["entities"]:
        assert seed_text[e["start"]:e["end"]] == e["text"]
    for ev in record["events"]:
        t = ev["trigger"]
        assert seed_text[t["start"]:t["end"]] == t["text"]
        for p in ev["actor"] + ev["recipient"] + ([ev["location"]] if ev["location"] else []):
            assert seed_text[p["start"]:p["end"]] == p["text"]


@pytest.mark.parametrize("label,names", [
    ("PER", ["خورشید عطازاده", "سیدمومن ستاراویچ", "وفا", "امامعلی رحمان", "شرفالدین گادویف",
             "سید ابوطالب مظفری", "هوشنگ گلشیری", "ابراهیم گلستان"]),
    ("LOC", ["بلخ", "تاجیکستان", "دوشنبه", "کابل", "افغانستان", "آسیای مرکزی", "بیرجند", "ایران", "پاکستان", "چین"]),
    ("ORG", ["ایراف", "طالبان", "دولت تاجیکستان", "وزارت مرزهای تاجیکستان"]),
])
def test_entities(record, label, names):
    found = entities(record, label)
    found_any = {plain(e["text"]) for e in record["entities"] if e["label"] == label or label in ("LOC",) and e["label"] == "LOC"}
    missing = [n for n in names if not any(plain(n) == f or plain(n) in f for f in found_any)]
    assert not missing, f"{label} missing: {missing}; found {sorted(found)}"


def test_roles(record):
    roles = entities(record, "ROLE")
    for title in ["والی", "فرمانده مرزها", "وزیر اطلاعات", "رئیسجمهور"]:
        assert any(r.startswith(plain(title)) for r in roles), title
    assert not any("هیأت" in r or "هیئت" in r for r in roles), "the delegation is not a role"


def test_dushanbe_is_the_city_and_thursday_a_date(record, seed_text):
    lines = seed_text.splitlines()
    line_start = [sum(len(l) + 1 for l in lines[:k]) for k in range(len(lines))]
    for line_no in (2, 3, 10, 13):
        lo, hi = line_start[line_no - 1], line_start[line_no - 1] + len(lines[line_no - 1])
        labels = {e["label"] for e in record["entities"] if lo <= e["start"] < hi and "دوشنبه" in e["text"]}
        assert labels == {"LOC"}, (line_no, labels)
    dates = [e for e in record["entities"] if e["label"] == "DATE" and "آبان" in e["text"]]
    assert [d["value"] for d in dates] == ["2025-10-23"]
    assert dates[0]["text"].startswith("امروز")
    assert any(e["label"] == "DATE" and e["value"] == "2021" for e in record["entities"])


def test_the_date_resolves_from_the_weekday_without_a_reference_date(seed_text):
    rec = extract(seed_text, reference_date="2026-11-29")
    assert [e["value"] for e in rec["entities"] if e["label"] == "DATE" and "آبان" in e["text"]] == ["2025-10-23"]


def person_roles(record):
    by_id = {e["id"]: e for e in record["entities"]}
    return {(plain(by_id[r["head"]]["text"]), plain(by_id[r["tail"]]["text"]))
            for r in record["relations"] if r["type"] == "HAS_ROLE"}


def test_role_relations(record):
    pairs = person_roles(record)
    assert (plain("خورشید عطازاده"), plain("فرمانده مرزها")) in pairs
    assert (plain("سیدمومن ستاراویچ"), plain("وزیر اطلاعات")) in pairs
    assert any(p == plain("امامعلی رحمان") and r.startswith(plain("رئیسجمهور")) for p, r in pairs)


def test_coreference_of_the_balkh_governor(record):
    by_id = {e["id"]: e for e in record["entities"]}
    wafa = next(e for e in record["entities"] if plain(e["text"]) == "وفا")
    cluster = next(c for c in record["clusters"] if c["id"] == wafa["cluster"])
    texts = {plain(by_id[m]["text"]) for m in cluster["mentions"]} | {p["text"] for p in cluster["pronouns"]}
    assert "او" in texts and any(t.startswith("والی") for t in texts)
    minister = next(c for c in record["clusters"] if any(plain(by_id[m]["text"]) == plain("سیدمومن ستاراویچ") for m in c["mentions"]))
    assert plain("وزیر اطلاعات تاجیکستان") in {plain(by_id[m]["text"]) for m in minister["mentions"]}


def find_event(record, event_type, predicate=lambda e: True):
    matches = [e for e in record["events"] if e["event_type"] == event_type and predicate(e)]
    assert matches, f"no {event_type} event among {[(e['event_type'], e['trigger']['text']) for e in record['events']]}"
    return matches[0]


def countries(participants):
    return {p["country"] for p in participants}


def test_event_visit(record):
    visit = find_event(record, "CONSULT", lambda e: "visit" in e["mode"])
    assert "AFG" in countries(visit["actor"]) and any(plain(p["text"]) == "طالبان" for p in visit["actor"])
    assert countries(visit["recipient"]) == {"TJK"}
    assert "دوشنبه" in visit["location"]["text"]
    assert visit["date"]["value"] == "2025-10-23"
    assert visit["attribution"]["speaker"]["text"] == "ایراف"
    assert any(a["role"] == "InvitedBy" for a in visit["arguments"])


def test_event_meeting_merges_its_mentions(record):
    meeting = find_event(record, "CONSULT", lambda e: "visit" not in e["mode"])
    assert {plain(p["text"]) for p in meeting["actor"]} >= {"وفا"}
    names = {plain(p["text"]) for p in meeting["recipient"]}
    assert {plain("وزارت مرزهای تاجیکستان"), plain("خورشید عطازاده"), plain("سیدمومن ستاراویچ")} <= names
    assert "دوشنبه" in meeting["location"]["text"]
    assert len(meeting["sentence_ids"]) >= 3


def test_events_intent_request_support(record):
    intent = find_event(record, "AGREE", lambda e: 2 in e["sentence_ids"])
    assert "AFG" in countries(intent["actor"])
    request = find_event(record, "REQUEST")
    assert request["actor"][0]["text"] == "او" and request["actor"][0]["country"] == "AFG"
    support = find_event(record, "SUPPORT")
    assert countries(support["actor"]) == {"TJK"} and countries(support["recipient"]) == {"AFG"}


def test_background_and_headline_events_are_flagged(record):
    for event in record["events"]:
        if min(event["sentence_ids"]) in (7, 8):
            assert event["modality"] == "historical", event["trigger"]
        if min(event["sentence_ids"]) >= 13:
            assert event["boilerplate"]
    assert any(e["boilerplate"] and e["event_type"] == "ASSAULT" for e in record["events"])
