#!/usr/bin/env python3
"""Build models/gazetteers/countries.jsonl from CLDR (via Babel) plus hand-authored extras.

Inputs
  * Babel's CLDR territory names: ``Locale('fa').territories`` (canonical Persian names),
    ``Locale('fa', 'AF').territories`` (Afghan Dari spellings, kept as aliases) and
    ``Locale('en').territories`` (default English name).
  * ``models/lexicons/iso3166.tsv``: alpha-2 -> alpha-3, kind (country/territory), sovereign.
  * ``models/lexicons/country_extras.tsv``: hand-authored aliases, demonyms, capital ids,
    Wikidata QIDs, English-name and Persian-name overrides and flags.

The output is deterministic (entries sorted by id, keys in a fixed order), so re-running the
script on the same Babel version gives a byte-identical file.

Usage: python scripts/build_countries.py [--check]
  --check  do not write; exit 1 if the file on disk differs from what would be generated.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import babel

from generated import write_or_check

ROOT = Path(__file__).resolve().parent.parent
ISO_TSV = ROOT / "models" / "lexicons" / "iso3166.tsv"
EXTRAS_TSV = ROOT / "models" / "lexicons" / "country_extras.tsv"
OUT = ROOT / "models" / "gazetteers" / "countries.jsonl"

# Arabic diacritics (harakat, hamza above) that CLDR writes but Persian news usually does not.
_DIACRITICS = re.compile("[\u064b-\u065f\u0670]")
_ZWNJ = "\u200c"


def clean(s: str) -> str:
    """Normalise a CLDR name to the form Persian news prints: Persian ye/kaf, no harakat."""
    s = s.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9").replace("\u0649", "\u06cc")
    s = _DIACRITICS.sub("", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


def key(s: str) -> str:
    """Comparison key: spacing, ZWNJ and hyphen differences do not make a new alias."""
    return re.sub(r"[\s\u200c\-‐]", "", clean(s))


def usable_cldr(s: str) -> bool:
    """CLDR long forms like 'هنگ‌کنگ، منطقهٔ ویژهٔ اداری چین' or 'کنگو - کینشاسا' are not news forms."""
    return not any(m in s for m in ("(", "،", " - "))


def split_list(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()] if cell else []


def read_tsv(path: Path, ncols: int) -> list[list[str]]:
    rows = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) > ncols:
            raise SystemExit(f"{path.name}:{lineno}: {len(cells)} columns, expected at most {ncols}")
        rows.append(cells + [""] * (ncols - len(cells)))
    return rows


def build() -> str:
    fa = babel.Locale("fa").territories
    fa_af = babel.Locale("fa", "AF").territories
    en = babel.Locale("en").territories

    iso = read_tsv(ISO_TSV, 4)
    a3_of = {a2: a3 for a2, a3, _, _ in iso}
    known_a3 = set(a3_of.values())

    extras: dict[str, list[str]] = {}
    for row in read_tsv(EXTRAS_TSV, 8):
        a3 = row[0].strip()
        if a3 not in known_a3:
            raise SystemExit(f"country_extras.tsv: unknown alpha-3 {a3!r}")
        if a3 in extras:
            raise SystemExit(f"country_extras.tsv: duplicate row for {a3}")
        extras[a3] = [c.strip() for c in row]

    entries = []
    for a2, a3, kind, sovereign in iso:
        _, x_aliases, x_demonyms, x_capital, x_qid, x_en, x_name, x_flags = extras.get(a3, [a3] + [""] * 7)
        cldr = clean(fa[a2])
        name = clean(x_name) if x_name else cldr
        if not usable_cldr(name):
            raise SystemExit(f"{a3}: CLDR name {cldr!r} needs a name override in country_extras.tsv")

        drops = {key(a[1:]) for a in split_list(x_aliases) if a.startswith("!")}
        candidates = [cldr, clean(fa_af.get(a2, cldr))]
        candidates += [clean(a) for a in split_list(x_aliases) if not a.startswith("!")]
        aliases, seen = [], {key(name)} | drops
        for a in candidates:
            if usable_cldr(a) and key(a) not in seen:
                seen.add(key(a))
                aliases.append(a)

        flags = dict(f.split("=", 1) if "=" in f else (f, "true") for f in split_list(x_flags))
        attrs: dict = {"kind": flags.pop("kind", kind), "country": a3}
        if sovereign:
            attrs["parent"] = "loc:" + sovereign.lower()
        demonyms = []
        for d in split_list(x_demonyms):
            d = clean(d)
            if d not in demonyms:
                demonyms.append(d)
        if demonyms:
            attrs["demonyms"] = demonyms
        if x_capital:
            attrs["capital"] = x_capital
        if x_qid:
            attrs["wikidata"] = x_qid
        if flags.pop("ambiguous", None):
            attrs["ambiguous"] = True
        if "uncertain" in flags:
            attrs["uncertain"] = flags.pop("uncertain")
        if flags:
            raise SystemExit(f"{a3}: unknown flags {sorted(flags)}")

        entry = {"id": "loc:" + a3.lower(), "type": "LOC", "name": name}
        if aliases:
            entry["aliases"] = aliases
        entry["en"] = x_en or en[a2]
        entry["attrs"] = attrs
        entries.append(entry)

    entries.sort(key=lambda e: e["id"])
    header = [
        "# GENERATED by scripts/build_countries.py -- do not edit by hand; edit",
        "# models/lexicons/country_extras.tsv (aliases, demonyms, capitals, QIDs, overrides) or",
        "# models/lexicons/iso3166.tsv and re-run the script.",
        "# Names: CLDR (via Babel) Persian 'fa' territory names; CLDR 'fa_AF' (Afghan Dari)",
        "# spellings kept as aliases; plus hand-authored variants. One entry per ISO 3166-1 code and Kosovo.",
    ]
    lines = header + [json.dumps(e, ensure_ascii=False) for e in entries]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    return write_or_check(__doc__.splitlines()[0], {OUT: build()}, argv)


if __name__ == "__main__":
    sys.exit(main())
