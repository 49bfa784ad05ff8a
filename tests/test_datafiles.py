from pathlib import Path

import pytest

from tacitus.errors import DataFileError
from tacitus.kb import ActorKB, DATA_DIR, PersonEntry
from tacitus.datafiles import load_records


def test_error_names_file_line_and_field(tmp_path: Path) -> None:
    f = tmp_path / "people.yaml"
    f.write_text("- name: A\n  country: IRN\n  roles: []\n- name: B\n  country: XXX\n", encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_records(f, PersonEntry)
    assert str(exc.value).startswith(f"[{f}:5 country]")
    assert "ISO 3166-1" in str(exc.value)


def test_unknown_field_is_rejected(tmp_path: Path) -> None:
    f = tmp_path / "people.yaml"
    f.write_text("- name: A\n  nickname: X\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r":2 nickname\]"):
        load_records(f, PersonEntry)


def test_yaml_syntax_error_has_a_line(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("- name: A\n  aliases: [x, y\n- name: B\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.yaml:\d+\] not valid YAML"):
        load_records(f, PersonEntry)


def test_user_officials_file_with_unknown_role(tmp_path: Path) -> None:
    f = tmp_path / "mine.yaml"
    f.write_text("- name: Jane Doe\n  country: FRA\n  roles:\n    - {role: Wizard, start: 2020-01-01}\n")
    with pytest.raises(DataFileError, match=r"mine.yaml:1 roles.role\] unknown role 'Wizard'"):
        ActorKB.load(DATA_DIR, (f,))


def test_bundled_data_loads() -> None:
    kb = ActorKB.load()
    assert len(kb.countries) >= 240
    assert {"OIC", "UN", "UNSC", "HAMAS", "PIJ", "HEZBOLLAH"} <= set(kb.orgs)
    assert len(kb.persons) >= 50


def test_place_under_two_countries_is_an_error(tmp_path: Path) -> None:
    import shutil

    for f in DATA_DIR.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
    shutil.copytree(DATA_DIR / "officials", tmp_path / "officials")
    (tmp_path / "places.yaml").write_text("- country: IRQ\n  places: [Basra]\n- country: IRN\n  places: [Basra]\n")
    with pytest.raises(DataFileError, match=r"places.yaml:3 places\] 'Basra' is already listed under IRQ"):
        ActorKB.load(tmp_path)


def test_user_organisation_file_adds_and_overrides(tmp_path: Path) -> None:
    f = tmp_path / "orgs.yaml"
    f.write_text("- {code: ACME_FRONT, kind: nonstate, names: [Acme Liberation Front], country: MLI, agent: REB}\n"
                 "- {code: XNGO, kind: ngo, names: [Friends of Nowhere], agent: NGO}\n", encoding="utf-8")
    kb = ActorKB.load(DATA_DIR, (), (f,))
    assert kb.orgs["ACME_FRONT"].country == "MLI" and kb.orgs["XNGO"].country is None
    f.write_text("- {code: ACME, kind: nonstate, names: [Acme]}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"orgs.yaml:1"):
        ActorKB.load(DATA_DIR, (), (f,))


def test_bundled_places_and_organisations_load() -> None:
    kb = ActorKB.load()
    assert kb.places["Basra"] == "IRQ" and len(kb.places) >= 500
    assert len(kb.orgs) >= 400 and kb.orgs["AMNESTY"].kind == "ngo"


def test_a_family_can_only_outrank_families_that_exist(tmp_path: Path) -> None:
    from tacitus.coding import TriggerLexicon

    f = tmp_path / "triggers.yaml"
    f.write_text("- rule: aid.a\n  type: AID\n  anchor: verb\n  patterns: [give ... MONEY]\n"
                 "  outranks: [agree.b]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"triggers.yaml:1 outranks\] unknown rule id 'agree.b'"):
        TriggerLexicon.load(f)
