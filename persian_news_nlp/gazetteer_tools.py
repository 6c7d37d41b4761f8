"""Gazetteer tooling for researchers (``persian-news-nlp gazetteer …``): validate, stats, lookup, add, induce, suggest."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``gazetteer`` command group to the CLI."""
