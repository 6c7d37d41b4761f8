"""Shared fixtures: one pipeline per session, and the material in ../shared (skipped when absent)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import persian_news_nlp

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PNN_SHARED", ROOT.parent / "shared"))


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or a skip naming what is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the real corpora live beside the repository in ../shared (set PNN_SHARED to move it)")
    return path


@pytest.fixture(scope="session")
def nlp():
    return persian_news_nlp.load()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_file("corpus", "seed_iraf_taliban_tajikistan.txt").read_text(encoding="utf-8")
