"""Stage 3: named entities from gazetteers plus rules — ``PER``, ``LOC``, ``ORG``, ``ROLE``, ``DATE``.

Candidates come from

* the gazetteers (``gazetteer.py``): every alias found in the normalised text; names that are
  also ordinary words (``وفا``, ``امید``) or derived short names need support from context;
* dates (``dates.py``);
* rules whose vocabularies are data in ``models/``: organisation and place heads
  (``rules/ner_heads.tsv``: ``وزارت …``, ``شهر …``), role titles with their affiliation
  (``وزیر اطلاعات تاجیکستان``), title/honorific + name, given name + surname
  (``lexicons/given_names.tsv``, ``surname_suffixes.tsv``), apposition (``X، وزیر Y``) and sources
  (``به گزارش X``);
* context cues (``rules/context_cues.tsv``) deciding ambiguous readings (``دوشنبه`` Monday or
  Dushanbe).

Conflicts are resolved longest first, then by priority (gazetteer > rule > weak). Entities go to
``doc.ents``; names nested inside a longer entity (the ``تاجیکستان`` of
``وزیر اطلاعات تاجیکستان``) go to ``doc.spans["pnn_nested"]``. Span extensions: ``rule``,
``entity_id``, ``canonical_name``, ``confidence``, ``value`` and ``calendar`` (dates).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from . import tokenizer
from .dates import DateMatch, find_dates
from .gazetteer import (COMMON_FREQUENCY, EVERYDAY_FREQUENCY, ORDINAL, ORDINAL_WORD, Entry, Gazetteer, Hit, default_gazetteer, derived_base, is_ordinary, key, plural_base,
                        word_frequency)
from .normalizer import ZWNJ
from .pipeline import normalized
from .resources import model_path, read_tsv, word_list

LABELS = ("PER", "LOC", "ORG", "ROLE", "DATE")
# After a given name, a word is taken as the surname unless it is this frequent (بازی, کشور).
SURNAME_AFTER_GIVEN_MAX_FREQUENCY = 5_000_000
# A rule-made surname this frequent as a word is not repeated alone as the person elsewhere.
SURNAME_ALONE_MAX_FREQUENCY = 300_000
NUMBER_WORDS = frozenset("صفر یک دو سه چهار پنج شش هفت هشت نه ده ۲۴ ۳".split())  # «شبکه سه», an outlet with a number in its name; سه
# The most words before the home town in a club's name (نمونه فولاد سازان اصفهان).
CLUB_NAME_MAX = 3
# A body's name quoted after its head word (شرکت « … »): at most this many words inside the quotes.
QUOTED_NAME_MAX = 5
# Places that join a known organisation written right before them (وزارت خارجه [سوریه],
# دانشگاه آزاد اسلامی [نمونه‌آباد]): one ORG, as PEYMA tags it.
ORG_PLACE_KINDS = frozenset({"country", "province", "city"})
# … but an armed group, an international body or an NGO before a place that is an object acts on it (داعش
# [موصل] را از دست داد، سازمان ملل [ایران] را محکوم کرد), though a name may hold a country (حزب کارگران کردستان
# ترکیه) and an office may be named by its country (یونیسف افغانستان گزارش داد).
SEATLESS_KINDS = frozenset({"armed_group", "igo", "ngo"})
# Particles that open a two-word family name (آل صادق): a person named in full is later called by both words.
NAME_PREFIX_ROWS = read_tsv(model_path("lexicons", "name_prefixes.tsv"), ("prefix",))
FAMILY_PARTICLES = frozenset(key(r["prefix"]) for r in NAME_PREFIX_ROWS if r.get("family") == "1")
# Role ranks (roles.jsonl) that name a status one is in, not an office: their words are also adjectives
# or participles (محکوم «condemned», متهم «accused», نامزد «nominated»).
STATUS_RANKS = frozenset({"participant", "candidate"})
VEHICLE_CUES = frozenset({"VESSEL", "VEHICLE"})  # a person-shaped name after these names a vehicle (context_cues.tsv)
# A minister's title names the ministry by its portfolio alone (وزیر [امور خارجه]): PEYMA's ORG.
MINISTRY_HEAD = "وزارت"
MINISTER = "وزیر"
REPUBLIC = "جمهوری"  # «رئیس جمهوری X»: the title رئیس‌جمهوری and the country X, not رئیس of «جمهوری X»
# The most words of a directorate's name after a title like مدیرکل (راهداری و حمل و نقل جاده‌ای …).
ORG_AFTER_TITLE_MAX = 8
# Words and punctuation of a name, as the tokenizer splits them: how many tokens a name takes.
TOKEN_LIKE = re.compile(r"[^\W_]+|[^\w\s]")
SOURCE_NOT_NAMES = frozenset({"خبرنگار", "گروه", "سرویس", "ایرنا،", "این", "آن", "منابع", "رسانه‌ها", "گزارش"})
# Plural, possessive and ezafe endings an everyday word may carry (کشورمان, جوانان, داوری‌های).
EVERYDAY_ENDINGS = ("هایمان", "هایشان", "های", "ها", "مان", "شان", "تان", "ان", "ات", "ی", "ش")
DOMAIN = re.compile(tokenizer.DOMAIN)  # a site named by its domain: example.ir
# A word with a surname's ending (‑اف, ‑زاده) that is an everyday word (شاهزاده), or even this common in
# hazm's corpus (اصناف 305k, انصاف 438k), is no family name (امیرزاده 15k; most surnames are not listed).
SURNAME_ENDING_MAX_FREQUENCY = 100_000
YEAR = re.compile(r"\d{4}")  # «درآمد گوگل در ۲۰۱۶»: a year after a company is no model number
PUNCT = frozenset("،,.;؛:!؟?()[]«»\"'-–—/…")

for _name, _default in (("rule", None), ("entity_id", None), ("canonical_name", None), ("confidence", None),
                        ("value", None), ("calendar", None), ("date_basis", None), ("granularity", None),
                        ("affiliation", None), ("time_of_day", False), ("weekday_only", False)):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=_default)
if not Doc.has_extension("reference_date"):
    Doc.set_extension("reference_date", getter=lambda doc: doc.user_data.get("pnn_reference_date"))


# Marks between a name and the title that describes it: «نمونه، وزیر …», «نمونه - رئیس …».
DASHES = frozenset({"-", "–", "—"})  # hyphen, en and em dash: «فرهنگی - هنری», a route «X–Y–Z», an apposition
APPOSITION_MARKS = frozenset({"،", ","}) | DASHES
ALLAH = ("الله", "اله")  # ‑الله written apart ends a given name: «نقیب الله», «روح اله»
# A closing quotation mark and the mark that opens its quote (straight quotes open and close alike).
QUOTE_OPENER = {"»": "«", '"': '"'}
QUOTE_CLOSER = {opener: closer for closer, opener in QUOTE_OPENER.items()}


@dataclass
class Candidate:
    """A proposed entity over tokens ``[start, end)``."""

    start: int
    end: int
    label: str
    priority: int            # 3 gazetteer / explicit date, 2 rule around a known entity, 1 rule, 0 weak
    rule: str
    entry: Entry | None = None
    date: DateMatch | None = None
    confidence: float = 0.8
    nested: list[Candidate] = field(default_factory=list)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Head:
    words: tuple[str, ...]
    label: str
    needs: str
    max_tokens: int
    known: str = ""  # "out": a known name right after the head stands alone; "out_place": only a place does;
    # "out_wider": only a place wider than a country does
    person: bool = False  # a known person right after the head is the name (بنیاد نمونه‌زاده)
    ordinal: bool = False  # an ordinal right after the head is the name (دولت یازدهم)
    numbered: bool = False  # so is a number in figures (منطقه ۲۲)
    seat: bool = False  # a place with this head right after an organisation is part of its name
    kinds: frozenset[str] = frozenset()  # gazetteer kinds the head names (شهر: city, روزنامه: media)


@dataclass(frozen=True)
class Lexicons:
    """Word lists the rules read, loaded once."""

    function_words: frozenset[str]
    determiners: frozenset[str]         # این، آن، یک، هر …: a head word after one is a common noun
    given_names: frozenset[str]
    ambiguous_given: frozenset[str]
    honorifics: dict[str, str]          # form -> kind
    honorific_keys: frozenset[str]      # keys of all honorifics, multi-word ones too (امیر سرتیپ)
    honorific_starts: frozenset[str]    # keys of the first words of honorifics
    name_honorifics: frozenset[str]     # name prefixes that belong inside the PER span (سید)
    glued_prefix_re: re.Pattern          # a name prefix glued to a given name: (سید)(محمد)
    surname_suffixes: tuple[str, ...]
    surname_suffix_re: re.Pattern        # the same endings as one pattern (one test per word)
    heads: dict[str, list[Head]]        # first word, ZWNJ dropped -> heads starting with it (see head_words)
    seat_words: frozenset[str]          # first words of the seat heads (استان, شهرستان, واحد …)
    cues: dict[tuple[str, str], set[str]]  # (side, cue) -> labels supported
    common: frozenset[str]
    speech_verbs: frozenset[str]
    speech_openers: frozenset[str]      # openings of a reported statement (با اشاره، در ادامه): need a verb later
    review_markers: frozenset[str]      # a press review's attributions (به نقل از، از قول)
    attributions: frozenset[str]        # «به گفته», «به اعتقاد»: the name right after them says what follows
    attribution_lasts: frozenset[str]   # their last words (گفته), to find them fast
    credits: frozenset[str]             # «به کارگردانی», «به قلم»: the name right after them made the work named before
    credit_lasts: frozenset[str]        # their last words (کارگردانی), to find them fast
    verbs: frozenset[str]               # keys of inflected verb forms (کرد، می‌شود، گفتند …)
    light_verbs: frozenset[str]         # keys of light-verb forms: the word before one is the verb's noun
    closing_light_verbs: frozenset[str]  # keys of forms that are light verbs only closing the clause (متهم ساخت.)
    verbal_nouns: frozenset[str]        # nouns of compound verbs (ابراز، استفاده): names end before them
    detached_suffixes: frozenset[str]   # surname endings also written apart (جمالی پور)
    club_stops: frozenset[str]          # words before a town in a sports text that are no club's name (مردم, لیگ)
    common_bodies: frozenset[str]       # keys of «هیئت مدیره» and the like: a kind of body, no name
    head_adjectives: frozenset[str]     # «جدید», «قبلی»: after a head word they describe it, no name follows
    title_adjectives: frozenset[str]    # «سابق», «پیشین»: between a title and what it holds
    agent_nouns: frozenset[str]         # keys of «نیروهای», «مقامات»: people acting for a body (rules/agent_nouns.tsv)
    portfolios: dict[str, list[str]]    # a portfolio's first word(s), joined -> the portfolios' joined keys
    name_purposes: dict[str, str]       # «مبارزه» -> «با»: what a body is for, inside its name (rules/name_purposes.tsv)
    address_forms: frozenset[str]       # keys of «آقای», «جناب آقای»: always before a name or title (honorifics.tsv names=1)
    address_lasts: frozenset[str]       # keys of their last words, to find them fast
    name_closers: frozenset[str]        # keys of «خان», «بیگ»: written after a name, part of it (honorifics.tsv names=after)
    own_country: frozenset[str]         # keys of «کشورمان»: Iran as "our country", part of a body's name after it
    bare_places: frozenset[str]         # «کشور», «استان»: the place told about, a place after a direction (rules/bare_places.tsv)
    place_epithets: frozenset[str]      # «مطهر», «ملکوتی»: praise between a shrine's head and its honoured one (rules/place_epithets.tsv)

    def head_words(self, word: str) -> Sequence[Head]:
        """The heads starting with ``word``, with or without its ZWNJ (نیروهای, نیرو‌های)."""
        return self.heads.get(word.replace(ZWNJ, ""), ())

    @classmethod
    @cache
    def load(cls) -> Lexicons:
        fw_rows = read_tsv(model_path("lexicons", "function_words.tsv"), ("word",))
        fw = frozenset(r["word"] for r in fw_rows)
        given, ambiguous = set(), set()
        path = model_path("lexicons", "given_names.tsv")
        for r in read_tsv(path, ("name",)):
            given.add(key(r["name"]))
            if r.get("ambiguous") == "1":
                ambiguous.add(key(r["name"]))
        honorific_rows = read_tsv(model_path("lexicons", "honorifics.tsv"), ("form",))
        honorifics = {r["form"]: r.get("kind", "") for r in honorific_rows}
        prefixes = frozenset(r["prefix"] for r in NAME_PREFIX_ROWS if r.get("family") != "1")  # not آل: «آلمان» is no «آل‌مان»
        # weak endings (‑مند: دانشمند) and single letters (‑ی) are too weak to mark a surname on their own
        suffix_rows = read_tsv(model_path("lexicons", "surname_suffixes.tsv"), ("suffix", "strength"))
        suffixes = tuple(sorted((r["suffix"].lstrip("‑-") for r in suffix_rows if len(r["suffix"].lstrip("‑-")) > 1
                                 and r.get("strength") != "weak"),
                                key=len, reverse=True))
        heads: dict[str, list[Head]] = defaultdict(list)
        for r in read_tsv(model_path("rules", "ner_heads.tsv"), ("head", "label", "needs", "max")):
            words = tuple(w.replace(ZWNJ, "") for w in r["head"].split())  # «هفته‌نامه» is one word, written either way
            if r["needs"] not in ("name", "word", "entity", "proper"):
                raise r.error(f"needs={r['needs']!r}", "name, word, entity or proper")
            if r.get("known", "") not in ("", "out", "out_place", "out_wider"):
                raise r.error(f"known={r['known']!r}", "empty, out, out_place or out_wider")
            heads[words[0]].append(Head(words, r["label"], r["needs"], int(r["max"]), r.get("known", ""),
                                        r.get("person", "") == "1", r.get("ordinal", "") in ("1", "number"),
                                        r.get("ordinal", "") == "number", r.get("seat", "") == "1",
                                        frozenset(k for k in r.get("kinds", "").split(",") if k)))
        cues: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in read_tsv(model_path("rules", "context_cues.tsv"), ("cue", "side", "supports")):
            cues[(r["side"], r["cue"])].add(r["supports"])
        from .gazetteer import common_words

        speech_rows = read_tsv(model_path("rules", "speech_verbs.tsv"), ("form",))
        speech = frozenset(r["form"] for r in speech_rows if r.get("opens", "") == "")
        openers = frozenset(r["form"] for r in speech_rows if r.get("opens") == "1")
        review = frozenset(r["form"] for r in speech_rows if r.get("opens") == "review")
        attributions = frozenset(r["form"] for r in speech_rows if r.get("opens") == "according")
        credits = frozenset(r["form"] for r in speech_rows if r.get("opens") == "credit")
        suffix_re = re.compile("(?:" + "|".join(map(re.escape, suffixes)) + ")$") if suffixes else re.compile("(?!)")
        determiners = frozenset(r["word"] for r in fw_rows if r.get("kind") == "det")
        stem_rows = read_tsv(model_path("lexicons", "verb_stems.tsv"), ("form", "kind"))
        return cls(fw, determiners, frozenset(given), frozenset(ambiguous), honorifics, frozenset(key(h) for h in honorifics),
                   frozenset(key(w.split()[0]) for h in honorifics for w in (h, h.replace(ZWNJ, " "))),
                   prefixes, re.compile("^(" + "|".join(sorted(map(re.escape, prefixes), key=len, reverse=True)) + ")(..+)$"),
                   suffixes, suffix_re,
                   {w: sorted(hs, key=lambda h: -len(h.words)) for w, hs in heads.items()},
                   frozenset(w for w, hs in heads.items() if any(h.seat for h in hs)), dict(cues), common_words(), speech, openers, review, attributions,
                   frozenset(a.split()[-1] for a in attributions), credits, frozenset(c.split()[-1] for c in credits),
                   verb_forms(),
                   frozenset(key(r["form"]) for r in stem_rows if r["kind"] == "light"),
                   frozenset(key(r["form"]) for r in stem_rows if r["kind"] == "closing_light"),
                   frozenset(key(w) for w in word_list("lexicons", "verbal_nouns.tsv")),
                   frozenset(key(r["suffix"]) for r in suffix_rows if r.get("detached") == "1"),
                   frozenset(key(w) for w in word_list("lexicons", "club_stops.tsv")),
                   frozenset(key(r["phrase"]) for r in read_tsv(model_path("rules", "common_bodies.tsv"), ("phrase",))),
                   frozenset(key(w) for w in word_list("rules", "head_adjectives.tsv")),
                   frozenset(key(w) for w in word_list("rules", "title_adjectives.tsv")),
                   frozenset(key(w) for w in word_list("rules", "agent_nouns.tsv")),
                   _portfolios(),
                   {key(r["noun"]): r["preposition"] for r in read_tsv(model_path("rules", "name_purposes.tsv"), ("noun", "preposition"))},
                   frozenset(key(r["form"]) for r in honorific_rows if r.get("names") == "1"),
                   frozenset(key(r["form"].split()[-1]) for r in honorific_rows if r.get("names") == "1"),
                   frozenset(key(r["form"]) for r in honorific_rows if r.get("names") == "after"),
                   frozenset(key(w) for w in word_list("rules", "own_country.tsv")),
                   frozenset(key(w) for w in word_list("rules", "bare_places.tsv")),
                   frozenset(key(w) for w in word_list("rules", "place_epithets.tsv")))


def _portfolios() -> dict[str, list[str]]:
    """Department portfolios (``lexicons/portfolios.tsv``) as keys with no spaces, longest first, by
    every word-boundary prefix of them: the normaliser may join words of one into a token (محیط‌زیست)."""
    out: dict[str, list[str]] = defaultdict(list)
    for phrase in word_list("lexicons", "portfolios.tsv"):
        words = [key(w) for w in phrase.replace(ZWNJ, " ").replace("،", " ، ").split()]
        joined = "".join(words)
        for n in range(1, len(words) + 1):
            out["".join(words[:n])].append(joined)
    return {k: sorted(set(v), key=len, reverse=True) for k, v in out.items()}


PERFECT_ENDINGS = ("ام", "ای", "است", "ایم", "اید", "اند")


@cache
def verb_forms() -> frozenset[str]:
    """Keys of inflected verb forms, generated from hazm's verb stems (past#present per line).

    Names never run through a verb, and a word right before a light verb is the verb's own noun
    (خبر داد, تأکید کرد), so both bound rule-made names.
    """
    from importlib import resources

    past_endings = ("", "م", "ی", "یم", "ید", "ند", "ه", "ن")
    present_endings = ("م", "ی", "د", "یم", "ید", "ند")
    forms: set[str] = set()
    stems = read_tsv(model_path("lexicons", "verb_stems.tsv"), ("form", "kind"))
    bare = frozenset(r["form"] for r in stems if r["kind"] == "bare")  # کنم, شوند
    preverbs = tuple(r["form"] for r in stems if r["kind"] == "preverb")  # برگردند
    for line in (resources.files("hazm") / "data" / "verbs.dat").read_text(encoding="utf-8").splitlines():
        if "#" not in line:
            continue
        past, present = (p.strip() for p in line.split("#", 1))
        if past and " " not in past and len(past) > 1:
            for prefix in ("", "ن", "می", "نمی"):
                forms.update(key(prefix + past + e) for e in past_endings)
            for prefix in ("", "ن"):  # perfect forms, glued to their ending by the normaliser (کرده‌اند)
                forms.update(key(prefix + past + "ه" + e) for e in PERFECT_ENDINGS)
        for stem in present.split(" یا "):
            stem = stem.strip()
            if stem and " " not in stem:
                if stem.startswith("آ"):  # بیایند، بیاورند: ب + آ is written بیا
                    forms.update(key(p + "ا" + stem[1:] + e) for p in ("بی", "نی") for e in present_endings)
                if stem in bare:
                    forms.update(key(stem + e) for e in ("م", "یم", "ید", "ند"))  # not ‑ی, ‑د (lexicons/verb_stems.tsv)
                elif any(stem.startswith(v) and len(stem) > len(v) + 1 for v in preverbs):
                    forms.update(key(stem + e) for e in ("م", "د", "یم", "ید", "ند"))  # برگردد, بازگردد
                for prefix in ("می", "نمی", "ب", "ن"):
                    forms.update(key(prefix + stem + e) for e in present_endings)
    nouns = {key(r["form"]) for r in stems if r["kind"] == "noun"}  # مردم "people", not "I died"
    return frozenset(f for f in forms if len(f) > 1 and f not in nouns)


class EntityRecognizer:
    """The ``pnn_ner`` component."""

    def __init__(self, nlp: Language, name: str = "pnn_ner", *, gazetteers: tuple[str, ...] = ()) -> None:
        self.name = name
        self.paths = tuple(str(g) for g in gazetteers)
        self.gazetteer: Gazetteer = default_gazetteer(self.paths)
        self.lex = Lexicons.load()
        # outlets without their head word: a press review writes «نمونه: …» for روزنامه نمونه, although
        # the bare word may be an everyday word the gazetteer does not match alone
        self.bare_outlets, _ = self._headless_names("media", lambda h: any(x.label == "ORG" for x in self.lex.head_words(h)))
        # ministries without «وزارت»: a minister's title names one by its portfolio (وزیر مسکن و شهرسازی)
        # a portfolio that names one ministry only, its country too (وزیر [منابع آب ازبکستان]): that ministry
        self.portfolios, self.portfolio_entries = self._headless_names("ministry", lambda h: h == MINISTRY_HEAD)
        self.portfolio_max = max(self.portfolios.values(), default=0)

    def _headless_names(self, kind: str, is_head: Callable[[str], bool]) -> tuple[dict[str, int], dict[str, Entry]]:
        """Keys of the names of ``kind`` entries whose first word ``is_head``, that word dropped, each with
        the most tokens it takes in text (words and punctuation), and the entry each key names when it names
        only one. Computed once, at load time."""
        out: dict[str, int] = {}
        owners: dict[str, set[str]] = {}
        for entry in self.gazetteer.entries.values():
            if entry.kind == kind:
                for name in entry.names():
                    head, _, rest = name.partition(" ")
                    if rest and is_head(head):
                        k = key(rest)
                        out[k] = max(out.get(k, 0), len(TOKEN_LIKE.findall(rest)))
                        owners.setdefault(k, set()).add(entry.id)
        return out, {k: self.gazetteer.get(next(iter(ids))) for k, ids in owners.items() if len(ids) == 1}

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        norm = normalized(doc)
        doc.user_data["pnn_gazetteers"] = self.paths  # later stages read the same entries
        reference = doc.user_data.get("pnn_reference_date") or dt.date.today()
        ctx = _DocContext(doc, norm.text, self.lex)
        ctx.gazetteer = self.gazetteer
        candidates: list[Candidate] = []
        candidates += self._date_candidates(ctx, reference)
        candidates += [Candidate(i, i + 1, "ORG", 2, "rules:domain", confidence=0.8)  # a site: example.ir
                       for i, token in enumerate(doc) if DOMAIN.fullmatch(token.text)]
        # a known name whose last words open a date running past it is no name there: «وزیر ارتباطات و فناوری
        # [اطلاعات روز] سه‌شنبه» holds the weekday «روز سه‌شنبه», not the paper «اطلاعات روز»
        dates = [c for c in candidates if c.label == "DATE"]
        gaz = _with_overlapping_bodies([c for c in self._gazetteer_candidates(ctx)
                                        if not any(c.start < d.start < c.end < d.end for d in dates)])
        candidates += gaz
        ctx.title_starts = {c.start for c in gaz if c.label == "ROLE"}
        # (a known person's surname alone right after a place's head word names the place: «منطقه [X]», «میدان [X]»)
        ctx.blocked_starts = {c.start for c in candidates if c.label in ("DATE", "ROLE") or c.rule == "rules:domain"
                              or c.label == "PER" and not (c.length == 1 and c.entry is not None and len(c.entry.name.split()) > 1
                                                            and any(h.label == "LOC" for h in ctx.heads_at(c.start - 1)))}
        ctx.in_dates = {i for c in candidates if c.label == "DATE" for i in range(c.start, c.end)}
        ctx.role_ends = {c.end for c in gaz if c.label == "ROLE"}
        heads = self._head_candidates(ctx, gaz)
        candidates += heads
        roles = self._role_candidates(ctx, gaz, heads)
        refined = {(c.start, c.end) for c in roles}  # a title with what it holds replaces the bare title
        candidates = [c for c in candidates if c.label != "ROLE" or (c.start, c.end) not in refined] + roles
        candidates += self._person_candidates(ctx, roles + gaz)
        candidates += self._source_candidates(ctx, candidates)
        candidates += self._named_candidates(ctx)
        candidates += self._speaker_candidates(ctx, roles + gaz)
        candidates += self._attributed_candidates(ctx)
        candidates += self._credited_candidates(ctx)
        candidates += self._club_candidates(ctx, gaz)
        candidates += self._press_review_candidates(ctx, gaz, candidates)
        candidates += self._portfolio_candidates(ctx, gaz + heads)
        chosen = _resolve(candidates)
        chosen = self._decide_weekday_places(ctx, chosen, gaz)
        chosen = _with_list_members(ctx, chosen)
        chosen = _with_containing_place(ctx, chosen)
        surnames = self._surname_candidates(ctx, chosen)
        if surnames:
            chosen = _resolve(chosen + surnames)
        self._set_entities(doc, chosen, ctx)
        return doc

    # ------------------------------------------------------------ candidates
    def _date_candidates(self, ctx: _DocContext, reference: dt.date) -> list[Candidate]:
        out = []
        for d in find_dates(ctx.text, reference):
            span = ctx.token_span(d.start, d.end)
            if span is None:
                continue
            priority = 1 if d.weekday_only else 3
            out.append(Candidate(*span, "DATE", priority, "dates", date=d, confidence=0.6 if d.weekday_only else 0.9))
        return out

    def _gazetteer_candidates(self, ctx: _DocContext) -> list[Candidate]:
        hits = self.gazetteer.find(ctx.text)
        strong_ids = {e.id for h in hits if not h.weak for e in h.strong_entries()}
        # people the document names in full (not by a short form): a surname they share is theirs
        full_ids = {e.id for h in hits if len(h.entries) == 1 and h.entries[0].type == "PER"
                    for e in h.entries if h.key in self.gazetteer.name_keys(e)}
        # «استاندار [فارس]»: a title that heads a place (governor, mayor) names one right after it
        ctx.place_title_ends = {span[1] for h in hits if not h.weak and all(e.type == "ROLE" and e.attrs.get("heads") == "LOC"
                                                                             for e in h.entries)
                                for span in [ctx.token_span(h.start, h.end)] if span is not None}
        out = []
        for hit in hits:
            span = ctx.token_span(hit.start, hit.end)
            if span is None:
                continue
            entry = self._choose_entry(ctx, hit, span, full_ids)
            if entry.kind == "company" and self._names_product(ctx, span):
                continue  # «پژو ۲۰۶», «دو دستگاه تویوتا»: the car, not the carmaker
            if entry.type == "LOC" and "VESSEL" in ctx.cue_labels(*span):
                continue  # «زیردریایی نمونه‌گراد»: a ship named after a town is no place
            if entry.type == "LOC" and not entry.country and "COMMUNITY" in ctx.cue_labels(*span):
                continue  # «جهان اسلام»: the Muslim world, a community of peoples, not the place
            if entry.type == "ROLE" and self._role_as_word(ctx, entry, span):
                ctx.described.add(span[0])  # «نیروهای شورشی»: the head it describes opens no name over it
                continue
            if not hit.weak and hit.weak_ids and entry.attrs.get("ambiguous"):  # «روحانی»: the title unless context argues for the person
                entry = next((e for e in hit.entries if e.id in hit.weak_ids and e.type != entry.type
                              and self._supported(ctx, e, span, strong_ids, hits)), entry)
            if hit.weak and not self._supported(ctx, entry, span, strong_ids, hits):
                weak = Candidate(*span, entry.type, 0, entry.source, entry, confidence=0.6)
                if entry.type == "LOC":
                    ctx.unsupported_places[span] = weak
                if entry.type != "ROLE":
                    ctx.weak.append(weak)
                continue
            priority = 0 if hit.weak else 3
            start, end = span
            if entry.type == "PER" and end - start == 1 and ctx.plain(end) in self.lex.detached_suffixes \
                    and ctx.name_word(end, before_light_verb=True):
                # «کیانی فر»: a known surname with a surname ending written apart is another family's name
                out.append(Candidate(start, end + 1, "PER", 1, "rules:name_shape", confidence=0.7))
                continue
            while entry.type == "PER" and end - start > 1 and ctx.norm(start) in self.lex.honorifics \
                    and ctx.norm(start) not in self.lex.name_honorifics \
                    and not (ctx.plain(start) in self.lex.given_names and ctx.plain(start + 1) not in self.lex.given_names):
                start += 1  # «شیخ احمد نمونه‌زاده»: the honorific is not part of the name; «امیر نمونه‌زاده» has it as given name
            if entry.type in ("PER", "ORG"):
                end = _with_religious_suffix(ctx, end)  # «امام علی (ع)», «کمیته امداد امام خمینی (ره)»: the blessing too
            if entry.type == "ORG" and ctx.plain(end) in self.lex.own_country:
                end += 1  # «وزارت امور خارجه کشورمان»: "our country's" belongs to the body's name
            label = entry.type
            if entry.attrs.get("building") and "PLACE_NOT_DAY" in ctx.cue_labels(start, end):
                label = "LOC"  # «در کاخ سفید»: the building the institution is named by, as a place
            out.append(Candidate(start, end, label, priority, entry.source, entry,
                                 confidence=0.6 if hit.weak else 0.95))
        return out

    def _role_as_word(self, ctx: _DocContext, entry: Entry, span: tuple[int, int]) -> bool:
        """A one-word title that is also an everyday word, used as that word: before a light verb or
        «به» when it names a status (``این حمله را محکوم کرد``, ``متهم به قتل``, ``نامزد شد``), or right
        after a body's head word, a noun for the people acting for one or a demonym it describes
        (``حکومت سرپرست``, ``حزب حاکم``, ``نیروهای شورشی``, ``شهروندان فرانسوی زندانی``)."""
        start, end = span
        if end - start != 1 or not (entry.attrs.get("ambiguous") or entry.attrs.get("rank") in STATUS_RANKS):
            return False
        after = ctx.plain(end) if end < len(ctx.doc) else ""
        if after in self.lex.light_verbs or (after == "به" and entry.attrs.get("rank") in STATUS_RANKS):
            return True
        if after in self.lex.closing_light_verbs and entry.attrs.get("rank") in STATUS_RANKS and ctx.norm(end + 1) in PUNCT:
            return True  # «X را … متهم ساخت.»: «ساخت» ending the clause is the light verb, not "made" (ساخت ایران)
        return bool(entry.attrs.get("ambiguous")) and start > 0 \
            and (ctx.is_demonym(start - 1) or any(len(h.words) == 1 and h.label == "ORG" for h in ctx.heads_at(start - 1))
                 or key(ctx.norm(start - 1)) in self.lex.agent_nouns  # «نیروهای شورشی»
                 # «کشورهای عضو», «کشور اروپایی عضو»: «member» after a plural or an everyday adjective describes it
                 or entry.attrs.get("rank") == "member" and (plural_base(ctx.plain(start - 1)) is not None or (
                     derived_base(ctx.plain(start - 1)) is not None and ctx.ordinary(start - 1))))

    @staticmethod
    def _names_product(ctx: _DocContext, span: tuple[int, int]) -> bool:
        """A company's name used for its product: a model number or Latin model name follows (پژو ۲۰۶,
        گوگل Pixel), or a product noun precedes it (context cue PRODUCT: خودروی, دستگاه, هواپیمای)."""
        model = ctx.norm(span[1]) if span[1] < len(ctx.doc) else ""
        if model and not YEAR.fullmatch(model) and (any(ch.isdigit() for ch in model) or model.isascii() and model.isalpha()):
            return True
        return "PRODUCT" in ctx.cue_labels(*span)

    @staticmethod
    def _choose_entry(ctx: _DocContext, hit: Hit, span: tuple[int, int], named: set[str]) -> Entry:
        """Among entries sharing a name: the one the document names in full elsewhere (``named``: مارتین شولتز …
        شولتز گفت is Martin Schulz, not George Shultz), the type the context argues for, then countries, cities,
        provinces.

        Without a cue, entries for which the name alone is weak are left out when another entry
        names it plainly (the title «دبیر» is not the surname of a person called … دبیر)."""
        if len(hit.entries) == 1:
            return hit.entries[0]
        in_full = [e for e in hit.entries if e.id in named]
        if len(in_full) == 1 and all(e.type == "PER" for e in hit.entries):
            return in_full[0]
        supported = ctx.cue_labels(*span)
        if "SPORT" in supported and any(e.kind == "club" for e in hit.entries):
            return next(e for e in hit.entries if e.kind == "club")
        strong = hit.strong_entries()
        if all(e.attrs.get("ambiguous") for e in strong):
            strong = hit.entries  # the plain reading is itself flagged as doubtful (روحانی the title)
        pool = [e for e in hit.entries if e.type in supported] or list(strong)
        order = {"LOC": 0, "ORG": 1, "PER": 2, "ROLE": 3}
        kind_order = {"country": 0, "city": 1, "province": 2}
        # a reading this name is weak for (a surname that is also a word) comes last
        return min(pool, key=lambda e: (e.id in hit.weak_ids, order.get(e.type, 9), kind_order.get(e.kind or "", 5)))

    def _supported(self, ctx: _DocContext, entry: Entry, span: tuple[int, int], strong_ids: set[str],
                   hits: list[Hit]) -> bool:
        """Context that lets a weak name count: the same entity named in full, a head, a title, a cue."""
        start, end = span
        if entry.id in strong_ids:
            return True
        cues = ctx.cue_labels(start, end)
        if entry.type in cues or ("SPORT" in cues and entry.kind == "club"):
            return True
        before = ctx.norm(start - 1) if start > 0 else ""
        if entry.type == "LOC" and (any(h.label == "LOC" for h in self.lex.head_words(before)) or start in ctx.place_title_ends):
            return True
        if entry.type == "ORG" and any(h.label == "ORG" for h in self.lex.head_words(before)):
            return True
        if entry.kind == "media" and ctx.norm(end) in (":", "-") and (start == 0 or start in ctx.sent_starts):
            return True  # a press review or a dateline: «نمونه‌نامه: …», «نمونه‌خبر - کابل:» opens with the outlet's name
        if entry.kind == "city" and ctx.norm(end) in ("-", "–") and (start == 0 or start in ctx.sent_starts) \
                and ctx.norm(end + 1)[:1].isdigit():
            return True  # a city's dateline: «رم - ۳۰ فروردین ۱۴۰۴ - …» opens the report with where it was written
        if entry.kind == "media" and (before == "به" and self._says(ctx, end)
                                      or before == "(" and (ctx.norm(end) == "،" or ctx.norm(end)[:1].isdigit())):
            return True  # «به [پژواک] گفت»: an interview given to the outlet; «کابل ([پژواک]، ۷ قوس)», «([پژواک] ۷ قوس)»: its dateline
        if entry.type == "PER":
            if ctx.honorific_ends(start - 1) or ctx.is_title_end(start):
                return True
            if self._says(ctx, end) and ctx.clause_starts(start):
                return True  # «نمونه‌زاده گفت», not «… انقلاب اسلامی گفت»
            if self._role_in_document(ctx, entry):
                return True
        return False

    def _role_in_document(self, ctx: _DocContext, entry: Entry) -> bool:
        """A person whose title and its organisation/place both occur in the document (والی … بلخ)."""
        for role in entry.roles_on(ctx.reference):
            org = self.gazetteer.get(role.org) if role.org else None
            if org is None or key(role.title) not in ctx.key_text:
                continue
            if any(key(n) in ctx.key_text for n in org.names()):
                return True
        return False

    def _head_candidates(self, ctx: _DocContext, gaz: list[Candidate]) -> list[Candidate]:
        """``وزارت …``, ``شهر …``: a head word and the name that follows it."""
        # the longest known name at each token: «استقلال خوزستان» is not «استقلال» and a place
        entity_at = {c.start: c for c in sorted(gaz, key=lambda c: c.length) if c.label in ("LOC", "ORG")}
        # after an organisation's head, a weak place that is itself a head word (Shahristan district, «شهرستان») is
        # the seat's head, not the name: «فرمانداری شهرستان [کرج]» is Karaj's governorate («ولسوالی [شهرستان]» is the district)
        org_entity_at = {k: c for k, c in entity_at.items() if not (c.priority == 0 and ctx.heads_at(k))}
        person_at = {c.start: c for c in gaz if c.label == "PER" and c.priority >= 3}
        known_names = [c for c in gaz if c.label in ("LOC", "ORG") and c.priority >= 3 and c.length > 1]
        gaz_starts = {c.start for c in known_names}
        # «مجلس [شورای] اسلامی قانون …»: a head word inside a known name opens no rival name running past it
        gaz_inside = {k for c in known_names for k in range(c.start + 1, c.end)}
        # a minister's portfolio that is also a place head (وزیر کشور: the interior, not «کشور ایران»; but
        # رئیس [کشور واتیکان] is the head of a state)
        in_title = {c.end - 1 for c in gaz if c.label == "ROLE" and c.length > 1 and c.entry is not None
                    and c.entry.attrs.get("org_head") == MINISTRY_HEAD and any(h.label == "LOC" for h in ctx.heads_at(c.end - 1))}
        out = []
        doc = ctx.doc
        # a known organisation followed by its country, province or town is one name: وزارت خارجه [سوریه]
        for c in gaz:
            follow = entity_at.get(c.end)
            if c.label == "ORG" and c.priority >= 3 and follow is not None and follow.label == "LOC" and c.entry is not None \
                    and follow.entry is not None and follow.entry.kind in ORG_PLACE_KINDS \
                    and not (c.entry.kind in SEATLESS_KINDS and ctx.norm(follow.end) == "را"):
                # «هلال احمر [سوریه]»: a body known for one country, named with another, is that country's own
                other = bool(c.entry.country and follow.entry.country and follow.entry.country != c.entry.country)
                if other and c.entry.kind == "media":
                    continue  # «به گزارش [ایرنا] عربستان …»: an outlet has no branch named so; the country begins the news
                out.append(Candidate(c.start, follow.end, "ORG", 3, c.rule, None if other else c.entry, nested=[follow],
                                     confidence=0.9))
        for i in range(len(doc)):
            if i in gaz_starts or i in gaz_inside:
                continue  # the gazetteer knows this name (سازمان ملل): no rule-made rival
            if i in in_title:
                continue  # «وزیر کشور ایران»: کشور ends the interior minister's title, it opens no «کشور ایران»
            head = next(iter(ctx.heads_at(i)), None)  # longest first: «تیم ملی» before «تیم»
            c = self._head_candidate(ctx, head, i, org_entity_at if head.label == "ORG" else entity_at, person_at) \
                if head is not None else None
            if c is not None:
                out.append(self._with_country(c, entity_at))
        out += self._before_made_places(ctx, out, entity_at)
        return out + self._with_seats(ctx, gaz, out, entity_at)

    @staticmethod
    def _before_made_places(ctx: _DocContext, made: list[Candidate], entity_at: dict[int, Candidate]) -> list[Candidate]:
        """A head that takes only a known place (a direction: شرق، جنوب غربی) takes a place named with its own head
        too: «شرق [استان نمونه]» is one LOC, as «شرق [نمونه‌آباد]» is (PEYMA train: 8 of 9)."""
        out = []
        for c in made:
            if c.label != "LOC" or c.start in entity_at:
                continue
            for k in (c.start - 1, c.start - 2):
                head = next((h for h in ctx.heads_at(k) if len(h.words) == c.start - k), None) if k >= 0 else None
                if head is not None and head.label == "LOC" and head.needs == "entity" and not head.known:
                    out.append(Candidate(k, c.end, "LOC", 2, "rules/ner_heads.tsv", nested=[c], confidence=0.8))
                    break
        return out

    def _head_candidate(self, ctx: _DocContext, head: Head, i: int, entity_at: dict[int, Candidate],
                        person_at: dict[int, Candidate]) -> Candidate | None:
        """The name a head word at token ``i`` opens, if any."""
        j = i + len(head.words)
        # «شرکت « نمونه‌ساز »», «شهر « نمونه‌آباد »»: a name in quotes, everyday words and all, the quotes inside (PEYMA's
        # span); not a person quoted after «ستاد» (a candidate's campaign: ستاد « نمونه‌علی نمونه‌زاده »)
        quoted = (head.label == "ORG" or head.needs != "entity" and head.known != "out") and ctx.norm(j) in QUOTE_CLOSER
        end = _quoted_name_end(ctx, j) if quoted and not ctx.clear_given(j + 1) else None
        if end is not None:
            inner = entity_at.get(j + 1)
            nested = [inner] if inner is not None and inner.end == end else []
            country = entity_at.get(end + 1)
            if head.label == "ORG" and country is not None and country.label == "LOC" and country.entry is not None \
                    and country.entry.kind == "country":
                return Candidate(i, country.end, "ORG", 2, "rules/ner_heads.tsv", nested=[*nested, country],
                                 confidence=0.8)  # «خبرگزاری « نمونه‌نیوز » ژاپن»: its country too
            return Candidate(i, end + 1, head.label, 2, "rules/ner_heads.tsv", nested=nested, confidence=0.8)
        honoured = self._honoured_place(ctx, head, i, j, person_at)
        if honoured is not None:
            return honoured
        known = entity_at.get(j)
        if known is not None and (head.known == "out" or (head.known == "out_place" and known.label == "LOC")):
            return None  # منطقه [خاورمیانه]: the known name alone
        if known is not None and head.known == "out_wider" and known.label == "LOC" and known.entry is not None \
                and (known.entry.kind == "continent" or (known.entry.kind == "region" and not known.entry.country)):
            return None  # «۲۰ کشور [جهان]»: a place wider than a country is no name of the country
        if known is None and head.person:
            # بنیاد نمونه‌زاده: an organisation named after a person; دولت آقای نمونه‌زاده: with a courtesy title
            known = person_at.get(j) or (person_at.get(j + 1) if self.lex.honorifics.get(ctx.norm(j)) == "courtesy" else None)
        if known is not None and _outlet_of_another_kind(head, known):
            return None  # «حوزه اقتصادی [خبرگزاری نمونه]»: a desk of a news outlet, the outlet alone is named
        if known is not None and (head.label == "ORG" or known.label != "ORG"):
            # شهر دوشنبه is Dushanbe itself, روزنامه نمونه‌پست the paper itself; تالار وحدت is a hall, not the town of Vahdat
            same = head.label == known.label and known.entry is not None and known.entry.kind in head.kinds
            return Candidate(i, known.end, head.label, 2, "rules/ner_heads.tsv", known.entry if same else None,
                             nested=[] if same else [known], confidence=0.85)
        if head.ordinal and ORDINAL_WORD.match(ctx.plain(j)) or head.numbered and ctx.norm(j).isdigit():
            # «دولت یازدهم»: a numbered administration or term; «منطقه ۲۲»: a city district numbered in figures
            return Candidate(i, j + 1, head.label, 2, "rules/ner_heads.tsv", confidence=0.8)
        if head.needs == "entity" and head.label == "LOC" and not head.known and ctx.plain(j) in self.lex.bare_places \
                and not ctx.name_word(j + 1):
            return Candidate(i, j + 1, "LOC", 2, "rules/ner_heads.tsv", confidence=0.7)  # «جنوب غرب کشور»: of the country told
        if head.needs == "entity":
            return Candidate(i, j + 1, head.label, 2, "rules/ner_heads.tsv", confidence=0.8) if ctx.is_demonym(j) else None
        if any("".join(ctx.plains[i:i + n]) in self.lex.common_bodies for n in (2, 3)):
            return None  # «هیئت مدیره»: every company has one; «تیم ملی جوانان»: every country
        if ctx.plain(j) in self.lex.head_adjectives or j in ctx.described:
            return None  # «مجلس جدید», «باشگاه قبلی», «نیروهای شورشی»: the head described, not named
        if i > 0 and ctx.norm(i - 1) in self.lex.determiners:
            return None  # «این شهرستان سیستم …», «یک منطقه چهارفصل»: a common noun, no name after it
        end, inner = self._extend_name(ctx, j, head.max_tokens, entity_at)
        if end == j:
            return None
        if not inner and all(ctx.everyday(k) for k in range(j, end)) and (head.needs == "proper" or (end - j == 1 and head.needs != "word")) \
                and not self._seat_follows(ctx, end, entity_at):
            return None  # «شبکه خبری» is no name, «شبکه بهداشت و درمان شهرستان نمونه» is, with its seat
        return Candidate(i, end, head.label, 1, "rules/ner_heads.tsv", nested=inner, confidence=0.7)

    def _honoured_place(self, ctx: _DocContext, head: Head, i: int, j: int,
                        person_at: dict[int, Candidate]) -> Candidate | None:
        """«حرم [مطهر] امام رضا (ع)», «چهارراه شهید نمونه‌پور»: a place head named after a person, with an honorific
        (and a word of praise before it), is one LOC over the name and its blessing (PEYMA train: 16 of 16)."""
        if not head.person or head.label != "LOC":
            return None
        k = j + (ctx.plain(j) in self.lex.place_epithets)
        h = next((k + n for n in (4, 3, 2, 1) if ctx.honorific_ends(k + n - 1)
                  and "".join(ctx.plains[k:k + n]) in self.lex.honorific_keys), None)
        if h is None and k > j and k in person_at:
            h = k  # «حرم مطهر [امام رضا (ع)]»: a known person after the praise
        if h is None:
            return None
        person = person_at.get(h)
        end = person.end if person is not None else h
        while person is None and end < h + 2 and ctx.name_word(end) and not ctx.everyday(end) \
                and end not in ctx.blocked_starts and not ctx.is_title_start(end):
            end += 1  # «شهید نمونه‌پور»: a name the gazetteer does not know
        end = _with_religious_suffix(ctx, end)
        if end == h:
            return None
        return Candidate(i, end, "LOC", 2, "rules/ner_heads.tsv", nested=[person] if person is not None else [],
                         confidence=0.8)

    @staticmethod
    def _with_country(c: Candidate, entity_at: dict[int, Candidate]) -> Candidate:
        """A place named with its head takes the country written after it: «شهر [نمونه‌آباد] [نمونه‌ستان]»
        is one LOC, as PEYMA tags it (13 of 14 in its training file), the country nested."""
        country = entity_at.get(c.end)
        if c.label != "LOC" or country is None or country.entry is None or country.entry.kind != "country":
            return c
        place = c.entry or next((n.entry for n in c.nested if n.label == "LOC" and n.entry is not None), None)
        if place is not None and place.country not in (None, country.entry.country):
            return c  # «شهر نمونه‌آباد ایران» about a town of another country: two places
        return Candidate(c.start, country.end, "LOC", c.priority, c.rule, c.entry, nested=[*c.nested, country],
                         confidence=c.confidence)

    def _seat_follows(self, ctx: _DocContext, i: int, entity_at: dict[int, Candidate]) -> bool:
        """Token ``i`` opens a known seat: a seat head and the place it names (استان [نمونه‌ستان])."""
        place = entity_at.get(i + 1)
        return ctx.norm(i) in self.lex.seat_words and place is not None and place.label == "LOC"

    def _with_seats(self, ctx: _DocContext, gaz: list[Candidate], heads: list[Candidate],
                    entity_at: dict[int, Candidate]) -> list[Candidate]:
        """An organisation followed by its seat (``استان X``, ``شهرستان X``, ``شهر X``, ``واحد X``) is one
        name: ``اداره کل نمونه‌داری استان نمونه``, ``دانشگاه نمونه واحد نمونه‌آباد``."""
        seats = {}
        for c in heads:
            if c.label == "LOC" and any(h.seat and h.label == "LOC" for h in self.lex.head_words(ctx.norm(c.start))):
                best = seats.get(c.start)
                if best is None or c.length > best.length:
                    seats[c.start] = c
        seat_words = self.lex.seat_words
        for i in (k for k, w in enumerate(ctx.norms) if w in seat_words):
            # a seat head that leaves a known place alone (واحد [X]), or has no name after it
            head = next((h for h in ctx.heads_at(i) if h.seat and h.known == "out"), None)
            place = entity_at.get(i + len(head.words)) if head is not None else None
            if place is not None and place.label == "LOC" and i not in seats:
                seats[i] = Candidate(i, place.end, "LOC", 2, "rules/ner_heads.tsv", nested=[place])
            elif i not in seats and not ctx.name_word(i + 1) and any(h.seat and len(h.words) == 1 for h in ctx.heads_at(i)):
                seats[i] = Candidate(i, i + 1, "LOC", 1, "rules/ner_heads.tsv")  # «کمیته امداد استان»: the head alone
        out = []
        for c in gaz + heads:
            seat = seats.get(c.end) if c.label == "ORG" and (c.priority >= 3 or c.rule == "rules/ner_heads.tsv") else None
            if seat is not None:
                out.append(Candidate(c.start, seat.end, "ORG", c.priority, c.rule, c.entry, nested=[seat], confidence=c.confidence))
        return out

    @staticmethod
    def _extend_name(ctx: _DocContext, j: int, max_tokens: int, entity_at: dict[int, Candidate]) -> tuple[int, list[Candidate]]:
        """End of the name words from token ``j`` (at most ``max_tokens``; a known place or organisation
        is taken whole and ends the name; another entity, a verbal noun or a verb stops it)."""
        end = j
        taken = 0
        if ctx.lex.name_purposes.get(ctx.plain(j)) == ctx.norm(j + 1) and ctx.name_word(j + 2):
            end = j + 2  # «ستاد [مبارزه با] مواد مخدر»: what the body is for, its preposition and all
        while end < len(ctx.doc) and taken < max_tokens:
            known = entity_at.get(end)
            if known is not None:
                second = entity_at.get(known.end + 1) if ctx.norm(known.end) == "و" else None
                if known.label == "LOC" and second is not None and second.label == "LOC":
                    return second.end, [known, second]  # «کمیسیون مشترک [X] و [Y]»: a body of two countries
                return known.end, [known]
            if end in ctx.blocked_starts:
                break
            word = ctx.norm(end)
            if word == "و" and (ctx.lex.head_words(ctx.norm(end + 1))
                                or (base := plural_base(ctx.plain(end + 1))) is not None and ctx.lex.head_words(base)):
                break  # «اداره نمونه و شهرداری نمونه‌آباد»، «… و بندرهای X»: a second head opens a second name
            if word == "و" and end > j and end + 1 < len(ctx.doc) and ctx.name_word(end + 1) and taken + 1 < max_tokens:
                end += 1  # «حمل و نقل»: «و» joins two words of one name and is not counted as one
                continue
            if word in DASHES and end > j and ctx.plain(end - 1).endswith("ی") and ctx.plain(end + 1).endswith("ی") \
                    and ctx.name_word(end + 1) and taken + 1 < max_tokens:
                end += 1  # «سازمان فرهنگی - هنری …»: a hyphen joins two adjectives of one name
                continue
            if not ctx.name_word(end) or ctx.is_title_start(end):
                break
            if end > j and word in ctx.lex.seat_words and ctx.name_word(end + 1):
                break  # «اداره کل نمونه‌داری [استان نمونه]»: the seat is joined by the seat rule, place and all
            if ctx.plain(end) in ctx.lex.verbal_nouns and (end > j or not ctx.name_word(end + 1)) \
                    and not (end + 1 >= len(ctx.doc) or ctx.norm(end + 1) in PUNCT or ctx.norm(end + 1) in ctx.lex.seat_words):
                break  # a compound verb's noun ends a name, unless it opens one (سازمان حمایت …) or closes it (… انتخاب،
                # … رفع موانع تولید استان نمونه)
            end += 1
            taken += 1
        if end > j and ctx.norm(end - 1) == "و":
            end -= 1
        return end, []

    def _role_candidates(self, ctx: _DocContext, gaz: list[Candidate], heads: list[Candidate]) -> list[Candidate]:
        """Role titles, extended over the organisation or place they belong to (وزیر اطلاعات تاجیکستان).

        A ministerial title names its ministry too: ``وزیر [امور خارجه ژاپن]`` holds the
        organisation ``امور خارجه ژاپن`` (PEYMA's convention), kept nested in the role.
        """
        affil_at: dict[int, Candidate] = {}
        for c in sorted(gaz + heads, key=lambda c: -c.length):
            if c.label in ("LOC", "ORG"):
                affil_at.setdefault(c.start, c)
        out = []
        role_at = {c.start: c for c in gaz if c.label == "ROLE"}
        reach: dict[int, int] = {}  # how far the titles at a token reach with the place or body after them
        for c in gaz:
            if c.label == "ROLE":
                following = affil_at.get(c.end)
                reach[c.start] = max(reach.get(c.start, 0), following.end if following is not None else c.end)
        for c in gaz:
            if c.label != "ROLE":
                continue
            # «معاون [صدراعظم] قزاقستان»: a title of a title is one role, ending where the inner one ends
            inner_role = role_at.get(c.end)
            known_portfolio, ministry_entry = False, None
            if inner_role is not None:
                c = Candidate(c.start, inner_role.end, "ROLE", c.priority, c.rule, c.entry, confidence=c.confidence)
            elif (minister := c.start if ctx.norm(c.start) == MINISTER and c.entry is not None
                  and c.entry.attrs.get("org_head") == MINISTRY_HEAD
                  else c.end - 1 if c.end - 1 > c.start and ctx.norm(c.end - 1) == MINISTER else None) is not None:
                # «وزیر [مسکن و شهرسازی]»: a minister of any ministry the gazetteer knows, former ones too; and so
                # a title ending in the minister's (معاون وزیر [منابع آب] ازبکستان)
                longest = next((n for n in range(self.portfolio_max + 1) if minister + 1 + n >= len(ctx.doc)
                                or ctx.norm(minister + 1 + n).isspace() or (minister + 1 + n) in ctx.sent_starts),
                               self.portfolio_max)  # within the line
                portfolio = next((n for n in range(longest, c.end - minister - 1, -1)
                                  if "".join(ctx.plains[minister + 1:minister + 1 + n]) in self.portfolios), 0)
                if minister + 1 + portfolio > reach.get(c.start, c.end):
                    c = Candidate(c.start, minister + 1 + portfolio, "ROLE", c.priority, c.rule, c.entry, confidence=c.confidence)
                    known_portfolio = True
                    ministry_entry = self.portfolio_entries.get("".join(ctx.plains[minister + 1:minister + 1 + portfolio]))
            affiliation = affil_at.get(c.end)
            if affiliation is not None and ctx.norm(c.end) == REPUBLIC and any(
                    o.label == "ROLE" and o.start == c.start and o.end == c.end + 1 for o in gaz):
                continue  # «رئیس جمهوری تاجیکستان» is the president's title, read from the longer title
            tenure = affiliation is None and ctx.plain(c.end) in self.lex.title_adjectives and c.end + 1 in affil_at
            if tenure:
                affiliation = affil_at[c.end + 1]  # «سخنگوی پیشین [وزارت خارجه]»: the title still holds it
            inner_org = next((affil_at[p] for p in range(c.start + 1, c.end) if p in affil_at
                              and affil_at[p].label == "ORG" and affil_at[p].end > c.end), None)
            if affiliation is None and inner_org is not None:
                # «رئیس [سازمان نمونه‌پژوهی]»: the title ends on the head of a longer organisation name
                out.append(Candidate(c.start, inner_org.end, "ROLE", 3, c.rule, c.entry, confidence=0.9, nested=[inner_org]))
                continue
            if affiliation is None and c.entry is not None and c.entry.attrs.get("org_follows"):
                # «مدیرکل [نمونه‌داری استان نمونه]»: the directorate's name follows the title, up to its place
                org_end, inner = self._extend_name(ctx, c.end, ORG_AFTER_TITLE_MAX, affil_at)
                if org_end > c.end:
                    affiliation = Candidate(c.end, org_end, "ORG", 1, "rules:role_org", nested=inner, confidence=0.65)
            end = affiliation.end if affiliation is not None else c.end
            nested = [affiliation] if affiliation is not None else []
            org_start = self._org_head_inside(ctx, c)
            org_head = c.entry.attrs.get("org_head") if c.entry is not None else None
            title_start = c.start
            if not org_head and inner_role is not None and inner_role.entry is not None:
                org_head, title_start = inner_role.entry.attrs.get("org_head"), inner_role.start  # «معاون [وزیر خارجه] …»
            # with a word of tenure the portfolio ends before it: «وزیر [خارجه] سابق [آمریکا]» (PEYMA tags both)
            org_end = c.end if tenure else end
            if org_head and org_end - title_start >= 2 \
                    and (org_head == MINISTRY_HEAD or ctx.phrase(title_start + 1, len(org_head.split())) == org_head):
                org_start = title_start + 1  # a minister's portfolio (وزیر [امور خارجه]); «نماینده مردم» holds no body
                while org_start < org_end - 1 and org_start in ctx.title_starts:
                    org_start += 1  # «معاون وزیر [آموزش و پرورش]»: the portfolio follows the inner title
            if affiliation is None and not known_portfolio and ctx.norm(c.end) == "و" and ctx.name_word(c.end + 1) \
                    and not ctx.is_title_start(c.end + 1):
                org_start = None  # «رئیس اتاق بازرگانی و …»: the name may run on; a cut-off part is no name
            if org_start is not None and org_end - org_start == 1 and any(h.label == "ORG" for h in self.lex.head_words(ctx.norm(org_start))):
                org_start = None  # «رئیس کمیته»: a bare head word names no organisation
            if org_start is not None and org_start < org_end:
                # «وزیر [امور خارجه X]», «رئیس [سازمان نمونه]»: the title holds its organisation
                # (a minister's bare portfolio, «[امور خارجه ایران]» with no «وزارت», is PEYMA's ORG; records keep it on
                # the title, see records.PORTFOLIO_RULE)
                portfolio = org_head == MINISTRY_HEAD and ctx.norm(org_start) != MINISTRY_HEAD
                ministry = Candidate(org_start, org_end, "ORG", 1, "rules:role_portfolio" if portfolio else "rules:role_ministry",
                                     ministry_entry if affiliation is None else None,
                                     nested=[] if tenure else nested, confidence=0.7)
                nested = [ministry] + (nested if tenure else [])
            if end > c.end or nested:
                out.append(Candidate(c.start, end, "ROLE", 3, c.rule, c.entry, confidence=0.9, nested=nested))
        ctx.role_ends.update(c.end for c in out)
        return out

    def _org_head_inside(self, ctx: _DocContext, role: Candidate) -> int | None:
        """Where an organisation head word opens the rest of a title (رئیس [سازمان …]), if it does."""
        for p in range(role.start + 1, role.end):
            for head in ctx.heads_at(p):
                n = len(head.words)
                if head.label != "ORG" or head.needs == "entity" or p + n >= role.end:
                    continue
                if head.needs == "proper" and all(ctx.ordinary(k) for k in range(p + n, role.end)):
                    continue  # «عضو هیئت علمی»: a head before everyday words is no name
                return p
        return None

    def _person_candidates(self, ctx: _DocContext, known: list[Candidate]) -> list[Candidate]:
        """Names by shape: title/honorific + name, given name + surname, and ``name، title`` apposition."""
        out = []
        doc = ctx.doc
        taken = {i for c in known if c.label in ("LOC", "ORG") and c.priority >= 2 for i in range(c.start, c.end)}
        known_people = [(c.start, c.end) for c in known if c.label == "PER" and (c.end - c.start >= 3 or (
            c.end - c.start == 2 and any(ctx.plain(k) not in self.lex.given_names for k in range(c.start, c.end))))]
        norms, closed = ctx.norms, self.lex.function_words
        i = 0
        while i < len(doc):
            if norms[i] in closed or norms[i] in PUNCT:
                i += 1  # a function word or a mark opens no name, nor is one after a title (the rules below agree)
                continue
            start = i
            if ctx.honorific_ends(i) and ctx.norm(i) not in self.lex.name_honorifics and ctx.honorific_ends(i - 1):
                i += 1  # «حجت‌الاسلام والمسلمین»: the end of a longer honorific is no name
                continue
            if ctx.address_ends(i) and ctx.name_word(i + 1):
                i += 1  # «سردار امید رهنما»: a form of address that is also a given name is the title here
                continue
            if ctx.norm(i) in self.lex.name_honorifics:
                i += 1
            names, given_keys, last_width = 0, [], 0
            if ctx.plain(i) in self.lex.head_adjectives and ctx.honorific_ends(i - 1):
                i += 1  # «شهید گمنام»: an adjective describes the one honoured, it names no one
                continue
            while i < len(doc) and i not in taken and names < 3:
                if ctx.norm(i) in self.lex.function_words:
                    break  # «… رونالدو روی کفش‌ها», «اما ردپای …»: "on", "but", not the given names Rui, Emma
                if self.lex.head_words(ctx.norm(i)) and ctx.plain(i) in self.lex.ambiguous_given:
                    break  # «دولت عثمانی»: the head word «دولت», not the given name Dowlat
                width, given = self._given_name_at(ctx, i)
                if not width or (i + width - 1) in taken:
                    break
                names += 1
                given_keys.append(given)
                i += width
                last_width = width
            after_title = ctx.is_title_end(start) or ctx.honorific_ends(start - 1)
            if names == 0 and not after_title:
                i = start + 1
                continue
            if names == 0:
                i = start
            if (names >= 1 and ctx.plain(i) in self.lex.detached_suffixes) or (names >= 2 and (
                    given_keys[-1] in self.lex.ambiguous_given and given_keys[0] not in self.lex.ambiguous_given
                    and derived_base(given_keys[-1]) is not None and not ctx.surname_like(i, self.lex, True)
                    and ctx.surname_like(i - last_width, self.lex, True, derived_ok=True))):  # not a demonym (سوری)
                # «میلاد قربان زاده», «شهید رحیم زاده»: the last "given name" opens the surname written apart;
                # «ذبیح‌الله نوری»: a doubtful ‑ی "given name" after a clear one, with no surname after it, is the surname
                i -= last_width
                names -= 1
                given_keys = given_keys[:-1]
            closer = names >= 1 and ctx.plain(i) in self.lex.name_closers and ctx.name_word(i + 1) \
                and not ctx.is_title_start(i + 1) and (i + 1) not in taken
            if closer:
                i += 1  # «نمونه‌علی خان نمونه‌پور»: «خان» between a given name and the surname belongs to the name
            # surname: one or two name-like words that are not given names we already took
            surname_start = i
            givens = given_keys
            clear_given = any(g not in self.lex.ambiguous_given for g in givens)
            # «دکتر نسیم حسینی», «جناب امید زمانی»: after a form of address a doubtful given name is one, and a word
            # plus ‑ی (not رای) or a word that is no everyday word after it is the surname; alone, one word is (آقای نیک‌اندیش)
            addressed = ctx.address_ends(start - 1)
            while i < len(doc) and i - surname_start < 2 and i not in taken \
                    and (ctx.surname_like(i, self.lex, names > 0, derived_ok=i == surname_start and (
                        clear_given or (addressed and (not ctx.ordinary(i) or len(derived_base(ctx.plain(i)) or "") > 2))))
                         or (addressed and names == 0 and i == surname_start and ctx.addressed_surname(i))
                         or (i > surname_start and self._place_surname(ctx, surname_start, i))) \
                    and (i == surname_start or self._second_surname_word(ctx, i)):
                i += 1
            if i > surname_start and ctx.plain(i) in self.lex.detached_suffixes and i not in taken:
                i += 1  # «نمونه‌ای پور»: a surname ending written as a word of its own
            end = i
            has_surname = end > surname_start
            prefixed = ctx.norm(start) in self.lex.name_honorifics
            strong = any(ctx.strong_surname(k, self.lex) for k in range(surname_start, end)) \
                or (end - surname_start >= 2 and ctx.plain(end - 1) in self.lex.detached_suffixes)
            after_honorific = ctx.honorific_ends(start - 1) and not ctx.is_title_end(start)
            while not after_title and start < surname_start - 1 and ctx.plain(start) in self.lex.ambiguous_given \
                    and ctx.plain(start + 1) not in ALLAH:  # (not the first half of «کریم الله»)
                start += 1  # «روی فاطمه …»: an everyday word before a clear given name is not part of the name
            if has_surname:
                # «آقای لی نمونه»: after a courtesy title any name-like words are a name
                accept = clear_given or strong or (after_honorific and names == 0) or (addressed and bool(givens))
            else:  # given names alone: with a name prefix (حضرت مریم), right after a title (a doubtful one only with
                # another: سردار امید رهنما), or two clear ones (فرهاد جمشید)
                accept = bool(givens) and (prefixed or (after_title and (clear_given or addressed or len(givens) >= 2)) or (
                    len(givens) >= 2 and givens[0] not in self.lex.ambiguous_given and givens[-1] not in self.lex.ambiguous_given))
            # «قطار «جعفر اکسپرس»»، «نفتکش نمونه‌زاده»: a vehicle named like a person
            if accept and not ctx.cue_labels(start - (start > 0 and ctx.norm(start - 1) == "«"), end) & VEHICLE_CUES:
                end = self._known_name_end(ctx, known_people, start, surname_start, end)
                end = _with_religious_suffix(ctx, end + (ctx.plain(end) in self.lex.name_closers))  # «عمر ایوب خان»
                out.append(Candidate(start, end, "PER", 1, "rules:name_shape", confidence=0.75 if clear_given else 0.65))
                i = end
            else:
                if names and (has_surname or (ctx.name_word(end) and not ctx.is_title_start(end))):
                    # «عادل نمونه‌ای»: a doubtful given name and a word that may be the surname
                    if not has_surname:
                        end += 1 + (ctx.plain(end + 1) in self.lex.detached_suffixes)
                    ctx.weak.append(Candidate(start, end, "PER", 1, "rules:name_shape", confidence=0.6))
                i = start + 1
        known_ends = {c.end for c in known if c.label == "PER" and c.priority >= 3 and c.end - c.start >= 2}
        out += self._apposition_candidates(ctx, taken, known_ends)
        return out

    def _known_name_end(self, ctx: _DocContext, known_people: list[tuple[int, int]], start: int,
                        surname_start: int, end: int) -> int:
        """Where a name by shape ends when a known person's full name opens it: an adjective made of an
        everyday word after the known name is the sentence going on (``فیصل بن فرحان تلفنی``: "by phone")."""
        for k_start, k_end in known_people:
            if start <= k_start and surname_start <= k_end < end and all(
                    (base := derived_base(ctx.plain(k))) is not None and is_ordinary(base)
                    and not ctx.strong_surname(k, self.lex) for k in range(k_end, end)):
                return k_end
        return end

    def _place_surname(self, ctx: _DocContext, first: int, i: int) -> bool:
        """«رضایی همدانی»: after a surname of a given name plus ‑ی, a known town's or region's name plus ‑ی is the
        second part of the surname, though as a word it is an everyday adjective; a country's demonym is not."""
        if not ctx.surname_shaped(first, self.lex) or not ctx.name_word(i) or ctx.is_demonym(i) or ctx.is_title_start(i):
            return False
        base = derived_base(ctx.plain(i))
        return base is not None and any(e.type == "LOC" and e.kind != "country" for e in self.gazetteer.lookup(base))

    def _second_surname_word(self, ctx: _DocContext, i: int) -> bool:
        """A second surname word has a surname's shape: a given name, a telling ending or an ‑ی
        (هاشمی رفسنجانی, نمونه شهرکی); a plain word after a full name is the sentence going on."""
        if ctx.norm(i).startswith("به\u200c"):
            return False  # «اسحاق دار [به‌زودی] …»: «به» glued by a ZWNJ opens an adverb (به‌زودی، به‌شدت، به‌تازگی)
        word = ctx.plain(i)
        if word in self.lex.given_names or ctx.strong_surname(i, self.lex):
            return True
        # (not a verbal noun with its ezafe or ‑ی: «جمانه نمونه [ادعای] X را رد کرد»)
        base = derived_base(word)
        return base is not None and base not in self.lex.verbal_nouns and word[:-1] not in self.lex.verbal_nouns

    def _given_name_at(self, ctx: _DocContext, i: int) -> tuple[int, str]:
        """A given name at token ``i``: (tokens it takes, its key), or (0, ""). Compound names may be
        written in two words, and ‑الله as ‑اله (روح اله, نصر اله)."""
        given = self.lex.given_names
        word = ctx.plain(i)
        if word in given and ctx.plain(i + 1) in ALLAH and ctx.name_word(i + 1):
            return 2, word + "الله"  # «نقیب الله», «کریم اله»: a given name and ‑الله written apart, as Afghan names often are
        if word in given:
            return 1, word
        m = self.lex.glued_prefix_re.match(word)  # «سیدمحمد»: a name prefix glued to the given name
        if m is not None and m.group(2) in given:
            return 1, m.group(2)
        joined = word + ctx.plain(i + 1)
        if joined.endswith("اله") and joined not in given:
            joined = joined[:-3] + "الله"
        if len(word) >= 2 and joined != word and joined in given and ctx.name_word(i) and ctx.name_word(i + 1):
            return 2, joined
        if word.endswith("اله") and word[:-3] + "الله" in given:
            return 1, word[:-3] + "الله"
        return 0, ""

    def _apposition_candidates(self, ctx: _DocContext, taken: set[int], known_ends: set[int]) -> list[Candidate]:
        """``X، وزیر …``: the words before a comma that precedes a role title (none when a person the gazetteer
        knows by a full name ends there: «با میانجی‌گری [بدر البوسعیدی]، وزیر خارجه عمان» is that person alone)."""
        out = []
        norms = ctx.norms
        for mark in (k for k, w in enumerate(norms) if w in QUOTE_OPENER or w in APPOSITION_MARKS):
            # i: where the words before the title end (the comma, or the title itself after a closing quote:
            # «یوهان نمونه» سفیر آلمان)
            if ctx.norm(mark) in QUOTE_OPENER and ctx.is_title_start(mark + 1):
                i = mark + 1
            elif ctx.norm(mark) in APPOSITION_MARKS and ctx.is_title_start(mark + 1):
                i = mark
            else:
                continue
            opener = QUOTE_OPENER.get(ctx.norm(i - 1))
            if opener is not None:  # «یوهان نمونه»، سفیر آلمان: the quoted words are the name ("…" too)
                start = i - 1
                while start > 0 and ctx.norm(start - 1) != opener and i - start < 5:
                    start -= 1
                if start > 0 and ctx.norm(start - 1) == opener and start < i - 1 and all(ctx.name_word(k) for k in range(start, i - 1)):
                    out.append(Candidate(start, i - 1, "PER", 1, "rules:apposition", confidence=0.7))
                continue
            if i in known_ends:
                continue
            met = self._met_before(ctx, i, taken)
            if met is not None:
                out.append(met)
            start = i
            while start > 0 and i - start < 3 and (start - 1) not in taken and ctx.surname_like(start - 1, self.lex) \
                    and not (start < i and ctx.clear_given(start) and not ctx.clear_given(start - 1)):
                start -= 1  # a name opens with its given name: «به امضای [امامعلی رحمان]، رئیس‌جمهور …»
            if start == i and i >= 2 and not {i - 1, i - 2} & taken and ctx.name_word(i - 1) and ctx.clear_given(i - 2):
                start = i - 2  # «محمود آموزگار، رئیس …»: after a clear given name the surname may be an everyday word
            if start == i - 1 and i >= 2 and i - 2 not in taken and ctx.clause_starts(i - 2) and ctx.name_word(i - 2) \
                    and word_frequency(ctx.plain(i - 2)) == 0:
                start = i - 2  # «قریشی نمونه‌لون، رئیس …»: a word news never uses opens the clause with the surname
            while start < i - 1 and ctx.norm(start) in self.lex.honorifics and ctx.norm(start) not in self.lex.name_honorifics:
                start += 1  # «حجت‌الاسلام [X Y]، رئیس …»: the honorific is not part of the name
            has_given = any(ctx.clear_given(k) for k in range(start, i))
            unknown = i - start >= 2 and all(word_frequency(ctx.plain(k)) == 0 for k in range(start, i)) \
                and not all(ctx.ordinary(k) for k in range(start, i))
            # «کریم ایرگاشف، سفیر …»: a given name, even one that is also a word, and a surname news never uses
            unknown = unknown or i - start == 2 and ctx.plain(start) in self.lex.given_names \
                and word_frequency(ctx.plain(i - 1)) == 0 and not ctx.ordinary(i - 1)
            if start < i and (has_given or unknown or any(ctx.strong_surname(k, self.lex) for k in range(start, i))):
                out.append(Candidate(start, i, "PER", 1, "rules:apposition", confidence=0.7))
        for i in sorted(ctx.title_starts):
            # «مارگوس تساکنا وزیر خارجه استونی …»: two words news never uses, opening a clause right before a title
            if i >= 2 and not {i - 1, i - 2} & taken and ctx.clause_starts(i - 2) \
                    and all(ctx.name_word(k) and word_frequency(ctx.plain(k)) == 0 and not ctx.everyday(k) for k in (i - 2, i - 1)):
                out.append(Candidate(i - 2, i, "PER", 1, "rules:apposition", confidence=0.6))
        for i in (k + 1 for k in range(len(norms) - 2) if norms[k] in ("با", "به", "از")):
            # «با کابلوف نماینده ویژه …»: an unknown word between a preposition and a title
            if i not in taken and ctx.is_title_start(i + 1) \
                    and ctx.name_word(i) and word_frequency(ctx.plain(i)) == 0 and not ctx.everyday(i):
                out.append(Candidate(i, i + 1, "PER", 1, "rules:apposition", confidence=0.6))
        return out

    def _met_before(self, ctx: _DocContext, mark: int, taken: set[int]) -> Candidate | None:
        """«با [حجابی کیرلانگیچ]، سفیر …»: the one met, up to three name words after «با» set off by the comma at
        ``mark`` before a title, none a common word, the first a clear given name, a surname's shape or a word news
        never uses (not after «از»/«به»: «از [دستیاران] دونالد ترامپ، …»، «به [رهبری] میشل تمر، …»)."""
        p = next((j for j in range(mark - 1, max(-1, mark - 5), -1) if ctx.norm(j) == "با"), None)
        if p is None or p + 1 == mark:
            return None
        words = range(p + 1, mark)
        if set(words) & taken or not all(ctx.name_word(k) and not ctx.is_common(k) and not ctx.is_title_start(k) for k in words):
            return None
        if ctx.clear_given(p + 1) or ctx.strong_surname(p + 1, self.lex) or word_frequency(ctx.plain(p + 1)) == 0:
            return Candidate(p + 1, mark, "PER", 1, "rules:apposition", confidence=0.6)
        return None

    def _named_candidates(self, ctx: _DocContext) -> list[Candidate]:
        """``زنی به نام نمونه``: a name introduced by «به نام» ("named"). The noun before it may say what is
        named (context cues on side ``named``: روستایی a place, شرکتی an organisation, طرحی nothing);
        otherwise it is a person when the name starts with a given name."""
        out = []
        for i in range(1, len(ctx.doc) - 2):
            if ctx.norms[i] != "به" or ctx.norms[i + 1] != "نام":
                continue
            j = i + 2 + (ctx.norm(i + 2) in ("«", '"', "'"))
            end = j
            while end < len(ctx.doc) and end - j < 3 and ctx.name_word(end) and not ctx.is_title_start(end) \
                    and end not in ctx.blocked_starts and (end == j or not ctx.everyday(end) or ctx.plain(end) in ALLAH):
                end += 1  # «روستایی به نام نمونه‌آباد زندگی می‌کرد»: an everyday word ends the name
            if end == j:
                continue
            labels = self.lex.cues.get(("named", ctx.norm(i - 1)), set())
            label = min(labels) if labels else "PER"
            if label == "PER" and (ctx.plain(j) not in self.lex.given_names or ctx.heads_at(j)):
                continue  # «ذراتی به نام فوتون»: only a given name says a person, and not a head word (به نام تیم ملی)
            if label in ("PER", "LOC", "ORG"):
                out.append(Candidate(j, end, label, 1, "rules:named", confidence=0.7))
        return out

    def _source_candidates(self, ctx: _DocContext, found: list[Candidate]) -> list[Candidate]:
        """``به گزارش X،``, ``به نقل از X``: the outlet named as a source is an organisation, also in quotes
        (به گزارش «X»،); a date between them is passed over (به گزارش روز پنجشنبه X)."""
        out = []
        date_end = {c.start: c.end for c in found if c.label == "DATE"}
        outlets = {c.start for c in found if c.label == "ORG" and c.priority >= 3 and c.entry is not None and c.entry.kind == "media"}
        for i in range(len(ctx.doc) - 2):
            if ctx.norms[i] != "به" or ctx.phrase(i, 2) not in ("به گزارش", "به نقل"):
                continue
            j = i + 2 + (ctx.norm(i + 2) == "از")
            j = date_end.get(j, j)
            if ctx.norm(j) in QUOTE_CLOSER:  # «به گزارش « نمونه‌نامه » ،»: a quoted source is a name, everyday words and all
                end = _quoted_name_end(ctx, j)
                if end is not None and ctx.norm(end + 1) in ("،", ",", "-", ":"):
                    out.append(Candidate(j + 1, end, "ORG", 1, "rules:source", confidence=0.7))
                continue
            if ctx.norm(j) in SOURCE_NOT_NAMES:
                continue  # به گزارش خبرنگار …، به گزارش گروه …
            end = j
            while end < len(ctx.doc) and end - j < 4 and (ctx.name_word(end) or ctx.norm(end) in NUMBER_WORDS) \
                    and not ctx.is_title_start(end) and (end == j or end not in ctx.blocked_starts) \
                    and not (end > j and ctx.clear_given(end)):
                end += 1  # up to a person's clear given name (به گزارش نمونه‌نیوز مرتضی …)
            closed = end < len(ctx.doc) and ctx.norm(end) in ("،", ",", "-", ":", "(", "از", "و", "به")
            if any(k in outlets for k in range(j, end)):
                continue  # «به گزارش حوزه احزاب [خبرگزاری نمونه]»: a desk of a known outlet; the outlet is the source (and
                # a known outlet named first is all of it: «به گزارش [نمونه‌نیوز] عربستان …»)
            if end > j and (closed or not all(ctx.is_common(k) for k in range(j, end))):
                out.append(Candidate(j, end, "ORG", 1, "rules:source", confidence=0.7))
        return out

    def _speaker_candidates(self, ctx: _DocContext, roles: list[Candidate]) -> list[Candidate]:
        """``نوروزی با بیان اینکه …``, ``نمونه‌پور تصریح کرد``: a clause-initial name before a verb of saying,
        or before the opening of a statement (``نمونه‌پور با اشاره به … گفت``) whose verb follows, also with
        his title between them (``نمونه‌پور مدیر … گفت``); and a headline quoting a surname-shaped name
        (``نمونه‌زاده: …``). A common word is no speaker unless it has a surname's shape (حسینی)."""
        out = []
        n = len(ctx.doc)
        title_end = {}
        for c in (c for c in roles if c.label == "ROLE"):
            title_end[c.start] = max(c.end, title_end.get(c.start, c.end))
        for i in range(n):
            # «نمونه‌یار» تصریح کرد: a quoted name opening the sentence speaks after its closing quote
            closer = QUOTE_CLOSER.get(ctx.norm(i - 1)) if i > 0 else None
            if closer is not None and (i - 1) not in ctx.sent_starts:
                closer = None
            starts_clause = i in ctx.sent_starts or (i > 0 and ctx.norm(i - 1) in ("،", ":", "؛")) or closer
            if not starts_clause or ctx.address_ends(i):
                continue  # «آقای نمونه گفت»: the name after a form of address is found by its shape, without «آقای»
            given = ctx.clear_given(i)
            for width in (3, 2, 1):
                end = i + width
                if closer is not None and ctx.norm(end) != closer:
                    continue
                # a title right after the name: its verb may come later in the sentence (نمونه‌پور مدیر … افزود)
                titled = end + (closer is not None) in title_end
                if width == 3 and not titled:
                    continue  # three words only before a title (رفیع الله نمونه سخنگوی …)
                # after a clear given name the surname may be an everyday word (رضا شایسته، محمدرضا ساکت)
                if end >= n or not all((ctx.name_word(k) and k not in ctx.blocked_starts
                                        and (not ctx.is_common(k) or ctx.surname_shaped(k, self.lex) or (given and k > i))
                                        and not ctx.plural_word(k))
                                       or (k > i and ctx.plain(k) in self.lex.detached_suffixes) for k in range(i, end)):
                    continue
                headline = ctx.norm(end) == ":" and i in ctx.sent_starts \
                    and any(ctx.surname_shaped(k, self.lex) for k in range(i, end))
                verb = end + (closer is not None)  # past the closing quote
                verb = title_end.get(verb, verb)
                if headline or self._says(ctx, verb) or (self._opens_statement(ctx, verb) and self._says_later(ctx, verb + 1)) \
                        or (titled and self._says_later(ctx, verb)
                            and all(not ctx.everyday(k) or ctx.surname_shaped(k, self.lex) or (given and k > i) for k in range(i, end))):
                    out.append(Candidate(i, end, "PER", 1, "rules:speaker", confidence=0.65))
                    break
        return out

    def _attributed_candidates(self, ctx: _DocContext) -> list[Candidate]:
        """``به گفته نمونه‌زاده، …``: after a phrase that attributes what follows (speech_verbs.tsv ``according``),
        a surname, or a clear given name and a surname, right before a comma or a function word is a person. Not a
        pronoun, a title, a known place or body, a plural (منابع، کارشناسان) or an everyday word without a surname's
        shape."""
        out = []
        n = len(ctx.doc)
        lasts = self.lex.attribution_lasts
        for i in (k for k in range(1, n) if ctx.norms[k - 1] in lasts):
            if not (ctx.phrase(i - 2, 2) in self.lex.attributions or ctx.phrase(i - 3, 3) in self.lex.attributions) \
                    or i in ctx.blocked_starts:
                continue
            end = i + 1 + (ctx.clear_given(i) and ctx.name_word(i + 1) and not ctx.plural_word(i + 1))
            last = end - 1
            if end > n or (end < n and ctx.norm(end) not in PUNCT and ctx.norm(end) not in self.lex.function_words):
                continue
            if last in ctx.blocked_starts or not ctx.name_word(last) or ctx.is_title_start(last) or ctx.plural_word(last):
                continue
            surname = ctx.strong_surname(last, self.lex) or ctx.surname_shaped(last, self.lex)
            if ctx.plain(last).endswith(("ان", "ها")) and not surname:
                continue  # «به گفته تحلیل‌گران»: a plural the word lists do not know
            if surname or not ctx.is_common(last) or end - i == 2:
                out.append(Candidate(i, end, "PER", 1, "rules:attribution", confidence=0.65))
        return out

    def _credited_candidates(self, ctx: _DocContext) -> list[Candidate]:
        """``فیلم «…» به کارگردانی X``, ``کتابی به قلم X``: after a phrase that credits a work to someone
        (speech_verbs.tsv ``credit``), up to three name words, none an everyday word unless after a clear given name,
        ending where the name can end (punctuation, a function word, a verb), are a person: a foreign name the
        given-name lexicon does not know too (به کارگردانی هاروتو نمونه‌یاما)."""
        out = []
        n = len(ctx.doc)
        for i in range(n - 2):
            if ctx.norms[i + 1] not in self.lex.credit_lasts or ctx.phrase(i, 2) not in self.lex.credits:
                continue
            j = end = i + 2
            given = ctx.clear_given(j)
            while end < n and end - j < 3 and ctx.name_word(end) and end not in ctx.blocked_starts \
                    and not ctx.is_title_start(end) and end not in ctx.in_dates \
                    and (not ctx.everyday(end) or given and end > j) and not ctx.plural_word(end):
                end += 1
            closed = end >= n or ctx.norm(end) in PUNCT or ctx.norm(end) in self.lex.function_words \
                or ctx.plain(end) in self.lex.verbs
            if end > j and closed:
                out.append(Candidate(j, end, "PER", 1, "rules:credit", confidence=0.65))
        return out

    def _says(self, ctx: _DocContext, i: int) -> bool:
        """A verb of saying at token ``i``, of up to three words (گفت، تصریح کرد، خاطر نشان کرد)."""
        return any(ctx.phrase(i, n) in self.lex.speech_verbs for n in (1, 2, 3))

    def _opens_statement(self, ctx: _DocContext, i: int) -> bool:
        return ctx.norm(i) in self.lex.speech_openers or ctx.phrase(i, 2) in self.lex.speech_openers

    def _says_later(self, ctx: _DocContext, i: int) -> bool:
        """A verb of saying from token ``i`` to the end of its sentence."""
        for k in range(i, len(ctx.doc)):
            if k in ctx.sent_starts:
                return False
            if self._says(ctx, k):
                return True
        return False

    def _press_review_candidates(self, ctx: _DocContext, gaz: list[Candidate], found: list[Candidate]) -> list[Candidate]:
        """A press review: when two or more lines open with a known outlet and a colon (``کیهان: …``, or
        ``کیهان به نقل از وزیر: …``), every line opening with one to three name words so placed names
        an outlet too, even one that is also a place or holds a date word (``ایران:``, ``نمونه امروز:``)."""
        openings = []
        for i in range(len(ctx.doc)):
            if i not in ctx.sent_starts:
                continue
            end = next((k for k in range(i + 1, min(i + 4, len(ctx.doc))) if ctx.norm(k) == ":"
                        or (self._attributes(ctx, k) and self._colon_later(ctx, k))), None)
            if end is not None and ctx.name_word(i) and all(ctx.name_word(k) or (  # «نمونه امروز», «راه مردم»
                    any(ch.isalpha() for ch in ctx.norm(k)) and ctx.plain(k) not in self.lex.verbs) for k in range(i + 1, end)):
                openings.append((i, end))
        media = {(c.start, c.end) for c in gaz if c.entry is not None and c.entry.kind == "media"}
        known = {(i, end) for i, end in openings if (i, end) in media or any(
            e.kind == "media" for e in self.gazetteer.lookup(ctx.phrase(i, end - i)))}
        whole = {(c.start, c.end) for c in gaz if c.label in ("LOC", "ORG")}
        named = {(c.start, c.end) for c in gaz if c.label in ("LOC", "PER")}
        # «نمونه: …» with a known paper's bare name, even on a line of its own — not a place or person
        # speaking through a headline (کشور نمونه: …)
        bare = {(i, end) for i, end in openings if ctx.norm(end) == ":" and (i, end) not in named
                and "".join(ctx.plains[i:end]) in self.bare_outlets}
        if len(known | bare) < 2:  # a line of its own: not a headline label that is an everyday word (فیلم: …)
            return [Candidate(i, end, "ORG", 1, "rules:press_review", confidence=0.7) for i, end in bare - known
                    if end - i > 1 or word_frequency(ctx.plain(i)) < EVERYDAY_FREQUENCY]
        dates = {c.start for c in found if c.label == "DATE"}
        people = {c.start for c in found if c.label in ("PER", "ROLE") or c.rule == "rules:domain"}
        return [Candidate(i, end, "ORG", 4 if (i, end) in whole else 1, "rules:press_review", confidence=0.7)
                for i, end in openings if (i, end) not in known and i not in dates  # «امروز: …» is no paper
                and not any(k in people for k in range(i, end))]

    def _attributes(self, ctx: _DocContext, i: int) -> bool:
        """Token ``i`` starts how a headline is attributed (درباره، به نقل از، از قول)."""
        return self._opens_statement(ctx, i) or ctx.norm(i) in self.lex.review_markers \
            or ctx.phrase(i, 2) in self.lex.review_markers

    @staticmethod
    def _colon_later(ctx: _DocContext, i: int) -> bool:
        """A colon after token ``i`` in the same sentence."""
        for k in range(i + 1, len(ctx.doc)):
            if k in ctx.sent_starts:
                return False
            if ctx.norm(k) == ":":
                return True
        return False

    def _portfolio_candidates(self, ctx: _DocContext, known: list[Candidate]) -> list[Candidate]:
        """``آموزش و پرورش استان نمونه``: a department's portfolio right before a province or town is
        that provincial office (one ORG, the place nested)."""
        places = {}
        for c in known:
            if c.label == "LOC" and (c.entry is None or c.entry.kind in ("province", "city", "district", "region")):
                if c.length > places.get(c.start, c).length or c.start not in places:
                    places[c.start] = c
        out = []
        for i in range(len(ctx.doc)):
            for joined in self.lex.portfolios.get(ctx.plain(i), ()):
                end, text = i, ""
                while len(text) < len(joined) and end < len(ctx.doc):
                    text += ctx.plain(end)
                    end += 1
                if text == joined and end in places:
                    place = places[end]
                    out.append(Candidate(i, place.end, "ORG", 1, "rules:portfolio", nested=[place], confidence=0.7))
                    break
        return out

    def _club_candidates(self, ctx: _DocContext, gaz: list[Candidate]) -> list[Candidate]:
        """``نمونه‌فولاد اصفهان``: in a sports sentence, words before a city or province are a club named
        after its sponsor and home (PEYMA's ORG); the place stays nested."""
        out = []
        known_end = {c.end: c for c in gaz if c.label == "ORG"}
        in_org = {i for c in gaz if c.label == "ORG" for i in range(c.start, c.end)}
        towns = [c for c in gaz if c.label == "LOC" and c.entry is not None and c.entry.kind in ("city", "province")
                 and c.entry.country == "IRN" and c.start not in in_org]
        # «نمونه‌فولاد اصفهان ۲ - نمونه‌سازان شیراز ۱»: two towns each followed by a score make a results line
        scored = Counter(ctx.sentence_index(c.start) for c in towns if c.end < len(ctx.doc) and (
            ctx.norm(c.end) in NUMBER_WORDS or ctx.norm(c.end).isdigit()))
        for c in towns:
            if "SPORT" not in ctx.sentence_cues(c.start) and scored[ctx.sentence_index(c.start)] < 2:
                continue  # Iranian clubs are named after a sponsor and their town, in a sports text or a results line
            start = c.start
            if start in known_end:  # a known organisation before its city: دانشگاه نمونه [شیراز]
                start = known_end[start].start
            else:
                while c.start - start < CLUB_NAME_MAX and ctx.name_word(start - 1) and not ctx.is_title_end(start) \
                        and (start - 1) not in ctx.blocked_starts and (start - 1) not in ctx.in_dates \
                        and ctx.plain(start - 1) not in self.lex.club_stops \
                        and ctx.norm(start - 1) not in NUMBER_WORDS \
                        and not any(h.label == "LOC" for h in self.lex.head_words(ctx.norm(start - 1))):
                    start -= 1
            if start < c.start:
                out.append(Candidate(start, c.end, "ORG", 1, "rules:club", nested=[c], confidence=0.6))
        return out

    @staticmethod
    def _surname_candidates(ctx: _DocContext, chosen: list[Candidate]) -> list[Candidate]:
        """A one-word mention of a full name's last word elsewhere in the document is the same person
        (کاوه نوروزی … نوروزی; also a headline «نوروزی: …» before the full name), and so is its clear
        given name alone (کاوه)."""
        surnames = {}
        given: set[str] = set()  # the keys above that are given names, not family names
        for c in chosen:
            last = c.end - 1
            if c.label == "PER" and ctx.norm(last) == ")":  # «… (ره)»: the blessing is no surname
                last -= 3
            if c.label == "PER" and c.rule == "rules:named":
                surnames[ctx.plain(last)] = c  # «زنی به نام نمونه … نمونه گفت»: the name introduced, again
            elif c.label == "PER" and last > c.start and ctx.name_word(last):
                if c.entry is not None or word_frequency(ctx.plain(last)) < SURNAME_ALONE_MAX_FREQUENCY \
                        or ctx.surname_shaped(last, ctx.lex) or ctx.strong_surname(last, ctx.lex):
                    surnames[ctx.plain(last)] = c  # not a frequent word the name rule took for a surname (… اسید)
                first = ctx.plain(c.start)  # «نمونه … (later) نسرین»: a clear given name of the person alone
                if first in ctx.lex.given_names and first not in ctx.lex.ambiguous_given:
                    surnames.setdefault(first, c)
                    given.add(first)
        families = {(ctx.plain(c.end - 2), ctx.plain(c.end - 1)): c for c in chosen if c.label == "PER"
                    and c.end - 2 > c.start and key(ctx.norm(c.end - 2)) in FAMILY_PARTICLES}  # «محمدکاظم [آل صادق]»
        covered = {i for c in chosen for i in range(c.start, c.end)}
        out = []
        for i in range(len(ctx.doc)):
            family = families.get((ctx.plain(i), ctx.plain(i + 1))) if i + 1 < len(ctx.doc) else None
            if family is not None and i not in covered and i + 1 not in covered:
                out.append(Candidate(i, i + 2, "PER", 1, "rules:surname", family.entry, confidence=0.7))
                continue
            c = surnames.get(ctx.plain(i))
            if c is not None and i not in covered and (not ctx.everyday(i) or i in ctx.sent_starts and c.end - c.start > 1
                                                        and ctx.plain(i) not in given):
                # an everyday word opening a sentence is the name said before in full (محمدرضا نوروزی … «نوروزی همچنین …»)
                out.append(Candidate(i, i + 1, "PER", 1, "rules:surname", c.entry, confidence=0.7))
        return out

    # ----------------------------------------------------------- ambiguity
    def _decide_weekday_places(self, ctx: _DocContext, chosen: list[Candidate], gaz: list[Candidate]) -> list[Candidate]:
        """A weekday that is also a place (دوشنبه): context cues, coordination, then the document's country."""
        places = {(c.start, c.end): c for c in gaz if c.label == "LOC"} | ctx.unsupported_places
        loc_tokens = {i for c in chosen if c.label == "LOC" for i in range(c.start, c.end)}
        countries = {c.entry.country for c in chosen if c.entry is not None and c.entry.country}
        out = []
        for c in chosen:
            place = places.get((c.start, c.end)) if c.label == "DATE" and c.date and c.date.weekday_only else None
            if place is None:
                out.append(c)
                continue
            cues = ctx.cue_labels(c.start, c.end)
            coordinated = ((c.start >= 2 and ctx.norm(c.start - 1) == "و" and (c.start - 2) in loc_tokens)
                           or (c.end + 1 < len(ctx.doc) and ctx.norm(c.end) == "و" and (c.end + 1) in loc_tokens))
            if "DATE" in cues and "LOC" not in cues:
                out.append(c)
            elif "LOC" in cues or "PLACE_NOT_DAY" in cues or coordinated or place.entry.country in countries:
                out.append(place)
            else:
                out.append(c)
        return out

    # --------------------------------------------------------------- output
    def _set_entities(self, doc: Doc, chosen: list[Candidate], ctx: _DocContext) -> None:
        spans, nested = [], []
        chosen = [self._unplaced_ministry(ctx, c) for c in self._without_newsroom_credits(ctx, chosen)]
        for c in chosen:
            span = _make_span(doc, c)
            spans.append(span)
            stack = list(c.nested)
            while stack:
                n = self._unplaced_ministry(ctx, stack.pop())
                if n.label != c.label or c.label == "ROLE" or n.start != c.start:
                    nested.append(_make_span(doc, n))
                stack.extend(n.nested)
            if c.label == "ROLE" and c.nested:
                held = self._unplaced_ministry(ctx, c.nested[0])
                span._.affiliation = held.entry.id if held.entry else None
        doc.ents = spans
        doc.spans["pnn_nested"] = nested

    @staticmethod
    def _without_newsroom_credits(ctx: _DocContext, chosen: list[Candidate]) -> list[Candidate]:
        """«به گزارش [خبرنگار ایرنا]»، «در گفت‌وگو با [خبرنگار مهر]»: a newsroom title (sector JRN, rank professional)
        held at a news outlet, with no person named beside it, credits the outlet's story and names nobody; the
        outlet stands alone. A reporter named (خبرنگار ایرنا نمونه‌زاده، نمونه‌زاده، خبرنگار ایرنا) keeps the title."""
        people = {c.start for c in chosen if c.label == "PER"} | {c.end for c in chosen if c.label == "PER"}
        out = []
        for c in chosen:
            title = c.entry.attrs if c.label == "ROLE" and c.entry is not None else {}
            outlet = c.nested[0] if c.nested else None
            if title.get("sector") == "JRN" and title.get("rank") == "professional" and outlet is not None \
                    and outlet.entry is not None and outlet.entry.sector == "JRN" and outlet.end == c.end \
                    and c.end not in people and (c.start - (ctx.norm(c.start - 1) == "،")) not in people:
                out.append(outlet)
            else:
                out.append(c)
        return out

    def _unplaced_ministry(self, ctx: _DocContext, c: Candidate) -> Candidate:
        """A ministry known by a bare name (وزارت خارجه is Iran's in the gazetteer) in a document that never
        names its country is some country's ministry, not that one: same span, no entry (سخنگوی وزارت خارجه
        حکومت سرپرست in an Afghan report)."""
        entry = c.entry
        if entry is None or entry.type != "ORG" or entry.kind != "ministry" or not entry.country:
            return c
        if any(k in ctx.key_text for k in self.gazetteer.country_keys(entry.country)):
            return c
        return replace(c, entry=None)


# Blessings written after holy names: «حضرت مریم (س)», «امام علی (ع)».
RELIGIOUS_SUFFIXES = frozenset({"س", "ع", "ص", "ره", "عج", "رض"})


def _quoted_name_end(ctx: _DocContext, opening: int) -> int | None:
    """Where the closing quote of a name quoted from token ``opening`` stands: at most QUOTED_NAME_MAX words inside,
    all name-like or number words (a title in quotes, everyday words and all); None when there is no such name."""
    closer = QUOTE_CLOSER.get(ctx.norm(opening))
    end = next((k for k in range(opening + 2, min(opening + QUOTED_NAME_MAX + 2, len(ctx.doc))) if ctx.norm(k) == closer), None)
    if end is None or not all(ctx.name_word(k) or ctx.norm(k) in NUMBER_WORDS for k in range(opening + 1, end)):
        return None
    return end


def _with_religious_suffix(ctx: _DocContext, end: int) -> int:
    if ctx.norm(end) == "(" and ctx.norm(end + 1) in RELIGIOUS_SUFFIXES and ctx.norm(end + 2) == ")":
        return end + 3
    return end


def _make_span(doc: Doc, c: Candidate) -> Span:
    span = Span(doc, c.start, c.end, label=c.label, kb_id=c.entry.id if c.entry else "")
    ext = span._  # one accessor: spaCy builds a new one at every «span._»
    ext.rule = c.rule
    ext.entity_id = c.entry.id if c.entry else None
    ext.canonical_name = c.entry.name if c.entry else None
    ext.confidence = c.confidence
    if c.date is not None:
        ext.value = c.date.value
        ext.calendar = c.date.calendar
        ext.date_basis = c.date.basis
        ext.granularity = c.date.granularity
        ext.time_of_day = c.date.time_of_day
        ext.weekday_only = c.date.weekday_only
    return span


LIST_SEPARATORS = frozenset({"،", ",", "و"})


def _contains(ctx: _DocContext, place: Entry, parent_id: str | None) -> bool:
    """Is ``place`` the parent named by ``parent_id``, or the city that names that province (نمونه‌آباد for
    «استان نمونه‌آباد»)?"""
    if parent_id is None:
        return False
    province = ctx.gazetteer.named_province(place)
    return place.id == parent_id or province is not None and province.id == parent_id


def _with_list_members(ctx: _DocContext, chosen: list[Candidate]) -> list[Candidate]:
    """Members of a list share their kind: a name held back for want of context (a doubtful given name
    with a surname, a name that is also a word) is taken when a separator («،», «و») joins it to an
    entity of the same type (سعید نمونه‌پور، عادل نمونه‌ای و …). Repeats along the list."""
    if not ctx.weak:
        return chosen
    covered = {i for c in chosen for i in range(c.start, c.end)}
    label_at_end = {c.end: c.label for c in chosen}
    label_at_start = {c.start: c.label for c in chosen}
    added: list[Candidate] = []
    pending = sorted(ctx.weak, key=lambda c: -c.length)
    progress = True
    while progress:
        progress = False
        for c in pending:
            if any(i in covered for i in range(c.start, c.end)) or (
                    c.label == "PER" and c.length == 1 and word_frequency(ctx.plain(c.start)) >= EVERYDAY_FREQUENCY):
                continue  # «دو سال و …»: an everyday word is no person in a list, whatever surname it shares
            # joined to a like entity on one side, and not running on into other name words on the other
            before = c.start >= 2 and ctx.norm(c.start - 1) in LIST_SEPARATORS and label_at_end.get(c.start - 1) == c.label \
                and (not ctx.name_word(c.end) or ctx.norm(c.end) in LIST_SEPARATORS)
            after = ctx.norm(c.end) in LIST_SEPARATORS and label_at_start.get(c.end + 1) == c.label \
                and (not ctx.name_word(c.start - 1) or ctx.norm(c.start - 1) in LIST_SEPARATORS)
            # places joined by a dash are a route's stops (خط آهن [نمونه‌آباد]–مزارشریف–کابل), whatever words precede
            route = c.label == "LOC" and (ctx.norm(c.start - 1) in DASHES and label_at_end.get(c.start - 1) == "LOC"
                                          or ctx.norm(c.end) in DASHES and label_at_start.get(c.end + 1) == "LOC")
            if before or after or route:
                added.append(Candidate(c.start, c.end, c.label, 1, c.rule, c.entry, confidence=c.confidence))
                covered.update(range(c.start, c.end))
                label_at_end[c.end] = label_at_start[c.start] = c.label
                progress = True
    return sorted(chosen + added, key=lambda c: c.start) if added else chosen


def _outlet_of_another_kind(head: Head, known: Candidate) -> bool:
    """Is ``known`` a news outlet after a head that takes only a known name and names no outlet («حوزه [دولت]
    [خبرگزاری نمونه]»: a desk of the outlet, which PEYMA tags alone, 31 of 32 after «به گزارش»)?"""
    return head.needs == "entity" and known.label == "ORG" and known.entry is not None and known.entry.kind == "media" \
        and "media" not in head.kinds


def _with_containing_place(ctx: _DocContext, chosen: list[Candidate]) -> list[Candidate]:
    """A place right followed by its own country (دوحه قطر, حلب سوریه) or by the town or province the gazetteer
    puts it in (ورزشگاه نمونه [اهواز], نمونه‌شهر [اصفهان], the province named by its capital) is one place, as PEYMA
    tags it (29 of 32 countries in train, 7 of 7 stadiums): the span takes the container in, the place keeps its
    entry and holds it nested."""
    out: list[Candidate] = []
    for c in chosen:
        prev = out[-1] if out else None
        if prev is not None and prev.end == c.start and prev.label == c.label == "LOC" and c.entry is not None \
                and prev.entry is not None and (
                    c.entry.kind == "country" and prev.entry.kind != "country" and prev.entry.country == c.entry.country
                    or _contains(ctx, c.entry, prev.entry.attrs.get("parent"))):
            out[-1] = replace(prev, end=c.end, nested=[*prev.nested, c])
            continue
        out.append(c)
    return out


def _with_overlapping_bodies(gaz: list[Candidate]) -> list[Candidate]:
    """A known body whose name ends on the first word of its parent's (کمیسیون فرهنگی [مجلس] + [مجلس] شورای اسلامی)
    is named in full through it: the whole is one span, the first body with its parent's full name."""
    bodies = sorted((c for c in gaz if c.label == "ORG" and c.priority >= 3 and c.entry is not None), key=lambda c: c.start)
    merged = [replace(a, end=b.end) for a in bodies for b in bodies
              if a.start < b.start < a.end < b.end and a.entry.attrs.get("parent") == b.entry.id]
    return gaz + merged if merged else gaz


def _resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping choice: longest first, then priority, then earliest."""
    order = sorted(candidates, key=lambda c: (-c.length, -c.priority, c.start))
    used = bytearray(max((c.end for c in candidates), default=0) + 1)
    chosen = []
    for c in order:
        if any(used[c.start:c.end]):
            continue
        for k in range(c.start, c.end):
            used[k] = 1
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


class _DocContext:
    """Per-document views the rules share: token norms, normalised offsets, keys."""

    def __init__(self, doc: Doc, text: str, lex: Lexicons) -> None:
        self.doc = doc
        self.text = text
        self.lex = lex
        self.reference = doc.user_data.get("pnn_reference_date")
        self.norms = [t.norm_ for t in doc]
        self.plains = [key(n) for n in self.norms]  # keys of every token, computed once
        self.sent_flags = doc.to_array(SENT_START).tolist() if len(doc) else []
        self.sent_starts = {k for k, flag in enumerate(self.sent_flags) if flag == 1} | {0}  # as Token.is_sent_start
        starts = doc.user_data.get("pnn_token_norm_starts")
        ends = doc.user_data.get("pnn_token_norm_ends")
        if starts is None or len(starts) != len(doc):
            norm = normalized(doc)
            pairs = [norm.norm_span(t.idx, t.idx + len(t.text)) for t in doc]
            starts, ends = [p[0] for p in pairs], [p[1] for p in pairs]
        self.starts, self.ends = starts, ends
        self.title_starts: set[int] = set()
        self.blocked_starts: set[int] = set()
        self.unsupported_places: dict[tuple[int, int], Candidate] = {}
        self.in_dates: set[int] = set()  # tokens inside a date expression (روز [شنبه]): never part of a club's name
        self.place_title_ends: set[int] = set()  # where a title that heads a place ends (استاندار [فارس])
        self.described: set[int] = set()  # tokens of titles read as adjectives of the head before them
        self.weak: list[Candidate] = []  # names rejected for want of context; a list of like names may supply it
        self._honorific_ends: set[int] | None = None
        self._address_ends: set[int] | None = None
        self._sentence_of: list[int] | None = None
        self._cues_by_sentence: list[set[str]] = []
        self.role_ends: set[int] = set()
        self._key_text: str | None = None
        self._cues_at: dict[tuple[int, int], frozenset[str]] = {}

    @property
    def key_text(self) -> str:
        if self._key_text is None:
            self._key_text = key(self.text)
        return self._key_text

    def norm(self, i: int) -> str:
        return self.norms[i] if 0 <= i < len(self.norms) else ""

    def plain(self, i: int) -> str:
        return self.plains[i] if 0 <= i < len(self.plains) else ""

    def heads_at(self, i: int) -> list[Head]:
        """The head words (``ner_heads.tsv``) written at token ``i``, longest first."""
        heads = self.lex.head_words(self.norm(i))
        if not heads:
            return []
        return [h for h in heads if len(h.words) == 1
                or tuple(self.norm(i + k).replace(ZWNJ, "") for k in range(len(h.words))) == h.words]

    def clause_starts(self, i: int) -> bool:
        """Does token ``i`` open a clause (sentence start, after punctuation or a quote)?"""
        return i == 0 or i in self.sent_starts or self.norm(i - 1) in PUNCT

    def honorific_ends(self, i: int) -> bool:
        """Does an honorific end at token ``i`` (شیخ; حجت‌الاسلام و المسلمین over three tokens)?"""
        if self._honorific_ends is None:
            keys, plains = self.lex.honorific_keys, self.plains
            self._honorific_ends = {k + n - 1 for k in range(len(plains)) if plains[k] in self.lex.honorific_starts
                                    and not self._praises_plural(k)
                                    for n in range(1, 5) if "".join(plains[k:k + n]) in keys}
        return i in self._honorific_ends

    def address_ends(self, i: int) -> bool:
        """Does a form of address that is always followed by a name or title end at token ``i`` (آقای, جناب آقای)?"""
        if self._address_ends is None:
            forms, plains = self.lex.address_forms, self.plains
            self._address_ends = {k for k, p in enumerate(plains) if p in self.lex.address_lasts
                                  and any("".join(plains[k - n + 1:k + 1]) in forms for n in range(1, min(k + 1, 4) + 1))}
        return i in self._address_ends

    def addressed_surname(self, i: int) -> bool:
        """After «آقای» one word is a surname even when it is an everyday word (آقای نیک‌اندیش), unless it is a
        title, another honorific, a number, a plural, a demonym or a word that is no name at all (آقای رئیس‌جمهور,
        آقای دکتر, مهندس روسی)."""
        return self.name_word(i) and not self.is_title_start(i) and self.plain(i) not in self.lex.honorific_starts \
            and not ORDINAL.match(self.plain(i)) and not self.plural_word(i) and not self.is_demonym(i)

    def _praises_plural(self, k: int) -> bool:
        """A courtesy word after a plural noun is its adjective (مدیران محترم), not a title before a name."""
        return k > 0 and self.lex.honorifics.get(self.norm(k)) == "courtesy" \
            and self.plain(k - 1).endswith(("ان", "ها")) and self.everyday(k - 1)

    def phrase(self, i: int, n: int) -> str:
        if i >= 0:
            return " ".join(self.norms[i:i + n])
        return " ".join(self.norm(k) for k in range(i, min(i + n, len(self.norms))))

    def token_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Tokens covering normalised ``[start, end)`` exactly (None if it cuts a token)."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        if first >= len(self.starts) or self.starts[first] != start or last == first or self.ends[last - 1] != end:
            return None
        return first, last

    def clear_given(self, i: int) -> bool:
        """Is token ``i`` a given name that is no everyday word too (مجید, not امید)?"""
        word = self.plain(i)
        return word in self.lex.given_names and word not in self.lex.ambiguous_given

    def is_common(self, i: int) -> bool:
        return self.plain(i) in self.lex.common or self.norm(i) in self.lex.function_words

    def name_word(self, i: int, before_light_verb: bool = False) -> bool:
        """Could token ``i`` be part of a name (not punctuation, a digit-only token, a function word or verb)?
        A word before a light verb is taken as the verb's noun (بیان کرد، خبر داد) unless
        ``before_light_verb`` says its shape makes it a name anyway (نمونه‌ای می‌شود)."""
        if not 0 <= i < len(self.doc):
            return False
        token = self.doc[i]
        word = self.norms[i]
        if token.is_space or word in PUNCT or word in self.lex.function_words or word in self.lex.speech_verbs:
            return False
        if self.plain(i) in self.lex.verbs:
            return False
        if not before_light_verb and i + 1 < len(self.norms) and self.plain(i + 1) in self.lex.light_verbs:
            return False
        return any(ch.isalpha() for ch in word)

    def surname_like(self, i: int, lex: Lexicons, after_given: bool = False, derived_ok: bool = False) -> bool:
        """Could token ``i`` be a surname? Right after a given name only everyday words are ruled out,
        and right after a clear given name (``derived_ok``) an ‑ی word is the surname (مجید همتی)."""
        if after_given and self.plain(i) in self.gazetteer.family_names and not self.is_title_start(i):
            return True  # «سعید آفریدی»: a known family name, even one spelt like a verb (آفریدی "you created")
        if after_given and self.plain(i) in lex.given_names and self.plain(i + 1) in lex.detached_suffixes:
            return True  # «سعید ولی پور»: a given name that is also a function word («ولی», "but") before ‑پور written apart
        if not self.name_word(i, before_light_verb=after_given and self.strong_surname(i, lex)) or self.is_title_start(i) \
                or ORDINAL.match(self.plain(i)) or self.is_demonym(i):
            return False  # a demonym (ایرانی, سعودی) is an adjective after a name, not its surname
        word = self.plain(i)
        if word in lex.given_names or self.strong_surname(i, lex):
            return True
        if self.plural_word(i):
            return False  # «علی نمونه‌زاده مقامهای …»: a plural of an everyday word is no surname
        if self.plain(i + 1) in lex.detached_suffixes and self.name_word(i + 1, before_light_verb=True):
            return True  # «نمونه زاده»: a word and a surname ending written apart
        if after_given:
            if derived_ok and word_frequency(word) < SURNAME_AFTER_GIVEN_MAX_FREQUENCY and derived_base(word) is not None:
                return True
            return word_frequency(word) < SURNAME_AFTER_GIVEN_MAX_FREQUENCY and not self.ordinary(i)
        return not self.ordinary(i)

    def strong_surname(self, i: int, lex: Lexicons) -> bool:
        """A family-name shape: a telling ending (‑زاده, ‑پور, ‑اف …), a given name plus ‑ی (محمدی, رضایی), or a
        known person's family name (آفریدی)."""
        word = self.plain(i)
        if word in self.gazetteer.family_names:
            return True
        m = lex.surname_suffix_re.search(word)
        if m is not None and m.start() > 1:
            return not is_ordinary(word) and word_frequency(word) < SURNAME_ENDING_MAX_FREQUENCY  # «اصناف»
        base = derived_base(word)
        return base is not None and base in lex.given_names and len(base) > 2 and not is_ordinary(word)

    def surname_shaped(self, i: int, lex: Lexicons) -> bool:
        """A clear given name plus ‑ی (حسینی, رضایی), even when the surname is frequent enough to count
        as a common word; for clause-initial speakers."""
        base = derived_base(self.plain(i))
        return base is not None and len(base) > 2 and base in lex.given_names and base not in lex.ambiguous_given

    def everyday(self, i: int) -> bool:
        """An ordinary word, also when inflected (کشورمان, جوانان, داوری‌ها) or an ordinal/number (چهارم)."""
        if self.is_common(i) or self.ordinary(i) or ORDINAL.match(self.plain(i)):
            return True
        word = self.plain(i)
        for ending in EVERYDAY_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 2 and is_ordinary(word[: -len(ending)]):
                return True
        return False

    def plural_word(self, i: int) -> bool:
        """An everyday noun in the plural, glued or spaced (گزارشها، گزارش‌ها, مقامهای): no speaker's name or surname."""
        base = plural_base(self.plain(i))  # a key: the ZWNJ is already out
        return base is not None and is_ordinary(base)

    def ordinary(self, i: int) -> bool:
        """An everyday word (see :func:`gazetteer.is_ordinary`) or a function word."""
        return is_ordinary(self.plain(i)) or self.norm(i) in self.lex.function_words

    def is_title_start(self, i: int) -> bool:
        return i in self.title_starts

    def is_title_end(self, i: int) -> bool:
        return i in self.role_ends

    def sentence_index(self, i: int) -> int:
        """The number of token ``i``'s sentence in the document."""
        self.sentence_cues(i)
        return self._sentence_of[i]

    def sentence_cues(self, i: int) -> set[str]:
        """Labels argued for by ``sentence`` cues anywhere in token ``i``'s sentence (computed once per doc)."""
        if self._sentence_of is None:
            self._sentence_of, number = [], -1
            cues: list[set[str]] = []
            for norm, sent_start in zip(self.norms, self.sent_flags):
                if sent_start == 1 or number < 0:
                    number += 1
                    cues.append(set())
                self._sentence_of.append(number)
                cues[number] |= self.lex.cues.get(("sentence", norm), set())
            self._cues_by_sentence = cues
        return self._cues_by_sentence[self._sentence_of[i]]

    def is_demonym(self, i: int) -> bool:
        return self.plain(i) in self.gazetteer.demonyms

    def cue_labels(self, start: int, end: int) -> frozenset[str]:
        """Labels the context cues around tokens ``[start, end)`` argue for (once per span: several
        rules ask about the same name)."""
        labels = self._cues_at.get((start, end))
        if labels is None:
            found: set[str] = set(self.sentence_cues(start))
            norms, cues, empty = self.norms, self.lex.cues, frozenset()
            for n in (1, 2, 3):
                if start - n >= 0:
                    found |= cues.get(("left", " ".join(norms[start - n:start])), empty)
                if end + n <= len(norms):
                    found |= cues.get(("right", " ".join(norms[end:end + n])), empty)
            labels = self._cues_at[(start, end)] = frozenset(found)
        return labels


@Language.factory(
    "pnn_ner",
    assigns=["doc.ents", "doc.spans", "span._.rule", "span._.entity_id", "span._.value"],
    requires=["token.norm"],
    default_config={"gazetteers": []},
)
def make_entity_recognizer(nlp: Language, name: str, gazetteers: list[str]) -> EntityRecognizer:
    """Gazetteer-plus-rule NER; ``gazetteers`` are extra user files (see ``docs/gazetteers.md``)."""
    return EntityRecognizer(nlp, name, gazetteers=tuple(gazetteers))
