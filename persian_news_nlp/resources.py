"""Reading the data shipped under ``models/``: TSV tables and JSONL files with comments.

Every reader validates as it loads and reports problems as ``file:line: message`` through
:class:`~persian_news_nlp.errors.DataFileError`; nothing malformed is dropped silently.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .errors import DataFileError, Errors


def models_dir() -> Path:
    """The folder holding the shipped data (``models/`` in the source tree)."""
    return Path(str(resources.files("persian_news_nlp.models")))


def model_path(*parts: str) -> Path:
    """Path of a shipped data file, e.g. ``model_path("lexicons", "zwnj.tsv")``."""
    path = models_dir().joinpath(*parts)
    if not path.exists():
        raise DataFileError(Errors.E004.format(path=path))
    return path


@dataclass(frozen=True, slots=True)
class Row:
    """One data line: its fields by column name, and where it came from."""

    fields: dict[str, str]
    path: str
    line: int

    def __getitem__(self, key: str) -> str:
        return self.fields[key]

    def get(self, key: str, default: str = "") -> str:
        return self.fields.get(key) or default

    def error(self, problem: str, expected: str) -> DataFileError:
        """An error pointing at this row."""
        return DataFileError(Errors.E002.format(path=self.path, line=self.line, problem=problem, expected=expected))


def _data_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered non-blank, non-comment lines of a UTF-8 file."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(Errors.E006.format(path=path, offset=exc.start, problem=exc.reason)) from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def read_tsv(path: Path, required: tuple[str, ...] = (), unique: str | None = None) -> list[Row]:
    """Rows of a TSV table whose first data line is the header.

    ``required`` columns must be non-empty on every row; ``unique`` names a column whose values
    may not repeat.
    """
    lines = _data_lines(path)
    try:
        _, header_line = next(lines)
    except StopIteration:
        raise DataFileError(Errors.E002.format(path=path, line=1, problem="no header", expected="a tab-separated header")) from None
    header = header_line.split("\t")
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for number, line in lines:
        values = line.split("\t")
        if len(values) > len(header):
            raise DataFileError(Errors.E002.format(path=path, line=number, problem=f"{len(values)} columns",
                                                   expected=f"at most {len(header)} ({', '.join(header)})"))
        row = Row(dict(zip(header, (v.strip() for v in values))), str(path), number)
        for column in required:
            if not row.get(column):
                raise row.error(f"empty {column!r}", f"a value in column {column!r}")
        if unique:
            key = row.get(unique)
            if key in seen:
                raise DataFileError(Errors.E009.format(path=path, line=number, what=unique, key=key, first_line=seen[key]))
            seen[key] = number
        rows.append(row)
    return rows


def read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    """Numbered JSON objects of a JSONL file (``#`` comments and blank lines allowed)."""
    for number, line in _data_lines(path):
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(Errors.E002.format(path=path, line=number, problem=f"invalid JSON ({exc.msg})",
                                                   expected="one JSON object per line")) from exc
        if not isinstance(value, dict):
            raise DataFileError(Errors.E002.format(path=path, line=number, problem=f"a JSON {type(value).__name__}",
                                                   expected="a JSON object"))
        yield number, value


@cache
def word_list(*parts: str) -> tuple[str, ...]:
    """First column of a shipped TSV table (header and comments skipped), read fast for big lists."""
    return tuple(line.split("\t", 1)[0].strip() for line in word_list_rows(*parts))


@cache
def word_list_rows(*parts: str) -> tuple[str, ...]:
    """Data lines of a shipped TSV table (header and comments skipped), unsplit, for big tables."""
    lines = _data_lines(model_path(*parts))
    next(lines, None)  # header
    return tuple(line for _, line in lines)


@cache
def word_lists(*parts: str) -> dict[str, tuple[str, ...]]:
    """A shipped table of closed word lists (columns ``word`` and ``list``): the words of each list, in order."""
    out: dict[str, list[str]] = {}
    for row in read_tsv(model_path(*parts), ("word", "list")):
        out.setdefault(row["list"], []).append(row["word"])
    return {name: tuple(words) for name, words in out.items()}
