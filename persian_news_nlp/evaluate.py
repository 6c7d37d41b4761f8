"""Scoring against annotated corpora: NER (PEYMA, Arman, CoNLL) by exact span.

``read_corpus(path, fmt)`` yields sentences as (tokens, BIO tags); ``evaluate_ner`` runs the
pipeline on each sentence (tokens joined by spaces) and scores exact character spans per type.

Label mapping: PEYMA ``DAT`` is our ``DATE`` (a date with a time of day, ``صبح امروز``, is PEYMA's
``TIM``); Arman ``pers/loc/org`` are ``PER/LOC/ORG``. Our ``ROLE`` spans are scored through the
organisation or place nested in them (``وزیر خارجه [فرانسه]``), since the corpora have no roles.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .errors import DataFileError, Errors, check_option

FORMATS = ("peyma", "arman", "conll")
LABEL_MAPS = {
    "peyma": {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "DAT": "DATE", "TIM": "TIME"},
    "arman": {"pers": "PER", "loc": "LOC", "org": "ORG"},
    "conll": {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "DATE": "DATE", "ROLE": "ROLE"},
}


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]
    line: int

    @property
    def text(self) -> str:
        return " ".join(self.tokens)

    def spans(self, label_map: dict[str, str]) -> set[tuple[int, int, str]]:
        """Gold ``(start, end, label)`` character spans, with labels mapped (unmapped types dropped)."""
        offsets, pos = [], 0
        for token in self.tokens:
            offsets.append((pos, pos + len(token)))
            pos += len(token) + 1
        spans, i = set(), 0
        while i < len(self.tags):
            tag = self.tags[i]
            if tag[:2] in ("B_", "B-", "I_", "I-") and (tag[:2] in ("B_", "B-") or i == 0 or self.tags[i - 1] == "O"):
                label = tag[2:]
                j = i + 1
                while j < len(self.tags) and self.tags[j][:2] in ("I_", "I-") and self.tags[j][2:] == label:
                    j += 1
                if label in label_map:
                    spans.add((offsets[i][0], offsets[j - 1][1], label_map[label]))
                i = j
            else:
                i += 1
        return spans


def read_corpus(path: str | Path, fmt: str) -> Iterator[Sentence]:
    """Sentences of a BIO corpus: PEYMA ``token|TAG``, Arman/CoNLL ``token TAG`` (last column)."""
    check_option("format", fmt, FORMATS)
    tokens: list[str] = []
    tags: list[str] = []
    start = 1
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip():
                if tokens:
                    yield Sentence(tokens, tags, start)
                tokens, tags, start = [], [], number + 1
                continue
            if fmt == "peyma":
                token, sep, tag = line.rpartition("|")
            else:
                token, sep, tag = line.rpartition(" ")
                if not sep:
                    token, sep, tag = line.rpartition("\t")
            if not sep or not token.strip():
                raise DataFileError(Errors.E002.format(path=path, line=number, problem=f"cannot split {line!r}",
                                                       expected="token and tag" + (" separated by |" if fmt == "peyma" else "")))
            tokens.append(token.strip())
            tags.append(tag.strip())
    if tokens:
        yield Sentence(tokens, tags, start)


def predicted_spans(doc: Doc) -> set[tuple[int, int, str]]:
    """Our entities as ``(start, end, label)``, ROLE spans replaced by what is nested in them."""
    spans = set()
    for ent in doc.ents:
        if ent.label_ == "ROLE":
            continue
        label = "TIME" if ent.label_ == "DATE" and ent._.time_of_day else ent.label_
        spans.add((ent.start_char, ent.end_char, label))
    for span in doc.spans.get("pnn_nested", []):
        if any(e.label_ == "ROLE" and e.start <= span.start and span.end <= e.end for e in doc.ents):
            spans.add((span.start_char, span.end_char, span.label_))
    return spans


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    errors: list[dict] = field(default_factory=list)

    def prf(self, labels: Iterable[str] | None = None) -> tuple[float, float, float]:
        labels = list(labels) if labels is not None else sorted(set(self.tp) | set(self.fp) | set(self.fn))
        tp = sum(self.tp[label] for label in labels)
        fp = sum(self.fp[label] for label in labels)
        fn = sum(self.fn[label] for label in labels)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def table(self, labels: Iterable[str]) -> str:
        rows = ["| type | precision | recall | F1 | gold | predicted |", "|---|---|---|---|---|---|"]
        labels = list(labels)
        for label in labels:
            p, r, f = self.prf([label])
            rows.append(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {self.tp[label] + self.fn[label]} | {self.tp[label] + self.fp[label]} |")
        p, r, f = self.prf([x for x in labels if x in ("PER", "LOC", "ORG")])
        rows.append(f"| PER+LOC+ORG (micro) | {p:.3f} | {r:.3f} | {f:.3f} | | |")
        return "\n".join(rows)


def evaluate_ner(nlp: Language, path: str | Path, fmt: str, *, limit: int | None = None,
                 keep_errors: int = 0, batch_size: int = 256) -> Scores:
    """Exact-span scores of ``nlp`` on an annotated corpus."""
    label_map = LABEL_MAPS[fmt]
    wanted = set(label_map.values())
    sentences = list(read_corpus(path, fmt))[:limit]
    scores = Scores()
    for sentence, doc in zip(sentences, nlp.pipe((s.text for s in sentences), batch_size=batch_size)):
        gold = sentence.spans(label_map)
        pred = {s for s in predicted_spans(doc) if s[2] in wanted}
        for s in gold & pred:
            scores.tp[s[2]] += 1
        for s in pred - gold:
            scores.fp[s[2]] += 1
        for s in gold - pred:
            scores.fn[s[2]] += 1
        if len(scores.errors) < keep_errors and gold != pred:
            text = sentence.text
            scores.errors.append({
                "line": sentence.line,
                "missed": [f"{text[a:b]} ({label})" for a, b, label in sorted(gold - pred)],
                "spurious": [f"{text[a:b]} ({label})" for a, b, label in sorted(pred - gold)],
                "text": text,
            })
    return scores


def format_errors(errors: list[dict]) -> str:
    lines = []
    for e in errors:
        lines.append(f"line {e['line']}: {e['text'][:160]}")
        if e["missed"]:
            lines.append("  missed:   " + " | ".join(e["missed"]))
        if e["spurious"]:
            lines.append("  spurious: " + " | ".join(e["spurious"]))
    return "\n".join(lines)


def error_counts(errors: list[dict]) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    for e in errors:
        for m in e["missed"]:
            out["missed"][m] += 1
        for s in e["spurious"]:
            out["spurious"][s] += 1
    return out
