"""persian_news_nlp: who, what, where and when from Persian news, as spaCy components.

>>> import persian_news_nlp
>>> nlp = persian_news_nlp.load()
>>> doc = nlp("او همکاریهای دوجانبه را گسترش داد. این خبر مهم است")
>>> [s.text for s in doc.sents]
['او همکاریهای دوجانبه را گسترش داد.', 'این خبر مهم است']
>>> doc[1].norm_ == "همکاری\\u200cهای"
True
>>> record = persian_news_nlp.extract("وزیر امور خارجه ایران به کابل سفر کرد.", reference_date="2025-10-23")
>>> [(e["label"], e["text"]) for e in record["entities"] if e["nested_in"] is None]
[('ROLE', 'وزیر امور خارجه ایران'), ('LOC', 'کابل')]
>>> record["events"][0]["event_type"], record["events"][0]["mode"]
('CONSULT', ['visit'])
"""
from __future__ import annotations

from .errors import PersianNewsError
from .normalizer import Normalized, Normalizer, normalize
from .pipeline import load
from .records import extract

__version__ = "0.1.0"
__all__ = ["extract", "load", "normalize", "Normalizer", "Normalized", "PersianNewsError", "__version__"]
