"""Build ``models/lexicons/zwnj.tsv`` and ``models/lexicons/known_words.tsv`` from hazm's word lists.

Why generated: hazm ships ~190k words with frequencies, of which ~13k are written with a
zero-width non-joiner and ~35k are part-of-speech tagged (its untagged entries include glued
misspellings such as ``کتابها``, so only tagged glued words count as "known"; untagged words
*with* a ZWNJ are good spellings and are used). Our own additions and exclusions are the
hand-written ``models/lexicons/zwnj_extra.tsv`` and ``zwnj_block.tsv``.

What is derived, and the policy for each:

* verb forms: ``می‌``/``نمی‌`` with every hazm present stem (person endings; a vowel-final stem
  takes the glide ی, with the older ئ spelling too: ``می‌گوئیم``) and past stem, and the
  perfect ``کرده‌اند``/``نکرده‌ایم``/``می‌کرده‌اند`` with every past stem (a preverb, as in
  ``برمی‌گردد``, is handled by the restorer, not listed);
* a word hazm lists both glued (tagged) and with a ZWNJ keeps the spelling hazm counts more
  often: ``کتابخانه`` stays glued, ``خوشنویس`` becomes ``خوش‌نویس``; a compound hazm also lists
  glued, untagged (``کتابفروشی``), is in use both ways and is not split either. Such words stay
  in ``zwnj.tsv`` with ``split=no``, for joining ``کتاب فروشی`` when spaces replaced the ZWNJs;
* a glued ``Xهای`` where both ``X`` and ``Xه`` are words is either ``X‌های`` (plural) or
  ``Xه‌ای`` (``فاصله‌ای``, not ``نام‌های``): the ``ه`` reading wins when hazm counts ``Xه`` at
  least ``H_READING_RATIO`` times as often as ``X`` and ``X`` is not a past stem (``رسید‌های``);
  ``Xهایم`` after a past stem is the perfect ``خوانده‌ایم``;
* the ``join`` column says whether two space-separated words ``A B`` may be joined into the
  entry (text that lost its ZWNJs to spaces): not when ``B`` is a past participle or an
  infinitive (``خریده شده``, ``دیده شدن`` are verbal, written apart), nor for pairs
  ``zwnj_block.tsv`` lists (``A B``, or ``A *`` and ``* B`` for any partner: ``این بار``).

Run: ``python scripts/build_zwnj_lexicon.py`` (tests check that the shipped files are current).
"""
from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from generated import write_or_check

ZWNJ = "\u200c"
ROOT = Path(__file__).resolve().parent.parent
LEXICONS = ROOT / "models" / "lexicons"

# Person endings; the bare present stem with می is not a verb form (and may spell an ordinary word).
PRESENT_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
# Vowel-final present stems (آ, گشا, گو) take a glide ی before the endings.
GLIDE_ENDINGS = ("یم", "یی", "ید", "ییم", "یید", "یند")
PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند")
# Not ای: a glued ``Xهای`` after a past stem reads as a plural (رسید‌های), see the ambiguity rule.
PERFECT_ENDINGS = ("ام", "ایم", "اید", "اند")
VERB_PREFIXES = ("می", "نمی")
H_READING_RATIO = 0.4
_INVISIBLE = re.compile("[\u200b\u200d\u200e\u200f\ufeff]")


def _hazm_data(name: str) -> list[str]:
    return (resources.files("hazm") / "data" / name).read_text(encoding="utf-8").splitlines()


def _read_column(path: Path, columns: int) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([cell.strip() for cell in line.split("\t")[:columns]])
    return rows[1:]  # header


def _clean(word: str) -> str:
    word = _INVISIBLE.sub("", word.strip())
    word = re.sub(f"{ZWNJ}+", ZWNJ, word)
    return word.strip(ZWNJ)


def hazm_words() -> dict[str, tuple[int, bool]]:
    """Every hazm word with its frequency and whether it is part-of-speech tagged."""
    words: dict[str, tuple[int, bool]] = {}
    for line in _hazm_data("words.dat"):
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        word = _clean(parts[0])
        if len(word) < 2 or " " in word or "_" in word:
            continue
        freq = int(parts[1]) if parts[1].strip().isdigit() else 0
        tagged = parts[2] not in ("", "0")
        old_freq, old_tagged = words.get(word, (0, False))
        words[word] = (max(freq, old_freq), tagged or old_tagged)
    return words


def verb_stems() -> tuple[set[str], set[str]]:
    """hazm's past and present stems (one word each)."""
    pasts: set[str] = set()
    presents: set[str] = set()
    for line in _hazm_data("verbs.dat"):
        if "#" not in line:
            continue
        past, present = (part.strip() for part in line.split("#", 1))
        if past and " " not in past:
            pasts.add(past)
        for stem in (p.strip() for p in present.split(" یا ")):
            if stem and " " not in stem:
                presents.add(stem)
    return pasts, presents


def verb_forms(pasts: set[str], presents: set[str]) -> set[str]:
    """Prefixed and perfect verb forms, written with ZWNJ."""
    forms: set[str] = set()
    for prefix in VERB_PREFIXES:
        for past in pasts:
            forms.update(f"{prefix}{ZWNJ}{past}{e}" for e in PAST_ENDINGS)
        for stem in presents:
            endings: list[str] = []
            if stem[-1] in "اآو":
                endings += GLIDE_ENDINGS
                endings += ["ئ" + e[1:] for e in GLIDE_ENDINGS if e.startswith("یی")]  # older spelling
            if stem[-1] not in "اآ":
                endings += PRESENT_ENDINGS  # و-final stems go both ways: شود, گوید
            forms.update(f"{prefix}{ZWNJ}{stem}{e}" for e in endings)
    for past in pasts:
        for head in (past, "ن" + past, f"می{ZWNJ}{past}", f"نمی{ZWNJ}{past}"):
            forms.update(f"{head}ه{ZWNJ}{e}" for e in PERFECT_ENDINGS)
        forms.update(f"{prefix}{ZWNJ}{past}ه" for prefix in VERB_PREFIXES)  # می‌کرده است
    return forms


def _affix_boundary(parts: list[str], suffixes: set[str]) -> bool:
    """Is every ZWNJ of the word before a ZWNJ suffix or after می/نمی (not inside a compound)?"""
    return all(part in suffixes for part in parts[1:]) or parts[0] in VERB_PREFIXES


def build() -> tuple[str, str]:
    """The text of ``zwnj.tsv`` and ``known_words.tsv``."""
    words = hazm_words()
    pasts, presents = verb_stems()
    verbal_nouns = {p + "ه" for p in pasts} | {p + "ن" for p in pasts}  # participles, infinitives
    suffixes = {row[0] for row in _read_column(LEXICONS / "zwnj_suffixes.tsv", 2)
                if row[1] in ("suffix", "suffix_after_h")}
    freq = {w: f for w, (f, _tagged) in words.items()}
    known = {w for w, (_f, tagged) in words.items() if tagged and ZWNJ not in w}
    listed_glued = {w for w in words if ZWNJ not in w}

    zwnj: dict[str, tuple[str, str]] = {}  # glued -> (spelling, source)
    for word in sorted(w for w in words if ZWNJ in w):
        glued = word.replace(ZWNJ, "")
        old = zwnj.get(glued)
        if old is None or (words[word][1], freq[word]) > (words[old[0]][1], freq[old[0]]):
            zwnj[glued] = (word, "hazm")
    glued_on_purpose: set[str] = set()  # listed for joining two words, never split
    for glued, (word, _s) in zwnj.items():
        if glued in known and freq.get(glued, 0) >= freq[word]:
            glued_on_purpose.add(glued)  # hazm counts the glued spelling more often
        elif glued in listed_glued and not _affix_boundary(word.split(ZWNJ), suffixes):
            glued_on_purpose.add(glued)  # a compound hazm also lists glued: both are in use
    for form in sorted(verb_forms(pasts, presents), key=lambda f: (f.count(ZWNJ), f)):  # fewest ZWNJs wins
        glued = form.replace(ZWNJ, "")
        if glued not in known:
            zwnj.setdefault(glued, (form, "verb"))
    for h_word in sorted(w for w in known if len(w) >= 4 and w.endswith("ه") and w[:-1] in known):
        base = h_word[:-1]
        h_reading = base not in pasts and freq.get(h_word, 0) >= H_READING_RATIO * freq.get(base, 0)
        zwnj.setdefault(base + "های", (h_word + ZWNJ + "ای", "ambiguous") if h_reading
                        else (base + ZWNJ + "های", "ambiguous"))
        zwnj.setdefault(base + "هایم", (h_word + ZWNJ + "ایم", "ambiguous") if h_reading or base in pasts
                        else (base + ZWNJ + "هایم", "ambiguous"))
    for word, _note in _read_column(LEXICONS / "zwnj_extra.tsv", 2):
        if ZWNJ in word:
            zwnj[word.replace(ZWNJ, "")] = (word, "extra")
            glued_on_purpose.discard(word.replace(ZWNJ, ""))
        else:
            glued_on_purpose.add(word)
    no_join: set[str] = set()
    no_join_left: set[str] = set()
    no_join_right: set[str] = set()
    for (entry,) in _read_column(LEXICONS / "zwnj_block.tsv", 1):
        if " " in entry:
            left, right = entry.split(" ")
            if left == "*":
                no_join_right.add(right)
            elif right == "*":
                no_join_left.add(left)
            else:
                no_join.add(left + right)
        else:
            zwnj.pop(entry, None)
            known.add(entry)
    known = (known - zwnj.keys()) | glued_on_purpose

    def joins(glued: str, word: str, source: str) -> bool:
        parts = word.split(ZWNJ)
        if glued in no_join or len(parts) != 2:
            return False
        if source in ("extra", "verb"):
            return True
        left, right = parts
        return left not in no_join_left and right not in no_join_right and right not in verbal_nouns

    header = ("# Generated by scripts/build_zwnj_lexicon.py from hazm's words.dat and verbs.dat,\n"
              "# zwnj_extra.tsv and zwnj_block.tsv; do not edit by hand. split: is the glued form\n"
              "# restored (no: it is written glued on purpose too); join: may two space-separated words\n"
              "# be joined into this one (see the script's docstring).\n")
    zwnj_text = header + "glued\tzwnj\tsource\tsplit\tjoin\n" + "".join(
        f"{g}\t{w}\t{s}\t{'no' if g in known else 'yes'}\t{'yes' if joins(g, w, s) else 'no'}\n"
        for g, (w, s) in sorted(zwnj.items()))
    known_text = ("# Generated by scripts/build_zwnj_lexicon.py from hazm's words.dat (tagged words, and\n"
                  "# compounds it lists glued too), zwnj_extra.tsv and zwnj_block.tsv; do not edit by hand.\n"
                  "# Glued words: never split.\n"
                  "word\n" + "".join(f"{w}\n" for w in sorted(known)))
    return zwnj_text, known_text


def main(argv: list[str] | None = None) -> int:
    zwnj_text, known_text = build()
    targets = {LEXICONS / "zwnj.tsv": zwnj_text, LEXICONS / "known_words.tsv": known_text}
    return write_or_check(__doc__.splitlines()[0], targets, argv)


if __name__ == "__main__":
    raise SystemExit(main())
