"""Document records: the output contract of ``../shared/spec/records.md`` built from a Doc.

``extract(text, doc_id=None, reference_date=None, source=None) -> dict`` runs the pipeline and
returns one JSON-ready document record; ``doc_record(doc)`` builds it from an annotated Doc.
Every offset in a record is a raw offset: ``text[start:end]`` is the surface.
"""
from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .errors import Errors, OptionError, TextTooLongError, check_text


def _outer_words(sent: Span) -> tuple[Token, Token] | None:
    """The first and last tokens of a sentence that are not whitespace (None if all are), found from each end."""
    first = next((t for t in sent if not t.is_space), None)
    if first is None:
        return None
    last = next(sent[i] for i in range(len(sent) - 1, -1, -1) if not sent[i].is_space)
    return first, last


def sentence_bounds(sent: Span) -> tuple[int, int]:
    """Raw character bounds of a sentence without its surrounding whitespace tokens."""
    words = _outer_words(sent)
    if words is None:
        return sent.start_char, sent.start_char
    first, last = words
    return first.idx, last.idx + len(last.text)


def sentence_records(doc: Doc) -> list[dict[str, Any]]:
    """Sentences with raw bounds; boilerplate is marked by whole lines, so a sentence's first word says."""
    records = []
    for sent in doc.sents:
        words = _outer_words(sent)
        if words is None:
            continue
        first, last = words
        start, end = first.idx, last.idx + len(last.text)
        if end > start:
            records.append({"id": len(records), "start": start, "end": end, "boilerplate": bool(first._.boilerplate)})
    return records


#: The rule of a minister's bare portfolio nested in the title (وزیر [امور خارجه ایران]): PEYMA tags it as an
#: organisation, which the NER scorer follows, but an analyst's record names the ministry by the title that holds
#: it; the record lists it as the title's ``portfolio``, not as an entity of its own.
PORTFOLIO_RULE = "rules:role_portfolio"


def _portfolios(mentions: list) -> dict[str, Any]:  # noqa: ANN401
    """The portfolio mentions by id."""
    return {m.id: m for m in mentions if m.label == "ORG" and m.nested_in is not None and m.span._.rule == PORTFOLIO_RULE}


def _bare_titles(doc: Doc, mentions: list) -> set[str]:
    """Ids of one-word titles that say nothing of whom they name (عضو، مهاجر، وزیر alone): held by no one named,
    holding no body or place, in no relation, cluster or event. ``doc.ents`` keeps them; the record does not list
    them, as a reader (and the news-dev guidelines) would not call a lone «زندانی» or «خبرنگار» an entity."""
    related = {x for r in (doc._.relations or []) for x in (r.head, r.tail)}
    holding = {m.nested_in for m in mentions if m.nested_in is not None}
    acting = {(p.start, p.end) for e in (doc._.events or []) for p in (*e.actor, *e.recipient)}
    return {m.id for m in mentions if m.label == "ROLE" and len(m.span) == 1 and m.cluster is None
            and m.id not in related and m.id not in holding and (m.span.start_char, m.span.end_char) not in acting}


def entity_records(doc: Doc) -> list[dict[str, Any]]:
    """Entity mentions (top-level and nested) with their coreference cluster; a title carries the minister's
    portfolio nested in it (``portfolio``: text, offsets and gazetteer id) instead of listing it apart, and a bare
    one-word title that names no one is left out (:func:`_bare_titles`)."""
    mentions = doc._.mentions
    if mentions is None:  # relations stage not run: mentions straight from the entities
        from .relations import RelationExtractor

        mentions = RelationExtractor._mentions(doc)
    portfolios = _portfolios(mentions)
    held = {m.nested_in: m for m in portfolios.values()}
    bare = _bare_titles(doc, mentions)
    out = []
    for m in mentions:
        if m.id in portfolios or m.id in bare:
            continue
        span, ext = m.span, m.span._  # one extension accessor for all the fields
        confidence = ext.confidence
        record = {
            "id": m.id,
            "label": m.label,
            "text": span.text,
            "start": span.start_char,
            "end": span.end_char,
            "norm": "".join(t.norm_ + (" " if t.whitespace_ else "") for t in span).strip(),
            "entity_id": m.entry_id,
            "canonical_name": ext.canonical_name,
            "rule": ext.rule,
            "confidence": confidence if confidence is not None else 0.5,
            "cluster": m.cluster,
            "nested_in": m.nested_in,
        }
        if m.label == "DATE":
            record["value"] = ext.value
            record["calendar"] = ext.calendar
        if m.id in held:
            p = held[m.id]
            record["portfolio"] = {"text": p.span.text, "start": p.span.start_char, "end": p.span.end_char,
                                   "entity_id": p.entry_id}
        out.append(record)
    return out


def _text_length(doc: Doc) -> int:
    """``len(doc.text)`` without joining the text: the last token's offset plus its length with whitespace."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def doc_record(doc: Doc, doc_id: str | None = None, source: dict | None = None) -> dict[str, Any]:
    """The document record of an annotated Doc."""
    from .events import event_record

    reference = doc.user_data.get("pnn_reference_date")
    entities = entity_records(doc)
    listed = {e["id"] for e in entities}  # a portfolio is listed on its title, a bare title not at all (entity_records)
    relations = [{"id": r.id, "type": r.type, "head": r.head, "tail": r.tail, "sentence": r.sentence, "rule": r.rule}
                 for r in (doc._.relations or []) if r.head in listed and r.tail in listed]
    clusters = [{"id": c.id, "entity_id": c.entity_id, "mentions": [m for m in c.mentions if m in listed],
                 "pronouns": [{"text": p.text, "start": p.start_char, "end": p.end_char} for p in c.pronouns]}
                for c in (doc._.clusters or []) if any(m in listed for m in c.mentions)]
    return {
        "doc_id": doc_id,
        "source": source,
        "reference_date": reference.isoformat() if reference else None,
        "text_length": _text_length(doc),
        "sentences": sentence_records(doc),
        "entities": entities,
        "relations": relations,
        "events": [event_record(e, k) for k, e in enumerate(doc._.events or [])],
        "clusters": clusters,
    }


def parse_date(value: str | dt.date | None, what: str = "reference_date") -> dt.date | None:
    """A ``date`` from ``YYYY-MM-DD`` text (or a date, or None)."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise OptionError(Errors.E008.format(value=value, what=what)) from None


@cache
def _nlp() -> Language:
    from .pipeline import load

    return load()


#: The longest text ``extract`` takes (characters). Relation and event rules look across a
#: document, so one record per megabyte-sized "article" would be slow and meaningless; split such
#: inputs (or raise the limit for a document you know is one story).
MAX_DOCUMENT_LENGTH = 1_000_000


def extract(text: str, doc_id: str | None = None, reference_date: str | dt.date | None = None,
            source: dict | None = None, *, nlp: Language | None = None,
            max_length: int = MAX_DOCUMENT_LENGTH) -> dict[str, Any]:
    """Run the pipeline on ``text`` and return its document record.

    ``reference_date`` (ISO date) resolves relative and year-less dates; without it,
    ``source["pub_date"]`` is used when given, and today's date otherwise.
    """
    check_text(text)
    if len(text) > max_length:
        raise TextTooLongError(Errors.E010.format(length=len(text), limit=max_length) + f" (document {doc_id!r})")
    reference = (parse_date(reference_date) or parse_date((source or {}).get("pub_date"), "source.pub_date")
                 or dt.date.today())
    pipeline = nlp or _nlp()
    doc = pipeline.make_doc(text)
    doc.user_data["pnn_reference_date"] = reference
    for _name, component in pipeline.pipeline:
        doc = component(doc)
    return doc_record(doc, doc_id, source)
