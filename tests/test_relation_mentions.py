"""Mentions are numbered entity by entity, each followed by the nested spans inside it, in their group's order."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

import persian_news_nlp.ner  # noqa: F401 - registers the span extensions a Mention reads
from persian_news_nlp.relations import RelationExtractor


def _expected(doc: Doc) -> list[tuple[int, int, str | None]]:
    """The definition, read plainly: every nested span inside each entity, the entity itself left out."""
    out: list[tuple[int, int, str | None]] = []
    nested = list(doc.spans.get("pnn_nested", []))
    for ent in doc.ents:
        parent = f"T{len(out)}"
        out.append((ent.start, ent.end, None))
        for span in nested:
            if ent.start <= span.start and span.end <= ent.end and (span.start, span.end) != (ent.start, ent.end):
                out.append((span.start, span.end, parent))
    return out


def test_nested_spans_go_with_the_entity_that_holds_them():
    nlp = spacy.blank("fa")
    doc = nlp.make_doc("الف ب ج د ه و ز ح ط ی ک ل")
    doc.ents = [doc[0:3], doc[3:4], doc[5:8], doc[8:10]]
    # out of order, one equal to its entity, one outside every entity, empty ones on entity edges
    doc.spans["pnn_nested"] = [doc[6:8], doc[1:3], doc[3:4], doc[4:5], doc[5:6], doc[0:1], doc[8:8], doc[3:3],
                               doc[10:12], doc[8:9]]
    got = [(m.span.start, m.span.end, m.nested_in) for m in RelationExtractor._mentions(doc)]
    assert got == _expected(doc)
    assert [m.id for m in RelationExtractor._mentions(doc)] == [f"T{k}" for k in range(len(got))]
