"""Batch annotation of corpora (``persian-news-nlp annotate``): inputs, workers, outputs, error reports."""
from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``annotate`` command to the CLI."""
