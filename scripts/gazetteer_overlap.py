"""Audit: which names in ``models/`` also occur as rare multi-word entities of PEYMA train.

Gazetteers are authored from knowledge, never copied from the evaluation corpora. Famous
institutions and people (OPEC, a country's foreign ministry, a president) occur in any news
corpus, so some overlap is expected; this script measures it and lists every overlapping string
with the gazetteer entries that hold it, for a reviewer to check that each is general knowledge.
It prints only; nothing from the corpus is written anywhere.

Run: ``python scripts/gazetteer_overlap.py [--list]``
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from shared_data import ROOT, SHARED, absent

from persian_news_nlp.evaluate import read_corpus

TRAIN = SHARED / "data" / "peyma" / "train.txt"


def rare_multiword_entities(path: Path) -> list[str]:
    """PER/LOC/ORG strings of three or more tokens that occur once in the corpus."""
    counts: Counter[str] = Counter()
    for sentence in read_corpus(path, "peyma"):
        text = sentence.text
        counts.update(text[a:b] for a, b, _ in sentence.spans({"PER": "PER", "LOC": "LOC", "ORG": "ORG"}))
    return [e for e, c in counts.items() if c == 1 and len(e.split()) >= 3]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list each overlapping string and where it is")
    args = parser.parse_args(argv)
    if absent("gazetteer_overlap", TRAIN):
        return 0
    lines = [(p, line) for p in sorted((ROOT / "models").rglob("*")) if p.is_file()
             for line in p.read_text(encoding="utf-8", errors="ignore").splitlines()]
    rare = rare_multiword_entities(TRAIN)
    found: dict[str, list[str]] = {}
    for name in rare:
        holders = []
        for path, line in lines:
            if name in line:
                try:
                    holders.append(json.loads(line)["id"])
                except (ValueError, KeyError, TypeError):
                    holders.append(str(path.relative_to(ROOT)))
        if holders:
            found[name] = holders
    print(f"{len(found)} of {len(rare)} rare multi-word PEYMA-train names ({len(found) / max(1, len(rare)):.1%}) "
          f"occur in models/")
    if args.list:
        for name, holders in sorted(found.items()):
            print(f"{name}\t{', '.join(holders[:4])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
