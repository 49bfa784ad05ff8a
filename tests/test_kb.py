import datetime as dt
import shutil
from pathlib import Path

import pytest

from tacitus.actors import NameIndex, normalize_name
from tacitus.kb import DATA_DIR, ActorKB

OFFICIALS = """
- name: Hossein Amir-Abdollahian
  aliases: [Amir Abdollahian, Amirabdollahian]
  country: IRN
  roles: [{role: Foreign Minister, start: 2021-08-25, end: 2024-05-19}]
- name: Ali Bagheri Kani
  aliases: [Ali Bagheri]
  country: IRN
  roles: [{role: Foreign Minister, start: 2024-05-20, end: 2024-08-21, acting: true}]
- name: Abbas Araghchi
  country: IRN
  roles: [{role: Foreign Minister, start: 2024-08-21}]
"""


@pytest.fixture()
def kb(tmp_path: Path) -> ActorKB:
    for name in ("countries.yaml", "organizations.yaml", "titles.yaml", "agents.yaml", "places.yaml", "triggers.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    (tmp_path / "officials").mkdir()
    (tmp_path / "officials" / "iran.yaml").write_text(OFFICIALS, encoding="utf-8")
    return ActorKB.load(tmp_path)


@pytest.mark.parametrize("day,who", [
    (dt.date(2023, 10, 9), "Hossein Amir-Abdollahian"),
    (dt.date(2024, 6, 1), "Ali Bagheri Kani"),
    (dt.date(2025, 1, 1), "Abbas Araghchi"),
])
def test_office_holder_by_date(kb: ActorKB, day: dt.date, who: str) -> None:
    holders = kb.office_holders("foreign_minister", day, country="IRN")
    assert [p.name for p, _ in holders] == [who]


def test_handover_day_has_both_holders(kb: ActorKB) -> None:
    names = {p.name for p, _ in kb.office_holders("foreign_minister", dt.date(2024, 8, 21), country="IRN")}
    assert names == {"Ali Bagheri Kani", "Abbas Araghchi"}


@pytest.mark.parametrize("spelling", ["Amir Abdollahian", "Amir Aalbdollahian", "Amir Adollahian",
                                      "Hossein Amir Abdollahian", "AMIR-ABDOLLAHIAN"])
def test_spelling_variants_find_the_person(kb: ActorKB, spelling: str) -> None:
    cands = NameIndex(kb.persons).candidates(spelling)
    assert cands and cands[0][0].name == "Hossein Amir-Abdollahian"


def test_unrelated_name_finds_nobody(kb: ActorKB) -> None:
    assert NameIndex(kb.persons).candidates("Mohammad Bagher Ghalibaf") == []


def test_normalize_name_drops_honorifics_and_accents() -> None:
    assert normalize_name("Sheikh Tamim bin Hamad Al-Thani") == ["tamim", "bin", "hamad", "al", "thani"]
    assert normalize_name("Mevlüt Çavuşoğlu") == ["mevlut", "cavusoglu"]
