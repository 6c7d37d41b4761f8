"""Output formats of ``persian-news-nlp annotate``: renderers, crash-safe writers and readers.

Five formats, each with a reader so that output can be checked and reused:

============  =========  =================================================================
name          OUT is     content
============  =========  =================================================================
jsonl         a file     one document record a line (``records.md``)
conll         a file     ``TOKEN<TAB>START<TAB>END<TAB>TAG`` lines, BIO tags of the top-level
                         entities, a blank line after each sentence, ``-DOCSTART-<TAB>doc_id``
                         before each document
brat          a folder   ``<doc_id>.txt`` + ``<doc_id>.ann`` standoff per document and an
                         ``annotation.conf``: entities (nested ones too), relations, events
                         with their participants, modality attributes, gazetteer ids as notes
docbin        a folder   spaCy ``DocBin`` shards ``part-NNNNN.spacy`` (tokens, norms,
                         sentences, entities with ``kb_id_``, all mentions in
                         ``doc.spans["pnn_mentions"]``, ``user_data["doc_id"]`` and the
                         record as JSON text in ``user_data["pnn_record"]``);
                         ``spacy.training.Corpus(OUT)`` reads the folder as it is
events-csv    a file     the flat event table of ``records.md``, header row included
============  =========  =================================================================

Work is split so that processes can share it: a *renderer* turns an annotated ``Doc`` and its
record into a picklable payload (in a worker), a *writer* appends payloads to OUT (in the main
process). Writers never leave a partial record behind a killed run: the single-file formats
append each document with one write and log its end offset in ``OUT.checkpoint`` afterwards,
so that a resumed run cuts the file back to the last logged offset; the folder formats write
each file under a temporary name and rename it. ``OUT.checkpoint`` exists only while a run is
unfinished.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from .errors import DocumentError, Errors, check_option

ENTITY_LABELS = ("PER", "LOC", "ORG", "ROLE", "DATE")
EVENT_COLUMNS = ("doc_id", "event_id", "date", "event_type", "mode", "actor", "actor_country", "recipient",
                 "recipient_country", "location", "trigger", "modality", "sentence")
DOCSTART = "-DOCSTART-"
MENTIONS_KEY = "pnn_mentions"  # doc.spans key of all mentions in DocBin output
SEPARATOR = " | "              # between several actors (or countries) in one CSV cell


# ---------------------------------------------------------------------------------------------
# Renderers: annotated Doc + record -> payload (run in the workers)
# ---------------------------------------------------------------------------------------------

def render_jsonl(doc: Doc, record: dict) -> bytes:
    """One JSON line."""
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


class ConllToken(NamedTuple):
    """One CoNLL line: a whitespace-free piece of the raw text and its BIO tag."""

    text: str
    start: int
    end: int
    tag: str


_NON_SPACE = re.compile(r"\S+")


def conll_tokens(doc: Doc) -> list[ConllToken]:
    """The doc's tokens as CoNLL tokens, tagged BIO from ``doc.ents``.

    A token the normaliser joined across a space (``می کنیم``) becomes one CoNLL token per
    whitespace-free piece, so that columns stay whitespace-free and offsets stay exact.
    """
    pieces = [(m.group(), t.idx + m.start(), t.idx + m.end()) for t in doc if not t.is_space
              for m in _NON_SPACE.finditer(t.text)]
    tags = ["O"] * len(pieces)
    starts = [p[1] for p in pieces]
    for ent in doc.ents:
        first = bisect_left(starts, ent.start_char)
        for k in range(first, len(pieces)):
            if pieces[k][1] >= ent.end_char:
                break
            tags[k] = ("B-" if k == first else "I-") + ent.label_
    return [ConllToken(text, start, end, tag) for (text, start, end), tag in zip(pieces, tags)]


def render_conll(doc: Doc, record: dict) -> bytes:
    """A ``-DOCSTART-`` line, then one block of token lines per sentence."""
    tokens = conll_tokens(doc)
    starts = [t.start for t in tokens]
    out = [f"{DOCSTART}\t{_one_line(record['doc_id'] or '')}\n\n"]
    for sent in record["sentences"]:
        lo, hi = bisect_left(starts, sent["start"]), bisect_left(starts, sent["end"])
        if hi > lo:
            out.extend(f"{t.text}\t{t.start}\t{t.end}\t{t.tag}\n" for t in tokens[lo:hi])
            out.append("\n")
    return "".join(out).encode("utf-8")


def _one_line(value: str) -> str:
    return re.sub(r"[\t\r\n]+", " ", value)


def _participants(people: list[dict], key: str) -> str:
    values = [p.get(key) if key == "country" else (p.get("canonical_name") or p["text"]) for p in people]
    return SEPARATOR.join(dict.fromkeys(v for v in values if v))


def event_rows(record: dict, text: str) -> list[dict[str, str]]:
    """The rows of the flat event table (``EVENT_COLUMNS``) for one document record.

    Actors and recipients are their canonical names when the gazetteer knows them, else their
    text; several are joined by `` | ``. ``sentence`` is the raw text of the event's first sentence.

    >>> record = {"doc_id": "d1", "sentences": [{"id": 0, "start": 0, "end": 12, "boilerplate": False}],
    ...           "events": [{"id": "E0", "event_type": "CONSULT", "mode": ["visit"], "date": None,
    ...                       "actor": [{"text": "وزیر", "canonical_name": None, "country": "IRN"}],
    ...                       "recipient": [], "location": None, "trigger": {"text": "سفر"},
    ...                       "modality": "asserted", "sentence_ids": [0]}]}
    >>> row = event_rows(record, "وزیر سفر کرد.")[0]
    >>> row["actor"], row["actor_country"], row["sentence"]
    ('وزیر', 'IRN', 'وزیر سفر کرد')
    """
    sentences = {s["id"]: text[s["start"]:s["end"]] for s in record["sentences"]}
    rows = []
    for event in record["events"]:
        ids = event.get("sentence_ids") or []
        rows.append({
            "doc_id": record["doc_id"] or "",
            "event_id": event["id"],
            "date": (event.get("date") or {}).get("value") or "",
            "event_type": event["event_type"],
            "mode": SEPARATOR.join(event.get("mode") or []),
            "actor": _participants(event["actor"], "name"),
            "actor_country": _participants(event["actor"], "country"),
            "recipient": _participants(event["recipient"], "name"),
            "recipient_country": _participants(event["recipient"], "country"),
            "location": (event.get("location") or {}).get("text") or "",
            "trigger": event["trigger"]["text"],
            "modality": event["modality"],
            "sentence": sentences.get(ids[0], "") if ids else "",
        })
    return rows


def _csv_text(rows: list[dict[str, str]], header: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=EVENT_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def render_events_csv(doc: Doc, record: dict) -> bytes:
    """The CSV rows of the document's events (none for a document without events)."""
    return _csv_text(event_rows(record, doc.text)).encode("utf-8")


class _BratAnnotation:
    """Builds one ``.ann`` file: textbounds are shared by entities, triggers and participants."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self.bounds: dict[tuple[int, int, str], str] = {}
        self.counts = {"T": 0, "R": 0, "E": 0, "A": 0, "#": 0}

    def _next(self, kind: str) -> str:
        self.counts[kind] += 1
        return f"{kind}{self.counts[kind]}"

    def textbound(self, label: str, start: int, end: int) -> str:
        key = (start, end, label)
        if key not in self.bounds:
            tid = self.bounds[key] = self._next("T")
            fragments = brat_fragments(self.text, start, end)
            where = ";".join(f"{s} {e}" for s, e in fragments)
            surface = " ".join(self.text[s:e] for s, e in fragments)
            self.lines.append(f"{tid}\t{label} {where}\t{surface}")
        return self.bounds[key]

    def participant(self, item: dict, entity_labels: dict[tuple[int, int], str], fallback: str) -> str:
        """The textbound of an entity with these offsets, or a new ``fallback`` one."""
        label = entity_labels.get((item["start"], item["end"]), fallback)
        return self.textbound(label, item["start"], item["end"])

    def add(self, kind: str, body: str) -> str:
        ident = self._next(kind)
        self.lines.append(f"{ident}\t{body}")
        return ident


def brat_fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start``–``end`` cut at line breaks, as brat wants multi-line spans.

    >>> brat_fragments("ab\\ncd", 0, 5)
    [(0, 2), (3, 5)]
    """
    pieces = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^\r\n]+", text[start:end])]
    return pieces or [(start, end)]


def render_brat(doc: Doc, record: dict) -> tuple[str, str]:
    """The ``.txt`` (the raw text) and ``.ann`` contents of one document."""
    ann = _BratAnnotation(doc.text)
    by_id: dict[str, str] = {}
    entity_labels: dict[tuple[int, int], str] = {}
    for e in record["entities"]:
        by_id[e["id"]] = tid = ann.textbound(e["label"], e["start"], e["end"])
        entity_labels.setdefault((e["start"], e["end"]), e["label"])
        notes = {"entity_id": e.get("entity_id"), "canonical_name": e.get("canonical_name"), "value": e.get("value")}
        note = "; ".join(f"{k}={_one_line(str(v))}" for k, v in notes.items() if v)
        if note:
            ann.add("#", f"AnnotatorNotes {tid}\t{note}")
    for r in record["relations"]:
        if r["head"] in by_id and r["tail"] in by_id:
            ann.add("R", f"{r['type']} Arg1:{by_id[r['head']]} Arg2:{by_id[r['tail']]}")
    for event in record["events"]:
        trigger = ann.textbound(event["event_type"], event["trigger"]["start"], event["trigger"]["end"])
        args: list[tuple[str, str]] = [("Actor", ann.participant(p, entity_labels, "Participant")) for p in event["actor"]]
        args += [("Recipient", ann.participant(p, entity_labels, "Participant")) for p in event["recipient"]]
        if event.get("location"):
            args.append(("Location", ann.participant(event["location"], entity_labels, "Participant")))
        args += [(re.sub(r"\W", "", a["role"]) or "Argument", ann.participant(a, entity_labels, "Argument"))
                 for a in event.get("arguments") or [] if a.get("start") is not None and a.get("end") is not None]
        seen: dict[str, int] = {}
        parts = []
        for role, tid in args:
            seen[role] = seen.get(role, 0) + 1
            parts.append(f"{role}{seen[role] if seen[role] > 1 else ''}:{tid}")
        eid = ann.add("E", " ".join([f"{event['event_type']}:{trigger}", *parts]))
        ann.add("A", f"Modality {eid} {event['modality']}")
        if event.get("boilerplate"):
            ann.add("A", f"Boilerplate {eid}")
    return doc.text, "".join(line + "\n" for line in ann.lines)


def render_docbin(doc: Doc, record: dict) -> bytes:
    """A one-document ``DocBin`` with a clean copy of the doc (no pipeline internals)."""
    clean = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                sent_starts=[bool(t.is_sent_start) for t in doc])
    for token, original in zip(clean, doc):
        token.norm_ = original.norm_
    clean.ents = [Span(clean, e.start, e.end, label=e.label_, kb_id=e._.entity_id or "") for e in doc.ents]
    mentions = []
    for e in record["entities"]:
        span = clean.char_span(e["start"], e["end"], label=e["label"], kb_id=e.get("entity_id") or "")
        if span is not None:
            mentions.append(span)
    clean.spans[MENTIONS_KEY] = mentions
    clean.user_data["doc_id"] = record["doc_id"]
    clean.user_data["pnn_record"] = json.dumps(record, ensure_ascii=False)  # msgpack would turn lists into tuples
    return DocBin(store_user_data=True, docs=[clean]).to_bytes()


# ---------------------------------------------------------------------------------------------
# Writers (main process)
# ---------------------------------------------------------------------------------------------

class Writer(Protocol):
    """Where payloads go; ``doc_id in writer`` says whether OUT held that document when it was
    opened (a resumed run skips it), ``len(writer)`` how many it held."""

    def __contains__(self, doc_id: object) -> bool: ...
    def __len__(self) -> int: ...
    def write(self, doc_id: str, payload: Any) -> None: ...
    def close(self, complete: bool) -> None: ...


def _truncate_to_last_line(path: Path) -> bytes:
    """Cut ``path`` after its last newline (a killed writer's partial line) and return the content."""
    data = path.read_bytes()
    keep = data.rfind(b"\n") + 1
    if keep < len(data):
        with path.open("r+b") as fh:
            fh.truncate(keep)
    return data[:keep]


class StreamWriter:
    """Appends each document's payload to one file, logging its end offset in ``OUT.checkpoint``."""

    def __init__(self, path: Path, *, header: bytes, scan_ids: Callable[[Path], set[str]], resume: bool) -> None:
        self.path = path
        self.checkpoint = path.with_name(path.name + ".checkpoint")
        self.ids: set[str] = set()
        end: int | None = None
        if resume and path.exists():
            if self.checkpoint.exists():
                end = 0
                for line in _truncate_to_last_line(self.checkpoint).splitlines():
                    entry = json.loads(line)
                    end = entry["end"]
                    if entry.get("doc_id") is not None:
                        self.ids.add(entry["doc_id"])
                end = end if end >= len(header) else None
                if end is not None:
                    with path.open("r+b") as fh:
                        fh.truncate(end)
            else:  # a finished run: its content says which documents it holds
                self.ids = scan_ids(path)
                end = path.stat().st_size
        if end is None:  # a fresh file
            path.write_bytes(header)
            end = len(header)
            self.ids = set()
        self._file = path.open("ab")
        self._log = self.checkpoint.open("w" if not self.ids else "a", encoding="utf-8")
        self._log_entry(None, end)

    def _log_entry(self, doc_id: str | None, end: int) -> None:
        self._log.write(json.dumps({"doc_id": doc_id, "end": end}, ensure_ascii=False) + "\n")
        self._log.flush()

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.ids

    def __len__(self) -> int:
        return len(self.ids)

    def write(self, doc_id: str, payload: bytes) -> None:
        self._file.write(payload)
        self._file.flush()
        self._log_entry(doc_id, self._file.tell())

    def close(self, complete: bool) -> None:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        self._log.close()
        if complete:
            self.checkpoint.unlink(missing_ok=True)


def _atomic_write(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


_UNSAFE = re.compile(r"[^\w\-.\u200c]+")


def brat_name(doc_id: str) -> str:
    """A relative file name (without suffix) for a document id; ids that are not safe file names
    get a hash suffix so that two ids never share a file.

    >>> brat_name("politics/1403-08-01")
    'politics/1403-08-01'
    >>> brat_name("../a b")[:8]
    '_/a_b~3f'
    """
    parts = [_UNSAFE.sub("_", part).lstrip(".") or "_" for part in doc_id.split("/")]
    name = "/".join(parts)
    if name != doc_id:
        name += "~" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:8]
    return name


BRAT_CONF = """# written by persian-news-nlp annotate --format brat
[entities]
{entities}
Participant
Argument
[relations]
HAS_ROLE Arg1:<ENTITY>, Arg2:<ENTITY>
AFFILIATED_WITH Arg1:<ENTITY>, Arg2:<ENTITY>
LOCATED_IN Arg1:<ENTITY>, Arg2:<ENTITY>
HEAD_OF Arg1:<ENTITY>, Arg2:<ENTITY>
MEMBER_OF Arg1:<ENTITY>, Arg2:<ENTITY>
[events]
{events}
[attributes]
Modality Arg:<EVENT>, Value:asserted|negated|future|hypothetical|historical|reported
Boilerplate Arg:<EVENT>
"""
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


class BratWriter:
    """Writes ``<name>.txt`` then ``<name>.ann`` per document; a document is done once its ``.ann`` exists."""

    def __init__(self, folder: Path, *, resume: bool) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.rglob(".*.tmp"):
            stale.unlink()
        conf = folder / "annotation.conf"
        if not conf.exists():
            events = "\n".join(f"{t} Actor*:<ENTITY>, Recipient*:<ENTITY>, Location?:<ENTITY>" for t in PLOVER_TYPES)
            _atomic_write(conf, BRAT_CONF.format(entities="\n".join(ENTITY_LABELS), events=events).encode("utf-8"))
        self.names = {p.relative_to(folder).with_suffix("").as_posix() for p in folder.rglob("*.ann")} if resume else set()

    def _path(self, doc_id: str, suffix: str) -> Path:
        return self.folder / (brat_name(doc_id) + suffix)

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, str) and brat_name(doc_id) in self.names

    def __len__(self) -> int:
        return len(self.names)

    def write(self, doc_id: str, payload: tuple[str, str]) -> None:
        text, ann = payload
        txt_path = self._path(doc_id, ".txt")
        txt_path.parent.mkdir(parents=True, exist_ok=True)
        _atomic_write(txt_path, text.encode("utf-8"))
        _atomic_write(self._path(doc_id, ".ann"), ann.encode("utf-8"))

    def close(self, complete: bool) -> None:
        return None


class DocBinWriter:
    """Collects one-document DocBins into shards of ``shard_size`` documents, each renamed into place."""

    def __init__(self, folder: Path, *, resume: bool, shard_size: int = 1000) -> None:
        self.folder = folder
        self.shard_size = shard_size
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob(".*.tmp"):
            stale.unlink()
        shards = sorted(folder.glob("part-*.spacy"))
        self.ids: set[str] = set()
        if resume:
            for doc in read_docbin(folder, Vocab()):
                self.ids.add(doc.user_data.get("doc_id"))
        self.next_shard = 1 + max((int(p.stem.split("-")[1]) for p in shards), default=-1)
        self.pending = DocBin(store_user_data=True)
        self.pending_ids: list[str] = []

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self.ids

    def __len__(self) -> int:
        return len(self.ids)

    def write(self, doc_id: str, payload: bytes) -> None:
        self.pending.merge(DocBin(store_user_data=True).from_bytes(payload))
        self.pending_ids.append(doc_id)
        if len(self.pending_ids) >= self.shard_size:
            self._flush()

    def _flush(self) -> None:
        if self.pending_ids:
            _atomic_write(self.folder / f"part-{self.next_shard:05d}.spacy", self.pending.to_bytes())
            self.next_shard += 1
            self.pending = DocBin(store_user_data=True)
            self.pending_ids = []

    def close(self, complete: bool) -> None:
        self._flush()  # documents in memory are whole: keep them even after an interruption


# ---------------------------------------------------------------------------------------------
# Readers
# ---------------------------------------------------------------------------------------------

def _open_text(path: Path) -> io.TextIOBase:
    if path.name.endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def read_jsonl(path: str | os.PathLike) -> Iterator[dict]:
    """The document records of a ``jsonl`` (or ``.jsonl.gz``) output, one dict a line."""
    path = Path(path)
    with _open_text(path) as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise DocumentError(Errors.E002.format(path=path, line=number, problem=f"invalid JSON ({exc.msg})",
                                                           expected="one document record a line")) from None


@dataclass
class ConllDocument:
    """One document read back from CoNLL: sentences of tokens and the entity spans of their tags."""

    doc_id: str
    sentences: list[list[ConllToken]] = field(default_factory=list)

    @property
    def entities(self) -> list[tuple[int, int, str]]:
        """``(start, end, label)`` of each BIO chunk; an ``I-`` after another label starts a chunk."""
        spans: list[list[Any]] = []
        for sentence in self.sentences:
            previous = "O"
            for token in sentence:
                prefix, _, label = token.tag.partition("-")
                if prefix == "B" or (prefix == "I" and previous[2:] != label):
                    spans.append([token.start, token.end, label])
                elif prefix == "I":
                    spans[-1][1] = token.end
                previous = token.tag
        return [tuple(s) for s in spans]  # type: ignore[misc]


def read_conll(path: str | os.PathLike) -> Iterator[ConllDocument]:
    """The documents of a ``conll`` output."""
    path = Path(path)
    current: ConllDocument | None = None
    sentence: list[ConllToken] = []
    with _open_text(path) as fh:
        for number, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if line and not line.startswith(DOCSTART):
                columns = line.split("\t")
                if len(columns) != 4 or current is None or not (columns[3] == "O" or columns[3][:2] in ("B-", "I-")):
                    raise DocumentError(Errors.E002.format(path=path, line=number, problem=f"unexpected line {line!r}",
                                                           expected="-DOCSTART- first, then TOKEN, START, END, BIO TAG"))
                sentence.append(ConllToken(columns[0], int(columns[1]), int(columns[2]), columns[3]))
                continue
            if sentence and current is not None:
                current.sentences.append(sentence)
            sentence = []
            if line:  # the next document
                if current is not None:
                    yield current
                current = ConllDocument(line.partition("\t")[2])
    if sentence and current is not None:
        current.sentences.append(sentence)
    if current is not None:
        yield current


class BratSpan(NamedTuple):
    """A brat textbound: ``start``/``end`` span its fragments."""

    id: str
    label: str
    start: int
    end: int
    text: str


@dataclass
class BratDocument:
    """One ``.txt``/``.ann`` pair read back."""

    doc_id: str
    text: str
    spans: list[BratSpan] = field(default_factory=list)
    relations: list[tuple[str, str, str, str]] = field(default_factory=list)   # id, type, arg1, arg2
    events: list[tuple[str, str, str, list[tuple[str, str]]]] = field(default_factory=list)  # id, type, trigger, args
    attributes: list[tuple[str, str, str, str | None]] = field(default_factory=list)  # id, name, target, value
    notes: dict[str, str] = field(default_factory=dict)  # textbound id -> note

    @property
    def entities(self) -> list[BratSpan]:
        """The textbounds that are entity mentions (``PER``, ``LOC``, ``ORG``, ``ROLE``, ``DATE``)."""
        return [s for s in self.spans if s.label in ENTITY_LABELS]


def _parse_ann(path: Path, doc: BratDocument) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            ident, body, *rest = line.split("\t")
            kind = ident[0]
            if kind == "T":
                label, _, where = body.partition(" ")
                bounds = [tuple(map(int, frag.split())) for frag in where.split(";")]
                doc.spans.append(BratSpan(ident, label, bounds[0][0], bounds[-1][1], rest[0] if rest else ""))
            elif kind == "R":
                rtype, arg1, arg2 = body.split()
                doc.relations.append((ident, rtype, arg1.split(":")[1], arg2.split(":")[1]))
            elif kind == "E":
                head, *args = body.split()
                etype, trigger = head.split(":")
                doc.events.append((ident, etype, trigger, [tuple(a.split(":")) for a in args]))  # type: ignore[misc]
            elif kind == "A":
                name, target, *value = body.split()
                doc.attributes.append((ident, name, target, value[0] if value else None))
            elif kind == "#":
                doc.notes[body.split()[1]] = rest[0] if rest else ""
        except (ValueError, IndexError):
            raise DocumentError(Errors.E002.format(path=path, line=number, problem=f"unreadable annotation {line!r}",
                                                   expected="brat standoff (T, R, E, A or # lines)")) from None


def read_brat(folder: str | os.PathLike) -> Iterator[BratDocument]:
    """The documents of a ``brat`` output folder, in file-name order; ``doc_id`` is the relative
    path without ``.ann`` (the document id itself unless :func:`brat_name` had to change it)."""
    folder = Path(folder)
    for ann in sorted(folder.rglob("*.ann")):
        name = ann.relative_to(folder).with_suffix("").as_posix()
        with ann.with_suffix(".txt").open(encoding="utf-8", newline="") as fh:
            doc = BratDocument(name, fh.read())
        _parse_ann(ann, doc)
        yield doc


def read_docbin(path: str | os.PathLike, vocab: Vocab) -> Iterator[Doc]:
    """The docs of a ``docbin`` output (a folder of shards, or one ``.spacy`` file), in order."""
    path = Path(path)
    for shard in sorted(path.glob("part-*.spacy")) if path.is_dir() else [path]:
        yield from DocBin().from_disk(shard).get_docs(vocab)


def read_events_csv(path: str | os.PathLike) -> list[dict[str, str]]:
    """The rows of an ``events-csv`` output; the header must be ``EVENT_COLUMNS``."""
    path = Path(path)
    with _open_text(path) as fh:
        reader = csv.DictReader(fh)
        if tuple(reader.fieldnames or ()) != EVENT_COLUMNS:
            raise DocumentError(Errors.E002.format(path=path, line=1, problem=f"header {reader.fieldnames}",
                                                   expected=", ".join(EVENT_COLUMNS)))
        return list(reader)


# ---------------------------------------------------------------------------------------------
# The registry
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Format:
    """A format: how workers render a document, and whether OUT is a folder."""

    name: str
    render: Callable[[Doc, dict], Any]
    folder: bool


FORMATS = {
    "jsonl": Format("jsonl", render_jsonl, False),
    "conll": Format("conll", render_conll, False),
    "brat": Format("brat", render_brat, True),
    "docbin": Format("docbin", render_docbin, True),
    "events-csv": Format("events-csv", render_events_csv, False),
}


def _scan_jsonl(path: Path) -> set[str]:
    _truncate_to_last_line(path)
    return {r["doc_id"] for r in read_jsonl(path)}


def _scan_conll(path: Path) -> set[str]:
    return {d.doc_id for d in read_conll(path)}


def _scan_events(path: Path) -> set[str]:
    # documents without events leave no row: a resumed run annotates them again, adding nothing
    return {row["doc_id"] for row in read_events_csv(path)}


def open_writer(name: str, path: str | os.PathLike, *, resume: bool, shard_size: int = 1000) -> Writer:
    """The writer of format ``name`` on ``path``; with ``resume``, it keeps what ``path`` holds."""
    check_option("format", name, tuple(FORMATS))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if name == "brat":
        return BratWriter(path, resume=resume)
    if name == "docbin":
        return DocBinWriter(path, resume=resume, shard_size=shard_size)
    header = _csv_text([], header=True).encode("utf-8") if name == "events-csv" else b""
    scan = {"jsonl": _scan_jsonl, "conll": _scan_conll, "events-csv": _scan_events}[name]
    return StreamWriter(path, header=header, scan_ids=scan, resume=resume)


__all__ = ["FORMATS", "EVENT_COLUMNS", "ENTITY_LABELS", "open_writer", "event_rows", "conll_tokens", "brat_name",
           "read_jsonl", "read_conll", "read_brat", "read_docbin", "read_events_csv", "ConllDocument",
           "BratDocument", "Writer"]
