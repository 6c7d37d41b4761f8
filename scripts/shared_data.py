"""Where the benchmark scripts find ``../shared`` (the corpora beside the repository), and how they skip.

``PNN_SHARED`` moves it. A script whose corpus is absent prints why and exits 0, so that
``./dev bench`` on a machine without the corpora is not an error.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PNN_SHARED", ROOT.parent / "shared"))


def absent(script: str, *paths: Path) -> bool:
    """True (after saying so) when any of ``paths`` is missing."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"{script}: skipped: {', '.join(missing)} absent (the corpora live beside the repository "
              "in ../shared; set PNN_SHARED to point elsewhere)")
    return bool(missing)
