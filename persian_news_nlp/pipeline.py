"""``load()``: the ready spaCy pipeline, and the normaliser as a component for other tokenizers.

The pipeline is ``NewsTokenizer`` (normalise + tokenise, stage 1–2a) followed by the components
``pnn_sentences`` (2b), ``pnn_ner`` (3), ``pnn_relations`` and ``pnn_events`` (4). Each is a
registered factory, so ``spacy.blank("fa").add_pipe("pnn_sentences")`` works too.
"""
from __future__ import annotations

import os
from collections.abc import Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .normalizer import Normalized, Normalizer
from .tokenizer import NewsTokenizer, token_spans

if not Doc.has_extension("normalized"):
    Doc.set_extension("normalized", getter=lambda doc: normalized(doc))


def normalized(doc: Doc) -> Normalized:
    """The doc's :class:`Normalized` (computed once if its tokenizer was not ours)."""
    norm = doc.user_data.get("pnn_normalized")
    if norm is None or norm.raw != doc.text:
        norm = Normalizer()(doc.text)
        doc.user_data["pnn_normalized"] = norm
    return norm


class NormalizerComponent:
    """Sets ``token.norm_`` from the normaliser on a Doc made by any tokenizer."""

    def __init__(self, nlp: Language, name: str = "pnn_normalizer", *, digits: str = "persian", zwnj: str = "auto") -> None:
        self.name = name
        self.normalizer = Normalizer(digits=digits, zwnj=zwnj)

    def __call__(self, doc: Doc) -> Doc:
        if "pnn_normalized" in doc.user_data:
            return doc  # NewsTokenizer did it already
        norm = self.normalizer(doc.text)
        doc.user_data["pnn_normalized"] = norm
        for token in doc:
            start, end = norm.norm_span(token.idx, token.idx + len(token.text))
            if end > start:
                token.norm_ = norm.text[start:end]
        return doc


@Language.factory("pnn_normalizer", assigns=["token.norm"], default_config={"digits": "persian", "zwnj": "auto"})
def make_normalizer(nlp: Language, name: str, digits: str, zwnj: str) -> NormalizerComponent:
    """Normaliser as a component, for pipelines whose tokenizer is not ``NewsTokenizer``."""
    return NormalizerComponent(nlp, name, digits=digits, zwnj=zwnj)


PIPELINE = ("pnn_sentences", "pnn_ner", "pnn_relations", "pnn_events")


def load(*, gazetteers: Sequence[str | os.PathLike] = (), event_triggers: Sequence[str | os.PathLike] = (),
         digits: str = "persian", zwnj: str = "auto", components: tuple[str, ...] | None = None) -> Language:
    """The ready pipeline: a spaCy ``Language`` (``lang="fa"``).

    ``gazetteers``: user gazetteer files or folders added to the shipped ones (see
    ``docs/gazetteers.md`` for precedence). ``event_triggers``: user trigger tables added to the
    shipped one (``docs/events.md``). ``components`` limits the pipes added (default: all).
    """
    from . import events, ner, relations, segmenter  # noqa: F401 - registers the factories

    nlp = spacy.blank("fa")
    nlp.tokenizer = NewsTokenizer(nlp.vocab, digits=digits, zwnj=zwnj)
    nlp.max_length = nlp.tokenizer.max_length  # the tokenizer enforces its own limit, with our error
    wanted = components or PIPELINE
    for name in wanted:
        config = {"gazetteers": [str(g) for g in gazetteers]} if name == "pnn_ner" else \
            {"triggers": [str(t) for t in event_triggers]} if name == "pnn_events" else {}
        nlp.add_pipe(name, config=config)
    return nlp


__all__ = ["load", "normalized", "token_spans", "make_normalizer"]
