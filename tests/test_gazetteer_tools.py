"""The ``gazetteer`` command group: validation policy, precedence of user files, stats, lookup, add, induce, suggest.

Every fixture is invented here (names made up, written to ``tmp_path``); nothing comes from the corpora.
"""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from persian_news_nlp import cli
from persian_news_nlp.errors import DataFileError
from persian_news_nlp.gazetteer import ENV_VAR, ID_PATTERN, Gazetteer
from persian_news_nlp.gazetteer_tools import (add_entry, induce, lookup, slug, stats, suggest, validate, write_entries,
                                              write_suggestions)

ROOT = Path(__file__).resolve().parent.parent


def jsonl(path: Path, *objects: dict | str) -> Path:
    """Write objects (or raw lines) one per line."""
    path.write_text("".join((o if isinstance(o, str) else json.dumps(o, ensure_ascii=False)) + "\n" for o in objects),
                    encoding="utf-8")
    return path


def loc(eid: str, name: str, **attrs: object) -> dict:
    return {"id": eid, "type": "LOC", "name": name, "attrs": {"kind": "city", "country": "IRN", **attrs}}


def per(eid: str, name: str, roles: list[dict] | None = None, **attrs: object) -> dict:
    entry = {"id": eid, "type": "PER", "name": name, "attrs": {"country": "IRN", "sector": "GOV", **attrs}}
    if roles:
        entry["roles"] = roles
    return entry


def codes(report, severity: str) -> list[str]:  # noqa: ANN001
    return [i.code for i in report.issues if i.severity == severity]


# --------------------------------------------------------------------------- validate
def test_shipped_gazetteers_have_no_errors():
    """CI gate: the shipped files pass ``gazetteer validate`` with no dangling reference (other warnings
    and notes are allowed)."""
    report = validate()
    assert report.entries > 1000
    assert report.errors == [], "\n".join(map(str, report.errors[:20]))
    dangling = [i for i in report.issues if i.code == "dangling"]
    assert dangling == [], "\n".join(map(str, dangling[:20]))  # every role's organisation and parent exists


def test_clean_user_file_passes(tmp_path: Path):
    path = jsonl(tmp_path / "user.jsonl", "# invented places", "", loc("loc:xx.sampleabad", "نمونه‌آباد", parent="loc:irn"))
    report = validate([path])
    assert report.ok(strict=True), report.issues
    assert report.entries == 1


def test_parse_and_schema_errors_name_file_and_line_and_reading_goes_on(tmp_path: Path):
    path = jsonl(tmp_path / "bad.jsonl",
                 "# comment",
                 '{"id": "loc:xx.a", "type": "LOC", "name": ',            # line 2: broken JSON
                 '["not", "an", "object"]',                              # line 3
                 {"id": "loc:xx.b", "type": "LOC"},                      # line 4: no name
                 {"id": "per:xx.c", "type": "LOC", "name": "کاشیک"},      # line 5: id/type mismatch
                 loc("loc:xx.d", "آزمونک"))                               # line 6: fine
    report = validate([path], shipped_context=False)
    assert [(i.line, i.code) for i in report.errors] == [(2, "json"), (3, "json"), (4, "schema"), (5, "schema")]
    assert str(report.errors[0]).startswith(f"{report.errors[0].path}:2: error: invalid JSON")
    assert report.errors[0].path.endswith("bad.jsonl")
    assert report.entries == 1


def test_duplicate_ids_name_both_lines(tmp_path: Path):
    path = jsonl(tmp_path / "dup.jsonl", loc("loc:xx.twin", "دوقلوآباد"), loc("loc:xx.other", "تکیه‌آباد"),
                 loc("loc:xx.twin", "دوقلوشهر"))
    [error] = validate([path], shipped_context=False).errors
    assert (error.line, error.code) == (3, "duplicate-id")
    assert "dup.jsonl:1" in error.message


def test_same_id_in_two_files_warns_that_the_later_overrides(tmp_path: Path):
    a = jsonl(tmp_path / "a.jsonl", loc("loc:xx.twin", "دوقلوآباد"))
    b = jsonl(tmp_path / "b.jsonl", loc("loc:xx.twin", "دوقلوآباد"))
    report = validate([a, b], shipped_context=False)
    assert report.errors == [] and codes(report, "warning") == ["duplicate-id"]


def test_overriding_a_shipped_id_is_a_note(tmp_path: Path):
    path = jsonl(tmp_path / "o.jsonl", {"id": "loc:tjk", "type": "LOC", "name": "تاجیکستان",
                                        "attrs": {"kind": "country", "country": "TJK"}})
    report = validate([path])
    assert report.ok(strict=True)
    assert "override" in codes(report, "note")


@pytest.mark.parametrize("a, b, severity", [
    # different types, neither ambiguous: the matcher silently prefers one of them
    (loc("loc:xx.kavir", "کویرستان"), {"id": "org:xx.kavir", "type": "ORG", "name": "کویرستان"}, "error"),
    # … unless one is flagged ambiguous
    (loc("loc:xx.kavir", "کویرستان", ambiguous=True), {"id": "org:xx.kavir", "type": "ORG", "name": "کویرستان"}, "warning"),
    # same type, same place, two ids: one thing entered twice
    (loc("loc:xx.a", "کویرستان", parent="loc:irn"), loc("loc:xx.b", "کویر ستان", parent="loc:irn"), "error"),
    # homonymous places in different provinces are real: a warning
    (loc("loc:xx.a", "کویرستان", parent="loc:ir.fars"), loc("loc:xx.b", "کویرستان", parent="loc:ir.gilan"), "warning"),
    # a province and its capital of the same name: the matcher orders them by kind
    ({"id": "loc:xx.p", "type": "LOC", "name": "کویرستان", "attrs": {"kind": "province", "country": "IRN"}},
     loc("loc:xx.c", "كويرستان", parent="loc:xx.p"), "note"),
])
def test_alias_collisions_after_normalisation(tmp_path: Path, a: dict, b: dict, severity: str):
    report = validate([jsonl(tmp_path / "c.jsonl", a, b)], shipped_context=False)
    found = [i for i in report.issues if i.code == "collision"]
    assert [i.severity for i in found] == [severity]
    assert a["id"] in found[0].message and b["id"] in found[0].message
    assert f"({a['type']})" in found[0].message and f"({b['type']}," in found[0].message


def test_collision_with_a_shipped_entry_is_found(tmp_path: Path):
    report = validate([jsonl(tmp_path / "c.jsonl", {"id": "org:xx.tj", "type": "ORG", "name": "تاجیکستان"})])
    [error] = [i for i in report.errors if i.code == "collision"]
    assert "loc:tjk (LOC" in error.message and "countries.jsonl:" in error.message


@pytest.mark.parametrize("name, code, severity", [
    ("ـ", "empty-name", "error"),          # a tatweel: nothing left after normalisation
    ("از", "stop-word", "error"),
    ("پنج", "stop-word", "error"),
    ("ب", "short-name", "error"),
])
def test_names_that_normalise_to_nothing_or_a_stop_word(tmp_path: Path, name: str, code: str, severity: str):
    report = validate([jsonl(tmp_path / "n.jsonl", loc("loc:xx.n", name))], shipped_context=False)
    assert [(i.code, i.severity) for i in report.issues] == [(code, severity)]


def test_a_stop_word_name_flagged_ambiguous_is_a_warning(tmp_path: Path):
    report = validate([jsonl(tmp_path / "n.jsonl", loc("loc:xx.n", "پنج", ambiguous=True))], shipped_context=False)
    assert report.errors == [] and codes(report, "warning") == ["stop-word"]


def test_redundant_alias_is_a_note(tmp_path: Path):
    entry = loc("loc:xx.n", "نمونه‌آباد")
    entry["aliases"] = ["نمونه آباد"]
    report = validate([jsonl(tmp_path / "n.jsonl", entry)], shipped_context=False)
    assert codes(report, "note") == ["redundant-alias"] and report.ok(strict=True)


@pytest.mark.parametrize("attrs, code", [
    ({"country": "XYZ"}, "country"),
    ({"country": "IR"}, "country"),          # alpha-2 is not accepted
    ({"sector": "ABC"}, "sector"),
    ({"kind": "planet"}, "kind"),
    ({"parent": "Tehran"}, "reference"),
    ({"ambiguous": "yes"}, "schema"),
    ({"ambiguous": True, "ambiguous_names": ["جای دیگر"]}, "schema"),  # not one of the entry's names
    ({"ambiguous_names": ["آزمونشهر"]}, "schema"),                       # without ambiguous: true
    ({"wikidata": "9365"}, "schema"),
])
def test_bad_codes_are_errors(tmp_path: Path, attrs: dict, code: str):
    report = validate([jsonl(tmp_path / "b.jsonl", loc("loc:xx.b", "آزمونشهر", **attrs))], shipped_context=False)
    assert codes(report, "error") == [code]


def test_former_country_codes_are_valid(tmp_path: Path):
    org = {"id": "org:xx.old", "type": "ORG", "name": "اداره نمونه قدیم", "attrs": {"kind": "agency", "country": "SUN"}}
    assert validate([jsonl(tmp_path / "o.jsonl", org)], shipped_context=False).ok(strict=True)


def role(title: str, start: str | None, end: str | None, role_id: str = "role:governor_general", **extra: object) -> dict:
    return {"title": title, "role": role_id, "org": "loc:ir.fars", "country": "IRN", "from": start, "to": end, **extra}


@pytest.mark.parametrize("roles, expected", [
    ([role("استاندار", "2020-05-01", "2019-01-01")], [("error", "role-reversed")]),
    ([role("استاندار", "2020", "2020-03")], []),                                 # coarse from, same year: fine
    ([role("استاندار", "2019-02-30", None)], [("error", "role-date")]),
    ([role("استاندار", "2018", "2021-06-01"), role("استاندار", "2020-01-01", None)], [("error", "role-overlap")]),
    ([role("استاندار", "2018", "2020"), role("استاندار", "2020", None)], [("warning", "role-overlap")]),
    ([role("استاندار", "2018-01-01", "2020-01-01"), role("استاندار", "2020-01-02", None)], []),
    # the same post under a second title held at the same time
    ([role("استاندار", "2018", None), role("والی", "2019", None)], [("warning", "role-overlap")]),
    # different organisations never overlap
    ([role("استاندار", "2018", None), {**role("استاندار", "2019", None), "org": "loc:ir.gilan"}], []),
])
def test_role_intervals(tmp_path: Path, roles: list[dict], expected: list[tuple[str, str]]):
    report = validate([jsonl(tmp_path / "r.jsonl", per("per:xx.sample", "کاوش نمونه‌زاده", roles))])
    assert [(i.severity, i.code) for i in report.issues if i.severity != "note"] == expected


def test_dangling_references_are_warnings(tmp_path: Path):
    person = per("per:xx.sample", "کاوش نمونه‌زاده", [role("استاندار", "2018", None, role_id="role:no_such_role")])
    place = loc("loc:xx.n", "نمونه‌آباد", parent="loc:xx.nowhere")
    report = validate([jsonl(tmp_path / "d.jsonl", person, place)])
    assert report.errors == []
    assert sorted(codes(report, "warning")) == ["dangling", "dangling"]
    assert not report.ok(strict=True)


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture):
    good = jsonl(tmp_path / "good.jsonl", loc("loc:xx.n", "نمونه‌آباد", parent="loc:irn"))
    warn = jsonl(tmp_path / "warn.jsonl", loc("loc:xx.w", "نمونه‌شهر", parent="loc:xx.nowhere"))
    bad = jsonl(tmp_path / "bad.jsonl", loc("loc:xx.b", "آزمونشهر", country="XYZ"))
    assert cli.main(["gazetteer", "validate", str(good)]) == 0
    assert cli.main(["gazetteer", "validate", str(warn)]) == 0
    assert cli.main(["gazetteer", "validate", "--strict", str(warn)]) == 1
    assert cli.main(["gazetteer", "validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "bad.jsonl:1: error: loc:xx.b: country 'XYZ'" in out
    assert cli.main(["gazetteer", "validate", "--json", str(tmp_path)]) == 1  # a folder: all its files
    data = json.loads(capsys.readouterr().out)
    assert len(data["files"]) == 3 and data["ok"] is False
    assert cli.main(["gazetteer", "validate", str(tmp_path / "missing.jsonl")]) == 2


# --------------------------------------------------------------------------- precedence
def test_precedence_shipped_env_arguments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """shipped < PNN_GAZETTEERS < arguments, and among files the later one wins (by id)."""
    country = {"type": "LOC", "attrs": {"kind": "country", "country": "TJK"}, "id": "loc:tjk"}
    env_file = jsonl(tmp_path / "env.jsonl", {**country, "name": "تاجیکستان", "en": "from env"},
                     loc("loc:xx.env_only", "محیط‌آباد"))
    first = jsonl(tmp_path / "first.jsonl", {**country, "name": "تاجیکستان", "en": "from first argument"})
    second = jsonl(tmp_path / "second.jsonl", {**country, "name": "تاجیکستان", "en": "from second argument"})

    monkeypatch.delenv(ENV_VAR, raising=False)
    assert Gazetteer.load().get("loc:tjk").en == "Tajikistan"
    monkeypatch.setenv(ENV_VAR, str(env_file))
    gaz = Gazetteer.load()
    assert gaz.get("loc:tjk").en == "from env" and gaz.get("loc:xx.env_only") is not None
    assert Gazetteer.load([first]).get("loc:tjk").en == "from first argument"
    assert Gazetteer.load([first, second]).get("loc:tjk").en == "from second argument"
    assert Gazetteer.load([second, first]).get("loc:tjk").en == "from first argument"
    assert Gazetteer.load([first], env=False).get("loc:xx.env_only") is None


def test_overriding_entry_replaces_the_old_names(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    renamed = jsonl(tmp_path / "renamed.jsonl", {"id": "loc:tjk", "type": "LOC", "name": "کشور نمونه",
                                                 "attrs": {"kind": "country", "country": "TJK"}})
    gaz = Gazetteer.load([renamed])
    assert [e.id for e in gaz.lookup("کشور نمونه")] == ["loc:tjk"]
    assert all(e.id != "loc:tjk" for e in gaz.lookup("تاجیکستان"))


def test_user_gazetteer_reaches_the_pipeline_and_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture):
    import persian_news_nlp

    user = jsonl(tmp_path / "people.jsonl", per("per:xx.bardia", "بردیا آزمون‌پور"))
    text = "بردیا آزمون‌پور دیروز به شیراز رفت."
    doc = persian_news_nlp.load(gazetteers=[user])(text)
    assert [(e.text, e._.entity_id) for e in doc.ents if e.label_ == "PER"] == [("بردیا آزمون‌پور", "per:xx.bardia")]
    raw = tmp_path / "a.txt"
    raw.write_text(text, encoding="utf-8")
    assert cli.main(["extract", str(raw), "--compact", "--reference-date", "2025-01-01", "--gazetteer", str(user)]) == 0
    assert "per:xx.bardia" in capsys.readouterr().out


# --------------------------------------------------------------------------- stats, lookup
def test_stats_counts_by_type_kind_country_sector_source(tmp_path: Path, capsys: pytest.CaptureFixture):
    user = jsonl(tmp_path / "mine.jsonl", loc("loc:xx.a", "نمونه‌آباد"), loc("loc:xx.b", "نمونه‌شهر", country="TJK"),
                 per("per:xx.c", "کاوش نمونه‌زاده"))
    data = stats([user], shipped=False, env=False)
    assert data["entries"] == 3
    assert data["by_type"] == {"LOC": 2, "PER": 1}
    assert data["by_kind"] == {"LOC/city": 2, "PER/-": 1}
    assert data["by_country"] == {"IRN": 2, "TJK": 1}
    assert data["by_sector"] == {"GOV": 1}
    assert data["by_source"] == {"mine.jsonl": 3}
    assert cli.main(["gazetteer", "stats", "--json"]) == 0
    shipped = json.loads(capsys.readouterr().out)
    assert shipped["by_source"]["countries.jsonl"] > 100
    assert cli.main(["gazetteer", "stats", "--top", "3"]) == 0
    assert "source file" in capsys.readouterr().out


@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The surname is written without ZWNJ: gazetteer.py derives the short form from the last
    # space- *or ZWNJ*-separated part, so «آزمون‌پور» would yield «پور» (reported, not ours to fix).
    person = per("per:xx.bardia", "بردیا آزمونپور")
    person["aliases"] = ["بردیا ازمونپور کبیر"]
    common = per("per:xx.omid", "امید", ambiguous=True)
    return jsonl(tmp_path_factory.mktemp("people") / "people.jsonl", person, common)


def test_lookup_explains_key_and_reason(people: Path):
    data = lookup("بردیا آزمون پور", gazetteers=[people])
    assert data["key"] == "بردیاازمونپور"
    [exact] = data["exact"]
    assert exact["entry_id"] == "per:xx.bardia" and exact["why"] == "name" and not exact["weak"]
    assert [e["entity_id"] for e in data["entities"]] == ["per:xx.bardia"]

    data = lookup("آزمونپور گفت", gazetteers=[people])
    assert [(h["text"], h["why"].split(" (")[0]) for h in data["hits"]] == [("آزمونپور", "surname")]

    data = lookup("امید", gazetteers=[people])
    assert data["exact"][0]["weak"] and "flagged ambiguous" in data["exact"][0]["why"]
    assert data["entities"] == []  # weak and no context

    data = lookup("بردیا ازمونپور كبير", gazetteers=[people])
    assert data["exact"][0]["why"].startswith("alias ")


def test_lookup_cli(people: Path, capsys: pytest.CaptureFixture):
    assert cli.main(["gazetteer", "lookup", "بردیا", "آزمونپور", "--gazetteer", str(people)]) == 0
    out = capsys.readouterr().out
    assert "key:        بردیاازمونپور" in out and "per:xx.bardia (PER)" in out and "rule=people.jsonl" in out


# --------------------------------------------------------------------------- add
def test_add_appends_one_validated_line(tmp_path: Path, capsys: pytest.CaptureFixture):
    user = tmp_path / "user.jsonl"
    user.write_text("# my places", encoding="utf-8")  # no final newline: add must not glue lines
    args = ["gazetteer", "add", "--file", str(user), "--id", "loc:xx.sampleabad", "--type", "LOC",
            "--name", "نمونه‌آباد", "--alias", "نمونه آباد بالا", "--kind", "city", "--country", "IRN"]
    assert cli.main(args) == 0
    assert "user.jsonl:2: added loc:xx.sampleabad" in capsys.readouterr().out
    lines = user.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# my places" and json.loads(lines[1])["attrs"] == {"kind": "city", "country": "IRN"}
    assert validate([user]).ok(strict=True)
    before = user.read_text(encoding="utf-8")
    assert cli.main(args) == 2  # duplicate id
    assert "duplicate id 'loc:xx.sampleabad'" in capsys.readouterr().err
    assert cli.main(args[:5] + ["loc:xx.other"] + args[6:-2] + ["--country", "XYZ"]) == 2
    assert "country 'XYZ'" in capsys.readouterr().err
    assert user.read_text(encoding="utf-8") == before


def test_add_refuses_shipped_ids_and_colliding_names(tmp_path: Path):
    user = tmp_path / "user.jsonl"
    with pytest.raises(DataFileError, match="shipped entry"):
        add_entry(user, {"id": "loc:tjk", "type": "LOC", "name": "کشور نمونه"})
    with pytest.raises(DataFileError, match="share the key"):
        add_entry(user, {"id": "org:xx.tj", "type": "ORG", "name": "تاجیکستان"})
    assert not user.exists()
    added = add_entry(user, {"id": "org:xx.tj", "type": "ORG", "name": "تاجیکستان", "attrs": {"ambiguous": True}})
    assert added.line == 1 and added.id == "org:xx.tj"


def test_add_refuses_a_name_colliding_with_an_entry_of_the_same_file(tmp_path: Path):
    user = jsonl(tmp_path / "u.jsonl", {"id": "org:xx.kavir", "type": "ORG", "name": "کویرستان"})
    with pytest.raises(DataFileError, match="share the key"):
        add_entry(user, loc("loc:xx.kavir", "کویر ستان"))
    assert len(user.read_text(encoding="utf-8").splitlines()) == 1


def test_add_generates_an_id(tmp_path: Path):
    user = tmp_path / "u.jsonl"
    assert cli.main(["gazetteer", "add", "--file", str(user), "--type", "PER", "--name", "کاوش نمونه‌زاده"]) == 0
    assert json.loads(user.read_text(encoding="utf-8"))["id"] == "per:user.kavsh_nmvnh_zadh"


# --------------------------------------------------------------------------- induce
# Invented sentences in PEYMA's token|TAG format.
PEYMA = """\
کاوش|B_PER
نمونه‌زاده|I_PER
به|O
نمونه‌آباد|B_LOC
رفت|O
.|O

کاوش|B_PER
نمونه‌زاده|I_PER
از|O
شرکت|B_ORG
آزمون‌گستر|I_ORG
بازدید|O
کرد|O

شرکت|B_ORG
آزمون‌گستر|I_ORG
در|O
نمونه‌آباد|B_LOC
است|O

بهار|B_PER
آمد|O
و|O
بهار|O
رفت|O
و|O
بهار|O
ماند|O

بهار|B_PER
گفت|O

سپهرک|B_LOC
و|O
سپهرک|B_ORG
و|O
سپهرک|B_PER
و|O
تیرداد|B_PER
تکرو|I_PER

از|B_ORG
از|B_ORG
"""


def test_induce_keeps_unambiguous_names_with_counts_and_context(tmp_path: Path):
    corpus = tmp_path / "train.txt"
    corpus.write_text(PEYMA, encoding="utf-8")
    result = induce(corpus, "peyma", min_count=2)
    kept = {e["name"]: e for e in result.entries}
    assert set(kept) == {"کاوش نمونه‌زاده", "شرکت آزمون‌گستر", "نمونه‌آباد"}
    person = kept["کاوش نمونه‌زاده"]
    assert person["id"] == "per:user.kavsh_nmvnh_zadh" and person["type"] == "PER"
    assert person["attrs"]["count"] == 2 and person["attrs"]["labels"] == {"PER": 2}
    assert "[کاوش نمونه‌زاده]" in person["attrs"]["example"] and "train.txt:1" in person["attrs"]["source"]
    reasons = {c.surfaces.most_common(1)[0][0]: r for c, r in result.rejected}
    assert reasons["بهار"].startswith("tagged O in 2 of 4")
    assert reasons["سپهرک"].startswith("mixed labels")
    assert reasons["تیرداد تکرو"].startswith("seen 1 times")
    assert reasons["از"].startswith("a function word")
    assert all(ID_PATTERN.match(e["id"]) for e in result.entries)


def test_induced_file_loads_as_is_and_validates(tmp_path: Path, capsys: pytest.CaptureFixture):
    corpus = tmp_path / "train.txt"
    corpus.write_text(PEYMA, encoding="utf-8")
    out = tmp_path / "induced.jsonl"
    assert cli.main(["gazetteer", "induce", "--from", str(corpus), "--format", "peyma", "--output", str(out),
                     "--rejected", str(tmp_path / "rejected.tsv")]) == 0
    assert validate([out]).errors == []
    gaz = Gazetteer.load([out], env=False)
    assert [e.id for e in gaz.lookup("شرکت آزمون گستر")] == ["org:user.shrkt_azmvn_gstr"]
    assert "mixed labels" in (tmp_path / "rejected.tsv").read_text(encoding="utf-8")
    assert cli.main(["gazetteer", "induce", "--from", str(corpus), "--format", "peyma", "--output", str(out)]) == 2
    assert "--force" in capsys.readouterr().err
    assert cli.main(["gazetteer", "induce", "--from", str(corpus), "--format", "peyma", "--output", str(out), "--force"]) == 0


@pytest.mark.parametrize("fmt, sep, tags", [("arman", " ", ("B-pers", "I-pers", "B-loc")),
                                            ("conll", "\t", ("B-PER", "I-PER", "B-LOC"))])
def test_induce_reads_arman_and_conll(tmp_path: Path, fmt: str, sep: str, tags: tuple[str, str, str]):
    sentence = [("کاوش", tags[0]), ("نمونه‌زاده", tags[1]), ("در", "O"), ("نمونه‌آباد", tags[2]), (".", "O")]
    corpus = tmp_path / "corpus.txt"
    corpus.write_text("\n\n".join("\n".join(f"{t}{sep}{g}" for t, g in sentence) for _ in range(2)) + "\n", encoding="utf-8")
    result = induce(corpus, fmt, min_count=2)
    assert sorted((e["type"], e["name"]) for e in result.entries) == [("LOC", "نمونه‌آباد"), ("PER", "کاوش نمونه‌زاده")]


def test_induce_flags_a_bare_given_name_ambiguous_and_drops_word_surnames(tmp_path: Path):
    lines = ["سهراب|B_PER", "آمد|O", ""] * 2 + ["پرویز|B_PER", "کهن|I_PER", "", "کهن|O", "است|O", ""] * 2
    corpus = tmp_path / "t.txt"
    corpus.write_text("\n".join(lines), encoding="utf-8")
    result = induce(corpus, "peyma", min_count=2)
    assert [(e["name"], e["attrs"].get("ambiguous")) for e in result.entries] == [("سهراب", True)]
    assert any("surname «کهن»" in r for _, r in result.rejected)


def test_slug_is_ascii_and_stable():
    assert slug("نمونه‌آباد") == "nmvnh_abad"
    assert slug("؟!") .startswith("h") and len(slug("؟!")) == 11
    assert ID_PATTERN.match("loc:user." + slug("Entekhab.ir"))


def test_write_entries_refuses_to_overwrite(tmp_path: Path):
    out = tmp_path / "x.jsonl"
    assert write_entries(out, [loc("loc:xx.a", "نمونه‌آباد")], ["header"]) == 1
    with pytest.raises(DataFileError, match="E007"):
        write_entries(out, [])


# --------------------------------------------------------------------------- suggest
TEXTS = [
    "وزیر امور خارجه تاجیکستان کاوش نمونه‌زاده روز دوشنبه به کابل رفت.",
    "کاوش نمونه‌زاده، وزیر امور خارجه تاجیکستان گفت که روابط دو کشور خوب است.",
    "بردیا سپهرکی، سخنگوی وزارت امور خارجه ایران در این باره سخن گفت.",
]


def test_suggest_ranks_unknown_names_found_by_the_rules(tmp_path: Path, nlp):  # noqa: ANN001
    folder = tmp_path / "texts"
    folder.mkdir()
    for n, text in enumerate(TEXTS):
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")
    found = suggest([folder], nlp=nlp)
    names = [s.name for s in found]
    assert names[0] == "کاوش نمونه‌زاده" and found[0].count == 2 and len(found[0].documents) == 2
    assert "بردیا سپهرکی" in names
    reasons = set(found[0].reasons)
    assert "after a role title" in reasons and "apposition «X، title»" in reasons
    assert all(s.label in ("PER", "LOC", "ORG") for s in found)
    assert "000.txt: وزیر امور خارجه تاجیکستان «کاوش نمونه‌زاده»" in found[0].contexts[0]

    tsv = tmp_path / "s.tsv"
    write_suggestions(tsv, found, "tsv")
    rows = tsv.read_text(encoding="utf-8").splitlines()
    assert rows[0].split("\t")[:5] == ["rank", "count", "documents", "label", "name"]
    assert rows[1].split("\t")[1:5] == ["2", "2", "PER", "کاوش نمونه‌زاده"]
    out = tmp_path / "s.jsonl"
    write_suggestions(out, found, "jsonl")
    assert Gazetteer.load([out], env=False).lookup("کاوش نمونه‌زاده")  # loadable once reviewed
    assert validate([out]).errors == []


def test_suggest_cli_writes_tsv_by_default(tmp_path: Path):
    text = tmp_path / "a.txt"
    text.write_text(TEXTS[0], encoding="utf-8")
    out = tmp_path / "out.tsv"
    assert cli.main(["gazetteer", "suggest", "--from", str(text), "--output", str(out)]) == 0
    assert "کاوش نمونه‌زاده" in out.read_text(encoding="utf-8")
    assert cli.main(["gazetteer", "suggest", "--from", str(text), "--output", str(out)]) == 2


# --------------------------------------------------------------------------- the gain script
def test_gain_script_skips_without_shared(tmp_path: Path, capsys: pytest.CaptureFixture):
    spec = importlib.util.spec_from_file_location("gazetteer_gain", ROOT / "scripts" / "gazetteer_gain.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--shared", str(tmp_path)]) == 0
    assert "skipped" in capsys.readouterr().out


def test_only_the_names_listed_as_ambiguous_need_context(tmp_path: Path):
    # «کیف» is also "bag", «کی‌یف» only the city: one entry, one doubtful spelling
    city = loc("loc:xx.kiev", "کی‌یف", ambiguous=True, ambiguous_names=["کیف"])
    city["aliases"] = ["کیف"]
    path = jsonl(tmp_path / "k.jsonl", city)
    assert validate([path], shipped_context=False).ok()
    assert not lookup("کی‌یف", gazetteers=[path])["exact"][0]["weak"]
    assert lookup("کیف", gazetteers=[path])["exact"][0]["weak"]
