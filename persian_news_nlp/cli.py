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

    for path in args.files:
        text = _read_text(path)
        record = extract(text, doc_id=Path(path).stem if path != "-" else "stdin", reference_date=args.reference_date)
        json.dump(record, sys.stdout, ensure_ascii=False, indent=None if args.compact else 2)
        sys.stdout.write("\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="persian-news-nlp", description="Who, what, where and when from Persian news.")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="print the document record of each text file")
    p.add_argument("files", nargs="+", help="UTF-8 text files, or - for standard input")
    p.add_argument("--reference-date", help="ISO date for relative and year-less dates (default: today)")
    p.add_argument("--compact", action="store_true", help="one JSON line per document")
    p.set_defaults(func=cmd_extract)
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
