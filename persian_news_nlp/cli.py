"""``persian-news-nlp``: a thin command line over the public API.

Exit codes: 0 success, 1 the command ran but found problems (validation errors, failed
documents), 2 bad usage or unreadable input.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import PersianNewsError


def _read_text(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


def cmd_extract(args: argparse.Namespace) -> int:
    from .records import extract

    nlp = _pipeline(args)
    for path in args.files:
        text = _read_text(path)
        record = extract(text, doc_id=Path(path).stem if path != "-" else "stdin", reference_date=args.reference_date, nlp=nlp)
        json.dump(record, sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
        sys.stdout.write("\n")
    return 0


def _pipeline(args: argparse.Namespace):  # noqa: ANN202
    from .pipeline import load

    return load(gazetteers=getattr(args, "gazetteer", None) or ())


def cmd_evaluate_ner(args: argparse.Namespace) -> int:
    from .evaluate import LABEL_MAPS, evaluate_ner, format_errors

    scores = evaluate_ner(_pipeline(args), args.file, args.format, limit=args.limit, keep_errors=args.errors,
                          group=args.group)
    labels = [label for label in ("PER", "LOC", "ORG", "DATE", "TIME") if label in LABEL_MAPS[args.format].values()]
    print(f"{args.file} ({args.format}): exact-span scores")
    print(scores.table(labels))
    if args.errors:
        print()
        print(format_errors(scores.errors))
    return 0


def cmd_evaluate_events(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_events

    tallies, per_doc = evaluate_events(args.gold, args.raw, nlp=_pipeline(args))
    print(f"{args.gold}: {len(per_doc)} documents, lenient matching (news-dev README)")
    print("| what | precision | recall | F1 | gold | predicted |")
    print("|---|---|---|---|---|---|")
    for name, tally in tallies.items():
        p, r, f = tally.prf()
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {tally.gold} | {tally.pred} |")
    if args.verbose:
        for doc in per_doc:
            print(f"\n## {doc['doc_id']}: " + ", ".join(f"{k} {v[0]}/{v[1]} gold, {v[2]} ours" for k, v in doc.items()
                                                    if k in ("entities", "roles", "events")))
            print("  gold events: " + "; ".join(f"{e['event_type']} {e.get('actor')}→{e.get('recipient')}" for e in doc["gold"]["events"]))
            print("  our events:  " + "; ".join(f"{e['event_type']} {e['participants'][:3]}" for e in doc["ours"]["events"]))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="persian-news-nlp", description="Who, what, where and when from Persian news.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="print the document record of each text file")
    p.add_argument("files", nargs="+", help="UTF-8 text files, or - for standard input")
    p.add_argument("--reference-date", help="ISO date for relative and year-less dates (default: today)")
    p.add_argument("--compact", action="store_true", help="one JSON line per document")
    p.add_argument("--gazetteer", action="append", help="user gazetteer file or folder (repeatable)")
    p.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="score the pipeline against annotated data")
    ev_sub = ev.add_subparsers(dest="what", required=True)
    p = ev_sub.add_parser("ner", help="exact-span NER scores on a BIO corpus")
    p.add_argument("file")
    p.add_argument("--format", choices=("peyma", "arman", "conll"), required=True)
    p.add_argument("--limit", type=int, help="only the first N sentences")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="list the first N sentences with errors")
    p.add_argument("--group", type=int, default=1, metavar="N",
                   help="feed N consecutive sentences as one document (default 1: each sentence alone)")
    p.add_argument("--gazetteer", action="append", help="user gazetteer file or folder (repeatable)")
    p.set_defaults(func=cmd_evaluate_ner)
    p = ev_sub.add_parser("events", help="entity, role-pair and event scores on gold files (news-dev format)")
    p.add_argument("--gold", required=True, help="folder of gold NNN.json files")
    p.add_argument("--raw", help="folder of raw NNN.txt files (default: ../raw beside --gold)")
    p.add_argument("--verbose", action="store_true", help="per-document comparison")
    p.add_argument("--gazetteer", action="append", help="user gazetteer file or folder (repeatable)")
    p.set_defaults(func=cmd_evaluate_events)

    from . import batch, gazetteer_tools

    batch.register(sub)
    gazetteer_tools.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # the reader went away (e.g. `| head`): not an error of ours
        sys.stderr.close()
        return 0
    except (PersianNewsError, OSError, UnicodeDecodeError) as exc:
        print(f"persian-news-nlp: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
