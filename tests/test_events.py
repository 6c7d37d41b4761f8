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
            "topic": next((a["text"] for a in e["arguments"] if a["role"] == "Topic"), None)}
           for e in record["events"] if e["event_type"] == case.get("only", e["event_type"])]
    assert len(got) == len(case["events"]), (case["explanation"], got)
    for want, have in zip(case["events"], got):
        for field in ("type", "modality", "mode", "actor", "recipient", "actor_names", "recipient_names", "topic"):
            if field in want:
                assert have[field] == want[field], (case["explanation"], field, got)
