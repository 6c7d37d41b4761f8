"""Batch annotation of corpora (``persian-news-nlp annotate``): inputs, workers, outputs, error reports.

The pieces, each usable on its own:

- :func:`iter_documents` reads ``.txt`` files, folders (recursively), ``.jsonl``/``.jsonl.gz``
  files and standard input, and yields a :class:`Document` for each text or a :class:`Failure`
  for each input that cannot be one (invalid UTF-8, binary, empty, too long, bad JSON …).
- :func:`annotate_corpus` runs the pipeline over them in this process, in worker processes
  (``workers=N``: each loads the pipeline once and receives documents in chunks) or on
  ``dask.distributed`` (``engine="dask"``), and writes one of the :mod:`~persian_news_nlp.formats`
  in input order. Failed documents go to the errors file (``OUT.errors.jsonl``), one JSON line
  each, so that ``documents == records + errors`` always. A killed run leaves no partial record,
  and ``resume=True`` completes it without duplicates.
- :func:`annotate_bag`, :func:`annotate_dataframe` and :func:`event_table` map the pipeline over
  a Dask bag or DataFrame of texts on a cluster you already have (each worker loads the pipeline
  once)::

      import dask.bag as db
      from persian_news_nlp.batch import annotate_bag, event_table

      texts = db.read_text("s3://bucket/news/*.jsonl").map(json.loads)   # dicts with "text", "id", …
      records = annotate_bag(texts, reference_date="2025-10-23")         # bag of document records
      records.map(json.dumps).to_textfiles("out/*.jsonl")
      events = event_table(texts)                                        # dask DataFrame, one row per event
      # a DataFrame of texts: annotate_dataframe(df, text_column="body", id_column="url")
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import gzip
import json
import os
import re
import sys
import threading
import time
import traceback
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .errors import DocumentError, Errors, OptionError, PersianNewsError, TextTooLongError, check_option
from .formats import FORMATS, Writer, event_rows, open_writer

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_SOURCE_FIELDS: Mapping[str, str] = {"publisher": "publisher", "url": "url", "title": "title",
                                            "pub_date": "pub_date"}
DEFAULT_MAX_CHARS = 1_000_000
ENGINES = ("local", "dask")
INPUT_FORMATS = ("auto", "text", "jsonl")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
_BLANK = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]*")  # whitespace and invisible joiners/marks


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Document:
    """One text to annotate, with where it came from."""

    doc_id: str  # None only for items of a Dask collection without ids
    text: str
    file: str | None
    line: int | None = None
    source: dict | None = None
    reference_date: str | None = None  # from the document's pub_date

    @property
    def where(self) -> str:
        """``file:line`` or ``file``."""
        return _where(self.file, self.line)


def _where(file: str | None, line: int | None) -> str:
    return f"{file}:{line}" if line else str(file)


@dataclass(frozen=True)
class Failure:
    """A document that could not be read or annotated: one line of the errors file."""

    doc_id: str
    file: str | None
    line: int | None
    error: str
    reason: str
    detail: str | None = None

    @property
    def where(self) -> str:
        """``file:line`` or ``file``."""
        return _where(self.file, self.line)

    def record(self) -> dict[str, Any]:
        """The JSON object written to the errors file."""
        out = {"doc_id": self.doc_id, "file": self.file, "line": self.line, "error": self.error, "reason": self.reason}
        if self.detail:
            out["traceback"] = self.detail
        return out

    @classmethod
    def of(cls, exc: BaseException, doc_id: str, file: str | None, line: int | None) -> Failure:
        """A failure from an exception raised on purpose (its message names the input)."""
        return cls(doc_id, file, line, type(exc).__name__, str(exc))


@dataclass(frozen=True)
class InputOptions:
    """How inputs are read.

    ``text_field``/``id_field`` name the JSONL fields of the text and of the document id
    (``id_field=None``: ids are ``<file>:<line>``); ``source_fields`` maps the record's
    ``source`` keys to JSONL fields (a ``source`` object in the line is taken as well);
    ``input_format`` forces ``text`` or ``jsonl`` for files named on the command line and for
    standard input (``auto``: by suffix, and stdin is JSONL when it starts with ``{``); folders
    are always read by suffix. Texts longer than ``max_chars`` characters are failures.
    """

    text_field: str = "text"
    id_field: str | None = "id"
    source_fields: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SOURCE_FIELDS))
    input_format: str = "auto"
    max_chars: int = DEFAULT_MAX_CHARS

    def __post_init__(self) -> None:
        check_option("input_format", self.input_format, INPUT_FORMATS)


def _suffixless(name: str) -> str:
    for suffix in (*JSONL_SUFFIXES, ".txt"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _is_jsonl(name: str) -> bool:
    return name.endswith(JSONL_SUFFIXES)


def check_text_content(text: str, doc_id: str, where: str, max_chars: int) -> str:
    """``text`` if it is worth annotating; :class:`DocumentError` (empty) or
    :class:`TextTooLongError` (longer than ``max_chars``) naming the input otherwise."""
    if _BLANK.fullmatch(text):
        raise DocumentError(Errors.E005.format(doc_id=doc_id, problem=f"{where} holds no text (empty, or only whitespace and invisible marks)"))
    if len(text) > max_chars:
        raise TextTooLongError(f"{where}: " + Errors.E010.format(length=len(text), limit=max_chars)
                               + " (--max-chars)")
    return text


def decode_text(data: bytes, doc_id: str, where: str, max_chars: int) -> str:
    """UTF-8 text of ``data`` (a BOM dropped), refusing binary content and invalid UTF-8."""
    nul = data.find(b"\x00", 0, 1 << 16)
    if nul >= 0:
        raise DocumentError(Errors.E005.format(doc_id=doc_id, problem=f"{where} is binary (NUL byte at offset {nul}); "
                                                                      "expected UTF-8 text"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(Errors.E006.format(path=where, offset=exc.start, problem=exc.reason)) from None
    return check_text_content(text, doc_id, where, max_chars)


def object_id(obj: object, id_field: str | None) -> str | None:
    """The doc id a JSON object gives itself in ``id_field`` (None when it gives none)."""
    if not (id_field and isinstance(obj, dict)) or obj.get(id_field) in (None, ""):
        return None
    return str(obj[id_field])


def document_from_object(obj: object, fallback_id: str | None, file: str | None, line: int | None,
                         options: InputOptions) -> Document:
    """A :class:`Document` from one JSON object (a JSONL line, a bag item, a DataFrame row)."""
    where = _where(file, line)
    if not isinstance(obj, dict):
        raise DocumentError(Errors.E002.format(path=file, line=line, problem=f"a JSON {type(obj).__name__}",
                                               expected="one JSON object a line"))
    doc_id = object_id(obj, options.id_field) or fallback_id
    text = obj.get(options.text_field)
    if not isinstance(text, str):
        problem = f"no {options.text_field!r} field" if text is None else f"{options.text_field!r} is a {type(text).__name__}"
        raise DocumentError(Errors.E002.format(path=file, line=line, problem=problem,
                                               expected=f"the text as a string in {options.text_field!r} (--text-field)"))
    source = dict(obj["source"]) if isinstance(obj.get("source"), dict) else {}
    if isinstance(obj.get("source"), str):
        source["publisher"] = obj["source"]
    for name, key in options.source_fields.items():
        if obj.get(key) not in (None, ""):
            source[name] = obj[key]
    reference = None
    if source.get("pub_date") not in (None, ""):
        from .records import parse_date

        source["pub_date"] = str(source["pub_date"])
        reference = parse_date(source["pub_date"], f"pub_date of {where}").isoformat()  # type: ignore[union-attr]
    check_text_content(text, doc_id or where, where, options.max_chars)
    return Document(doc_id, text, file, line, source or None, reference)  # type: ignore[arg-type]


class Corpus:
    """The documents of some inputs, in order; iterate it for :class:`Document`/:class:`Failure` items.

    ``exclude``: paths never read as inputs (the run's own outputs). Files of other types found
    in folders are listed in ``ignored`` after iteration. A doc id seen twice is a failure.
    """

    def __init__(self, inputs: Sequence[str | os.PathLike], options: InputOptions = InputOptions(), *,
                 stdin: IO[bytes] | None = None, exclude: Iterable[str | os.PathLike] = ()) -> None:
        self.inputs = [str(i) for i in inputs]
        self.options = options
        self.stdin = stdin
        self.exclude = {Path(p).resolve() for p in exclude}
        self.ignored: list[Path] = []
        for name in self.inputs:
            if name != "-" and not Path(name).exists():
                raise OptionError(Errors.E004.format(path=name))

    def _files(self, name: str, note: bool = True) -> Iterator[tuple[Path, str, bool]]:
        """``(path, id prefix, is JSONL)`` of each input file under ``name``."""
        path = Path(name)
        forced = self.options.input_format
        if not path.is_dir():
            yield path, _suffixless(path.name), (forced == "jsonl" or (forced == "auto" and _is_jsonl(path.name)))
            return
        for folder, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and Path(folder, d).resolve() not in self.exclude)
            for file in sorted(files):
                full = Path(folder, file)
                if file.startswith(".") or full.resolve() in self.exclude:
                    continue
                if file.endswith(".txt") or _is_jsonl(file):
                    yield full, _suffixless(full.relative_to(path).as_posix()), _is_jsonl(file)
                elif note:
                    self.ignored.append(full)

    def __iter__(self) -> Iterator[Document | Failure]:
        seen: dict[str, tuple[str | None, int | None]] = {}  # the file name is shared, not copied
        for item in self._items():
            first = seen.setdefault(item.doc_id, (item.file, item.line))
            if first != (item.file, item.line):
                yield Failure(item.doc_id, item.file, item.line, "DocumentError", Errors.E005.format(
                    doc_id=item.doc_id, problem=f"{item.where}: the doc id is already used by {_where(*first)}; "
                                                "give documents unique ids"))
            else:
                yield item

    def _items(self) -> Iterator[Document | Failure]:
        for name in self.inputs:
            if name == "-":
                yield from self._stdin()
                continue
            for path, prefix, jsonl in self._files(name):
                if jsonl:
                    yield from self._jsonl(path, str(path), prefix)
                else:
                    yield self._text_file(path, prefix)

    def _stdin(self) -> Iterator[Document | Failure]:
        stream = self.stdin if self.stdin is not None else sys.stdin.buffer
        forced = self.options.input_format
        if forced == "auto":
            head = stream.peek(256) if hasattr(stream, "peek") else b""
            forced = "jsonl" if head.lstrip().startswith(b"{") else "text"
        if forced == "jsonl":
            yield from self._jsonl(stream, "-", "stdin")
        else:
            try:
                yield Document("stdin", decode_text(stream.read(), "stdin", "-", self.options.max_chars), "-")
            except PersianNewsError as exc:
                yield Failure.of(exc, "stdin", "-", None)

    def _text_file(self, path: Path, doc_id: str) -> Document | Failure:
        where = str(path)
        try:
            size = path.stat().st_size
            if size > 4 * self.options.max_chars:  # no UTF-8 text of max_chars characters is this large
                raise TextTooLongError(f"{where}: file of {size:,} bytes is longer than the limit of "
                                       f"{self.options.max_chars:,} characters (--max-chars)")
            return Document(doc_id, decode_text(path.read_bytes(), doc_id, where, self.options.max_chars), where)
        except PersianNewsError as exc:
            return Failure.of(exc, doc_id, where, None)
        except OSError as exc:
            return Failure(doc_id, where, None, type(exc).__name__, f"{where}: cannot be read: {exc.strerror or exc}")

    def _jsonl(self, source: Path | IO[bytes], where: str, prefix: str) -> Iterator[Document | Failure]:
        number = 0
        try:
            opened = (gzip.open(source, "rb") if source.name.endswith(".gz") else source.open("rb")) \
                if isinstance(source, Path) else nullcontext(source)  # standard input stays open
            with opened as stream:
                for number, raw in enumerate(stream, 1):  # noqa: B007 - number is used after the loop
                    if raw.strip():
                        yield self._jsonl_line(raw, where, number, f"{prefix}:{number}")
        except (OSError, EOFError, zlib.error) as exc:
            line = number + 1
            yield Failure(f"{prefix}:{line}+", where, line, type(exc).__name__,
                          f"{where}:{line}: unreadable from this line on ({exc}); the rest of the file was not read")

    def _jsonl_line(self, raw: bytes, file: str, line: int, fallback_id: str) -> Document | Failure:
        obj = None
        try:
            try:
                obj = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                try:  # still name the document by its id if the rest of the line allows
                    obj = json.loads(raw.decode("utf-8", "replace"))
                except json.JSONDecodeError:
                    pass
                raise DocumentError(Errors.E006.format(path=f"{file}:{line}", offset=exc.start, problem=exc.reason)) from None
            except json.JSONDecodeError as exc:
                raise DocumentError(Errors.E002.format(path=file, line=line, problem=f"invalid JSON ({exc.msg})",
                                                       expected="one JSON object a line")) from None
            return document_from_object(obj, fallback_id, file, line, self.options)
        except PersianNewsError as exc:
            return Failure.of(exc, object_id(obj, self.options.id_field) or fallback_id, file, line)

    def count(self) -> int:
        """How many documents the inputs hold (a cheap pass: files and non-blank JSONL lines)."""
        total = 0
        for name in self.inputs:
            if name == "-":
                continue
            for path, _prefix, jsonl in self._files(name, note=False):
                if not jsonl:
                    total += 1
                    continue
                try:
                    with gzip.open(path, "rb") if path.name.endswith(".gz") else path.open("rb") as fh:
                        total += sum(1 for raw in fh if raw.strip())
                except (OSError, EOFError, zlib.error):
                    total += 1
        return total


def iter_documents(inputs: Sequence[str | os.PathLike], options: InputOptions = InputOptions(), *,
                   stdin: IO[bytes] | None = None) -> Iterator[Document | Failure]:
    """The documents of ``inputs`` (files, folders, ``-`` for standard input) in order: a
    :class:`Document` per text, a :class:`Failure` per input that cannot be one.

    Doc ids: a text file's name without ``.txt``; a file in a folder, its path relative to the
    folder; a JSONL line, its ``id_field`` or else ``<file>:<line>``; standard input, ``stdin``.
    """
    return iter(Corpus(inputs, options, stdin=stdin))


# ---------------------------------------------------------------------------------------------
# Annotation of one chunk (in a worker)
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class WorkerSettings:
    """What a worker needs: the format's renderer and the pipeline's settings."""

    render: Callable[[Any, dict], Any]
    gazetteers: tuple[str, ...] = ()
    max_chars: int = DEFAULT_MAX_CHARS
    reference_date: str | None = None  # for documents without their own


@dataclass(frozen=True)
class Annotated:
    """A document's rendered output and its counts."""

    doc_id: str
    payload: Any
    entities: int
    events: int
    size: int  # UTF-8 bytes of the text


@dataclass(frozen=True)
class ChunkResult:
    """What a worker sends back for a chunk."""

    results: list[Annotated | Failure]
    pid: int
    peak_rss: int  # bytes


_local = threading.local()


def worker_pipeline(gazetteers: tuple[str, ...] = (), max_chars: int = DEFAULT_MAX_CHARS) -> Language:
    """The pipeline of this process (or thread), loaded once per setting."""
    cache = _local.__dict__.setdefault("pipelines", {})
    key = (gazetteers, max_chars)
    if key not in cache:
        from .pipeline import load

        nlp = load(gazetteers=gazetteers)
        nlp.tokenizer.max_length = max_chars
        cache[key] = nlp
    return cache[key]


def annotate_document(nlp: Any, document: Document, render: Callable[[Any, dict], Any],
                      reference_date: str | None = None) -> Annotated | Failure:
    """Annotate one document and render it; any exception becomes a :class:`Failure`."""
    from .records import doc_record, parse_date

    try:
        doc = nlp.make_doc(document.text)
        doc.user_data["pnn_reference_date"] = parse_date(document.reference_date or reference_date)
        doc = nlp(doc)
        record = doc_record(doc, document.doc_id, document.source)
        payload = render(doc, record)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop a corpus
        if isinstance(exc, PersianNewsError):
            return Failure.of(exc, document.doc_id, document.file, document.line)
        reason = Errors.E005.format(doc_id=document.doc_id, problem=f"{document.where}: {type(exc).__name__}: {exc}")
        detail = "".join(traceback.format_exception(exc, limit=-4))
        return Failure(document.doc_id, document.file, document.line, type(exc).__name__, reason, detail)
    return Annotated(document.doc_id, payload, len(record["entities"]), len(record["events"]),
                     len(document.text.encode("utf-8")))


def _peak_rss() -> int:
    try:
        import resource
    except ImportError:  # Windows
        return 0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def annotate_chunk(settings: WorkerSettings, documents: list[Document]) -> ChunkResult:
    """Annotate a chunk of documents with this worker's pipeline (loaded on first use)."""
    nlp = worker_pipeline(settings.gazetteers, settings.max_chars)
    results = [annotate_document(nlp, d, settings.render, settings.reference_date) for d in documents]
    return ChunkResult(results, os.getpid(), _peak_rss())


# ---------------------------------------------------------------------------------------------
# Engines: where chunks run
# ---------------------------------------------------------------------------------------------

class _Job:
    """A submitted chunk; ``result()`` recovers from a crashed worker document by document."""

    def __init__(self, engine: _Engine, chunk: list[Document], future: Any, generation: int) -> None:
        self.engine, self.chunk, self.future, self.generation = engine, chunk, future, generation

    def result(self) -> ChunkResult:
        try:
            return self.future.result()
        except PersianNewsError:
            raise  # raised outside any document: the pipeline cannot load (a bad gazetteer …)
        except Exception as exc:  # noqa: BLE001 - a worker died or a task failed: isolate the culprit
            return self.engine.isolate(self.chunk, exc, self.generation)


class _Engine:
    """Runs chunks in this process, one document at a time."""

    slots = 1
    chunk_docs = 1
    chunk_chars = 1

    def __init__(self, settings: WorkerSettings) -> None:
        self.settings = settings
        self.generation = 0
        worker_pipeline(settings.gazetteers, settings.max_chars)  # fail before reading any input

    def _submit(self, chunk: list[Document]) -> Any:
        future: Future = Future()
        future.set_result(annotate_chunk(self.settings, chunk))
        return future

    def submit(self, chunk: list[Document]) -> _Job:
        return _Job(self, chunk, self._submit(chunk), self.generation)

    def isolate(self, chunk: list[Document], exc: BaseException, generation: int) -> ChunkResult:
        """Run each document of a failed chunk alone; a document that fails alone is the culprit."""
        results: list[Annotated | Failure] = []
        for document in chunk:
            try:
                results.extend(self._submit([document]).result().results)
            except PersianNewsError:
                raise
            except Exception as alone:  # noqa: BLE001
                self.restart()
                results.append(Failure(document.doc_id, document.file, document.line, type(alone).__name__,
                                       Errors.E005.format(doc_id=document.doc_id, problem=(
                                           f"{document.where}: the worker annotating it died or failed "
                                           f"({type(alone).__name__}: {alone}); out of memory?"))))
        return ChunkResult(results, os.getpid(), 0)

    def restart(self) -> None:
        return None

    def close(self) -> None:
        return None


class _PoolEngine(_Engine):
    """Worker processes (started fresh, not forked), each loading the pipeline once."""

    chunk_docs = 16
    chunk_chars = 16_000

    def __init__(self, settings: WorkerSettings, workers: int) -> None:
        self.settings = settings
        self.workers = workers
        self.slots = 2 * workers
        self.generation = 0
        self._start()

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_warm_up, initargs=(self.settings,))

    def _submit(self, chunk: list[Document]) -> Any:
        return self.pool.submit(annotate_chunk, self.settings, chunk)

    def isolate(self, chunk: list[Document], exc: BaseException, generation: int) -> ChunkResult:
        if generation == self.generation:
            self.restart()
        return super().isolate(chunk, exc, generation)

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.generation += 1
        self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _warm_up(settings: WorkerSettings) -> None:
    try:
        worker_pipeline(settings.gazetteers, settings.max_chars)
    except Exception:  # noqa: BLE001 - the first chunk raises it again, with its message
        pass


class _DaskEngine(_Engine):
    """Chunks as tasks on ``dask.distributed``: a scheduler address, a ``Client``, or a new ``LocalCluster``."""

    chunk_docs = 16
    chunk_chars = 16_000

    def __init__(self, settings: WorkerSettings, workers: int, scheduler: Any = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise OptionError(Errors.E003.format(name="engine", value="dask", options="local (or install "
                                                 "persian-news-nlp[dask] for dask)")) from None
        self.settings = settings
        self.generation = 0
        self.cluster = None
        if isinstance(scheduler, Client):
            self.client, self.own_client = scheduler, False
        else:
            if scheduler is None:
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
            self.client, self.own_client = Client(scheduler or self.cluster), True
        threads = sum(self.client.nthreads().values()) or workers
        self.slots = 2 * threads

    def _submit(self, chunk: list[Document]) -> Any:
        return self.client.submit(annotate_chunk, self.settings, chunk, pure=False)

    def close(self) -> None:
        if self.own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# ---------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------

class ErrorLog:
    """The errors file: one JSON object a line; with ``resume``, ``doc_id in log`` says whether it
    held that document when it was opened."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self.path = path
        self.ids: set[str] = set()
        path.parent.mkdir(parents=True, exist_ok=True)
        if resume and path.exists():
            data = path.read_bytes()
            keep = data.rfind(b"\n") + 1
            for line in data[:keep].splitlines():
                if line.strip():
                    self.ids.add(json.loads(line)["doc_id"])
            with path.open("r+b") as fh:
                fh.truncate(keep)
            self._file = path.open("a", encoding="utf-8")
        else:
            self._file = path.open("w", encoding="utf-8")

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.ids

    def write(self, failure: Failure) -> None:
        self._file.write(json.dumps(failure.record(), ensure_ascii=False) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


@dataclass
class Summary:
    """What a run did; ``documents == records + errors + already_done + already_failed``."""

    documents: int = 0
    records: int = 0
    errors: int = 0
    already_done: int = 0
    already_failed: int = 0
    entities: int = 0
    events: int = 0
    bytes: int = 0
    elapsed: float = 0.0
    worker_peak_rss: dict[int, int] = field(default_factory=dict)  # pid -> bytes
    ignored: list[str] = field(default_factory=list)
    errors_path: str = ""
    complete: bool = False

    @property
    def exit_code(self) -> int:
        """0 when every document has a record, 1 when some are in the errors file."""
        return 0 if self.errors == 0 and self.already_failed == 0 else 1

    def line(self) -> str:
        """The one-line summary printed at the end of a run."""
        seconds = max(self.elapsed, 1e-9)
        resumed = (f" + {self.already_done} already done + {self.already_failed} already failed"
                   if self.already_done or self.already_failed else "")
        errors = f" (see {self.errors_path})" if self.errors + self.already_failed and self.errors_path else ""
        return (f"{self.documents} documents = {self.records} records + {self.errors} errors{resumed}{errors}; "
                f"{self.entities} entities, {self.events} events; {self.elapsed:.1f} s, "
                f"{self.records / seconds:.1f} docs/s, {self.bytes / 1e3 / seconds:,.1f} kB/s"
                + ("" if self.complete else "; interrupted: finish with --resume"))


def default_errors_path(output: str | os.PathLike) -> Path:
    """``OUT.errors.jsonl`` beside ``OUT``."""
    output = Path(output)
    return output.with_name(output.name + ".errors.jsonl")


_OWN_FILES = (".txt", ".ann", ".spacy", ".conf", ".tmp")


def _prepare_outputs(output: Path, errors: Path, fmt: str, *, resume: bool, force: bool) -> None:
    """Refuse to overwrite without ``force``; with it, remove what an earlier run wrote."""
    folder = FORMATS[fmt].folder
    if output.exists() and output.is_dir() != folder:
        raise OptionError(Errors.E003.format(name="--output", value=str(output), options=(
            f"a folder for --format {fmt}" if folder else f"a file for --format {fmt}")))
    if resume:
        return
    checkpoint = output.with_name(output.name + ".checkpoint")
    for path in (output, errors, checkpoint):
        if path.exists() and not (path.is_dir() and not any(path.iterdir())) and not force:
            raise OptionError(Errors.E007.format(path=path))
    if output.is_dir():
        strangers = [p for p in output.rglob("*") if p.is_file() and p.suffix not in _OWN_FILES]
        if strangers:
            raise OptionError(Errors.E007.format(path=output) + f" (it holds {strangers[0]}, not written by annotate)")
        import shutil

        shutil.rmtree(output)
    elif output.exists():
        output.unlink()
    checkpoint.unlink(missing_ok=True)


def annotate_corpus(inputs: Sequence[str | os.PathLike], output: str | os.PathLike, *, format: str = "jsonl",
                    options: InputOptions = InputOptions(), errors: str | os.PathLike | None = None,
                    workers: int = 1, engine: str = "local", scheduler: Any = None,
                    reference_date: str | dt.date | None = None, gazetteers: Sequence[str | os.PathLike] = (),
                    resume: bool = False, force: bool = False, progress: bool = False,
                    stdin: IO[bytes] | None = None, shard_size: int = 1000) -> Summary:
    """Annotate ``inputs`` (see :func:`iter_documents`) into ``output`` in ``format``.

    ``workers``: processes (``0``: one per CPU; ``1``: this process). ``engine="dask"`` runs on
    ``scheduler`` (an address or a ``distributed.Client``) or on a new ``LocalCluster`` of
    ``workers`` processes. ``reference_date`` is used for documents without a ``pub_date``.
    ``resume`` keeps what ``output`` and the errors file hold and annotates the rest; without it an
    existing ``output`` is an error unless ``force``. Returns the :class:`Summary`.
    """
    from .records import parse_date

    check_option("format", format, tuple(FORMATS))
    check_option("engine", engine, ENGINES)
    if scheduler is not None and engine != "dask":
        raise OptionError(Errors.E003.format(name="engine", value=engine, options="dask (a scheduler was given)"))
    if resume and force:
        raise OptionError(Errors.E003.format(name="resume/force", value="both", options="--resume or --force"))
    workers = workers or os.cpu_count() or 1
    output = Path(output)
    errors_path = Path(errors) if errors else default_errors_path(output)
    for gazetteer in gazetteers:
        if not Path(gazetteer).exists():
            raise OptionError(Errors.E004.format(path=gazetteer))
    reference = parse_date(reference_date)
    checkpoint = output.with_name(output.name + ".checkpoint")
    corpus = Corpus(inputs, options, stdin=stdin, exclude=(output, errors_path, checkpoint))
    settings = WorkerSettings(FORMATS[format].render, tuple(str(Path(g).resolve()) for g in gazetteers),
                              options.max_chars, reference.isoformat() if reference else None)
    _prepare_outputs(output, errors_path, format, resume=resume, force=force)

    started = time.perf_counter()
    if engine == "dask":
        runner: _Engine = _DaskEngine(settings, workers, scheduler)
    elif workers > 1:
        runner = _PoolEngine(settings, workers)
    else:
        runner = _Engine(settings)
    writer = open_writer(format, output, resume=resume, shard_size=shard_size)
    error_log = ErrorLog(errors_path, resume=resume)
    summary = Summary(errors_path=str(errors_path))
    bar = None
    if progress:
        from tqdm import tqdm

        total = corpus.count() - len(writer) - len(error_log.ids) if "-" not in corpus.inputs else None
        bar = tqdm(total=max(total, 0) if total is not None else None, unit="doc", file=sys.stderr,
                   dynamic_ncols=True, smoothing=0.05)
    try:
        _run(corpus, runner, writer, error_log, summary, bar)
        summary.complete = True
    finally:
        summary.elapsed = time.perf_counter() - started
        summary.ignored = [str(p) for p in corpus.ignored]
        if bar is not None:
            bar.close()
        writer.close(summary.complete)
        error_log.close()
        runner.close()
    return summary


def _run(corpus: Corpus, engine: _Engine, writer: Writer, error_log: ErrorLog, summary: Summary,
         bar: Any) -> None:
    """Submit chunks, keep ``engine.slots`` of them in flight, and commit results in input order."""
    queue: deque[_Job | Failure] = deque()
    in_flight = 0

    def commit() -> None:
        nonlocal in_flight
        head = queue.popleft()
        if isinstance(head, Failure):
            results: list[Annotated | Failure] = [head]
        else:
            in_flight -= 1
            outcome = head.result()
            results = outcome.results
            if outcome.peak_rss:
                summary.worker_peak_rss[outcome.pid] = max(outcome.peak_rss, summary.worker_peak_rss.get(outcome.pid, 0))
        for result in results:
            if isinstance(result, Failure):
                error_log.write(result)
                summary.errors += 1
            else:
                writer.write(result.doc_id, result.payload)
                summary.records += 1
                summary.entities += result.entities
                summary.events += result.events
                summary.bytes += result.size
        if bar is not None:
            bar.update(len(results))

    chunk: list[Document] = []
    chars = 0

    def submit() -> None:
        nonlocal chunk, chars, in_flight
        if chunk:
            queue.append(engine.submit(chunk))
            in_flight += 1
            chunk, chars = [], 0

    for item in corpus:
        summary.documents += 1
        # what a resumed run holds already (a failure, e.g. a repeated id, is looked up in the errors first)
        first, second = (error_log, writer) if isinstance(item, Failure) else (writer, error_log)
        held = first if item.doc_id in first else second if item.doc_id in second else None
        if held is not None:
            if held is writer:
                summary.already_done += 1
            else:
                summary.already_failed += 1
            continue
        if isinstance(item, Failure):
            submit()
            queue.append(item)
        else:
            chunk.append(item)
            chars += len(item.text)
            if len(chunk) >= engine.chunk_docs or chars >= engine.chunk_chars:
                submit()
        while queue and (isinstance(queue[0], Failure) or in_flight >= engine.slots):
            commit()
    submit()
    while queue:
        commit()


# ---------------------------------------------------------------------------------------------
# Dask collections
# ---------------------------------------------------------------------------------------------

def _render_record(doc: Any, record: dict) -> dict:
    return record


def _render_rows(doc: Any, record: dict) -> list[dict[str, str]]:
    return event_rows(record, doc.text)


def annotate_partition(items: Iterable[str | dict], *, output: str = "records", text_field: str = "text",
                       id_field: str | None = "id", source_fields: Mapping[str, str] = DEFAULT_SOURCE_FIELDS,
                       reference_date: str | None = None, gazetteers: Sequence[str] = (),
                       max_chars: int = DEFAULT_MAX_CHARS) -> list[dict]:
    """Annotate one partition of texts (strings, or dicts with ``text_field``) on this worker.

    ``output="records"``: one document record per item, or for an item that fails a
    ``{"doc_id", "file", "line", "error", "reason"}`` object (it has an ``"error"`` key);
    ``output="events"``: the rows of :func:`~persian_news_nlp.formats.event_rows` (failures
    leave no row). Use it with ``bag.map_partitions(annotate_partition, ...)``.
    """
    check_option("output", output, ("records", "events"))
    options = InputOptions(text_field, id_field, source_fields, "auto", max_chars)
    nlp = worker_pipeline(tuple(gazetteers), max_chars)
    render = _render_record if output == "records" else _render_rows
    out: list[dict] = []
    for item in items:
        obj = {text_field: item} if isinstance(item, str) else item
        try:
            document = document_from_object(obj, None, None, None, options)
        except PersianNewsError as exc:
            result: Annotated | Failure = Failure.of(exc, object_id(obj, id_field), None, None)  # type: ignore[arg-type]
        else:
            result = annotate_document(nlp, document, render, reference_date)
        if isinstance(result, Failure):
            if output == "records":
                out.append(result.record())
        elif output == "records":
            out.append(result.payload)
        else:
            out.extend(result.payload)
    return out


def annotate_bag(bag: Any, **options: Any) -> Any:
    """A Dask bag of document records from a bag of texts or of dicts (see :func:`annotate_partition`
    for ``options``); each worker loads the pipeline once."""
    # bound with partial: dask's own keywords (``output``…) must not meet ours
    return bag.map_partitions(functools.partial(annotate_partition, **options))


def annotate_dataframe(df: Any, *, text_column: str = "text", id_column: str | None = None, **options: Any) -> Any:
    """A Dask bag of document records from a Dask DataFrame with a text column (needs pandas)."""
    return annotate_bag(df.to_bag(index=False, format="dict"), text_field=text_column, id_field=id_column, **options)


def event_table(texts: Any, **options: Any) -> Any:
    """The flat event table (``formats.EVENT_COLUMNS``) of a bag of texts as a Dask DataFrame (needs pandas)."""
    from .formats import EVENT_COLUMNS

    rows = annotate_bag(texts, output="events", **options)
    return rows.to_dataframe(meta={column: "object" for column in EVENT_COLUMNS})


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------

def _source_fields(value: str) -> dict[str, str]:
    """``publisher,url`` or ``url=link,pub_date=published`` as a name → field map."""
    pairs = [part.strip().partition("=") for part in value.split(",") if part.strip()]
    return {name: (key or name) for name, _, key in pairs}


def cmd_annotate(args: argparse.Namespace) -> int:
    """``persian-news-nlp annotate``: see ``--help``."""
    options = InputOptions(args.text_field, args.id_field or None, _source_fields(args.source_fields),
                           args.input_format, args.max_chars)
    progress = not args.quiet and sys.stderr.isatty()
    try:
        summary = annotate_corpus(args.inputs, args.output, format=args.format, options=options, errors=args.errors,
                                  workers=args.workers, engine=args.engine or ("dask" if args.scheduler else "local"),
                                  scheduler=args.scheduler,
                                  reference_date=args.reference_date, gazetteers=args.gazetteer or (),
                                  resume=args.resume, force=args.force, progress=progress)
    except KeyboardInterrupt:
        print("persian-news-nlp annotate: interrupted; what was written is whole: finish with --resume",
              file=sys.stderr)
        return 130
    if summary.ignored and not args.quiet:
        print(f"persian-news-nlp annotate: ignored {len(summary.ignored)} files that are not .txt, .jsonl or "
              f".jsonl.gz (e.g. {summary.ignored[0]})", file=sys.stderr)
    print(f"persian-news-nlp annotate: {summary.line()}", file=sys.stderr)
    return summary.exit_code


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``annotate`` command to the CLI."""
    p = sub.add_parser("annotate", help="annotate a corpus into jsonl, CoNLL, brat, DocBin or an events table",
                       description="Annotate text files, folders and JSONL files; failed documents go to the errors "
                                   "file. Exit codes: 0 every document annotated, 1 some in the errors file, "
                                   "2 bad usage, a missing input or an output that cannot be written.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt files, folders (searched recursively), .jsonl/.jsonl.gz files, or - for standard input")
    p.add_argument("--output", "-o", required=True, metavar="OUT", help="output file (a folder for brat and docbin)")
    p.add_argument("--format", "-f", choices=tuple(FORMATS), default="jsonl", help="output format (default jsonl)")
    p.add_argument("--workers", "-w", type=int, default=1, metavar="N",
                   help="worker processes, each loading the pipeline once (0: one per CPU; default 1)")
    p.add_argument("--errors", metavar="PATH", help="errors file (default OUT.errors.jsonl)")
    again = p.add_mutually_exclusive_group()
    again.add_argument("--resume", action="store_true",
                       help="keep what OUT and the errors file hold and annotate only the other documents")
    again.add_argument("--force", action="store_true", help="replace an existing OUT and errors file")
    p.add_argument("--engine", choices=ENGINES, help="local processes, or dask.distributed (default: dask with "
                                                      "--scheduler, else local)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="dask scheduler address (default with --engine dask: a local cluster of --workers)")
    p.add_argument("--reference-date", metavar="YYYY-MM-DD",
                   help="for relative and year-less dates of documents without a pub_date (default: today)")
    p.add_argument("--gazetteer", action="append", metavar="PATH", help="user gazetteer file or folder (repeatable)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar or notes; the summary line stays")
    p.add_argument("--text-field", default="text", help="JSONL field of the text (default text)")
    p.add_argument("--id-field", default="id", help="JSONL field of the doc id (default id; '' for FILE:LINE ids)")
    p.add_argument("--source-fields", default=",".join(DEFAULT_SOURCE_FIELDS), metavar="NAME[=FIELD],...",
                   help="JSONL fields copied into the record's source (default publisher,url,title,pub_date); "
                        "pub_date is the document's reference date")
    p.add_argument("--input-format", choices=INPUT_FORMATS, default="auto",
                   help="how named files and stdin are read (default: by suffix; stdin is JSONL if it starts with {)")
    p.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, metavar="N",
                   help=f"longer texts go to the errors file (default {DEFAULT_MAX_CHARS:,})")
    p.set_defaults(func=cmd_annotate)
