"""Stage 4b: PLOVER event records — who did what to whom, where, when, according to whom.

Triggers and how their participants are marked are data (``models/rules/event_triggers.tsv``).
For each trigger in a sentence the extractor finds

* the **actor**: the subject (the first participant of the clause not governed by a preposition,
  with those coordinated to it), with pronouns and nominal anaphors resolved through coreference;
  else the sides after ``میان``, the possessor of an event noun standing alone, ``با حضور X``, or
  a passive's agent (``از سوی X``); a person stating his own state's stance joins it (``X گفت که
  [کشورش] … را نمی‌پذیرد``);
* the **recipient**: the participant marked as the trigger says (``با X``, ``به X``, ``از X``,
  ``X را``), the subject of a passive, or the actors of an event the act is about;
* the event's own **location** (``در``/``به`` + place near the trigger), **date** (a date of the
  sentence), **modality** (negation, future, condition, background), **attribution** (``به
  گزارش``, ``گفت``) and **arguments** (``Topic``, ``InvitedBy``);

and never joins participants of different sentences except through a coreference chain. Mentions
of one event (``نشست مشترک`` … ``این دیدار`` … ``نشست اخیر``) merge into one record listing
every sentence. How it reads a sentence, and the tables behind it: ``docs/events.md``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from operator import itemgetter
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import DataFileError, Errors
from .gazetteer import ORDINAL, Entry, Gazetteer, default_gazetteer, doc_gazetteer, key, plural_base
from .ner import MINISTRY_HEAD, Lexicons
from .relations import DEMONSTRATIVES, STATES, Mention, antecedent_of, sentence_index
from .resources import model_path, read_tsv, word_list, word_lists

_WORDS = word_lists("rules", "event_words.tsv")  # closed word lists, documented in the table


def _phrases(words: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Cues of one word or several, as keys, indexed by their first key, longest first: one look-up per token."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in words:
        words_ = tuple(key(w) for w in phrase.split())
        out.setdefault(words_[0], []).append(words_)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def _phrase_at(keys: Sequence[str], i: int, phrases: dict[str, tuple[tuple[str, ...], ...]]) -> int:
    """The length of the longest of ``phrases`` that starts at ``keys[i]``, or 0."""
    return next((len(p) for p in phrases.get(keys[i], ()) if tuple(keys[i: i + len(p)]) == p), 0)

PREPOSITIONS = frozenset(_WORDS["preposition"])
CLAUSE_BREAKS = frozenset(_WORDS["clause_break"])
NAMING_VERBS = frozenset(key(w) for w in _WORDS["naming_verb"])  # «X را «قتل …» خواند»: the quote is the speaker's label
SUBORDINATORS = frozenset(_WORDS["subordinator"])  # که، آنکه: a mention after one is its clause's, no preposition's
SUBORDINATOR_KEYS = frozenset(key(w) for w in SUBORDINATORS)  # the same, written with a ZWNJ or glued (این‌که، اینکه)
BOTH_SIDES = frozenset(key(w) for w in _WORDS["both_sides"])  # keys: «دوطرف» too
FACED = frozenset(key(w) for w in _WORDS["faced"])  # «با انتقاد X روبه‌رو شد»: met with X's act
DONE_ADJECTIVES = frozenset(key(w) for w in _WORDS["done_adjective"])
PEOPLE_SIDES = frozenset(key(w) for w in _WORDS["people_sides"])  # «دو وزیر»: two people met, not two countries
SEVERAL = frozenset(key(w) for w in _WORDS["several"])
TRIGGER_ENDINGS = _WORDS["trigger_ending"]
AGENT_NOUNS = frozenset(_WORDS["agent_noun"])
AGENT_PEOPLE = frozenset(_WORDS["agent_people"])
DELEGATIONS = frozenset(key(w) for w in _WORDS["delegation"])
COUNTED = frozenset(key(w) for w in _WORDS["counted"])
PHASE_NOUNS = frozenset(key(w) for w in _WORDS["phase_noun"])  # «به [آغاز] درگیری»: the act, at one of its phases
SOURCE_CUES = _WORDS["source_cue"]
ACCOUNT_CUES = _WORDS["account_cue"]  # «به گفته X»: a source whose own account is cited, who may have done what it tells
REPORT_VERBS = frozenset(_WORDS["report_verb"])
NO_EVENT_KINDS = frozenset(_WORDS["no_event_kind"])
NO_SIDE_KINDS = frozenset(_WORDS["no_side_kind"])
MEDIATION = frozenset(key(w) for w in _WORDS["mediation"])
COMPARATIVES = frozenset(_WORDS["comparative"])
CROWDS = frozenset(key(w) for w in _WORDS["crowd"])
CROWD_COUNTS = frozenset(_WORDS["crowd_count"])
EVENT_ADJECTIVES = frozenset(key(w) for w in _WORDS["event_adjective"])
DURATION_UNITS = tuple(key(w) for w in _WORDS["duration_unit"])  # «نشست [دو روزه] X»: a length is an adjective too
COUNT_WORDS = frozenset(key(w) for w in _WORDS["count_word"])
TIME_SPANS = frozenset(key(w) for w in _WORDS["time_span"])  # «پس از چهار [روز] درگیری»: a length before an act
DELIVERY_NOUNS = frozenset(key(w) for w in _WORDS["delivery_noun"])
ANNOUNCE_NOUNS = frozenset(key(w) for w in _WORDS["announce_noun"])
IMPOSE_NOUNS = frozenset(key(w) for w in _WORDS["impose_noun"])
LAUNCH_NOUNS = frozenset(key(w) for w in _WORDS["launch_noun"])
QUOTES = frozenset("«»\"")  # quotation marks: clause breaks around speech, not around a quoted name
NEGATED_NONPAST = tuple(key(w) for w in _WORDS["negated_nonpast"])  # «شرکت [نمی]‌کند»، «هدف قرار [نخواه]د داد»
CHARGE_PHRASES = _phrases(_WORDS["charge_phrase"])  # «[به اتهام] همکاری با X بازداشت شدند»
SEPARATELY = frozenset(key(w) for w in _WORDS["separately"])
CONCERN_NOUNS = frozenset(key(w) for w in _WORDS["concern_noun"])
AIM_NOUNS = frozenset(key(w) for w in _WORDS["aim_noun"])
FRAME_NOUNS = frozenset(key(w) for w in _WORDS["frame_noun"])
TIME_NOUNS = frozenset(key(w) for w in _WORDS["time_noun"])
ACT_NOUNS = frozenset(key(w) for w in _WORDS["act_noun"])
RESTRICTION_NOUNS = frozenset(key(w) for w in _WORDS["restriction_noun"])
NEWS_NOUNS = frozenset(key(w) for w in _WORDS["news_noun"])
ANY_ACT = "*"  # what «این تصمیم/اقدام» answers: the last act told, of any type
NATURAL_PLACE_KINDS = frozenset(_WORDS["natural_place_kind"])
TOWN_KINDS = frozenset(_WORDS["town_kind"])
STATE_SECTORS = frozenset(_WORDS["state_sector"])
SECURITY_SECTORS = frozenset(_WORDS["security_sector"])
SECURITY_HEADS = _phrases(_WORDS["security_head"])
OPERATION_NOUNS = frozenset(key(w) for w in _WORDS["operation_noun"])
SINCE_ENDS = _phrases(_WORDS["since_end"])
OWN_VERB_NOUNS = frozenset(key(w) for w in _WORDS["own_verb_noun"])
BENEFICIARIES = frozenset(key(w) for w in _WORDS["beneficiary"])
BASIS_CUES = _phrases(_WORDS["basis_cue"])
PURPOSE_CUES = _phrases(_WORDS["purpose_cue"])
RAID_NOUNS = frozenset(key(w) for w in _WORDS["raid_noun"])
REFERENCE_NOUNS = frozenset(key(w) for w in _WORDS["reference_noun"])
DOCUMENT_NOUNS = frozenset(key(w) for w in _WORDS["document_noun"])
CLAIM_CUES = _phrases(_WORDS["claim_cue"])
UNNAMED_ATTACKERS = _phrases(_WORDS["unnamed_attacker"])  # «افراد مسلح»: attackers the text does not name
OWN_COUNTRY = _phrases(_WORDS["own_country"])
OBJECT_FILLERS = frozenset(_WORDS["object_filler"])
COUNTRY_WORD = key("کشور")  # «این کشور»، «دو کشور»: the word that makes a reference name countries
SIDE_TIMES = frozenset(key(w) for w in _WORDS["side_time"])  # «میان [حکومت پیشین] افغانستان و …»
OBJECT_PRONOUNS = frozenset(key(w) for w in _WORDS["object_pronoun"])  # «[آن] را محکوم کرد»: the act told last
MANNER_ADVERBS = frozenset(key(w) for w in _WORDS["manner_adverb"])  # «این حمله را [به‌شدت] محکوم کرد»
NEXT_ROUND = frozenset(key(w) for w in _WORDS["next_round"])  # «نشست [بعدی]»: the next meeting, planned
GATHERED_SIDES = frozenset(key(w) for w in _WORDS["gathered_sides"])  # «اجلاس [سران] …»: a gathering of sides
NAME_MASK = "\x00"  # stands for a name's token where cue words are looked for
MEDIATOR = "mediator"  # the marking of «با میانجیگری X»: no side of the act
# «<noun> <demonym>» names a side by its country, in the sector the noun says
SIDE_NOUNS = {**{key(w): "GOV" for w in _WORDS["side_noun"]}, **{key(w): "BUS" for w in _WORDS["business_side_noun"]},
              **{key(w): "CVL" for w in _WORDS["civilian_side_noun"]}, **{key(w): "MIL" for w in _WORDS["military_side_noun"]}}
COUNTERPARTS = frozenset(key(w) for w in _WORDS["counterpart"])
# «سفیر [سابق] ایران»: a title held before or after the day names nobody who holds it then (title_adjectives.tsv)
UNHELD_TITLE_WORDS = frozenset(key(row["word"]) for row in read_tsv(model_path("rules", "title_adjectives.tsv"), ("held_on_day",))
                               if row["held_on_day"] == "no")
CLAIM_NOUNS = frozenset(key(w) for w in _WORDS["claim_noun"])
ATTACKER_NOUNS = frozenset(key(w) for w in _WORDS["attacker_noun"])
MEMBER_WORDS = frozenset(key(w) for w in _WORDS["member_word"])
REPORTING = frozenset(_WORDS["reporting"])  # «X گزارش داد که …»: a verb of saying here, no cue for a name
ORDER_NOUNS = frozenset(key(w) for w in _WORDS["order_noun"])  # «به دستور X بازداشت شدند»: X acts
LINKERS = _phrases(_WORDS["linker"])  # «در همین حال»، «در این میان»: a sentence's link, no preposition of what follows
CALL_CUES = _phrases(_WORDS["call_cue"])  # «به دعوت X» before a crowd's act: X called it
ACT_STEPS = frozenset(key(w) for w in _WORDS["act_step"])  # «پس از [اعلام] آتش‌بس»
ISSUE_NOUNS = frozenset(key(w) for w in _WORDS["issue_noun"])  # «موضوع [آزادی] X»: a matter, no act
REFERRING = frozenset(key(w) for w in _WORDS["referring"])  # «با اشاره به [حملات] اخیر»: referred to, no act
EXCHANGE_WORDS = frozenset(key(w) for w in _WORDS["exchange"])  # «در برابر/ازای [آتش‌بس]»: a price, no act
PLAN_WORDS = frozenset(_WORDS["plan_word"])  # «… و قرار است … دیدار کنند»: a plan of its own, no content of an offer
HELD_ANAPHORS = frozenset(key(w) for w in _WORDS["held_anaphor"])  # «پنج تن از [آنان] آزاد شدند»: those just held
DETAINEES = frozenset(key(w) for w in _WORDS["detainee"])  # «[بازداشت‌شدگان] آزاد شدند»: those the last arrest held
ANY_WORDS = frozenset(key(w) for w in _WORDS["any_word"])  # «از هر اقدامی … حمایت می‌کند»
EMPHASIS_WORDS = frozenset(key(w) for w in _WORDS["emphasis"])  # «X تأکید کرد که …»: how a statement is told
OBLIGATION_WORDS = frozenset(key(w) for w in _WORDS["obligation"])  # «… که X باید …»: what must be, told as a view
REPORT_NOUNS = frozenset(key(w) for w in _WORDS["report_noun"])  # «گزارش‌ها درباره [سفر] X»: a claim
STANCE_WORDS = frozenset(key(w) for w in _WORDS["stance_with_copula"])  # «X خواهان … است»: a stance, no call
ATTACK_FRAMES = frozenset(key(w) for w in _WORDS["attack_frame"])  # «ابعاد [انفجار]»، «قربانیان [حمله]»
DENIALS = frozenset(key(w) for w in _WORDS["denial"])  # «… را [تکذیب] کرد»: what is denied did not happen
INVOLVEMENT = frozenset(key(w) for w in _WORDS["involvement"])  # «نقش X در [حمله]»
LIST_HEADS = frozenset(key(w) for w in _WORDS["list_head"])  # «در [شهرهای] X، Y و Z»: all three governed
LIST_INTROS = frozenset(tuple(key(w) for w in p.split()) for p in _WORDS["list_intro"])  # «شهرهایی [از جمله] X، …»
NAMING = _phrases(_WORDS["naming"])  # «گروهی موسوم به X»
BETWEEN = frozenset(_WORDS["between"])
HEAD_CUES = frozenset(tuple(key(w) for w in c.split()) for c in _WORDS["head_cue"])
JOINT_WORDS = frozenset(key(w) for w in _WORDS["joint_word"])  # «به ریاست [مشترک] X و Y»
TOPIC_CUES = tuple(sorted((tuple(key(w) for w in c.split()) for c in _WORDS["topic_cue"]), key=len, reverse=True))
_TOPIC_CUES_BY_FIRST = _phrases(_WORDS["topic_cue"])
_TYPES = {r["type"]: r for r in read_tsv(model_path("rules", "event_types.tsv"), ("type",), unique="type")}
PLANNED = {t: r["planned"] for t, r in _TYPES.items() if r.get("planned")}
NEEDS_RECIPIENT = frozenset(t for t, r in _TYPES.items() if r.get("needs_recipient") == "yes")
SPEECH_ACTS = frozenset(t for t, r in _TYPES.items() if r.get("speech_act") == "yes")
HOSTILE = frozenset(t for t, r in _TYPES.items() if r.get("hostile") == "yes")
MUTUAL = frozenset(t for t, r in _TYPES.items() if r.get("mutual") == "yes")  # «X met Y» and «Y met X» tell one meeting
OFFERS = frozenset(t for t, r in _TYPES.items() if r.get("offers") == "yes")  # acts that name their content after them
CROWD_ACTS = frozenset(t for t, r in _TYPES.items() if r.get("crowd") == "yes")  # what a crowd does unnamed (protests, demands)
STANCES = frozenset(t for t, r in _TYPES.items() if r.get("condemns") == "yes")  # an act named as its object is another's
REJECTIONS = frozenset(t for t, r in _TYPES.items() if r.get("rejects") == "yes")  # «اتهام X … را «بی‌اساس» خواند»
LAUNCHED = frozenset(t for t, r in _TYPES.items() if r.get("launched") == "yes")  # «عملیاتی را … آغاز کرد»: the act told
SITED = frozenset(t for t, r in _TYPES.items() if r.get("sited") == "yes")  # «نشست [دوحه]»: a lone place after it is where
ANNOUNCED = {t: r["announced"] for t, r in _TYPES.items() if r.get("announced")}  # «X اعلام کرد … لغو شد»: X did it
REACHES = frozenset(t for t, r in _TYPES.items() if r.get("reaches") == "yes")  # «حمله به [کابل]»: the one reached is the place
AGENT = "agent"  # the marking of a passive's agent
MAX_SENTENCE_TOKENS = 150
# The light verbs (with their present stems) that make a noun an act: دیدار کرد، هشدار داد، تماس گرفت.
LIGHT_VERBS = {
    "کرد": ("کرد", "کن", "نمود", "نما"),
    "شد": ("شد", "شو", "گردید", "گرد"),
    "داد": ("داد", "ده"),
    "داشت": ("داشت", "دار"),
    "گرفت": ("گرفت", "گیر"),
}
# «ساختن» as a light verb (متهم ساخت، پراکنده ساختند) only right after its noun and closing the clause: elsewhere it
# is the noun «construction» (کمک به ساخت مدرسه، قرارداد ساخت راه‌آهن)
ADJACENT_VERBS = {"ساخت": ("ساخت", "ساز")}
# verbs that hand over their object: «کمک‌های بشردوستانه را … فرستاد» tells the aid itself; kept out of «any»,
# since «پیام فرستاد» is no light verb of پیام
DELIVERY_VERBS = {"فرستاد": ("فرستاد", "فرست", "رساند", "رسان")}
FIRST_PERSON_ENDINGS = ("یم", "م")  # دیدار کردیم، خواستم: the speaker of a quote acts (می‌کنیم، کرده‌ایم too)
# a finite trigger's other forms: plural, perfect and, for quotes, first person (ما از X خواستیم); not bare ‑ه:
# «خواسته» is also "a demand"
SELF_VERB_ENDINGS = tuple(key(e) for e in ("ند", "ه‌اند", "ه‌است", "م", "یم"))
PRESENCE = frozenset(key(w) for w in _WORDS["presence"])
# CAMEO codes of event_triggers.tsv rows some rules single out
SIGNING = "057"  # sign an agreement (PLOVER SUPPORT)
INVITATION = "039"  # invite, an intent to meet (PLOVER AGREE)
ARREST = "173"  # arrest, detain (PLOVER COERCE)
PERFECT_AUXILIARIES = tuple(_WORDS["perfect_auxiliary"])  # ‑ه with its auxiliary written apart: «خواسته بود»
PRESENT_PERFECT = frozenset(_WORDS["present_auxiliary"])  # of PERFECT_AUXILIARIES, those of an act just done
CLAUSE_STOPS = ("،", ".", "؛")  # where a trigger's light verb is no longer looked for
JOINED_STOPS = (*CLAUSE_STOPS, "«", "»")  # … and, for a verb shared after «و», quote marks: «شکنجه و محاکمه» قرار گرفت
QUOTED_TERM_MAX = 4  # a quote of at most this many tokens around an act (X را «عنصر نامطلوب» اعلام کرد) is a term, no speech
SENTENCE_STOPS = (".", "؛", "؟", "!")  # the ends of a sentence or its half: what a verb names runs no further

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


@dataclass(frozen=True)
class Trigger:
    words: tuple[str, ...]
    type: str
    mode: tuple[str, ...]
    context: tuple[str, ...]
    cameo: str | None
    verb: str
    requires: frozenset[str]    # topic words, one of which must be near (تأکید on expanding relations)
    actor: str
    recipient: str
    not_after: frozenset[str]
    not_before: frozenset[str]
    next: str | None
    line: int
    source: str = "event_triggers.tsv"
    passive_from: bool = False  # actor «subject|from»: in the passive, «از X» acts (X از [ایران] اخراج شد)
    requires_before: frozenset[str] = frozenset()  # «<از»: one must stand among the four words before
    barred: frozenset[str] = frozenset()  # «!خبر»: none may stand among the eight words before
    requires_object: frozenset[str] = frozenset()  # «^صادرات»: one must stand in the clause before it, its object
    negated_type: str | None = None  # «تأیید نشد»: the act a negated trigger tells (not approved: rejected)

    @property
    def conditional(self) -> bool:
        """Does the row test words around it (:meth:`EventExtractor._required`)?"""
        return bool(self.requires or self.requires_before or self.barred or self.requires_object)

    @property
    def topics(self) -> frozenset[str]:
        """The words of which one the row requires near it, wherever."""
        return self.requires | self.requires_object

    @property
    def rule_id(self) -> str:
        return f"{self.source}:{self.line}"


#: User trigger tables (same columns as the shipped one), separated by the path separator; read by
#: every pipeline, so the command line and batch workers see them too.
ENV_VAR = "PNN_EVENT_TRIGGERS"


def trigger_paths(extra: Sequence[str | os.PathLike] = ()) -> tuple[str, ...]:
    """The user trigger tables in force: ``extra`` and then those of ``PNN_EVENT_TRIGGERS``."""
    from_env = [p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    return tuple(str(p) for p in (*extra, *from_env))


@cache
def triggers(extra: tuple[str, ...] = ()) -> dict[str, list[Trigger]]:
    """Triggers by their first word's key: the shipped table, then each user table in ``extra``."""
    out: dict[str, list[Trigger]] = {}
    for path in (model_path("rules", "event_triggers.tsv"), *(Path(p) for p in extra)):
        if not path.is_file():
            raise DataFileError(Errors.E004.format(path=path))
        for r in read_tsv(path, ("trigger", "type", "verb", "actor", "recipient")):
            words = tuple(key(w) for w in r["trigger"].split())  # a ZWNJ joins a word (گفت‌وگو), a space separates
            for column in ("type", "negated"):
                if r.get(column) and r[column] not in _TYPES:
                    raise r.error(f"{column}={r[column]!r}", "a type of rules/event_types.tsv: " + ", ".join(_TYPES))
            if r["verb"] not in ("-", "self", "far", "any", "است", *LIGHT_VERBS):
                raise r.error(f"verb={r['verb']!r}", "-, self, far, any, است or one of " + ", ".join(LIGHT_VERBS))
            words_near = [w for w in r.get("requires", "-").split() if w != "-"]
            requires = frozenset(key(w) for w in words_near if w[0] not in "<!^")
            out.setdefault(words[0], []).append(Trigger(
                words, r["type"], tuple(m for m in r.get("mode").split(",") if m), tuple(c for c in r.get("context").split(",") if c),
                r.get("cameo") or None, r["verb"], requires, r["actor"].removesuffix("|from"), r["recipient"],
                frozenset(key(w) for w in r.get("not_after").split()), frozenset(key(w) for w in r.get("not_before").split()),
                r.get("next") or None, r.line, path.name, r["actor"].endswith("|from"),
                frozenset(key(w[1:]) for w in words_near if w[0] == "<"), frozenset(key(w[1:]) for w in words_near if w[0] == "!"),
                frozenset(key(w[1:]) for w in words_near if w[0] == "^"), r.get("negated") or None))
    for first, found in list(out.items()):  # a finite verb in its plural, first-person and perfect forms too: خواست → خواستند، خواستیم، خواسته‌اند
        for t in list(found):
            if t.verb != "self":
                continue
            forms = [(*t.words[:-1], t.words[-1] + ending) for ending in SELF_VERB_ENDINGS]
            forms += [(*t.words[:-1], t.words[-1] + "ه", aux) for aux in PERFECT_AUXILIARIES]
            if t.requires:  # «X را «آپارتاید» خوانده و …»: a perfect whose auxiliary follows the next verb, only where
                forms.append((*t.words[:-1], t.words[-1] + "ه", "و"))  # the trigger's own words keep «خواسته و» a noun
            for words in forms:
                if not any(x.words == words and x.type == t.type for x in out.get(words[0], ())):
                    out.setdefault(words[0], []).append(replace(t, words=words))
    return out


@lru_cache(maxsize=65536)
def _trigger_candidates(word: str, extra: tuple[str, ...] = ()) -> tuple[tuple[Trigger, ...], tuple[Trigger, ...]]:
    """Triggers whose first word is ``word`` (the longest first: حمایت نظامی before حمایت), and the one-word
    triggers ``word`` inflects (دیدارش، تحریم‌های; a noun that is an event by itself first)."""
    table = triggers(extra)
    exact = tuple(sorted(table.get(word, ()), key=lambda t: -len(t.words)))
    inflected: list[Trigger] = []
    for ending in TRIGGER_ENDINGS:  # only event nouns inflect (دیدارش); «اشغالی» is no «اشغال کرد»
        if word.endswith(ending) and len(word) > len(ending) + 2:
            inflected += [t for t in table.get(word[: -len(ending)], ())
                          if len(t.words) == 1 and t.verb == "-" and t not in inflected]
    return exact, tuple(sorted(inflected, key=lambda t: t.verb != "-"))


@cache
def _arrest_words(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """First words of the COERCE triggers: an arrest may be told with no one named (۵۰ نفر بازداشت شدند)."""
    return frozenset(w for w, found in triggers(extra).items() if any(t.type == "COERCE" for t in found))


@cache
def _trigger_words(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """Every key that may start a trigger: first words, and one-word event nouns with an ending. A superset of
    the words :func:`_trigger_candidates` finds anything for, so most tokens are passed over by one look-up."""
    table = triggers(extra)
    nouns = [w for w, found in table.items() if any(len(t.words) == 1 and t.verb == "-" for t in found)]
    return frozenset(table) | frozenset(w + ending for w in nouns for ending in TRIGGER_ENDINGS)


@cache
def modality_cues() -> dict[str, tuple[str, ...]]:
    """``models/rules/modality_cues.tsv`` by kind, cues as keys (spaces and ZWNJs dropped) for :class:`KeyText`."""
    out: dict[str, list[str]] = {}
    for r in read_tsv(model_path("rules", "modality_cues.tsv"), ("cue", "kind")):
        out.setdefault(r["kind"], []).append(key(r["cue"]))
    return {k: tuple(v) for k, v in out.items()}


class KeyText:
    """Token keys run together, so a cue matches whether its words were written apart, with a ZWNJ or glued,
    but only from a token's start to a token's end: «آینده» is no cue inside «نماینده»."""

    def __init__(self, words: list[str]) -> None:
        self._index([key(w) for w in words])

    @classmethod
    def of_keys(cls, keys: Sequence[str]) -> KeyText:
        """The same text from words already turned into keys (the extractor keeps one key per token)."""
        text = cls.__new__(cls)
        text._index(keys)
        return text

    def _index(self, keys: Sequence[str]) -> None:
        self.text = "".join(keys)
        self.starts: set[int] = set()
        self.ends: set[int] = set()
        at = 0
        for k in keys:
            if k:
                self.starts.add(at)
                at += len(k)
                self.ends.add(at)

    def has(self, cue: str) -> bool:
        """``cue`` (a key) covers whole tokens somewhere in the text."""
        at = self.text.find(cue)
        while at >= 0:
            if at in self.starts and at + len(cue) in self.ends:
                return True
            at = self.text.find(cue, at + 1)
        return False

    def starts_with(self, cue: str) -> bool:
        return self.text.startswith(cue) and len(cue) in self.ends


@cache
def _light_verb_forms() -> dict[str, frozenset[str]]:
    """Keys of the inflected forms of each light-verb family (any tense, negated or not)."""
    endings = ("", "م", "ی", "یم", "ید", "ند", "ه", "ه‌است", "ه‌اند", "ه‌بود", "ه‌بودند", "ن")
    present_endings = ("م", "ی", "د", "یم", "ید", "ند")
    forms: dict[str, frozenset[str]] = {}
    for family, stems in {**LIGHT_VERBS, **DELIVERY_VERBS, **ADJACENT_VERBS}.items():
        out = set()
        for i, stem in enumerate(stems):
            is_past = i % 2 == 0
            for neg in ("", "ن"):
                for pre in ("", "می", "نمی"):
                    for end in (endings if is_past else present_endings):
                        out.add(key(neg + pre + stem + end) if not pre else key(pre + stem + end))
                out.add(key("ب" + stem + "د")) if not is_past else None
        forms[family] = frozenset(out)
    forms["any"] = frozenset().union(*(forms[f] for f in LIGHT_VERBS))
    forms["است"] = frozenset(key(w) for w in _WORDS["copula"])  # مخالف است: asked for by name only, not by «any»
    return forms


@dataclass
class Participant:
    text: str
    start: int
    end: int
    label: str | None
    entity_id: str | None
    canonical_name: str | None
    country: str | None
    sector: str | None
    role_title: str | None
    cluster: str | None = None
    affiliation: str | None = None  # a title's known organisation or place (دبیرکل [سازمان ملل]); not in the record
    post: str | None = None  # the gazetteer role a title or its holder names (role:envoy); not in the record

    def record(self) -> dict:
        return {k: getattr(self, k) for k in ("text", "start", "end", "label", "entity_id", "canonical_name",
                                              "country", "sector", "role_title")}

    @property
    def identity(self) -> str:
        if self.cluster:
            return self.cluster
        if self.label == "ROLE":  # a title names its holder by what it holds: Iran's and Qatar's foreign ministers are two
            where = self.affiliation or self.country
            return f"{self.entity_id}@{where}" if self.entity_id and where else key(self.text)
        return self.entity_id or key(self.canonical_name or self.text)


@dataclass
class Event:
    type: str
    trigger: Span
    rule: Trigger
    sentence: int
    actor: list[Participant] = field(default_factory=list)
    recipient: list[Participant] = field(default_factory=list)
    arguments: list[dict] = field(default_factory=list)
    location: Participant | None = None
    date: dict | None = None
    modality: str = "asserted"
    attribution: dict | None = None
    sentence_ids: list[int] = field(default_factory=list)
    boilerplate: bool = False
    anaphoric: bool = False
    nominal: bool = False  # an event noun with no light verb of its own (مذاکرات، حمله)
    verb_end: int | None = None  # token after the trigger's light verb, however far (خواستار … شد)
    retold_in: set[int] = field(default_factory=set)  # sentences that name this event again (این دیدار)
    answers: str | None = None  # «این اتهام را رد کرد»: the type of the earlier event this one responds to
    aside: bool = False  # told as held on the sidelines of another (در حاشیه این نشست …): never that one
    next_round: bool = False  # the next meeting, planned (نشست بعدی …): never one already told
    claimed: bool = False  # what a report claims (گزارش‌ها مبنی بر دیدار X با Y): negated when the report is denied
    weekday_only: bool = False  # its date is a bare weekday (روز چهارشنبه), read as this week's past day
    agreed_as: str | None = None  # the type its trigger had before what was agreed retyped it (توافق on a ceasefire)
    spokesman: Participant | None = None  # the person who states it, when a speech act's actor may be his state
    confidence: float = 0.7
    dictionary: list[str] = field(default_factory=list)

    def identities(self) -> set[str]:
        return {p.identity for p in self.actor + self.recipient}

    def countries(self) -> set[str]:
        return {p.country for p in self.actor + self.recipient if p.country}


class EventExtractor:
    """The ``pnn_events`` component."""

    def __init__(self, nlp: Language, name: str = "pnn_events", *, user_tables: Sequence[str] = ()) -> None:
        self.name = name
        self.extra = trigger_paths(user_tables)
        triggers(self.extra)  # read now: a bad user table fails when the pipeline is built, naming its line
        self._trigger_words = _trigger_words(self.extra)
        self._arrest_words = _arrest_words(self.extra)
        self.verb_forms = _light_verb_forms()
        # «در پایان» tells when a statement came (a cue for names in ner.py), not that one is made
        self._speech = frozenset(f for f in Lexicons.load().speech_verbs if not f.startswith("در ")) | REPORTING
        self._speech_keys, self._speech_nouns = self._speech_forms()
        self._verbs_and_copula = self.verb_forms["any"] | self.verb_forms["است"]

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[Mention] = doc._.mentions or []
        if not len(doc):
            doc._.events = []
            return doc
        sents = list(doc.sents)
        sent_of = sentence_index(doc)
        self._sents, self._sent_of = sents, sent_of
        self._norms = [t.norm_ for t in doc]  # one norm and one key per token, read by every rule below
        self._keys = [key(n) for n in self._norms]
        self._name_quotes = self._quoted_names(doc)
        self._demonyms = doc_gazetteer(doc).demonyms
        ents = doc.ents
        self._ent_ending_at: dict[int, Span] = {}
        for ent in ents:
            self._ent_ending_at.setdefault(ent.end, ent)
        # words inside a name are no triggers: «پیمان» in «سازمان پیمان امنیت جمعی», «همکاری» in «سازمان همکاری اسلامی»
        self._in_name = {i for ent in ents if ent.label_ in ("PER", "ORG", "LOC", "ROLE") for i in range(ent.start, ent.end)}
        # the keys modality cues are looked for in: a name is no cue word («در [آستانه] برگزار شد» is held in Astana,
        # not «on the verge of»)
        named = {i for ent in ents if ent.label_ in ("PER", "ORG", "LOC") for i in range(ent.start, ent.end)}
        self._cue_keys = [NAME_MASK if i in named else k for i, k in enumerate(self._keys)]
        reference = doc.user_data.get("pnn_reference_date") or dt.date.today()
        participants = self._participants(doc, mentions)
        gaz = doc_gazetteer(doc)
        self._outlets = {m.span.start for m in mentions if m.label == "ORG" and m.entry_id  # news outlets (sector JRN)
                         and (entry := gaz.get(m.entry_id)) is not None and entry.sector == "JRN"}
        located = ((m, gaz.get(m.entry_id)) for m in mentions if m.label == "LOC" and m.entry_id and m.nested_in is None)
        self._natural_places = sorted(  # seas, rivers, crossings …: places of acts, never sides (_natural_place)
            ((m, entry) for m, entry in located if entry is not None and entry.kind in NATURAL_PLACE_KINDS),
            key=lambda x: x[0].span.start)
        by_sentence: list[list] = [[] for _ in sents]  # participants grouped once: linear in the document
        for item in participants:
            by_sentence[sent_of[item[0]]].append(item)
        ents_by_sentence: list[list[Span]] = [[] for _ in sents]
        for ent in ents:
            ents_by_sentence[sent_of[ent.start]].append(ent)
        self._ents_by_sentence = ents_by_sentence
        self._key_texts: dict[tuple[int, int], KeyText] = {}
        # boilerplate is marked by whole lines and a sentence never crosses a line: its first word says
        self._boilerplate = [bool(next((t for t in sent if not t.is_space), sent[0])._.boilerplate) for sent in sents]
        self._presence = _after_phrase_positions(self._norms, ("با", "حضور"), 4)
        events: list[Event] = []
        for number, sent in enumerate(sents):
            sent_keys = [] if by_sentence[number] else self._keys[sent.start: sent.end]
            if not by_sentence[number] and not any(k in CROWDS or k in DETAINEES or k in self._arrest_words for k in sent_keys) \
                    and not _has_word(sent_keys, HELD_ANAPHORS):
                continue  # nobody named, no crowd that could protest (کارگران … تجمع کردند), no one held told released
                # (این افراد آزاد شدند) or arrested (۵۰ نفر بازداشت شدند: by the police named before, see _arresters)
            # A run-on "sentence" (a long line with no stops) is read in windows, so that the work
            # per trigger stays bounded and the whole document stays linear.
            for lo in range(sent.start, sent.end, MAX_SENTENCE_TOKENS):
                window = doc[lo: min(sent.end, lo + MAX_SENTENCE_TOKENS)]
                found = [x for x in by_sentence[number] if window.start <= x[0] and x[1] <= window.end]
                if found or not by_sentence[number]:
                    events += self._sentence_events(doc, window, number, found,
                                                    [e for e in ents_by_sentence[number] if window.start <= e.start < window.end],
                                                    reference)
        events = [one for event in events for one in self._separate(event)]
        joint = _joint_bodies(doc, mentions)
        self._next_rounds(doc, events)
        self._resolve_sides(doc, events, joint)
        self._resolve_answers(events)
        events = self._merge(doc, events)
        self._add_attendees(doc, sents, events, participants)
        self._infer_visit_places(events)
        self._crowds(doc, events, participants)
        self._claims(doc, events, participants)
        _arresters(sents, self._keys, events, participants, self._says)
        _releasers(doc, sents, events)
        _aid_received_where_it_arrived(events)
        _with_spokesman(events)
        _title_holders(doc, events, reference)
        _no_towns_accused(gaz, events)
        for event in events:  # «کمیسیون مشترک اقتصادی ایران و ترکمنستان»: a joint body is its countries too
            event.actor, event.recipient = _with_members(event.actor, joint), _with_members(event.recipient, joint)
        for event in events:  # an actor must be named: a bare title (وزیر، مدیرکل) with no holder or country is not
            if event.type not in ("CONSULT", "AGREE"):  # a minister met may be a foreign one
                _domestic_titles(doc, event.actor, event.recipient)
                _domestic_titles(doc, event.recipient, event.actor)
            event.actor = [p for p in event.actor if _named(p)]
            event.recipient = [p for p in event.recipient if _named(p)]
        doc._.events = [e for e in events if e.actor and not _session_of_one(e) and not _deal_of_one(e)
                        and (e.type not in NEEDS_RECIPIENT or e.recipient
                             or e.rule.actor in ("all", "both") and len(e.actor) >= 2)  # sides act together
                        and not (e.modality == "hypothetical" and (e.nominal or not e.recipient))  # «در صورت شکست مذاکرات»
                        # reports nothing; «با هرگونه تغییر مرزها مخالف است» is a standing view aimed at no one
                        and not any(p.entity_id and (gaz.get(p.entity_id) or None) and gaz.get(p.entity_id).kind in NO_EVENT_KINDS
                                    for p in e.actor + e.recipient)]
        return doc

    def _separate(self, event: Event) -> list[Event]:
        """«در گفت‌وگوهای تلفنی جداگانه با X و Y»: one meeting with each counterpart, which may then be told
        again apart (two known people met are two meetings, see :meth:`_merge`)."""
        sent = self._sents[event.sentence]  # «در گفت‌وگوهای جداگانه با X و Y … رایزنی کرد»: the verb's meetings too
        if event.type != "CONSULT" or len(event.recipient) < 2 or not any(
                self._keys[i] in SEPARATELY for i in range(sent.start, min(sent.end, event.trigger.end + 3))):
            return [event]
        people = {p.country for p in event.recipient if p.label in ("PER", "ROLE") and p.country}
        # (a country named beside the people met, «وزرای خارجه X و [Y]», is one of them, no meeting of its own)
        met = [p for p in event.recipient if not (p.label == "LOC" and p.country in people)]
        return [replace(event, recipient=[p], arguments=list(event.arguments), sentence_ids=list(event.sentence_ids),
                        retold_in=set(event.retold_in), dictionary=list(event.dictionary)) for p in met]

    def _crowds(self, doc: Doc, events: list[Event], participants) -> None:  # noqa: ANN001
        """«معترضان … تظاهرات کردند»: a protest with no named actor is the crowd's that the sentence names before
        its trigger, people of the country where it happens; «کشاورزان [شهرستان X] تجمع کردند» happens in X. So is
        a demand (تجمع‌کنندگان … خواستار … شدند، رانندگان معترض از دولت خواسته‌اند)."""
        places = {s: p for s, e, p in participants if p.label == "LOC"}
        for event in events:
            if event.type not in CROWD_ACTS or any(_named(p) for p in event.actor):
                continue
            sent = self._sents[event.sentence]
            after = event.trigger.end if event.trigger.end < len(doc) and self._keys[event.trigger.end] in CROWDS else None
            crowd = doc[after] if after is not None else \
                next((t for t in doc[sent.start: event.trigger.start] if self._keys[t.i] in CROWDS), None)  # «اعتراض‌های [مردم]»
            if crowd is not None and event.location is None:
                event.location = next((places[t.i + 1] for t in doc[crowd.i: event.trigger.start]
                                       if self._keys[t.i] in CROWDS and t.i + 1 in places), None)
            if crowd is not None:
                country = event.location.country if event.location is not None else None
                counted = crowd.i + 1 < len(doc) and doc[crowd.i + 1].norm_ in CROWD_COUNTS  # «هزاران نفر»
                span = doc[crowd.i: crowd.i + 1 + counted]
                # «… به دعوت [شورای X] … دست به اعتراض زدند»: the body that called the crowd out acts with it
                called_by = [p for s, e, p in participants if sent.start < s < event.trigger.start and p.label in ("ORG", "PER")
                             and _after_cue(doc, s, CALL_CUES, gaps=(0,))][:1]
                event.actor = called_by + [Participant(span.text, span.start_char, span.end_char, "GROUP", None, None,
                                                       country, "CVL", None)]
                event.recipient = [p for p in event.recipient if p.identity not in {a.identity for a in called_by}]

    def _object_of_stance(self, sent: Span, start: int, types: frozenset[str] = STANCES) -> bool:
        """Does the phrase from ``start`` end in «را» before a stance taken on it (محکوم کرد، انتقاد کرد; a rejection
        with ``types`` REJECTIONS) with no verb or clause break between?"""
        for j in range(start, min(sent.end - 1, start + 30)):
            if self._ends_phrase(j):
                return False
            if self._norms[j] == "را":
                return self._stance_after(j, sent.end, types)
        return False

    def _stance_after(self, ra: int, stop: int, types: frozenset[str] = STANCES) -> bool:
        """Does a stance of ``types`` (محکوم کرد، انتقاد کرد) follow the «را» at ``ra`` closely, past the label a naming
        verb gives the object («X را «نقض حقوق بین‌الملل» توصیف کرد»)?"""
        after = ra + 1
        if after < stop and self._norms[after] == "«":
            after = next((m + 1 for m in range(after + 1, min(stop, after + 12)) if self._norms[m] == "»"), after)
        return any(t.type in types for m in range(after, min(stop, after + 5)) for t in self._triggers_at(self._keys, m))

    def _any_object(self, tokens, k: int) -> bool:  # noqa: ANN001
        """Is what the trigger at ``k`` answers «از» and a word for anything at all (از هر اقدامی، از هرگونه …), in
        its clause before it, a relative clause on it included (از هر روندی که … کمک کند حمایت می‌کند)?"""
        for j in range(k - 1, max(0, k - 20), -1):
            norm = self._norms[tokens[j].i]
            if norm in CLAUSE_STOPS:
                return False
            if norm == "از" and j + 1 < k and self._keys[tokens[j + 1].i] in ANY_WORDS:
                return True
        return False

    def _reported_about(self, sent: Span, start: int) -> bool:
        """Is the event noun at ``start`` what reports are about: a topic cue (درباره، در مورد …) right before it and a
        report noun among the eight words before (گزارش‌های منتشرشده در رسانه‌ها درباره [سفر] X … را تکذیب کرد)?"""
        return start - 1 > sent.start and _after_cue(sent.doc, start, _TOPIC_CUES_BY_FIRST, gaps=(0,)) and any(
            self._keys[j] in REPORT_NOUNS or self._keys[j] in NEWS_NOUNS for j in range(max(sent.start, start - 9), start - 1))

    def _claimed(self, sent: Span, start: int) -> bool:
        """Is the event noun at ``start`` what a report claims: after a claim cue (مبنی بر), right after a report or
        news noun (خبر [بازداشت] X، گزارش [اخراج] …), or what reports are about (:meth:`_reported_about`)?"""
        return _after_cue(sent.doc, start, CLAIM_CUES, gaps=(0,)) or self._reported_about(sent, start) or (
            start - 1 > sent.start and (self._keys[start - 1] in REPORT_NOUNS or self._keys[start - 1] in NEWS_NOUNS)) \
            or self._told_by_report(sent, start)

    def _claim_clause(self, sent: Span, start: int) -> int | None:
        """Where «اینکه» opens the clause a claim cue introduces (گزارش‌ها مبنی بر [اینکه] …), when the trigger at
        ``start`` stands in that clause (no sentence stop between)."""
        for j in range(start - 1, max(sent.start, start - 20) - 1, -1):
            if self._norms[j] in SENTENCE_STOPS:
                return None
            if self._keys[j] in SUBORDINATOR_KEYS and _after_cue(sent.doc, j, CLAIM_CUES, gaps=(0,)):
                return j
        return None

    def _told_by_report(self, sent: Span, start: int) -> bool:
        """«گزارش‌هایی را [که از] امضای توافقی … خبر می‌داد، تکذیب کرد»: an event noun after «از» opening a relative
        clause on a report noun, whose verb is a news noun's (خبر داد), is what the reports claim."""
        j = start - 1
        if j - 2 < sent.start or self._norms[j] != "از" or self._norms[j - 1] != "که":
            return False
        j -= 2 if self._norms[j - 2] != "را" else 3
        if j < sent.start:
            return False
        report = self._keys[j]
        if not (report in REPORT_NOUNS or report.endswith("ی") and report[:-1] in REPORT_NOUNS):
            return False  # (the indefinite «گزارش‌هایی» too)
        return any(self._keys[i] in NEWS_NOUNS for i in range(start + 1, min(sent.end, start + 16)))

    def _attacks_in_general(self, doc: Doc, event: Event, kept: list[Event]) -> bool:
        """«X حملات [رژیم صهیونیستی] به غزه و لبنان را محکوم کرد»: attacks in the plural, their doer right after the
        noun (no kind, such as «هوایی»), with no date, condemned in the body of a report, are a side's conduct in
        general: the condemnation is the act told, no attack of its own (a headline's, or a dated one, is)."""
        if event.type != "ASSAULT" or not event.nominal or event.sentence == 0 or event.date or not event.actor:
            return False
        end = event.trigger.end
        if not event.trigger.text.endswith("ات") or end >= len(doc) or not doc[end].ent_type_:
            return False
        return any(o.type == "ACCUSE" and o.sentence == event.sentence and o.trigger.start > end for o in kept)

    def _denied_object(self, sent: Span, start: int) -> bool:
        """Is the event noun at ``start`` the head of what a denial denies: its phrase runs, with no verb or clause
        break, to «را» and a form of «تکذیب» right after it (بازداشت X توسط Y را تکذیب کرد)? (The callers leave out
        an accusation: «اتهام X را تکذیب کرد» rejects it, REJECT.)"""
        if start > sent.start and self._norms[start - 1] in PREPOSITIONS:
            return False  # «اتهام بدرفتاری با [بازداشت] شدگان را تکذیب کرد»: inside the object, not its head
        for j in range(start + 1, min(sent.end - 1, start + 16)):
            if self._norms[j] == "را":
                return self._keys[j + 1] in DENIALS
            if self._ends_phrase(j) and self._norms[j] not in ("،", ","):
                return False
        return False

    def _denied_after(self, sent: Span, end: int) -> bool:
        """Does a denial (a REJECT trigger: تکذیب کرد، رد کرد) follow token ``end`` in the sentence?"""
        return any(t.type == "REJECT" for j in range(end, sent.end) for t in self._triggers_at(self._keys, j))

    def _involved_in(self, sent: Span, start: int) -> bool:
        """Is the event noun at ``start`` what someone's part is in: «در» right before it, and a noun for a part
        (نقش، دست داشتن، دخالت) among the four words before that, or after it in its clause, before the verb
        (ایران در حمله به پایگاه X نقشی نداشته است)?"""
        if not (start - 1 > sent.start and self._norms[start - 1] == "در"):
            return False
        if any(self._keys[j] in INVOLVEMENT for j in range(max(sent.start, start - 6), start - 1)):
            return True
        for j in range(start + 1, min(sent.end, start + 14)):
            if self._keys[j] in INVOLVEMENT:
                return True
            if self._ends_phrase(j):
                return False
        return False

    def _ends_phrase(self, j: int) -> bool:
        """Does token ``j`` end a noun phrase read forward: a comma or stop, a clause break (not the quotes around a
        name) or a verb?"""
        return self._norms[j] in CLAUSE_STOPS or self._norms[j] in CLAUSE_BREAKS and j not in self._name_quotes \
            or self._keys[j] in self.verb_forms["any"]

    def _quoted_names(self, doc: Doc) -> set[int]:
        """The quotation marks around a name (گروه موسوم به «X»، قطار «Y»): up to five words with no verb or
        punctuation between them, which open no clause of speech."""
        out: set[int] = set()
        norms, verbs = self._norms, self.verb_forms["any"]
        for i, norm in enumerate(norms):
            if norm != "«":
                continue
            close = next((m for m in range(i + 1, min(len(norms), i + 7)) if not _is_word(doc[m])), None)
            if close is not None and close > i + 1 and norms[close] == "»" \
                    and not any(self._keys[m] in verbs for m in range(i + 1, close)):
                out.update((i, close))
        return out

    def _claims(self, doc: Doc, events: list[Event], participants) -> None:  # noqa: ANN001
        """«افراد مسلح به پاسگاه X حمله کردند … گروه Y مسئولیت آن را بر عهده گرفت»: an attack told with no named
        attacker is the claimant's, when the claim («مسئولیت آن را») follows within two sentences; so is it the body
        the attackers are said to belong to (مهاجمان از افراد وابسته به گروه Y بوده‌اند)."""
        for i in range(len(doc) - 2):
            claim = self._keys[i] in CLAIM_NOUNS and self._norms[i + 1] == "آن" and self._norms[i + 2] == "را"
            if not claim and self._keys[i] not in ATTACKER_NOUNS:
                continue
            sent = self._sents[self._sent_of[i]]
            if claim:
                claimant = next((p for s, e, p in reversed(participants) if sent.start <= s and e <= i and p.label in ("ORG", "PER")
                                 and not _governing_preposition(doc, s, sent.start)), None)
            else:
                claimant = next((p for s, e, p in participants if i < s and e <= min(sent.end, i + 10) and p.label == "ORG"
                                 and any(k in MEMBER_WORDS for k in self._keys[i + 1: s])), None)
            attack = next((ev for ev in reversed(events) if ev.type == "ASSAULT" and ev.trigger.start < i
                           and self._sent_of[i] - 2 <= max(ev.sentence_ids)), None)  # (told last in any of its sentences)
            if claimant is not None and attack is not None and not any(_named(p) for p in attack.actor):
                attack.actor = [claimant]

    def _key_text(self, start: int, end: int) -> KeyText:
        """The :class:`KeyText` of tokens ``start:end``, built once per document (events share sentences)."""
        text = self._key_texts.get((start, end))
        if text is None:
            text = self._key_texts[(start, end)] = KeyText.of_keys(self._keys[start:end])
        return text

    # -------------------------------------------------------------- participants
    def _participants(self, doc: Doc, mentions: list[Mention]) -> list[tuple[int, int, Participant]]:
        """Token spans that can take part in events: persons, organisations, places, roles, pronouns."""
        gaz = doc_gazetteer(doc)
        by_id = {m.id: m for m in mentions}
        holders: dict[str, Mention] = {}
        for rel in doc._.relations or []:
            if rel.type == "HAS_ROLE":
                holders[rel.tail] = by_id[rel.head]
        clusters = {c.id: c for c in doc._.clusters or []}
        for cluster in clusters.values():  # «مدیرکل آژانس» told after «رافائل گروسی، مدیرکل آژانس …»: his title too
            person = next((by_id[i] for i in cluster.mentions if by_id[i].label == "PER"), None)
            for i in cluster.mentions if person is not None else ():
                if by_id[i].label == "ROLE":
                    holders.setdefault(i, person)
        relations_of: dict[str, list] = {}
        for rel in doc._.relations or []:
            relations_of.setdefault(rel.head, []).append(rel)
        out: list[tuple[int, int, Participant]] = []
        self._cited = []  # the sources cited by their own account (به گفته X): who may have made an arrest they tell
        for m in mentions:
            if m.nested_in is not None or m.label == "DATE":
                continue
            if self._is_source(doc, m.span):
                if self._words_before(m.span.start).endswith(ACCOUNT_CUES):
                    cited = self._participant(m, m.span, gaz, by_id, holders, relations_of)
                    self._cited.append((m.span.start, m.span.end, cited))
                continue
            entry = gaz.get(m.entry_id) if m.entry_id else None
            if entry is not None and entry.kind in NO_SIDE_KINDS:
                continue  # an outlet reports events, a river is where they happen: neither takes a side
            out.append((m.span.start, m.span.end, self._participant(m, m.span, gaz, by_id, holders, relations_of)))
        for cluster in clusters.values():
            head = by_id[cluster.mentions[0]] if cluster.mentions else None
            main = next((by_id[i] for i in cluster.mentions if by_id[i].label == "PER"), head)
            for pronoun in cluster.pronouns:
                if main is None:
                    continue
                p = self._participant(main, pronoun, gaz, by_id, holders, relations_of)
                out.append((pronoun.start, pronoun.end, p))
        keys, demonyms = self._keys, gaz.demonyms
        for i in range(len(doc)):
            one = keys[i]
            pair = one + keys[i + 1] if i + 1 < len(doc) else one
            several = i > 0 and self._norms[i - 1] in DEMONSTRATIVES and one in SEVERAL and pair == one + COUNTRY_WORD
            if pair in BOTH_SIDES or one in BOTH_SIDES or several:
                # «دو طرف», «دو کشور», «طرفین»: both sides of an earlier meeting; «این سه کشور»: the three named before
                span = doc[i: i + 2] if (pair in BOTH_SIDES or several) and i + 1 < len(doc) else doc[i: i + 1]
                out.append((span.start, span.end, Participant(span.text, span.start_char, span.end_char, "SIDES",
                                                              None, None, None, None, None)))
            country = demonyms.get(one)
            # «هیئت [فنی] ایرانی»: an adjective may stand between the side noun and the demonym
            noun_at = i - 1 if i > 0 and keys[i - 1] in SIDE_NOUNS else \
                i - 2 if i > 1 and keys[i - 2] in SIDE_NOUNS and self._norms[i - 1].endswith("ی") and not doc[i - 1].ent_type_ else None
            if country and noun_at is not None:  # طرف افغانستانی, مقامات تاجیک: a side named by its demonym
                span = doc[noun_at: i + 1]
                out.append((span.start, span.end, Participant(span.text, span.start_char, span.end_char, "LOC", None,
                                                              None, country, SIDE_NOUNS[keys[noun_at]], None)))
            elif country and i > 0 and keys[i - 1] in COUNTERPARTS:  # همتای افغان خود: the other side's official
                span = doc[i - 1: i + 1]
                out.append((span.start, span.end, Participant(span.text, span.start_char, span.end_char, "ROLE", None,
                                                              None, country, "GOV", span.text)))
        out.sort(key=lambda t: (t[0], -t[1]))
        out = self._own_countries(doc, out)
        starts = {(s, p.identity) for s, e, p in out}
        # «سرلشکر [محمد باقری]»: a title right before its holder's name is the name's, and no side of its own
        out = [(s, e, p) for s, e, p in out if not (p.role_title and p.text == p.role_title and p.label == "PER"
                                                     and (e, p.identity) in starts)]
        both = [(s, e) for s, e, p in out if p.label == "SIDES"]
        if both:  # «دو [رئیس‌جمهور]»: the title inside names both sides, not one of its own
            out = [(s, e, p) for s, e, p in out if p.label == "SIDES" or not any(bs <= s and e <= be for bs, be in both)]
        for s, e, p in out:  # «معاون وزیر خارجه [این کشور]»: the country named before
            if p.label == "ROLE" and not (p.country or p.affiliation) and e + 1 < len(doc) and keys[e + 1] == COUNTRY_WORD:
                m = antecedent_of(doc, e, mentions, nested=True)
                entry = gaz.get(m.entry_id) if m is not None and m.entry_id else None
                if entry is not None and entry.kind in STATES:
                    p.country = entry.country
        posts: dict[str, set[tuple[str | None, str | None]]] = {}  # title key → the country and body it was named with
        held: dict[str, Participant] = {}  # title key → the person named holding it
        for s, e, p in out:  # «وزیر راه و شهرسازی ایران» … «وزیر راه و شهرسازی»: the same post, when only one was named
            if p.label == "PER" and p.role_title:
                held.setdefault(key(p.role_title), p)
            if p.label != "ROLE":
                continue
            title = key(p.text)
            if p.country or p.affiliation:
                posts.setdefault(title, set()).add((p.country, p.affiliation))
                continue
            holders = {h.identity: h for t, h in held.items() if t.startswith(title)}
            named = set().union(*(where for t, where in posts.items() if t.startswith(title)))
            if len(holders) == 1 and not named:  # «مسعود پزشکیان، رئیس‌جمهور ایران» … «رئیس‌جمهور»: that person
                h = next(iter(holders.values()))
                p.label, p.entity_id, p.canonical_name, p.country, p.sector, p.cluster = \
                    "PER", h.entity_id, h.canonical_name, h.country, h.sector, h.cluster
            elif len(named) == 1:
                p.country, p.affiliation = next(iter(named))
        return out

    def _title_holder(self, in_sent, heads, x: tuple[int, int, Participant]) -> tuple[int, int, Participant]:  # noqa: ANN001
        """«Y، معاون وزیر بنادر، کشتیرانی و آبراه‌های [هند] که …»: the place or body ending a title set beside a person
        is the title's, and the person is what a relative clause after it describes (else the mention itself)."""
        before = [y for y in in_sent if y[1] <= x[0]]
        if x[2].label not in ("LOC", "ORG") or not before:
            return x
        s, e, p = before[-1]
        if (s, e) in heads and p.role_title == p.text and x[0] - e <= 6 and not any(
                self._norms[j] in CLAUSE_BREAKS or self._norms[j] in SENTENCE_STOPS for j in range(e, x[0])):
            return heads[(s, e)]
        return x

    def _object_marked(self, end: int, stop: int, start: int | None = None) -> bool:
        """Is the mention ending at ``end`` an object: «را» right after it, or after a demonym or a possessive word
        (دو [کارمند] روس آن را بازداشت کرد)? A mention opening its clause, ``start`` given, is the subject of a
        stance taken on the pronoun object after it ([ترکیه] آن را محکوم کرد; not «که [ایران] آن را … می‌داند»)."""
        opens = start is not None and (start == 0 or self._norms[start - 1] in CLAUSE_STOPS + (":",))
        for j in range(end, min(end + 3, stop)):
            if self._norms[j] == "را":
                return True
            if self._keys[j] in self._demonyms:
                continue
            if self._norms[j] not in OBJECT_FILLERS or opens and self._stance_after_filler(j, stop):
                return False
        return False

    def _stance_after_filler(self, j: int, stop: int) -> bool:
        """Is the possessive or pronoun word at ``j`` the object of a stance: «را» right after it, and a stance then
        ([ترکیه] [آن] را محکوم کرد)?"""
        ra = next((m for m in range(j + 1, min(j + 3, stop)) if self._norms[m] == "را"), None)
        return ra is not None and self._stance_after(ra, stop)

    def _object_list(self, doc: Doc, in_sent, stop: int) -> set[tuple[int, int]]:  # noqa: ANN001
        """The mentions that are objects: «را» after them (:meth:`_object_marked`), and the mentions listed before
        such a one when the list is joined by «و» (فردو، نطنز و [اصفهان] را; not «X، [Y] را»: a subject set off)."""
        objects: set[tuple[int, int]] = set()
        listed: list[tuple[int, int]] = []  # the list being read backwards from an object, and whether «و» joined it
        joined_by_and = False
        for s, e, p in reversed(in_sent):
            if self._object_marked(e, stop, s):
                if joined_by_and:
                    objects.update(listed)
                listed, joined_by_and = [(s, e)], False
                objects.add((s, e))
            elif listed and _joined(doc, e, listed[-1][0]):
                joined_by_and = joined_by_and or any(t.norm_ == "و" for t in doc[e:listed[-1][0]])
                listed.append((s, e))
            else:
                if joined_by_and:
                    objects.update(listed)
                listed, joined_by_and = [], False
        if joined_by_and:
            objects.update(listed)
        return objects

    def _own_countries(self, doc: Doc, out: list[tuple[int, int, Participant]]) -> list[tuple[int, int, Participant]]:
        """«X گفت [کشورش] آماده همکاری است»: «his country» is the country of the person or title named last before it
        (within forty words), as a participant."""
        gaz, keys, found = doc_gazetteer(doc), self._keys, []
        for i in range(len(doc)):
            n = _phrase_at(keys, i, OWN_COUNTRY)
            if not n:
                continue
            speaker = next((p for s, e, p in reversed(out) if e <= i and i - e <= 40 and p.label in ("PER", "ROLE")
                            and p.country), None)
            entry = gaz.get(f"loc:{speaker.country.lower()}") if speaker is not None else None
            if entry is not None and entry.kind == "country":
                span = doc[i: i + n]
                found.append((span.start, span.end, Participant(span.text, span.start_char, span.end_char, "LOC",
                                                                entry.id, entry.name, entry.country, None, None)))
        return sorted(out + found, key=lambda t: (t[0], -t[1])) if found else out

    def _words_before(self, start: int) -> str:
        """The three words before token ``start``, joined by spaces: where a source cue (به گزارش X) is looked for."""
        return " ".join(self._norms[max(0, start - 3): start])

    def _is_source(self, doc: Doc, span: Span) -> bool:
        """The outlet a report cites (به گزارش X، به نقل از X (Y)، a dateline «X-» at a line start) is no participant."""
        norms = self._norms
        if self._words_before(span.start).endswith(SOURCE_CUES):
            return True
        # به گزارش خبرگزاری دانشجویان ایران (ایسنا); طبق گزارش X، رئیس Y: a short name or a title beside a source
        if span.start >= 2 and (norms[span.start - 1] == "(" or norms[span.start - 1] == "،" and span.label_ == "ROLE"):
            outer = self._ent_ending_at.get(span.start - 1)
            if outer is not None and norms[span.start - 1] == "،" and outer.label_ != "PER":
                outer = None  # «به گفته وزارت X، وزیر Y …»: after a body, a title opens the report; it describes a person
            if outer is not None and self._is_source(doc, outer):
                return True
        at_line_start = span.start == 0 or "\n" in doc[span.start - 1].text or "\n" in doc[span.start - 1].whitespace_
        end = span.end
        if at_line_start and end < len(doc) and norms[end] == "(":  # «خوست (پژواک ۲۵ قوس) -»: the agency and date
            end = next((j + 1 for j in range(end + 1, min(end + 12, len(doc))) if norms[j] == ")"), end)
        if at_line_start and end < len(doc) and norms[end] in ("-", "–", ":"):
            return True
        # «خبرگزاری X (Y) - [کابل]:»: the place of a dateline after the agency, in a line's first words
        line_start = next((j for j in range(span.start - 1, max(-1, span.start - 12), -1)
                           if "\n" in doc[j].text or "\n" in doc[j].whitespace_), None)
        opens_line = line_start is not None or span.start < 12 and not any("\n" in t.whitespace_ for t in doc[:span.start])
        if not (opens_line and span.label_ == "LOC" and span.start >= 1 and norms[span.start - 1] in ("-", "–")):
            return False
        j = span.end + (span.end < len(doc) and norms[span.end] in ("،", "("))
        if j < len(doc) and doc[j].ent_type_ == "DATE":  # «X - [کابل]، ۷ عقرب ۱۴۰۳:»، «X - [کابل] (۲۷ حمل ۱۴۰۳):»
            j = next((m for m in range(j + 1, len(doc)) if doc[m].ent_iob_ != "I"), len(doc))
            j += j < len(doc) and norms[j] == ")" and norms[span.end] == "("
        return j < len(doc) and norms[j] == ":" and (j == span.end or j > span.end + 1)

    @staticmethod
    def _participant(m: Mention, surface: Span, gaz, by_id, holders, relations_of) -> Participant:  # noqa: ANN001
        span, label, entity_id = m.span, m.label, m.entry_id
        entry = gaz.get(entity_id) if entity_id else None
        role_title = None
        country = entry.country if entry else None
        sector = entry.sector if entry else None
        canonical = (span._.canonical_name if entity_id else None) or (entry.name if entry else None)
        if canonical is None and label == "ORG":
            # «دفتر [یوناما]»، «شاخه خراسان [گروه داعش]»: a part or office of a known body, named last, acts for it
            owner = next((x for x in _nested(m, by_id) if x.label == "ORG" and x.entry_id and x.span.end == span.end), None)
            owner_entry = gaz.get(owner.entry_id) if owner is not None else None
            if owner_entry is not None:
                canonical, country, sector = owner_entry.name, country or owner_entry.country, sector or owner_entry.sector
        if canonical is None and label in ("PER", "ORG", "LOC") and surface.start_char != span.start_char:
            # «از او استقبال کرد»، «این شورا … محکوم کرد»: a pronoun for a person or body the gazetteer does not know
            # is named by the mention it stands for
            canonical = span.text
        if country is None and label in ("ORG", "LOC"):
            country = _nested_country(m, by_id, gaz)
            sector = sector or ("GOV" if label == "ORG" and country else None)
        affiliation, post = None, None
        if label == "ROLE":
            role_title, post = span.text, entity_id
            country = _nested_country(m, by_id, gaz)
            affiliation = next((x.entry_id for x in _nested(m, by_id) if x.entry_id), None) \
                or (entry.attrs.get("parent") if entry else None)  # «مسئول سیاست خارجی اتحادیه اروپا», one gazetteer title
            sector = sector or (entry.attrs.get("sector") if entry else None)
            holder = holders.get(m.id)
            if holder is not None:
                label, entity_id = "PER", holder.entry_id
                canonical = (holder.span._.canonical_name if holder.entry_id else None) or holder.span.text
        elif label == "PER":
            for rel in relations_of.get(m.id, ()):
                if rel.type == "AFFILIATED_WITH" and country is None and by_id[rel.tail].entry_id:
                    tail_entry = gaz.get(by_id[rel.tail].entry_id)
                    country = tail_entry.country if tail_entry else None
            for rel in relations_of.get(m.id, ()):
                if rel.type == "HAS_ROLE":
                    role = by_id[rel.tail]
                    role_title, post = role.span.text, role.entry_id
                    country = country or _nested_country(role, by_id, gaz)
                    role_entry = gaz.get(role.entry_id) if role.entry_id else None
                    sector = sector or (role_entry.attrs.get("sector") if role_entry else None)
                    break
        return Participant(surface.text, surface.start_char, surface.end_char, label, entity_id, canonical,
                           country, sector, role_title, m.cluster, affiliation, post)

    # -------------------------------------------------------------- per sentence
    def _sentence_events(self, doc: Doc, sent: Span, number: int, participants, ents, reference) -> list[Event]:  # noqa: ANN001
        tokens = [t for t in sent if not t.is_space]
        keys = [self._keys[t.i] for t in tokens]
        found: list[Event] = []
        taken: set[int] = set()
        for k, t in enumerate(tokens):
            if keys[k] not in self._trigger_words or t.i in self._in_name:
                continue  # most words start no trigger
            for trig in self._triggers_at(keys, k):
                n = len(trig.words)
                if k in taken:
                    continue
                received = self._received(keys, k, n)  # «X مورد حمله Y قرار گرفت»
                verb_index = received if received is not None else \
                    None if trig.verb == "self" else self._light_verb(keys, k + n, trig.verb)
                if trig.verb == "-" and k > 0 and keys[k - 1] == "با" and k + n < len(keys) and keys[k + n] == "از":
                    verb_index = None  # «X با استقبال از Y اعلام کرد»: a phrase of manner; the verb after it is the clause's
                if verb_index is None and trig.verb == "کرد":
                    verb_index = self._light_verb(keys, k + n, "شد")  # the passive: رد شد، بازداشت شدند
                if verb_index is not None and any(keys[j] in DENIALS for j in range(k + n, verb_index)):
                    verb_index = None  # «شایعه [استعفای] X را تکذیب کرد»: the verb is the denial's
                if trig.verb not in ("-", "self", "far") and verb_index is None and not self._news_of(keys, k, n) \
                        and not (self._claimed(sent, t.i) and self._denied_after(sent, tokens[k + n - 1].i + 1)) \
                        and not (trig.type != "ACCUSE" and self._denied_object(sent, t.i)):
                    continue  # (a noun a denied report claims, or a denial denies, is told: «خبر [بازداشت] X را تکذیب کرد»)
                # («X که … وارد Y شد، … مورد استقبال Z قرار گرفت»: a welcome received is a visitor's anywhere in its sentence)
                if trig.conditional and not self._required(trig, keys, k, n, k if received is not None else 8):
                    continue
                if k > 0 and keys[k - 1] in trig.not_after or self._cancelled(trig, keys, k + n, verb_index, tokens, participants):
                    continue
                if trig.verb not in ("-", "far") and verb_index is not None and any(
                        t.verb not in ("-", "self") and (t.verb == "far" or self._light_verb(keys, j + len(t.words), t.verb) == verb_index)
                        and (not t.conditional or self._required(t, keys, j, len(t.words)))  # «قول تحویل تسلیحات دادند»
                        for j in range(k + n, verb_index) for t in self._triggers_at(keys, j)):
                    # «گسترش همکاری … تأکید کرد»: the light verb belongs to a trigger in between that takes it
                    # (not «وعده کمک داد»: کمک takes کرد, so داد is the promise's)
                    continue
                taken.update(range(k, k + n))
                second = self._triggers_at(keys, k + n) if verb_index is None and trig.words[-1] != "و" and k + n < len(tokens) else []
                if second and not any(x.verb in ("far", "self") for x in second):
                    # «امضای قرارداد»، «برگزاری نشست»: the second noun is what the first acts on; not a verb of its own
                    # («در این دیدار [خواستار] … شد»)
                    taken.add(k + n)
                trigger_end = tokens[verb_index] if verb_index is not None else tokens[k + n - 1]
                trigger = doc[t.i: trigger_end.i + 1] if verb_index is not None and verb_index - (k + n) <= 1 else doc[t.i: tokens[k + n - 1].i + 1]
                event = self._build(doc, sent, number, trig, tokens, k, n, verb_index, trigger, participants, ents, reference)
                if event is not None and received is not None:
                    self._as_received(doc, sent, event, participants, tokens[k].i, tokens[k + n - 1].i + 1)
                if event is not None:
                    event.verb_end = tokens[verb_index].i + 1 if verb_index is not None else None
                    self._asked_for(doc, event)
                    found.append(event)
        self._about_events(doc, sent, found)
        _accused_of(doc, found)
        topics = self._called_off(doc, found)
        kept = [e for e in found if id(e) not in topics and not self._is_argument(e, found)]
        kept = [e for e in kept if not _stated_in(e, kept)]
        # «گزارش‌ها مبنی بر [بازداشت] X را [تکذیب کرد]»: the denied act is told, negated; the denial is no act of its own,
        # even when the act names no one who could do it (a claim «رد کرد» with its claimant named stays: «ادعای X مبنی
        # بر … را رد کرد»)
        kept = [e for e in kept if not (e.type == "REJECT" and any(
            o.claimed and o.modality == "negated" and o.trigger.end <= e.trigger.start
            and (o.actor or e.rule.words[0] in DENIALS) for o in kept))]
        # «با یورش به دفتر X، کارمندانش را بازداشت کرد»: a raid named by its noun, with an arrest by the same side, is how
        # the arrest was made
        kept = [e for e in kept if not (e.type == "ASSAULT" and e.nominal and e.rule.words[0] in RAID_NOUNS and any(
            o.type == "COERCE" and {p.identity for p in o.actor} & {p.identity for p in e.actor} for o in kept))]
        kept = [e for e in kept if not self._attacks_in_general(doc, e, kept)]
        # «… از این پس دیگری را هدف قرار نخواهد داد»: a pledge not to attack (a truce's terms) is no attack; it is left
        # out only now, once it has kept the truce's own nouns from taking its negated verb
        kept = [e for e in kept if not self._pledged_not_to_attack(e)]
        self._asked_of(found, kept)
        _agreed_truce(found, kept)
        return kept

    @staticmethod
    def _asked_of(found: list[Event], kept: list[Event]) -> None:
        """«خواستار از سرگیری گفت‌وگوها با [دهلی نو] شد»: a request that names no one asked is addressed to the
        other side of the act it asks for (an event noun between its trigger and light verb, no event itself), or
        to the attacker of an attack it asks to stop (خواستار توقف حملات [اسرائیل] شد)."""
        told = {id(e) for e in kept}  # by identity: two events may be equal field by field
        for event in kept:
            if event.type != "REQUEST" or event.recipient or event.verb_end is None:
                continue
            own = {p.identity for p in event.actor}
            for inner in found:
                if id(inner) not in told and event.trigger.end <= inner.trigger.start and inner.trigger.end < event.verb_end:
                    sides = inner.actor if inner.type in HOSTILE else inner.actor + inner.recipient  # ask the attacker to stop
                    event.recipient = [p for p in sides if p.identity not in own]
                    break

    def _about_events(self, doc: Doc, sent: Span, found: list[Event]) -> None:
        """«حمله اسرائیل به سوریه را محکوم کرد»، «از توافق آتش‌بس میان X و Y استقبال کرد»: a stance about an
        event told in the same clause is directed at that event's actors (not «حملات X را محکوم کردند و از Y
        خواستند»: the request opens a clause of its own)."""
        for event in found:
            if event.nominal or event.type not in SPEECH_ACTS:
                continue
            floor = max((p.end for p in event.actor), default=-1)
            clause = self._clause_start(doc, sent, event.trigger.start)
            if clause - 2 > sent.start and self._norms[clause - 1] == "که" and self._norms[clause - 2] == "را":
                # «حملات X به Y را [که از ۲۳ خرداد آغاز شد] محکوم کرد»: a relative clause on the object, not a clause of its own
                object_end = clause - 2
                clause = self._clause_start(doc, sent, object_end)
            else:
                object_end = event.trigger.start
            about = next((n for n in found if n.nominal and n.actor and floor <= n.trigger.start_char
                          and n.trigger.start >= clause
                          and n.trigger.end <= object_end
                          and not (n.trigger.start > 0 and doc[n.trigger.start - 1].norm_ == "با")  # «با میانجیگری X» is how, not what
                          and not _dated_by(doc, n.trigger.start)  # «پیش از نشست X … سفر کند»: when, not what
                          and not any(t.norm_ in CLAUSE_BREAKS or t.norm_ in ("،", ".") for t in doc[n.trigger.end: object_end])),
                         None)
            if about is None:
                continue
            if event.location is not None and about.location is not None and event.location.identity == about.location.identity:
                event.location = None  # «حمله X به سوریه را محکوم کرد»: Syria is where the attack was
            if any(floor <= p.start and p.end <= about.trigger.start_char for p in event.recipient):
                continue  # «از تلاش‌های [قطر و ترکیه] برای میانجیگری … حمایت کرد»: the stance names whom it is about first
            own = {p.identity for p in event.actor}
            event.recipient = [p for p in about.actor if p.identity not in own] or event.recipient

    @staticmethod
    def _called_off(doc: Doc, found: list[Event]) -> set[int]:
        """«سفر X به [مسکو] را لغو کرد»، «صادرات برق به [هرات] قطع شد»: an event noun before a verb whose trigger
        requires it as its topic (a visit called off, exports cut) is what that act is about, not an act told;
        the act is aimed at the other sides of it when it names no one itself. Returns the topics, by identity."""
        topics: set[int] = set()
        for event in found:
            wanted = event.rule.topics
            if event.nominal or not wanted:
                continue
            for inner in found:
                if inner is event or inner.type == event.type or not inner.nominal \
                        or not 0 <= event.trigger.start - inner.trigger.end <= 15 \
                        or any(t.norm_ in SENTENCE_STOPS or t.norm_ in CLAUSE_BREAKS for t in doc[inner.trigger.end: event.trigger.start]):
                    continue
                word = key(doc[inner.trigger.start].norm_)
                if word in wanted or plural_base(word) in wanted:
                    topics.add(id(inner))
                    own = {p.identity for p in event.actor}
                    sides = [p for p in inner.actor + inner.recipient if p.identity not in own]
                    if {p.identity for p in event.recipient} <= {p.identity for p in sides}:
                        # none of its own, or only the topic's sides (the subject of a passive, the object's owner):
                        # the other country's, rather than the actor's own delegation or minister
                        home = {p.country for p in event.actor if p.country}
                        event.recipient = [p for p in sides if p.country not in home] or sides
        return topics

    def _cancelled(self, trig: Trigger, keys: list[str], after: int, verb_index: int | None, tokens, participants) -> bool:  # noqa: ANN001
        """The word after the trigger, or after a light verb right after it, makes it something else (نشست خبری،
        گفت‌وگو با خبرنگار، «تأیید کرد [که] …» confirms a fact), or the mention the trigger needs after it is missing
        (وارد [کابل] شد)."""
        if trig.not_before and verb_index == after and after + 1 < len(keys) and keys[after + 1] in trig.not_before:
            return True
        if trig.not_before and after < len(keys):
            met = after  # past «با», «بر» and an indefinite «یک»: «تأکید بر اینکه», «گفت‌وگو با یک شبکه تلویزیونی»
            while met + 1 < len(keys) and met - after < 2 and keys[met] in ("با", "بر", "یک"):
                met += 1
            if keys[met] in trig.not_before or plural_base(keys[met]) in trig.not_before:
                return True  # «گفت‌وگو با رسانه‌های محلی»: the plural of a word listed too
            if trig.type == "CONSULT" and tokens[met].i in self._outlets:
                return True  # «در گفت‌وگو با [طلوع‌نیوز] گفت»: an interview with a news outlet, no meeting
        if trig.next:
            start = tokens[after].i if after < len(tokens) else -1
            return not any(s == start and p.label == trig.next for s, e, p in participants)
        return False

    def _news_of(self, keys: list[str], k: int, n: int) -> bool:
        """«از [بازداشت] ده‌ها تن … خبر دادند»: an act named by its noun after «از» and reported by a news
        noun's verb later in the clause is told, though its own light verb is missing."""
        if k == 0 or keys[k - 1] != "از":
            return False
        for j in range(k + n, min(len(keys) - 1, k + n + 20)):
            if keys[j] in (".", "؛", "،") or keys[j] in CLAUSE_BREAKS:
                return False
            if keys[j] in NEWS_NOUNS and keys[j + 1] in self.verb_forms["داد"]:
                return True
        return False

    def _required(self, trig: Trigger, keys: list[str], k: int, n: int, reach: int = 8) -> bool:
        """One of the words the trigger requires is near: among its topic words (in the plural too: «حبس‌هایی» for
        «حبس»), or, written «<از», among the four words before it («از X می‌خواهیم»), or further back past a list of
        names up to a verb or a break («از X، Y و Z می‌خواهد»); and no word written «!خبر»
        is among the ``reach`` words before it, with or without an ending (ادعایی که … آن را تأیید نکرد: a claim
        confirmed as a fact, not an act endorsed)."""
        if trig.barred and any(x.startswith(w) and len(x) - len(w) <= 2 for x in keys[max(0, k - reach): k] for w in trig.barred):
            return False
        if not (trig.requires or trig.requires_before or trig.requires_object):
            return True
        if trig.requires_before & set(keys[max(0, k - 4): k]):
            return True
        if trig.requires_before:  # «از [امریکا، اسرائیل و ایران] می‌خواهد»: past a list of names, up to a verb or break
            for j in range(k - 1, max(-1, k - 11), -1):
                if keys[j] in trig.requires_before:
                    return True
                if keys[j] in (".", "؛", ":", "«", "»") or keys[j] in CLAUSE_BREAKS or keys[j] in self.verb_forms["any"]:
                    break
        if trig.requires_object:  # «صادرات برق به X را قطع کرد»: in its own clause, before it (not «… قطع می‌کند که صادرات …»)
            # (up to sixteen words back, past the place and the order it was done by: اینترنت را در ولایت X و … به
            # دستور رهبر این گروه قطع کرده بودند)
            opened = _clause_opening(keys, k)
            start = max(0, k - 16) if opened is None else opened + 1
            # nor past a finite verb that closed another clause («… روابط … را بازتعریف کنیم وی ادامه داد: …»)
            # (a participle is no finite verb, and may be a noun: «خدمات [داده] … را قطع کرد»)
            start = next((j + 1 for j in range(k - 1, start - 1, -1)
                          if keys[j] in self.verb_forms["any"] and not keys[j].endswith("ه")), start)
            if any(w in trig.requires_object or plural_base(w) in trig.requires_object for w in keys[start: k]):
                return True
        return any(w in trig.requires or (plural_base(w) or w) in trig.requires for w in self._topic_words(keys, k, n))

    @staticmethod
    def _topic_words(keys: list[str], k: int, n: int) -> list[str]:
        """Words that say what a trigger such as تأکید is about: twelve before it and eight after, back to «بر»
        (بر افزایش صادرات غله، آرد و … تأکید کردند), or eight before the «را» of its object, up to sixteen words
        back (همکاری‌های اقتصادی و ترانزیتی در مناطق مرزی را با X گسترش دهد), and the sentence's first three."""
        start = max(0, k - 12)  # «۵۰ تیم امداد و نجات … از استان‌های همجوار به X اعزام کرد»: an object far before the verb
        bar = next((j for j in range(k - 1, max(-1, k - 16), -1) if keys[j] == "بر"), None)
        # the object's «را» may stand far from the verb, past the route and the destination or a list of fields
        # (کمک‌های زمستانی … را از طریق بندر X به ولایت Y فرستاد، همکاری با X را در بخش‌های …، … و … گسترش خواهد داد),
        # within its clause; and where the clause opens
        opened = _clause_opening(keys, k)
        ra = next((j for j in range(k - 1, max(-1, k - 17) if opened is None else opened, -1) if keys[j] == "را"), None)
        if bar is not None:
            start = min(start, bar)
        if ra is not None:
            start = min(start, max(0, ra - 8))
        # and the opening words of the sentence and of the clause after «که», its subject's head (گذرگاه تورخم … پس از …
        # دوباره … بازگشایی شد؛ X اعلام کرد که ۲۲۰ مهاجر … با یک پرواز ویژه … اخراج شدند)
        clause = keys[opened + 1: min(opened + 4, start)] if opened is not None and keys[opened] == "که" else []
        return keys[:min(3, start)] + clause + keys[start: k] + keys[k + n: k + n + 8]

    @staticmethod
    def _is_argument(event: Event, found: list[Event]) -> bool:
        """«از حمایت چین استقبال کرد»، «بر حمله X تأکید کرد»: an event noun after a preposition, followed
        closely by another event's verb, or an event noun that is a direct object (… را), is what
        another act is about, not an event told in its own right."""
        doc, start, end = event.trigger.doc, event.trigger.start, event.trigger.end
        if event.nominal and (start >= 1 and key(doc[start - 1].norm_) in FRAME_NOUNS or start >= 2 and event.anaphoric
                              and key(doc[start - 2].norm_) in FRAME_NOUNS):
            return True  # «در حاشیه [این] نشست … دیدار کرد»: the meeting on whose sidelines another is told (a verb is
            # no such noun: «با ضمانت بزرگان [محل] آزاد شدند»)
        indefinite = doc[start].norm_.endswith("ی") and not event.rule.words[-1].endswith("ی")  # نشستی، جلسه‌ای
        if event.nominal and any(
                other.type in OFFERS and not other.nominal and 0 <= start - other.trigger.end <= 15
                and (event.modality == "future" or other.trigger.end <= start - 1 and doc[start - 1].norm_ == "که")
                and not any(t.norm_ in SENTENCE_STOPS for t in doc[other.trigger.end: start]) for other in found):
            return True  # «توافق کردند نشست بعدی … برگزار شود»، «دعوت کرد تا در نشست … شرکت کند»: what is agreed or asked
            # («توافق کردند که رایزنی‌ها … ادامه یابد»: the talks to go on, named first in the clause agreed on)
        if event.type == "CONSULT" and event.nominal and indefinite and not event.recipient and start >= 1 and doc[start - 1].norm_ == "در" \
                and any(other is not event and not other.nominal and other.trigger.start > end and
                        {p.identity for p in other.actor} == {p.identity for p in event.actor} for other in found):
            return True  # «X در نشستی در کابل … را بی‌اساس خواند»: the setting of X's act, with no one met (an
            # «اجلاس سران» named is a summit attended, and stays)
        if event.nominal and _after_cue(doc, start, PURPOSE_CUES) and any(o is not event and not o.nominal for o in found):
            return True  # «برای شرکت در [ششمین] نشست … به X سفر کرد»: what the trip is for, no event of its own
        if start >= 2 and doc[start - 1].norm_ == "از" and any(o is not event and o.trigger.end == start - 1 for o in found):
            return True  # «با استقبال از [توافق] آتش‌بس، …»: what another act's noun is about, right after its «از»
        if start >= 2 and doc[start - 1].norm_ == "به" and key(doc[start - 2].norm_) in REFERRING \
                and not (event.type in HOSTILE and any(p.start >= event.trigger.end_char for p in event.actor)):
            # «X با اشاره به حملات اخیر در Y گفت …»، «با اشاره به حمایت ایران از …»: what the speaker refers to, not an act
            # told (an attack whose doer is named after it is told: «با اشاره به حملات [Z] به …»)
            return True
        if event.nominal and start >= 1 and doc[start - 1].norm_ == "به" and _referred_to(doc, end):
            return True  # «X به [حمایت] آلمان از … اشاره کرد»: what the speaker refers to, named before his verb
        if start >= 1 and key(doc[start - 1].norm_) in ISSUE_NOUNS:
            return True  # «موضوع آزادی خدمه … را مطرح کرد»، «پرونده انفجار بندر»: the matter discussed, not an act told
        if start >= 2 and doc[start - 1].norm_ == "از" and key(doc[start - 2].norm_) in CONCERN_NOUNS:
            return True  # «با ابراز نگرانی از درگیری‌ها»: what worries the speaker, not the speaker's act
        if event.modality == "hypothetical" and any(other.type == "THREATEN" and other.trigger.end <= start for other in found):
            return True  # «تهدید کرد که در صورت لزوم … حمله خواهد کرد»: what is threatened, not an act told
        if any(other.type == "REQUEST" and not other.nominal and other.rule.verb == "self" and 0 <= start - other.trigger.end <= 12
               and not any(t.norm_ in SENTENCE_STOPS for t in doc[other.trigger.end: start])
               and (not any(t.norm_ == "،" for t in doc[other.trigger.end: start]) or _asked_verb_after(doc, end))
               for other in found):
            return True  # «از X خواست به تحریم‌ها پایان دهد / که از حقوق زنان حمایت کند»: what is asked for, not an act told
            # (an act named again there too: «خواستند برای توقف این حملات اقدام کند»)
        if not event.nominal and event.modality == "future" and event.rule.type != "CONSULT" and any(
                other.rule.type in OFFERS and not other.nominal and 0 <= start - other.trigger.end <= 30
                and not any(t.norm_ in SENTENCE_STOPS or t.norm_ in PLAN_WORDS for t in doc[other.trigger.end: start])
                and not (other.rule.verb == "self" and other.trigger.end < len(doc) and doc[other.trigger.end].norm_ == "و")
                for other in found):
            return True  # «حماس آماده است همه گروگان‌ها را … آزاد کند»: what is offered or asked, told by its verb (not
            # «توافق کردند و قرار است … دیدار کنند»: a plan of its own; a visit or meeting invited to is the invitation
            # told again, and merges with it, bringing its place; nor after a vow told by its own verb and «و»: «… پاسخ
            # خواهد داد و کشتی‌های X را هدف قرار خواهد داد» vows two acts)
        if event.nominal and _in_exchange(doc, start):
            return True  # «در برابر آتش‌بس ۴۵ روزه»، «در ازای عقب‌نشینی X و آزادی …»: the price of a deal, not an act
        if event.claimed:
            return False  # «گزارش‌ها مبنی بر دیدار X با Y را تکذیب کرد»: the act claimed is told, denied
        if event.nominal and start >= 1 and key(doc[start - 1].norm_) in CLAIM_NOUNS:
            return False  # «X مسئولیت [حمله] به قطار را بر عهده گرفت»: the act claimed is the claimant's, told
        if event.nominal and event.verb_end is None and start >= 1 and doc[start - 1].norm_ == "مورد":
            return True  # «مسیر ترانزیتی مورد توافق»: agreed upon, an adjective (with «قرار گرفت» it is a passive act)
        if event.rule.actor == "all" and event.nominal and _after_cue(doc, start, BASIS_CUES):
            return True  # «طبق توافقنامه جامع پادمانی»، «خواستار اجرای کامل توافقنامه …»: what something rests on
        if event.nominal and not event.anaphoric and any(key(t.norm_) in REFERENCE_NOUNS for t in doc[max(0, start - 3): start]):
            # «پیرامون روند گفتگوها میان X و Y»، «بدون دستیابی به توافق»، «تا روند گفتگوها جان بگیرد»: a reference to
            # talks or an agreement is no act told
            return True
        if event.anaphoric:
            return False
        if event.type == "CONSULT" and event.rule.next == "LOC" and any(
                other.type == "AID" and "arrived" in other.rule.recipient and 0 < start - other.trigger.end <= 20
                and not any(t.norm_ in (".", "؛") or t.norm_ in CLAUSE_BREAKS for t in doc[other.trigger.end: start])
                for other in found):
            return True  # «محموله کمک‌های X … وارد [هرات] شد»: the goods arrive, no one visits
        if event.verb_end and any(other is not event and other.verb_end == event.verb_end and _owns_verb(other, event)
                                  and not (event.type == "AID" and other.rule.next == "LOC" and not other.actor)
                                  for other in found):
            # «خواستار توقف حملات شد»: one light verb for two triggers; the other is what is asked for (but in
            # «محموله کمک‌های X وارد Y شد» the aid is what arrives, with no one else arriving)
            return True
        if event.nominal and any(other.rule.verb == "far" and other.verb_end and other.trigger.end <= start < other.verb_end
                                 for other in found):
            return True  # «خواستار توقف حملات X است»: what is asked for, before the copula that ends the call
        if not event.nominal:
            return False
        verbs = _light_verb_forms()["any"]
        if event.rule.actor == "all" and any(
                other.rule.actor == "all" and not other.nominal and 0 < other.trigger.start - end <= 40
                and not any(t.norm_ in (".", "؛") or t.norm_ in CLAUSE_BREAKS and t.norm_ not in QUOTES or key(t.norm_) in verbs
                            for t in doc[end + (end < len(doc) and doc[end].norm_ == "که"): other.trigger.start]) for other in found):
            # «قرارداد گازی بین X و Y امضا شد», «تفاهم‌نامه واردات … از ایران، روز … میان X، Y و Z امضا شد»،
            # «قراردادی که … امضا شد»، «پیمان «…» را امضا کردند»: the contract is what is signed, however long its name
            # (quoted too) and its setting, up to the first verb
            return True
        object_end = next((t.i for t in doc[end: min(end + 12, len(doc))] if t.norm_ in ("را", "،", ".", "؛")
                           or t.norm_ in CLAUSE_BREAKS), None)
        if object_end is not None and doc[object_end].norm_ == "را" and any(
                other.type == "REJECT" and not other.nominal and 0 < other.trigger.start - object_end <= 2 for other in found):
            return True  # «اتهامات مقامات ایران … را رد کرد»: what is rejected is answered, not told again
        if object_end is not None and doc[object_end].norm_ == "را" and not any(
                p.start >= event.trigger.end_char for p in event.actor) and any(
                not other.nominal and 0 < other.trigger.start - object_end <= (2 if other.type in SPEECH_ACTS else 5)
                and not any(t.norm_ in ("،", ".", "؛") or t.norm_ in CLAUSE_BREAKS for t in doc[object_end: other.trigger.start])
                for other in found):
            # «حمله به کاروان امدادی … را محکوم کردند»: what is condemned, its attacker unnamed (the condemners are
            # not it; «حمله [اسرائیل] به سوریه را محکوم کرد» names one, and tells the attack too); «تجمع زنان را با
            # شلیک هوایی پراکنده کردند»: what is dispersed, not a protest by those who disperse it
            return True
        if any(t.norm_ == "را" for t in doc[end: min(end + 3, len(doc))]) and \
                not any(t.norm_ in ("،", ".", "و") for t in doc[end: min(end + 3, len(doc))]):
            # «توافق هسته‌ای را لغو کند»: the event noun is the object of another act, unless that act
            # hands the aid over (کمک‌ها را فرستاد), makes the stance public (آمادگی خود را اعلام کرد) or puts the
            # sanctions in force (تحریم‌ها را اعمال کرد)
            return not (event.type == "AID" and _delivered(doc, end) or _verb_on_object(doc, end, ANNOUNCE_NOUNS)
                        or event.type in ("SANCTION", "COERCE", "RETREAT") and _verb_on_object(doc, end, IMPOSE_NOUNS)
                        or event.type in LAUNCHED and _verb_on_object(doc, end, LAUNCH_NOUNS))
            # (تحریم‌ها را اعمال کرد، حکم بازداشت X را صادر کرد، فرمان عفو X زندانی را صادر کرد؛ عملیاتی را علیه X آغاز کرد)
        before = start - 2 if start >= 2 and key(doc[start - 1].norm_) in DELIVERY_NOUNS else start - 1
        if before >= 0 and doc[before].norm_ == "برای" and any(
                other.type in OFFERS and (0 < before - other.trigger.end + 1 <= 6 or not other.nominal
                                          and 0 < other.trigger.start - end <= 10
                                          and not any(t.norm_ in CLAUSE_STOPS for t in doc[end: other.trigger.start]))
                for other in found):
            # «آمادگی ترکیه برای ارسال کمک‌ها»، «از وی برای سفر به پکن دعوت کرد»: what is offered, asked, invited to or
            # threatened, not an act told
            return True
        preposition = start - 1 - (start >= 2 and key(doc[start - 1].norm_) in PHASE_NOUNS)  # «به [آغاز] درگیری … متهم کرد»
        if preposition < 0 or doc[preposition].norm_ not in ("از", "بر", "به"):
            return False
        # (up to twelve words on, past what it is called, when no verb or clause stop stands between: «از امضای این
        # سند به عنوان گامی به سوی صلح پایدار در منطقه استقبال کرد»)
        return any(not other.nominal and 0 < other.trigger.start - end <= 6 or not other.nominal
                   and 6 < other.trigger.start - end <= 12 and not any(
                       t.norm_ in CLAUSE_STOPS or t.norm_ in CLAUSE_BREAKS or key(t.norm_) in verbs
                       for t in doc[end: other.trigger.start])
                   for other in found)

    def _triggers_at(self, keys: list[str], k: int) -> list[Trigger]:
        """Triggers starting at token ``k``: exact words, or one word with a plural/ezafe/pronoun ending (دیدارش، تحریم‌های)."""
        exact, inflected = _trigger_candidates(keys[k], self.extra)
        found = [t for t in exact if len(t.words) == 1 or tuple(keys[k:k + len(t.words)]) == t.words]
        return found or list(inflected)

    def _received(self, keys: list[str], k: int, n: int) -> int | None:
        """«X مورد حمله Y قرار گرفت» (X was attacked by Y): where «قرار گرفت» ends, when the trigger at ``k``
        follows «مورد» and it comes in the same clause."""
        if k == 0 or keys[k - 1] != "مورد":
            return None
        for j in range(k + n, min(k + n + 16, len(keys) - 1)):  # the agents may be several, with their titles
            if keys[j] in ("،", ".", "؛"):
                return None
            if keys[j] == "قرار" and keys[j + 1] in self.verb_forms["گرفت"]:
                return j + 1
        return None

    def _as_received(self, doc: Doc, sent: Span, event: Event, participants, t_start: int, t_end: int) -> None:  # noqa: ANN001
        """«X مورد حمله Y قرار گرفت»: Y, the possessor of the event noun, acts; X, the last unmarked participant
        before «مورد», is acted on (also as the genitive of its phrase: پاسگاه‌های مرزی [ایران])."""
        in_sent = [(s, e, p) for s, e, p in participants if sent.start <= s and e <= sent.end]
        event.actor = _dedupe([p for s, e, p in _possessors(doc, in_sent, t_end, sent.end)])  # no attacker named: none
        floor = self._clause_start(doc, sent, t_start)
        before = [(s, e, p) for s, e, p in in_sent if floor <= s and e < t_start and not _governing_preposition(doc, s, floor)]
        if before:
            own = {p.identity for p in event.actor}
            event.recipient = [p for p in (before[-1][2],) if p.identity not in own]

    def _light_verb(self, keys: list[str], start: int, family: str) -> int | None:
        # «خواستار [توقف حملات] است/شد»: a call for something is told with a light verb or the copula
        forms = self._verbs_and_copula if family == "far" else self.verb_forms["any" if family in ("-", "any") else family]
        # «خواستار [what is asked, however long] شد»; «اخراج و به [ولایت X] بازگردانده شدند»: a verb shared by joined participles
        joined = family != "far" and start < len(keys) and keys[start] == "و"
        reach = 14 if family == "far" else 8 if joined else 5
        stops = JOINED_STOPS if joined else CLAUSE_STOPS
        if family in ("کرد", "-", "any") and start < len(keys) and keys[start] in self.verb_forms["ساخت"] and (
                start + 1 == len(keys) or keys[start + 1] in (*SENTENCE_STOPS, "،", "و", "که")):
            return start  # «متهم ساخت.»، «پراکنده ساختند و …»: «ساختن» for «کردن», right after its noun
        for j in range(start, min(start + reach, len(keys))):
            if keys[j] in forms:
                # an infinitive is the trigger's own only right after it (محکوم کردن); further on it is another
                # noun's verb (اتهام [پناه دادن] به …); so is a verb right after its own noun (تهدید … [تبدیل] شود)
                if j > start and keys[j - 1] in OWN_VERB_NOUNS:
                    return None
                if keys[j].endswith("ه") and j + 1 < len(keys) and keys[j + 1] == "را":
                    return None  # «کشتی توقیف [شده] را آزاد کرد»: a participle describing the object, no act told
                return j if j == start or not keys[j].endswith("ن") else None
            if keys[j] in stops:
                return None
        return None

    def _build(self, doc, sent, number, trig, tokens, k, n, verb_index, trigger, participants, ents, reference):  # noqa: ANN001, ANN202
        in_sent = [(s, e, p) for s, e, p in participants if e <= sent.end]
        if not in_sent and trig.type not in ("PROTEST", "COERCE") and "release" not in trig.mode:
            return None  # a protest may be a crowd's, named by no entity (see _crowds); a release, the last arrester's;
            # an arrest, the security body's named before (_arresters)
        t_start, t_end = tokens[k].i, tokens[k + n - 1].i + 1
        clause_start = self._clause_start(doc, sent, t_start)
        event = Event(trig.type, trigger, trig, number, sentence_ids=[number],
                      boilerplate=self._boilerplate[number], dictionary=[trig.rule_id])
        event.anaphoric = t_start > 0 and doc[t_start - 1].norm_ in DEMONSTRATIVES
        event.aside = any(self._keys[i] in FRAME_NOUNS and self._norms[i - 1] == "در" for i in range(max(clause_start, 1), t_start))
        event.nominal = trig.verb not in ("self", "far") and trigger.end == t_end  # an event noun with no light verb right after it
        if event.nominal and trig.type == "ACCUSE" and "summon" not in trig.mode \
                and self._object_of_stance(sent, t_end, REJECTIONS):
            return None  # «اتهام واشنگتن درباره … را «بی‌اساس» خواند»: an accusation rejected is answered, not told again
            # (a summons denied is an act that did not happen: «خبر احضار سفیر X را تکذیب کرد»)
        # «این تصمیم را محکوم کردند»، «این حملات را نقض حاکمیت … خواند»: the earlier act named as the object
        ra = None
        for j in range(k - 1, max(2, k - 8) - 1, -1):
            if tokens[j].norm_ in ("«", "»"):
                continue  # «این تصمیم را «شجاعانه» خواند»: what it is called, quoted
            if tokens[j].norm_ in ("و", "،", ".") or tokens[j].norm_ in CLAUSE_BREAKS:
                break  # «این حمله را محکوم کرد و از … خواست»: the object belongs to the act before «و»
            if tokens[j].norm_ == "را" and (tokens[j - 2].norm_ in DEMONSTRATIVES
                                            or trig.type in STANCES and key(tokens[j - 1].norm_) in OBJECT_PRONOUNS):
                ra = j
                break
        between = "".join(key(t.norm_) for t in tokens[ra + 1: k]) if ra is not None else ""
        if ra is not None and (not between or between in MANNER_ADVERBS or trig.verb == "self"):  # (به‌شدت، به شدت)
            named = key(tokens[ra - 1].norm_)
            if named in OBJECT_PRONOUNS:  # «این حمله را «…» خواند و [آن] را محکوم کرد»: the act named so before it
                named = next((key(tokens[j].norm_) for j in range(ra - 2, 0, -1)
                              if tokens[j - 1].norm_ in DEMONSTRATIVES and self._triggers_at([key(tokens[j].norm_)], 0)), named)
            earlier = self._triggers_at([named], 0)
            # an act named by a general noun answers whatever act was told last
            event.answers = earlier[0].type if earlier else ANY_ACT if named in ACT_NOUNS or named in OBJECT_PRONOUNS \
                else "COERCE" if named in RESTRICTION_NOUNS else None
        elif (aimed := self._aimed_at_act(tokens, k, trig)) is not None:
            # «با این تحریم‌ها مخالفت کرد»، «از این توافق استقبال کرد»، «به این اقدام پاسخ قاطع خواهد داد»: an act
            # aimed at an act told before answers whoever did it
            earlier = self._triggers_at([aimed], 0)
            event.answers = earlier[0].type if earlier else ANY_ACT if aimed in ACT_NOUNS else None
        claim = event.anaphoric and t_start >= 2 and self._keys[t_start - 2] in CLAIM_NOUNS  # مسئولیت این حمله را پذیرفت
        after = _after_adjectives(doc, t_end, sent.end)  # «این حمله [تروریستی] را»
        if event.anaphoric and not claim and (after < sent.end and doc[after].norm_ == "را" or t_start >= 2 and (
                doc[t_start - 2].norm_ in ("از", "به", "با", "درباره", "برای") or self._keys[t_start - 2] in ATTACKER_NOUNS
                or self._keys[t_start - 2].endswith("ن") and self._keys[t_start - 2] in self.verb_forms["any"])):  # محکوم کردن این انفجار
            # «این حمله را محکوم می‌کنیم», «X از این سفر استقبال کرد», «با عاملان این حمله», «X به این اتهام واکنش نشان داد»، «X با این
            # تحریم‌ها مخالفت کرد»، «X درباره این حملات اظهار نظر نکرد»، «میزبانی … برای این گفتگوها»: the earlier event is
            # the object of another act here, not re-told, and X took no part in it
            return event
        heads = _appositions(doc, in_sent)
        marked = _markings(doc, sent, in_sent, heads)
        # the subject: unmarked, no genitive, and no object (X را)
        objects = self._object_list(doc, in_sent, sent.end)
        unmarked = [(s, e, p) for s, e, p in in_sent if s < t_start and not marked[(s, e)] and not _in_ezafe(doc, s, p)
                    and (s, e) not in objects
                    and not ((s, e) in heads and e + 1 < sent.end and doc[e].norm_ in ("،", ",") and doc[e + 1].norm_ == "را")]
        # «اعتبارنامه X، [سفیر Y]، را پذیرفت»: an apposition set off before «را» belongs to the object
        # «سه طرف سندی را برای … بخش [هرات] - [قندهار] … امضا کردند»: the subject stands before the object, so what
        # lies between the object's «را» and the trigger is not the subject when one stands before it
        object_at = next((j for j in range(t_start - 1, clause_start - 1, -1) if self._norms[j] == "را"), None)
        if object_at is not None and any(s >= clause_start and e <= object_at for s, e, p in unmarked):
            unmarked = [x for x in unmarked if x[0] < object_at]
        if object_at is not None and trig.type in STANCES:
            # «X، حملات هوایی Y … و پیشروی نیروهای [این کشور] … را محکوم کرد»: the act condemned opens the object, and
            # who acts in it is no subject of the condemnation
            act = next((j for j in range(clause_start, object_at)
                        if any(t.type in HOSTILE for t in self._triggers_at(self._keys, j))), None)
            if act is not None:
                unmarked = [x for x in unmarked if x[0] < act]
        # «X گفت که … در حمله … نقش داشتند»: X reports an act named by a noun, and took no part in it (a finite
        # verb with no subject of its own is X's: «X اعلام کرد که … بازداشت کرده است»)
        said = self._said_at(sent, t_start) if event.nominal else None
        unmarked = [x for x in unmarked if said is None or x[0] > said]
        if event.nominal and trig.type in HOSTILE and (self._object_of_stance(sent, t_end) or self._involved_in(sent, t_start)):
            # «X حمله انتحاری به Y را محکوم کرد»: the act named is what X condemns, and X took no part in it; «X ضمن رد
            # هرگونه نقش Z در حمله …»: a part in the act, denied or alleged, is no attack by X
            unmarked = []
        # (a joint act is its sides' even as a stance: «X اعلام کرد که [Y] و [Z] … توافق کرده‌اند»)
        told = None if event.nominal or trig.type in SPEECH_ACTS and trig.actor not in ("all", "both") \
            else self._said_at(sent, t_start)
        if told is not None:
            # «X گفت (که) [Y] در چارچوب «…» Z را اخراج کرده است»: a deed's subject is in the reported clause, with
            # «که» or without (a stance reported so stays the speaker's: «متقی گفت که کابل از … استقبال می‌کند»)
            reported = [x for x in unmarked if x[0] > told]
            if not reported and trig.type in HOSTILE and any(
                    _phrase_at(self._keys, j, UNNAMED_ATTACKERS) and self._norms[j - 1] not in PREPOSITIONS
                    for j in range(told + 1, t_start)):
                # «X اعلام کرد که افراد مسلح … تیراندازی کردند»: the reported clause's own subject acts, unnamed; the one
                # who tells it does not (a claim may name them: _claims)
                unmarked = []
            elif not reported and trig.type in HOSTILE:
                # «X اعلام کرد که … چند فروند پهپاد و موشک [ارتش پاکستان] روستایی را هدف قرار دادند»: the owner of the
                # reported clause's subject acts, not the one who tells it
                reported = [x for x in in_sent if told < x[0] < t_start and not marked[x[:2]] and _in_ezafe(doc, x[0], x[2])
                            and not self._object_marked(x[1], sent.end) and not _place_of_act(doc, x[2])][:1]
            unmarked = reported or unmarked
        quoted = self._quote_opened(sent, t_start)
        planned = verb_index is not None and key(tokens[verb_index].norm_) in modality_cues().get("subjunctive", ())
        if quoted is not None and trig.type not in SPEECH_ACTS and not planned and not self._first_person(tokens, k, n, verb_index):
            # «X گفت: «این محموله … وارد چابهار شد»»: a deed told in a quote in the third person is not the speaker's
            # (what his side is ready to do is his offer: «مسقط آماده است … نقشی … ایفا کند»)
            unmarked = [x for x in unmarked if x[0] > quoted]
        # a relative clause whose own verb stands before the trigger has closed, and the trigger's clause is the one
        # it sits in (X به سوی مهاجرانی که قصد … را داشتند تیراندازی کردند)
        object_head = []  # the object a relative clause with the act describes
        closed = clause_start > sent.start and self._norms[clause_start - 1] == "که" \
            and any(self._keys[j] in self.verb_forms["any"] for j in range(clause_start, t_start))
        if closed:
            clause_start = self._clause_start(doc, sent, clause_start - 1)
        subject = [x for x in unmarked if x[0] >= clause_start]
        if not subject and not event.nominal and clause_start > sent.start and self._norms[clause_start - 1] == "که" \
                and "،" not in self._norms[clause_start:t_start] and not closed:
            # «به جز [روسیه] که … را به رسمیت شناخت»: the mention a relative clause describes is its subject
            # (an object too: «دو چوپان به نام‌های X و [Y] را که … بازداشت شده بودند»)
            head_end = clause_start - 2 if clause_start - 2 > sent.start and self._norms[clause_start - 2] == "را" else clause_start - 1
            subject = [heads.get(x[:2], x) for x in sorted((x for x in in_sent if x[1] == head_end), key=lambda x: x[0])[:1]]
            subject = [self._title_holder(in_sent, heads, x) for x in subject]
            if head_end == clause_start - 2 and "obj" in trig.recipient.split("|") \
                    and not self._passive(trig, tokens, verb_index, event):
                # «X پنج ماهیگیر افغان را که [بازداشت کرده بودند] …»: an object described by an active clause whose
                # act takes one is what it acts on, and the clause's subject is the sentence's (not «هزاران معترض را
                # که … تجمع کرده بودند»: the gathering has no object, and they gathered)
                object_head = subject
                subject = [x for x in unmarked if object_head and x[1] <= object_head[0][0]][-1:]
            while subject and (before := [x for x in in_sent if _joined(doc, x[1], subject[0][0])]):
                subject.insert(0, before[0])  # «به نام‌های X، Y و [Z] را که …»: the names listed with it
        # «از هر [گامی] که به … کمک کند استقبال می‌کند»: a clause on an indefinite noun has that noun as its subject,
        # and no one named elsewhere in the sentence acts in it
        indefinite_head = not subject and not event.nominal and clause_start >= sent.start + 2 \
            and self._norms[clause_start - 1] == "که" and not doc[clause_start - 2].ent_type_ \
            and self._norms[clause_start - 2].endswith("ی") and _is_word(doc[clause_start - 2]) \
            and "،" not in self._norms[clause_start:t_start] and not closed
        # «…؛ دو چوپان قرقیز … آزاد شدند»: what undergoes an act is in the act's own clause, when a hard break opened
        # it (a «که» clause may have closed before the act: «X که … ربوده شده بودند، آزاد شدند»)
        opener = self._norms[clause_start - 1] if clause_start > sent.start else None
        own_subject = subject or (unmarked if opener in (None, "که") or opener not in CLAUSE_BREAKS else [])
        if indefinite_head:
            unmarked = own_subject = []
        if told is not None:  # «X اعلام کرد که ۱۸ تن … آزاد شدند»: the speaker is not who is released
            own_subject = [x for x in own_subject if x[0] > told]
        subject = subject or unmarked
        presence = [(s, e, p) for s, e, p in in_sent if s in self._presence]
        untitled = False
        between = self._between(doc, sent, in_sent, t_end)
        if between and trig.actor != "mediator":
            event.actor = between
        elif trig.actor in ("all", "both"):
            # «رزمایش مشترک دریایی [ایران، روسیه و چین]»: an event noun's possessors, past its adjectives, are its sides
            governed = t_start > 0 and self._norms[t_start - 1] in ("از", "درباره")  # «از توافق [تهران و بغداد] خبر داد»
            # «امضای [بیانیه صلح] X و Y»: the parties to a document signed are its possessors
            after = t_end + 2 if t_end + 2 < sent.end and self._keys[t_end] in DOCUMENT_NOUNS and not doc[t_end + 1].ent_type_ \
                else t_end + 1 if t_end < sent.end and self._keys[t_end] in DOCUMENT_NOUNS else t_end
            owners = _possessors(doc, in_sent, after, sent.end) if event.nominal and (governed or not subject or event.anaphoric) else []
            if owners and owners[0][2].label == "ORG" and key(doc[owners[0][0]].norm_) in _agent_nouns():
                # «رزمایش مشترک [نیروهای واکنش سریع] سازمان X»: the forces of a body named right after them stand for it
                owners[:1] = [x for x in in_sent if x[0] == owners[0][1] and x[2].label == "ORG"][:1] or owners[:1]
            floor = clause_start
            if event.nominal and event.anaphoric:
                # «اگر X، Y و Z تحریم‌ها را بازگردانند، این توافق اعتبار خود را از دست خواهد داد»: the agreement told
                # before, whose sides are not the mentions before it («این قرارداد در حضور X امضا شد» names them after)
                subject, floor = [], t_end
            # «آتش‌بس [غزه]», «توافق [دوحه]»: one town or territory after the noun is where it holds, not a side, and
            # a deal or truce named by its place alone tells no act of anyone's here
            venue = len(owners) == 1 and owners[0][2].label == "LOC" and _kind(doc, owners[0][2]) != "country"
            if (venue and (governed or not subject)) or (not owners and self._norms[t_start - 1] == "درباره"):
                return None  # («X درباره توافق آتش‌بس با Y گفت‌وگو کرد»: an agreement talked about, not made, by X)
            event.actor = _dedupe((not governed and [p for s, e, p in subject]) or [p for s, e, p in owners]
                                  or [p for s, e, p in subject]
                                  or [p for s, e, p in in_sent if p.label != "LOC" and (said is None or s > said)
                                      and floor <= s < _next_clause(doc, sent, t_end, relative=False)])  # not past «؛»
        elif trig.actor == "before":  # «هواپیمای [X] حامل ۳۵ تن چادر»: the mention right before the trigger
            # (else the owner of the goods carried: «کامیون حامل کمک‌های امدادی [X]»)
            event.actor = [p for s, e, p in in_sent if e == t_start][:1] \
                or [p for s, e, p in _possessors(doc, in_sent, t_end + 1, sent.end)][:1]
        elif trig.actor in ("of", "mediator") or trig.recipient == "-":
            # «درگیری [X] و [Y]»، «به امضای [X]، رئیس‌جمهور …، و [Y] رسید»: the mentions after it, past appositions
            owners = _possessors(doc, [x for x in in_sent if x[:2] not in heads], t_end, sent.end, _apposition_ends(heads))
            event.actor = _dedupe([p for s, e, p in owners]) or ([] if trig.actor == "mediator" and event.nominal
                                                                 else [p for s, e, p in subject])  # not «X از نقش … در میانجی‌گری»
            # no one named after it but titles (به امضای دو وزیر): the sides after «میان» may name them, below
            untitled = all(p.label in ("ROLE", "SIDES") for s, e, p in owners) and self._norms[t_start - 1] != "از"
        else:
            genitive = _possessors(doc, in_sent, t_end, sent.end)  # «نشست [ایران] و [عراق]»، «حملات پهپادی [روسیه]»
            if genitive and marked[genitive[0][:2]] == AGENT:
                genitive = []  # «حمله از سوی X»: the agent, read below
            if len(genitive) == 1 and trig.type in SITED and _place_of_act(doc, genitive[0][2]):
                # «نشست دوحه»: a lone town after a meeting noun is where it is held; «انفجار بندر X»: so is a place
                # after an attack or blast noun (not a people named by a place: «تیراندازی مرزبانان ایرانی»)
                event.location = genitive[0][2]
                genitive = []
            agent = [(s, e, p) for s, e, p in in_sent if marked[(s, e)] == AGENT and s >= clause_start]
            if genitive and "of" in trig.recipient.split("|") and event.nominal:
                genitive = []  # «ترور X»: the possessor is the one acted on (the recipient, below)
            if genitive and trig.verb == "-" and event.nominal:
                # «از دیدار X با Y خبر داد», «در دیدار X با Y»: the event noun stands alone and its possessor acts;
                # «نشست ایران و عراق برگزار شد»: two possessors are its sides
                event.actor = [p for s, e, p in genitive]
            elif event.nominal and (own_agent := self._own_agent(doc, sent, agent, t_end)) is not None:
                # «X از بازداشت … از سوی [طالبان] خبر داد»: the agent of the act named acts, not the one who reports it
                event.actor = [own_agent]
            elif subject and not (event.nominal and trig.type == "ASSAULT" and t_start > 0
                                  and self._keys[t_start - 1] in ATTACK_FRAMES):
                # (not «X برای بررسی ابعاد [انفجار] بندر …», «X را عامل [حمله] دانست»: an attack told through its causes,
                # victims or aftermath is no act of the subject)
                event.actor = _coordinated(doc, subject)  # «X و Y دیدار کردند»: both act
            elif presence:
                event.actor = [presence[0][2]]
            elif agent and not self._acts_elsewhere(sent, agent[0][1], t_start):
                event.actor = [agent[0][2]]  # passive: «… از سوی X برگزار می‌شود»
            elif genitive and trig.verb == "-":
                event.actor = [p for s, e, p in genitive]  # «حمله ایران به اسرائیل»: the possessor of the event noun acts
        if event.nominal and t_end < sent.end and self._keys[t_end] in CROWDS and trig.type in ("PROTEST", "ACCUSE"):
            # «اعتراض‌های [مردم] محل»، «تظاهرات کارگران»: a crowd's protest, whoever else the sentence names
            event.actor = []
            event.type = "PROTEST" if trig.type == "ACCUSE" else event.type
        sides_at = {s: p for s, e, p in in_sent if p.label == "SIDES"}
        if sides_at:  # «کمیسیون مشترک [دو کشور]»، «وزیران خارجه [دو کشور]»: a body or title of both sides is both sides
            ends = {id(p): e for s, e, p in in_sent}
            event.actor = _dedupe([sides_at.get(ends.get(id(p)), p) if p.label in ("ORG", "ROLE") else p for p in event.actor])
        if event.nominal and _dated_by(doc, t_start):
            # «پس از توافق پکن»: an act named only to date another keeps only the actors it names itself
            named = {id(p) for s, e, p in _possessors(doc, in_sent, t_end, sent.end) if _kind(doc, p) not in ("city", "province")}
            named |= {id(p) for p in between}  # «پس از تبادل آتش میان [X] و [Y]»
            event.actor = [p for p in event.actor if id(p) in named]
        led = [x for x in in_sent if self._led_at(x[0])]
        if event.actor:  # «هیأتی از X به ریاست Y»: the head of the delegation acts with it
            event.actor = _dedupe(event.actor + [p for s, e, p in led])
        elif led and event.nominal and trig.type == "CONSULT" and led[0][0] > t_start:
            # «نشست … به ریاست مشترک X و Y برگزار شد»: who chairs a meeting no one else is named holding holds it
            chairs = [x for x in in_sent if x[0] >= led[0][0] and x[:2] not in heads]
            event.actor = _coordinated(doc, chairs, _apposition_ends(heads))
        passive = self._passive(trig, tokens, verb_index, event)
        undergone = trig.recipient == "subject"  # «X کشته شد»: the subject undergoes the act
        if passive or undergone:  # «X بازداشت شد»، «X توسط Y رد شد»: the subject is acted on; the agent, if named, acts
            agents = [(s, e, p) for s, e, p in in_sent if marked[(s, e)] == AGENT and s < t_start]
            if agents and any(self._norms[j] == "توسط" or self._keys[j] in AGENT_NOUNS and self._norms[j - 1] == "از"
                              for j in range(agents[-1][1], t_start)):
                agents = []  # «ارقام اعلام‌شده از سوی [X] از سوی منابع مستقل تأیید نشده است»: the act's agent is unnamed
            hostile = undergone or trig.type in HOSTILE
            event.actor = [p for s, e, p in agents[-1:]] or self._attackers(doc, in_sent, clause_start, t_start, hostile=hostile)
            if passive and not event.actor and trig.passive_from:  # «X از [ایران] اخراج شدند»: the state expels
                # (a state or a body: «از [شهر ارزروم] به کابل اخراج شدند» names where they left from)
                event.actor = [p for s, e, p in in_sent if marked[(s, e)] == "از" and clause_start <= s and t_start - 6 <= e <= t_start
                               and (p.label == "ORG" or _kind(doc, p) in STATES)][-1:]
            if passive and not event.actor and trig.type in ANNOUNCED:
                # «[وزارت اطلاعات] اعلام کرد که … دستگیر شدند»: a security body announcing an arrest with no agent made it
                # (or a prosecutor or police chief by the title beside his name: «X، دادستان Y، گفت که …»); «[مجلس X]
                # اعلام کرد سفر … لغو شده است»: whoever announces a sanction imposed it; so does one whose account the
                # sentence cites (به گفته [ارتش X]، … بازداشت شده‌اند)
                cited = [x for x in self._cited if sent.start <= x[0] and x[1] <= t_start]
                telling = [] if told is None else [(s, e, p) for s, e, p in in_sent if e <= told and not marked[(s, e)]]
                tellers = sorted(cited + telling, key=itemgetter(0))
                anyone = ANNOUNCED[trig.type] == "anyone"
                event.actor = [p for s, e, p in tellers if p.label in ("ORG", "PER", "LOC")
                               and (anyone and (p.label != "LOC" or _kind(doc, p) in STATES)
                                    or p.label == "ORG" and p.sector in SECURITY_SECTORS
                                    or p.label != "LOC" and any(_phrase_at(self._keys, j, SECURITY_HEADS) for j in range(s, e)))][-1:]
        signed = trig.actor == "all" and trig.verb == "self"  # «… میان X و Y به امضا رسید»: whoever else the clause names
        if untitled or signed or not event.actor and trig.actor in ("all", "both") and (passive or undergone):
            # «سند … میان X و Y امضا شد»، «… میان X و Y به امضا رسید»، «… میان X و Y به امضای دو رئیس مجلس رسید»: the
            # sides named after «میان» act, rather than titles (not for an act named to date another: پس از درگیری‌ها)
            at = next((i for i in range(t_start - 1, clause_start - 1, -1) if self._norms[i] in BETWEEN), None)
            if at is not None:
                event.actor = _sides_after(doc, [x for x in in_sent if x[0] < t_start], at) or event.actor
                subject = [] if event.actor else subject
        if not event.actor and trig.type == "SUPPORT" and (passive or signed):
            # «[معاهده مرزی] دو کشور … در بیشکک امضا شد»، «[توافق‌نامه امنیتی] ایران و عراق … امضا شد»: a document
            # signed with no signer named is signed by those it belongs to
            # (not a project it is about: «پروتکل مالی [راه آهن رشت - آستارا] امضا شد»; nor when «میان» names the sides)
            at = next((i for i in range(clause_start, t_start) if self._keys[i] in DOCUMENT_NOUNS), None)
            if at is not None and not any(self._norms[i] in BETWEEN for i in range(at, t_start)):
                event.actor = [p for s, e, p in _possessors(doc, in_sent, at + 1, t_start)
                               if p.label in ("SIDES", "ORG", "PER") or _kind(doc, p) in STATES]
        if trig.actor == "to":  # «احضار X به [وزارت خارجه]»: the one summoned to acts
            # before the light verb, in the trigger's own clause: not «… احضار کرد و اعتراض خود را به [وزیر دفاع] …»
            stop = tokens[verb_index].i if verb_index is not None else next(
                (i for i in range(t_end, sent.end) if self._norms[i] in ("،", "و", ".") or self._norms[i] in CLAUSE_BREAKS), sent.end)
            summoner = sorted((p for s, e, p in in_sent if marked[(s, e)] == "به" and clause_start <= s and e <= stop),
                              key=lambda p: abs(p.start - trigger.start_char))
            event.actor = summoner[:1] or event.actor  # «X سفیر Y را احضار کرد»: with no «به», the subject summons
        speaker = self._speaker(doc, sent, in_sent, t_start) if trig.type in SPEECH_ACTS and not passive else None
        if speaker is not None and not event.actor and not (event.nominal and event.anaphoric):
            # «X گفت: مصوبه کنگره … مردود است»: a stance stated by a speaker is the speaker's act («X گفت که تکرار
            # این اتهام‌ها …» names one told before, not his)
            event.actor = [speaker]
        elif speaker is not None and speaker.label == "PER" and speaker.country:
            event.spokesman = speaker  # «عون گفت که [لبنان] هرگونه دخالت … را نمی‌پذیرد»: see _with_spokesman
        if (passive or undergone) and own_subject:
            recipient = [p for s, e, p in _chain(doc, own_subject)]  # «X و Y بازداشت شدند»: both
        elif passive or undergone:
            recipient = []
        else:
            recipient = self._recipient(doc, sent, trig, in_sent, marked, heads, t_start, t_end, event.nominal)
        if not recipient and trig.type == "AID" and not (passive or undergone):
            # «X بسته‌های غذایی را به خانواده‌های نیازمند در ولایت [Y] توزیع کرد»: aid handed out to people in a place
            # goes to that place, the last one named «در» in the act's clause
            # (with the places listed with it: «در ولایات [X] و [Y]»)
            places = [x for x in in_sent if clause_start <= x[0] and x[1] <= t_start and marked[x[:2]] == "در"
                      and x[2].label == "LOC" and _kind(doc, x[2]) not in NATURAL_PLACE_KINDS]
            chain = places[-1:]
            for x in reversed(places[:-1]):
                if not _joined(doc, x[1], chain[0][0]):
                    break
                chain.insert(0, x)
            recipient = [p for s, e, p in chain]
        if not recipient and trig.type == "REQUEST" and t_end < sent.end and self._norms[t_end] == "آن":
            # «خواستار آن شد/است که [روسیه] … اعتماد … را جلب کند»: the one asked is the subject of what is asked
            that = next((j for j in range(t_end + 1, min(sent.end, t_end + 5)) if self._norms[j] == "که"), None)
            if that is not None:
                stop = _next_clause(doc, sent, that + 1)
                recipient = [p for s, e, p in in_sent if that < s < stop and not marked[(s, e)]][:1]
        if trig.actor == "mediator" and between:
            recipient = between  # «میانجیگری [دوحه] میان کابل و لندن»: the sides it goes between are met by the mediator
        event.recipient = [p for p in recipient or [p for s, e, p in object_head] if p.identity not in {a.identity for a in event.actor}]
        self._name_counterparts(doc, event, reference)
        if event.nominal and t_start > 0 and self._norms[t_start - 1] == "با" and self._faced(sent, t_end):
            # «X با انتقاد [Y] روبه‌رو شد»، «با استقبال [روسیه] مواجه شد»: the noun's possessor acts on the subject
            # («… با حمله متقابل [X] به خاک [Y] روبه‌رو شد»: the one the act is marked at, if it names one)
            owners = [p for s, e, p in _possessors(doc, in_sent, t_end, sent.end)]
            marked_at = [p for p in event.recipient if p not in owners]
            event.actor, event.recipient = owners, (marked_at or [p for s, e, p in subject[:1]]) if owners else []
        if trig.actor == "host":  # «X هیئت Y را به ریاست Z به حضور پذیرفت»: the visitors act, the host is visited
            leaders = {id(p) for s, e, p in led}
            guests = event.recipient + [p for p in event.actor if id(p) in leaders]
            event.actor, event.recipient = guests, [p for p in event.actor if id(p) not in leaders]
        said_after = self._said_after(sent, verb_index is not None and tokens[verb_index].i + 1 or t_end)
        if said_after is not None:  # «X در این دیدار گفت که … با ایران …»: what is said after the act is not its side
            event.recipient = [p for p in event.recipient if p.start < doc[said_after].idx]
        if trig.actor == "both":  # «X با Y درگیر شد»: two sides fight, and both act
            event.actor, event.recipient = _dedupe(event.actor + event.recipient), []
        self._arguments(doc, sent, event, in_sent, t_start)
        self._topic_argument(doc, sent, event, t_start, t_end)
        self._location(doc, sent, event, in_sent, t_start, t_end)
        self._date(ents, event)
        self._modality(doc, sent, event, tokens, k, verb_index, reference)
        if event.modality == "negated" and trig.negated_type:  # «صلاحیت X تأیید نشد»: not approved is rejected
            event.type, event.modality = trig.negated_type, "asserted"
        if event.modality == "negated" and event.type == "CONSULT" and event.nominal:
            declined = self._presence_declined(tokens, k + n)
            if declined is False:
                return None  # «X و Y در نشست امسال شرکت نکردند»: a meeting not attended is not theirs
            if declined:  # «ایران در نشست شرم‌الشیخ شرکت نمی‌کند»: an invitation declined (PLOVER REJECT, CAMEO 125)
                event.type, event.modality = "REJECT", "asserted"
        self._attribution(doc, sent, event, in_sent, ents)
        # «گزارش‌ها مبنی بر اینکه [X] قصد دارد … ممنوع کند، تکذیب کرد»: the first act of a clause a report claims is told
        # by the clause's subject, and did not happen when the report is denied (a claim «رد کرد» may still have been
        # made; «مبنی بر اینکه X از Y خواسته است [میانجیگری] کند» claims the request, not what it asks for)
        opened = None if event.nominal else self._claim_clause(sent, t_start)
        if opened is not None and any(self._keys[j] in DENIALS for j in range(t_end, sent.end)) \
                and not any(self._triggers_at(self._keys, j) for j in range(opened + 1, t_start)):
            subject = [p for s, e, p in in_sent if opened < s and e <= t_start and not marked[(s, e)]][:1]
            event.actor = subject or event.actor
            event.recipient = [p for p in event.recipient if p not in event.actor]
            event.type, event.modality, event.claimed = trig.type, "negated", True
        # an act named by its noun, or by its infinitive («خبر [بسته شدن] گذرگاه …»، «[هدف قرار دادن] غیرنظامیان را …»)
        # (an infinitive only before a denial proper: «ادعای [هدف قرار گرفتن] X را رد کرد» rejects a claim, REJECT)
        verb_at = tokens[verb_index].i if verb_index is not None else None
        infinitive = verb_at is not None and self._keys[verb_at].endswith("ن") and self._keys[verb_at] in self.verb_forms["any"] \
            and any(self._keys[j] in DENIALS for j in range(verb_at, min(sent.end, verb_at + 16)))
        named = event.nominal or infinitive
        claimed = named and self._claimed(sent, t_start)
        if claimed or named and trig.type != "ACCUSE" and self._denied_object(sent, t_start if event.nominal else verb_at):
            # «گزارش‌های … مبنی بر دیدار مخفیانه مقام‌های [X] با Y را تکذیب کرد»: what a report claims is told by its
            # own sides, and is denied when the report is
            if trig.verb == "-" or "obj" not in trig.recipient.split("|"):
                # (after an infinitive stands its object: «[هدف قرار دادن] غیرنظامیان», no doer)
                # (or the sides named after «میان»: «گزارش‌ها مبنی بر امضای توافقی میان X و Y»); the possessor is no
                # recipient, though a preposition before the noun seems to govern it («که از درخواست [تهران] از Y …»)
                event.actor = ([p for s, e, p in _possessors(doc, in_sent, t_end, sent.end)]
                               or [p for p in between if p not in event.recipient]) if event.nominal else []
                event.recipient = [p for p in event.recipient if p not in event.actor]
                if not event.actor and not claimed and trig.type in ("ASSAULT", "COERCE"):
                    # «ارتش X هرگونه [تیراندازی] به کاروان را تکذیب کرد»: a hostile act denied with no one named as
                    # its doer is denied by the one said to have done it
                    event.actor = [p for s, e, p in subject[:1]]
            else:  # «خبر [اخراج] مهاجران از سوی [X] را تکذیب کرد»: what is done to its possessor is done by its agent
                event.actor = [p for s, e, p in in_sent if s >= t_end and _agent_marked(doc, s)][:1]
                if not event.actor and trig.passive_from:  # «گزارش [اخراج] بازرسان آژانس از [ایران]»: the state expels
                    event.actor = [p for s, e, p in in_sent if s >= t_end and marked[(s, e)] == "از"
                                   and (p.label == "ORG" or _kind(doc, p) in STATES)][:1]
                if not event.actor and ("ban" in trig.mode or not claimed and trig.type in ("COERCE", "ASSAULT")) \
                        and any(self._keys[j] in DENIALS for j in range(t_end, sent.end)):
                    # «X گزارش‌ها درباره [ممانعت] از فعالیت امدادگران را تکذیب کرد»: a ban denied with no one named as its
                    # doer is denied by the authority said to impose it, as an attack or arrest denied outright is by the
                    # one said to have made it (not a report of an arrest, «خبر بازداشت … را تکذیب کرد», nor a claim
                    # rejected, «ادعای … را رد کرد»: REJECT)
                    event.actor = [p for s, e, p in subject[:1]]
                if not event.actor:
                    return None
            event.modality = "negated" if self._denied_after(sent, t_end) else "reported"
            event.claimed = True
        elif event.type == "REQUEST" and event.modality == "negated" and not event.claimed:
            return None  # «هند خواهان تشدید تنش نیست»: not wanting something is a stance, and no request is made
        elif event.type == "REQUEST" and trig.words[0] in STANCE_WORDS and verb_index is not None \
                and key(tokens[verb_index].norm_) in self.verb_forms["است"]:
            return None  # «کابل خواهان روابط خوب با همسایگان است»: wanting, told with the copula, is a stance too
        elif event.type == "SUPPORT" and not event.nominal and self._any_object(tokens, k):
            return None  # «ایران از هر اقدامی برای … حمایت می‌کند»: support for whatever may come is a stance, no act
        if trig.actor == "subject" and not event.actor and event.anaphoric:
            return event  # a mention of an earlier event; merged below
        event.confidence = round(0.5 + 0.2 * bool(event.actor) + 0.2 * bool(event.recipient) + 0.1 * (verb_index is not None), 2)
        return event

    @staticmethod
    def _name_counterparts(doc: Doc, event: Event, reference: dt.date) -> None:
        """«عراقچی با همتای روس خود گفت‌وگو کرد»: the counterpart holds the other side's post in its country on the
        day (the gazetteer's dated roles), when one person does; he is named so, and is the one the text names."""
        gaz = doc_gazetteer(doc)
        for group, other in ((event.recipient, event.actor), (event.actor, event.recipient)):
            for k, p in enumerate(group):
                if p.label != "ROLE" or not p.country or p.entity_id or key(p.text.split()[0]) not in COUNTERPARTS:
                    continue
                posts = [q.post for q in other if q.post] + [
                    r.role for q in other if q.label == "PER" and q.entity_id and (e := gaz.get(q.entity_id)) is not None
                    for r in e.roles_on(reference) if r.role and r.country == e.country]
                holders = next((h for h in (gaz.holders(post, p.country, reference) for post in posts) if h), ())
                if len(holders) != 1:
                    continue
                group[k] = _held_by(doc, p, holders[0])

    def _faced(self, sent: Span, t_end: int) -> bool:
        """Does «روبه‌رو/مواجه شد» close the clause after an event noun («… با انتقاد X روبه‌رو شد»)?"""
        for i in range(t_end, sent.end - 1):
            if self._norms[i] in CLAUSE_STOPS or self._norms[i] in CLAUSE_BREAKS:
                return False
            if self._keys[i] in FACED and self._keys[i + 1] in self.verb_forms["شد"]:
                return True
        return False

    def _own_agent(self, doc: Doc, sent: Span, agents, t_end: int) -> Participant | None:  # noqa: ANN001
        """The agent (از سوی X، توسط X) of an event noun ending at ``t_end``: after it in its clause, with no verb
        of its own after it (not «سفر … توسط X بازداشت شده بود»: X is the arrest's agent)."""
        stop = next((i for i in range(t_end, sent.end) if self._norms[i] in ("،", ".", "«", "»", ":")
                     or self._norms[i] in CLAUSE_BREAKS or self._keys[i] in self.verb_forms["any"]), sent.end)
        after = [(s, e, p) for s, e, p in agents if t_end <= s < stop]
        if not after:
            return None
        s, e, p = after[0]
        verb = next((i for i in range(e, sent.end) if self._keys[i] in self.verb_forms["any"]), None)
        return None if verb is not None and self._keys[verb] in self.verb_forms["شد"] or self._acts_elsewhere(sent, e, -1) else p

    def _acts_elsewhere(self, sent: Span, end: int, own: int) -> bool:
        """Does another event word than the one at ``own`` stand between an agent ending at ``end`` and the next
        verb, whose agent it is («سفر … توسط X [بازداشت] شده بود»)?"""
        for i in range(end, sent.end):
            if i == own or self._keys[i] in self.verb_forms["any"] or self._norms[i] in CLAUSE_STOPS or self._norms[i] in CLAUSE_BREAKS:
                return False
            if self._keys[i] in self._trigger_words and any(  # an event word here (not «ادامه» with nothing continued)
                    not x.conditional or self._required(x, self._keys, i, len(x.words)) for x in self._triggers_at(self._keys, i)):
                return True
        return False

    def _attackers(self, doc: Doc, in_sent, floor: int, t_start: int, hostile: bool = True) -> list[Participant]:  # noqa: ANN001
        """«دو پلیس در حمله [داعش] کشته شدند»، «در جریان عملیات [پلیس X] … بازداشت شدند»، «پس از توافق [X] و [Y] …
        بازگشایی شد»: the possessors of an attack (for a hostile act), operation or agreement noun earlier in the clause."""
        for i in range(t_start - 1, floor - 1, -1):
            if self._keys[i] in OPERATION_NOUNS:
                return _dedupe([p for s, e, p in _possessors(doc, in_sent, i + 1, t_start)])
            # (an attack, not a protest: «در پی اعتراضات X … بازداشت شدند» names no one who arrests)
            found = [t for t in self._triggers_at(self._keys, i) if hostile and t.type == "ASSAULT" and t.verb == "-"]
            if found:  # (not a place: «در پرونده انفجار [بندر X]» tells where the blast was)
                return _dedupe([p for s, e, p in _possessors(doc, in_sent, i + len(found[0].words), t_start)
                                if not _place_of_act(doc, p)])
        return []

    def _passive(self, trig: Trigger, tokens, verb_index: int | None, event: Event) -> bool:  # noqa: ANN001
        """A transitive trigger with a form of شدن right after it (رد شد، بازداشت شدند، دعوت شده است), or after
        a participle joined to it by «و» (اخراج و به افغانستان بازگردانده شده‌اند). A trigger listed with «شد» alone is
        intransitive (عازم شد), unless it takes an object: then it is read in the passive only (رها شدند)."""
        if verb_index is None or trig.verb == "شد" and "obj" not in trig.recipient:
            return False
        if event.nominal:
            doc, verb_at = event.trigger.doc, tokens[verb_index].i
            if not (verb_at - 1 > event.trigger.end and doc[event.trigger.end].norm_ == "و"
                    and _is_word(doc[verb_at - 1])):  # «بازداشت و به کمپ‌ها [منتقل] شدند»: an adjective or a participle
                return False
        transitive = trig.verb in ("کرد", "any") or "obj" in trig.recipient
        return transitive and key(tokens[verb_index].norm_) in self.verb_forms["شد"]

    def _speaker(self, doc: Doc, sent: Span, in_sent, t_start: int) -> Participant | None:  # noqa: ANN001
        """The person whose verb of saying comes before the trigger in the sentence (X گفت: …, X تصریح کرد که …),
        or, for a trigger inside a quote, the person named between the closing mark and a verb of saying after it
        («… می‌خواهیم …»، X گفت; «…»؛ این را X گفت)."""
        said = self._said_at(sent, t_start, first=True)
        if said is not None:
            people = [p for s, e, p in in_sent if e <= said and p.label == "PER"]
            # «قطر گفت آماده میزبانی … است»: a body or country that speaks, when no person does
            bodies = [p for s, e, p in in_sent if e <= said and p.label in ("ORG", "LOC") and _is_word(doc[s])
                      and (s == sent.start or self._norms[s - 1] not in PREPOSITIONS and self._norms[s - 1] != "،")]
            return people[-1] if people else bodies[0] if bodies else None
        norms = self._norms
        closed = next((i for i in range(t_start, sent.end) if norms[i] in ("«", "»")), None)
        if self._quote_opened(sent, t_start) is None or closed is None or norms[closed] != "»":
            return None
        said = self._said_after(sent, closed + 1)
        people = [p for s, e, p in in_sent if closed < s and e <= (said or closed) and p.label == "PER"]
        return people[0] if people else None

    def _quote_opened(self, sent: Span, t_start: int) -> int | None:
        """Where the quote that holds ``t_start`` opens («), if one does in the sentence: not a term of a few words
        in quotation marks (X را «عنصر نامطلوب» اعلام کرد), which is no one's speech."""
        opened = next((i for i in range(t_start - 1, sent.start - 1, -1) if self._norms[i] in ("«", "»")), None)
        if opened is None or self._norms[opened] != "«":
            return None
        closed = next((i for i in range(t_start, sent.end) if self._norms[i] in ("«", "»")), None)
        term = closed is not None and self._norms[closed] == "»" and closed - opened <= QUOTED_TERM_MAX \
            and not (closed + 1 < sent.end and self._keys[closed + 1] in NAMING_VERBS)
        return None if term else opened

    def _first_person(self, tokens, k: int, n: int, verb_index: int | None) -> bool:  # noqa: ANN001
        """Is the trigger's verb (its light verb, or itself) in the first person (دیدار کردیم، خواستم)?"""
        verb = key(tokens[verb_index].norm_ if verb_index is not None else tokens[k + n - 1].norm_)
        return verb.endswith(FIRST_PERSON_ENDINGS)

    def _speech_forms(self) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
        """Keys of the verbs of saying in any person and tense (گفتند، گفته‌اند), and the nouns of compound ones with
        every form of their light verb (اعلام کردند، اعلام کرده است، تأکید کرده‌اند)."""
        singles, nouns = set(), {}
        for form in self._speech:
            words = form.split()
            if len(words) == 2 and words[1] in LIGHT_VERBS:
                nouns[key(words[0])] = self.verb_forms[words[1]]
            elif len(words) == 1 and not form.startswith("می"):
                singles.update(key(form) + end for end in ("", key("ه"), *SELF_VERB_ENDINGS))
        return frozenset(singles), nouns

    def _says(self, i: int) -> bool:
        """Does a verb of saying (گفت، تصریح کرد، با بیان; any person or tense: اعلام کرده‌اند) start at token ``i``?"""
        speech, norms, keys = self._speech, self._norms, self._keys
        if norms[i] in speech or keys[i] in self._speech_keys:
            return True
        if i + 1 >= len(norms):
            return False
        forms = self._speech_nouns.get(keys[i])
        return f"{norms[i]} {norms[i + 1]}" in speech or forms is not None and keys[i + 1] in forms

    def _said_after(self, sent: Span, start: int) -> int | None:
        """The first verb of saying from ``start`` to the end of the sentence."""
        return next((i for i in range(start, sent.end) if self._says(i)), None)

    def _led_at(self, s: int) -> bool:
        """Does a head cue stand right before token ``s`` (به ریاست X), perhaps a joint one (به ریاست مشترک X)?"""
        keys = self._keys
        return s >= 2 and (keys[s - 2], keys[s - 1]) in HEAD_CUES \
            or s >= 3 and keys[s - 1] in JOINT_WORDS and (keys[s - 3], keys[s - 2]) in HEAD_CUES

    def _said_at(self, sent: Span, t_start: int, first: bool = False) -> int | None:
        """Where a verb of saying stands before ``t_start`` in the sentence: the first or the last."""
        found = (i for i in range(sent.start, t_start) if self._says(i))
        return next(found, None) if first else max(found, default=None)

    @staticmethod
    def _between(doc: Doc, sent: Span, in_sent, t_end: int) -> list[Participant]:  # noqa: ANN001
        """``مذاکرات میان افغانستان و پاکستان``: the sides named after میان/بین are the actors.

        The list runs on through «،» and «و» (an apposition between two sides is part of the first:
        «میان X، وزیر Y، و Z»).
        """
        # right after the trigger, or after the words it acts on (توافق آتش‌بس میان X و Y، امضای تفاهم‌نامه
        # همکاری گمرکی میان X و Y): up to three words, no preposition or clause break among them
        at = None
        for j in range(t_end, min(t_end + 4, sent.end)):
            if doc[j].norm_ in BETWEEN:
                at = j
                break
            if not _is_word(doc[j]) or doc[j].norm_ in PREPOSITIONS or doc[j].norm_ in CLAUSE_BREAKS:
                break
        return [] if at is None else _sides_after(doc, in_sent, at)

    def _clause_start(self, doc: Doc, sent: Span, index: int) -> int:
        """Where the clause of token ``index`` opens: after a clause break (که، اما …), or after «و» right after a
        finite verb or the copula («X وارد تهران شد و [Y] از او استقبال کرد»، «X خواستار … است و [Y] …»)."""
        for i in range(index - 1, sent.start - 1, -1):
            if self._norms[i] in CLAUSE_BREAKS and i not in self._name_quotes or self._norms[i] == "و" and i > sent.start \
                    and self._keys[i - 1] in self._verbs_and_copula and not self._keys[i - 1].endswith("ن"):
                return i + 1
        return sent.start

    def _recipient(self, doc, sent, trig, in_sent, marked, heads, t_start, t_end, event_nominal=False) -> list[Participant]:  # noqa: ANN001
        presence = self._presence
        # «هشدار داد که … به خاک ایران …»: a clause opened after the act is another's, and names none of its sides
        in_sent = _before_next_clause(doc, sent, in_sent, t_end)
        # nearest to the trigger first; an apposition stands for the mention it describes (با X، وزیر Y)
        near = sorted(in_sent, key=lambda x: min(abs(x[0] - t_end), abs(x[1] - t_start)))
        near = _dedupe_spans([heads.get((s, e), (s, e, p)) for s, e, p in near])
        for how in trig.recipient.split("|"):  # alternatives in order: «X را دعوت کرد» or «از X دعوت کرد»
            marker = {"with": "با", "to": "به", "from": "از", "for": "برای", "on": "بر"}.get(how)
            if marker is not None:
                chosen = [(s, e, p) for s, e, p in near if marked[(s, e)] == marker and s not in presence
                          and not (trig.type == "AID" and marker == "به" and _aimed(doc, s))]
                if chosen:  # «با X دیدار کرد»: the phrase nearest the trigger, with those joined to it (با X و Y)
                    in_order = sorted(chosen, key=lambda x: x[0])
                    first = in_order.index(chosen[0])
                    ends = _apposition_ends(heads)  # «با X، نخست‌وزیر عراق، و Y»: a mention's apposition is part of it
                    while first > 0 and _joined(doc, ends.get(in_order[first - 1][:2], in_order[first - 1][1]), in_order[first][0]):
                        first -= 1
                    return _coordinated(doc, in_order[first:], ends)
            elif how == "next":  # «وارد کابل شد»: the mention right after the trigger
                found = [p for s, e, p in in_sent if s == t_end][:1]
                if found:
                    return found
            elif how == "arrived":  # «محموله کمک‌های X … وارد [کابل] شد»: goods go where they arrive, in this clause
                found = [p for s, e, p in in_sent if s > t_end and p.label == "LOC" and doc[s - 1].norm_ == "وارد"][:1]
                if found:
                    return found
            elif how == "of" and event_nominal:  # «ترور [X]»: the possessor of the event noun is acted on
                found = _possessors(doc, in_sent, t_end, sent.end, _apposition_ends(heads))
                if found:
                    return _dedupe([p for s, e, p in found])
            elif how == "obj":
                # «اظهارات … درباره برنامه X را رد کرد»: a mention inside what the object is about is not the object
                hits = [(s, e, p) for s, e, p in near if e < sent.end and doc[e].norm_ == "را" and s < t_start  # the nearest
                        # object: «ادعای کابل را رد کرد و [طالبان] را … متهم کرد»
                        and (key(marked[(s, e)]),) not in TOPIC_CUES
                        and not any(doc[i].norm_ in SENTENCE_STOPS for i in range(e, t_start))  # (not the last clause's object)
                        and doc[s - 1].norm_ not in ("در", "به", "با", "برای")][:1]  # «حمله به کاروان … در دارفور را»، «رفتار
                # پلیس X با [مهاجران افغان] را»: inside the object
                if hits:  # «[روسیه] و [چین] را … مورد انتقاد قرار داد»: the mentions joined before it are objects too
                    for x in sorted((x for x in in_sent if x[1] <= hits[0][0]), key=lambda x: -x[0]):
                        if marked[x[:2]] or not _joined(doc, x[1], hits[0][0]):
                            break  # «در [اسلام‌آباد]، حکومت طالبان را …»: a place set off by a comma is no object
                        hits.insert(0, x)
                found = [p for s, e, p in hits]
                if not found:  # «مواضع [حوثی‌ها] در استان الحدیده را بمباران کرد»: the possessor of the object's head noun
                    ra = next((i for i in range(t_start - 1, sent.start, -1) if doc[i].norm_ == "را"), None)
                    floor = self._clause_start(doc, sent, ra) if ra is not None else t_start
                    found = [p for s, e, p in in_sent if floor < s and e < (ra or 0)
                             and not marked[(s, e)] and (_named_after(doc, s, floor) is not None  # حمله گروهی موسوم به «[X]»
                                                         or _is_word(doc[s - 1]) and (_in_ezafe(doc, s, p)
                                                                                     or key(doc[s - 1].norm_) in _agent_nouns()))][-1:]  # اتهامات مقامات [ایران]
                    # the nearest to «را»: «وزارت … [حکومت طالبان] … رفتار [پلیس X] با مهاجران را … خواند» (the first
                    # may belong to the subject)
                if found:
                    return found
        if trig.type in HOSTILE:
            return [p for s, e, p in near if marked[(s, e)] == "علیه"][:1]
        if trig.type == "AID" and "to" in trig.recipient.split("|"):
            # «… را به مراکز صحی ولایات [ننگرهار] و [کنر] فرستاد»: aid goes to the places its destination names
            at = next((j for j in range(t_start - 1, max(sent.start, t_start - 9) - 1, -1)
                       if self._norms[j] == "به" or self._norms[j] in CLAUSE_STOPS), None)
            if at is not None and self._norms[at] == "به":
                return [p for s, e, p in in_sent if at < s and e <= t_start and p.label == "LOC" and not marked[(s, e)]
                        and not any(self._norms[i] in CLAUSE_STOPS for i in range(at, s))]
        return []

    @staticmethod
    def _asked_for(doc: Doc, event: Event) -> None:
        """«خواستار [توقف حملات] شد»: what a request asks for, between the trigger and its light verb, is its Topic."""
        if event.type != "REQUEST" or event.verb_end is None or any(a["role"] == "Topic" for a in event.arguments):
            return
        words = doc[event.trigger.end: event.verb_end - 1]
        if 0 < len(words) <= 8 and not any(t.norm_ in CLAUSE_BREAKS or t.norm_ in ("،", ".") for t in words):
            event.arguments.append({"role": "Topic", "text": words.text, "start": words.start_char, "end": words.end_char,
                                    "entity_id": None})

    def _topic_argument(self, doc: Doc, sent: Span, event: Event, t_start: int, t_end: int) -> None:
        """``Topic``: what a meeting, statement or call is about (درباره تحولات غزه، در مورد مرزها), the words
        after a topic cue up to a trigger, «با», a verb, a clause break or eight words."""
        keys = self._keys
        for i in range(max(sent.start, t_start - 12), min(sent.end, t_end + 6)):
            n = _phrase_at(keys, i, _TOPIC_CUES_BY_FIRST)
            if not n:
                continue
            start = i + n
            end = start
            while end < min(sent.end, start + 8) and end != t_start and self._norms[end] not in CLAUSE_BREAKS \
                    and self._norms[end] not in ("،", ".", "؟", "!", "با") and keys[end] not in self.verb_forms["any"] \
                    and not _trigger_candidates(keys[end], self.extra)[0]:
                end += 1
            if end > start:
                words = doc[start:end]
                event.arguments.append({"role": "Topic", "text": words.text, "start": words.start_char,
                                        "end": words.end_char, "entity_id": None})
            return

    @staticmethod
    def _arguments(doc, sent, event, in_sent, t_start) -> None:  # noqa: ANN001
        for s, e, p in in_sent:
            if s >= 2 and doc[s - 2].norm_ == "به" and doc[s - 1].norm_ == "دعوت":
                event.arguments.append({"role": "InvitedBy", "text": p.text, "start": p.start, "end": p.end,
                                        "entity_id": p.entity_id})
                if event.rule.mode and "visit" in event.rule.mode and not event.recipient:
                    event.recipient = [p]
            elif s >= 2 and doc[s - 2].norm_ == "به" and doc[s - 1].norm_ == "میزبانی" and event.type == "CONSULT" \
                    and not any(q.identity == p.identity for q in event.actor + event.recipient):
                # «نشست … به میزبانی [X] برگزار شد»: the host of a meeting with no one met takes part in it
                event.arguments.append({"role": "Host", "text": p.text, "start": p.start, "end": p.end,
                                        "entity_id": p.entity_id})
                if not event.recipient:
                    event.actor.append(p)

    def _location(self, doc, sent, event, in_sent, t_start, t_end) -> None:  # noqa: ANN001
        place = self._anaphoric_place(doc, sent, t_start, t_end)
        if place is not None:
            event.location = place
            return
        self._place_near_trigger(doc, sent, event, in_sent, t_start, t_end)
        if event.location is None:
            event.location = self._natural_place(doc, sent, t_end)

    def _natural_place(self, doc: Doc, sent: Span, t_end: int) -> Participant | None:
        """«… در [دریای خزر] آغاز شد»: a sea, river, lake, mountain or crossing takes no side, but is where
        an act happens when it follows «در» in the act's clause."""
        stop = _next_clause(doc, sent, t_end)
        places = self._natural_places
        for m, entry in places[bisect.bisect_right(places, sent.start, key=lambda x: x[0].span.start):]:
            if m.span.start >= stop:
                break
            if self._norms[m.span.start - 1] == "در":
                return Participant(m.span.text, m.span.start_char, m.span.end_char, "LOC", m.entry_id, entry.name,
                                   entry.country, None, None, m.cluster)
        return None

    def _anaphoric_place(self, doc, sent, t_start, t_end) -> Participant | None:  # noqa: ANN001
        """«به این شهر سفر کرد»: the place is the last place of that kind named before it."""
        for i in range(max(sent.start, t_start - 6), min(sent.end - 2, t_end + 4)):
            if doc[i].norm_ in ("به", "در"):
                m = antecedent_of(doc, i + 1, doc._.mentions or [])
                if m is not None and m.label == "LOC":
                    entry = doc_gazetteer(doc).get(m.entry_id) if m.entry_id else None
                    return Participant(m.span.text, m.span.start_char, m.span.end_char, "LOC", m.entry_id,
                                       entry.name if entry else None, entry.country if entry else None, None, None,
                                       m.cluster)
        return None

    def _place_near_trigger(self, doc, sent, event, in_sent, t_start, t_end) -> None:  # noqa: ANN001
        role_ends = {e for s, e, p in in_sent if p.role_title}
        into = ("در",) if event.type in SPEECH_ACTS else ("در", "به")  # «از X خواست … به اوکراین بفرستند»: not where X spoke
        in_sent = _before_next_clause(doc, sent, in_sent, t_end)  # «تهدید کرد که … در افغانستان …»: a place of what is said
        # «X به Y کمک کرد و Z به [شهر W] حمله کردند»: a place of the next clause is the next act's
        stop = next((i for i in range(t_end, sent.end - 1) if self._norms[i] == "و" and self._clause_start(doc, sent, i + 1) == i + 1),
                    sent.end)
        in_sent = [x for x in in_sent if x[0] < stop]
        places = [(s, e, p) for s, e, p in in_sent if p.label == "LOC" and s > sent.start
                  and doc[s - 1].norm_ in into and p not in event.actor
                  and not (doc[s - 1].norm_ == "به" and p in event.recipient and event.rule.type not in REACHES)
                  and s - 1 not in role_ends]  # «والی طالبان در بلخ»: the place belongs to the title
        if not places:
            places = [(s, e, p) for s, e, p in in_sent if p.label == "LOC" and s > sent.start + 1
                      and doc[s - 1].norm_ in ("شهر", "استان", "ولایت") and doc[s - 2].norm_ == "در"]
        if not places:
            return
        s, e, p = min(places, key=lambda x: min(abs(x[0] - t_end), abs(x[1] - t_start)))
        if event.rule.mode and "visit" in event.rule.mode and doc[s - 1].norm_ == "به" and not event.recipient:
            event.recipient = [p]
        event.location = p

    @staticmethod
    def _date(ents, event) -> None:  # noqa: ANN001
        # «که از سال ۲۰۲۱ تاکنون متوقف مانده است»: where a state began is no date of the act
        dates = [e for e in ents if e.label_ == "DATE" and e._.value and not _since(e)]
        if dates:
            d = min(dates, key=lambda x: abs(x.start - event.trigger.start))
            event.date = {"value": d._.value, "text": d.text, "granularity": d._.granularity or "day",
                          "basis": d._.date_basis or "text"}
            event.weekday_only = d._.weekday_only

    def _modality(self, doc, sent, event, tokens, k, verb_index, reference) -> None:  # noqa: ANN001
        cues = modality_cues()
        verb = tokens[verb_index].norm_ if verb_index is not None else ""
        norms = [self._norms[t.i] for t in tokens]
        clause_end = next((j for j in range(k, len(tokens)) if norms[j] in CLAUSE_BREAKS or norms[j] in (".", "؛", "،")),
                          len(tokens))
        clause_begin = next((j + 1 for j in range(k - 1, -1, -1) if norms[j] in CLAUSE_BREAKS or norms[j] in ("،", ".")), 0)
        # a noun trigger's tense is that of the clause's verb: «مذاکرات … آغاز خواهد شد»; a light verb's
        # own tense ends at the verb (هشدار داده بود که … خواهد شد: the warning is past)
        keys = self._keys
        end = verb_index + 1 if verb_index is not None else k + len(event.rule.words) if event.rule.verb == "self" \
            else max(k + 3, self._clause_verb_end(tokens, k + len(event.rule.words), clause_end))
        # a finite verb is its own tense (غیرقانونی خواند و گفت … خواهد داد); an event noun's is its clause's verb,
        # not what a later verb joined by «و» tells (در گفتگوی تلفنی … تأکید کرد و آمادگی … را اعلام نمود)
        cue_keys = self._cue_keys  # names masked
        window = KeyText.of_keys([cue_keys[t.i] for t in tokens[max(0, k - 3): end]])
        clause = KeyText.of_keys([cue_keys[t.i] for t in tokens[clause_begin: k]])
        # a finite-verb trigger's own negative verb is its idiom, not a negation (این حمله [بی‌پاسخ نخواهد ماند])
        negation = KeyText.of_keys([cue_keys[t.i] for t in tokens[max(0, k - 3): k]]) if event.rule.verb == "self" else window
        # «قرار است [دور سوم] گفت‌وگوهای …»: a plan opening the clause a few words before an event noun
        planned = KeyText.of_keys([cue_keys[t.i] for t in tokens[max(clause_begin, k - 6): k]]) if event.nominal else window
        sentence = self._key_text(sent.start, sent.end)
        # a condition told by a verb may list its sides with commas (اگر فرانسه، آلمان و بریتانیا تحریم‌ها را
        # بازگردانند): it runs from its conjunction up to its own verb, whatever punctuation stands between
        condition = next((j + 1 for j in range(k - 1, max(-1, k - 13), -1) if norms[j] in (".", "؛")
                          or keys[tokens[j].i] in self.verb_forms["any"] or self._says(tokens[j].i)), max(0, k - 12))
        condition_text = KeyText.of_keys([keys[t.i] for t in tokens[condition: k]])
        # («هرگونه تجمع [را] ممنوع کرد»: any of what a verb acts on, its object, is no condition)
        any_object = not event.nominal and "را" in norms[clause_begin: k]
        if any(clause.has(c) for c in cues.get("hypothetical", ())) or any(condition_text.has(c) for c in cues.get("condition", ())) \
                or not any_object and any(clause.has(c) for c in cues.get("any_act", ())):
            event.modality = "hypothetical"  # «در صورت شکست مذاکرات»: a condition, not a report
        elif verb.startswith("ن") and not verb.startswith(("نمود", "نما")) or any(negation.has(c) for c in cues.get("negated", ())):
            event.modality = "negated"
        elif event.anaphoric and event.nominal:
            pass  # «در این سفر … افتتاح خواهد کرد»: the trip told before, whatever the tense of what is done on it
        elif event.nominal and keys[tokens[k].i] in DONE_ADJECTIVES:
            pass  # «گندم اهدایی X … ارسال خواهد شد»: donated already, whenever it is shipped
        elif any(window.has(c) or planned.has(c) for c in cues.get("future", ()) + cues.get("intent", ())) \
                or self._subjunctive(event, tokens, k, verb, end) and not any(clause.has(c) for c in cues.get("decided", ())):
            # («تصمیم گرفت گذرگاه … را مسدود کند»: a decision taken is the act, told in the subjunctive)
            event.modality = "future"
            event.type = PLANNED.get(event.type, event.type)  # a planned meeting is an agreement to meet
            announced = any(window.has(c) for c in cues.get("intent", ()))  # «روز یکشنبه … آمادگی … را اعلام کرد»
            if event.weekday_only and event.date["value"] < reference.isoformat() and not announced:
                # «قرار است روز چهارشنبه … دیدار کند»: a bare weekday of a planned event is the coming one
                coming = dt.date.fromisoformat(event.date["value"]) + dt.timedelta(days=7)
                event.date = {**event.date, "value": coming.isoformat()}
        elif _is_past_year(event.date, reference) or any(sentence.has(c) for c in cues.get("background", ())):
            event.modality = "historical"
        elif any(sentence.starts_with(c) for c in cues.get("continuation", ())) and \
                sent.start > 0 and self._previous_is_background(doc, sent, reference):
            event.modality = "historical"

    def _presence_declined(self, tokens, start: int) -> bool | None:  # noqa: ANN001
        """After a meeting noun, in its clause, a negated verb of taking part (event_words.tsv presence): True when it
        says the subject will not take part (شرکت نمی‌کند، حضور نخواهد داشت), False when it did not (شرکت نکرد), None
        when no such verb is there."""
        for j in range(start, len(tokens) - 1):
            word = self._keys[tokens[j].i]
            if word in CLAUSE_BREAKS or tokens[j].norm_ in ("،", "."):
                return None
            if word in PRESENCE:
                verb = self._keys[tokens[j + 1].i]
                if not verb.startswith("ن"):
                    return None
                return verb.startswith(NEGATED_NONPAST)
        return None

    def _pledged_not_to_attack(self, event: Event) -> bool:
        """An attack told by a verb negated in the present or future (… را هدف قرار نخواهد داد): a pledge."""
        return event.type == "ASSAULT" and event.modality == "negated" and not event.nominal and event.verb_end is not None \
            and any(self._keys[i].startswith(NEGATED_NONPAST) for i in range(event.trigger.start, event.verb_end))

    def _clause_verb_end(self, tokens, start: int, clause_end: int) -> int:  # noqa: ANN001
        """Just past the first verb from ``start`` in the clause (where an event noun's tense is told), or the
        clause's end."""
        forms = self.verb_forms["any"]
        return next((j + 1 for j in range(start, clause_end) if self._keys[tokens[j].i] in forms), clause_end)

    def _subjunctive(self, event: Event, tokens, k: int, verb: str, end: int) -> bool:  # noqa: ANN001
        """The event's verb is a subjunctive (… دیدار کند), or an event noun's clause ends in one with no other
        trigger between (در نشست کمیسیون … شرکت کند; not «در دیدارش … خواست … ارائه کند», the request's)."""
        forms = modality_cues().get("subjunctive", ())
        if verb:
            return key(verb) in forms
        if not event.nominal:
            return False
        for j in range(k + len(event.rule.words), min(end, len(tokens))):
            word = self._keys[tokens[j].i]
            if word in forms:
                return True
            if word in self._trigger_words and not all(self._keys[tokens[j - 1].i] in t.not_after
                                                       for t in _trigger_candidates(word, self.extra)[0]):
                return False  # another act's verb; not an argument such as «با میزبانی [X]»
        return False

    def _previous_is_background(self, doc: Doc, sent: Span, reference: dt.date) -> bool:
        number = self._sent_of[sent.start - 1]
        previous = self._sents[number]
        dates = [e for e in self._ents_by_sentence[number] if e.label_ == "DATE"]
        cues = modality_cues().get("background", ())
        words = self._key_text(previous.start, previous.end)
        return any(_is_past_year({"value": d._.value, "granularity": d._.granularity}, reference) for d in dates) or \
            any(words.has(c) for c in cues)

    def _attribution(self, doc, sent, event, in_sent, ents) -> None:  # noqa: ANN001
        norms = self._norms
        words = norms[sent.start: sent.end]
        for i in range(len(words) - 1):
            if words[i] == "به" and words[i + 1] in ("گزارش", "نقل"):
                source = next((e for e in ents if sent.start + i < e.start <= sent.start + i + 4
                               and e.label_ in ("ORG", "PER")), None)
                speaker = None
                if source is not None:
                    speaker = {"text": source.text, "start": source.start_char, "end": source.end_char,
                               "label": source.label_, "entity_id": source._.entity_id,
                               "canonical_name": source._.canonical_name}
                event.attribution = {"speaker": speaker, "cue": f"{words[i]} {words[i + 1]}"}
                return
        for i in range(sent.start, sent.end):
            if norms[i] in REPORT_VERBS and i > event.trigger.end:
                return  # the event is the speaker's own act
        for i in range(sent.start, sent.end):
            if norms[i] in REPORT_VERBS and i < event.trigger.start:
                speaker = next((p for s, e, p in in_sent if e <= i), None)
                if speaker is not None and speaker.identity not in {a.identity for a in event.actor}:
                    event.attribution = {"speaker": speaker.record(), "cue": norms[i]}
                    event.modality = "reported" if event.modality == "asserted" else event.modality
                return

    # -------------------------------------------------------------- document level
    @staticmethod
    def _merge(doc: Doc, events: list[Event]) -> list[Event]:
        """One record per real event: anaphoric mentions (این دیدار) and repeated mentions merge."""
        merged: list[Event] = []
        for n, event in enumerate(events):
            target, adds_sides = None, True
            if event.anaphoric:  # «این سفر» is the last trip told before, if there was one, else the last meeting
                told = [e for e in merged if e.type == event.type and e.boilerplate == event.boilerplate]
                target = next((e for e in reversed(told) if e.rule.words == event.rule.words),
                              told[-1] if told and event.type == "CONSULT" else None)  # «در این دیدار» after «سفر کرد و … دیدار کرد»
            for earlier in reversed(merged if target is None else []):
                if earlier.type != event.type or earlier.boilerplate != event.boilerplate \
                        or (earlier.modality == "historical") != (event.modality == "historical") \
                        or (earlier.modality == "negated") != (event.modality == "negated") or earlier.next_round != event.next_round:
                    continue  # a report may retell an event as said or as fact; background, denied and next acts stay apart
                if earlier.date and event.date and earlier.date["value"] != event.date["value"]:
                    continue
                if event.type == "SUPPORT" and not event.anaphoric and earlier.rule.cameo != event.rule.cameo \
                        and event.sentence != earlier.sentence:
                    continue  # «X و Y … امضا کردند … X از نقش Z قدردانی کرد»: a signing and praise are two kinds of support
                if event.type == "AGREE" and not event.anaphoric and event.sentence != earlier.sentence \
                        and _agree_kind(event) != _agree_kind(earlier) and "invite" in (_agree_kind(event), _agree_kind(earlier)):
                    continue  # «… به توافق رسیده‌اند … X از Y برای سفر به بغداد دعوت کرد»: an invitation is an act of its own
                if ("summon" in event.rule.mode) != ("summon" in earlier.rule.mode) and not event.anaphoric \
                        and event.sentence not in earlier.sentence_ids:
                    continue  # «X … را محکوم کرد. وزارت خارجه سفیر Y را احضار کرد»: a summons is an act of its own (a protest
                    # told in its sentence is delivered at it: «… را احضار کرد و اعتراض شدید خود را ابلاغ کرد»)
                # «X با وزیر خارجه دیدار کرد … X با رئیس‌جمهور دیدار کرد»: two known people met, two meetings
                met = [{p.identity for p in e.recipient if p.label == "PER"} for e in (event, earlier)]  # known or not
                people = [{p.identity for p in e.actor + e.recipient if p.label == "PER"} for e in (event, earlier)]
                # (the same two people, the visitor first in one: «X در دیدار با Y که به … سفر کرده … گفت‌وگو کرد»)
                apart = not event.anaphoric and all(met) and not met[0] & met[1] and people[0] != people[1]
                # «در حاشیه این نشست، X با Y دیدار کرد»: a meeting on the sidelines is not the one it is beside
                # (not when both name the same two people: a headline's «X در دیدار با Y» is that sidelines meeting)
                apart = apart or event.aside and not event.anaphoric and not earlier.aside \
                    and not (len(people[0]) >= 2 and people[0] == people[1])
                # «X از پاکستان خواست … X از شورای امنیت خواست»: one actor's acts aimed at others, in other sentences
                retargeted = event.type not in MUTUAL and not event.anaphoric and event.sentence != earlier.sentence \
                    and event.recipient and earlier.recipient \
                    and not {p.identity for p in event.recipient} & {p.identity for p in earlier.recipient}
                # «X … انتظار داریم … . X همچنین … خواستار Y شد»: a statement told by its own verb in another sentence of
                # the body is another statement (a headline's is told again in the body)
                said_again = event.type in SPEECH_ACTS and not event.anaphoric and not event.nominal and not earlier.nominal \
                    and event.sentence != earlier.sentence and min(earlier.sentence_ids) > 0
                retargeted = retargeted or said_again
                # «پزشکیان … به توکایف تبریک گفت … عراقچی نیز … تبریک گفت»: two named people's acts, whoever they address
                acted = [{p.identity for p in e.actor if p.label == "PER"} for e in (event, earlier)]
                others = all(acted) and not acted[0] & earlier.identities() and not acted[1] & event.identities()
                same_people = not apart and not retargeted and not others and bool(event.identities() & earlier.identities()) \
                    and not _opposite(event, earlier)  # «رحمان … امضا کرد … جباروف از فرمان همتای تاجیک خود استقبال کرد»
                if same_people and event.type in HOSTILE and event.actor and earlier.actor:
                    # «پس از حمله اسرائیل …، به اسرائیل حمله کرد»: a reprisal shares its sides, not its actor
                    same_people = bool({p.identity for p in event.actor} & {p.identity for p in earlier.actor})
                same_place = not apart and event.location and earlier.location \
                    and _same_place(event.location, earlier.location) and earlier.rule.words == event.rule.words
                # «مذاکرات طالبان با روسیه» … «دولت طالبان در مذاکرات با مسکو»: the same pair of countries,
                # named differently, with the same word or in the next sentences (a headline and its lead)
                # (not an agreement and a meeting planned: «توافق …» then «قرار است X با Y دیدار کند» are two acts)
                same_sides = not event.aside and not apart and not others and event.rule.type == earlier.rule.type \
                    and len(event.countries() & earlier.countries()) >= 2 and (
                    earlier.rule.words == event.rule.words or event.sentence - max(earlier.sentence_ids) <= 2) \
                    and not _opposite(event, earlier)
                # «در نشست … دیداری میان X و Y برگزار شد»: two words for one meeting in one sentence
                # «این حمله توسط … X را هدف قرار داده است»: a sentence that names the event as «این حمله» tells
                # of it again in its other words for the same kind of act
                same_sentence = event.sentence in earlier.sentence_ids and not (event.identities() and earlier.identities()) \
                    or event.sentence in earlier.retold_in  # (a mention merged into an earlier one brings its sentence)
                # «تحریم‌های آمریکا علیه ایران» … «وزارت خزانه‌داری آمریکا … تحریم کرد»: a headline's act told again
                # in the lead by an actor of the same country
                countrymen = not event.aside and not apart and bool(
                    {p.country for p in event.actor if p.country} & {p.country for p in earlier.actor if p.country})
                # (or, told by the same word, further on, while the headline has no retelling yet: «هند … را تکذیب
                # کرد» … «سخنگوی وزارت امور خارجه هند … را تکذیب کرد»)
                headline = countrymen and not others and earlier.sentence == 0 and (
                    event.sentence <= 2 or earlier.rule.words == event.rule.words and earlier.sentence_ids == [0])
                if headline and earlier.rule.words != event.rule.words and any(
                        later.type == earlier.type and later.rule.words == earlier.rule.words and later.sentence <= 2
                        for later in events[n + 1:]):
                    headline = False  # «… امضا کردند» … «مورد استقبال X قرار گرفت و … امضا کردند»: the signing is the headline's
                # «وزارت دفاع روسیه … اهداف نظامی را هدف قرار داده است»: a mention with no target, place or date of
                # its own, by an actor of the same country, cannot be told apart from the act already told
                vague = countrymen and not said_again and not (event.recipient or event.location or event.date) \
                    and len(event.identities()) < 2  # «مذاکرات میان X و Y»: two sides named are no vague retelling
                firm = event.anaphoric or same_people or same_place or same_sides or same_sentence or headline
                if firm or vague:
                    target, adds_sides = earlier, firm
                    break
            if target is None:
                merged.append(event)
                continue
            for sid in event.sentence_ids:
                if sid not in target.sentence_ids:
                    target.sentence_ids.append(sid)
            if event.anaphoric:
                target.retold_in.add(event.sentence)
            if not target.rule.mode and event.rule.mode and not event.anaphoric:
                target.rule, target.trigger = event.rule, event.trigger  # «گفتگو» … «سفر کرد»: the record is a visit
                visitors = {p.identity for p in event.actor} if target.type == "CONSULT" else set()
                if visitors and visitors <= {p.identity for p in target.recipient} \
                        and not visitors & {p.identity for p in target.actor}:
                    # «X در دیدار با Y که به تهران سفر کرده است»: the one met came, and the visitor acts (PLOVER)
                    hosts = target.actor
                    target.actor = [p for p in target.recipient if p.identity in visitors]
                    target.recipient = hosts + [p for p in target.recipient if p.identity not in visitors]
            _named_sides(target.actor, event.actor)
            _named_sides(target.recipient, event.recipient)
            known = {p.identity for p in target.actor + target.recipient}
            if adds_sides:  # a vague mention (see above) is the same act, but not a reason to name more sides
                _add_sides(target.actor, [p for p in event.actor if p.identity not in known])
                known |= {p.identity for p in event.actor}
                _add_sides(target.recipient, [p for p in event.recipient if p.identity not in known])
            target.location = target.location or event.location
            target.date = target.date or event.date
            target.dictionary += [d for d in event.dictionary if d not in target.dictionary]
        for event in merged:  # once every mention is in (a later one may still match by the countries)
            # «ایران و ارمنستان … امضا کردند … پزشکیان و پاشینیان امضا کردند»: a signing keeps the parties beside the
            # people who sign for them (a bare title is its state, as elsewhere)
            acting = ("ROLE",) if event.type == "SUPPORT" and event.rule.cameo == SIGNING else ("PER", "ROLE")
            event.actor, event.recipient = _represented(doc, event.actor, event.recipient, acting), \
                _represented(doc, event.recipient, event.actor, acting)
        return merged

    def _aimed_at_act(self, tokens: Span, k: int, trig: Trigger) -> str | None:
        """The key of an earlier act named by a demonstrative that the trigger at ``k`` is aimed at, else None: right
        before it after «با» or «از» (با [این تحریم‌ها] مخالفت کرد), or, for a trigger whose recipient is marked «به»,
        after «به» up to three words before it (به [این تجاوز] پاسخ قاطع خواهد داد)."""
        if k >= 3 and tokens[k - 3].norm_ in ("با", "از") and tokens[k - 2].norm_ in DEMONSTRATIVES:
            return key(tokens[k - 1].norm_)
        if "to" not in trig.recipient.split("|"):
            return None
        for j in range(k - 1, max(1, k - 6) - 1, -1):
            if tokens[j].norm_ in CLAUSE_STOPS or tokens[j].norm_ in CLAUSE_BREAKS:
                return None
            if tokens[j - 1].norm_ == "به" and tokens[j].norm_ in DEMONSTRATIVES:
                noun = j + 1 + (tokens[j + 1].norm_ == "«")  # (به این «اقدام وحشیانه» …)
                return key(tokens[noun].norm_) if noun < k else None
        return None

    @staticmethod
    def _resolve_answers(events: list[Event]) -> None:
        """«طالبان این اتهام را رد کرد»: the one who made the accusation (request …) told before is the recipient."""
        for k, event in enumerate(events):
            if event.answers is None or event.recipient:
                continue
            if event.answers == ANY_ACT:  # a decision is a deed: the last one told, else the last statement
                # (not one told by the same word: a condemnation answers no condemnation, but praise may answer a
                # recognition: «به رسمیت شناخت … این تصمیم را «شجاعانه» خواند»)
                before = [e for e in reversed(events[:k]) if e.actor and not (e.type == event.type and e.rule.words == event.rule.words)]
                earlier = next((e for e in before if e.type not in SPEECH_ACTS), next(iter(before), None))
            else:
                earlier = next((e for e in reversed(events[:k]) if event.answers in (e.type, e.agreed_as) and e.actor), None)
            if earlier is not None:
                own = {p.identity for p in event.actor}
                event.recipient = [p for p in earlier.actor if p.identity not in own]

    @staticmethod
    def _resolve_sides(doc: Doc, events: list[Event], joint: dict[tuple[int, int], list[Participant]]) -> None:
        """«دو طرف بر … تأکید کردند»: the sides are the actors and recipients of the last meeting before, with the
        countries they speak for; «دو کشور … امضا کرده بودند» names their countries (where the text names them), not
        their envoys."""
        gaz = doc_gazetteer(doc)
        countries: dict[str, Participant] = {}  # each country's first mention, inside a title too (وزیر خارجه [ترکیه])
        for m in doc._.mentions or []:
            entry = gaz.get(m.entry_id) if m.label == "LOC" and m.entry_id else None
            if entry is not None and entry.kind in STATES and entry.country:
                countries.setdefault(entry.country, Participant(m.span.text, m.span.start_char, m.span.end_char, "LOC",
                                                                m.entry_id, entry.name, entry.country, None, None, m.cluster))
        for k, event in enumerate(events):
            for group in (event.actor, event.recipient):
                named = [p for p in group if p.label == "SIDES"]
                if not named:
                    continue
                # the last meeting before, else any act of two sides (امضای اسناد میان ایران و تاجیکستان); a joint body's
                # meeting has its countries as sides (نشست کمیسیون مشترک مرزی ایران و پاکستان … دو طرف توافق کردند)
                told = [(e, _with_members(e.actor + e.recipient, joint)) for e in reversed(events[:k])]
                if key(named[0].text) in PEOPLE_SIDES:  # «دو وزیر»: the last meeting of two people, if one was told
                    told = [(e, m) for e, m in told if len({p.identity for p in m if p.label == "PER"}) >= 2] or told
                meeting = next((m for e, m in told if e.type in ("CONSULT", "AGREE") and _two_sided(m)),
                               next((m for e, m in told if _two_sided(m)), None))
                sides = meeting or []
                if any(key(w) == COUNTRY_WORD for w in named[0].text.split()):
                    sides = [countries.get(p.country, p) if p.country else p for p in sides]
                else:  # «دو طرف توافق کردند»: the people met, and the countries they speak for where the text names them
                    sides = sides + [countries[p.country] for p in sides if p.country in countries]
                group[:] = _dedupe([p for p in group if p.label != "SIDES"] + sides)

    def _next_rounds(self, doc: Doc, events: list[Event]) -> None:
        """«قرار است نشست [بعدی] (این کمیته) در مسکو برگزار شود»: the next session is an agreement to meet again, and
        when it names no sides of its own they are the last meeting's told before it."""
        keys = self._keys
        for event in events:
            start, end = event.trigger.start, event.trigger.end
            if "multilateral" not in event.rule.mode or not event.nominal or event.modality in ("historical", "negated"):
                continue  # (a session, summit or conference: «سفر آینده X» is a visit planned, told as such)
            if not (end < len(doc) and keys[end] in NEXT_ROUND
                    or start >= 2 and self._norms[start - 1] in DEMONSTRATIVES and keys[start - 2] in NEXT_ROUND):
                continue
            event.type, event.modality, event.anaphoric, event.next_round = "AGREE", "future", False, True
            if not event.actor:  # the sides of the last meeting, as «دو طرف» names them (_resolve_sides)
                trigger = event.trigger
                event.actor = [Participant(trigger.text, trigger.start_char, trigger.end_char, "SIDES", None, None, None, None, None)]

    @staticmethod
    def _add_attendees(doc: Doc, sents: list[Span], events: list[Event], participants) -> None:  # noqa: ANN001
        """People said to attend a meeting (``… در آن حضور داشتند``) join the side of their country."""
        for event in events:
            if event.type != "CONSULT":
                continue
            for number in event.sentence_ids:
                sent = sents[number]
                if not any(t.norm_ == "حضور" and t.i + 1 < sent.end and key(t.nbor().norm_) in _light_verb_forms()["داشت"]
                           for t in sent):
                    continue  # «… در آن حضور داشتند»; «با حضور» names the actor instead
                sides = {p.identity for p in event.actor + event.recipient}
                recipient_countries = {p.country for p in event.recipient if p.country}
                for s, e, p in participants:
                    if sent.start <= s and e <= sent.end and p.label == "PER" and p.identity not in sides:
                        (event.recipient if p.country in recipient_countries or not p.country else event.actor).append(p)
                        sides.add(p.identity)

    @staticmethod
    def _infer_visit_places(events: list[Event]) -> None:
        """A visit with no place takes the place of a meeting in the next sentences (the host's city)."""
        for i, event in enumerate(events):
            if event.location is not None or not (event.rule.mode and "visit" in event.rule.mode):
                continue
            hosts = {p.country for p in event.recipient if p.country}
            for later in events[i + 1:]:
                if later.type == "CONSULT" and later.location is not None and min(later.sentence_ids) - event.sentence <= 2 \
                        and (not hosts or later.location.country in hosts):
                    event.location = later.location
                    break


def _next_clause(doc: Doc, sent: Span, t_end: int, relative: bool = True) -> int:
    """Where the first clause break (که، «:») after the trigger ending at ``t_end`` stands, or the sentence's end;
    without ``relative``, a «که» (which may open a relative clause) is passed over (؛, «:», a quote, اما stop)."""
    return next((i for i in range(t_end, sent.end) if doc[i].norm_ in CLAUSE_BREAKS and (relative or doc[i].norm_ != "که")),
                sent.end)


def _before_next_clause(doc: Doc, sent: Span, in_sent, t_end: int):  # noqa: ANN001, ANN202
    """The participants before the first clause break after the trigger ending at ``t_end``."""
    stop = _next_clause(doc, sent, t_end)
    return [x for x in in_sent if x[0] < stop]


def _joint_bodies(doc: Doc, mentions: list[Mention]) -> dict[tuple[int, int], list[Participant]]:
    """Organisations named with two countries or more (کمیسیون مشترک اقتصادی ایران و ترکمنستان), by character
    span: the countries, as participants."""
    gaz = doc_gazetteer(doc)
    by_id = {m.id: m for m in mentions}
    out: dict[tuple[int, int], list[Participant]] = {}
    for m in mentions:
        parent = by_id.get(m.nested_in) if m.nested_in else None
        entry = gaz.get(m.entry_id) if m.label == "LOC" and m.entry_id else None
        if parent is not None and parent.label == "ORG" and entry is not None and entry.kind == "country":
            out.setdefault((parent.span.start_char, parent.span.end_char), []).append(Participant(
                m.span.text, m.span.start_char, m.span.end_char, "LOC", m.entry_id, entry.name, entry.country, None, None,
                m.cluster))
    return {k: sorted(v, key=lambda p: p.start) for k, v in out.items() if len({p.country for p in v}) >= 2}


def _with_members(group: list[Participant], joint: dict[tuple[int, int], list[Participant]]) -> list[Participant]:
    """The group with each joint body's countries after it."""
    if not joint:
        return group
    return _dedupe([x for p in group for x in [p, *joint.get((p.start, p.end), ())]])


def _aimed(doc: Doc, start: int) -> bool:
    """«به [ثبات] قفقاز کمک می‌کند»: the mention at ``start`` follows «به» and a state of affairs helped."""
    return any(doc[i].norm_ == "به" and key(doc[i + 1].norm_) in AIM_NOUNS for i in range(max(0, start - 3), start - 1))


def _opposite(one: Event, other: Event) -> bool:
    """Two one-way acts of the same kind between the same countries, each by the other side (Kabul accuses
    Islamabad, Islamabad accuses Kabul): two acts, however close. Meetings and agreements have no direction."""
    if one.type in MUTUAL:
        return False
    mine = {p.country for p in one.actor if p.country}
    theirs = {p.country for p in other.actor if p.country}
    return bool(mine and theirs) and not mine & theirs


def _same_place(one: Participant, other: Participant) -> bool:
    """The same place, or one named with a head before the other's name (ولسوالی [لکی مروت] is لکی مروت)."""
    if one.identity == other.identity:
        return True
    a, b = sorted(([key(w) for w in p.text.split()] for p in (one, other)), key=len)
    return len(a) < len(b) and b[-len(a):] == a


def _two_sided(participants: list[Participant]) -> bool:
    """Do an event's participants name at least two sides (other than «دو طرف» itself)?"""
    return len({p.identity for p in participants if p.label != "SIDES"}) >= 2


def _sides_after(doc: Doc, in_sent, at: int) -> list[Participant]:  # noqa: ANN001
    """The sides listed after «میان/بین» at ``at`` (X و Y، X، Y و Z), if at least two."""
    sides, i = [], at + 1
    for s, e, p in in_sent:
        if s < i:
            continue
        noun = next((j for j in range(i, s) if key(doc[j].norm_) in SIDE_NOUNS), None)
        if any(doc[j].norm_ not in ("،", ",", "و") and not (noun is not None and noun <= j < s and (
                j == noun or doc[j].norm_.endswith("ی") or key(doc[j].norm_) in MEMBER_WORDS or key(doc[j].norm_) in SIDE_TIMES
                or doc[j].norm_ == "به" and key(doc[j - 1].norm_) in MEMBER_WORDS)) for j in range(i, s)):
            break  # «میان [نیروهای] طالبان و پاکستان»، «میان [نیروهای مرزی] X و Y»، «[نیروهای وابسته به] X»: a side noun
            # (and its adjectives, or «وابسته به», or a word of its time: «[حکومت پیشین] X») names it
        sides.append(p)
        i = e
    sides = _dedupe(sides)
    if len(sides) == 1 and sides[0].label == "SIDES":
        return sides  # «مذاکرات میان دو کشور»: the sides of the talks told before
    return sides if len({p.identity for p in sides}) >= 2 else []


def _add_sides(sides: list[Participant], new: list[Participant]) -> None:
    """Add a retelling's sides to an event's: one that names an earlier side inside it (طالبان → نیروهای مرزی
    طالبان، پاکستان → ارتش پاکستان) takes its place, as the more exact name of that side."""
    def holds(person: Participant, title: Participant) -> bool:  # «علی نمونه‌زاده سفیر ایران در مسکو» holds «سفیر ایران»
        return person.label == "PER" and bool(person.role_title) and title.label == "ROLE" \
            and person.country == title.country and (key(person.role_title).startswith(key(title.text))
                                                     or bool(title.post) and person.post == title.post)

    for p in new:
        words = f" {' '.join(key(w) for w in p.text.split())} "
        if p.label == "ROLE" and p.country and any(
                q.label == "ROLE" and q.country == p.country and key(q.text).startswith(key(p.text)) or holds(q, p)
                for q in sides):
            continue  # «وزیر نیروی ایران» … «وزیر نیرو»: the same post named again, shorter, or its holder named
        title = next((i for i, q in enumerate(sides) if holds(p, q)), None)
        if title is not None:  # a headline's «سفیر ایران» … «علی نمونه‌زاده، سفیر ایران»: the holder named
            sides[title] = p
            continue
        inner = next((i for i, q in enumerate(sides) if q.label != "ROLE"
                      and (f" {' '.join(key(w) for w in q.text.split())} " in words
                           or p.sector and not p.entity_id and q.label == "LOC" and q.country == p.country)
                      or q.label == "ROLE" and not q.entity_id and p.label == "PER" and p.country == q.country), None)
        # (also «پاکستان» → «مقام‌های پاکستانی»: a side named by its demonym is its country, more exactly; and
        # «همتای ترکمن» → «رشید مرادوف»: the counterpart named)
        if inner is None:
            sides.append(p)
        else:
            sides[inner] = p


def _represented(doc: Doc, sides: list[Participant], others: Sequence[Participant] = (),
                 acting: tuple[str, ...] = ("PER", "ROLE")) -> list[Participant]:
    """A country named beside a person who acts for it is that person: the Iran–Turkey forum and the two
    ministers' meeting merged are one meeting of the ministers; «X و Y، وزرای خارجه روسیه و ایران» are X and Y;
    a headline's «ایران و عمان» are the ministers on both sides of the call it tells. ``acting``: the labels of
    the sides that stand for their country."""
    people = {p.country for p in (*sides, *others) if p.label in acting and p.country}
    return [p for p in sides if not (p.label == "LOC" and p.country in people and _kind(doc, p) == "country")]


def _delivered(doc: Doc, start: int) -> bool:
    """A verb that hands something over (فرستاد، رساندند، ارسال کرد، تحویل داد) ends the clause after ``start``."""
    forms = _light_verb_forms()
    for t in doc[start: min(start + 12, len(doc))]:
        if t.norm_ in ("،", ".", "؛"):
            return False
        word = key(t.norm_)
        if word in forms["فرستاد"] or word in DELIVERY_NOUNS and t.i + 1 < len(doc) and key(doc[t.i + 1].norm_) in forms["any"]:
            return True
    return False


def _verb_on_object(doc: Doc, start: int, nouns: frozenset[str]) -> bool:
    """A compound verb whose noun is one of ``nouns`` follows the object marker after ``start``: one that makes
    its object public (ANNOUNCE_NOUNS: اعلام کرد، ابراز داشت), puts it in force (IMPOSE_NOUNS: اعمال کرد) or launches
    it (LAUNCH_NOUNS: آغاز کرد)."""
    forms = _light_verb_forms()
    j = next((t.i for t in doc[start: min(start + 3, len(doc))] if t.norm_ == "را"), None)
    if j is None:
        return False
    for t in doc[j + 1: min(j + 16, len(doc) - 1)]:  # «آمادگی X را برای ایجاد … اعلام کرد»
        if t.norm_ == "،" or t.norm_ in SENTENCE_STOPS or t.norm_ in CLAUSE_BREAKS:
            return False
        if key(t.norm_) in nouns and (key(doc[t.i + 1].norm_) in forms["any"]
                                      or doc[t.i - 1].norm_ == "به" and key(doc[t.i + 1].norm_) in forms["فرستاد"]):
            return True  # (the noun with «به … رساند» too, a delivery verb: به تصویب رساند)
    return False


def _place_of_act(doc: Doc, p: Participant) -> bool:
    """A place that is no state and no people named by a place (مرزبانان ایرانی): after a meeting or attack noun
    it tells where the act was (نشست دوحه، انفجار بندر X), not who acted."""
    return p.label == "LOC" and p.sector is None and _kind(doc, p) not in STATES


def _kind(doc: Doc, p: Participant) -> str | None:
    """The gazetteer kind of a participant's entity (country, city, club …), if it is known."""
    entry = doc_gazetteer(doc).get(p.entity_id) if p.entity_id else None
    return entry.kind if entry else None


def _asked_verb_after(doc: Doc, end: int) -> bool:
    """Does the clause running on after an event noun end in a subjunctive before the sentence does («از X خواست با
    گام‌هایی، از جمله [آزادی] زندانیان، روند صلح را تقویت کند»): the noun is inside what is asked, commas and all?"""
    forms = modality_cues().get("subjunctive", ())
    for t in doc[end: min(len(doc), end + 15)]:
        if t.norm_ in SENTENCE_STOPS:
            return False
        if key(t.norm_) in forms:
            return True
    return False


def _joined(doc: Doc, end: int, start: int) -> bool:
    """Do «و» or «،» alone join a mention ending at ``end`` to one starting at ``start``?"""
    gap = doc[end:start]
    return 0 < len(gap) <= 2 and all(t.norm_ in ("و", "،", ",") for t in gap)


def _chain(doc: Doc, candidates: list[tuple[int, int, Participant]],
           ends: dict[tuple[int, int], int] | None = None) -> list[tuple[int, int, Participant]]:
    """The first candidate and those joined to it by «و» or «،» right after it (X و Y، X، Y و Z); ``ends``
    gives where a mention's apposition ends (X، نخست‌وزیر عراق، و Y)."""
    ends = ends or {}
    chosen = [candidates[0]]
    for s, e, p in candidates[1:]:
        if not _joined(doc, ends.get(chosen[-1][:2], chosen[-1][1]), s):
            break
        chosen.append((s, e, p))
    return chosen


def _coordinated(doc: Doc, candidates: list[tuple[int, int, Participant]],
                 ends: dict[tuple[int, int], int] | None = None) -> list[Participant]:
    """The participants of :func:`_chain`, each once."""
    return _dedupe([p for s, e, p in _chain(doc, candidates, ends)])


def _apposition_ends(heads: dict[tuple[int, int], tuple[int, int, Participant]]) -> dict[tuple[int, int], int]:
    """Where each mention with an apposition ends, the apposition included (from :func:`_appositions`)."""
    ends: dict[tuple[int, int], int] = {}
    for (s, e), head in heads.items():
        ends[head[:2]] = max(ends.get(head[:2], head[1]), e)
    return ends


def _aid_received_where_it_arrived(events: list[Event]) -> None:
    """«هواپیمای حامل کمک‌های [عمان] … در فرودگاه [چابهار] به زمین نشست»: aid that names no one receiving it goes to the
    place it reached, when that place is in another country than its givers'."""
    for event in events:
        place = event.location
        if event.type != "AID" or event.recipient or place is None or not place.country:
            continue
        if event.actor and all(p.country and p.country != place.country for p in event.actor):
            event.recipient = [place]


def _one_side(event: Event) -> bool:
    """One actor named, no international organisation, and no one the act is with."""
    return len(event.actor) == 1 and not event.recipient and event.actor[0].sector != "IGO"


def _deal_of_one(event: Event) -> bool:
    """«بقائی … درباره توافق گفت»: an agreement between sides (a trigger whose sides all act) with one side named, no
    international organisation, and no one it is made with, names no deal made here."""
    return event.type == "AGREE" and event.rule.actor in ("all", "both") and _one_side(event) and event.actor[0].label != "SIDES"


def _agree_kind(event: Event) -> str:
    """What an AGREE tells: an invitation (CAMEO 039), a meeting planned (a CONSULT trigger in the future), or
    another agreement or pledge."""
    if event.rule.cameo == INVITATION:
        return "invite"
    return "plan" if event.rule.type == "CONSULT" else "agree"


def _session_of_one(event: Event) -> bool:
    """«کمیته امنیتی کابینه … نشستی برگزار کرد»، «X در نشست … گفت»: a gathering (mode ``multilateral``) whose one
    side is a single person or a body that is no international organisation is that body's own session, or one
    someone spoke at, and tells no meeting between sides (the summit of one IGO, «نشست سران شورای همکاری …», does); so
    is one planned (AGREE): «کمیته مشترک فنی … نشست خواهد کرد» agrees to nothing with anyone."""
    if not ("multilateral" in event.rule.mode and event.rule.type == "CONSULT" and _one_side(event)):
        return False
    # «نشستی [سه‌جانبه]»، «نشست [مشترک]»، «اجلاس [سران] X»: sides there are, though one is named
    doc = event.trigger.doc
    host = doc.char_span(event.actor[0].start, event.actor[0].end)
    if event.type == "AGREE" and host is not None and _agent_marked(doc, host.start):
        return False  # «نشست تهران از سوی [X] برگزار خواهد شد»: a host convenes others
    return not any(key(t.norm_).endswith("جانبه") or key(t.norm_) in GATHERED_SIDES for t in doc[event.trigger.end: event.trigger.end + 2])


def _arresters(sents: list[Span], keys: list[str], events: list[Event], participants,  # noqa: ANN001
               says: Callable[[int], bool]) -> None:
    """«… پلیس X عملیاتی را آغاز کرد. … ۵۰ نفر بازداشت شدند»: an arrest told with no one making it is made by the
    security body (police, army, intelligence, a prosecutor's office) named last in the two sentences before it, when
    its own sentence names no one at all (``keys``: the document's token keys).

    An arrest (CAMEO 173) told by a finite verb, not the pluperfect of a background clause, may name others in its
    sentence (its speaker, those held): the body is looked for there before it too, and in the body of the text when a
    headline's arrest is told again there («… بازداشت شدند» … «در این عملیات … بازداشت شدند»); not a body of another
    country than where the arrest is told (… در [باکو] بازداشت شدند after «پلیس روسیه»); and an arrest by a body
    whose arrest is already told is that one, told again (removed from ``events``). ``says``: whether a verb of saying
    starts at a token (EventExtractor._says)."""
    for event in list(events):
        if event.type != "COERCE" or event.actor or event.nominal:
            continue
        numbers = [event.sentence]
        arrest = event.rule.cameo == ARREST and _finite(keys, event.trigger.start) \
            and not _in_relative_clause(keys, sents[event.sentence].start, event.trigger.start, says)
        if arrest:
            numbers = sorted(event.sentence_ids or numbers, reverse=True)
        elif any(sents[event.sentence].start <= s < sents[event.sentence].end for s, e, p in participants):
            continue
        taken = {id(p) for p in event.recipient}
        where = event.location.country if event.location is not None else None
        for number in numbers:
            floor = sents[max(0, number - 2)].start
            limit = event.trigger.start if number == event.sentence else sents[number].end
            charged = next((j for j in range(limit - 1, floor - 1, -1) if _phrase_at(keys, j, CHARGE_PHRASES)), limit)
            near = [p for s, e, p in participants if floor <= s and e <= limit and p.label == "ORG" and id(p) not in taken
                    and (p.sector in SECURITY_SECTORS or any(_phrase_at(keys, j, SECURITY_HEADS) for j in range(s, e)))
                    and not (arrest and s > charged)]  # «به اتهام همکاری با [این سرویس] بازداشت شده‌اند»: the charge
            if near and not (arrest and where and near[-1].country and near[-1].country != where):
                event.actor = [near[-1]]
                break
        told = next((e for e in events if e is not event and e.type == "COERCE" and e.rule.cameo == ARREST and e.actor
                     and e.trigger.start < event.trigger.start and e.actor[0].identity == event.actor[0].identity),
                    None) if arrest and event.actor and not event.recipient else None
        if told is not None:
            told.sentence_ids += [n for n in event.sentence_ids if n not in told.sentence_ids]
            events.remove(event)


def _in_relative_clause(keys: list[str], start: int, i: int, says: Callable[[int], bool]) -> bool:
    """Does token ``i`` stand in a relative clause opened since token ``start`` (کسانی که …، X را که …، همه کسانی
    شد که …), not in what a verb of saying reports (افزود که …، اعلام کرد که …: ``says`` one of the two tokens
    before «که»)?"""
    for j in range(i - 1, start, -1):
        if keys[j] == "که":
            return not any(says(m) for m in range(max(start, j - 2), j))
        if keys[j] in CLAUSE_BREAKS or keys[j] in ("،", "."):
            return False
    return False


def _finite(keys: list[str], start: int) -> bool:
    """Is the trigger at token ``start`` told by a finite verb, not a pluperfect of background («… که ماه گذشته
    بازداشت شده بودند») or a participle standing as an adjective («زائر بازداشت شده»)?"""
    for i in range(start + 1, min(start + 3, len(keys))):
        if keys[i] == "شده":
            return i + 1 < len(keys) and keys[i + 1] in PRESENT_PERFECT
    return True


def _releasers(doc: Doc, sents: list[Span], events: list[Event]) -> None:
    """«۳۱ نفر از بازداشت‌شدگان آزاد شدند»: a release told by its verb (mode ``release``) of those held after an
    arrest (event_words.tsv detainee), naming no one releasing, is made by whoever made the last arrest told
    before it in the document (the police that held them); so is one of people just told (held_anaphor: «پنج تن از
    آنان …»، «این افراد …») or held in the same sentence («X که … بازداشت شده بودند، … آزاد شدند»), within the
    arrest's sentence and the two after it."""
    last = None
    for event in sorted(events, key=lambda e: e.trigger.start):
        if event.type == "COERCE" and event.actor:
            last = event
        elif "release" in event.rule.mode and not event.actor and not event.nominal and last is not None:
            sent = sents[event.sentence]
            words = [key(t.norm_) for t in doc[sent.start: event.trigger.start]]
            near = event.sentence - max(last.sentence_ids) <= 2
            if _has_word(words, DETAINEES) or near and (_has_word(words, HELD_ANAPHORS) or event.sentence in last.sentence_ids):
                event.actor = list(last.actor)


def _referred_to(doc: Doc, end: int) -> bool:
    """Does the phrase after an event noun ending at ``end`` run, with no verb or stop, to a verb of referring (اشاره
    کرد): «به [حمایت] X از Y … اشاره کرد»?"""
    verbs = _light_verb_forms()["any"]
    for j in range(end, min(end + 30, len(doc) - 1)):
        word = key(doc[j].norm_)
        if word in REFERRING:
            return key(doc[j + 1].norm_) in verbs
        if doc[j].norm_ in SENTENCE_STOPS or doc[j].norm_ in CLAUSE_BREAKS or word in verbs:
            return False
    return False


def _stated_in(event: Event, found: list[Event]) -> bool:
    """«X تأکید کرد که [Y] آماده است …»: stressing (an emphasis row: تأکید) whose «که» clause tells an act of its own
    is only how that act is stated; the act told is the record. An AGREE stressing whose clause says what must be
    (event_words.tsv obligation: «… که هر طرح … باید …») states a view and is no record either."""
    doc, end = event.trigger.doc, event.verb_end
    if event.rule.words[0] not in EMPHASIS_WORDS or end is None or end >= len(doc) or doc[end].norm_ != "که":
        return False
    stop = next((t.i for t in doc[end:] if t.norm_ in SENTENCE_STOPS), len(doc))
    if event.type == "AGREE" and any(key(t.norm_) in OBLIGATION_WORDS for t in doc[end: stop]):
        return True  # «تأکید کرد که هر طرح ترانزیتی … باید …»: what must be, a view stated, no intent to cooperate
    return any(other is not event and end < other.trigger.start < stop for other in found)


def _with_spokesman(events: list[Event]) -> None:
    """«عون گفت که [لبنان] هرگونه دخالت … را نمی‌پذیرد»: a person who states his own state's stance takes it with his
    state (or its bodies), as the first actor; added once events are merged, so that it merges no two acts."""
    for event in events:
        speaker = event.spokesman
        if speaker is not None and event.actor and speaker.identity not in {p.identity for p in event.actor} \
                and all(p.label in ("LOC", "ORG") and p.country == speaker.country for p in event.actor):
            event.actor = [speaker, *event.actor]


def _title_holders(doc: Doc, events: list[Event], reference: dt.date) -> None:
    """«نخست‌وزیر عراق با … دیدار کرد» with no name given for the post: when one person holds the post in a state at a
    time (``one_holder`` in roles.jsonl) and the title names its state, the side is the one person the gazetteer's
    dated roles give for that post there on the event's day (the reference day for a current act), so that the
    record names who acted. A title said to be held before or after (سابق، وقت، منتخب) names nobody now, a past act
    with no day of its own keeps its title, and a role whose dates the gazetteer marks uncertain names nobody."""
    gaz = doc_gazetteer(doc)
    for event in events:
        when = event.date["value"] if event.date and event.date.get("granularity") == "day" else None
        day = dt.date.fromisoformat(when) if when else reference if event.modality != "historical" else None
        if day is None:
            continue
        for group in (event.actor, event.recipient):
            for k, p in enumerate(group):
                post = gaz.get(p.post) if p.label == "ROLE" and p.post and p.country and p.affiliation else None
                held_in = gaz.get(p.affiliation) if post is not None else None
                if post is None or not post.attrs.get("one_holder") or held_in is None or held_in.country != p.country \
                        or any(key(w) in UNHELD_TITLE_WORDS for w in p.text.split()):
                    continue
                holders = gaz.holder_roles(p.post, p.country, day)
                if len({e.id for e, r in holders}) != 1 or any(r.uncertain for e, r in holders):
                    continue
                group[k] = _held_by(doc, p, holders[0][0], p.affiliation, p.post)


def _held_by(doc: Doc, title: Participant, holder: Entry, affiliation: str | None = None, post: str | None = None) -> Participant:
    """The side a title names, as the person the gazetteer says holds it (in the same cluster as his mentions)."""
    named = next((m for m in doc._.mentions or [] if m.entry_id == holder.id), None)
    return Participant(title.text, title.start, title.end, "PER", holder.id, holder.name, title.country,
                       holder.sector or title.sector, title.role_title, named.cluster if named else None, affiliation, post)


def _no_towns_accused(gaz: Gazetteer, events: list[Event]) -> None:
    """«حمله تروریستی [پهلگام] را محکوم کرد»: a town or district named with the act condemned is where it happened,
    not the one accused; a capital may stand for its government (تهران را متهم کرد), and a province or region for
    its authorities, so they stay."""
    for event in events:
        if event.type == "ACCUSE":
            event.recipient = [p for p in event.recipient if not (
                p.label == "LOC" and p.entity_id and p.entity_id not in gaz.capitals
                and (entry := gaz.get(p.entity_id)) is not None and entry.kind in TOWN_KINDS)]


def _has_word(words: Sequence[str], vocab: frozenset[str]) -> bool:
    """Whether one of ``words`` (keys), or two of them run together, is in ``vocab`` (بازداشت‌شدگان، این افراد)."""
    return any(w in vocab for w in words) or any(a + b in vocab for a, b in zip(words, words[1:]))


def _accused_of(doc: Doc, found: list[Event]) -> None:
    """«X، Y را متهم کرد که به Z حمله کرده است»: the deed a «که» clause right after an accusation tells with no
    subject of its own is the accused's, not the accuser's, and the accused is not its target."""
    for accusation in found:
        if accusation.type != "ACCUSE" or accusation.nominal or not accusation.recipient or accusation.verb_end is None \
                or accusation.verb_end >= len(doc) or doc[accusation.verb_end].norm_ != "که":
            continue
        accuser = {p.identity for p in accusation.actor}
        accused = {p.identity for p in accusation.recipient}
        for deed in found:
            if deed.trigger.start > accusation.verb_end and deed.type != "ACCUSE" and deed.actor \
                    and {p.identity for p in deed.actor} == accuser:
                deed.actor = list(accusation.recipient)
                deed.recipient = [p for p in deed.recipient if p.identity not in accused]


def _clause_opening(keys: Sequence[str], k: int) -> int | None:
    """Where the clause of the trigger at ``k`` opens, up to sixteen words back: a stop, «که» or a colon; None when
    none stands so near."""
    return next((j for j in range(k - 1, max(-1, k - 17), -1) if keys[j] in (".", "؛", "که", ":")), None)


def _agreed_truce(found: list[Event], kept: list[Event]) -> None:
    """«X و Y بر آتش‌بس توافق کردند»: an agreement reached on a ceasefire is the ceasefire (PLOVER RETREAT); a
    planned one stays an agreement to come."""
    told = {id(e) for e in kept}  # by identity: two events may be equal field by field
    for event in kept:
        if event.type != "AGREE" or event.modality == "future" or event.nominal:
            continue
        doc = event.trigger.doc
        truce = next((x for x in found if id(x) not in told and x.rule.mode == ("ceasefire",)
                      and 0 < event.trigger.start - x.trigger.start <= 16  # «بر آتش‌بس فوری و تشکیل … توافق کردند»
                      and doc[x.trigger.start - 1].norm_ in ("بر", "سر")
                      and not any(t.norm_ in (".", "؛") or t.norm_ in CLAUSE_BREAKS
                                  for t in doc[x.trigger.end: event.trigger.start])), None)
        if truce is not None:  # its PLOVER mode and codes are the ceasefire's
            event.agreed_as = event.type  # «از این توافق استقبال کرد» still answers it
            event.type, event.rule, event.dictionary = truce.type, truce.rule, event.dictionary + truce.dictionary


def _dated_by(doc: Doc, start: int) -> bool:
    """Is the event noun at ``start`` named only to date another act (پس از توافق، پیش از نشست، پس از اعلام
    آتش‌بس)?"""
    if start >= 2 and key(doc[start - 1].norm_) in ACT_STEPS:
        start -= 1  # «ساعاتی پس از [اعلام] آتش‌بس، میسری …»
    elif start >= 3 and key(doc[start - 1].norm_) in TIME_SPANS:
        start -= 1  # «پس از [چهار روز] درگیری»، «پس از [ماه‌ها] مذاکره»: how long the act went on
        if start >= 3 and _is_count(key(doc[start - 1].norm_)):
            start -= 1
    return start >= 2 and doc[start - 1].norm_ == "از" and key(doc[start - 2].norm_) in TIME_NOUNS


def _owns_verb(one: Event, other: Event) -> bool:
    """Of two triggers before one light verb, does ``one`` own it? A request that takes what it asks for
    (خواستار [توقف حملات] شد) owns it; else the trigger the verb follows (این حمله را محکوم کرد، بر
    گسترش روابط تأکید کرد); else one that needs a verb over an event noun; else the later one."""
    for this, that in ((one.rule.verb == "far", other.rule.verb == "far"),
                       (one.trigger.end == one.verb_end, other.trigger.end == other.verb_end),
                       (one.rule.verb not in ("-", "self"), other.rule.verb not in ("-", "self"))):
        if this != that:
            return this
    return one.trigger.start > other.trigger.start


def _nested(m: Mention, by_id: dict[str, Mention]) -> Iterator[Mention]:
    """The mentions nested in ``m`` (numbered right after it by relations._mentions)."""
    j = int(m.id[1:]) + 1
    while (x := by_id.get(f"T{j}")) is not None and x.nested_in == m.id:
        yield x
        j += 1


def _nested_country(m: Mention, by_id: dict[str, Mention], gaz) -> str | None:  # noqa: ANN001
    """Country of the first known place or organisation nested in a mention (وزیر اطلاعات [تاجیکستان])."""
    for x in _nested(m, by_id):
        entry = gaz.get(x.entry_id) if x.entry_id else None
        if entry is not None and entry.country:
            return entry.country
    return None


def _domestic_titles(doc: Doc, sides: list[Participant], others: list[Participant]) -> None:
    """«نمایندگان مجلس شورای اسلامی وزیر امور اقتصادی را استیضاح کردند»: a bare minister's title (with its
    portfolio) acted on by a state body of one country (its parliament, courts or government) is that
    country's minister."""
    states = {p.country for p in others if p.country and p.label == "ORG" and p.sector in STATE_SECTORS}
    if len(states) != 1 or any(p.country and p.country not in states for p in others):
        return
    gaz = doc_gazetteer(doc)
    for p in sides:
        entry = gaz.get(p.entity_id) if p.label == "ROLE" and p.entity_id else None
        if entry is not None and not (p.country or p.affiliation) and entry.attrs.get("org_head") == MINISTRY_HEAD \
                and len(entry.name.split()) > 1:  # «وزیر اقتصاد», not «وزیر» alone
            p.country = next(iter(states))


def _named(p: Participant) -> bool:
    """A participant that names someone: a person, organisation or place, a crowd (معترضان), or a title tied to a
    holder or country."""
    if p.label == "ROLE":  # «وزیر خارجه ایران», «دبیرکل سازمان ملل» name someone; «وزیر» alone does not
        return bool(p.country or p.affiliation)
    return p.label in ("PER", "ORG", "LOC", "GROUP")


def _after_cue(doc: Doc, start: int, cues: dict[str, tuple[tuple[str, ...], ...]], gaps: tuple[int, ...] = (0, 1)) -> bool:
    """Does one of ``cues`` end right before token ``start``, or ``gaps`` words (an adjective) before it?"""
    keys = [key(t.norm_) for t in doc[max(0, start - 6): start]]
    return any(_phrase_at(keys, j, cues) == len(keys) - gap - j for gap in gaps for j in range(len(keys) - gap))


def _since(date: Span) -> bool:
    """Does a date open a span up to now (از [سال ۲۰۲۱] تاکنون / تا به امروز)?"""
    doc = date.doc
    opened = date[0].norm_ == "از" or date.start > 0 and doc[date.start - 1].norm_ == "از"
    rest = [key(t.norm_) for t in doc[date.start + 1: date.end + 3]]
    return opened and any(_phrase_at(rest, j, SINCE_ENDS) for j in range(len(rest)))


def _is_past_year(date: dict | None, reference: dt.date) -> bool:
    """A date that places the event in an earlier year than the report (background)."""
    value = (date or {}).get("value") or ""
    return value[:4].isdigit() and int(value[:4]) < reference.year - 1


def _appositions(doc: Doc, in_sent) -> dict[tuple[int, int], tuple[int, int, Participant]]:  # noqa: ANN001
    """Each apposition or bracketed short name (``X، سخنگوی Y``, ``X سخنگوی Y``, ``X (یوناما)``) mapped to the
    mention it stands beside. A title after a place or a body and a comma opens a new phrase (``در استانبول، وزیر …``,
    ``به گفته وزارت X، وزیر Y …``): a title describes a person."""
    heads: dict[tuple[int, int], tuple[int, int, Participant]] = {}
    previous = None
    for s, e, p in in_sent:
        if previous is not None and (s - previous[1] == 1 and (
                doc[s - 1].norm_ == "(" or doc[s - 1].norm_ in ("،", ",") and p.role_title == p.text and previous[2].label not in ("LOC", "ORG"))
                or s == previous[1] and p.role_title == p.text and previous[2].label == "PER"):  # «X نماینده ویژه …»
            heads[(s, e)] = heads.get(previous[:2], previous)
        previous = (s, e, p)
    return heads


def _markings(doc: Doc, sent: Span, in_sent, heads) -> dict[tuple[int, int], str]:  # noqa: ANN001
    """How each participant is marked: its preposition, :data:`AGENT` for «از سوی X»/«توسط X», or "".

    An apposition is marked as the mention it stands beside, so «از سوی X، سخنگوی Y» does not make
    the title a subject.
    """
    marked: dict[tuple[int, int], str] = {}
    listed: set[tuple[int, int]] = set()  # the items marked as the list they continue
    previous: tuple[int, int] | None = None
    for n, (s, e, p) in enumerate(in_sent):
        if (s, e) in heads:
            marked[(s, e)] = marked[heads[(s, e)][:2]]
        elif previous is not None and 1 <= s - previous[1] <= 2 and doc[s - 1].norm_ == "و" and doc[previous[1]].norm_ in ("و", "،", ","):
            # «در نشست X و [Y]», «با X، نخست‌وزیر عراق، و [Y]»: the second of a pair is marked as the first
            marked[(s, e)] = marked[previous]
        elif previous is not None and marked[previous] and s - previous[1] == 1 and doc[s - 1].norm_ in ("،", ",") \
                and (previous in listed or _listed(doc, in_sent, n - 1, headless=_kind(doc, in_sent[n - 1][2]) in STATES)):
            # «در شهرهای اهواز، [شوش]، [کرمانشاه] و تهران»: the items of a list closed by «و» are marked as its first
            # (a list of states needs no plural before it: «از امریکا، [اسرائیل] و ایران می‌خواهد»)
            marked[(s, e)] = marked[previous]
            listed.add((s, e))
        elif _agent_marked(doc, s):
            marked[(s, e)] = AGENT  # «به دست X کشته شد»، «توسط مأموران X»، «از سوی نیروهای X»
        elif s >= 2 and key(doc[s - 1].norm_) in MEDIATION and doc[s - 2].norm_ == "با":
            marked[(s, e)] = MEDIATOR
        elif s >= 2 and key(doc[s - 1].norm_) in BENEFICIARIES and doc[s - 2].norm_ in ("برای", "به"):
            marked[(s, e)] = doc[s - 2].norm_  # «برای [زلزله‌زدگان] هرات کمک فرستادند»: aid for Herat
        elif (b := _beneficiary_before(doc, s)) is not None:
            # «برای آسیب‌دیدگان سیل در [استان X]»، «میان خانواده‌های بی‌جاشده در [X]»: aid for the place they are in
            marked[(s, e)] = "برای" if doc[b - 1].norm_ == "میان" else doc[b - 1].norm_
        elif s >= 2 and doc[s - 1].norm_ == "از" and key(doc[s - 2].norm_) in DELEGATIONS:
            # the delegation's origin stands for it, marked as the delegation is: «هیأتی از X سفر کرد»
            # (a subject), «با هیأتی از X دیدار کرد» (with)
            marked[(s, e)] = _governing_preposition(doc, s - 2, sent.start)
        elif s >= 3 and key(doc[s - 1].norm_) in _agent_nouns() and doc[s - 2].norm_ == "از" \
                and (key(doc[s - 3].norm_) in DELEGATIONS or key(doc[s - 3].norm_) in COUNTED):
            marked[(s, e)] = _governing_preposition(doc, s - 3, sent.start)  # «هیئتی از [ناظران] X»، «۳۰ نفر از [اعضای] X»
        elif (naming := _named_after(doc, s, sent.start)) is not None:
            marked[(s, e)] = _governing_preposition(doc, naming, sent.start)  # «گروهی موسوم به [X]» is marked as the group
        elif s >= 2 and doc[s - 1].norm_ == "و" and doc[s - 2].ent_type_ and not (previous is not None and previous[1] == s - 1):
            # «در [تورخم] و [X]»: the second of a pair whose first is no participant (a crossing, a river) is marked as it
            first = s - 2
            while first > sent.start and doc[first].ent_iob_ == "I":
                first -= 1
            marked[(s, e)] = _governing_preposition(doc, first, sent.start)
        else:
            marked[(s, e)] = _governing_preposition(doc, s, sent.start)
        previous = (s, e)
    return marked


def _listed(doc: Doc, in_sent, n: int, headless: bool = False) -> bool:  # noqa: ANN001
    """Does the mention ``in_sent[n]``, after a plural that announces a list (or, ``headless``, after anything),
    open one of mentions of its own label and kind, each after a comma and the last after «و» (در شهرهای X، Y، Z و W;
    not «به گزارش … از [کابل]، ازبکستان، افغانستان و پاکستان …»: a city is no country)?"""
    first = in_sent[n][0]
    # (the plural may stand before «از جمله»، «مانند»: در شهرهایی از جمله X، Y و Z)
    intro = next((w for w in (2, 1) if first - w >= 1
                  and tuple(key(t.norm_) for t in doc[first - w: first]) in LIST_INTROS), 0)
    head = first - intro - 1
    if not headless and (head < 0 or key(doc[head].norm_) not in LIST_HEADS):
        return False
    label, kind = in_sent[n][2].label, _kind(doc, in_sent[n][2])
    for (_, end, _), (s, _, p) in zip(in_sent[n:], in_sent[n + 1:]):
        if p.label != label or _kind(doc, p) != kind or not _joined(doc, end, s):
            return False
        if any(t.norm_ == "و" for t in doc[end:s]):
            return True
    return False


def _beneficiary_before(doc: Doc, start: int) -> int | None:
    """Where a beneficiary word stands that a place at ``start`` belongs to through «در», with one word between
    or none («برای [آسیب‌دیدگان] سیل در X»، «به [زلزله‌زدگان] در X»، «میان [خانواده‌های] بی‌جاشده در X»), after «برای»,
    «به» or «میان»; None when none does."""
    if start < 3 or doc[start - 1].norm_ != "در":
        return None
    for b in (start - 2, start - 3):
        if b >= 1 and key(doc[b].norm_) in BENEFICIARIES and doc[b - 1].norm_ in ("برای", "به", "میان") and _is_word(doc[start - 2]):
            return b
    return None


def _in_exchange(doc: Doc, start: int) -> bool:
    """Is the event noun at ``start`` the price of a deal: after «در برابر/ازای/قبال/مقابل», at the head of the list
    or further on in it (در برابر پایان جنگ، عقب‌نشینی X و آزادی …), with no verb or clause break between?"""
    for j in range(start - 1, max(0, start - 16), -1):
        word = doc[j].norm_
        if word in (".", "؛", ":") or word in CLAUSE_BREAKS or key(word) in _verbish():
            return False
        if word == "در" and j + 1 < start and key(doc[j + 1].norm_) in EXCHANGE_WORDS:
            # «در مقابل، X …» is "in turn", no price; «در برابر [شرکت X] دست به اعتراض زدند» is "in front of": a price
            # opens with an act (در برابر آتش‌بس، در برابر پایان جنگ)
            head = key(doc[j + 2].norm_)
            return doc[j + 2].norm_ not in ("،", ",") and (head in _trigger_words() or head in ACT_STEPS)
    return False


def _named_after(doc: Doc, start: int, floor: int) -> int | None:
    """Where a naming phrase before the mention at ``start`` begins («گروه تروریستی [موسوم به] «X»»، «شرکتی [به نام]
    X»): the mention is the name of the noun before it; None when there is none."""
    end = start - (start > floor and doc[start - 1].norm_ == "«")
    first = max(floor, end - 3)
    keys = [key(t.norm_) for t in doc[first: end]]
    return next((first + j for j in range(len(keys) - 1) if _phrase_at(keys, j, NAMING) == len(keys) - j), None)


def _agent_marked(doc: Doc, start: int) -> bool:
    """Is the mention at ``start`` a passive's agent: after «توسط», «از سوی/طرف/جانب», «به دست» or «به/با دستور، فرمان», perhaps
    through the people it acts by (توسط [مأموران] X، از سوی [نیروهای] X، به دست [نیروهای] X)?"""
    j = start - 1
    if j >= 2 and doc[j].norm_ in _honorifics():
        j -= 1  # «به فرمان [ملا] X»
    while j >= 2 and doc[j].norm_.endswith("ی") and (key(doc[j - 1].norm_) in SIDE_NOUNS or doc[j - 1].norm_ in AGENT_PEOPLE):
        j -= 1  # «از سوی نیروهای [امنیتی] X»، «به دست نیروهای [دریایی] X»: the people's adjective
    if j >= 1 and (key(doc[j].norm_) in SIDE_NOUNS or doc[j].norm_ in AGENT_PEOPLE):
        j -= 1
    if j < 1:
        return False
    word = doc[j].norm_
    return word == "توسط" or word in AGENT_NOUNS and doc[j - 1].norm_ == "از" \
        or (word == "دست" or key(word) in ORDER_NOUNS) and doc[j - 1].norm_ == "به" \
        or key(word) in ORDER_NOUNS and doc[j - 1].norm_ == "با"  # «با دستور دادستانی X آزاد شدند»: by its order


def _is_word(token) -> bool:  # noqa: ANN001
    """Letters only, a ZWNJ inside allowed (شرکت‌های is a word; spaCy's is_alpha says no), and so is the space of a
    compound the tokenizer joined («سه جانبه» is one token, normalised «سه‌جانبه»)."""
    return token.is_alpha or token.text.replace("\u200c", "").replace(" ", "").isalpha()


def _governing_preposition(doc: Doc, start: int, floor: int) -> str:
    """The preposition that governs a mention: right before it, or before one or two nouns (از مواضع X,
    علیه شرکت‌های کشتیرانی X); a noun for the people acting for X and an ordinal do not count
    (در [یازدهمین] اجلاس [سران] X، بر [یک] پاسگاه [نیروهای] امنیتی X)."""
    i, nouns = start, 0
    while nouns < 3:
        i -= 1
        if i < floor:
            return ""
        if doc[i].norm_ in ("«", "»"):
            continue  # «از نقش «مؤثر» [X]»، «به «[X]»»: quotes around a word or a name are part of the phrase
        free = key(doc[i].norm_) in _agent_nouns() or doc[i].norm_ == "یک" or ORDINAL.match(key(doc[i].norm_)) is not None
        nouns += not free
        word = doc[i].norm_
        if word == "از" and i > floor and doc[i - 1].norm_ in COMPARATIVES:
            return ""  # «بیش از سه میلیون زائر»: a quantity, no preposition
        if word in DEMONSTRATIVES and i > floor and doc[i - 1].norm_ == "از" and i - 1 > floor \
                and key(doc[i - 2].norm_) in TIME_NOUNS:
            return ""  # «پیش از این [X] …»: "before this", a phrase closed before the mention
        if word in PREPOSITIONS:
            # «در همین حال [X] …»: a linking phrase closed before the mention governs nothing
            n = _phrase_at([key(t.norm_) for t in doc[i: start]], 0, LINKERS)
            if n and i + n == start or _place_only(doc, i + 1, start) and doc[start].ent_type_ in ("PER", "ORG"):
                return ""  # (nor does one closed on a place: «در مسکو [X] …»)
            return word
        if not _is_word(doc[i]) or word in ("و", "را") or word in SUBORDINATORS:
            return ""  # «پس از آنکه [X] …»: a conjunction opens a clause whose subject X is
        if (word in Lexicons.load().speech_verbs or key(word) in _verbish()) \
                and not (i > floor and doc[i - 1].norm_ in PREPOSITIONS):
            return ""  # «به خبرنگاران گفت [کشورش] …»: a verb closes the phrase a preposition opened («به گفته [X]» is a noun)
    return ""


def _place_only(doc: Doc, start: int, end: int) -> bool:
    """Whether doc[start:end] is one place name, «نیز» after it or not: «در مسکو (نیز) [X] …» closes its phrase
    on the place, so a person or body X after it is no noun the preposition governs (a title before X, «با
    وزیر خارجه ایران [X]», still is, and a place after a place is its genitive: «در استان دهوک [اقلیم کردستان]»)."""
    if end > start and doc[end - 1].norm_ == "نیز":
        end -= 1
    return start < end and doc[start].ent_iob_ == "B" and doc[start].ent_type_ == "LOC" \
        and all(doc[j].ent_iob_ == "I" for j in range(start + 1, end)) \
        and (end == len(doc) or doc[end].ent_iob_ != "I")


def _after_phrase_positions(norms: list[str], phrase: tuple[str, ...], reach: int) -> set[int]:
    """Token indices within ``reach`` tokens after ``phrase`` (با حضور هیأت بلندپایه [X]), found in one pass
    over the doc's token norms."""
    out: set[int] = set()
    n = len(phrase)
    for i in range(len(norms) - n + 1):
        if norms[i] == phrase[0] and all(norms[i + k] == phrase[k] for k in range(1, n)):
            out.update(range(i + n, min(len(norms), i + n + reach)))
    return out


def _possessors(doc: Doc, in_sent, start: int, end: int,  # noqa: ANN001
                ends: dict[tuple[int, int], int] | None = None) -> list[tuple[int, int, Participant]]:
    """The possessors of an event noun ending at ``start``: the participant right after it, past its
    adjectives and a noun for the people acting for it, and those joined to it (نشست [ایران] و [عراق], حملات
    پهپادی [روسیه], دیدار مقامات [ایران] و [عراق]; past appositions with ``ends``); none if none is there."""
    owner = _after_adjectives(doc, start, end)
    dated = owner < end and doc[owner].ent_type_ == "DATE" and doc[owner].ent_iob_ == "B"
    if dated:  # «سفر [هفته آینده] X به Y»، «سفر [مردادماه] X»: a date between the event noun and its possessor
        owner += 1
        while owner < end and doc[owner].ent_iob_ == "I":
            owner += 1
        owner = _after_adjectives(doc, owner, end)
        if any(x[0] == owner and _kind(doc, x[2]) in ("city", "province") for x in in_sent):
            return []  # «حمله انتحاری امروز [کابل]»: a town after the date is where it happened
    if owner < end and doc[owner].norm_ in _honorifics():
        owner += 1  # «حکم بازداشت [ملا] X»: an honorific before the name
    if owner < end and key(doc[owner].norm_) in _agent_nouns() and not any(x[0] == owner for x in in_sent):
        # «نشست فنی [نمایندگان] افغانستان و ترکمنستان»; «وزیران خارجه ایران» is a mention of its own
        owner = _after_adjectives(doc, owner + 1, end)
    if owner < end and not any(x[0] == owner for x in in_sent):
        # «حمله گروه تروریستی موسوم به «[X]»»: the body is named after the noun that says what it is
        i = _after_adjectives(doc, owner + 1, end)
        n = _phrase_at([key(t.norm_) for t in doc[i: min(end, i + 3)]], 0, NAMING) if i < end else 0
        if n:
            owner = i + n + (i + n < end and doc[i + n].norm_ == "«")
    after = [x for x in in_sent if x[0] >= owner]
    return _chain(doc, after, ends) if after and after[0][0] == owner else []


def _length_at(doc: Doc, i: int, end: int) -> int:
    """Tokens of an adjective of length at ``i`` (دو روزه، سه‌روزه، ۲ ساعته), or 0: a count and a unit."""
    word = key(doc[i].norm_)
    unit = next((u for u in DURATION_UNITS if word.endswith(u)), None)
    if unit is not None and _is_count(word[: -len(unit)]):
        return 1
    if _is_count(word) and i + 1 < end and key(doc[i + 1].norm_) in DURATION_UNITS:
        return 2
    return 0


def _is_count(word: str) -> bool:
    """A count word or a number in figures (دو، چند، ۲): what a unit of time or length follows."""
    return word in COUNT_WORDS or word.isdigit()


def _after_adjectives(doc: Doc, start: int, end: int, most: int = 2) -> int:
    """The token after up to ``most`` adjectives from ``start`` — relational ones (‑ی: هوایی، پهپادی، هسته‌ای) and
    those listed as event_adjective (غیرمستقیم، مشترک): where an event noun's possessor stands in «حملات پهپادی
    روسیه», «مذاکرات غیرمستقیم تهران و واشنگتن»."""
    function_words = Lexicons.load().function_words
    i = start
    while i < min(end, start + most) and (length := _length_at(doc, i, end)):
        i += length  # «نشست [دو روزه] سران X»: a length, in one word or two
    while i < min(end, start + most) and _is_word(doc[i]) and not doc[i].ent_type_ and (
            key(doc[i].norm_) in EVENT_ADJECTIVES
            or doc[i].norm_.endswith("ی") and not key(doc[i].norm_).endswith("های")
            and doc[i].norm_ not in PREPOSITIONS and doc[i].norm_ not in function_words):
        i += 1  # a plural with its ezafe (پاسگاه‌های) is a noun, whose own possessor follows
    return i


def _in_ezafe(doc: Doc, start: int, participant: Participant | None = None) -> bool:
    """Is the mention the genitive of a noun before it (سیاست [دوشنبه], دفتر رسانه‌ای [والی طالبان])?

    Not after an honorific (آقای [متقی]), a title (وزیر خارجه X [Y]) nor after a noun for people acting for it
    (سران [اتحادیه اروپا]).
    """
    if start == 0:
        return False
    before = doc[start - 1]
    if before.norm_ == "»":  # «… را «نقض آشکار حریم هوایی» [این کشور] خواند»: the genitive of a short quoted phrase
        opening = next((j for j in range(start - 2, max(-1, start - 9), -1) if not _is_word(doc[j])), None)
        return opening is not None and opening < start - 2 and doc[opening].norm_ == "«"
    if before.norm_ in _honorifics() or key(before.norm_) in _agent_nouns():
        return False
    if any(_phrase_at([key(t.norm_) for t in doc[start - n: start]], 0, LINKERS) == n for n in (2, 3) if start >= n):
        return False  # «در همین روز [X] …»: a linking phrase ends before the mention, the clause's subject
    if before.ent_type_ == "ROLE" and participant is not None and participant.label == "PER":
        return False  # «وزیر امور خارجه ازبکستان [بختیار سعیدوف]»: a name after its title is the title's holder
    if before.ent_type_ == "LOC" and participant is not None and participant.label in ("PER", "ORG"):
        opens = next((j for j in range(start - 1, -1, -1) if doc[j].ent_iob_ == "B"), 0)
        if opens > 0 and doc[opens - 1].norm_ in PREPOSITIONS and _place_only(doc, opens, start):
            return False  # «در مسکو [X] …»: a place closes its prepositional phrase
    # «نیروهای مرزی [امارت اسلامی]», «مقامات ارشد [طالبان]»: the people acting for it, described
    j = start - 1
    while j > max(0, start - 3) and not doc[j].ent_type_ and key(doc[j].norm_) not in _agent_nouns() \
            and (doc[j].norm_.endswith("ی") or key(doc[j].norm_) in EVENT_ADJECTIVES):
        j -= 1
    if j < start - 1 and key(doc[j].norm_) in _agent_nouns():
        return False
    lexicons = Lexicons.load()
    if before.norm_ in lexicons.function_words or before.norm_ in lexicons.speech_verbs or before.norm_ in REPORT_VERBS:
        return False  # «که او …», «اما طالبان …», «منابع می‌گویند [X] …»: a conjunction, pronoun or verb governs no genitive
    if participant is not None and participant.label == "ORG" \
            and any(h.label == "ORG" and len(h.words) == 1 for h in lexicons.head_words(before.norm_)):
        return False  # «گروه [داعش]»، «جنبش [حماس]»: the kind of body it is, not a noun it belongs to
    return _is_word(before) and before.norm_ not in PREPOSITIONS and before.norm_ not in ("و", "،") and \
        key(before.norm_) not in _verbish() and len(before.norm_) > 1 and not before.norm_.endswith("ها")


@cache
def _honorifics() -> frozenset[str]:
    return frozenset(Lexicons.load().honorifics)


@cache
def _agent_nouns() -> frozenset[str]:
    return frozenset(key(w) for w in word_list("rules", "agent_nouns.tsv"))


@cache
def _verbish() -> frozenset[str]:
    return _light_verb_forms()["any"]


def _dedupe_spans(items: list[tuple[int, int, Participant]]) -> list[tuple[int, int, Participant]]:
    """Participants in order, each span once."""
    seen: set[tuple[int, int]] = set()
    out = []
    for item in items:
        if item[:2] not in seen:
            seen.add(item[:2])
            out.append(item)
    return out


def _named_sides(kept: list[Participant], told: list[Participant]) -> None:
    """«دیدار وزیر خارجه ایران با همتای ترکمن» … «عراقچی … با رشید مرادوف … دیدار کرد»: a side a merged act kept
    under a title takes the name another mention of the act gives the same person (a word of the name written, not a
    pronoun that stands for him)."""
    names = {p.identity: p for p in told if p.label == "PER" and p.text != p.role_title  # a name, not «وی»:
             and {key(w) for w in p.text.split()} & {key(w) for w in (p.canonical_name or "").split()}}
    for k, p in enumerate(kept):
        if p.text == p.role_title and p.identity in names:
            kept[k] = names[p.identity]


def _dedupe(items: list[Participant]) -> list[Participant]:
    out, seen = [], set()
    for p in items:
        if p.identity not in seen:
            seen.add(p.identity)
            out.append(p)
    return out


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("persian-news-nlp")
    except PackageNotFoundError:
        return "unknown"


def _modes(event: Event) -> list[str]:
    """The trigger's PLOVER modes, and ``third-party`` for a meeting held in a country neither side is from
    (talks between Afghanistan and Pakistan in Turkey)."""
    modes = list(event.rule.mode)
    place = event.location.country if event.location else None
    sides = {p.country for p in event.actor + event.recipient}
    if event.rule.type == "CONSULT" and place and sides and None not in sides and place not in sides \
            and "visit" not in modes and "third-party" not in modes:
        modes.append("third-party")
    return modes


def event_record(event: Event, number: int) -> dict:
    """The JSON record of an event (``records.md``)."""
    return {
        "id": f"E{number}",
        "event_type": event.type,
        "mode": _modes(event),
        "context": list(event.rule.context),
        "cameo": event.rule.cameo,
        "trigger": {"text": event.trigger.text, "start": event.trigger.start_char, "end": event.trigger.end_char},
        "actor": [p.record() for p in event.actor],
        "recipient": [p.record() for p in event.recipient],
        "arguments": event.arguments,
        "location": event.location.record() if event.location else None,
        "date": event.date,
        "modality": event.modality,
        "attribution": event.attribution,
        "sentence_ids": sorted(event.sentence_ids),
        "boilerplate": event.boilerplate,
        "confidence": event.confidence,
        "provenance": {"rule_ids": event.dictionary, "dictionary_entries": sorted({p.entity_id for p in event.actor + event.recipient if p.entity_id}),
                       "version": _version()},
    }


@Language.factory("pnn_events", assigns=["doc._.events"], requires=["doc.ents", "doc._.relations"],
                  default_config={"triggers": []})
def make_event_extractor(nlp: Language, name: str, triggers: list[str]) -> EventExtractor:
    """PLOVER event records from triggers, participants, relations and coreference.

    ``triggers``: user trigger tables added to the shipped one (also ``PNN_EVENT_TRIGGERS``).
    """
    return EventExtractor(nlp, name, user_tables=triggers)
