#!/usr/bin/env python3
"""Speed of normalise + sentence split + tokenise: ``persian_news_nlp`` against hazm, same documents.

Documents are built from PEYMA's training file (``token|TAG`` a line, a blank line between
sentences): the tokens of a sentence joined by spaces, ~20 sentences (one a line) per document,
until at least ``--mb`` megabytes of text. Measured in one process, each over the same documents
after a short warm-up:

* ours, foundation — ``persian_news_nlp.load(components=("pnn_sentences",))``, then ``nlp(text)``
  (normalise with ZWNJ restoration and offset maps, tokenise onto the raw text, split sentences);
* ours, full — ``persian_news_nlp.load()`` with every stage it has (NER and later stages too);
* hazm — ``Normalizer().normalize``, then ``SentenceTokenizer().tokenize`` and
  ``WordTokenizer().tokenize`` on each sentence.

Reports characters per second of process CPU time (steady when other work shares the machine)
and of wall-clock time, the CPU ratio ours/hazm, the time to build each pipeline in this process
(the first row also pays for the imports and the shared lexicons) and, separately, in a fresh
process with its imports, and the peak
resident set size of the process after each row (it only grows, so later rows include the
earlier ones). ``--passes N`` times the N-th pass over the documents instead of the first, so
that caches filled on the way (word restorations, token pieces, spaCy's lexemes) count as they do
in a long run. Run: ``python scripts/bench_speed.py [--mb 1.0] [--passes 1] [--profile N]`` from the
repository, with ``../shared/data/peyma/train.txt`` beside it (``PNN_SHARED`` moves ``../shared``).
"""
from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from shared_data import SHARED, absent

from persian_news_nlp.evaluate import read_corpus

ROOT = Path(__file__).resolve().parent.parent
CORPUS = SHARED / "data" / "peyma" / "train.txt"
SENTENCES_PER_DOC = 20
WARM_UP_DOCS = 5


def documents(path: Path, megabytes: float) -> list[str]:
    """Documents of ~20 sentences, at least ``megabytes`` MB of characters in all (or the whole file)."""
    sentences = [sentence.text for sentence in read_corpus(path, "peyma")]
    docs: list[str] = []
    total = 0
    for i in range(0, len(sentences), SENTENCES_PER_DOC):
        doc = "\n".join(sentences[i:i + SENTENCES_PER_DOC])
        docs.append(doc)
        total += len(doc)
        if total >= megabytes * 1_000_000:
            break
    return docs


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def timed(build: Callable[[], Callable[[str], object]], docs: list[str], passes: int = 1) -> tuple[float, float, float]:
    """(seconds to build, wall and CPU seconds to process all docs) after a warm-up on the first few,
    timing the last of ``passes`` passes over the docs (earlier ones fill the caches)."""
    t0 = time.perf_counter()
    process = build()
    load = time.perf_counter() - t0
    for doc in docs[:WARM_UP_DOCS] + docs * (passes - 1):
        process(doc)
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in docs:
        process(doc)
    return load, time.perf_counter() - t0, time.process_time() - c0


def ours(components: tuple[str, ...] | None) -> Callable[[], Callable[[str], object]]:
    def build() -> Callable[[str], object]:
        import persian_news_nlp

        return persian_news_nlp.load(components=components) if components else persian_news_nlp.load()

    return build


def hazm_chain() -> Callable[[str], object]:
    from hazm import Normalizer, SentenceTokenizer, WordTokenizer

    normalizer, splitter, tokenizer = Normalizer(), SentenceTokenizer(), WordTokenizer()

    def process(text: str) -> list[list[str]]:
        return [tokenizer.tokenize(s) for s in splitter.tokenize(normalizer.normalize(text))]

    return process


COLD_LOADS = {
    'ours: `load(components=("pnn_sentences",))`':
        "import persian_news_nlp; persian_news_nlp.load(components=('pnn_sentences',))",
    "ours: full `load()`": "import persian_news_nlp; persian_news_nlp.load()",
    "hazm: `Normalizer()`, `SentenceTokenizer()`, `WordTokenizer()`":
        "import hazm; hazm.Normalizer(); hazm.SentenceTokenizer(); hazm.WordTokenizer()",
}


def cold_load(code: str) -> str:
    """Seconds to import and build, in a fresh interpreter (the best of three)."""
    timer = f"import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
    times = []
    for _ in range(3):
        result = subprocess.run([sys.executable, "-c", timer], capture_output=True, text=True, cwd=ROOT)
        if result.returncode != 0:
            return "failed: " + (result.stderr.strip().splitlines() or ["?"])[-1][:80]
        times.append(float(result.stdout.strip().splitlines()[-1]))
    return f"{min(times):.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="megabytes of text (default 1.0)")
    parser.add_argument("--passes", type=int, default=1, metavar="N",
                        help="time the N-th pass over the documents, after N - 1 untimed ones (default 1: the first)")
    parser.add_argument("--profile", type=int, default=0, metavar="N",
                        help="instead of the table, profile the foundation pipeline and print the top N functions")
    args = parser.parse_args(argv)
    if absent("bench_speed", CORPUS):
        return 0
    docs = documents(CORPUS, args.mb)
    chars = sum(map(len, docs))
    if args.profile:
        nlp = ours(("pnn_sentences",))()
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [nlp(d) for d in docs])
        pstats.Stats(profiler).sort_stats("tottime").print_stats(args.profile)
        return 0

    rows = []
    systems = [
        ('ours: `load(components=("pnn_sentences",))`, `nlp(text)`', ours(("pnn_sentences",))),
        ("ours: full `load()`, `nlp(text)`", ours(None)),
        ("hazm: `Normalizer().normalize` + `SentenceTokenizer` + `WordTokenizer`", hazm_chain),
    ]
    results: dict[str, float] = {}
    for name, build in systems:
        try:
            load, seconds, cpu = timed(build, docs, args.passes)
        except Exception as exc:  # a stage still under construction must not hide the others
            rows.append(f"| {name} | failed: {type(exc).__name__}: {str(exc)[:80]} | | | | |")
            continue
        results[name] = chars / cpu
        rows.append(f"| {name} | {chars / cpu:,.0f} | {{ratio:{name}}} | {chars / seconds:,.0f} | {load:.2f} "
                    f"| {peak_rss_mb():.0f} |")
    hazm_speed = results.get(systems[2][0])
    table = []
    for row in rows:
        for name, speed in results.items():
            ratio = f"{speed / hazm_speed:.2f}" if hazm_speed else "—"
            row = row.replace(f"{{ratio:{name}}}", ratio)
        table.append(row)
    timed_pass = "first pass" if args.passes == 1 else f"pass {args.passes} (caches warm)"
    print(f"## Speed: normalise + split + tokenise — {len(docs)} documents of ~{SENTENCES_PER_DOC} PEYMA "
          f"sentences, {chars:,} characters, {timed_pass}; Python {platform.python_version()}, {os.cpu_count()} CPUs\n")
    print("| pipeline | chars/s (CPU time) | ours/hazm | chars/s (wall clock) | load s | peak RSS MB (cumulative) |")
    print("|---|---:|---:|---:|---:|---:|")
    print("\n".join(table))
    print("\nLoad time in a fresh process, imports included (best of three):\n")
    print("| pipeline | seconds |")
    print("|---|---:|")
    for name, code in COLD_LOADS.items():
        print(f"| {name} | {cold_load(code)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
