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
