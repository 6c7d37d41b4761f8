"""persian_news_nlp: who, what, where and when from Persian news, as spaCy components.

>>> import persian_news_nlp
>>> nlp = persian_news_nlp.load()
>>> doc = nlp("او همکاریهای دوجانبه را گسترش داد. این خبر مهم است")
>>> [s.text for s in doc.sents]
['او همکاریهای دوجانبه را گسترش داد.', 'این خبر مهم است']
>>> doc[1].norm_ == "همکاری\\u200cهای"
True
"""
from __future__ import annotations

from .errors import PersianNewsError
from .normalizer import Normalized, Normalizer, normalize
from .pipeline import load

__version__ = "0.1.0"
__all__ = ["load", "normalize", "Normalizer", "Normalized", "PersianNewsError", "__version__"]
