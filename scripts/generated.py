"""Shared command line of the scripts that generate data files under ``models/``.

Each generator computes the files' text; ``write_or_check`` writes them, or with ``--check``
exits 1 naming the stale files (tests run every generator with ``--check``).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def write_or_check(description: str, targets: dict[Path, str], argv: list[str] | None = None) -> int:
    """Write ``targets`` (path → text), or compare them with the files on disk under ``--check``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="exit 1 if a shipped file is stale")
    args = parser.parse_args(argv)
    if args.check:
        stale = [str(p) for p, text in targets.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        if stale:
            print("stale (regenerate with the script): " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    for path, text in targets.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({text.count(chr(10))} lines)")
    return 0
