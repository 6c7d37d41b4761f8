"""``annotate``: inputs, failures, exit codes, workers, the Dask engine, progress, kill and resume."""
from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

import pytest

from persian_news_nlp import cli
from persian_news_nlp.batch import (Document, Failure, InputOptions, _Engine, _Job, annotate_bag, annotate_corpus,
                                    annotate_partition, default_errors_path, iter_documents)
from persian_news_nlp.formats import EVENT_COLUMNS, read_jsonl

ROOT = Path(__file__).resolve().parent.parent

# Sentences written for these tests (not taken from any corpus).
SENTENCES = [
    "وزیر امور خارجه ایران روز دوشنبه در تهران با همتای ترکیه‌ای خود دیدار و گفتگو کرد.",
    "رئیس‌جمهور افغانستان از سازمان ملل خواستار کمک فوری به آسیب‌دیدگان زلزله هرات شد.",
    "نخست‌وزیر پاکستان سفر خود به چین را آغاز کرد و قرار است با مقامات پکن دیدار کند.",
    "سخنگوی وزارت خارجه روسیه حمله به کاروان امدادی را محکوم کرد.",
    "هیئتی از تاجیکستان برای مذاکره درباره آب به کابل سفر کرد.",
]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path) -> Path:
    """A folder of text files: good ones, nested ones, and every kind of bad one."""
    root = tmp_path / "news"
    (root / "politics").mkdir(parents=True)
    (root / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    (root / "politics" / "b.txt").write_text(SENTENCES[1], encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text(" \n\u200c\n", encoding="utf-8")
    (root / "latin1.txt").write_bytes("خبر".encode() + b" caf\xe9")
    (root / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)))
    (root / "notes.md").write_text("not an input", encoding="utf-8")
    (root / ".hidden.txt").write_text(SENTENCES[2], encoding="utf-8")
    return root


def items(*inputs, **kw) -> list[Document | Failure]:
    return list(iter_documents([str(i) for i in inputs], **kw))


# --- reading -------------------------------------------------------------------------------

def test_folders_are_read_recursively_and_bad_files_become_failures(folder):
    found = {i.doc_id: i for i in items(folder)}
    assert set(found) == {"a", "politics/b", "empty", "blank", "latin1", "binary"}
    assert isinstance(found["a"], Document) and found["a"].text == SENTENCES[0]
    assert found["politics/b"].file == str(folder / "politics" / "b.txt")
    assert "no text" in found["empty"].reason and "no text" in found["blank"].reason
    assert "E006" in found["latin1"].reason and "byte 10" in found["latin1"].reason
    assert "binary" in found["binary"].reason and str(folder / "binary.txt") in found["binary"].reason


def test_enormous_documents_are_failures_not_crashes(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_text("خبر مهم " * 1_400_000, encoding="utf-8")      # 21 MB: refused unread
    long = tmp_path / "long.txt"
    long.write_text("خبر " * 300_000, encoding="utf-8")            # 1.2 M characters in 2.1 MB
    (failure_huge, failure_long) = items(huge, long)
    assert huge.stat().st_size >= 10_000_000
    assert failure_huge.error == failure_long.error == "TextTooLongError"
    assert "huge.txt" in failure_huge.reason and "1,000,000" in failure_huge.reason
    assert "long.txt" in failure_long.reason and "1,200,000" in failure_long.reason
    assert isinstance(items(long, options=InputOptions(max_chars=2_000_000))[0], Document)


def test_jsonl_fields_ids_sources_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes("\n".join([
        json.dumps({"id": 7, "body": SENTENCES[0], "published": "2025-10-20T08:00:00Z", "link": "https://e.org/7"}),
        json.dumps({"body": SENTENCES[1], "source": {"publisher": "ایرنا"}}),
        "",
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"id": "x", "text": SENTENCES[2]}),
        json.dumps({"id": "bad-date", "body": SENTENCES[3], "published": "دیروز"}),
        json.dumps({"id": 7, "body": SENTENCES[4]}),
    ]).encode() + b"\n" + b'{"id": "u", "body": "\xff"}\n')
    options = InputOptions(text_field="body", source_fields={"pub_date": "published", "url": "link"})
    got = items(path, options=options)
    assert [i.doc_id for i in got] == ["7", "feed:2", "feed:4", "feed:5", "x", "bad-date", "7", "u"]
    first, second, bad_json, a_list, no_text, bad_date, repeated, bad_utf8 = got
    assert first.source == {"pub_date": "2025-10-20T08:00:00Z", "url": "https://e.org/7"}
    assert first.reference_date == "2025-10-20" and first.line == 1
    assert second.source == {"publisher": "ایرنا"} and second.reference_date is None
    assert "feed.jsonl:4" in bad_json.reason and "invalid JSON" in bad_json.reason
    assert "feed.jsonl:5" in a_list.reason
    assert "'body'" in no_text.reason and no_text.line == 6
    assert "E008" in bad_date.reason and "feed.jsonl:7" in bad_date.reason
    assert "already used by" in repeated.reason and str(path) + ":1" in repeated.reason
    assert "E006" in bad_utf8.reason and bad_utf8.line == 9
    assert [i.doc_id for i in items(path, options=InputOptions(id_field=None, text_field="body"))][:2] == ["feed:1", "feed:2"]


def test_gzipped_jsonl_and_a_truncated_archive(tmp_path):
    rows = [{"id": f"d{k}", "text": SENTENCES[k]} for k in range(3)]
    good = tmp_path / "good.jsonl.gz"
    good.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    assert [i.doc_id for i in items(good)] == ["d0", "d1", "d2"]
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(good.read_bytes()[:-12])
    got = items(cut)
    assert isinstance(got[-1], Failure) and "the rest of the file was not read" in got[-1].reason


def test_standard_input_is_text_or_jsonl(tmp_path):
    text = io.BufferedReader(io.BytesIO(SENTENCES[0].encode()))
    assert [(i.doc_id, i.text) for i in items("-", stdin=text)] == [("stdin", SENTENCES[0])]
    lines = io.BufferedReader(io.BytesIO(b'\n {"id": "s1", "text": "%s"}\n' % SENTENCES[1].encode()))
    assert [i.doc_id for i in items("-", stdin=lines)] == ["s1"]


def test_a_missing_input_is_a_usage_error(tmp_path, capsys):
    assert cli.main(["annotate", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out.jsonl")]) == 2
    assert "nowhere" in capsys.readouterr().err
    assert not (tmp_path / "out.jsonl").exists()


# --- annotating ---------------------------------------------------------------------------

def test_every_input_is_a_record_or_an_error(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    summary = annotate_corpus([folder], out, reference_date="2025-10-20")
    records = list(read_jsonl(out))
    errors = [json.loads(line) for line in default_errors_path(out).read_text(encoding="utf-8").splitlines()]
    assert summary.documents == len(records) + len(errors) == summary.records + summary.errors == 6
    assert [r["doc_id"] for r in records] == ["a", "politics/b"]
    assert {e["doc_id"] for e in errors} == {"empty", "blank", "latin1", "binary"}
    assert all(e["file"].startswith(str(folder)) and e["reason"] for e in errors)
    assert summary.entities == sum(len(r["entities"]) for r in records)
    assert summary.events == sum(len(r["events"]) for r in records) > 0
    assert summary.exit_code == 1 and summary.ignored == [str(folder / "notes.md")]


def test_cli_exit_codes_summary_and_overwrite_protection(folder, tmp_path, capsys):
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": f"g{k}", "text": s} for k, s in enumerate(SENTENCES[:2])])
    out = tmp_path / "out.jsonl"
    assert cli.main(["annotate", str(good), "-o", str(out), "--reference-date", "2025-10-20"]) == 0
    err = capsys.readouterr().err
    assert "2 documents = 2 records + 0 errors" in err and "\r" not in err  # a pipe gets no progress bar
    assert default_errors_path(out).read_text(encoding="utf-8") == ""
    assert cli.main(["annotate", str(good), "-o", str(out)]) == 2
    assert "E007" in capsys.readouterr().err and len(list(read_jsonl(out))) == 2
    assert cli.main(["annotate", str(folder), "-o", str(out), "--force", "--errors", str(tmp_path / "e.jsonl")]) == 1
    assert "6 documents = 2 records + 4 errors" in capsys.readouterr().err
    assert cli.main(["annotate", str(good), "-o", str(tmp_path / "x.jsonl"), "--reference-date", "20 Oct"]) == 2
    assert "E008" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        cli.main(["annotate", str(good), "-o", str(out), "--resume", "--force"])
    assert exit_.value.code == 2
    capsys.readouterr()
    assert cli.main(["annotate", str(good), "-o", str(tmp_path / "b"), "--format", "brat", "--quiet"]) == 0
    assert cli.main(["annotate", str(good), "-o", str(tmp_path / "b"), "--format", "jsonl", "--force"]) == 2


def test_progress_bar_only_on_a_terminal_and_not_quiet(tmp_path, capsys, monkeypatch):
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": f"g{k}", "text": s} for k, s in enumerate(SENTENCES[:3])])
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert cli.main(["annotate", str(good), "-o", str(tmp_path / "1.jsonl"), "--reference-date", "2025-10-20"]) == 0
    err = capsys.readouterr().err
    assert "3/3" in err and "doc/s" in err and "3 documents = 3 records" in err
    assert cli.main(["annotate", str(good), "-o", str(tmp_path / "2.jsonl"), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "doc/s" not in err and err.count("\n") == 1


def test_resume_skips_what_is_done_and_what_failed(folder, tmp_path):
    out = tmp_path / "out.jsonl"
    annotate_corpus([folder], out, reference_date="2025-10-20")
    (folder / "c.txt").write_text(SENTENCES[2], encoding="utf-8")
    summary = annotate_corpus([folder], out, reference_date="2025-10-20", resume=True)
    assert (summary.documents, summary.records, summary.already_done, summary.already_failed) == (7, 1, 2, 4)
    assert [r["doc_id"] for r in read_jsonl(out)] == ["a", "politics/b", "c"]
    assert len(default_errors_path(out).read_text(encoding="utf-8").splitlines()) == 4
    assert summary.exit_code == 1


def test_a_failed_task_is_retried_document_by_document():
    engine = _Engine.__new__(_Engine)  # the in-process engine without loading anything
    engine.generation = 0
    calls = []

    def fake_submit(chunk):
        calls.append([d.doc_id for d in chunk])
        future = Future()
        if chunk[0].doc_id == "bad":
            future.set_exception(RuntimeError("worker died"))
        else:
            from persian_news_nlp.batch import Annotated, ChunkResult
            future.set_result(ChunkResult([Annotated(chunk[0].doc_id, b"", 0, 0, 0)], 1, 0))
        return future

    engine._submit = fake_submit
    chunk = [Document("a", "x", "f"), Document("bad", "y", "f", 2), Document("c", "z", "f")]
    broken = Future()
    broken.set_exception(RuntimeError("pool broke"))
    results = _Job(engine, chunk, broken, 0).result().results
    assert [r.doc_id for r in results] == ["a", "bad", "c"]
    assert isinstance(results[1], Failure) and "f:2" in results[1].reason and "worker died" in results[1].reason


# --- parallel and distributed ------------------------------------------------------------

@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("small") / "small.jsonl"
    rows = [{"id": f"n{k:02d}", "text": SENTENCES[k % 5] + " " + SENTENCES[(k + 2) % 5]} for k in range(12)]
    rows.insert(5, {"id": "broken", "text": ""})
    return write_jsonl(path, rows)


@pytest.fixture(scope="module")
def local_output(small_corpus, tmp_path_factory) -> bytes:
    out = tmp_path_factory.mktemp("local") / "out.jsonl"
    annotate_corpus([small_corpus], out, reference_date="2025-10-20")
    return out.read_bytes()


def test_two_worker_processes_write_what_one_process_writes(small_corpus, local_output, tmp_path):
    out = tmp_path / "out.jsonl"
    summary = annotate_corpus([small_corpus], out, reference_date="2025-10-20", workers=2)
    assert out.read_bytes() == local_output
    assert (summary.records, summary.errors) == (12, 1)
    # chunks ran in worker processes (on a busy machine one worker may take them all)
    assert 1 <= len(summary.worker_peak_rss) <= 2 and os.getpid() not in summary.worker_peak_rss


def test_dask_engine_on_a_local_cluster_writes_what_the_local_engine_writes(small_corpus, local_output, tmp_path,
                                                                           capsys):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            summary = annotate_corpus([small_corpus], tmp_path / "a.jsonl", reference_date="2025-10-20",
                                      engine="dask", scheduler=client)
            assert (tmp_path / "a.jsonl").read_bytes() == local_output
            assert (summary.records, summary.errors) == (12, 1)
        code = cli.main(["annotate", str(small_corpus), "-o", str(tmp_path / "b.jsonl"), "--engine", "dask",
                         "--scheduler", cluster.scheduler_address, "--reference-date", "2025-10-20"])
    assert code == 1 and (tmp_path / "b.jsonl").read_bytes() == local_output
    assert "13 documents = 12 records + 1 errors" in capsys.readouterr().err


def test_dask_bag_helpers():
    db = pytest.importorskip("dask.bag")
    texts = db.from_sequence([SENTENCES[0], {"id": "r", "text": SENTENCES[1]}, {"id": "e", "text": " "}], npartitions=2)
    records = annotate_bag(texts, reference_date="2025-10-20").compute(scheduler="sync")
    assert [r["doc_id"] for r in records] == [None, "r", "e"]
    assert "error" in records[2] and "entities" in records[1]
    rows = annotate_partition([{"id": "r", "text": SENTENCES[1]}], output="events", reference_date="2025-10-20")
    assert rows and set(rows[0]) == set(EVENT_COLUMNS) and rows[0]["doc_id"] == "r"


def test_dask_dataframe_helpers():
    pytest.importorskip("pandas")
    import dask.dataframe as dd
    import pandas as pd

    from persian_news_nlp.batch import annotate_dataframe, event_table

    df = dd.from_pandas(pd.DataFrame({"body": SENTENCES[:2], "url": ["u1", "u2"]}), npartitions=1)
    records = annotate_dataframe(df, text_column="body", id_column="url").compute(scheduler="sync")
    assert [r["doc_id"] for r in records] == ["u1", "u2"]
    table = event_table(df.to_bag(index=False, format="dict"), text_field="body", id_field="url")
    assert list(table.columns) == list(EVENT_COLUMNS) and len(table.compute(scheduler="sync")) > 0


# --- killed and resumed ------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "events-csv"])
def test_a_killed_run_resumes_to_the_output_of_an_uninterrupted_one(fmt, tmp_path):
    rows = [{"id": f"k{k:03d}", "text": f"{SENTENCES[k % 5]} گزارش شماره {k}."} for k in range(160)]
    rows[40]["text"] = ""  # one failure before the kill, kept in the errors file
    corpus = write_jsonl(tmp_path / "corpus.jsonl", rows)
    reference = tmp_path / f"reference.{fmt}"
    annotate_corpus([corpus], reference, format=fmt, reference_date="2025-10-20")

    out = tmp_path / f"out.{fmt}"
    checkpoint = out.with_name(out.name + ".checkpoint")
    command = [sys.executable, "-m", "persian_news_nlp.cli", "annotate", str(corpus), "-o", str(out),
               "--format", fmt, "--reference-date", "2025-10-20"]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if checkpoint.exists() and checkpoint.read_bytes().count(b"\n") > 60:
            break
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stderr.close()
    assert checkpoint.exists(), "the run ended before it could be killed"
    done = out.read_bytes()
    assert done and done != reference.read_bytes()
    with out.open("ab") as fh:  # as if the kill had come in the middle of a write
        fh.write("k999,E0,,CONSULT,ناتمام".encode() if fmt == "events-csv" else b'{"doc_id": "k0')

    resumed = subprocess.run([*command, "--resume"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 1, resumed.stderr
    assert "already done" in resumed.stderr and "160 documents" in resumed.stderr
    assert out.read_bytes() == reference.read_bytes()
    assert default_errors_path(out).read_bytes() == default_errors_path(reference).read_bytes()
    assert not checkpoint.exists()
