"""Stage 4a: relations between entity mentions, and coreference chains.

Relations (``HAS_ROLE``, ``AFFILIATED_WITH``, ``LOCATED_IN``, ``HEAD_OF``, ``MEMBER_OF``) come from

* apposition and adjacency: ``X، وزیر Y`` / ``وزیر Y X`` / ``X وزیر Y`` (``apposition``),
* the affiliation nested in a role span: ``وزیر اطلاعات [تاجیکستان]`` (``role_affiliation``),
* ``در`` after a role or organisation: ``والی طالبان در [بلخ]`` (``located_in``),
* gazetteer knowledge: the roles a person holds on the document's date, and the parent of a place.

Coreference clusters join a person's mentions (full name, short name or surname), role mentions
that name the same post as a person's ``HAS_ROLE`` (``وزیر اطلاعات تاجیکستان`` → ستاراویچ), and
pronouns ``او``/``وی``/``ایشان`` to the most salient person before them. Results live on the Doc:
``doc._.mentions``, ``doc._.relations``, ``doc._.clusters``.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import Entry, default_gazetteer, doc_gazetteer, key, plural_base
from .ner import FAMILY_PARTICLES, Lexicons
from .resources import model_path, read_tsv, word_lists

_WORDS = word_lists("rules", "coreference_words.tsv")  # closed word lists, documented in the table
PRONOUNS = frozenset(_WORDS["pronoun"])
PLURAL_PRONOUNS = frozenset(_WORDS["plural_pronoun"])
GOVERNING = frozenset(_WORDS["governing"])  # a mention after one of these is no subject
PASSIVE_FRAMES = frozenset(_WORDS["passive_frame"])  # «مورد استقبال X قرار گرفت»: X is no subject
QUANTIFIERS = frozenset(_WORDS["quantifier"])  # a title after one of these (or a number) names no one
GROUP_NOUNS = frozenset(_WORDS["group_noun"])  # مقامات ارشد X از جمله …: the members listed belong to it
DEMONSTRATIVES = frozenset(_WORDS["demonstrative"])
UNLOCATED_KINDS = frozenset(_WORDS["unlocated_kind"])  # «طالبان در ننگرهار» acts there, is not seated there
IRAN_WORDS = frozenset(_WORDS["iran_word"])  # «وزیر امور خارجه کشورمان»: Iranian outlets' «our country»
IRAN = "loc:irn"  # the gazetteer entry those words name
STATES = frozenset(_WORDS["state_kind"])  # place kinds that act as a state (what «آنها» may stand for, who expels)

for _name in ("mentions", "relations", "clusters"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@dataclass
class Mention:
    """An entity mention (from ``doc.ents`` or nested in one), with a stable id and its cluster."""

    id: str
    span: Span
    nested_in: str | None = None
    cluster: str | None = None
    label: str = field(init=False)
    entry_id: str | None = field(init=False)  # read once: span extensions are slow to read in bulk

    def __post_init__(self) -> None:
        self.label = self.span.label_
        self.entry_id = self.span._.entity_id


@dataclass(frozen=True)
class Relation:
    id: str
    type: str
    head: str
    tail: str
    sentence: int | None
    rule: str


@dataclass
class Cluster:
    id: str
    mentions: list[str] = field(default_factory=list)       # mention ids
    pronouns: list[Span] = field(default_factory=list)      # pronoun spans that refer to it
    entity_id: str | None = None


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token."""
    index, number = [0] * len(doc), -1
    for sent in doc.sents:
        number += 1
        for i in range(sent.start, sent.end):
            index[i] = number
    return index


@cache
def anaphors() -> dict[str, list[tuple[str, frozenset[str] | None]]]:
    """``models/rules/anaphors.tsv``: noun key -> (label, kinds or None for any) of what «این <noun>» refers to."""
    out: dict[str, list[tuple[str, frozenset[str] | None]]] = {}
    for r in read_tsv(model_path("rules", "anaphors.tsv"), ("noun", "label", "kinds")):
        kinds = None if r["kinds"] == "*" else frozenset(r["kinds"].split(","))
        out.setdefault(key(r["noun"]), []).append((r["label"], kinds))
    return out


#: anaphors.tsv kind of an antecedent whose name opens with the noun (این کمیته: the last «کمیته …» named)
NAMED = "named"


def _named_by(m: Mention, noun: str) -> bool:
    """Does the mention's name open with the noun (کمیته دولتی امنیت ملی … for «این کمیته»)?"""
    first = key(m.span[0].norm_) if len(m.span) else ""
    return noun in (first, plural_base(first), first.removesuffix("ی") if noun.endswith(("ا", "و")) else None)  # شورای امنیت


def _of_kind(gaz, entry: Entry | None, kinds: frozenset[str] | None) -> bool:  # noqa: ANN001
    """Is the entry of one of ``kinds`` (None: any)? A city named like its province is the province too (هرات … به
    این ولایت)."""
    if kinds is None:
        return True
    if entry is None:
        return False
    return entry.kind in kinds or "province" in kinds and gaz.named_province(entry) is not None


def antecedent_of(doc: Doc, i: int, mentions: list[Mention], reach: int = 120, nested: bool = False) -> Mention | None:
    """The mention «این/همین» + noun at token ``i`` refers to: the last fitting one before it, or None; with
    ``nested``, one inside another mention counts too (نخست‌وزیر [عراق] و وزیر خارجه این کشور)."""
    if i + 1 >= len(doc) or doc[i].norm_ not in DEMONSTRATIVES:
        return None
    noun = key(doc[i + 1].norm_)
    wanted = anaphors().get(noun)
    if not wanted:
        return None
    gaz = doc_gazetteer(doc)
    # a body named by the noun itself may be further back (این کمیته, three paragraphs after «کمیته …»)
    limit = 3 * reach if any(kinds is not None and NAMED in kinds for _, kinds in wanted) else reach
    for m in reversed(mentions):
        if m.span.end > i or m.nested_in is not None and not nested:
            continue
        far = i - m.span.end >= reach
        if i - m.span.end >= limit:
            return None
        entry = gaz.get(m.entry_id) if m.entry_id else None
        if any(m.label == label and (not far and _of_kind(gaz, entry, kinds) or kinds is not None and NAMED in kinds
                                     and _named_by(m, noun)) for label, kinds in wanted):
            return m
    return None


def _apposed(gap: Span) -> bool:
    """Only a comma and quotation marks between two mentions (« یوهان نمونه »، سفیر آلمان)."""
    return all(t.norm_ in ("،", ",", "«", "»", '"', "“", "”") or t.is_space and "\n" not in t.text for t in gap) and \
        sum(t.norm_ in ("،", ",") for t in gap) <= 1 and len(gap) <= 3  # a line break ends a headline


def _entry(span: Span) -> Entry | None:
    """The gazetteer entry a mention was linked to, if any."""
    return doc_gazetteer(span.doc).get(span._.entity_id) if span._.entity_id else None


def _subject_like(norms: list[str], i: int) -> bool:
    """Whether a mention at token ``i`` may be its clause's subject: not governed by a preposition, nor the agent of
    a passive frame («مورد استقبال [X] قرار گرفت»)."""
    return i == 0 or norms[i - 1] not in GOVERNING and not (i >= 2 and norms[i - 2] in PASSIVE_FRAMES)


def _entry_kind(m: Mention) -> str | None:
    """The gazetteer ``kind`` of a mention's entry (government, club, city …), if it has one."""
    entry = _entry(m.span)
    return entry.kind if entry else None


def _role_attr(role: Span, name: str) -> str | None:
    """An attribute of a role mention's gazetteer entry (``roles.jsonl``), if it has one."""
    entry = _entry(role)
    return entry.attrs.get(name) if entry else None


def _rank(role: Span) -> str:
    """``rank`` of a role mention's gazetteer entry (head, deputy, member, spokesperson …)."""
    return _role_attr(role, "rank") or "other"


def _may_head(role: Span, body: Mention) -> bool:
    """Can this title head a body of this label? A governor or mayor (``heads: LOC``) heads a place; an
    organisation after the title (``والی [طالبان]``) is only the holder's affiliation."""
    wanted = _role_attr(role, "heads")
    return wanted is None or wanted == body.label


def _held_body(inner: Iterable[Mention]) -> Mention | None:
    """The body a title heads: the first organisation or place it holds that no other one it holds
    contains. A minister heads the ministry, not the country written inside its name
    (``وزیر [امور خارجه [پاکستان]]``); a president heads the country (``رئیس‌جمهور [ایران]``)."""
    bodies = [m for m in inner if m.label in ("ORG", "LOC")]
    outer = [m for m in bodies if not any(o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end
                                          for o in bodies)]
    return min(outer, key=lambda m: m.span.start, default=None)


class RelationExtractor:
    """The ``pnn_relations`` component."""

    def __init__(self, nlp: Language, name: str = "pnn_relations") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        mentions = self._mentions(doc)
        sent_of = sentence_index(doc) if len(doc) else []
        relations: list[Relation] = []
        found: set[tuple[str, str, str]] = set()  # (type, head, tail) of the relations so far: each is told once

        def add(rel_type: str, head: Mention, tail: Mention, rule: str) -> None:
            if head.id == tail.id or (rel_type, head.id, tail.id) in found:
                return
            found.add((rel_type, head.id, tail.id))
            relations.append(Relation(f"R{len(relations)}", rel_type, head.id, tail.id, sent_of[head.span.start], rule))

        top = [m for m in mentions if m.nested_in is None]
        by_id = {m.id: m for m in mentions}
        nested: dict[str, list[Mention]] = {}  # the mentions inside each top-level one, in order
        for m in mentions:
            if m.nested_in is not None:
                nested.setdefault(m.nested_in, []).append(m)
        for k, m in enumerate(top):
            if m.label == "ROLE":
                person = self._person_for_role(doc, top, k)
                held = _held_body(nested.get(m.id, ()))
                for inner in nested.get(m.id, ()):
                    if inner.label in ("ORG", "LOC"):
                        add("AFFILIATED_WITH", m, inner, "role_affiliation")
                        if person is not None:
                            add("AFFILIATED_WITH", person, inner, "role_affiliation")
                            rank = _rank(m.span)
                            if rank == "head" and inner is held and _may_head(m.span, inner):
                                add("HEAD_OF", person, inner, "role_rank")
                            elif rank == "member" and inner.label == "ORG":
                                add("MEMBER_OF", person, inner, "role_rank")
                if person is not None:
                    add("HAS_ROLE", person, m, "apposition")
                located = self._after_dar(doc, top, k)
                if located is not None:
                    add("AFFILIATED_WITH", m, located, "located_in")
                    if person is not None:
                        add("AFFILIATED_WITH", person, located, "located_in")
            elif m.label == "ORG" and _entry_kind(m) not in UNLOCATED_KINDS:
                located = self._after_dar(doc, top, k)
                if located is not None:
                    add("LOCATED_IN", m, located, "located_in")
        norms = [t.norm_ for t in doc]  # read once: every rule below scans the words
        self._group_members(doc, norms, top, sent_of, add)
        self._gazetteer_relations(doc, mentions, relations, add)
        clusters = self._clusters(doc, norms, mentions, relations, by_id, sent_of)
        doc._.mentions = mentions
        doc._.relations = relations
        doc._.clusters = clusters
        return doc

    # ------------------------------------------------------------------
    @staticmethod
    def _mentions(doc: Doc) -> list[Mention]:
        """Each entity, then the nested spans inside it (in their group's order), numbered T0, T1, …

        Entities do not overlap and come in order, so the ones that may hold a nested span are found by
        bisection: those starting at or before it, back to the first that ends before it.
        """
        ents = doc.ents
        starts = [ent.start for ent in ents]
        inside: list[list[Span]] = [[] for _ in ents]
        for span in doc.spans.get("pnn_nested", []):
            k = bisect.bisect_right(starts, span.start) - 1
            while k >= 0 and span.end <= ents[k].end:
                if (span.start, span.end) != (ents[k].start, ents[k].end):
                    inside[k].append(span)
                k -= 1
        out: list[Mention] = []
        for ent, spans in zip(ents, inside):
            parent = Mention(f"T{len(out)}", ent)
            out.append(parent)
            for span in spans:
                out.append(Mention(f"T{len(out)}", span, nested_in=parent.id))
        return out

    @staticmethod
    def _person_for_role(doc: Doc, top: list[Mention], k: int) -> Mention | None:
        """The person a role mention is said of: ``X، ROLE``, ``X ROLE`` or ``ROLE X``."""
        role = top[k].span
        if k > 0 and top[k - 1].label == "PER" and _apposed(doc[top[k - 1].span.end:role.start]):
            return top[k - 1]
        if k + 1 < len(top) and top[k + 1].label == "PER" and _apposed(doc[role.end:top[k + 1].span.start]):
            return top[k + 1]
        return None

    @staticmethod
    def _after_dar(doc: Doc, top: list[Mention], k: int) -> Mention | None:
        """``X در LOC``: the place right after ``در`` that follows mention ``k``."""
        span = top[k].span
        if k + 1 < len(top) and top[k + 1].label == "LOC":
            nxt = top[k + 1].span
            gap = doc[span.end:nxt.start]
            if len(gap) == 1 and gap[0].norm_ == "در":
                return top[k + 1]
        return None

    @staticmethod
    def _group_members(doc: Doc, norms: list[str], top: list[Mention], sent_of: list[int], add) -> None:  # noqa: ANN001
        """``مقامات … تاجیکستان از جمله X، Y``: people listed as members of a country's or body's group."""
        for i, word in enumerate(norms):
            if word != "از" or i + 1 >= len(norms) or norms[i + 1] != "جمله":
                continue
            group = [m for m in top if m.label in ("LOC", "ORG") and 0 < i - m.span.end + 1 <= 2
                     and any(w in GROUP_NOUNS for w in norms[max(0, m.span.start - 5): m.span.start])]
            if not group:
                continue
            for m in top:
                if m.label == "PER" and m.span.start > i and sent_of[m.span.start] == sent_of[i]:
                    add("AFFILIATED_WITH", m, group[0], "group_member")

    @staticmethod
    def _gazetteer_relations(doc: Doc, mentions: list[Mention], relations: list[Relation], add) -> None:  # noqa: ANN001
        """Knowledge: places inside places, and a person's dated role whose post the text names.

        A role mention is the person's when its title matches the role held on the reference date
        and the role's organisation or place is the mention's affiliation (والی طالبان در بلخ → وفا).
        """
        gaz = doc_gazetteer(doc)
        reference = doc.user_data.get("pnn_reference_date")
        by_entry: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.entry_id:
                by_entry.setdefault(m.entry_id, []).append(m)
        by_id = {m.id: m for m in mentions}
        affiliations: dict[str, set[str]] = {}
        posts: dict[str, set[str]] = {}  # where a title is said to serve: «… در [دمشق]»
        for r in relations:
            if r.type == "AFFILIATED_WITH" and by_id[r.tail].entry_id:
                (posts if r.rule == "located_in" else affiliations).setdefault(r.head, set()).add(by_id[r.tail].entry_id)
        for m in mentions:
            if m.nested_in is None or by_id[m.nested_in].label != "ROLE" or not m.entry_id:
                continue
            affiliations.setdefault(m.nested_in, set()).add(m.entry_id)
        for m in mentions:
            if m.label == "ROLE" and m.span.end < len(doc) and key(doc[m.span.end].norm_) in IRAN_WORDS:
                affiliations.setdefault(m.id, set()).add(IRAN)
        held_by = {r.tail: r.head for r in relations if r.type == "HAS_ROLE"}  # by apposition: «X، وزیر امور خارجه»
        role_mentions = [(r, key(r.span._.canonical_name or "") or key(r.span.text), key(r.span.text))
                         for r in mentions if r.label == "ROLE" and r.nested_in is None]
        apposed: dict[str, set[str]] = {}  # title key → who the text names beside it
        for r, title, _ in role_mentions:
            if r.id in held_by:
                apposed.setdefault(title, set()).add(by_id[held_by[r.id]].entry_id or held_by[r.id])
        seen_people: set[str] = set()
        for m in mentions:
            entry = gaz.get(m.entry_id) if m.entry_id else None
            if entry is None or (entry.type == "PER" and entry.id in seen_people):
                continue  # one person's dated roles are matched once, at the first mention
            if entry.type == "PER":
                seen_people.add(entry.id)
            if entry.type in ("LOC", "ORG") and entry.attrs.get("parent") in by_entry:
                parent = by_entry[entry.attrs["parent"]][0]
                if parent.label == "LOC" and parent.span.start != m.span.start:
                    add("LOCATED_IN", m, parent, "gazetteer:parent")
            if entry.type != "PER":
                continue
            for role in entry.roles_on(reference):
                for r in role_mentions:
                    if key(role.title) != r[1] and not r[2].startswith(key(role.title)):
                        continue
                    own, post = affiliations.get(r[0].id, set()), posts.get(r[0].id, set())
                    affiliated = own | post
                    bodies = [e for e in map(gaz.get, affiliated) if e is not None]
                    # the country the title names, else where it serves: «وزیر خارجه ترکیه در دمشق» is Turkey's
                    countries = {e.country for e in map(gaz.get, own or post) if e is not None}
                    states = {e.country for e in bodies if e.kind in ("country", "government")}
                    if role.org is not None and role.org not in affiliated and not (
                            role.country in states and key(role.title) == r[1]):
                        continue  # «وزیر خارجه ایران» names the post by its country, not its ministry: the holder still
                    if role.country and countries and role.country not in countries:
                        continue  # Turkey's foreign minister does not hold «وزیر امور خارجه ایران»
                    if r[0].id in held_by and by_id[held_by[r[0].id]].entry_id != m.entry_id:
                        continue  # «فؤاد حسین، وزیر امور خارجه»: the text names another holder beside the title
                    if not affiliated and apposed.get(r[1], set()) - {m.entry_id}:
                        continue  # «پزشکیان، رئیس‌جمهور … رئیس‌جمهور»: a bare title told of another is not this holder's
                    add("HAS_ROLE", m, r[0], "gazetteer:role")

    def _clusters(self, doc: Doc, norms: list[str], mentions: list[Mention], relations: list[Relation],
                  by_id: dict[str, Mention], sent_of: list[int]) -> list[Cluster]:
        """Chains of mentions of one person (or organisation/place), and the pronouns that refer to them."""
        parent: dict[str, str] = {m.id: m.id for m in mentions}

        def find(x: str) -> str:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb, key=lambda i: int(i[1:]))] = min(ra, rb, key=lambda i: int(i[1:]))

        first_by_entry: dict[str, str] = {}
        persons = [m for m in mentions if m.label == "PER"]
        for m in mentions:
            if m.entry_id and m.label != "ROLE" and m.label != "DATE":
                if m.entry_id in first_by_entry:
                    union(first_by_entry[m.entry_id], m.id)
                else:
                    first_by_entry[m.entry_id] = m.id
        # rule-found persons: a later one-word mention equal to an earlier name's last word
        full_names: dict[str, str] = {}  # surname key -> first multi-word mention
        for m in persons:
            words = m.span.text.split()  # «نمونه‌زاده» is one word: a ZWNJ joins the parts of a surname
            if words and key(" ".join(words)) in full_names:  # the surname alone: «نوروزی», «آل صادق»
                union(full_names[key(" ".join(words))], m.id)
            elif len(words) > 1:
                full_names.setdefault(key(words[-1]), m.id)
                if len(words) > 2 and key(words[-2]) in FAMILY_PARTICLES:  # «محمدکاظم آل صادق»: a family name of two words
                    full_names.setdefault(key(" ".join(words[-2:])), m.id)
        # roles held by a person join the person's chain, and so do later mentions of the same post
        gaz = doc_gazetteer(doc)
        affiliations: dict[str, set[str]] = {}  # the countries of a role's nested places and bodies: «وزیر خارجه [ترکیه]»
        for m in mentions:
            entry = gaz.get(m.entry_id) if m.nested_in is not None and m.entry_id else None
            if entry is not None and entry.country:
                affiliations.setdefault(m.nested_in, set()).add(entry.country)
        role_holder: dict[str, list[tuple[str, set[str], str | None]]] = {}  # title key → its holders in the text's order
        for r in relations:
            if r.type == "HAS_ROLE":
                union(r.head, r.tail)
                role = by_id[r.tail].span
                # a holder the gazetteer knows serves his own country when the title names none
                person = gaz.get(by_id[r.head].entry_id) if by_id[r.head].entry_id else None
                held = affiliations.get(r.tail, set()) or ({person.country} if person is not None and person.country else set())
                role_holder.setdefault(key(role._.canonical_name or role.text), []).append((r.head, held, by_id[r.tail].entry_id))
        for m in mentions:
            if m.label == "ROLE" and m.nested_in is None and find(m.id) == m.id:
                text_key = key(m.span.text)
                own = affiliations.get(m.id, set())
                for title, holders in role_holder.items():
                    # the same title, a longer form of it, or a short form of two words or more told after it in
                    # full («رافائل گروسی، مدیرکل آژانس بین‌المللی انرژی اتمی … مدیرکل آژانس»); not the same post
                    # of another country or body («عراقچی، وزیر امور خارجه ایران … وزیر امور خارجه ترکیه»)
                    fitting = [h for h in holders if not (own and h[1] and not own & h[1])]
                    if not fitting:
                        continue
                    # of several holders, the first named before the title, whom the report is about («پزشکیان،
                    # رئیس‌جمهور کشورمان … علی‌اف، رئیس‌جمهور این کشور … رئیس‌جمهور گفت»), else the first named after it
                    before = [h for h in fitting if by_id[h[0]].span.start < m.span.start]
                    holder, held, post = min(before or fitting, key=lambda h: by_id[h[0]].span.start)
                    later = bool(before)
                    # (or the same post named otherwise, of the holder's country: «امیرخان متقی، وزیر خارجهی این گروه
                    # … وزیر خارجهی گروه طالبان»)
                    same_post = later and post is not None and m.entry_id == post and bool(own) and own <= held
                    if text_key == title or same_post or later and (text_key.startswith(title) or len(m.span) >= 2 and title.startswith(text_key)):
                        union(holder, m.id)
                        break
        clusters: dict[str, Cluster] = {}
        sizes: dict[str, int] = {}
        for m in mentions:
            sizes[find(m.id)] = sizes.get(find(m.id), 0) + 1
        for m in mentions:
            root = find(m.id)
            if sizes[root] == 1:
                continue  # a mention alone is no chain (a pronoun may still make one below)
            cluster = clusters.setdefault(root, Cluster(f"C{len(clusters)}"))
            cluster.mentions.append(m.id)
            cluster.entity_id = cluster.entity_id or (m.entry_id if m.label in ("PER", "ORG", "LOC") else None)
        self._resolve_pronouns(doc, norms, mentions, clusters, find, sizes, sent_of)
        for root, cluster in clusters.items():
            for mid in cluster.mentions:
                by_id[mid].cluster = cluster.id
        return list(clusters.values())

    @staticmethod
    def _resolve_pronouns(doc: Doc, norms: list[str], mentions: list[Mention], clusters: dict[str, Cluster],  # noqa: ANN001
                          find, sizes: dict[str, int], sent_of: list[int]) -> None:
        """``او``/``وی``/``ایشان`` refer to the salient person before them; ``آنها`` to a body or country;
        «این گروه», «این کشور» … to the last fitting mention (:func:`antecedent_of`).

        Salient: the subject (the first mention not governed by a preposition) of the pronoun's own
        sentence before it, else of the nearest earlier sentence that names a person — «X با Y دیدار
        کرد. وی گفت» is X. A bare title that names no one (``۵ وزیر``, a lone ``وزیر``) is no antecedent.
        """
        def specific(m: Mention) -> bool:
            if m.label == "PER":
                return True
            if m.label != "ROLE" or m.nested_in is not None:
                return False
            counted = m.span.start > 0 and (doc[m.span.start - 1].like_num or norms[m.span.start - 1] in QUANTIFIERS)
            return not counted and (sizes.get(find(m.id), 1) > 1 or len(m.span) > 1)

        def attach(antecedent: Mention, span: Span) -> None:
            cluster = clusters.setdefault(find(antecedent.id), Cluster(f"C{len(clusters)}", mentions=[antecedent.id],
                                                                      entity_id=antecedent.entry_id))
            cluster.pronouns.append(span)

        persons = [m for m in mentions if specific(m)]
        # «آنها» stands for a body or a state, not a town or a river («… در حومه شهر [پیشاور] … آنها قصد داشتند»)
        groups = [m for m in mentions if m.nested_in is None and (m.label == "ORG" or m.label == "LOC" and _entry_kind(m) in STATES)]
        ends = {id(pool): [m.span.end for m in pool] for pool in (persons, groups)}
        ordered = sorted((m for m in mentions if m.nested_in is None), key=lambda m: m.span.start)
        starts = [m.span.start for m in ordered]
        opens_name = set(starts)
        mention_ends = {m.span.end for m in ordered}
        verbs = Lexicons.load().verbs
        for i, word in enumerate(norms):
            if word not in PRONOUNS and word not in PLURAL_PRONOUNS:
                continue
            pool = persons if word in PRONOUNS else groups  # «آنها» stands for a body or a country
            k = bisect.bisect_right(ends[id(pool)], i) - 1
            if k < 0 or i - pool[k].span.end >= 120:
                continue
            antecedent = pool[k]
            if pool is persons:
                sentence = sent_of[antecedent.span.start]
                first = k
                while first > 0 and sent_of[pool[first - 1].span.start] == sentence:
                    first -= 1
                subjects = [m for m in pool[first: k + 1] if _subject_like(norms, m.span.start)]
                antecedent = subjects[0] if subjects else antecedent
                if i > 0 and norms[i - 1] in GOVERNING and sentence == sent_of[i]:
                    # «X … پیامی به Y … را به وی تبریک گفت»: a pronoun after a preposition is not its clause's subject
                    # (that would be «خود»): the last person before it neither governed nor in apposition, or opening a
                    # clause after a verb and «و» («X وارد شد و Y … از او استقبال کردند»); it is the last other person
                    own = [m for m in pool[first: k + 1]
                           if m.span.start == 0 or _subject_like(norms, m.span.start)
                           and not (norms[m.span.start - 1] == "،" and m.span.start - 1 in mention_ends)
                           and m.span.start not in mention_ends  # «علی‌اف رئیس‌جمهور …»: a title beside its holder
                           or norms[m.span.start - 1] == "و" and m.span.start >= 2 and key(norms[m.span.start - 2]) in verbs]
                    subject = own[-1] if own else antecedent
                    antecedent = next((m for m in reversed(pool[first: k + 1]) if find(m.id) != find(subject.id)), antecedent)
            attach(antecedent, doc[i: i + 1])
        # «نیروی هوایی [اسرائیل] اعلام کرد جنگنده‌های این کشور …»: a country named inside a body's name is one «این کشور» may be
        # (not inside a title: «همتای [تاجیک] خود» is a person's country, told for the person)
        labels = {m.id: m.label for m in mentions}
        every = sorted((m for m in mentions if m.nested_in is None or labels.get(m.nested_in) == "ORG"), key=lambda m: m.span.start)
        every_starts = [m.span.start for m in every]
        for i, word in enumerate(norms):  # «این گروه», «این کشور» (not «این» opening a name)
            if word in DEMONSTRATIVES and i not in opens_name:
                antecedent = antecedent_of(doc, i, every[: bisect.bisect_left(every_starts, i)], nested=True)
                if antecedent is not None:
                    attach(antecedent, doc[i: i + 2])


@Language.factory("pnn_relations", assigns=["doc._.relations", "doc._.clusters", "doc._.mentions"], requires=["doc.ents"])
def make_relation_extractor(nlp: Language, name: str) -> RelationExtractor:
    """Relations and coreference over the entities of ``pnn_ner``."""
    return RelationExtractor(nlp, name)


__all__ = ["Cluster", "Entry", "Mention", "Relation", "RelationExtractor"]
