"""Measured gain of a user gazetteer: induce one from PEYMA train, score PEYMA dev with and without it.

    .venv/bin/python scripts/gazetteer_gain.py [--shared ../shared] [--min-count 2] [--group 1]

The induced gazetteer goes to a temporary folder that is deleted at the end: nothing of it is
written into the repository (the corpora's entity lists must never be copied into ``models/``).
Both runs happen in one process, with ``PNN_GAZETTEERS`` cleared, so the only difference between
them is the ``--gazetteer`` file. Exits 0 with a message when ../shared is absent.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=os.environ.get("PNN_SHARED", str(ROOT.parent / "shared")),
                        help="folder holding data/peyma/{train,dev}.txt (default ../shared or $PNN_SHARED)")
    parser.add_argument("--min-count", type=int, default=2, help="induce: labelled a name at least N times")
    parser.add_argument("--min-purity", type=float, default=0.9, help="induce: share of the commonest label")
    parser.add_argument("--max-o-ratio", type=float, default=0.2, help="induce: largest share of O-tagged occurrences")
    parser.add_argument("--group", type=int, default=1, help="evaluate: sentences fed as one document")
    args = parser.parse_args(argv)

    train = Path(args.shared) / "data" / "peyma" / "train.txt"
    dev = Path(args.shared) / "data" / "peyma" / "dev.txt"
    if not (train.exists() and dev.exists()):
        print(f"gazetteer_gain: skipped: {train} or {dev} is absent (the corpora live beside the repository in ../shared)")
        return 0
    os.environ.pop("PNN_GAZETTEERS", None)

    from persian_news_nlp.evaluate import evaluate_ner
    from persian_news_nlp.gazetteer_tools import induce, write_entries
    from persian_news_nlp.pipeline import load

    labels = ("PER", "LOC", "ORG")
    with tempfile.TemporaryDirectory(prefix="pnn-gain-") as tmp:
        started = time.perf_counter()
        result = induce(train, "peyma", min_count=args.min_count, min_purity=args.min_purity,
                        max_o_ratio=args.max_o_ratio)
        user = Path(tmp) / "peyma_train_induced.jsonl"
        write_entries(user, result.entries, [f"induced from {train.name}: temporary, never committed"])
        by_type = {t: sum(1 for e in result.entries if e["type"] == t) for t in labels}
        print(f"induced {len(result.entries)} entries from {result.sentences} sentences of {train.name} "
              f"({', '.join(f'{n} {t}' for t, n in by_type.items())}; {len(result.rejected)} candidates dropped) "
              f"in {time.perf_counter() - started:.1f}s")
        rows = {}
        for name, gazetteers in (("shipped only", ()), ("shipped + induced", (str(user),))):
            started = time.perf_counter()
            scores = evaluate_ner(load(gazetteers=gazetteers), dev, "peyma", group=args.group)
            rows[name] = scores
            print(f"scored {dev.name} with {name} in {time.perf_counter() - started:.1f}s", file=sys.stderr)

    print(f"\nPEYMA {dev.name}, exact-span scores (precision / recall / F1), group={args.group}\n")
    print("| gazetteers | " + " | ".join(labels) + " | PER+LOC+ORG (micro) |")
    print("|---|" + "---|" * (len(labels) + 1))
    for name, scores in rows.items():
        cells = [scores.prf([label]) for label in labels] + [scores.prf(list(labels))]
        print(f"| {name} | " + " | ".join(f"{p:.3f} / {r:.3f} / {f:.3f}" for p, r, f in cells) + " |")
    base, gain = (rows[n].prf(list(labels))[2] for n in rows)
    print(f"\nmicro F1 change: {gain - base:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
