"""Stage 1: normalisation with an exact map back to the raw input.

``normalize(raw)`` returns a :class:`Normalized` whose ``.text`` has

* Arabic letter forms unified to Persian (``ي``→``ی``, ``ك``→``ک``…) and digits unified
  (Persian by default, configurable),
* diacritics, kashida and invisible controls removed, exotic spaces made plain,
* punctuation spacing repaired (no space before ``،``, one after it…),
* zero-width non-joiners (ZWNJ) restored where web text lost them, on glued words
  (``همکاریهای`` → ``همکاری‌های``) and on space-separated affixes (``می کنیم`` → ``می‌کنیم``),

and whose offset maps send any span of ``.text`` back to the raw input and any raw span forward.
Each step is a small function over the current text that returns *edits*; the steps are composed
explicitly in :class:`Normalizer`, and the maps are composed with them.

Example (the output is shown with the ZWNJ made visible as ``|``)::

    >>> n = normalize("همكاريهاي دوجانبه")
    >>> n.text.replace("\\u200c", "|")
    'همکاری|های دوجانبه'
    >>> n.raw_span(0, 10)
    (0, 9)
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from itertools import chain

import re

import numpy as np
import regex

from .errors import check_option, check_text
from .resources import model_path, read_tsv

ZWNJ = "\u200c"
#: Persian/Arabic letters (without digits, marks or punctuation).
LETTERS = "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
#: Diacritics that attach to the preceding letter; removed from the normalised text.
MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"
#: Invisible characters with no meaning for the text (bidi controls, BOM, ZWSP, ZWJ, C0 controls).
CONTROLS = "\u200b\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"

DIGIT_MODES = ("persian", "latin", "keep")
ZWNJ_MODES = ("auto", "restore", "keep")

Edit = tuple[int, int, str]  # replace text[start:end] by the string


def _char_table(digits: str) -> dict[int, str]:
    """The one-to-one character map: letter forms, digits and space variants."""
    table = {
        # Arabic forms of Persian letters; Pashto letters (ې ۍ ښ ړ …) are left as they are.
        "ي": "ی", "ى": "ی", "ك": "ک", "ڪ": "ک", "ھ": "ه", "ہ": "ه", "ە": "ه", "ة": "ه", "ۃ": "ه",
        "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "\u00a0": " ", "\u2000": " ", "\u2001": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ",
        "\u2005": " ", "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
        "\u202f": " ", "\u205f": " ", "\u3000": " ", "\u2028": "\n", "\u2029": "\n", "\u0085": "\n",
        "\u066c": "٬", "\u066b": "٫",
    }
    arabic, persian, latin = "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "0123456789"
    if digits == "persian":
        table.update(zip(arabic, persian))
        table.update(zip(latin, persian))
    elif digits == "latin":
        table.update(zip(arabic, latin))
        table.update(zip(persian, latin))
    return {ord(k): v for k, v in table.items() if k != v}


# One pass of clean-up; alternatives are tried in order at each position. The standard ``re``
# engine runs this pattern (explicit character ranges only) about 2.5 times faster than ``regex``.
# The pattern starts with the class of every character a match can start with: ``re`` then skips
# to the next such character (mostly spaces) without trying the alternatives elsewhere. Each
# alternative checks that first character with a lookbehind, and names its kind by an empty
# group at its end. (Together about four times faster than named alternatives at each position.)
_CLEANUP = re.compile(
    rf"[{MARKS}{CONTROLS}\u200c \t،؛؟!](?:"
    rf"(?<=[^\s][{MARKS}])[{MARKS}]*(?P<marks>)"                  # marks after a character
    r"|(?<=\u200c)\u200c+(?P<zwnj>)"
    r"|(?<=\u0640)(?<![^\s]\u0640)\u0640*(?=\s|$)(?P<dash>)"      # a kashida standing alone is a dash (تهران ـ ایرنا)
    rf"|(?:(?<=[{CONTROLS}{MARKS}])[{CONTROLS}{MARKS}]*"          # controls, and marks with no letter to sit on
    rf"|(?<=\u200c)(?<![{LETTERS}{MARKS}]\u200c)\u200c*"          # ZWNJ not after a letter (or mark)
    rf"|(?<=\u200c)\u200c*(?![{LETTERS}]))(?P<drop>)"             # or not before one
    r"|(?<=[ \t])[ \t]*(?=[،؛!؟?:.)»\]])(?P<before>)"             # no space before closing punctuation
    r"|(?<=[«(\[][ \t])[ \t]*(?P<after>)"                         # none after opening punctuation
    r"|(?:(?<=[ \t])[ \t]+|(?<= )\t ?|(?<=\t) ?)(?P<spaces>)"     # one space between words
    rf"|(?<=[،؛؟!])(?=[{LETTERS}])(?P<missing>)"                  # one space after a Persian comma
    r")"
)


# Each further pass follows one that removed something; two are usual, more are rare chains
# (a kashida before a ZWNJ before a letter after «؟»).
_MAX_CLEANUP_PASSES = 8


def _cleanup_edits(text: str) -> list[Edit]:
    """One pass of clean-up."""
    return _cleanup_pass(text)[0]


def _cleanup_pass(text: str) -> tuple[list[Edit], bool]:
    """One pass of clean-up, and whether its edits may expose more for a second pass.

    Only removing marks, controls or ZWNJs can (``a \u200f b`` leaves two spaces): the spacing
    edits cannot, because each alternative that could match their result was tried first.
    """
    edits: list[Edit] = []
    exposes = False
    for m in _CLEANUP.finditer(text):
        kind, (start, end) = m.lastgroup, m.span()
        if kind == "marks" or kind == "drop" or kind == "zwnj":
            exposes = True
        if kind == "marks":
            # Attach to the letter before, so that spans ending there keep the diacritic.
            if edits and edits[-1][1] > start - 1:
                edits.append((start, end, ""))
            else:
                edits.append((start - 1, end, text[start - 1]))
        elif kind == "drop" or kind == "before" or kind == "after":
            edits.append((start, end, ""))
        elif kind == "zwnj":
            edits.append((start, end, ZWNJ))
        elif kind == "dash":
            edits.append((start, end, "-"))
        elif kind == "spaces":
            if m.group() != " ":
                edits.append((start, end, " "))
        else:  # missing: the match is the comma, the space goes after it
            edits.append((end, end, " "))
    return edits, exposes


AFFIX_KINDS = ("suffix", "suffix_after_h", "suffix_after_i", "suffix_glued", "preverb", "prefix")
#: Which words a ZWNJ suffix follows, by kind: any word, a word ending in a silent ه, or in ی.
_SUFFIX_FITS: dict[str, Callable[[str], bool]] = {
    "suffix": lambda base: True,
    "suffix_after_h": lambda base: _silent_h(base),
    "suffix_after_i": lambda base: base.endswith("ی"),
}


@dataclass(frozen=True, eq=False)  # hashed by identity: one shared instance
class ZwnjLexicon:
    """What the ZWNJ restorer knows: words written glued on purpose, and words that take a ZWNJ.

    ``affixes`` maps each kind of ``models/lexicons/zwnj_suffixes.tsv`` to its affixes, longest
    first: ``suffix`` and ``suffix_after_h``/``_i`` take a ZWNJ, ``suffix_glued`` are looked through to
    find a compound, ``preverb`` goes before می/نمی, ``prefix`` is written apart (بی‌, به‌).
    """

    known: frozenset[str]
    zwnj: dict[str, str]  # glued form -> standard form with ZWNJ
    joinable: frozenset[str]  # glued forms whose two space-separated halves may be joined
    affixes: dict[str, tuple[str, ...]]

    @classmethod
    @cache
    def load(cls) -> ZwnjLexicon:
        """The shipped lexicon (built by ``scripts/build_zwnj_lexicon.py``)."""
        known = frozenset(r["word"] for r in read_tsv(model_path("lexicons", "known_words.tsv"), ("word",)))
        rows = read_tsv(model_path("lexicons", "zwnj.tsv"), ("glued", "zwnj", "split", "join"), unique="glued")
        zwnj = {r["glued"]: r["zwnj"] for r in rows}
        joinable = frozenset(r["glued"] for r in rows if r["join"] == "yes")
        affixes: dict[str, list[str]] = {kind: [] for kind in AFFIX_KINDS}
        for row in read_tsv(model_path("lexicons", "zwnj_suffixes.tsv"), ("affix", "kind")):
            if row["kind"] not in affixes:
                raise row.error(f"kind {row['kind']!r}", "one of " + ", ".join(AFFIX_KINDS))
            affixes[row["kind"]].append(row["affix"])
        return cls(known, zwnj, joinable, {k: tuple(sorted(v, key=len, reverse=True)) for k, v in affixes.items()})

    @cached_property
    def _suffixes(self) -> tuple[tuple[str, str], ...]:
        """ZWNJ suffixes, longest first, each with its kind (which words it follows)."""
        pairs = [(a, kind) for kind in _SUFFIX_FITS for a in self.affixes[kind]]
        return tuple(sorted(pairs, key=lambda p: len(p[0]), reverse=True))

    @cached_property
    def _suffixes_by_length(self) -> tuple[tuple[int, dict[str, tuple[str, ...]]], ...]:
        """:attr:`_suffixes` by length, longest first: a word is looked up by its ending, not
        tested against every suffix; the kinds of one suffix keep their order."""
        groups: dict[int, dict[str, tuple[str, ...]]] = {}
        for suffix, kind in self._suffixes:
            kinds = groups.setdefault(len(suffix), {})
            kinds[suffix] = kinds.get(suffix, ()) + (kind,)
        return tuple(groups.items())

    @cached_property
    def free_suffixes(self) -> dict[str, frozenset[str]]:
        """ZWNJ suffixes, each with its kinds."""
        kinds: dict[str, set[str]] = {}
        for suffix, kind in self._suffixes:
            kinds.setdefault(suffix, set()).add(kind)
        return {suffix: frozenset(k) for suffix, k in kinds.items()}

    @lru_cache(maxsize=200_000)
    def restore_word(self, word: str, depth: int = 2) -> str | None:
        """The word with its ZWNJs restored, or ``None`` if it is fine (or unknown) as it is."""
        if word in self.known:
            return None
        if word in self.zwnj:
            return self.zwnj[word]
        if depth == 0 or self.is_word(word):
            return None
        for n, kinds_of in self._suffixes_by_length:
            if len(word) < n + 2:
                continue
            suffix, base = word[-n:], word[:-n]
            for kind in kinds_of.get(suffix, ()):
                if not _SUFFIX_FITS[kind](base) or kind == "suffix_after_i" and len(base) < 3:  # a prefix, not a word
                    continue
                if self.is_word(base):
                    return base + ZWNJ + suffix
                restored = self.restore_word(base, depth - 1)
                if restored is not None:
                    return restored + ZWNJ + suffix
        compound = self._glued_suffix_compound(word)
        if compound is not None:
            return compound[0]
        for preverb in self.affixes["preverb"]:
            if word.startswith(preverb) and (rest := word[len(preverb):]).startswith(("می", "نمی")):
                restored = self.restore_word(rest, depth - 1)
                if restored is not None and restored.startswith(("می" + ZWNJ, "نمی" + ZWNJ)):
                    return preverb + restored
        for prefix in self.affixes["prefix"]:
            if word.startswith(prefix) and len(rest := word[len(prefix):]) >= 4 and self.is_word(rest):
                return prefix + ZWNJ + rest
        for i in range(4, len(word) - 2):  # a word (4 letters or more) ending in a silent ه, glued to a word
            if word[i - 1] != "ه" or word[i - 2] in ("ا", "و"):  # not silent (راه), or وه (کوه, گروه)
                continue
            head, rest = word[:i], word[i:]
            if head in self.known:
                if self.is_word(rest):
                    return head + ZWNJ + rest
                restored = self.restore_word(rest, depth - 1)
                if restored is not None:
                    return head + ZWNJ + restored
        if "أ" not in word and "ئ" not in word:  # no variant differs from the word
            return None
        for variant in _hamza_variants(word)[1:]:  # older spellings: مسأله, آئین
            restored = self.restore_word(variant, depth)
            if restored is not None:
                letters = iter(word)
                return "".join(ZWNJ if c == ZWNJ else next(letters) for c in restored)
        return None

    def _glued_suffix_compound(self, word: str) -> tuple[str, str] | None:
        """A listed compound plus a glued suffix: (restored word, compound's glued form)."""
        for suffix in self._glued_by_last.get(word[-1:], ()):
            if not word.endswith(suffix) or len(word) < len(suffix) + 4:
                continue
            base = word[: -len(suffix)]
            if suffix == "گان":  # the plural گان replaces a final silent ه: کننده → کنندگان
                base += "ه"
            restored = self.zwnj.get(base)
            if restored is not None and base not in self.known:
                return (restored[:-1] if suffix == "گان" else restored) + suffix, base
        return None

    @cached_property
    def _glued_by_last(self) -> dict[str, tuple[str, ...]]:
        """The ``suffix_glued`` affixes by their last letter, in their order: a word is only
        tested against those it may end with."""
        by_last: dict[str, tuple[str, ...]] = {}
        for suffix in self.affixes["suffix_glued"]:
            by_last[suffix[-1:]] = by_last.get(suffix[-1:], ()) + (suffix,)
        return by_last

    @cached_property
    def word_roles(self) -> _WordRoles:
        """Each word's role in :func:`zwnj_proposals`, computed once per distinct word."""
        return _WordRoles(self._role)

    def _role(self, word: str) -> int:
        """The word's role bits: restored alone, a suffix that may join the word before it, a
        word that may join the word after it."""
        role = 0
        if len(word) >= 4 and ZWNJ not in word and word not in self.known and self.restore_word(word) is not None:
            role |= _RESTORED  # a known word is never restored
        if word in self.free_suffixes:
            role |= _JOINS_LEFT
        if word.endswith("می") or word in self.join_lefts or ("أ" in word or "ئ" in word) and any(
                variant in self.join_lefts for variant in _hamza_variants(word)[1:]):
            role |= _JOINS_RIGHT  # نائب as نایب (نایب‌رئیس)
        return role

    def is_word(self, word: str) -> bool:
        """Known as written, or a known word plus the derivational ``ی`` (همکار → همکاری)."""
        return word in self.known or (len(word) > 3 and word[-1] == "ی" and word[:-1] in self.known)

    @lru_cache(maxsize=200_000)
    def join_pair(self, left: str, right: str) -> bool:
        """Should ``left right`` (one space apart) be one word joined by a ZWNJ?

        ``left`` may already hold ZWNJs (a word joined or restored before); then only a suffix
        joins it. Older hamza spellings join as the current ones do (هیأت رئیسه as هیئت رئیسه,
        نائب رئیس as نایب رئیس), as :meth:`restore_word` reads them in glued words.
        """
        if self._join_pair(left, right):
            return True
        if "أ" not in left + right and "ئ" not in left + right:
            return False
        return any((l, r) != (left, right) and self._join_pair(l, r)
                   for l in _hamza_variants(left) for r in _hamza_variants(right))

    def _join_pair(self, left: str, right: str) -> bool:
        kinds = self.free_suffixes.get(right)
        if kinds is not None:
            return len(left) >= 2 and any(_SUFFIX_FITS[kind](left) for kind in kinds)
        if ZWNJ in left or ZWNJ in right:
            return False
        right_starts = self._right_starts
        if right_starts is not None and not left.endswith("می") and not right.startswith(right_starts.get(left, ())):
            return False  # no listed compound is left + ZWNJ + a start of right (see _right_starts)
        glued = left + right
        if glued in self.joinable:
            return self.zwnj[glued] == left + ZWNJ + right
        if left.endswith("می") and any(left[:-2] in (p, p + "ن") for p in self.affixes["preverb"]):
            return self.restore_word(glued) == left + ZWNJ + right  # برمی گردد
        for n, suffix_kinds in self._suffix_splits(right):  # گل فروشیها: a compound, then a ZWNJ suffix
            if left + right[:-n] in self.joinable:
                base = left + right[:-n]
                return self.zwnj[base] == left + ZWNJ + right[:-n] and any(_SUFFIX_FITS[k](base) for k in suffix_kinds)
        if not right.endswith(self._glued_endings):
            return False
        compound = self._glued_suffix_compound(glued)
        return compound is not None and compound[1] in self.joinable and compound[0] == left + ZWNJ + right

    @cached_property
    def _right_starts(self) -> dict[str, tuple[str, ...]] | None:
        """For each first half of a joinable compound, the starts its second halves give a right word.

        Every way but the verb one (``برمی گردد``) in which :meth:`join_pair` joins ``left right``
        makes ``left + ZWNJ + r`` a joinable compound's form, with ``right`` being ``r``, ``r`` and a
        ZWNJ suffix, ``r`` and a glued suffix, or ``r`` less its ``ه`` and ``گان``: ``right``
        starts with ``r[:-1]``. A pair whose right word starts with none is not looked at further.
        ``None`` (no such shortcut) if a glued suffix held a ZWNJ.
        """
        if any(ZWNJ in suffix for suffix in self.affixes["suffix_glued"]):
            return None
        starts: dict[str, set[str]] = {}
        for glued in self.joinable:
            halves = self.zwnj[glued].split(ZWNJ)
            if len(halves) == 2:
                starts.setdefault(halves[0], set()).add(halves[1][:-1])
        return {left: tuple(sorted(rights)) for left, rights in starts.items()}

    @cached_property
    def _suffix_lengths(self) -> tuple[int, ...]:
        return tuple(sorted({len(suffix) for suffix in self.free_suffixes}, reverse=True))

    @lru_cache(maxsize=100_000)
    def _suffix_splits(self, word: str) -> tuple[tuple[int, frozenset[str]], ...]:
        """``(n, kinds)`` for each ZWNJ suffix the word ends with, longest first, that leaves
        more than one letter before it: computed once per word, not once per pair it is in."""
        return tuple((n, kinds) for n in self._suffix_lengths
                     if len(word) > n + 1 and (kinds := self.free_suffixes.get(word[-n:])) is not None)

    @cached_property
    def join_lefts(self) -> frozenset[str]:
        """First halves of the joinable compounds: no other word joins the word after it but a suffix."""
        halves = (self.zwnj[glued].split(ZWNJ, 1) for glued in self.joinable)
        return frozenset(left for left, right in halves if right not in self.free_suffixes)

    @cached_property
    def _glued_endings(self) -> tuple[str, ...]:
        return tuple(self.affixes["suffix_glued"])


def _silent_h(word: str) -> bool:
    """Ends in a ه that is a vowel sign (رسانه), not a consonant after ا (راه, کوتاه)."""
    return word.endswith("ه") and not word.endswith("اه")


# ئ between vowel letters, as older spellings write the glide (آئین, پائیز): try ی instead.
_HAMZA_VARIANT = regex.compile("(?<=[اوی])ئ(?=.)")
_WORD = re.compile(f"[{LETTERS}\u200c]+")


def _hamza_variants(word: str) -> tuple[str, ...]:
    """The word, then its current spellings if it is written the older way (مسأله → مسئله, آئین → آیین)."""
    out = [word]
    for variant in (word.replace("أ", "ئ"), _HAMZA_VARIANT.sub("ی", word)):
        if variant not in out:
            out.append(variant)
    return tuple(out)


def code_point_table(chars: re.Pattern) -> np.ndarray:
    """``[c]``: does the character class ``chars`` match the character with code ``c`` (up to U+FFFF;
    the classes used here match nothing above)? Read off the pattern itself, so that the two always
    agree; index it with codes clipped to U+FFFF."""
    table = np.zeros(0x10000, dtype=bool)
    for m in chars.finditer("".join(map(chr, range(0x10000)))):
        table[m.start():m.end()] = True
    return table


_WORD_CHARS = code_point_table(_WORD)  # in a word of _WORD


def char_codes(text: str) -> np.ndarray:
    """The code point of each character of ``text``, and a 0 after the last."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass") + bytes(4), dtype="<u4")


_LETTER = re.compile(f"[{LETTERS}]")


# Kinds of proposed restoration, for the decisions in _zwnj_edits.
GLUED_VERB, GLUED_PLURAL, GLUED_VOWEL_PLURAL, GLUED_OTHER = "glued verb", "glued plural", "glued vowel plural", "glued other"
SPACED_VERB, SPACED_SUFFIX, SPACED_BOUND, SPACED_COMPOUND = "spaced verb", "spaced suffix", "spaced bound", "spaced compound"
#: Kinds that many writers produce on purpose, so that they show no loss of ZWNJs by themselves.
_NO_EVIDENCE = frozenset({GLUED_PLURAL})


# Roles of a word in zwnj_proposals, as bits: restored alone, a suffix that may join the word
# before it, a word that may join the word after it.
_RESTORED, _JOINS_LEFT, _JOINS_RIGHT = 1, 2, 4


class _WordRoles(dict):
    """Word -> role bits, each computed on first sight: a text's roles are then one dict lookup
    per word in a C loop. Emptied when it holds ``LIMIT`` words, so that a long run stays bounded."""

    LIMIT = 200_000

    def __init__(self, role: Callable[[str], int]) -> None:
        super().__init__()
        self._compute = role

    def __missing__(self, word: str) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        role = self[word] = self._compute(word)
        return role


def zwnj_proposals(text: str, lexicon: ZwnjLexicon) -> list[tuple[str, list[Edit]]]:
    """Every ZWNJ restoration the lexicon proposes for ``text``, with its kind.

    Kinds: a glued word's restoration is a ``glued verb`` (``میشود``), a ``glued plural`` (a
    plural or comparative suffix after a consonant: ``کتابها``, ``بزرگتر``), a ``glued vowel
    plural`` (after ی or a silent ه: ``همکاریهای``, ``برنامهها``) or ``glued other``
    (``رسانهای``, ``نامهنگاری``); a space turned into a ZWNJ joins a
    ``spaced verb`` (``می شود``), a ``spaced suffix`` (``کتاب ها``), a ``spaced bound`` half that
    is no word alone (``بین المللی``) or a ``spaced compound`` of two words (``رئیس جمهور``).
    """
    # The text's words (runs of letters and ZWNJs); only words that the lexicon would restore, and
    # pairs one space apart that might join, are looked at one by one.
    # Each distinct word is judged once (lexicon.word_roles keeps the judgement for later texts too);
    # its role reaches its occurrences in one C loop (map).
    words = _WORD.findall(text)
    codes = char_codes(text)
    edges = np.flatnonzero(np.diff(_WORD_CHARS[np.minimum(codes, 0xFFFF)], prepend=False))
    word_starts, word_ends = edges[0::2], edges[1::2]  # the same runs of word characters as ``words``
    restore = lexicon.restore_word
    free_suffixes = lexicon.free_suffixes
    role = lexicon.word_roles
    roles = np.fromiter(map(role.__getitem__, words), dtype=np.int8, count=len(words))
    n = len(words)
    spaced = np.zeros(n, dtype=bool)  # [k]: one space between words[k - 1] and words[k]
    spaced[1:] = (word_starts[1:] == word_ends[:-1] + 1) & (codes[word_ends[:-1]] == ord(" "))
    looking = roles & _RESTORED != 0
    if n > 1 and (roles & (_JOINS_LEFT | _JOINS_RIGHT)).any():  # pairs one space apart: words[k - 1], words[k]
        looking[1:] |= spaced[1:] & ((roles[1:] & _JOINS_LEFT != 0) | (roles[:-1] & _JOINS_RIGHT != 0))
    looked = np.flatnonzero(looking)
    if not len(looked):
        return []
    # Most words looked at change nothing: a word changes only if it is restored or joins the
    # word before it. Whether it joins the word before as written is asked for all at once (one
    # C loop over the cached join_pair); only those that join or are restored, and the word after
    # a changed one (which joins the changed form), are visited one by one, in order.
    paired = looked[spaced[looked]]
    joins = np.fromiter(map(lexicon.join_pair, map(words.__getitem__, (paired - 1).tolist()), map(words.__getitem__, paired.tolist())),
                        dtype=bool, count=len(paired))
    visit = roles & _RESTORED != 0
    visit[paired[joins]] = True
    todo = np.flatnonzero(visit).tolist()
    starts = word_starts.tolist()
    proposals: list[tuple[str, list[Edit]]] = []
    changed_at, changed = -2, ""  # the last word changed so far, and its new form
    t, k = 0, -1
    while True:
        if changed_at == k and k + 1 < n and looking[k + 1] and (t == len(todo) or todo[t] != k + 1):
            todo.insert(t, k + 1)
        if t == len(todo):
            break
        k, t = todo[t], t + 1
        start = starts[k]
        word = words[k]
        joined = False
        if spaced[k]:
            left = changed if changed_at == k - 1 else words[k - 1]
            if lexicon.join_pair(left, word):
                joined = True
                if word in free_suffixes:
                    kind = SPACED_SUFFIX
                elif left.endswith("می"):
                    kind = SPACED_VERB
                elif lexicon.is_word(left) and lexicon.is_word(word):
                    kind = SPACED_COMPOUND
                else:
                    kind = SPACED_BOUND
                proposals.append((kind, [(start - 1, start, ZWNJ)]))
                changed_at, changed = k, left + ZWNJ + word  # a suffix may still follow
                restored = restore(word) if role[word] & _RESTORED else None
                if restored is None or kind != SPACED_COMPOUND and kind != SPACED_BOUND:
                    continue
                changed = left + ZWNJ + restored  # and the joined word's own suffix: گل‌فروشی‌ها
        if not joined:
            restored = restore(word) if role[word] & _RESTORED else None
            if restored is None:
                continue
            changed_at, changed = k, restored
        kind, offsets = _glued_restoration(word, restored, lexicon)
        proposals.append((kind, [(start + i, start + i, ZWNJ) for i in offsets]))
    return proposals


@lru_cache(maxsize=100_000)
def _glued_restoration(word: str, restored: str, lexicon: ZwnjLexicon) -> tuple[str, tuple[int, ...]]:
    """The kind of a word's restoration, and the offsets in the word where it inserts ZWNJs."""
    offsets: list[int] = []
    i = 0  # position in word
    for char in restored:
        if char == ZWNJ and (i >= len(word) or word[i] != ZWNJ):
            offsets.append(i)
        else:
            i += 1
    return _glued_kind(restored, lexicon), tuple(offsets)


def _glued_kind(restored: str, lexicon: ZwnjLexicon) -> str:
    head, *tail = restored.split(ZWNJ)
    if head in ("می", "نمی") or (head.endswith("می") and head[:-2].removesuffix("ن") in lexicon.affixes["preverb"]):
        return GLUED_VERB
    if all(lexicon.free_suffixes.get(part) == {"suffix"} for part in tail):
        return GLUED_VOWEL_PLURAL if _silent_h(head) or head.endswith("ی") else GLUED_PLURAL
    return GLUED_OTHER


def _zwnj_edits(text: str, lexicon: ZwnjLexicon, *, need_evidence: bool = False) -> list[Edit]:
    """Insert ZWNJs inside glued words and replace spaces that should be ZWNJs.

    Two decisions are taken on the whole text (see :func:`zwnj_proposals` for the kinds):

    * with ``need_evidence`` (automatic mode on a text with next to no ZWNJ), nothing is done
      unless some restoration shows that ZWNJs were lost: glued plurals are not enough, since
      many writers glue them on purpose (``کتابها``);
    * if the text has ZWNJs, or glued words show they were *deleted* (``میشود``,
      ``نامهنگاری``), and no verb, suffix or bound half shows them turned into spaces
      (``می شود``, ``کتاب ها``), the text's spaces are the author's: two words are not joined as
      a compound (``گل فروشی`` stays). Restored words keep that true when the output is
      normalised again, which keeps normalisation idempotent.
    """
    proposals = zwnj_proposals(text, lexicon)
    kinds = {kind for kind, _ in proposals}
    if need_evidence and kinds <= _NO_EVIDENCE:
        return []
    if (SPACED_COMPOUND in kinds and not kinds & {SPACED_VERB, SPACED_SUFFIX, SPACED_BOUND}
            and (kinds & {GLUED_VERB, GLUED_OTHER} or ZWNJ in text)):  # clean-up left ZWNJs only inside words
        proposals = [p for p in proposals if p[0] != SPACED_COMPOUND]
    return [edit for _, edits in proposals for edit in edits]


def lost_zwnj(text: str) -> bool:
    """Does this text look like it lost its ZWNJs (web copies)?

    Persian prose has about one ZWNJ per hundred characters; a text with fewer than one per
    1,500 Persian letters is taken to have lost them. Texts that kept theirs are left alone, so
    that an author's deliberate glued spellings are never rewritten.
    """
    zwnj = text.count(ZWNJ)
    if zwnj == 0:
        return True
    if zwnj * 1500 >= len(text):
        return False  # enough whatever the letters
    return zwnj * 1500 < len(_LETTER.findall(text))


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus maps between its offsets and the raw input's.

    ``starts[i]``/``ends[i]`` give the raw range that normalised character ``i`` came from
    (equal for an inserted character such as a restored ZWNJ).
    """

    raw: str
    text: str
    starts: np.ndarray = field(repr=False)
    ends: np.ndarray = field(repr=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of the normalised span ``text[start:end]``."""
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span ({start}, {end}) outside normalised text of length {len(self.text)}")
        if start == end:
            pos = int(self.starts[start]) if start < len(self.text) else len(self.raw)
            return pos, pos
        return int(self.starts[start]), max(int(self.ends[end - 1]), int(self.starts[start]))

    def norm_span(self, start: int, end: int) -> tuple[int, int]:
        """Normalised ``(start, end)`` of the raw span ``raw[start:end]``: the characters made from it."""
        if not 0 <= start <= end <= len(self.raw):
            raise IndexError(f"span ({start}, {end}) outside raw text of length {len(self.raw)}")
        first = int(np.searchsorted(self.ends, start, side="right"))
        last = int(np.searchsorted(self.starts, end, side="left"))
        return min(first, last), last

    def raw_text(self, start: int, end: int) -> str:
        """The raw surface of a normalised span."""
        s, e = self.raw_span(start, end)
        return self.raw[s:e]


def _apply(text: str, edits: list[Edit]) -> tuple[str, np.ndarray, np.ndarray]:
    """Apply sorted, non-overlapping edits; return the new text and its per-character source ranges.

    The text is cut into segments: kept runs and same-length replacements map character to
    character; a replacement of another length maps each of its characters to the whole range it
    replaced (an insertion to an empty range). Everything is computed for all segments at once.
    """
    if not edits:
        return text, np.arange(len(text), dtype=np.int64), np.arange(1, len(text) + 1, dtype=np.int64)
    edit_starts, edit_ends, replacements = zip(*edits)
    a, b = np.array(edit_starts, dtype=np.int64), np.array(edit_ends, dtype=np.int64)
    rep_len = np.fromiter(map(len, replacements), dtype=np.int64, count=len(edits))
    kept_from, kept_to = np.append(0, b), np.append(a, len(text))  # the kept run before each edit, and the tail
    # Segments alternate: kept run, replacement, kept run, …, kept run (empty ones add nothing).
    seg_start = np.empty(2 * len(edits) + 1, dtype=np.int64)  # source start of each segment
    seg_len = np.empty_like(seg_start)                         # its length in the new text
    seg_end = np.full_like(seg_start, -1)                      # source end, or -1 when it maps character to character
    seg_start[0::2], seg_len[0::2] = kept_from, kept_to - kept_from
    seg_start[1::2], seg_len[1::2] = a, rep_len
    seg_end[1::2] = np.where(rep_len == b - a, -1, b)
    kept = map(text.__getitem__, map(slice, kept_from.tolist(), kept_to.tolist()))
    new_text = "".join(chain.from_iterable(zip(kept, replacements + ("",))))
    first = np.repeat(seg_start, seg_len)
    const_end = np.repeat(seg_end, seg_len)
    offset = np.arange(len(first), dtype=np.int64) - np.repeat(np.cumsum(seg_len) - seg_len, seg_len)
    linear = const_end < 0
    starts = np.where(linear, first + offset, first)
    return new_text, starts, np.where(linear, starts + 1, const_end)


class Normalizer:
    """A configured normaliser: ``Normalizer(digits="latin")(raw) -> Normalized``.

    ``digits``: ``persian`` (default), ``latin`` or ``keep``. ``zwnj``: ``auto`` restores ZWNJs
    only in texts that lost them (see :func:`lost_zwnj`), ``restore`` always, ``keep`` never.
    """

    def __init__(self, *, digits: str = "persian", zwnj: str = "auto") -> None:
        check_option("digits", digits, DIGIT_MODES)
        check_option("zwnj", zwnj, ZWNJ_MODES)
        self.digits = digits
        self.zwnj = zwnj
        self._table = _char_table(digits)
        self._table_chars = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(self._table)) + "]")
        table = {chr(k): v for k, v in self._table.items()}
        self._table_lookup = lambda m: table[m.group()]
        self._lexicon = ZwnjLexicon.load() if zwnj != "keep" else None

    def steps(self, raw: str) -> Iterable[Callable[[str], list[Edit]]]:
        """The edit steps, in order, for this input."""
        exposes = [True]

        def cleanup(text: str) -> list[Edit]:
            edits, exposes[0] = _cleanup_pass(text)
            return edits

        for _ in range(_MAX_CLEANUP_PASSES):  # until a pass exposes nothing more (idempotence)
            if not exposes[0]:
                break
            yield cleanup
        if self._lexicon is not None:
            lexicon, auto = self._lexicon, self.zwnj == "auto"
            # Decided on the cleaned text (a ZWNJ the clean-up drops does not count), so that
            # normalising the output again decides the same way.
            yield lambda text: _zwnj_edits(text, lexicon, need_evidence=auto) if not auto or lost_zwnj(text) else []

    def __call__(self, raw: str) -> Normalized:
        check_text(raw)
        # One-to-one, so offsets are unchanged. Few characters need it: substituting them where a
        # pattern finds them is several times faster than str.translate over the whole text.
        text = self._table_chars.sub(self._table_lookup, raw)
        starts = np.arange(len(text), dtype=np.int64)
        ends = starts + 1
        for step in self.steps(raw):
            edits = step(text)
            if not edits:
                continue
            text, s, e = _apply(text, edits)
            # Compose: a character of the new text covers the raw range of the old characters it came from.
            old_starts = np.append(starts, len(raw))
            old_ends = np.concatenate((np.zeros(1, dtype=ends.dtype), ends))
            new_starts = old_starts[s]
            new_ends = np.where(e > s, old_ends[e], new_starts)
            starts, ends = new_starts, np.maximum(new_ends, new_starts)
        return Normalized(raw, text, starts, ends)


@cache
def _default(digits: str, zwnj: str) -> Normalizer:
    return Normalizer(digits=digits, zwnj=zwnj)


def normalize(text: str, *, digits: str = "persian", zwnj: str = "auto") -> Normalized:
    """Normalise ``text``; see :class:`Normalizer` for the options."""
    return _default(digits, zwnj)(text)
