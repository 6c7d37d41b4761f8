"""Event records from invented sentences: type, modality, actors and recipients, one case per rule.

A case lists every event of its text in order, or only those of one type (``only``).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from persian_news_nlp import extract

CASES = json.loads((Path(__file__).parent / "cases" / "events.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["explanation"][:60] for c in CASES])
def test_event_case(case):
    record = extract(case["text"], reference_date=case.get("reference_date", "2025-06-01"))
    got = [{"type": e["event_type"], "modality": e["modality"], "mode": e["mode"],
            "actor": [p["text"] for p in e["actor"]], "recipient": [p["text"] for p in e["recipient"]],
            "actor_names": [p["canonical_name"] or p["text"] for p in e["actor"]],
            "recipient_names": [p["canonical_name"] or p["text"] for p in e["recipient"]],
            "topic": next((a["text"] for a in e["arguments"] if a["role"] == "Topic"), None),
            "location": (e["location"] or {}).get("text"), "date": (e["date"] or {}).get("value")}
           for e in record["events"] if e["event_type"] == case.get("only", e["event_type"])]
    assert len(got) == len(case["events"]), (case["explanation"], got)
    for want, have in zip(case["events"], got):
        for field in ("type", "modality", "mode", "actor", "recipient", "actor_names", "recipient_names", "topic", "location", "date"):
            if field in want:
                assert have[field] == want[field], (case["explanation"], field, got)


HEADER = "trigger\ttype\tmode\tcontext\tcameo\tverb\trequires\tactor\trecipient\tnote\tnot_after\tnot_before\tnext\n"


def test_user_trigger_table_adds_a_trigger(tmp_path, monkeypatch):
    import persian_news_nlp

    monkeypatch.delenv("PNN_EVENT_TRIGGERS", raising=False)
    table = tmp_path / "mine.tsv"
    table.write_text("# a rebuke is an accusation\n" + HEADER + "سرزنش\tACCUSE\t\tdiplomatic\t111\tکرد\t-\tsubject\tobj\t\t\t\t\n",
                     encoding="utf-8")
    text = "ایران اسرائیل را سرزنش کرد."
    assert extract(text, nlp=persian_news_nlp.load(), reference_date="2025-01-01")["events"] == []
    events = extract(text, nlp=persian_news_nlp.load(event_triggers=[table]), reference_date="2025-01-01")["events"]
    assert [(e["event_type"], e["provenance"]["rule_ids"]) for e in events] == [("ACCUSE", ["mine.tsv:3"])]
    monkeypatch.setenv("PNN_EVENT_TRIGGERS", str(table))
    assert [e["event_type"] for e in extract(text, nlp=persian_news_nlp.load(), reference_date="2025-01-01")["events"]] == ["ACCUSE"]


def test_bad_user_trigger_table_names_file_and_line(tmp_path, monkeypatch):
    import persian_news_nlp
    from persian_news_nlp.errors import DataFileError

    monkeypatch.delenv("PNN_EVENT_TRIGGERS", raising=False)
    table = tmp_path / "bad.tsv"
    table.write_text(HEADER + "سرزنش\tBLAME\t\t\t\tکرد\t-\tsubject\tobj\t\t\t\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.tsv:2: type='BLAME'"):
        persian_news_nlp.load(event_triggers=[table])
    with pytest.raises(DataFileError, match="not found"):
        persian_news_nlp.load(event_triggers=[tmp_path / "missing.tsv"])


LIGHT_VERB_CONSTRUCTIONS = [  # the constructions the event issue names, one invented sentence each
    ("ایران با عراق دیدار کرد.", "CONSULT"), ("وزیر خارجه ایران به بغداد سفر کرد.", "CONSULT"),
    ("ایران و عراق درباره مرز گفت‌وگو کردند.", "CONSULT"), ("ایران خواستار آزادی زندانیان شد.", "REQUEST"),
    ("ایران بر گسترش روابط با عراق تأکید کرد.", "AGREE"), ("ایران از این طرح استقبال کرد.", "SUPPORT"),
    ("ایران حمله به غزه را محکوم کرد.", "ACCUSE"), ("ایران آمریکا را به دخالت متهم کرد.", "ACCUSE"),
    ("سه خبرنگار توسط طالبان بازداشت شدند.", "COERCE"), ("اسرائیل به لبنان حمله کرد.", "ASSAULT"),
    ("ایران و عراق توافق‌نامه همکاری امضا کردند.", "SUPPORT"), ("آمریکا ایران را تحریم کرد.", "SANCTION"),
    ("روسیه به اوکراین هشدار داد.", "THREATEN"),
]


@pytest.mark.parametrize("text,event_type", LIGHT_VERB_CONSTRUCTIONS)
def test_light_verb_construction(text, event_type):
    record = extract(text, reference_date="2025-06-01")
    assert event_type in [e["event_type"] for e in record["events"]], record["events"]


def test_a_crowd_protesting_is_a_group_of_the_country_where_it_protests():
    record = extract("معترضان روز شنبه در تهران علیه گرانی تظاهرات کردند.", reference_date="2025-06-01")
    (event,) = record["events"]
    (actor,) = event["actor"]
    assert (actor["label"], actor["sector"], actor["country"], actor["entity_id"]) == ("GROUP", "CVL", "IRN", None)
    assert record["text_length"] >= actor["end"] > actor["start"]


def test_an_office_of_a_known_body_acts_for_it():
    record = extract("دفتر سازمان ملل متحد در کابل این حمله را محکوم کرد.", reference_date="2025-06-01")
    (event,) = record["events"]
    (actor,) = event["actor"]
    assert actor["text"] == "دفتر سازمان ملل متحد"
    assert actor["entity_id"] is None  # the office is not the mission itself, but it speaks for it
    assert (actor["canonical_name"], actor["sector"]) == ("سازمان ملل متحد", "IGO")
