"""Gatherings told across sentences (tacitus/gatherings.py), on articles written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.pipeline import Coder
from tacitus.records import EventRecord

pytestmark = pytest.mark.slow


def pairs(events: list[EventRecord], mode: str) -> set[tuple[str | None, str | None]]:
    out = set()
    for e in events:
        if e.type == "CONSULT" and e.mode == mode and e.target is not None:
            a, b = e.source.entity, e.target.entity
            out.add((a, b) if mode == "visit" else tuple(sorted((a or "", b or ""))))
    return out


SUMMIT = ("NAIROBI - Leaders of East Africa met at a summit in the Kenyan capital on Monday to discuss the fighting in "
          "eastern Congo. The meeting, hosted by President William Ruto, was attended by Tanzanian President Samia "
          "Suluhu Hassan and Ugandan President Yoweri Museveni. Rwandan President Paul Kagame said he had used the "
          "summit to press for a ceasefire. Separately, Kagame spoke by phone with French President Emmanuel Macron "
          "on Sunday.")


def test_participants_named_across_sentences_visit_the_host(coder: Coder) -> None:
    evs = coder.code_text(SUMMIT, dt.date(2023, 5, 16)).events
    assert pairs(evs, "visit") >= {("TZA", "KEN"), ("UGA", "KEN"), ("RWA", "KEN")}
    assert pairs(evs, "multilateral") >= {("TZA", "UGA"), ("RWA", "TZA"), ("RWA", "UGA")}
    # the phone call is another event: France never took part in the summit
    assert not any(e.mode in ("visit", "multilateral") and "FRA" in (e.source.entity, e.target and e.target.entity)
                   for e in evs)
    [visit] = [e for e in evs if e.mode == "visit" and e.source.entity == "UGA"]
    assert (visit.date, visit.source.person, visit.target.person) == (dt.date(2023, 5, 15), "Yoweri Museveni",
                                                                     "William Ruto")
    assert len(visit.evidence) >= 2  # where the summit is told, and where Uganda is named taking part


def test_planned_summit_and_its_guests(coder: Coder) -> None:
    text = ("Brazilian President Luiz Inacio Lula da Silva will host a climate summit in Belem on Friday, to be attended "
            "by Colombian President Gustavo Petro and Bolivian President Luis Arce.")
    evs = coder.code_text(text, dt.date(2023, 8, 7)).events
    visits = [e for e in evs if e.mode == "visit"]
    assert {(e.source.entity, e.target.entity) for e in visits} == {("COL", "BRA"), ("BOL", "BRA")}
    assert all(e.status == "planned" and e.date == dt.date(2023, 8, 11) for e in visits)


def test_topics_and_side_meetings_are_not_participants(coder: Coder) -> None:
    text = ("Foreign ministers of Egypt, Jordan and Saudi Arabia held talks in Cairo on Tuesday on the war in Sudan and "
            "on Iran's nuclear programme. A day after meeting Turkish President Recep Tayyip Erdogan, the Saudi "
            "minister flew home.")
    evs = coder.code_text(text, dt.date(2023, 5, 17)).events
    sides = {x for e in evs if e.type == "CONSULT" for x in (e.source.entity, e.target and e.target.entity)}
    assert {"EGY", "JOR", "SAU"} <= sides
    assert "SDN" not in sides and "IRN" not in sides
    assert pairs(evs, "visit") >= {("JOR", "EGY"), ("SAU", "EGY")}


def test_two_sides_are_left_to_the_sentence_coder(coder: Coder) -> None:
    text = ("BERLIN - German Chancellor Olaf Scholz held talks with Polish Prime Minister Donald Tusk in Berlin on "
            "Tuesday. The meeting focused on border controls.")
    evs = coder.code_text(text, dt.date(2024, 7, 3)).events
    assert not [e for e in evs if e.rule == "consult.gathering"]
    assert pairs(evs, "visit") == {("POL", "DEU")}


def test_host_and_guest_named_inside_the_summit_phrase(coder: Coder) -> None:
    text = ("ADDIS ABABA - Kenya and Somalia signed a security pact on Sunday at a summit in the Ethiopian capital hosted "
            "by Prime Minister Abiy Ahmed and attended by Ugandan President Yoweri Museveni.")
    evs = coder.code_text(text, dt.date(2024, 3, 4)).events
    assert pairs(evs, "visit") >= {("KEN", "ETH"), ("SOM", "ETH"), ("UGA", "ETH")}
    [e] = [e for e in evs if e.mode == "visit" and e.source.entity == "UGA"]
    assert (e.target.person, e.date) == ("Abiy Ahmed", dt.date(2024, 3, 3))


def test_the_host_names_the_guests_in_the_next_sentence(coder: Coder) -> None:
    text = ("LONDON - The leaders of Britain, Ireland and Canada agreed on Thursday to coordinate aid to Gaza at their "
            "first summit in a decade. British Prime Minister Keir Starmer hosted Irish Taoiseach Micheal Martin and "
            "Canadian Prime Minister Mark Carney at Downing Street for three hours of talks.")
    evs = coder.code_text(text, dt.date(2025, 6, 20)).events
    visits = {(e.source.entity, e.target.entity): e for e in evs if e.mode == "visit"}
    assert set(visits) == {("IRL", "GBR"), ("CAN", "GBR")}
    assert visits[("CAN", "GBR")].source.person == "Mark Carney"  # the name told, not a title's guess
    assert pairs(evs, "multilateral") == {("CAN", "IRL")}


def test_talks_are_dated_by_the_guests_arrival(coder: Coder) -> None:
    text = ("BAMAKO - Malian leader Assimi Goita agreed on Sunday to hold elections next year, following talks with "
            "Senegalese President Macky Sall and Ghanaian President Nana Akufo-Addo, who flew to Bamako on Saturday.")
    evs = coder.code_text(text, dt.date(2022, 1, 10)).events
    visits = {e.source.entity: e for e in evs if e.mode == "visit"}
    assert set(visits) >= {"SEN", "GHA"} and all(e.target.entity == "MLI" for e in visits.values())
    assert {e.date for e in visits.values()} == {dt.date(2022, 1, 8)}


def test_the_same_venue_later_in_the_article_is_another_gathering(coder: Coder) -> None:
    text = ("JAKARTA - Australian Prime Minister Anthony Albanese announced new aid in Jakarta on Monday after talks "
            "with Indonesian President Prabowo Subianto. Officials said the package would take years to deliver. "
            "Exports of coal rose sharply last year. Prices fell. Prabowo will host a regional summit in Jakarta on "
            "Friday, to be attended by Anthony Albanese and Malaysian Prime Minister Anwar Ibrahim.")
    evs = coder.code_text(text, dt.date(2025, 5, 13)).events
    planned = {(e.source.entity, e.target.entity) for e in evs if e.mode == "visit" and e.status == "planned"}
    assert planned == {("AUS", "IDN"), ("MYS", "IDN")}
    assert any(e.mode == "visit" and e.status == "occurred" and e.source.entity == "AUS" for e in evs)


def test_a_news_conference_and_talks_elsewhere_are_no_summit(coder: Coder) -> None:
    text = ("ALGIERS - Algeria cut relations with Morocco on Tuesday. Foreign Minister Ramtane Lamamra told a news "
            "conference in Algiers that the decision was final. He criticised Israeli Foreign Minister Yair Lapid, "
            "who spoke about Algeria during a visit to Morocco, when he held talks with his Moroccan counterpart, "
            "Nasser Bourita.")
    evs = coder.code_text(text, dt.date(2021, 8, 25)).events
    assert not [e for e in evs if e.rule == "consult.gathering"]
    assert {(e.source.entity, e.target.entity) for e in evs if e.type == "CONSULT"} == {("ISR", "MAR")}


def test_leaders_reporting_on_the_meeting_in_one_breath_took_part(coder: Coder) -> None:
    text = ("JAKARTA - Southeast Asian leaders met Myanmar's junta chief, Senior General Min Aung Hlaing, at a special "
            "meeting in Jakarta on Saturday. The meeting was hosted by Indonesian President Joko Widodo. Malaysian "
            "Prime Minister Muhyiddin Yassin said he had used the meeting to urge the release of detainees, and "
            "Singapore's Prime Minister Lee Hsien Loong said the general had listened.")
    evs = coder.code_text(text, dt.date(2021, 4, 25)).events
    assert pairs(evs, "visit") >= {("MMR", "IDN"), ("MYS", "IDN"), ("SGP", "IDN")}


def test_a_state_condemning_the_talks_takes_no_part_in_them(coder: Coder) -> None:
    evs = coder.code_text("Armenia and Azerbaijan held talks in Abu Dhabi on Monday. Moscow criticised the talks.",
                          dt.date(2026, 3, 4)).events
    assert {frozenset((e.source.entity, e.target.entity)) for e in evs if e.type == "CONSULT"} == {
        frozenset(("ARM", "AZE"))}
