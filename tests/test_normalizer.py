"""The normaliser: golden cases, options, offset maps, ZWNJ policy, and the lexicon build."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from persian_news_nlp import Normalizer, normalize
from persian_news_nlp.errors import InputTextError, OptionError
from persian_news_nlp.normalizer import ZWNJ, lost_zwnj

CASES = json.loads((Path(__file__).parent / "cases" / "normalizer.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["explanation"] for c in CASES])
def test_golden(case):
    result = normalize(case["raw"])
    assert result.text == case["norm"], case["explanation"]
    assert normalize(result.text).text == result.text, "idempotent"


def test_digit_modes():
    assert Normalizer(digits="latin")("۱۴۰۴ و ٢٠").text == "1404 و 20"
    assert Normalizer(digits="keep")("۱۴۰۴ و 20").text == "۱۴۰۴ و 20"


def test_bad_options_and_input_are_named():
    with pytest.raises(OptionError, match="digits='roman'"):
        Normalizer(digits="roman")
    with pytest.raises(InputTextError, match="bytes"):
        normalize(b"abc")


def test_offsets_map_restored_words_back_to_raw():
    raw = "او از همکاریهای  دوجانبه گفت"
    n = normalize(raw)
    start = n.text.index("همکاری")
    end = start + len("همکاری\u200cهای")
    assert n.text[start:end] == "همکاری\u200cهای"
    assert n.raw_text(start, end) == "همکاریهای"
    assert n.norm_span(*n.raw_span(start, end)) == (start, end)


def test_diacritics_stay_with_their_letter_in_raw_spans():
    raw = "كِتابِ خوب"
    n = normalize(raw)
    assert n.text == "کتاب خوب"
    assert n.raw_text(0, 4) == "كِتابِ"


def test_text_that_kept_its_zwnj_is_left_alone():
    intact = "گروهها و نامه\u200cها را می\u200cخوانیم و " * 3
    assert not lost_zwnj(intact)
    assert normalize(intact).text == intact.replace("  ", " ")
    assert ZWNJ in Normalizer(zwnj="restore")("گروهها").text
    assert Normalizer(zwnj="keep")("گروهها").text == "گروهها"


def test_shipped_zwnj_lexicon_is_current():
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run([sys.executable, str(root / "scripts" / "build_zwnj_lexicon.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_seed_report_restorations(seed_text):
    text = normalize(seed_text).text
    for word in ["رسانه‌ای", "همکاری‌های", "گروه‌های", "شبکه‌های", "نگرانی‌ها", "نشانه‌هایی", "بیانیه‌های",
                 "می‌توان", "می‌کنیم", "نمی‌خوانند", "چشم‌انداز", "رئیس‌جمهور", "سخت‌گیرانه"]:
        assert word in text, word


def test_join_pair_shortcut_changes_no_answer():
    from persian_news_nlp.normalizer import ZwnjLexicon

    shipped = ZwnjLexicon.load()
    plain = ZwnjLexicon(shipped.known, shipped.zwnj, shipped.joinable, shipped.affixes)
    plain.__dict__["_right_starts"] = None  # no shortcut
    halves = [shipped.zwnj[g].split(ZWNJ) for g in sorted(shipped.joinable)[::40]]
    lefts = sorted({h[0] for h in halves if len(h) == 2})[:300] + ["می", "برمی", "سال", "ایران"]
    rights = sorted({h[-1] for h in halves})[:150] + ["های", "ها", "گردد", "فروشیها", "گان", "ی", "و", "کنندگان"]
    for left in lefts:
        for right in rights + [r + "ها" for r in rights[:40]] + [r[:-1] + "گان" for r in rights[:40]]:
            assert ZwnjLexicon.join_pair.__wrapped__(shipped, left, right) == ZwnjLexicon.join_pair.__wrapped__(plain, left, right), (left, right)
