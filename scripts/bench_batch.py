"""Benchmark of ``persian-news-nlp annotate``: docs/s, MB/s and peak memory per worker, 1 vs 2 workers.

The corpus is synthetic: PEYMA train sentences (``../shared/data/peyma/train.txt``, tokens joined
by spaces) grouped into articles of ``--sentences`` sentences, in a new order each round until
it holds ``--mb`` MB of UTF-8 text. It is written to a temporary folder, never to the repository.
Each configuration runs in a fresh process (``--child``), so that memory and start-up are its
own; times include starting the workers and loading their pipelines. Wall-clock speed-up is only
meaningful on otherwise idle cores, so the table also gives the CPU seconds of each run (all its
processes) and the load average: "CPU-bound speed-up" is what the same CPU work spread over the
workers would give on idle cores. A second table times each pipeline stage on a sample, to show
where the time goes.

    .venv/bin/python scripts/bench_batch.py                 # 20 MB, 1 and 2 workers (~15 min on 2 cores)
    .venv/bin/python scripts/bench_batch.py --mb 2 --workers 1
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shared_data import SHARED, absent

from persian_news_nlp.evaluate import read_corpus

PEYMA = SHARED / "data" / "peyma" / "train.txt"


def build_corpus(path: Path, megabytes: float, per_article: int) -> tuple[int, int]:
    """Write the synthetic JSONL corpus; return (documents, bytes of text)."""
    sentences = [sentence.text for sentence in read_corpus(PEYMA, "peyma")]
    target = int(megabytes * 1_000_000)
    documents = size = 0
    with path.open("w", encoding="utf-8") as fh:
        for round_ in range(1_000):
            order = list(range(len(sentences)))
            random.Random(round_).shuffle(order)
            for k in range(0, len(order) - per_article + 1, per_article):
                text = " ".join(sentences[i] for i in order[k:k + per_article])
                fh.write(json.dumps({"id": f"r{round_}-{k // per_article}", "text": text}, ensure_ascii=False) + "\n")
                documents += 1
                size += len(text.encode("utf-8"))
                if size >= target:
                    return documents, size
    return documents, size


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes (and their workers)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def child(workers: int, corpus: str, out: str) -> None:
    """Run one configuration and print its summary as JSON."""
    from persian_news_nlp.batch import annotate_corpus

    summary = annotate_corpus([corpus], out, workers=workers, reference_date="2025-10-20", force=True)
    print(json.dumps({"workers": workers, "records": summary.records, "errors": summary.errors,
                      "bytes": summary.bytes, "elapsed": summary.elapsed,
                      "peak_rss": sorted(summary.worker_peak_rss.values())}))


def stage_profile(corpus: Path, documents: int) -> list[tuple[str, float]]:
    """Seconds per pipeline stage (and for the record and its JSON) over the first ``documents``."""
    from persian_news_nlp.batch import worker_pipeline
    from persian_news_nlp.formats import render_jsonl
    from persian_news_nlp.records import doc_record

    nlp = worker_pipeline()
    texts = []
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= documents:
                break
    seconds = {"normalise + tokenise": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "record + JSON": 0.0}
    for text in texts:
        t = time.perf_counter()
        doc = nlp.make_doc(text)
        seconds["normalise + tokenise"] += time.perf_counter() - t
        for name, component in nlp.pipeline:
            t = time.perf_counter()
            doc = component(doc)
            seconds[name] += time.perf_counter() - t
        t = time.perf_counter()
        render_jsonl(doc, doc_record(doc, "x"))
        seconds["record + JSON"] += time.perf_counter() - t
    return list(seconds.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of UTF-8 text (default 20)")
    parser.add_argument("--sentences", type=int, default=12, help="sentences per synthetic article (default 12)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    parser.add_argument("--profile-docs", type=int, default=300, help="documents for the stage table (0: none)")
    parser.add_argument("--child", nargs=3, metavar=("WORKERS", "CORPUS", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), args.child[1], args.child[2])
        return 0
    if absent("bench_batch", PEYMA):
        return 0

    with tempfile.TemporaryDirectory(prefix="bench_batch_") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        documents, size = build_corpus(corpus, args.mb, args.sentences)
        command = "scripts/bench_batch.py " + " ".join(sys.argv[1:])
        print(f"## annotate throughput: {documents:,} synthetic articles, {size / 1e6:.1f} MB "
              f"({size / documents / 1000:.1f} kB each; PEYMA train sentences, {args.sentences} per article), "
              f"{os.cpu_count()} CPUs\n")
        print(f"command: `.venv/bin/python {command.strip()}`\n")
        print("| workers | documents | seconds | docs/s | MB/s | MB/s per worker | speed-up | CPU s (all processes) "
              "| CPU-bound speed-up | peak RSS per worker (MB) | load average before → after |")
        print("|---|---|---|---|---|---|---|---|---|---|---|")
        base = base_cpu = None
        for workers in [int(w) for w in args.workers.split(",")]:
            out = Path(tmp) / f"out{workers}.jsonl"
            load_before = os.getloadavg()[0]
            cpu_before = _children_cpu()
            run = subprocess.run([sys.executable, __file__, "--child", str(workers), str(corpus), str(out)],
                                 capture_output=True, text=True, check=True)
            cpu = _children_cpu() - cpu_before
            result = json.loads(run.stdout.strip().splitlines()[-1])
            rate = result["bytes"] / 1e6 / result["elapsed"]
            base, base_cpu = base or rate, base_cpu or cpu
            rss = ", ".join(f"{r / 1e6:.0f}" for r in result["peak_rss"])
            # what the speed-up would be on idle cores: the same CPU work spread over `workers` of them
            ideal = base_cpu / (cpu / workers)
            print(f"| {workers} | {result['records'] + result['errors']:,} | {result['elapsed']:.1f} | "
                  f"{result['records'] / result['elapsed']:.1f} | {rate:.3f} | {rate / workers:.3f} | "
                  f"{rate / base:.2f}× | {cpu:.0f} | {ideal:.2f}× | {rss} | "
                  f"{load_before:.1f} → {os.getloadavg()[0]:.1f} |", flush=True)
        if args.profile_docs:
            stages = stage_profile(corpus, args.profile_docs)
            total = sum(s for _, s in stages)
            print(f"\nwhere one worker's time goes ({args.profile_docs} articles, one process):\n")
            print("| stage | seconds | share | ms per article |")
            print("|---|---|---|---|")
            for name, seconds in stages:
                print(f"| {name} | {seconds:.2f} | {seconds / total:.0%} | {seconds / args.profile_docs * 1000:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
