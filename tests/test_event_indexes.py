"""The look-up tables the event extractor builds for speed must agree with the slower rules they stand for."""
from __future__ import annotations

from persian_news_nlp import events
from persian_news_nlp.gazetteer import key


def _probe_words() -> set[str]:
    """Trigger words, the same with every ending, shortened, and a few everyday words."""
    table = events.triggers()
    words = set(table)
    for word in table:
        words.update(word + ending for ending in events.TRIGGER_ENDINGS)
        words.update(word[:cut] for cut in range(1, len(word)))
    words.update(key(w) for w in ("او", "گفت", "که", "دیدارش", "تحریم‌های", "مذاکراتی", "اشغالی", "و", "،"))
    return words


def test_trigger_words_cover_every_word_with_candidates():
    covered = events._trigger_words()
    for word in _probe_words():
        exact, inflected = events._trigger_candidates(word)
        if exact or inflected:
            assert word in covered, word


def test_key_text_from_keys_matches_key_text_from_words():
    words = ["در", "صورت", "شکست", "مذاکرات", "خواهد", "شد", "آینده", "نماینده", ""]
    from_words = events.KeyText(words)
    from_keys = events.KeyText.of_keys([key(w) for w in words])
    assert (from_keys.text, from_keys.starts, from_keys.ends) == (from_words.text, from_words.starts, from_words.ends)
    assert from_keys.has(key("خواهد شد")) and not from_keys.has(key("آینده")[1:])


def test_topic_cues_by_first_word_keep_longest_first():
    for first, cues in events._TOPIC_CUES_BY_FIRST.items():
        assert list(cues) == [c for c in events.TOPIC_CUES if c[0] == first]
        assert [len(c) for c in cues] == sorted((len(c) for c in cues), reverse=True)
