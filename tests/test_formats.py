"""Every output format of ``annotate`` round-trips: written by a run, read back, same spans."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from spacy.tokens import Doc, DocBin

from persian_news_nlp import formats
from persian_news_nlp.batch import annotate_corpus
from persian_news_nlp.errors import DocumentError

SCHEMA = json.loads((Path(formats.__file__).parent / "schemas" / "document.schema.json").read_text(encoding="utf-8"))

# Sentences written for these tests (not taken from any corpus).
TEXTS = {
    "visit": "وزیر امور خارجه ایران روز دوشنبه در تهران با همتای ترکیه‌ای خود دیدار و گفتگو کرد.\n"
             "دو طرف درباره گسترش همکاری های اقتصادی گفتگو کردند.",
    "request": "رئیس‌جمهور افغانستان از سازمان ملل خواستار کمک فوری به آسیب‌دیدگان زلزله هرات شد.",
    "trip": "نخست‌وزیر پاکستان سفر خود به چین را آغاز کرد و قرار است با مقامات پکن دیدار کند.",
    "condemn": "سخنگوی وزارت خارجه روسیه حمله به کاروان امدادی را محکوم کرد.",
    "spaced": "ما می کنیم و آنها نمی توانند؛ این خبر در کابل منتشر شد.",
    "quiet": "هوا امروز آفتابی است.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, text in TEXTS.items():
            fh.write(json.dumps({"id": doc_id, "text": text, "pub_date": "2025-10-20", "title": doc_id},
                                ensure_ascii=False) + "\n")
    return path


@pytest.fixture(scope="module")
def outputs(corpus, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("out")
    out = {}
    for name in formats.FORMATS:
        out[name] = folder / f"news.{name}"
        summary = annotate_corpus([corpus], out[name], format=name)
        assert (summary.records, summary.errors, summary.exit_code) == (len(TEXTS), 0, 0)
        assert not out[name].with_name(out[name].name + ".checkpoint").exists()
    return out


@pytest.fixture(scope="module")
def records(outputs) -> dict[str, dict]:
    return {r["doc_id"]: r for r in formats.read_jsonl(outputs["jsonl"])}


def top_level(record: dict) -> list[tuple[int, int, str]]:
    return [(e["start"], e["end"], e["label"]) for e in record["entities"] if e.get("nested_in") is None]


def test_jsonl_records_validate_against_the_schema(records):
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert list(records) == list(TEXTS)
    for doc_id, record in records.items():
        validator.validate(record)
        assert record["source"] == {"title": doc_id, "pub_date": "2025-10-20"}
        assert record["reference_date"] == "2025-10-20"
        for e in record["entities"]:
            assert TEXTS[doc_id][e["start"]:e["end"]] == e["text"]
    assert sum(len(r["events"]) for r in records.values()) > 0


def test_conll_reads_back_into_the_same_entity_spans(outputs, records):
    documents = list(formats.read_conll(outputs["conll"]))
    assert [d.doc_id for d in documents] == list(TEXTS)
    for doc in documents:
        assert sorted(doc.entities) == sorted(top_level(records[doc.doc_id]))
        assert len(doc.sentences) == len(records[doc.doc_id]["sentences"])
        for sentence in doc.sentences:
            for token in sentence:
                assert TEXTS[doc.doc_id][token.start:token.end] == token.text
                assert token.text.strip() == token.text and " " not in token.text


def test_conll_splits_tokens_joined_across_a_space(outputs):
    spaced = next(d for d in formats.read_conll(outputs["conll"]) if d.doc_id == "spaced")
    assert [t.text for t in spaced.sentences[0][:3]] == ["ما", "می", "کنیم"]


def test_brat_reads_back_text_entities_relations_and_events(outputs, records):
    folder = outputs["brat"]
    assert (folder / "annotation.conf").read_text(encoding="utf-8").startswith("# written by")
    documents = {d.doc_id: d for d in formats.read_brat(folder)}
    assert set(documents) == set(TEXTS)
    for doc_id, doc in documents.items():
        record = records[doc_id]
        assert doc.text == TEXTS[doc_id]
        assert sorted((s.start, s.end, s.label) for s in doc.entities) == sorted(
            (e["start"], e["end"], e["label"]) for e in record["entities"])
        assert len(doc.relations) == len(record["relations"])
        assert [e[1] for e in doc.events] == [e["event_type"] for e in record["events"]]
        spans = {s.id: s for s in doc.spans}
        for span in doc.spans:
            assert span.text == " ".join(doc.text[s:e] for s, e in formats.brat_fragments(doc.text, span.start, span.end))
        for (_, _, trigger, args), event in zip(doc.events, record["events"]):
            assert (spans[trigger].start, spans[trigger].end) == (event["trigger"]["start"], event["trigger"]["end"])
            actors = [spans[t] for role, t in args if role.rstrip("0123456789") == "Actor"]
            assert [(a.start, a.end) for a in actors] == [(p["start"], p["end"]) for p in event["actor"]]
        modalities = [a[3] for a in doc.attributes if a[1] == "Modality"]
        assert modalities == [e["modality"] for e in record["events"]]


def test_docbin_loads_into_spacy_with_entities_intact(outputs, records, nlp):
    shards = sorted(outputs["docbin"].glob("part-*.spacy"))
    assert shards
    docs = [doc for shard in shards for doc in DocBin().from_disk(shard).get_docs(nlp.vocab)]
    assert [d.user_data["doc_id"] for d in docs] == list(TEXTS)
    for doc in docs:
        record = records[doc.user_data["doc_id"]]
        assert doc.text == TEXTS[doc.user_data["doc_id"]]
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == top_level(record)
        assert len(doc.spans[formats.MENTIONS_KEY]) == len(record["entities"])
        assert json.loads(doc.user_data["pnn_record"]) == record
        assert len(list(doc.sents)) >= len(record["sentences"])
        ids = {e["start"]: e["entity_id"] for e in record["entities"] if e.get("nested_in") is None}
        assert [e.kb_id_ for e in doc.ents] == [ids[e.start_char] or "" for e in doc.ents]


def test_events_csv_parses_with_the_csv_module(outputs, records):
    with outputs["events-csv"].open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert tuple(rows[0]) == formats.EVENT_COLUMNS
    expected = [row for r in records.values() for row in formats.event_rows(r, TEXTS[r["doc_id"]])]
    assert [dict(zip(rows[0], row)) for row in rows[1:]] == expected
    assert len(expected) == sum(len(r["events"]) for r in records.values())
    assert formats.read_events_csv(outputs["events-csv"]) == expected


def test_bio_chunks_follow_conlleval():
    doc = formats.ConllDocument("d", [[formats.ConllToken("a", 0, 1, "I-PER"), formats.ConllToken("b", 2, 3, "I-PER"),
                                       formats.ConllToken("c", 4, 5, "I-LOC"), formats.ConllToken("d", 6, 7, "O"),
                                       formats.ConllToken("e", 8, 9, "B-ORG"), formats.ConllToken("f", 10, 11, "B-ORG")]])
    assert doc.entities == [(0, 3, "PER"), (4, 5, "LOC"), (8, 9, "ORG"), (10, 11, "ORG")]


def test_a_malformed_conll_line_names_file_and_line(tmp_path):
    path = tmp_path / "x.conll"
    path.write_text("-DOCSTART-\td\n\nسلام\t0\t4\tO\nبد خط\n", encoding="utf-8")
    with pytest.raises(DocumentError, match=r"x\.conll:4"):
        list(formats.read_conll(path))


def test_brat_names_are_safe_and_distinct():
    assert formats.brat_name("politics/1403/خبر-۱") == "politics/1403/خبر-۱"
    unsafe = [formats.brat_name(i) for i in ("../etc/passwd", "a b", "a_b", "a:b")]
    assert all(".." not in n.split("/") and " " not in n for n in unsafe)
    assert len(set(unsafe)) == len(unsafe)


def test_a_stream_writer_cuts_a_torn_record_on_resume(tmp_path, nlp):
    path = tmp_path / "out.jsonl"
    writer = formats.open_writer("jsonl", path, resume=False)
    doc = nlp.make_doc("سلام")
    writer.write("a", formats.render_jsonl(doc, {"doc_id": "a"}))
    writer.close(complete=False)
    with path.open("ab") as fh:
        fh.write(b'{"doc_id": "b", "tor')  # a run killed in the middle of a write
    with path.with_name("out.jsonl.checkpoint").open("ab") as fh:
        fh.write(b'{"doc_id": "b", "e')
    writer = formats.open_writer("jsonl", path, resume=True)
    assert "a" in writer and "b" not in writer and len(writer) == 1
    writer.write("b", formats.render_jsonl(doc, {"doc_id": "b"}))
    writer.close(complete=True)
    assert [r["doc_id"] for r in formats.read_jsonl(path)] == ["a", "b"]
    assert not path.with_name("out.jsonl.checkpoint").exists()
    assert "b" in formats.open_writer("jsonl", path, resume=True)  # a finished file: ids from its content


def test_docbin_shards_are_whole_files(tmp_path, nlp):
    writer = formats.open_writer("docbin", tmp_path / "bin", resume=False, shard_size=2)
    for k in range(5):
        doc = Doc(nlp.vocab, words=["سلام", str(k)])
        writer.write(str(k), formats.render_docbin(nlp(doc.text), {"doc_id": str(k), "entities": []}))
    writer.close(complete=True)
    assert [p.name for p in sorted((tmp_path / "bin").iterdir())] == ["part-00000.spacy", "part-00001.spacy",
                                                                      "part-00002.spacy"]
    resumed = formats.open_writer("docbin", tmp_path / "bin", resume=True)
    assert len(resumed) == 5 and "4" in resumed
