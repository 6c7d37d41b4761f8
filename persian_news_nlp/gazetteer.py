"""Gazetteers: loading, validating and matching the named entities shipped in ``models/gazetteers``.

Entries are JSONL lines (format: ``docs/gazetteers.md``). Users add files with
``load(gazetteers=[...])``, ``--gazetteer PATH`` or the ``PNN_GAZETTEERS`` environment variable
(paths separated by ``os.pathsep``); an entry whose id already exists replaces the earlier one, so
the precedence is: shipped < environment < arguments, later files over earlier ones.

Matching is tolerant of spacing, ZWNJ and letter variants: names and text are compared on a
*key* in which spaces and ZWNJs are squeezed out and Arabic/Persian letter variants (``آ/ا``,
``ئ/ی``, ``ة/ه`` …) are folded, so ``امامعلی``, ``امام‌علی`` and ``امام علی`` hit one entry. A match
must start and end on word boundaries of the normalised text, so ``ران`` never matches inside
``تهران``. All keys are compiled into one Aho–Corasick automaton (pyahocorasick), which finds
every alias in a single pass over the text.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

import ahocorasick
import numpy as np

from .errors import DataFileError, Errors
from .normalizer import CONTROLS, LETTERS, MARKS, ZWNJ, _char_table, code_point_table
from .resources import model_path, models_dir, read_jsonl, read_tsv, word_list, word_list_rows

TYPES = ("PER", "LOC", "ORG", "ROLE")
ID_PATTERN = re.compile(r"^(per|loc|org|role):[a-z0-9_.-]+$")
DATE_PATTERN = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
SECTORS = frozenset("GOV MIL SPY COP REB PTY LEG JUD JRN BUS EDU NGO IGO REL CVL MED SPT CRM UAF ELI LAB AGR REF INS OPP".split())
ENV_VAR = "PNN_GAZETTEERS"

# Letter folding for keys only (the normalised text keeps its letters).
_FOLD = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ی", "ي": "ی", "ى": "ی",
                       "ك": "ک", "ة": "ه", "ۀ": "ه", "ء": None, "\u0654": None, "ـ": None,
                       **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")},
                       **{d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")}})
_WORD_CHARS = re.compile(rf"[{LETTERS}\u200c0-9\u06f0-\u06f9A-Za-z]")


def _key_table() -> dict[int, str | None]:
    """One translation table doing what key() needs: unify, fold, drop marks, squeeze spaces and ZWNJs."""
    table: dict[int, str | None] = {}
    for code in range(0x0600, 0x0700):
        table[code] = chr(code)
    for code, value in _char_table("latin").items():
        table[code] = value
    for code, value in list(table.items()):
        table[code] = value.translate(_FOLD) if value is not None else None
    table.update(_FOLD)
    for ranges in (MARKS, CONTROLS):
        for lo, hi in re.findall(r"(.)(?:-(.))?", ranges):
            for code in range(ord(lo), ord(hi or lo) + 1):
                table[code] = None
    for ch in " \t\n\r\u200c\u00a0":
        table[ord(ch)] = None
    return {k: v for k, v in table.items() if v != chr(k)}


_KEY_TABLE = _key_table()


@lru_cache(maxsize=300_000)
def key(text: str) -> str:
    """The matching key of a name: letters unified and folded, marks dropped, spaces and ZWNJs squeezed out.

    >>> key("امام‌علی رحمان") == key("امامعلی  رحمان") == key("امام علي رحمان")
    True
    """
    return text.translate(_KEY_TABLE)


@dataclass(frozen=True, slots=True)
class Role:
    """A dated position of a person."""

    title: str
    role: str | None = None
    org: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None
    acting: bool = False
    uncertain: str | None = None

    def valid_on(self, date: dt.date | None) -> bool:
        """Is the role held on ``date`` (always true when no date is given)?"""
        if date is None:
            return True
        iso = date.isoformat()
        return (self.start is None or self.start[: len(iso)] <= iso) and (self.end is None or iso <= _period_end(self.end))


def _period_end(value: str) -> str:
    """The last day covered by ``YYYY`` / ``YYYY-MM`` / ``YYYY-MM-DD`` as an ISO string."""
    return value + "-12-31" if len(value) == 4 else value + "-31" if len(value) == 7 else value


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    en: str | None = None
    attrs: dict[str, Any] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    source: str = ""
    line: int = 0

    @property
    def country(self) -> str | None:
        return self.attrs.get("country")

    @property
    def sector(self) -> str | None:
        return self.attrs.get("sector")

    @property
    def kind(self) -> str | None:
        return self.attrs.get("kind")

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def roles_on(self, date: dt.date | None) -> list[Role]:
        return [r for r in self.roles if r.valid_on(date)]


@cache
def _title_plurals() -> dict[str, tuple[str, ...]]:
    """First words of titles to their plurals (``lexicons/title_plurals.tsv``)."""
    out: dict[str, list[str]] = {}
    for row in read_tsv(model_path("lexicons", "title_plurals.tsv"), ("singular", "plural")):
        out.setdefault(row["singular"], []).append(row["plural"])
    return {k: tuple(v) for k, v in out.items()}


def parse_entry(obj: dict, path: str, line: int) -> Entry:
    """Build an :class:`Entry` from a JSON object, raising ``file:line`` errors for bad fields."""

    def bad(problem: str, expected: str) -> DataFileError:
        return DataFileError(Errors.E002.format(path=path, line=line, problem=problem, expected=expected))

    for required in ("id", "type", "name"):
        if not isinstance(obj.get(required), str) or not obj[required].strip():
            raise bad(f"missing or empty {required!r}", f"a non-empty string in {required!r}")
    if not ID_PATTERN.match(obj["id"]):
        raise bad(f"id {obj['id']!r} is malformed", "<type>:<slug> with slug in [a-z0-9_.-]")
    if obj["type"] not in TYPES:
        raise bad(f"type {obj['type']!r}", "one of " + ", ".join(TYPES))
    if obj["id"].split(":", 1)[0] != obj["type"].lower():
        raise bad(f"id {obj['id']!r} does not match type {obj['type']!r}", f"an id starting with {obj['type'].lower()}:")
    aliases = obj.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise bad("aliases is not a list of non-empty strings", "a JSON list of Persian names")
    attrs = obj.get("attrs") or {}
    if not isinstance(attrs, dict):
        raise bad("attrs is not an object", "a JSON object")
    roles = []
    for item in obj.get("roles") or []:
        if not isinstance(item, dict) or not item.get("title"):
            raise bad("a role without a title", 'objects like {"title": "وزیر", "from": "2021"}')
        for key_name in ("from", "to"):
            value = item.get(key_name)
            if value is not None and not (isinstance(value, str) and DATE_PATTERN.match(value)):
                raise bad(f"role date {key_name}={value!r}", "YYYY, YYYY-MM or YYYY-MM-DD, or null")
        roles.append(Role(item["title"], item.get("role"), item.get("org"), item.get("country"),
                          item.get("from"), item.get("to"), bool(item.get("acting")), item.get("uncertain")))
    return Entry(obj["id"], obj["type"], obj["name"].strip(), tuple(a.strip() for a in aliases), obj.get("en"),
                 attrs, tuple(roles), os.path.basename(path), line)


def shipped_files() -> list[Path]:
    """The gazetteer files shipped in ``models/gazetteers``, in name order."""
    return sorted((models_dir() / "gazetteers").glob("*.jsonl"))


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files named, and the ``*.jsonl`` files of directories named."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(p.rglob("*.jsonl")))
        elif p.exists():
            files.append(p)
        else:
            raise DataFileError(Errors.E004.format(path=p))
    return files


def env_paths() -> list[str]:
    value = os.environ.get(ENV_VAR, "")
    return [p for p in value.split(os.pathsep) if p.strip()]


def read_entries(files: Iterable[Path]) -> Iterator[Entry]:
    for path in files:
        for line, obj in read_jsonl(path):
            yield parse_entry(obj, str(path), line)


@dataclass(frozen=True, slots=True)
class Hit:
    """A gazetteer match: normalised-text offsets, the matched alias key and the candidate entries."""

    start: int
    end: int
    key: str
    entries: tuple[Entry, ...]
    weak: bool  # the alias is also a common word or a derived short name: needs context
    weak_ids: frozenset[str] = frozenset()  # entries for which this alias alone is weak

    def strong_entries(self) -> tuple[Entry, ...]:
        """The entries this alias names without needing context (all of them when the hit is weak)."""
        if self.weak or not self.weak_ids:
            return self.entries
        return tuple(e for e in self.entries if e.id not in self.weak_ids)


class Gazetteer:
    """All entries by id, plus the automaton that finds their names in text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for entry in entries:
            self.entries[entry.id] = entry  # later files override earlier ones by id
        self.common_words = common_words()
        self._by_key: dict[str, list[tuple[Entry, bool]]] = defaultdict(list)
        self._spaced: set[str] = set()  # keys of names written with a space or ZWNJ somewhere
        self._name_keys: dict[str, frozenset[str]] = {}  # entry id -> keys of its full names (name_keys)
        for entry in self.entries.values():
            for name, weak in self._surface_forms(entry):
                k = key(name)
                if len(k) >= 2 and all(e.id != entry.id for e, _ in self._by_key[k]):
                    self._by_key[k].append((entry, weak))
                if len(k) >= 2 and (" " in name.strip() or ZWNJ in name):
                    self._spaced.add(k)
        for entry, plural in self._plural_titles():  # a plural no entry names as written: «وزیران نفت»
            k = key(plural)
            if k not in self._by_key:
                self._by_key[k].append((entry, False))
                self._spaced.add(k)
        self._automaton = ahocorasick.Automaton()
        for k, items in self._by_key.items():
            self._automaton.add_word(k, (k, tuple(e for e, _ in items), all(w for _, w in items),
                                         frozenset(e.id for e, w in items if w)))
        if len(self._by_key):
            self._automaton.make_automaton()

    @classmethod
    def load(cls, paths: Sequence[str | os.PathLike] = (), *, shipped: bool = True, env: bool = True) -> Gazetteer:
        files = (shipped_files() if shipped else []) + expand_paths(env_paths() if env else []) + expand_paths(paths)
        return cls(read_entries(files))

    def _surface_forms(self, entry: Entry) -> Iterator[tuple[str, bool]]:
        """Names to match, each with whether it is weak (needs context to count)."""
        for name in entry.names():
            weak = self._is_weak_name(entry, name)
            yield name, weak
            if "،" in name:  # «وزارت تعاون، کار و رفاه اجتماعی» is as often written without its commas
                yield name.replace("،", " "), weak
        if entry.type == "PER":
            # Short forms: the declared short name and the surname. Distinctive ones (ترامپ) stand
            # alone; those that are ordinary words or given names need context, and so do all of a
            # person flagged ``ambiguous`` (a surname that is also a word: برنز "bronze"). A declared
            # short name is the authors' word that the form is distinctive: only an everyday word or a
            # given name needs context then (an ‑ی surname like لاریجانی is not read as an adjective).
            parts = entry.name.split()  # ZWNJ joins a surname's parts (نجفی‌زاده): split at spaces only
            flagged = bool(entry.attrs.get("ambiguous"))
            declared = entry.attrs.get("short_name")
            for short in filter(None, [declared] + ([parts[-1]] if len(parts) >= 2 else [])):
                k = key(short)
                if len(k) >= 3 and not ORDINAL.match(k):  # «پاپ بندیکت شانزدهم»: an ordinal is no surname
                    ordinary = word_frequency(k) >= EVERYDAY_FREQUENCY if short == declared else is_ordinary(k)
                    yield short, flagged or ordinary or k in given_name_keys()
            if len(parts) >= 3 and key(parts[-2]) not in given_name_keys() and key(parts[-3]) in given_name_keys():
                yield " ".join(parts[-2:]), flagged  # a two-word surname alone: «هاشمی رفسنجانی»
        if entry.type == "ROLE" and entry.name[-1] in "وا":
            # ezafe after a final vowel is written ی: سخنگوی وزارت خارجه
            for name in entry.names():
                yield name + "ی", False

    def _plural_titles(self) -> Iterator[tuple[Entry, str]]:
        """«وزیر نفت» → «وزیران نفت»، «وزرای نفت» (``lexicons/title_plurals.tsv``), for titles of two words or more."""
        plurals = _title_plurals()
        for entry in self.entries.values():
            if entry.type == "ROLE":
                for name in entry.names():
                    first, _, rest = name.partition(" ")
                    for plural in plurals.get(first, ()) if rest else ():
                        yield entry, f"{plural} {rest}"

    @staticmethod
    def _is_weak_name(entry: Entry, name: str) -> bool:
        """Authors flag names that are also ordinary words (``ambiguous``); a flagged country is weak
        only when its name is an everyday word (مالی), not when it is merely shared (مصر)."""
        if entry.kind == "continent" or entry.type == "ROLE" or not entry.attrs.get("ambiguous"):
            return False
        only = entry.attrs.get("ambiguous_names")  # «کیف» is also "bag"; «کی‌یف» is only the city
        if only is not None and key(name) not in {key(n) for n in only}:
            return False
        if len(name.split()) > 1:  # a ZWNJ compound (راه‌آهن) is one word: ambiguous like any other
            return False
        return entry.kind != "country" or is_ordinary(key(name))

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def demonyms(self) -> dict[str, str]:
        """Demonym keys (افغانستانی، تاجیک) to the alpha-3 code of their country."""
        if not hasattr(self, "_demonyms"):
            self._demonyms = {key(d): e.country for e in self.entries.values() if e.kind == "country" and e.country
                              for d in e.attrs.get("demonyms", ()) or ()}
        return self._demonyms

    @property
    def capitals(self) -> frozenset[str]:
        """Ids of the places a country or province names as its capital (``capital``): a capital may stand for its
        government (تهران، کابل), another town may not."""
        if not hasattr(self, "_capitals"):
            self._capitals = frozenset(e.attrs["capital"] for e in self.entries.values() if e.attrs.get("capital"))
        return self._capitals

    def named_province(self, entry: Entry) -> Entry | None:
        """The province a place names, being its parent and sharing its name (the city «هرات» and the province
        «هرات» or «ولایت هرات»), or None."""
        parent = self.get(entry.attrs["parent"]) if entry.attrs.get("parent") else None
        if parent is None or parent.kind != "province" or not any(k.endswith(key(entry.name)) for k in self.name_keys(parent)):
            return None
        return parent

    def name_keys(self, entry: Entry) -> frozenset[str]:
        """Keys of the entry's full names (its name and aliases, not its short forms), computed once per entry."""
        found = self._name_keys.get(entry.id)
        if found is None:
            found = self._name_keys[entry.id] = frozenset(key(n) for n in entry.names())
        return found

    @property
    def family_names(self) -> frozenset[str]:
        """Keys of known people's family names that are neither everyday words nor given names (آفریدی,
        عراقچی): written after any given name they are a family name, whoever bears it."""
        if not hasattr(self, "_family_names"):
            last = (key(e.name.split()[-1]) for e in self.entries.values() if e.type == "PER" and len(e.name.split()) >= 2)
            self._family_names = frozenset(k for k in last if len(k) >= 3 and not ORDINAL.match(k) and not is_ordinary(k)
                                           and k not in given_name_keys())
        return self._family_names

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def country_keys(self, code: str) -> frozenset[str]:
        """Keys of the names and demonyms of the country with alpha-3 ``code`` (ایران، ایرانی، جمهوری اسلامی ایران)."""
        if not hasattr(self, "_country_keys"):
            keys: dict[str, set[str]] = {}
            for e in self.entries.values():
                if e.kind == "country" and e.country:
                    keys.setdefault(e.country, set()).update(key(n) for n in (*e.names(), *(e.attrs.get("demonyms") or ())))
            self._country_keys = {c: frozenset(k) for c, k in keys.items()}
        return self._country_keys.get(code, frozenset())

    def holder_roles(self, role: str, country: str, date: dt.date | None) -> tuple[tuple[Entry, Role], ...]:
        """The dated roles ``role`` (role:foreign_minister) in ``country`` valid on ``date``, each with its person."""
        if not hasattr(self, "_holders"):
            index: dict[tuple[str, str], list[tuple[Entry, Role]]] = defaultdict(list)
            for e in self.entries.values():
                for r in e.roles:
                    if r.role and r.country:
                        index[(r.role, r.country)].append((e, r))
            self._holders = dict(index)
        return tuple((e, r) for e, r in self._holders.get((role, country), ()) if r.valid_on(date))

    def holders(self, role: str, country: str, date: dt.date | None) -> tuple[Entry, ...]:
        """The persons whose dated role ``role`` in ``country`` is valid on ``date``: «همتای روس» of a foreign
        minister is Russia's foreign minister on the day."""
        # once each: a person may hold one post twice in the dated list
        return tuple({e.id: e for e, r in self.holder_roles(role, country, date)}.values())

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Entries whose name or alias has the same key as ``name``."""
        return tuple(e for e, _ in self._by_key.get(key(name), ()))

    def find(self, text: str) -> list[Hit]:
        """Every alias occurrence in normalised ``text`` that starts and ends on word boundaries.

        The automaton runs over the text squeezed of spaces and ZWNJs; most of what it finds
        lies inside words, so the boundary tests are made on all its matches at once, on arrays
        of the text's code points, and only the survivors become :class:`Hit` objects.
        """
        if not text or not len(self._by_key):
            return []
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        # Three code points of padding: nothing is a word character or a ZWNJ past the end.
        padded = np.concatenate((codes, _PADDING))
        word = _is_word_code(padded)
        ezafe_yeh = _ezafe_yeh(padded, word, text)
        keep = (codes != 0x20) & (codes != 0x200C) & ~ezafe_yeh[:len(codes)]
        positions = np.flatnonzero(keep)
        squeezed = _fold_codes(codes[keep]).tobytes().decode("utf-32-le")
        matches = list(self._automaton.iter(squeezed))
        if not matches:
            return []
        values = list(map(itemgetter(1), matches))
        last = np.fromiter(map(itemgetter(0), matches), dtype=np.int64, count=len(matches))
        lengths = np.fromiter(map(len, map(itemgetter(0), values)), dtype=np.int64, count=len(matches))
        starts = positions[last - lengths + 1]
        ends = positions[last] + 1
        after_word = (starts > 0) & word[np.maximum(starts - 1, 0)]
        # ezafe written ‌ی after a final vowel or ه: «وزیر خارجه‌ی طالبان»; glued after a silent ه: «وزیر خارجهی …»
        ezafe = (padded[ends] == 0x200C) & (padded[ends + 1] == _YEH) & ~word[ends + 2]
        glued = ezafe_yeh[ends]
        before_word = ~ezafe & ~glued & word[ends]
        ends = ends + 2 * ezafe + glued
        accepted = np.flatnonzero(~after_word & ~before_word)
        spaces = np.concatenate(([0], np.cumsum(codes == 0x20)))
        spread = (spaces[ends[accepted]] > spaces[starts[accepted]]).tolist()
        hits = []
        for i, start, end, has_space in zip(accepted.tolist(), starts[accepted].tolist(), ends[accepted].tolist(), spread):
            value = values[i]
            if has_space and value[0] not in self._spaced and min(map(len, text[start:end].split())) < 3:
                continue  # a one-word name spread over short words (او به ≠ اوبه); امام علی = امامعلی is fine
            hits.append(Hit(start, end, *value))
        return hits


# Folding applied to the squeezed text must keep its length; deletions in _FOLD are for names.
# It is applied to code points through a lookup table (all folded letters are below U+0700).
_FOLD_1TO1 = {k: ord(v) for k, v in _FOLD.items() if isinstance(v, str) and len(v) == 1}
_FOLD_TABLE = np.arange(max(_FOLD_1TO1) + 1, dtype=np.uint32)
_FOLD_TABLE[list(_FOLD_1TO1)] = list(_FOLD_1TO1.values())
_PADDING = np.zeros(3, dtype=np.uint32)
_YEH = ord("ی")
_WORD_TABLE = code_point_table(_WORD_CHARS)  # which code points _WORD_CHARS matches


_HEH, _ZWNJ, _LAM, _ALEF, _WAW, _ALEF_MADDA = ord("ه"), 0x200C, ord("ل"), ord("ا"), ord("و"), ord("آ")


def _ezafe_yeh(padded: np.ndarray, word: np.ndarray, text: str) -> np.ndarray:
    """Where a word's last letter is the ezafe «ی» written after a silent ه, glued or after a ZWNJ («نماینده‌ی ویژه‌ی
    سازمان ملل», «فرستادهی ویژهی»; not «ماهی», «گروهی», whose ه is a consonant): no letter of the name, and names
    are matched through it."""
    out = np.zeros(len(padded), dtype=bool)
    n = len(padded)
    if n < 5:
        return out
    # views aligned on the candidate «ی» at y = 3 … n-2: the letters one to four before it and the one after
    at, after = padded[3:n - 1], word[4:n]
    p1, p2, p3 = padded[2:n - 2], padded[1:n - 3], padded[0:n - 4]
    w2, w3 = word[1:n - 3], word[0:n - 4]
    p4 = np.concatenate((_PADDING[:1], padded[0:n - 5]))

    def consonant(letters: np.ndarray) -> np.ndarray:  # «ماهی», «گروهی»: after ا/و/آ the ه is a consonant
        return (letters != _ALEF) & (letters != _WAW) & (letters != _ALEF_MADDA)

    candidate = (at == _YEH) & ~after
    # «نصراللهی»، «حزب‌اللهی»: the ه of «الله» is a consonant
    glued = (p1 == _HEH) & w2 & (p2 != _ZWNJ) & consonant(p2) & w3 & (p3 != _ZWNJ) & ~((p2 == _LAM) & (p3 == _LAM))
    apart = (p1 == _ZWNJ) & (p2 == _HEH) & w3 & consonant(p3) & ~((p3 == _LAM) & (p4 == _LAM))
    out[3:n - 1] = candidate & (glued | apart)
    for i in np.flatnonzero(out).tolist():  # a word of its own keeps its «ی» (فرماندهی): a few candidates, one by one
        start = i
        while start > 0 and word[start - 1]:
            start -= 1
        if key(text[start:i + 1]) in heh_yeh_words():
            out[i] = False
    return out


@cache
def heh_yeh_words() -> frozenset[str]:
    """Keys of the words ending in ‑هی that are no ezafe (lexicons/heh_yeh_words.tsv)."""
    return frozenset(key(w) for w in word_list("lexicons", "heh_yeh_words.tsv"))


def _fold_codes(codes: np.ndarray) -> np.ndarray:
    """``codes`` with the one-to-one letter and digit folding of keys applied."""
    small = codes < len(_FOLD_TABLE)
    return np.where(small, _FOLD_TABLE[np.where(small, codes, 0)], codes)


def _is_word_code(codes: np.ndarray) -> np.ndarray:
    """For each code point, whether it is a word character (``_WORD_CHARS``)."""
    return _WORD_TABLE[np.minimum(codes, len(_WORD_TABLE) - 1)]


#: A word at least this frequent in hazm's corpus counts as ordinary: a name equal to it needs context.
COMMON_FREQUENCY = 500_000


@cache
def word_frequencies() -> dict[str, int]:
    """Keys of ordinary words and their corpus frequencies (``models/lexicons/word_frequencies.tsv``)."""
    out: dict[str, int] = {}
    for line in word_list_rows("lexicons", "word_frequencies.tsv"):
        word, _, freq = line.partition("\t")
        k = key(word)
        out[k] = max(out.get(k, 0), int(freq))
    return out


def word_frequency(k: str) -> int:
    """Corpus frequency of a key (0 for unknown words and names too rare to list)."""
    return word_frequencies().get(k, 0)


#: Ordinals spelt as words (دهم, یازدهم): after دولت/مجلس they number an administration or a term.
ORDINAL_WORD = re.compile(r"^(?:اول|یکم|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم|یازدهم|دوازدهم|سیزدهم|"
                          r"چهاردهم|پانزدهم|شانزدهم|هفدهم|هجدهم|نوزدهم|بیستم|سی‌ام)$")
_NUMBER_STEMS = ("(?:یک|دو|سو|سه|چهار|پنج|شش|هفت|هشت|نه|ده|یازده|دوازده|سیزده|چهارده|پانزده|شانزده|هفده|هجده|"
                 "هیجده|نوزده|بیست|سی|چهل|پنجاه|شصت|هفتاد|هشتاد|نود|صد|دویست|سیصد|پانصد|هزار|میلیون|میلیارد)")
#: Ordinal numbers (ششم، شانزدهم، دهمین، بیست‌وپنجمین، ۱۲ام) and digits: never a short name or a surname.
#: Only number words take the ending: بهرام and اسلام are no ordinals.
ORDINAL = re.compile(rf"^(?:[0-9]+(?:ام|مین|امین)?|{_NUMBER_STEMS}(?:و?{_NUMBER_STEMS})*(?:مین|امین|ام|م))$|"
                     + ORDINAL_WORD.pattern)
#: So frequent that a given name spelt like it is read as the word first (نظام, بازی).
EVERYDAY_FREQUENCY = 5_000_000
#: A ‑ی word is an everyday adjective when its base is at least this frequent (شهر → شهری).
DERIVED_BASE_MIN_FREQUENCY = 50_000


def derived_base(word: str) -> str | None:
    """``رضایی`` → ``رضا``, ``شهری`` → ``شهر``: the word without a final ‑ی/‑یی/‑ای (None if it has none)."""
    for ending in ("یی", "ای", "ی"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return None


#: The superlative ending (بزرگ‌ترین): keys lose the ZWNJ, so it is glued here.
SUPERLATIVE = "ترین"
PLURAL_ENDINGS = ("هایمان", "هایشان", "هایی", "های", "ها")


def plural_base(word: str) -> str | None:
    """``کتابهای`` → ``کتاب``, ``حبسهایی`` → ``حبس``: the key without a plural ending (None if it has none)."""
    for ending in PLURAL_ENDINGS:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return None


def is_ordinary(k: str) -> bool:
    """Is the key an everyday word, or an adjective made from one with ‑ی (شهری, اسلامی, ایرانی)?

    Words made from given names (محمدی, رضایی, کریمی) are surnames, not ordinary words, unless
    the given name is above all an everyday word (نظام → نظامی).
    """
    if word_frequency(k) >= COMMON_FREQUENCY:
        return True
    if k.endswith(SUPERLATIVE) and word_frequency(k[: -len(SUPERLATIVE)]) >= COMMON_FREQUENCY:
        return True  # «مهمترین», «بالاترین»: hazm's word list has no superlatives; an everyday word's is everyday too
    base = derived_base(k)
    if base is None:
        return False
    if base in given_name_keys():
        return base in ambiguous_given_keys() and word_frequency(base) >= EVERYDAY_FREQUENCY
    return word_frequency(base) >= DERIVED_BASE_MIN_FREQUENCY


@cache
def common_words() -> frozenset[str]:
    """Keys of ordinary Persian words (frequent in hazm's corpus): a short name equal to one needs context."""
    return frozenset(k for k, f in word_frequencies().items() if f >= COMMON_FREQUENCY)


@cache
def given_name_keys() -> frozenset[str]:
    """Keys of the given-name lexicon (a surname equal to a given name is not distinctive)."""
    return frozenset(key(w) for w in word_list("lexicons", "given_names.tsv"))


@cache
def ambiguous_given_keys() -> frozenset[str]:
    """Given names that are also ordinary words (flagged ``ambiguous`` in the lexicon: امید, نظام)."""
    return frozenset(key(line.split("\t")[0]) for line in word_list_rows("lexicons", "given_names.tsv")
                     if line.rstrip().endswith("\t1"))


@cache
def _cached_gazetteer(paths: tuple[str, ...], env: tuple[str, ...]) -> Gazetteer:
    return Gazetteer.load(paths)


def default_gazetteer(paths: tuple[str, ...] = ()) -> Gazetteer:
    """The shipped gazetteer plus environment and given files, loaded once per set of paths
    (and per value of ``PNN_GAZETTEERS``, so changing the variable takes effect)."""
    return _cached_gazetteer(tuple(paths), tuple(env_paths()))


def doc_gazetteer(doc) -> Gazetteer:  # noqa: ANN001 - a spaCy Doc
    """The gazetteer the NER stage used for this doc (user files included), for the later stages."""
    return default_gazetteer(doc.user_data.get("pnn_gazetteers", ()))
