"""Gazetteer tooling for researchers (``persian-news-nlp gazetteer …``): validate, stats, lookup, add, induce, suggest.

Each command is a thin shell over a public function of this module:

* :func:`validate` checks gazetteer files and returns a :class:`Report` of ``file:line`` issues
  (errors, warnings and notes; the policy is documented in ``docs/gazetteers.md``);
* :func:`stats` counts entries by type, kind, country, sector and source file;
* :func:`lookup` explains which entries a text matches, on which key, and why;
* :func:`add_entry` appends one validated entry to a user file;
* :func:`induce` turns an annotated corpus (PEYMA, Arman, CoNLL) into candidate entries;
* :func:`suggest` mines names the rules found but no gazetteer knows, from raw text.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .errors import DataFileError, Errors, check_option
from .gazetteer import (ID_PATTERN, SECTORS, TYPES, Entry, Gazetteer, common_words, expand_paths, given_name_keys,
                        key, parse_entry, shipped_files)
from .normalizer import ZWNJ
from .resources import model_path, read_tsv

KINDS = {
    "LOC": frozenset("country territory province city district village region river sea lake mountain crossing "
                     "continent island".split()),
    "ORG": frozenset("government ministry agency military police intelligence armed_group party parliament court "
                     "igo ngo media university bank company club religious".split()),
}
FIELDS = frozenset({"id", "type", "name", "aliases", "en", "attrs", "roles"})
ROLE_FIELDS = frozenset({"title", "role", "org", "country", "from", "to", "acting", "uncertain", "sector"})
SEVERITIES = ("error", "warning", "note")
# ISO 3166-3 codes of countries that no longer exist: valid for historical entries (the KGB's country
# is the Soviet Union). iso3166.tsv lists the current codes only.
FORMER_ALPHA3 = frozenset({"SUN", "YUG", "CSK", "DDR", "SCG", "YMD", "ZAR", "BUR", "TMP", "ANT"})
# Rules of pnn_ner that find a name by its shape or position, not from a gazetteer.
NAME_RULES = {
    "rules:name_shape": "title/honorific or given name + surname",
    "rules:apposition": "apposition «X، title»",
    "rules:speaker": "subject of a verb of saying",
}
ENTITY_TYPES = ("PER", "LOC", "ORG")
SUGGEST_FORMATS = ("tsv", "jsonl")


# --------------------------------------------------------------------------- shared data
@cache
def iso_alpha3() -> frozenset[str]:
    """Valid ISO 3166-1 alpha-3 codes (``lexicons/iso3166.tsv`` maps alpha-2 to alpha-3; XKX for Kosovo)."""
    path = model_path("lexicons", "iso3166.tsv")
    codes = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2 or len(cols[1].strip()) != 3:
            raise DataFileError(Errors.E002.format(path=path, line=number, problem=f"bad row {line!r}",
                                                   expected="alpha2<TAB>alpha3<TAB>kind<TAB>sovereign"))
        codes.add(cols[1].strip())
    return frozenset(codes) | FORMER_ALPHA3


@cache
def function_word_keys() -> frozenset[str]:
    """Keys of the closed-class words (``lexicons/function_words.tsv``): a name is never one of these."""
    return frozenset(key(r["word"]) for r in read_tsv(model_path("lexicons", "function_words.tsv"), ("word",)))


def _display(path: Path) -> str:
    """A path as the user would write it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


# --------------------------------------------------------------------------- validate
@dataclass(frozen=True, slots=True)
class Issue:
    """One finding of :func:`validate`, printed as ``file:line: severity: message [code]``."""

    severity: str
    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.severity}: {self.message} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        return {"severity": self.severity, "path": self.path, "line": self.line, "code": self.code,
                "message": self.message}


@dataclass
class Report:
    """The issues found in a set of files, with how many files and entries were read."""

    files: list[str] = field(default_factory=list)
    entries: int = 0
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]

    def ok(self, *, strict: bool = False) -> bool:
        """No errors (and, when ``strict``, no warnings either)."""
        return not self.errors and not (strict and self.warnings)

    def summary(self) -> str:
        notes = len(self.issues) - len(self.errors) - len(self.warnings)
        return (f"{len(self.files)} files, {self.entries} entries: {len(self.errors)} errors, "
                f"{len(self.warnings)} warnings, {notes} notes")


@dataclass(frozen=True, slots=True)
class _Record:
    """A parsed entry, where it is and the JSON it came from."""

    entry: Entry
    path: str
    line: int
    obj: dict

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


def _read_records(path: Path, issues: list[Issue]) -> list[_Record]:
    """Every parseable entry of a file; each unparseable line becomes an error and reading goes on."""
    shown = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        issues.append(Issue("error", shown, line, "encoding", f"not valid UTF-8 at byte {exc.start} ({exc.reason})"))
        return []
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            issues.append(Issue("error", shown, number, "json", f"invalid JSON ({exc.msg} at column {exc.colno})"))
            continue
        if not isinstance(obj, dict):
            issues.append(Issue("error", shown, number, "json", f"a JSON {type(obj).__name__}, expected an object"))
            continue
        try:
            entry = parse_entry(obj, shown, number)
        except DataFileError as exc:
            message = str(exc).split(f"{shown}:{number}: ", 1)[-1]
            issues.append(Issue("error", shown, number, "schema", message))
            continue
        records.append(_Record(entry, shown, number, obj))
    return records


def _date_bounds(value: str) -> tuple[str, str] | None:
    """First and last day covered by ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (None if no such date)."""
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 1:
            return f"{parts[0]:04d}-01-01", f"{parts[0]:04d}-12-31"
        if len(parts) == 2:
            first = dt.date(parts[0], parts[1], 1)
            nxt = dt.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first.isoformat(), (nxt - dt.timedelta(days=1)).isoformat()
        day = dt.date(*parts)
        return day.isoformat(), day.isoformat()
    except ValueError:
        return None


def _check_entry(rec: _Record, issues: list[Issue]) -> None:
    """Checks that need only the entry itself: fields, codes, names, role dates."""
    e, obj = rec.entry, rec.obj

    def add(severity: str, code: str, message: str) -> None:
        issues.append(Issue(severity, rec.path, rec.line, code, f"{e.id}: {message}"))

    for extra in sorted(set(obj) - FIELDS):
        add("warning", "unknown-field", f"unknown field {extra!r} (fields: {', '.join(sorted(FIELDS))}); put extra data in attrs")
    if obj.get("en") is not None and not isinstance(obj["en"], str):
        add("error", "schema", "'en' is not a string")
    if obj.get("aliases") is not None and not isinstance(obj["aliases"], list):
        add("error", "schema", "'aliases' is not a list")
    # names
    stop = function_word_keys()
    seen: dict[str, str] = {}
    for name in e.names():
        k = key(name)
        if not k:
            add("error", "empty-name", f"name «{name}» normalises to nothing")
        elif k in stop and _is_ambiguous(e):
            add("warning", "stop-word", f"name «{name}» is the function word «{k}»; flagged ambiguous, so it "
                                        "counts only in context")
        elif k in stop:
            add("error", "stop-word", f"name «{name}» normalises to the function word «{k}»; it would match "
                                      "everywhere (flag the entry ambiguous if the name must stay)")
        elif len(k) < 2:
            add("error", "short-name", f"name «{name}» has the one-character key «{k}»; the matcher ignores such keys")
        elif k in seen:
            add("note", "redundant-alias", f"alias «{name}» has the same key as «{seen[k]}»; matching ignores "
                                              "spacing, ZWNJ and letter variants, so it can go")
        seen.setdefault(k, name)
    # attrs
    attrs = e.attrs
    kind = attrs.get("kind")
    if kind is not None:
        if e.type in KINDS and kind not in KINDS[e.type]:
            add("error", "kind", f"kind {kind!r} for {e.type}; expected one of {', '.join(sorted(KINDS[e.type]))}")
        elif e.type not in KINDS:
            add("warning", "kind", f"kind {kind!r} on a {e.type} entry; kinds are for LOC and ORG")
    country = attrs.get("country")
    if country is not None and country not in iso_alpha3():
        add("error", "country", f"country {country!r} is not an ISO 3166-1 alpha-3 code (e.g. AFG, IRN, TJK)")
    sector = attrs.get("sector")
    if sector is not None and sector not in SECTORS:
        add("error", "sector", f"sector {sector!r}; expected one of {', '.join(sorted(SECTORS))}")
    for ref in ("parent", "capital"):
        value = attrs.get(ref)
        if value is not None and not (isinstance(value, str) and ID_PATTERN.match(value)):
            add("error", "reference", f"{ref} {value!r} is not an entry id like loc:af.kabul")
    if "ambiguous" in attrs and not isinstance(attrs["ambiguous"], bool):
        add("error", "schema", f"ambiguous={attrs['ambiguous']!r}; expected true or false")
    only = attrs.get("ambiguous_names")
    if only is not None:
        names = {key(n) for n in e.names()}
        if not (isinstance(only, list) and only and all(isinstance(n, str) and key(n) in names for n in only)):
            add("error", "schema", f"ambiguous_names={only!r}; expected a list of the entry's own names")
        elif attrs.get("ambiguous") is not True:
            add("error", "schema", "ambiguous_names without ambiguous: true")
    demonyms = attrs.get("demonyms")
    if demonyms is not None and not (isinstance(demonyms, list) and all(isinstance(d, str) and d.strip() for d in demonyms)):
        add("error", "schema", "demonyms is not a list of non-empty strings")
    wikidata = attrs.get("wikidata")
    if wikidata is not None and not (isinstance(wikidata, str) and wikidata[:1] == "Q" and wikidata[1:].isdigit()):
        add("error", "schema", f"wikidata {wikidata!r}; expected a QID like Q9365")
    # roles
    if e.roles and e.type != "PER":
        add("error", "roles", f"roles on a {e.type} entry; dated roles are for PER entries")
    for number, (role, raw) in enumerate(zip(e.roles, obj.get("roles") or []), start=1):
        label = f"role {number} ({role.title})"
        if isinstance(raw, dict):
            for extra in sorted(set(raw) - ROLE_FIELDS):
                add("warning", "unknown-field", f"{label}: unknown field {extra!r}")
        if role.role is not None and not (isinstance(role.role, str) and role.role.startswith("role:") and ID_PATTERN.match(role.role)):
            add("error", "reference", f"{label}: role {role.role!r} is not a role id like role:foreign_minister")
        if role.org is not None and not (isinstance(role.org, str) and ID_PATTERN.match(role.org)):
            add("error", "reference", f"{label}: org {role.org!r} is not an entry id")
        if role.country is not None and role.country not in iso_alpha3():
            add("error", "country", f"{label}: country {role.country!r} is not an ISO 3166-1 alpha-3 code")
        bounds = {}
        for which, value in (("from", role.start), ("to", role.end)):
            if value is not None:
                bounds[which] = _date_bounds(value)
                if bounds[which] is None:
                    add("error", "role-date", f"{label}: {which}={value!r} is not a calendar date")
        if bounds.get("from") and bounds.get("to") and bounds["from"][0] > bounds["to"][1]:
            add("error", "role-reversed", f"{label}: from {role.start} is after to {role.end}")
    _check_overlaps(rec, add)


def _check_overlaps(rec: _Record, add) -> None:  # noqa: ANN001
    """Two holdings of the same role at the same organisation that are valid on a common day."""
    by_post: dict[tuple, list[tuple[int, Any]]] = defaultdict(list)
    for number, role in enumerate(rec.entry.roles, start=1):
        by_post[(role.role or role.title, role.org)].append((number, role))
    for (post, org), held in by_post.items():
        for i, (n1, a) in enumerate(held):
            for n2, b in held[i + 1:]:
                span_a, span_b = _interval(a), _interval(b)
                if span_a is None or span_b is None:
                    continue
                first, second = sorted((span_a, span_b))
                if second[0] > first[1]:
                    continue  # disjoint: the later one starts after the earlier one ends
                # Certain overlap: the later one certainly starts before the earlier one certainly ends.
                certain = second[2] < first[3]
                where = f"{post}" + (f" at {org}" if org else "")
                if certain and a.title != b.title:
                    add("warning", "role-overlap", f"roles {n1} and {n2} ({where}) hold one post under two titles "
                                                   f"at once ({a.title} / {b.title}): {_fmt(a)} and {_fmt(b)}")
                elif certain:
                    add("error", "role-overlap", f"roles {n1} and {n2} ({where}) overlap: {_fmt(a)} and {_fmt(b)}")
                else:
                    add("warning", "role-overlap", f"roles {n1} and {n2} ({where}) may overlap at their coarse or "
                                                   f"shared boundary: {_fmt(a)} and {_fmt(b)}")


def _interval(role) -> tuple[str, str, str, str] | None:  # noqa: ANN001
    """(earliest start, latest end, latest start, earliest end) of a role as the loader reads it."""
    start = _date_bounds(role.start) if role.start else ("0000-01-01", "0000-01-01")
    end = _date_bounds(role.end) if role.end else ("9999-12-31", "9999-12-31")
    if start is None or end is None:
        return None
    return start[0], end[1], start[1], end[0]


def _fmt(role) -> str:  # noqa: ANN001
    return f"{role.start or '…'}–{role.end or 'now'}"


def _is_ambiguous(entry: Entry) -> bool:
    return bool(entry.attrs.get("ambiguous"))


def _contains(a: Entry, b: Entry) -> bool:
    """Is ``b`` the parent (or capital) of ``a`` or the other way round (a province and its capital)?"""
    return (a.attrs.get("parent") == b.id or b.attrs.get("parent") == a.id
            or a.attrs.get("capital") == b.id or b.attrs.get("capital") == a.id)


def _collision_severity(a: Entry, b: Entry) -> tuple[str, str]:
    """Severity and reason for two entries sharing a key (policy in ``docs/gazetteers.md``)."""
    if _is_ambiguous(a) or _is_ambiguous(b):
        return "warning", "flagged ambiguous: the matcher needs context and chooses by cues, then type and kind"
    if a.type == b.type == "LOC" and (a.kind != b.kind or _contains(a, b)):
        return "note", "places of different kinds (a province and its capital): the matcher prefers country, city, province"
    if a.type == "ROLE" or b.type == "ROLE":
        return "warning", "a role title that is also a name: the longer match wins in context"
    if a.type == b.type and (a.attrs.get("parent"), a.country) != (b.attrs.get("parent"), b.country):
        return "warning", ("homonyms in different places: the matcher takes the first by type and kind; flag one "
                           "ambiguous if it is the rarer reading")
    if a.type == b.type:
        return "error", "same type, same place: one thing entered twice? merge them, or flag one ambiguous"
    return "error", "different types and neither flagged ambiguous: flag one ambiguous (and say why) or rename"


def validate(paths: Sequence[str | os.PathLike] = (), *, shipped_context: bool = True) -> Report:
    """Check gazetteer files (the shipped ones when ``paths`` is empty).

    When ``paths`` are given and ``shipped_context`` is true, the shipped entries are the context
    for references and collisions (a user entry may point at ``loc:afg``), and overriding a shipped
    id is reported as a note.
    """
    files = expand_paths(paths) if paths else shipped_files()
    report = Report(files=[_display(f) for f in files])
    issues = report.issues
    records: list[_Record] = []
    for path in files:
        records.extend(_read_records(path, issues))
    report.entries = len(records)
    validated = {f.resolve() for f in files}
    context: list[_Record] = []
    if paths and shipped_context:
        scratch: list[Issue] = []
        for path in shipped_files():
            if path.resolve() not in validated:
                context.extend(_read_records(path, scratch))
    for rec in records:
        _check_entry(rec, issues)
    _check_ids(records, context, issues)
    effective = _effective(records, context)
    _check_references(records, effective, issues)
    _check_collisions(records, effective, issues)
    issues.sort(key=lambda i: (i.path, i.line, SEVERITIES.index(i.severity), i.code))
    return report


def _effective(records: list[_Record], context: list[_Record]) -> dict[str, _Record]:
    """Entries by id as the loader would keep them: context first, later files override earlier ones."""
    out: dict[str, _Record] = {}
    for rec in context + records:
        out[rec.entry.id] = rec
    return out


def _check_ids(records: list[_Record], context: list[_Record], issues: list[Issue]) -> None:
    first: dict[str, _Record] = {}
    shipped = {r.entry.id: r for r in context}
    for rec in records:
        eid = rec.entry.id
        earlier = first.get(eid)
        if earlier is not None and earlier.path == rec.path:
            issues.append(Issue("error", rec.path, rec.line, "duplicate-id",
                                f"duplicate id {eid!r} (first at {earlier.where})"))
        elif earlier is not None:
            issues.append(Issue("warning", rec.path, rec.line, "duplicate-id",
                                f"id {eid!r} also at {earlier.where}; loaded in this order, this line overrides it"))
        elif eid in shipped:
            issues.append(Issue("note", rec.path, rec.line, "override",
                                f"{eid} overrides the shipped entry at {shipped[eid].where}"))
        first.setdefault(eid, rec)


def _check_references(records: list[_Record], effective: dict[str, _Record], issues: list[Issue]) -> None:
    """Ids that entries point at (parent, capital, role, org) must exist, with a fitting type."""

    def check(rec: _Record, what: str, ref: object, types: tuple[str, ...]) -> None:
        if not isinstance(ref, str) or not ID_PATTERN.match(ref):
            return  # reported as malformed already
        target = effective.get(ref)
        if target is None:
            issues.append(Issue("warning", rec.path, rec.line, "dangling", f"{rec.entry.id}: {what} {ref!r} is not a known id"))
        elif target.entry.type not in types:
            issues.append(Issue("warning", rec.path, rec.line, "reference-type",
                                f"{rec.entry.id}: {what} {ref!r} is a {target.entry.type}; expected {'/'.join(types)}"))

    for rec in records:
        e = rec.entry
        check(rec, "parent", e.attrs.get("parent"), (e.type,) if e.type in ("LOC", "ORG") else ("LOC", "ORG"))
        check(rec, "capital", e.attrs.get("capital"), ("LOC",))
        for number, role in enumerate(e.roles, start=1):
            if role.role:
                check(rec, f"role {number} role", role.role, ("ROLE",))
            if role.org:
                check(rec, f"role {number} org", role.org, ("ORG", "LOC"))


def _check_collisions(records: list[_Record], effective: dict[str, _Record], issues: list[Issue]) -> None:
    """Names of different entries that have one key: the matcher cannot tell them apart by spelling."""
    by_key: dict[str, list[tuple[_Record, str]]] = defaultdict(list)
    for rec in effective.values():
        for name in dict.fromkeys(rec.entry.names()):
            k = key(name)
            if len(k) >= 2 and all(r.entry.id != rec.entry.id for r, _ in by_key[k]):
                by_key[k].append((rec, name))
    mine = {id(r) for r in records}
    for k, items in by_key.items():
        if len(items) < 2:
            continue
        for i, (a, name_a) in enumerate(items):
            for b, name_b in items[i + 1:]:
                if id(a) not in mine and id(b) not in mine:
                    continue
                first, second = (a, b) if id(a) in mine else (b, a)
                name_1, name_2 = (name_a, name_b) if first is a else (name_b, name_a)
                severity, why = _collision_severity(first.entry, second.entry)
                issues.append(Issue(severity, first.path, first.line, "collision",
                                    f"{first.entry.id} ({first.entry.type}) «{name_1}» and {second.entry.id} "
                                    f"({second.entry.type}, {second.where}) «{name_2}» share the key «{k}»: {why}"))


# --------------------------------------------------------------------------- stats
def stats(gazetteers: Sequence[str | os.PathLike] = (), *, shipped: bool = True, env: bool = True) -> dict[str, Any]:
    """Counts of the entries loaded (shipped, then environment, then ``gazetteers``), after overrides."""
    gaz = Gazetteer.load(gazetteers, shipped=shipped, env=env)
    entries = list(gaz.entries.values())
    count = lambda values: dict(Counter(values).most_common())  # noqa: E731
    return {
        "entries": len(entries),
        "names": sum(len(e.names()) for e in entries),
        "with_roles": sum(1 for e in entries if e.roles),
        "ambiguous": sum(1 for e in entries if _is_ambiguous(e)),
        "by_type": count(e.type for e in entries),
        "by_kind": count(f"{e.type}/{e.kind or '-'}" for e in entries),
        "by_country": count(e.country or "-" for e in entries),
        "by_sector": count(e.sector or "-" for e in entries if e.type in ("PER", "ORG", "ROLE")),
        "by_source": count(e.source for e in entries),
    }


def format_stats(data: dict[str, Any], *, top: int = 25) -> str:
    """The stats as plain-text tables (the longest ones cut to ``top`` rows)."""
    lines = [f"{data['entries']} entries, {data['names']} names and aliases, {data['with_roles']} with dated roles, "
             f"{data['ambiguous']} flagged ambiguous"]
    for section, title in (("by_type", "type"), ("by_kind", "type/kind"), ("by_country", "country"),
                           ("by_sector", "sector (PER, ORG, ROLE)"), ("by_source", "source file")):
        rows = list(data[section].items())
        lines += ["", f"{title:<32} {'entries':>8}", "-" * 41]
        lines += [f"{k:<32} {v:>8}" for k, v in rows[:top]]
        if len(rows) > top:
            lines.append(f"… {len(rows) - top} more (--json for all)")
    return "\n".join(lines)


# --------------------------------------------------------------------------- lookup
@dataclass(frozen=True, slots=True)
class Match:
    """A gazetteer entry matched by a piece of text, and why."""

    start: int
    end: int
    text: str
    key: str
    entry_id: str
    type: str
    name: str
    why: str
    weak: bool
    source: str

    def to_dict(self) -> dict[str, Any]:
        return {f: getattr(self, f) for f in self.__slots__}


def _why(gaz: Gazetteer, entry: Entry, k: str) -> tuple[str, bool]:
    """How an entry comes to have key ``k``: name, alias, short form, surname, ezafe form; and if it is weak."""
    weak_forms: dict[str, bool] = {}
    for name, is_weak in gaz._surface_forms(entry):  # the matcher's own forms; the first one of a key counts
        weak_forms.setdefault(key(name), is_weak)
    weak = weak_forms.get(k, False)
    if key(entry.name) == k:
        how = "name"
    elif any(key(a) == k for a in entry.aliases):
        how = "alias " + next(a for a in entry.aliases if key(a) == k)
    elif entry.attrs.get("short_name") and key(entry.attrs["short_name"]) == k:
        how = "short name"
    elif entry.type == "PER":
        how = "surname (last word of the name)"
    else:
        how = "ezafe form (title + ی)"
    if weak:
        reason = "flagged ambiguous" if _is_ambiguous(entry) else "a common word or given name"
        how += f"; weak ({reason}): counts only with context (a title, head word, speech verb, cue or the full name)"
    return how, weak


def lookup(text: str, *, gazetteers: Sequence[str | os.PathLike] = (), nlp=None) -> dict[str, Any]:  # noqa: ANN001
    """What the gazetteers and the NER stage make of ``text``.

    Returns the normalised text and its key, entries whose name has exactly that key, every
    gazetteer hit inside the text (normalised offsets), and the entities of the pipeline with
    the rule that made each.
    """
    from .gazetteer import default_gazetteer
    from .normalizer import normalize
    from .pipeline import load

    gaz = default_gazetteer(tuple(str(g) for g in gazetteers))
    norm = normalize(text).text
    k = key(norm)
    exact = []
    for entry in gaz.lookup(norm):
        how, weak = _why(gaz, entry, k)
        exact.append(Match(0, len(norm), norm, k, entry.id, entry.type, entry.name, how, weak, entry.source))
    hits = []
    for hit in gaz.find(norm):
        for entry in hit.entries:
            how, weak = _why(gaz, entry, hit.key)
            hits.append(Match(hit.start, hit.end, norm[hit.start:hit.end], hit.key, entry.id, entry.type, entry.name,
                              how, weak, entry.source))
    nlp = nlp or load(gazetteers=gazetteers)
    doc = nlp(text)
    entities = [{"start": e.start_char, "end": e.end_char, "text": e.text, "label": e.label_, "rule": e._.rule,
                 "entity_id": e._.entity_id, "confidence": e._.confidence} for e in doc.ents]
    return {"text": text, "normalized": norm, "key": k, "exact": [m.to_dict() for m in exact],
            "hits": [m.to_dict() for m in hits], "entities": entities}


def format_lookup(data: dict[str, Any]) -> str:
    lines = [f"text:       {data['text']}", f"normalised: {data['normalized']}", f"key:        {data['key']}", "",
             "entries whose name has this key:"]
    lines += [f"  {m['entry_id']} ({m['type']}) {m['name']} — {m['why']} [{m['source']}]" for m in data["exact"]] or ["  none"]
    lines += ["", "gazetteer hits in the text (normalised offsets):"]
    lines += [f"  {m['start']}-{m['end']} «{m['text']}» key {m['key']}: {m['entry_id']} ({m['type']}) — {m['why']}"
              for m in data["hits"]] or ["  none"]
    lines += ["", "entities found by the pipeline:"]
    lines += [f"  {e['start']}-{e['end']} «{e['text']}» {e['label']} rule={e['rule']} id={e['entity_id']} "
              f"confidence={e['confidence']}" for e in data["entities"]] or ["  none"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- add
def add_entry(file: str | os.PathLike, entry: dict[str, Any], *, shipped_context: bool = True) -> Entry:
    """Append ``entry`` to a user gazetteer file after validating it with the file (and the shipped data).

    Refuses (:class:`DataFileError`) an id already in the file or the shipped gazetteers, and any
    entry the validator reports an error for; the file is left untouched then.
    """
    import tempfile

    path = Path(file)
    line = json.dumps(entry, ensure_ascii=False)
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    shown = _display(path)
    for rec in _read_records(path, []) if path.exists() else []:
        if rec.entry.id == entry.get("id"):
            raise DataFileError(Errors.E009.format(path=shown, line=existing.count("\n") + 1, what="id",
                                                   key=entry.get("id"), first_line=rec.line))
    if shipped_context and entry.get("id") in _shipped_ids():
        raise DataFileError(Errors.E002.format(path=shown, line=existing.count("\n") + 1,
                                               problem=f"id {entry.get('id')!r} is a shipped entry",
                                               expected="a new id (to replace a shipped entry, edit a copy of its line by hand)"))
    with tempfile.TemporaryDirectory() as tmp:
        trial = Path(tmp) / path.name
        body = existing + ("" if not existing or existing.endswith("\n") else "\n")
        trial.write_text(body + line + "\n", encoding="utf-8")
        new_line = body.count("\n") + 1
        report = validate([trial], shipped_context=shipped_context)
        trial_shown = _display(trial)
    # errors on the new line, and collisions reported on an older line that name the new one
    problems = [i for i in report.errors if i.line == new_line or f"{trial_shown}:{new_line}" in i.message]
    if problems:
        raise DataFileError("; ".join(Errors.E002.format(path=shown, line=new_line,
                                                         problem=i.message.replace(trial_shown, shown),
                                                         expected="a valid entry (docs/gazetteers.md)") for i in problems))
    with path.open("a", encoding="utf-8") as handle:
        if existing and not existing.endswith("\n"):
            handle.write("\n")
        handle.write(line + "\n")
    return parse_entry(entry, shown, new_line)


@cache
def _shipped_ids() -> frozenset[str]:
    return frozenset(r.entry.id for path in shipped_files() for r in _read_records(path, []))


# --------------------------------------------------------------------------- induce
_TRANSLIT = str.maketrans({
    "ا": "a", "آ": "a", "أ": "a", "إ": "e", "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "j", "چ": "ch", "ح": "h",
    "خ": "kh", "د": "d", "ذ": "z", "ر": "r", "ز": "z", "ژ": "zh", "س": "s", "ش": "sh", "ص": "s", "ض": "z", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ک": "k", "ك": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n",
    "و": "v", "ؤ": "v", "ه": "h", "ة": "h", "ی": "y", "ي": "y", "ئ": "y", "ء": "", " ": "_", ZWNJ: "_", "-": "_",
    **{d: str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")}, **{d: str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")},
})


def slug(name: str) -> str:
    """An ASCII id slug for a Persian name: a letter-by-letter transliteration, else a hash.

    >>> slug("نمونه‌آباد")
    'nmvnh_abad'
    """
    out = "".join(ch for ch in name.translate(_TRANSLIT).lower() if ch.isascii() and (ch.isalnum() or ch in "_.-"))
    out = "_".join(filter(None, out.split("_")))
    return out or "h" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def _unique_id(entity_type: str, name: str, taken: set[str]) -> str:
    base = f"{entity_type.lower()}:user.{slug(name)}"
    candidate = base
    if candidate in taken:
        candidate = f"{base}.{hashlib.sha1(name.encode('utf-8')).hexdigest()[:6]}"
    taken.add(candidate)
    return candidate


def _bio_spans(tags: list[str]) -> Iterator[tuple[int, int, str]]:
    """Token spans ``[i, j)`` with their raw label, from BIO tags (``B_``/``B-`` and ``I_``/``I-``)."""
    i = 0
    while i < len(tags):
        tag = tags[i]
        if tag[:2] in ("B_", "B-", "I_", "I-"):
            label = tag[2:]
            j = i + 1
            while j < len(tags) and tags[j][:2] in ("I_", "I-") and tags[j][2:] == label:
                j += 1
            yield i, j, label
            i = j
        else:
            i += 1


@dataclass
class Candidate:
    """A string the corpus labels as a name: its counts and where it was first seen."""

    key: str
    surfaces: Counter = field(default_factory=Counter)
    labels: Counter = field(default_factory=Counter)
    outside: int = 0          # occurrences of the same tokens tagged O
    example: str = ""
    first_line: int = 0

    @property
    def count(self) -> int:
        return sum(self.labels.values())

    @property
    def label(self) -> str:
        return self.labels.most_common(1)[0][0]

    @property
    def purity(self) -> float:
        return self.labels[self.label] / self.count if self.count else 0.0

    @property
    def o_ratio(self) -> float:
        return self.outside / (self.count + self.outside) if self.count + self.outside else 0.0


@dataclass
class InduceResult:
    """Entries kept (in the user-gazetteer format) and the candidates dropped, with the reason."""

    entries: list[dict]
    rejected: list[tuple[Candidate, str]]
    sentences: int


def _context(tokens: list[str], i: int, j: int, width: int = 6) -> str:
    left = " ".join(tokens[max(0, i - width):i])
    right = " ".join(tokens[j:j + width])
    return f"{'… ' if i > width else ''}{left} [{' '.join(tokens[i:j])}] {right}{' …' if j + width < len(tokens) else ''}".strip()


def induce(path: str | os.PathLike, fmt: str, *, min_count: int = 2, min_purity: float = 0.9,
           max_o_ratio: float = 0.2, gazetteers: Sequence[str | os.PathLike] = (), keep_known: bool = False) -> InduceResult:
    """Candidate PER/LOC/ORG entries from a BIO corpus, filtered for ambiguity.

    A string is kept when it is labelled a name at least ``min_count`` times, its commonest label
    covers at least ``min_purity`` of those, the same tokens are tagged ``O`` in at most
    ``max_o_ratio`` of their occurrences, it is not a function word, it neither starts nor ends on
    one, and (unless ``keep_known``) no loaded gazetteer entry already has its key. A one-word
    common word (hazm's lexicon) is kept only if the corpus never tags it ``O``, and is then
    flagged ``ambiguous`` so that the matcher asks for context.
    """
    from .evaluate import LABEL_MAPS, read_corpus
    from .gazetteer import default_gazetteer
    from .normalizer import normalize

    check_option("format", fmt, tuple(LABEL_MAPS))
    label_map = LABEL_MAPS[fmt]
    sentences = list(read_corpus(path, fmt))
    cands: dict[str, Candidate] = {}
    max_len = 1
    for s in sentences:
        for i, j, raw in _bio_spans(s.tags):
            label = label_map.get(raw, raw)
            k = key(" ".join(s.tokens[i:j]))
            if len(k) < 2:
                continue
            c = cands.get(k)
            if c is None:
                c = cands[k] = Candidate(k, example=_context(s.tokens, i, j), first_line=s.line)
            c.labels[label] += 1
            c.surfaces[" ".join(s.tokens[i:j])] += 1
            max_len = max(max_len, j - i)
    # how often the same tokens are tagged O; and each single word, for the surnames the loader derives
    word_o: Counter = Counter()
    word_all: Counter = Counter()
    for s in sentences:
        keys = [key(t) for t in s.tokens]
        word_all.update(keys)
        word_o.update(k for k, tag in zip(keys, s.tags) if tag == "O")
        for i in range(len(keys)):
            if s.tags[i] != "O":
                continue
            joined = ""
            for j in range(i, min(len(keys), i + max_len)):
                if s.tags[j] != "O":
                    break
                joined += keys[j]
                c = cands.get(joined)
                if c is not None:
                    c.outside += 1
    gaz = default_gazetteer(tuple(str(g) for g in gazetteers))
    stop, common, given = function_word_keys(), common_words(), given_name_keys()
    entries, rejected, taken = [], [], set(gaz.entries)
    for c in sorted(cands.values(), key=lambda c: (-c.count, c.key)):
        surface = c.surfaces.most_common(1)[0][0]
        words = surface.split()
        one_common = len(words) == 1 and c.key in common
        reason = None
        if c.label not in ENTITY_TYPES:
            reason = f"label {c.label} is not PER/LOC/ORG"
        elif c.key in stop or key(words[0]) in stop or key(words[-1]) in stop:
            reason = "a function word, or starts or ends on one"
        elif not (words[0][0].isalpha() and words[-1][-1].isalpha()):
            reason = "starts or ends on punctuation (e.g. a trailing (ع))"
        elif c.count < min_count:
            reason = f"seen {c.count} times (< {min_count})"
        elif c.purity < min_purity:
            reason = f"mixed labels {dict(c.labels)}"
        elif c.o_ratio > max_o_ratio or (one_common and c.outside):
            reason = f"tagged O in {c.outside} of {c.count + c.outside} occurrences"
        elif c.label == "PER" and len(words) > 1 and _surname_is_word(key(words[-1]), word_o, word_all, max_o_ratio):
            last = key(words[-1])
            reason = (f"surname «{words[-1]}» is tagged O in {word_o[last]} of {word_all[last]} occurrences; the "
                      "matcher would take it alone")
        elif not keep_known and gaz.lookup(surface):
            reason = "known: " + ", ".join(e.id for e in gaz.lookup(surface))
        if reason:
            rejected.append((c, reason))
            continue
        name = normalize(surface).text
        attrs: dict[str, Any] = {
            "count": c.count,
            "labels": dict(c.labels.most_common()) | ({"O": c.outside} if c.outside else {}),
            "example": c.example,
            "source": f"induced from {Path(path).name}:{c.first_line} ({fmt})",
        }
        if one_common or (c.label == "PER" and len(words) == 1 and c.key in given):
            attrs["ambiguous"] = True  # a common word or a bare given name: count it only in context
        entry = {"id": _unique_id(c.label, name, taken), "type": c.label, "name": name}
        variants = sorted({normalize(s).text for s in c.surfaces} - {name})
        if variants:
            entry["aliases"] = variants
        entry["attrs"] = attrs
        entries.append(entry)
    return InduceResult(entries, rejected, len(sentences))


def _surname_is_word(last: str, word_o: Counter, word_all: Counter, max_o_ratio: float) -> bool:
    """Is the last word of a person's name mostly an ordinary word in the corpus (کهن, قاضی)?"""
    return len(last) >= 3 and word_o[last] > max_o_ratio * word_all[last]


def _refuse_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise DataFileError(Errors.E007.format(path=path))


def write_entries(path: str | os.PathLike, entries: Iterable[dict], header: Sequence[str] = (), *, force: bool = False) -> int:
    """Write entries as a JSONL gazetteer with ``#`` comment lines on top; returns how many were written."""
    out = Path(path)
    _refuse_overwrite(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8") as handle:
        for line in header:
            handle.write(f"# {line}\n")
        for entry in entries:
            handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
            n += 1
    return n


# --------------------------------------------------------------------------- suggest
@dataclass
class Suggestion:
    """A name the rules found that no gazetteer knows."""

    label: str
    key: str
    surfaces: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    documents: set = field(default_factory=set)
    contexts: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(self.surfaces.values())

    @property
    def name(self) -> str:
        return self.surfaces.most_common(1)[0][0]


def _text_files(paths: Sequence[str | os.PathLike]) -> list[Path]:
    files = []
    for p in map(Path, paths):
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*.txt") if x.is_file()))
        elif p.exists():
            files.append(p)
        else:
            raise DataFileError(Errors.E004.format(path=p))
    return files


def _snippet(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width):start].split("\n")[-1]
    right = text[end:end + width].split("\n")[0]
    return f"{left}«{text[start:end]}»{right}".strip()


def suggest(paths: Sequence[str | os.PathLike], *, gazetteers: Sequence[str | os.PathLike] = (), nlp=None,  # noqa: ANN001
            min_count: int = 1, contexts: int = 3) -> list[Suggestion]:
    """Unknown names in raw text files (or folders of ``*.txt``), most frequent first.

    A mention counts when the NER stage made it with a name rule (``NAME_RULES``: after a title or
    honorific, given name + surname, apposition, speaker) or when it is the actor of an event,
    and it has no gazetteer entity id.
    """
    from .pipeline import load

    nlp = nlp or load(gazetteers=gazetteers)
    files = _text_files(paths)
    found: dict[tuple[str, str], Suggestion] = {}
    common = common_words()
    texts = (f.read_text(encoding="utf-8") for f in files)
    for path, doc in zip(files, nlp.pipe(texts, batch_size=8)):
        actors: dict[tuple[int, int], str] = {}
        for event in getattr(doc._, "events", None) or []:
            for p in event.actor:
                if p.entity_id is None:
                    actors[(p.start, p.end)] = f"actor of {event.type}"
        ents = list(doc.ents)
        for n, ent in enumerate(ents):
            if ent._.entity_id is not None or ent.label_ not in ENTITY_TYPES:
                continue
            reasons = []
            if ent._.rule in NAME_RULES:
                reason = NAME_RULES[ent._.rule]
                if ent._.rule == "rules:name_shape" and n and ents[n - 1].label_ == "ROLE" and ents[n - 1].end == ent.start:
                    reason = "after a role title"
                reasons.append(reason)
            if (ent.start_char, ent.end_char) in actors:
                reasons.append(actors[(ent.start_char, ent.end_char)])
            k = key(ent.text)
            if not reasons or len(k) < 2 or (len(ent) == 1 and k in common):
                continue
            s = found.setdefault((ent.label_, k), Suggestion(ent.label_, k))
            s.surfaces[ent.text] += 1
            s.reasons.update(reasons)
            s.documents.add(str(path))
            if len(s.contexts) < contexts:
                s.contexts.append(f"{path.name}: {_snippet(doc.text, ent.start_char, ent.end_char)}")
    ranked = [s for s in found.values() if s.count >= min_count]
    ranked.sort(key=lambda s: (-s.count, -len(s.documents), s.key))
    return ranked


def write_suggestions(path: str | os.PathLike, suggestions: Sequence[Suggestion], fmt: str, *, force: bool = False) -> int:
    """Suggestions as TSV (for a spreadsheet) or JSONL (candidate entries: keep the lines you accept)."""
    check_option("format", fmt, SUGGEST_FORMATS)
    out = Path(path)
    _refuse_overwrite(out, force)
    taken: set[str] = set()
    with out.open("w", encoding="utf-8") as handle:
        if fmt == "tsv":
            handle.write("rank\tcount\tdocuments\tlabel\tname\tkey\treasons\tsuggested_id\tcontexts\n")
        else:
            handle.write("# suggestions from persian-news-nlp gazetteer suggest: review each line, fix name/type/id,\n"
                         "# drop attrs.review, and keep only the lines you accept\n")
        for rank, s in enumerate(suggestions, start=1):
            reasons = "; ".join(f"{r} ×{n}" for r, n in s.reasons.most_common())
            entry_id = _unique_id(s.label, s.name, taken)
            if fmt == "tsv":
                cols = [rank, s.count, len(s.documents), s.label, s.name, s.key, reasons, entry_id,
                        " ‖ ".join(s.contexts)]
                handle.write("\t".join(str(c).replace("\t", " ").replace("\n", " ") for c in cols) + "\n")
            else:
                entry = {"id": entry_id, "type": s.label, "name": s.name,
                         "attrs": {"review": True, "count": s.count, "documents": len(s.documents),
                                   "reasons": dict(s.reasons.most_common()), "contexts": s.contexts}}
                variants = sorted(set(s.surfaces) - {s.name})
                if variants:
                    entry["aliases"] = variants
                handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
    return len(suggestions)


# --------------------------------------------------------------------------- CLI
def _cmd_validate(args: argparse.Namespace) -> int:
    report = validate(args.paths, shipped_context=not args.no_shipped)
    shown = [i for i in report.issues if i.severity != "note" or args.notes]
    if args.json:
        json.dump({"files": report.files, "entries": report.entries, "ok": report.ok(strict=args.strict),
                   "issues": [i.to_dict() for i in shown]}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for issue in shown:
            print(issue)
        print(report.summary(), file=sys.stderr)
    return 0 if report.ok(strict=args.strict) else 1


def _cmd_stats(args: argparse.Namespace) -> int:
    data = stats(args.gazetteer or (), shipped=not args.no_shipped)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(format_stats(data, top=args.top))
    return 0


def _cmd_lookup(args: argparse.Namespace) -> int:
    data = lookup(" ".join(args.text), gazetteers=args.gazetteer or ())
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(format_lookup(data))
    return 0


def _cmd_add(args: argparse.Namespace) -> int:
    entry_id = args.id or _unique_id(args.type, args.name, set())
    entry: dict[str, Any] = {"id": entry_id, "type": args.type, "name": args.name}
    if args.alias:
        entry["aliases"] = args.alias
    if args.en:
        entry["en"] = args.en
    attrs = {k: v for k, v in (("kind", args.kind), ("country", args.country), ("sector", args.sector),
                               ("parent", args.parent)) if v}
    if args.ambiguous:
        attrs["ambiguous"] = True
    if attrs:
        entry["attrs"] = attrs
    added = add_entry(args.file, entry, shipped_context=not args.no_shipped)
    print(f"{args.file}:{added.line}: added {added.id}")
    return 0


def _cmd_induce(args: argparse.Namespace) -> int:
    out = Path(args.output)
    _refuse_overwrite(out, args.force)
    result = induce(args.source, args.format, min_count=args.min_count, min_purity=args.min_purity,
                    max_o_ratio=args.max_o_ratio, gazetteers=args.gazetteer or (), keep_known=args.keep_known)
    header = [f"induced by persian-news-nlp gazetteer induce from {Path(args.source).name} ({args.format}, "
              f"{result.sentences} sentences) on {dt.date.today().isoformat()}",
              f"min-count {args.min_count}, min-purity {args.min_purity}, max-o-ratio {args.max_o_ratio}: "
              f"{len(result.entries)} kept, {len(result.rejected)} dropped",
              "candidates for review: check the names and types before relying on them"]
    n = write_entries(out, result.entries, header, force=args.force)
    reasons = Counter(r.split(":")[0].split(" (")[0].split(" {")[0] for _, r in result.rejected)
    print(f"{out}: {n} entries from {result.sentences} sentences; dropped: "
          + ", ".join(f"{n} {r}" for r, n in reasons.most_common(6)), file=sys.stderr)
    if args.rejected:
        rej = Path(args.rejected)
        _refuse_overwrite(rej, args.force)
        with rej.open("w", encoding="utf-8") as handle:
            handle.write("key\tname\tlabels\toutside\treason\n")
            for c, reason in result.rejected:
                handle.write(f"{c.key}\t{c.surfaces.most_common(1)[0][0]}\t{dict(c.labels)}\t{c.outside}\t{reason}\n")
    return 0


def _cmd_suggest(args: argparse.Namespace) -> int:
    fmt = args.format or ("jsonl" if str(args.output).endswith(".jsonl") else "tsv")
    check_option("format", fmt, SUGGEST_FORMATS)
    _refuse_overwrite(Path(args.output), args.force)
    found = suggest(args.source, gazetteers=args.gazetteer or (), min_count=args.min_count)
    n = write_suggestions(args.output, found, fmt, force=args.force)
    print(f"{args.output}: {n} unknown names ({fmt})", file=sys.stderr)
    return 0


def _probability(value: str) -> float:
    number = float(value)
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return number


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``gazetteer`` command group to the CLI."""
    group = sub.add_parser("gazetteer", help="check, inspect and extend gazetteers (docs/gazetteers.md)")
    gsub = group.add_subparsers(dest="gazetteer_command", required=True)

    p = gsub.add_parser("validate", help="check gazetteer files (default: the shipped ones); exit 1 on errors")
    p.add_argument("paths", nargs="*", help="JSONL files or folders of them")
    p.add_argument("--strict", action="store_true", help="warnings fail too")
    p.add_argument("--notes", action="store_true", help="also print notes (overrides, place/capital homonyms)")
    p.add_argument("--no-shipped", action="store_true", help="do not check user files against the shipped entries")
    p.add_argument("--json", action="store_true", help="machine-readable report")
    p.set_defaults(func=_cmd_validate)

    p = gsub.add_parser("stats", help="entries by type, kind, country, sector and source file")
    p.add_argument("--gazetteer", action="append", help="user gazetteer file or folder (repeatable)")
    p.add_argument("--no-shipped", action="store_true", help="count only the user files (and PNN_GAZETTEERS)")
    p.add_argument("--top", type=int, default=25, help="rows per table (default 25)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_stats)

    p = gsub.add_parser("lookup", help="which entries a text matches, on which key and why; and the NER result")
    p.add_argument("text", nargs="+")
    p.add_argument("--gazetteer", action="append", help="user gazetteer file or folder (repeatable)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_cmd_lookup)

    p = gsub.add_parser("add", help="append one validated entry to a user gazetteer file")
    p.add_argument("--file", required=True, help="the user JSONL file (created if missing)")
    p.add_argument("--id", help="<type>:<slug> (default: <type>:user.<transliteration>)")
    p.add_argument("--type", required=True, choices=TYPES)
    p.add_argument("--name", required=True, help="canonical Persian name")
    p.add_argument("--alias", action="append", help="another spelling (repeatable)")
    p.add_argument("--en", help="English name")
    p.add_argument("--kind", help="finer type (LOC: city, province …; ORG: ministry, party …)")
    p.add_argument("--country", help="ISO 3166-1 alpha-3 code")
    p.add_argument("--sector", help="PLOVER sector (GOV, MIL, REB …)")
    p.add_argument("--parent", help="id of the containing place or parent organisation")
    p.add_argument("--ambiguous", action="store_true", help="the name is also a common word: match only in context")
    p.add_argument("--no-shipped", action="store_true", help="do not check against the shipped entries")
    p.set_defaults(func=_cmd_add)

    p = gsub.add_parser("induce", help="candidate entries from an annotated BIO corpus")
    p.add_argument("--from", dest="source", required=True, help="the corpus file")
    p.add_argument("--format", required=True, choices=("peyma", "arman", "conll"))
    p.add_argument("--output", required=True, help="JSONL gazetteer to write (loadable with --gazetteer)")
    p.add_argument("--min-count", type=int, default=2, metavar="N", help="labelled a name at least N times (default 2)")
    p.add_argument("--min-purity", type=_probability, default=0.9, help="share of the commonest label (default 0.9)")
    p.add_argument("--max-o-ratio", type=_probability, default=0.2, help="largest share of O-tagged occurrences (default 0.2)")
    p.add_argument("--keep-known", action="store_true", help="keep names the loaded gazetteers already know")
    p.add_argument("--gazetteer", action="append", help="user gazetteers counted as known (repeatable)")
    p.add_argument("--rejected", help="also write the dropped candidates and why, as TSV")
    p.add_argument("--force", action="store_true", help="overwrite existing output")
    p.set_defaults(func=_cmd_induce)

    p = gsub.add_parser("suggest", help="unknown names in raw text found by the name rules, for review")
    p.add_argument("--from", dest="source", required=True, nargs="+", help="text files or folders of *.txt")
    p.add_argument("--output", required=True, help="TSV or JSONL file to write")
    p.add_argument("--format", choices=SUGGEST_FORMATS, help="default: from the output's extension (.jsonl, else tsv)")
    p.add_argument("--min-count", type=int, default=1, metavar="N", help="seen at least N times (default 1)")
    p.add_argument("--gazetteer", action="append", help="user gazetteer file or folder (repeatable)")
    p.add_argument("--force", action="store_true", help="overwrite existing output")
    p.set_defaults(func=_cmd_suggest)


__all__ = ["Issue", "Report", "validate", "stats", "format_stats", "lookup", "format_lookup", "add_entry", "induce",
           "InduceResult", "write_entries", "suggest", "write_suggestions", "slug"]
