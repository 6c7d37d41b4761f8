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
    nested = list(doc.spans.get("pnn_nested", []))
    for span in nested:
        inside_role = any(e.label_ == "ROLE" and e.start <= span.start and span.end <= e.end for e in doc.ents)
        inside_other = any(o is not span and o.start <= span.start and span.end <= o.end and (o.start, o.end) != (span.start, span.end)
                           for o in nested)
        if inside_role and not inside_other:
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
                 keep_errors: int = 0, group: int = 1, batch_size: int = 64) -> Scores:
    """Exact-span scores of ``nlp`` on an annotated corpus.

    ``group`` > 1 feeds that many consecutive sentences as one document (one per line), as
    articles are fed in use, so document-level rules (a surname after the full name) can act;
    scoring stays per sentence.
    """
    label_map = LABEL_MAPS[fmt]
    wanted = set(label_map.values())
    sentences = list(read_corpus(path, fmt))[:limit]
    groups = [sentences[i:i + group] for i in range(0, len(sentences), max(1, group))]
    scores = Scores()
    for batch, doc in zip(groups, nlp.pipe(("\n".join(s.text for s in g) for g in groups), batch_size=batch_size)):
        offset = 0
        predicted = predicted_spans(doc)
        for sentence in batch:
            length = len(sentence.text)
            pred = {(a - offset, b - offset, label) for a, b, label in predicted
                    if offset <= a and b <= offset + length and label in wanted}
            offset += length + 1
            _score_sentence(scores, sentence, label_map, pred, keep_errors)
    return scores


def _score_sentence(scores: Scores, sentence: Sentence, label_map: dict[str, str], pred: set, keep_errors: int) -> None:
    gold = sentence.spans(label_map)
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


# --------------------------------------------------------------------------- events
_LENIENT_DROP = dict.fromkeys(map(ord, "\u200c \u0640\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0654\u0670"), None)


def lenient_key(text: str) -> str:
    """The news-dev scorer's comparison form: no ZWNJ, spaces, diacritics or tatweel; letters and digits unified."""
    from .gazetteer import key

    return key(text).translate(_LENIENT_DROP)


def lenient_match(a: str, b: str) -> bool:
    """Equal, or one inside the other when the shorter has 3+ letters and covers 30% of the longer."""
    words = {a: len(a.split()), b: len(b.split())}
    ka, kb = lenient_key(a), lenient_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    (short, short_words), (long, long_words) = sorted(((ka, words[a]), (kb, words[b])), key=lambda x: len(x[0]))
    # coverage by letters or by words: «ایران» is one of the three words of «جمهوری اسلامی ایران»
    covers = len(short) >= 0.3 * len(long) or short_words >= 0.3 * long_words
    return len(short) >= 3 and short in long and covers


def _greedy(gold: list, pred: list, same) -> int:  # noqa: ANN001
    """Matched pairs, one-to-one, first fit."""
    used = [False] * len(pred)
    matched = 0
    for g in gold:
        for j, p in enumerate(pred):
            if not used[j] and same(g, p):
                used[j] = True
                matched += 1
                break
    return matched


@dataclass
class Tally:
    tp: int = 0
    gold: int = 0
    pred: int = 0

    def add(self, tp: int, gold: int, pred: int) -> None:
        self.tp, self.gold, self.pred = self.tp + tp, self.gold + gold, self.pred + pred

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def record_view(record: dict) -> dict:
    """Our document record in the gold file's shape: entity lists, role pairs and events."""
    by_id = {e["id"]: e for e in record["entities"]}
    boiler = {s["id"] for s in record["sentences"] if s["boilerplate"]}
    entities: dict[str, list[str]] = {label: [] for label in ("PER", "LOC", "ORG", "ROLE")}
    seen: set[tuple[str, str]] = set()
    for e in record["entities"]:
        if e["label"] in entities and (e["label"], lenient_key(e["text"])) not in seen:
            seen.add((e["label"], lenient_key(e["text"])))
            entities[e["label"]].append(e["text"])
    roles, paired = [], set()  # document-level pairs, as the gold lists them: a pair told twice is one
    for r in record["relations"]:
        if r["type"] == "HAS_ROLE" and by_id[r["head"]]["label"] == "PER":
            pair = (lenient_key(by_id[r["head"]]["text"]), lenient_key(by_id[r["tail"]]["text"]))
            if pair not in paired:
                paired.add(pair)
                roles.append({"person": by_id[r["head"]]["text"], "role": by_id[r["tail"]]["text"]})
    events = [{"event_type": ev["event_type"],
               "participants": [p["text"] for p in ev["actor"] + ev["recipient"]] +
                               [p["canonical_name"] for p in ev["actor"] + ev["recipient"] if p.get("canonical_name")]}
              for ev in record["events"] if not (set(ev["sentence_ids"]) <= boiler)]
    return {"entities": entities, "roles": roles, "events": events}


def score_document(gold: dict, ours: dict) -> dict[str, tuple[int, int, int]]:
    """``(tp, gold, pred)`` for entities (all types together), role pairs and events of one document."""
    out = {}
    ent_tp = ent_gold = ent_pred = 0
    for label in ("PER", "LOC", "ORG", "ROLE"):
        g, p = gold["entities"].get(label, []), ours["entities"].get(label, [])
        ent_tp += _greedy(g, p, lenient_match)
        ent_gold += len(g)
        ent_pred += len(p)
    out["entities"] = (ent_tp, ent_gold, ent_pred)
    g_roles, p_roles = gold.get("roles", []), ours["roles"]
    out["roles"] = (_greedy(g_roles, p_roles, lambda a, b: lenient_match(a["person"], b["person"]) and lenient_match(a["role"], b["role"])),
                    len(g_roles), len(p_roles))

    def same_event(g: dict, p: dict) -> bool:
        gp = [x for x in (g.get("actor") or []) + (g.get("recipient") or []) if x]
        return g["event_type"] == p["event_type"] and any(lenient_match(a, b) for a in gp for b in p["participants"])

    g_events = gold.get("events", [])
    out["events"] = (_greedy(g_events, ours["events"], same_event), len(g_events), len(ours["events"]))
    return out


def evaluate_events(gold_dir: str | Path, raw_dir: str | Path | None = None, *, nlp: Language | None = None,
                    index: str | Path | None = None) -> tuple[dict[str, Tally], list[dict]]:
    """Score a directory of gold files (news-dev format) against our records of the raw texts."""
    import json

    from .records import extract

    gold_dir = Path(gold_dir)
    raw_dir = Path(raw_dir) if raw_dir else gold_dir.parent / "raw"
    dates: dict[str, str] = {}
    index_path = Path(index) if index else gold_dir.parent / "index.tsv"
    if index_path.exists():
        for line in index_path.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) > 4 and cols[4].strip():
                dates[cols[0]] = cols[4].strip()
    tallies = {name: Tally() for name in ("entities", "roles", "events")}
    per_doc = []
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_id = gold.get("doc_id") or gold_path.stem
        raw_path = raw_dir / f"{gold_path.stem}.txt"
        if not raw_path.exists():
            raise DataFileError(Errors.E004.format(path=raw_path))
        record = extract(raw_path.read_text(encoding="utf-8"), doc_id=doc_id, reference_date=dates.get(doc_id), nlp=nlp)
        ours = record_view(record)
        scores = score_document(gold, ours)
        for name, (tp, g, p) in scores.items():
            tallies[name].add(tp, g, p)
        per_doc.append({"doc_id": doc_id, **{k: v for k, v in scores.items()}, "ours": ours, "gold": gold})
    return tallies, per_doc
