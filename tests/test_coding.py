"""Event semantics on sentences written for these tests: pairing, symmetry, status, dates."""

from __future__ import annotations

import datetime as dt

import pytest

from tacitus.pipeline import Coder
from tacitus.records import EventRecord

pytestmark = pytest.mark.slow
PUB = dt.date(2022, 11, 16)  # a Wednesday


def code(coder: Coder, text: str, day: dt.date = PUB) -> list[EventRecord]:
    return coder.code_text(text, day).events


def consults(evs: list[EventRecord]) -> list[EventRecord]:
    return [e for e in evs if e.type == "CONSULT"]


def dyad(e: EventRecord) -> frozenset:
    return frozenset({e.source.entity, e.target.entity if e.target else None})


def test_separate_calls_are_two_events_and_never_pair_the_counterparts(coder: Coder) -> None:
    evs = consults(code(coder, "Saudi Foreign Minister Prince Faisal bin Farhan held separate phone calls with "
                               "his French and German counterparts on Tuesday to discuss Yemen."))
    assert {dyad(e) for e in evs} == {frozenset({"SAU", "FRA"}), frozenset({"SAU", "DEU"})}
    assert all(e.mode == "phone" and e.date == dt.date(2022, 11, 15) for e in evs)


def test_joint_action_is_one_symmetric_event(coder: Coder) -> None:
    evs = consults(code(coder, "Egyptian President Abdel Fattah al-Sisi and Jordan's King Abdullah II discussed "
                               "the Gaza truce by telephone on Monday."))
    assert len(evs) == 1 and evs[0].symmetric and dyad(evs[0]) == frozenset({"EGY", "JOR"})
    assert evs[0].mode == "phone" and evs[0].date == dt.date(2022, 11, 14)


def test_visit_and_host_direction(coder: Coder) -> None:
    e = consults(code(coder, "Indian Prime Minister Narendra Modi visited Japan on Monday."))[0]
    assert (e.source.country, e.target.country if e.target else None, e.mode, e.symmetric) == ("IND", "JPN", "visit", False)
    e = consults(code(coder, "Chinese President Xi Jinping hosted Brazilian President Luiz Inacio Lula da Silva "
                             "in Beijing on Friday."))[0]
    # the dyadic convention: the guest visits the host
    assert (e.source.country, e.target.country if e.target else None, e.mode, e.cameo) == ("BRA", "CHN", "visit", "042")


def test_denial(coder: Coder) -> None:
    evs = consults(code(coder, "Oman's foreign ministry denied that its foreign minister had met Israeli officials."))
    assert evs and all(e.status == "denied" for e in evs)
    evs = consults(code(coder, "The Egyptian president did not meet the Ethiopian prime minister on Monday."))
    assert evs and all(e.status == "denied" for e in evs)


def test_plan_with_future_date(coder: Coder) -> None:
    evs = consults(code(coder, "The Qatari emir will visit Ankara next week, his office said."))
    assert len(evs) == 1 and evs[0].status == "planned" and evs[0].target and evs[0].target.country == "TUR"


def test_conditional_is_hypothetical(coder: Coder) -> None:
    evs = [e for e in code(coder, "If the talks collapse, the European Union would impose new sanctions on Iran.")
           if e.type == "SANCTION"]
    assert evs and evs[0].status == "hypothetical" and evs[0].source.org == "EU"
    evs = [e for e in code(coder, "Washington would lift the embargo if Havana did not release the dissidents.")
           if e.type == "RETREAT"]
    assert [(e.source.entity, e.status) for e in evs] == [("CUB", "hypothetical")], "a negated condition is no denial"
    evs = [e for e in code(coder, "Turkey will strike Syria if Damascus sends troops north.") if e.type == "ASSAULT"]
    assert [e.status for e in evs] == ["hypothetical"], "a future act on a condition told after it"
    evs = consults(code(coder, "Modi will visit Nepal on Monday if the weather allows.", dt.date(2023, 5, 5)))
    assert [(e.status, e.date) for e in evs] == [("hypothetical", dt.date(2023, 5, 8))]


def test_recalled_background_is_not_dated_with_publication(coder: Coder) -> None:
    text = ("Kazakh President Kassym-Jomart Tokayev spoke by telephone with Russian President Vladimir Putin on "
            "Tuesday. The two leaders last met in Samarkand in September 2022. Tokayev also visited Beijing.")
    evs = consults(code(coder, text, dt.date(2022, 11, 16)))
    dated = {(e.mode, e.target.country if e.target else None): (e.date, e.date_precision) for e in evs}
    assert dated[("phone", "RUS")] == (dt.date(2022, 11, 15), "day")
    assert dated[(None, "RUS")] == (dt.date(2022, 9, 1), "month")  # the recalled meeting keeps its own date
    assert dated[("visit", "CHN")] == (None, None)  # undated recalled visit, not the publication date


def test_condemnation_of_an_attack_targets_the_attacker(coder: Coder) -> None:
    evs = [e for e in code(coder, "Egypt on Sunday condemned the Israeli air strike on Rafah.") if e.type == "ACCUSE"]
    assert evs and evs[0].source.country == "EGY" and evs[0].target and evs[0].target.country == "ISR"
    assert evs[0].cameo == "111"


def test_passive_agent_is_the_source(coder: Coder) -> None:
    evs = consults(code(coder, "The Iraqi foreign minister was received by Syrian President Bashar al-Assad in "
                               "Damascus on Sunday."))
    # received by Assad: the agent hosts; by the dyadic convention the Iraqi guest visits the Syrian host
    assert evs and evs[0].target and (evs[0].source.country, evs[0].target.country, evs[0].mode) == ("IRQ", "SYR", "visit")
    assert evs[0].target.person == "Bashar al-Assad"


def test_no_event_in_non_political_text(coder: Coder) -> None:
    assert code(coder, "Heavy rain is expected across the region on Thursday, forecasters said. Shares of the "
                       "carmaker rose 3% after strong quarterly earnings.") == []


def test_meeting_of_three_states_follows_the_dyadic_convention(coder: Coder) -> None:
    evs = consults(code(coder, "The foreign ministers of Egypt, Jordan and Saudi Arabia met in Amman on Tuesday "
                               "to discuss the Gaza truce."))
    by_mode = {(e.mode, dyad(e)) for e in evs}
    assert by_mode == {("visit", frozenset({"EGY", "JOR"})), ("visit", frozenset({"SAU", "JOR"})),
                       ("multilateral", frozenset({"EGY", "SAU"}))}
    visits = [e for e in evs if e.mode == "visit"]
    assert all(e.target.entity == "JOR" and not e.symmetric and e.cameo == "042" for e in visits)
    assert all(e.date == dt.date(2022, 11, 15) for e in evs)


def test_host_of_two_guests_gives_two_visits_and_one_multilateral_pair(coder: Coder) -> None:
    evs = consults(code(coder, "Kazakh President Kassym-Jomart Tokayev hosted the presidents of Russia and Turkey "
                               "in Astana on Monday."))
    assert {(e.mode, e.source.entity, e.target.entity) for e in evs if e.mode == "visit"} == {
        ("visit", "RUS", "KAZ"), ("visit", "TUR", "KAZ")}
    assert {dyad(e) for e in evs if e.mode == "multilateral"} == {frozenset({"RUS", "TUR"})}


def test_two_sides_meeting_stay_one_symmetric_event(coder: Coder) -> None:
    evs = consults(code(coder, "The Egyptian and Jordanian foreign ministers met in Cairo on Monday."))
    assert len(evs) == 1 and evs[0].mode != "multilateral"


def test_generic_actors_take_their_state_from_an_adjective_or_a_place(coder: Coder) -> None:
    [p] = [e for e in code(coder, "Hundreds of demonstrators in Basra blocked a highway on Monday to protest "
                                  "power cuts.") if e.type == "PROTEST"]
    assert p.source.country == "IRQ" and p.source.agent == "CVL"
    [a] = [e for e in code(coder, "Irish nationalist guerrillas wounded two British soldiers in a bomb attack "
                                  "on Thursday.") if e.type == "ASSAULT"]
    assert (a.source.country, a.source.agent, a.target.country) == ("IRL", "REB", "GBR")


def test_victims_of_a_named_side_s_strikes(coder: Coder) -> None:
    [a] = [e for e in code(coder, "At least nine people were killed in Saudi air strikes on the Yemeni port city "
                                  "of Hodeidah on Sunday, Houthi officials said.") if e.type == "ASSAULT"]
    assert a.source.country == "SAU"


def test_unnamed_attacker_is_kept_when_the_victims_are_known(coder: Coder) -> None:
    [a] = [e for e in code(coder, "Two French soldiers were killed by a roadside bomb in northern Mali on "
                                  "Saturday.") if e.type == "ASSAULT"]
    assert a.source.agent == "UAF" and a.target.country == "FRA"


def test_demand_targets_the_subject_of_its_clause(coder: Coder) -> None:
    [r] = [e for e in code(coder, "Beijing demanded on Friday that Washington cancel a planned arms sale to "
                                  "Taiwan.") if e.type == "REQUEST"]
    assert (r.source.entity, r.target.entity) == ("CHN", "USA")


def test_participle_used_as_an_adjective_is_no_event(coder: Coder) -> None:
    evs = code(coder, "Israel launched its long-threatened ground offensive in southern Lebanon on Tuesday.")
    assert "THREATEN" not in {e.type for e in evs}
    assert "ASSAULT" in {e.type for e in evs}


def test_conjoined_clause_keeps_its_own_date(coder: Coder) -> None:
    text = ("This year the Cuban leader has travelled to Moscow for talks with Vladimir Putin in March, and he met "
            "Brazilian President Luiz Inacio Lula da Silva in Brasilia in June.")
    evs = {e.target.entity: e for e in consults(code(coder, text, dt.date(2023, 9, 1))) if e.target}
    assert evs["BRA"].date == dt.date(2023, 6, 1) and evs["RUS"].date == dt.date(2023, 3, 1)


def test_reported_call_takes_the_day_the_lead_reports(coder: Coder) -> None:
    text = ("PARIS - France's foreign minister said on Tuesday he had warned his Algerian counterpart of consequences. "
            "Jean-Noel Barrot said he had spoken by phone with Ahmed Attaf, who had earlier complained about visas.")
    [e] = [e for e in consults(code(coder, text, dt.date(2025, 4, 2))) if e.mode == "phone"]
    assert (e.date, e.date_precision) == (dt.date(2025, 4, 1), "context")


def test_an_accepted_invitation_is_a_planned_visit_by_the_invitee(coder: Coder) -> None:
    evs = consults(code(coder, "Chilean President Gabriel Boric said he had accepted an invitation to visit Argentina."))
    assert [(e.source.entity, e.target.entity, e.mode, e.status) for e in evs] == [("CHL", "ARG", "visit", "planned")]
    evs = consults(code(coder, "Chilean President Gabriel Boric declined an invitation to visit Argentina."))
    assert [e.status for e in evs] == ["denied"]


def test_three_days_later_counts_from_the_event_told_before(coder: Coder) -> None:
    text = ("French President Emmanuel Macron visited Beirut on August 6. German Foreign Minister Heiko Maas "
            "visited Beirut three days later.")
    evs = {e.source.entity: e for e in consults(code(coder, text, dt.date(2020, 8, 20)))}
    assert evs["FRA"].date == dt.date(2020, 8, 6) and evs["DEU"].date == dt.date(2020, 8, 9)


def test_a_relative_day_counts_from_the_day_told_before_it_even_with_no_event(coder: Coder) -> None:
    text = ("Serbian officials said a bridge near the border was blown up on Sunday night. Kosovo police said "
            "Serbian forces had shelled Kosovo the same night.")
    [e] = [e for e in code(coder, text, dt.date(2023, 5, 10)) if e.type == "ASSAULT"]
    assert (e.source.entity, e.target.entity, e.date) == ("SRB", "XKX", dt.date(2023, 5, 7))
    text = ("Dutch troops began arriving in Mali on March 6 after the Malian government appealed to the Netherlands "
            "for help the previous day.")
    [e] = [e for e in code(coder, text, dt.date(2023, 3, 20)) if e.type == "REQUEST"]
    assert (e.source.entity, e.target.entity, e.date) == ("MLI", "NLD", dt.date(2023, 3, 5))


def test_a_meeting_tried_on_a_weekday_is_dated_that_past_day(coder: Coder) -> None:
    [e] = consults(code(coder, "Bolivia tried to meet Chilean officials on Monday.", dt.date(2023, 5, 5)))
    assert e.date == dt.date(2023, 5, 1)
    [e] = consults(code(coder, "Bolivia will try to meet Chilean officials on Monday.", dt.date(2023, 5, 5)))
    assert e.date == dt.date(2023, 5, 8)


def test_an_act_under_way_when_it_was_said_happened_that_day(coder: Coder) -> None:
    text = "Chilean President Gabriel Boric said on Tuesday that Chile was pulling out of the fisheries accord with Peru."
    [e] = [e for e in code(coder, text, dt.date(2023, 5, 5)) if e.type == "SANCTION"]
    assert (e.source.entity, e.target.entity, e.date, e.mode) == ("CHL", "PER", dt.date(2023, 5, 2), "discontinue")
    text = "Chilean President Gabriel Boric said on Tuesday that Chile would pull out of the fisheries accord with Peru."
    [e] = [e for e in code(coder, text, dt.date(2023, 5, 5)) if e.type == "SANCTION"]
    assert e.date != dt.date(2023, 5, 2), "a future act is not dated by the day it was announced"


def test_a_second_target_with_its_own_date(coder: Coder) -> None:
    evs = consults(code(coder, "Chilean President Gabriel Boric will visit Peru on Monday and Bolivia on Thursday.",
                        dt.date(2023, 5, 3)))
    assert {(e.target.entity, e.date) for e in evs} == {("PER", dt.date(2023, 5, 8)), ("BOL", dt.date(2023, 5, 4))}
    evs = consults(code(coder, "Turkish President Recep Tayyip Erdogan spoke by phone with Vladimir Putin on Monday "
                               "and with Volodymyr Zelensky on Tuesday.", dt.date(2023, 5, 3)))
    assert {(e.target.entity, e.date) for e in evs} == {("RUS", dt.date(2023, 5, 1)), ("UKR", dt.date(2023, 5, 2))}


def test_they_after_two_named_leaders_is_that_pair(coder: Coder) -> None:
    text = ("Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev both spoke at the forum, "
            "but they did not hold talks.")
    evs = [e for e in consults(code(coder, text)) if e.status == "denied"]
    assert [dyad(e) for e in evs] == [frozenset({"ARM", "AZE"})]


def test_the_three_governments_are_the_three_just_named(coder: Coder) -> None:
    text = ("Spain, Ireland and Norway recognised a Palestinian state on Tuesday. Israeli officials sharply criticised "
            "the three European governments.")
    evs = [e for e in code(coder, text, dt.date(2024, 5, 29)) if e.type == "ACCUSE"]
    assert {(e.source.entity, e.target.entity) for e in evs} == {("ISR", "ESP"), ("ISR", "IRL"), ("ISR", "NOR")}


def test_each_side_accused_the_other(coder: Coder) -> None:
    text = "Indian and Pakistani troops exchanged fire in Kashmir, and each side accused the other of starting it."
    evs = [e for e in code(coder, text) if e.type == "ACCUSE"]
    assert {(e.source.entity, e.target.entity) for e in evs} == {("IND", "PAK"), ("PAK", "IND")}


def test_what_an_appeal_asks_for_is_not_an_event(coder: Coder) -> None:
    evs = code(coder, "The European Union urged Russia to withdraw its troops from the border.")
    assert [(e.type, e.source.entity, e.target and e.target.entity) for e in evs] == [("REQUEST", "EU", "RUS")]
    evs = code(coder, "Syria demanded that Israel withdraw from the Golan Heights.")
    assert [(e.type, e.source.entity, e.target and e.target.entity) for e in evs] == [("REQUEST", "SYR", "ISR")]


def test_both_of_whom_are_the_two_just_named(coder: Coder) -> None:
    text = ("The minister spoke with his Dutch and Belgian counterparts, Caspar Veldkamp and Maxime Prevot, both of "
            "whom called on Israel to open the crossings.")
    evs = [e for e in code(coder, text, dt.date(2025, 3, 5)) if e.type == "REQUEST"]
    assert {(e.source.entity, e.target.entity) for e in evs} == {("NLD", "ISR"), ("BEL", "ISR")}


def test_lists_of_states_and_reciprocal_acts(coder: Coder) -> None:
    evs = [e for e in code(coder, "Saudi Arabia, the UAE, Bahrain and Egypt cut diplomatic relations with Qatar.")
           if e.type == "SANCTION"]
    assert {e.source.entity for e in evs} == {"SAU", "ARE", "BHR", "EGY"} and {e.target.entity for e in evs} == {"QAT"}
    text = "Relations between Ankara and Cairo collapsed, and the two countries expelled each other's ambassadors."
    evs = [e for e in code(coder, text) if e.type == "SANCTION"]
    assert {(e.source.entity, e.target.entity) for e in evs} == {("TUR", "EGY"), ("EGY", "TUR")}
    evs = [e for e in code(coder, "Germany and Poland each expelled four diplomats, and Canada also took part.")
           if e.type == "SANCTION"]
    assert all(e.target is None or e.target.entity != "CAN" for e in evs)


def test_a_when_clause_tells_where_the_talks_were(coder: Coder) -> None:
    text = ("Narendra Modi and Nawaz Sharif last held talks in December 2015, when the Indian leader made a surprise "
            "stopover in Lahore.")
    [e] = consults(code(coder, text, dt.date(2017, 6, 10)))
    assert (e.mode, e.source.entity, e.target.entity) == ("visit", "IND", "PAK")


def test_an_after_clause_in_the_lead_is_the_days_news(coder: Coder) -> None:
    text = ("CARACAS - Venezuela agreed on Tuesday to release detained opposition leaders, after the foreign "
            "ministers of Brazil and Colombia flew to Caracas together. The talks lasted six hours.")
    evs = [e for e in consults(code(coder, text, dt.date(2024, 3, 6))) if e.mode == "visit"]
    assert {(e.source.entity, e.date) for e in evs} == {("BRA", dt.date(2024, 3, 5)), ("COL", dt.date(2024, 3, 5))}


def test_a_warning_is_for_the_one_other_side_the_sentence_names(coder: Coder) -> None:
    text = ("The Dutch foreign minister said he had told his Russian counterpart of his anger over the detention of a "
            "Dutch ship in the Baltic Sea, and warned of serious consequences.")
    evs = [e for e in code(coder, text) if e.type == "THREATEN"]
    assert [(e.source.entity, e.target and e.target.entity) for e in evs] == [("NLD", "RUS")]


def test_agreeing_to_sanction_someone_is_the_sanction(coder: Coder) -> None:
    evs = code(coder, "European Union foreign ministers agreed on Monday to impose an arms embargo on Belarus.")
    assert [(e.type, e.status, e.target.entity) for e in evs] == [("SANCTION", "planned", "BLR")]
    evs = code(coder, "Iran agreed on Tuesday to suspend its uranium enrichment programme.")
    assert not [e for e in evs if e.type == "SANCTION"]


def test_a_retreat_promised_is_a_concession_made_the_day_it_was_told(coder: Coder) -> None:
    # PLOVER: "announced ... would withdraw troops" is RETREAT + future, coded CONCEDE; the retreat stays planned
    evs = code(coder, "Moscow announced on Monday that Russia would pull its troops back from the Georgian border.")
    got = sorted((e.type, e.status, e.date, e.source.entity, e.target.entity if e.target else None) for e in evs)
    assert got == [("CONCEDE", "occurred", dt.date(2022, 11, 14), "RUS", "GEO"),
                   ("RETREAT", "planned", None, "RUS", "GEO")]
    evs = code(coder, "Sudan agreed on Sunday to let UN monitors into Darfur.")
    assert ("CONCEDE", dt.date(2022, 11, 13)) in [(e.type, e.date) for e in evs]
    # the day the prisoners will go free is not the day the release was promised
    evs = code(coder, "Egypt will free 30 Sudanese fishermen next week, officials in Cairo said.")
    assert [(e.type, e.date) for e in evs if e.type == "CONCEDE"] == [("CONCEDE", PUB)]
    # what others foresee is no promise, and a retreat done is no concession
    evs = code(coder, "Ethiopia is likely to withdraw its troops from Somalia by March.")
    assert [(e.type, e.status, e.date) for e in evs] == [("RETREAT", "planned", dt.date(2023, 3, 1))]
    assert not [e for e in code(coder, "Ethiopia withdrew its troops from Somalia on Monday.") if e.type == "CONCEDE"]


def test_a_capture_told_without_its_captor_is_by_the_side_told_holding_the_captive(coder: Coder) -> None:
    evs = code(coder, "Turkish journalist Deniz Yilmaz flew home on Monday after two years as a hostage of Al-Shabaab. "
                      "Yilmaz was captured in March 2020 near the Kenyan border.")
    assert [(e.type, e.source.entity, e.target.entity, e.date) for e in evs if e.type == "COERCE"] == [
        ("COERCE", "SOM", "TUR", dt.date(2020, 3, 1))]
    evs = code(coder, "Azerbaijan will hand over three captured Armenian soldiers on Friday. "
                      "The soldiers were taken prisoner on Sunday after crossing the border.")
    assert ("COERCE", "AZE", "ARM", dt.date(2022, 11, 13)) in [
        (e.type, e.source.entity, e.target.entity if e.target else None, e.date) for e in evs]
    # a captor the sentence names, or captives of another state than the ones told held, are not guessed
    evs = code(coder, "Iran freed two French tourists on Monday. A British aid worker was captured by rebels in 2019.")
    assert not [e for e in evs if e.type == "COERCE" and e.source.entity == "IRN"]


def test_drills_called_off_de_escalate_unless_they_answer_the_other_sides_act(coder: Coder) -> None:
    evs = code(coder, "Russia suspended its military drills near the Ukrainian border on Tuesday.")
    assert [(e.type, e.mode, e.source.entity) for e in evs] == [("RETREAT", "disarm", "RUS")]
    evs = code(coder, "Greece cancelled two joint naval exercises after Turkish jets violated Greek airspace.")
    assert [(e.type, e.mode, e.source.entity, e.target.entity) for e in evs] == [
        ("SANCTION", "discontinue", "GRC", "TUR")]
    # pledged after a pair's talks: to the other side, by the one who told it; neither the partner in the drills
    # nor the negotiations of the next clause are what is suspended
    evs = code(coder, "Chinese President Xi Jinping and Philippine President Ferdinand Marcos held talks in Beijing on "
                      "Tuesday. Marcos said Manila would suspend its naval exercises with Japan while negotiations "
                      "continue.")
    got = {(e.type, e.status, e.source.entity, e.source.person, e.target.entity) for e in evs if e.type != "CONSULT"}
    assert got == {("RETREAT", "planned", "PHL", None, "CHN"),
                   ("CONCEDE", "occurred", "PHL", "Ferdinand Marcos Jr.", "CHN")}


def test_a_stated_amount_of_aid_pledged_is_aid_given_the_day_it_was_told(coder: Coder) -> None:
    evs = code(coder, "Norway said on Monday it would send 40 paramedics to Ukraine.")
    assert [(e.type, e.status, e.date, e.target.entity) for e in evs] == [("AID", "occurred", dt.date(2022, 11, 14), "UKR")]
    evs = code(coder, "Kuwait will provide $25 million in relief to Sudan, its foreign ministry said on Tuesday.")
    assert [(e.type, e.status, e.date) for e in evs] == [("AID", "occurred", dt.date(2022, 11, 15))]
    # aid promised without an amount stays a plan; one others foresee is no pledge
    evs = code(coder, "Norway said on Monday it would send medical aid to Ukraine.")
    assert [(e.type, e.status, e.date) for e in evs] == [("AID", "planned", None)]
    evs = code(coder, "Kuwait is expected to provide $25 million in relief to Sudan.")
    assert [e.status for e in evs if e.type == "AID"] in ([], ["planned"])


def test_freed_in_a_participle_clause_was_freed_by_the_captor_told(coder: Coder) -> None:
    evs = code(coder, "French aid worker Claire Dubois came home on Monday after more than two years as a captive of "
                      "Al-Shabaab in Somalia, freed in exchange for dozens of Somali prisoners.")
    assert [(e.type, e.source.entity, e.target.entity, e.date) for e in evs if e.type == "RETREAT"] == [
        ("RETREAT", "SOM", "FRA", dt.date(2022, 11, 14))]
    # "asked whether ...": the one asked is no one asking
    evs = code(coder, "Asked whether Turkey would veto the Swedish bid, Erdogan did not rule it out.")
    assert not [e for e in evs if e.type == "REQUEST" and e.source.entity == "TUR"]


def test_troops_arriving_with_no_place_told_arrive_where_the_report_was_filed(coder: Coder) -> None:
    evs = code(coder, "NAIROBI - More than 1,000 Ethiopian soldiers began arriving on May 2.", dt.date(2023, 5, 10))
    assert [(e.type, e.source.entity, e.target.entity, e.date) for e in evs] == [
        ("MOBILIZE", "ETH", "KEN", dt.date(2023, 5, 2))]
    # "most of them Russian paratroopers": the state the apposition names
    evs = code(coder, "BAMAKO - Mali's junta said on Tuesday that the mission would end by June. More than 1,000 "
                      "troops, most of them Russian paratroopers, began arriving on May 2 after the junta appealed to "
                      "Moscow for help the previous day.", dt.date(2023, 5, 10))
    assert [(e.type, e.source.entity, e.target.entity) for e in evs if e.type == "MOBILIZE"] == [
        ("MOBILIZE", "RUS", "MLI")]
    # a leader arriving with no place told is left to the visit the article tells with its talks
    assert not code(coder, "NAIROBI - Ethiopian Prime Minister Abiy Ahmed arrived on Monday for a two-day visit.")


def test_holding_someone_responsible_is_blame_being_held_responsible_names_no_one(coder: Coder) -> None:
    evs = code(coder, "Kenya's president said he held Somalia responsible for the attack on the border post.")
    assert [(e.type, e.source.entity, e.target.entity) for e in evs if e.type == "ACCUSE"] == [("ACCUSE", "KEN", "SOM")]
    evs = code(coder, "LUXEMBOURG - The ministers agreed to bar entry to Belarusian officials held responsible for the "
                      "crackdown in Minsk in August.")
    assert not [e for e in evs if e.type == "ACCUSE"]


def test_a_conjoined_clause_without_a_date_shares_the_first_ones(coder: Coder) -> None:
    text = ("On Friday, Indian Prime Minister Narendra Modi held talks with Chinese President Xi Jinping, and the two "
            "leaders agreed to respect each other's core concerns.")
    [e] = [e for e in code(coder, text, dt.date(2017, 6, 10)) if e.type == "AGREE"]
    assert ({e.source.entity, e.target.entity}, e.date) == ({"IND", "CHN"}, dt.date(2017, 6, 9))


def test_the_host_of_a_visit_is_the_one_counterpart_the_article_names(coder: Coder) -> None:
    text = ("Georgian President Mikheil Saakashvili accused Russia of ignoring the truce. US Secretary of State "
            "Condoleezza Rice visited Tbilisi on Friday.")
    [e] = consults(code(coder, text, dt.date(2008, 8, 17)))
    assert (e.source.person, e.target.entity, e.target.person) == ("Condoleezza Rice", "GEO", "Mikheil Saakashvili")
    text = ("Georgian President Mikheil Saakashvili and Prime Minister Vladimir Gurgenidze spoke on Thursday. "
            "US Secretary of State Condoleezza Rice visited Tbilisi on Friday.")
    [e] = consults(code(coder, text, dt.date(2008, 8, 17)))
    assert e.target.person is None  # two leaders named: nobody is guessed


def test_a_denial_told_as_todays_news_takes_the_day(coder: Coder) -> None:
    text = ("ASTANA - Leaders of the regional bloc met on Friday. Armenian Prime Minister Nikol Pashinyan and "
            "Azerbaijani President Ilham Aliyev both spoke at the forum, but they did not hold talks.")
    [e] = [e for e in consults(code(coder, text, dt.date(2024, 6, 8))) if e.status == "denied"]
    assert (e.date, e.date_precision) == (dt.date(2024, 6, 7), "context")


def test_condemning_the_attack_told_before_targets_its_attacker(coder: Coder) -> None:
    text = ("Russian missiles struck a power plant in western Ukraine on Sunday. Poland condemned the attack as a "
            "violation of Ukraine's sovereignty.")
    evs = [e for e in code(coder, text, dt.date(2024, 3, 25)) if e.type == "ACCUSE"]
    assert [(e.source.entity, e.target.entity) for e in evs] == [("POL", "RUS")]


def test_an_appeal_from_someone_is_theirs(coder: Coder) -> None:
    text = ("Trump pulled out of the accord. His decision came despite last-minute appeals from French President "
            "Emmanuel Macron and German Chancellor Angela Merkel.")
    evs = [e for e in code(coder, text, dt.date(2018, 5, 9)) if e.type == "REQUEST"]
    assert all(e.source.country in ("FRA", "DEU") for e in evs)
    assert not any(e.target is not None and e.target.country in ("FRA", "DEU") for e in evs)


def test_a_call_between_the_two_prime_ministers_of_the_states_just_named(coder: Coder) -> None:
    text = ("The foreign ministers of Greece and Macedonia signed the deal on Sunday. It was clinched in a telephone "
            "call between the two prime ministers on June 12.")
    evs = [e for e in consults(code(coder, text, dt.date(2018, 6, 18))) if e.mode == "phone"]
    assert [({e.source.person, e.target.person}, e.date) for e in evs] == [
        ({"Alexis Tsipras", "Zoran Zaev"}, dt.date(2018, 6, 12))]


def test_a_question_is_hypothetical_and_strategic_bombers_pay_no_visit(coder: Coder) -> None:
    evs = code(coder, "Will Beijing now agree to sit down with the new government in Manila?")
    assert evs and all(e.status == "hypothetical" for e in evs)
    evs = consults(code(coder, "Two Russian strategic bombers landed in Venezuela on Wednesday for training flights."))
    assert evs == []


def test_envoys_sent_to_meet_someone_make_a_planned_visit(coder: Coder) -> None:
    text = ("South African President Cyril Ramaphosa said he was sending his foreign minister to Kinshasa to meet "
            "Congolese President Felix Tshisekedi.")
    [e] = consults(code(coder, text, dt.date(2023, 3, 1)))
    assert (e.source.entity, e.source.role, e.target.person, e.mode, e.status) == (
        "ZAF", "Foreign Minister", "Félix Tshisekedi", "visit", "planned")


def test_spoken_to_someone_by_telephone_is_a_call(coder: Coder) -> None:
    [e] = consults(code(coder, "Jacob Zuma said he had spoken to Robert Mugabe by telephone on Wednesday.",
                        dt.date(2017, 11, 16)))
    assert (e.mode, e.target.person, e.date) == ("phone", "Robert Mugabe", dt.date(2017, 11, 15))


def test_a_protest_held_to_demand_something_is_the_protest(coder: Coder) -> None:
    evs = code(coder, "Thousands of Serbian students staged demonstrations on Saturday to demand political reforms.")
    assert [e.type for e in evs] == ["PROTEST"]


def test_what_a_speaker_says_someone_must_do_is_no_event_of_its_own(coder: Coder) -> None:
    evs = code(coder, "Russia said on Tuesday that Sudan must return a helicopter captured last week.")
    assert [(e.type, e.source.entity, e.target and e.target.entity) for e in evs] == [("REQUEST", "RUS", "SDN")]


def test_the_states_a_plural_subjects_adjectives_name(coder: Coder) -> None:
    evs = [e for e in code(coder, "The Serbian and Kosovar sides have agreed to exchange information on missing people.")
           if e.type == "AGREE"]
    assert [dyad(e) for e in evs] == [frozenset({"SRB", "XKX"})]


def test_a_league_that_is_an_actor_is_no_sporting_fixture(coder: Coder) -> None:
    evs = consults(code(coder, "Arab League Secretary-General Ahmed Aboul Gheit undertook a mediation mission between "
                               "Lebanon and Syria on Monday.", dt.date(2019, 3, 5)))
    assert {e.target.entity for e in evs} == {"LBN", "SYR"} and all(e.mode == "third-party" for e in evs)


def test_a_warning_of_retaliation_is_a_threat_a_forecast_is_not(coder: Coder) -> None:
    assert [e.type for e in code(coder, "Iran warned that it would respond to any attack by Israel.")] == ["THREATEN"]
    assert code(coder, "The Iranian central bank warned that growth will slow next year.") == []


def test_killed_in_fighting_with_someone_names_the_attacker(coder: Coder) -> None:
    evs = [e for e in code(coder, "Twenty Indian soldiers were killed in hand-to-hand fighting with Chinese troops.")
           if e.type == "ASSAULT"]
    assert [(e.source.entity, e.target.entity) for e in evs] == [("CHN", "IND")]


def test_a_generic_actor_takes_its_own_adjective_before_the_place(coder: Coder) -> None:
    evs = [e for e in code(coder, "Turkish F-16 fighter jets shot down a Russian warplane near the Syrian border.")
           if e.type == "ASSAULT"]
    assert [(e.source.entity, e.target.entity) for e in evs] == [("TUR", "RUS")]


def test_not_refusing_a_meeting_is_no_denial(coder: Coder) -> None:
    evs = consults(code(coder, "Lavrov said Putin would not refuse a meeting with Ukrainian President "
                               "Volodymyr Zelensky."))
    assert [e.status for e in evs] == ["planned"]


def test_refusing_to_meet_is_one_reject_not_denied_talks(coder: Coder) -> None:
    evs = code(coder, "Chile has refused to hold talks with Bolivia until it drops its claim to the coast.")
    assert [(e.type, e.status, e.source.entity, e.target.entity) for e in evs] == [
        ("REJECT", "occurred", "CHL", "BOL")]
    assert any("coded as the refusal" in d.reason for d in coder.code_text(
        "Vietnam declined to meet the Chinese envoy.", dt.date(2016, 5, 2)).dropped)


def test_a_reported_meeting_that_is_denied_is_one_denied_event(coder: Coder) -> None:
    evs = consults(code(coder, "Cairo on Tuesday denied press reports that President Abdel Fattah el-Sisi had met "
                               "Israeli Prime Minister Naftali Bennett. Israeli television reported that Bennett flew "
                               "to Sharm el-Sheikh on Monday and met Sisi there.", dt.date(2021, 9, 14)))
    assert [(e.status, e.source.entity, e.target.entity, e.date, len(e.evidence)) for e in evs] == [
        ("denied", "ISR", "EGY", dt.date(2021, 9, 13), 2)]


def test_calls_between_one_leader_and_the_two_told_before(coder: Coder) -> None:
    evs = consults(code(coder, "Kenyan President William Ruto hosted Ethiopian Prime Minister Abiy Ahmed and Somali "
                               "President Hassan Sheikh Mohamud in Nairobi. The summit followed separate phone calls "
                               "on Friday between UN Secretary-General Antonio Guterres and the two leaders, and "
                               "senior officers of both sides will meet on Monday.", dt.date(2024, 3, 12)))
    calls = {(e.source.entity, e.target.entity, e.target.person, e.date) for e in evs if e.mode == "phone"}
    assert calls == {("UN", "ETH", "Abiy Ahmed", dt.date(2024, 3, 8)),
                     ("UN", "SOM", "Hassan Sheikh Mohamud", dt.date(2024, 3, 8))}
    planned = [e for e in evs if e.status == "planned"]
    assert [({e.source.entity, e.target.entity}, e.date) for e in planned] == [({"ETH", "SOM"}, dt.date(2024, 3, 18))]


def test_a_call_after_which_someone_was_suspended_is_theirs(coder: Coder) -> None:
    evs = consults(code(coder, "The court removed Prime Minister Srettha Thavisin, who was suspended after a phone call "
                               "in May with Cambodian Prime Minister Hun Manet.", dt.date(2024, 8, 14)))
    assert [(e.source.person, e.target.person, e.date, e.date_precision) for e in evs] == [
        ("Srettha Thavisin", "Hun Manet", dt.date(2024, 5, 1), "month")]


def test_an_invitation_is_a_planned_visit_of_the_invitee(coder: Coder) -> None:
    evs = consults(code(coder, "Egyptian President Abdel Fattah el-Sisi invited Ethiopian Prime Minister Abiy Ahmed to "
                               "Cairo, and Abiy invited Sisi to Addis Ababa for talks with Somali President Hassan "
                               "Sheikh Mohamud. The ministry invited bids for the dam contract.",
                        dt.date(2019, 4, 2)))
    assert {(e.mode, e.status, e.source.person, e.target.person) for e in evs} == {
        ("visit", "planned", "Abiy Ahmed", "Abdel Fattah al-Sisi"),
        ("visit", "planned", "Abdel Fattah al-Sisi", "Abiy Ahmed"),
        (None, "planned", "Abdel Fattah al-Sisi", "Hassan Sheikh Mohamud")}


def test_one_act_on_two_occasions_is_two_events(coder: Coder) -> None:
    evs = consults(code(coder, "Pakistani Prime Minister Imran Khan has twice travelled to Saudi Arabia for talks with "
                               "Crown Prince Mohammed bin Salman, in January and in March. Foreign Minister Shah Mahmood Qureshi visited Kabul on "
                               "Monday and Tuesday.", dt.date(2019, 6, 5)))
    assert sorted((e.source.entity, e.target.entity, e.date, e.date_precision) for e in evs) == [
        ("PAK", "AFG", dt.date(2019, 6, 3), "day"),
        ("PAK", "SAU", dt.date(2019, 1, 1), "month"), ("PAK", "SAU", dt.date(2019, 3, 1), "month")]


def test_a_clause_a_day_after_the_main_one_is_dated_from_it(coder: Coder) -> None:
    evs = code(coder, "Ecuador expelled Colombia's ambassador on Tuesday, a day after Colombia expelled Ecuador's "
                      "charge d'affaires. Russia expelled two Estonian diplomats on June 9, two weeks after Estonia "
                      "expelled a Russian diplomat. Kenya recalled its envoy, days after Somalia expelled Kenyan "
                      "diplomats.", dt.date(2021, 6, 10))
    got = {(e.source.entity, e.target.entity): (e.date, e.date_precision) for e in evs if e.type == "SANCTION"}
    assert got[("COL", "ECU")] == (dt.date(2021, 6, 7), "day")
    assert got[("EST", "RUS")] == (dt.date(2021, 5, 26), "week")
    assert got[("SOM", "KEN")][0] is None  # "days after": how many is not told


def test_a_purpose_infinitive_has_the_status_of_its_trip(coder: Coder) -> None:
    evs = consults(code(coder, "Indian Foreign Minister S. Jaishankar will travel to Moscow to meet Russian Foreign "
                               "Minister Sergey Lavrov on Monday. Japanese Prime Minister Fumio Kishida flew to Kyiv on "
                               "Tuesday to meet Ukrainian President Volodymyr Zelensky.", dt.date(2023, 3, 22)))
    assert sorted((e.target.entity, e.status, e.date) for e in evs) == [
        ("RUS", "planned", dt.date(2023, 3, 27)), ("UKR", "occurred", dt.date(2023, 3, 21))]


def test_who_both_refers_to_every_conjunct(coder: Coder) -> None:
    evs = consults(code(coder, "The vote followed appeals from Spanish Prime Minister Pedro Sanchez and Italian Prime "
                               "Minister Giorgia Meloni, who both visited Rabat in March.", dt.date(2023, 6, 2)))
    assert sorted((e.source.person, e.target.entity, e.date) for e in evs) == [
        ("Giorgia Meloni", "MAR", dt.date(2023, 3, 1)), ("Pedro Sanchez", "MAR", dt.date(2023, 3, 1))]


def test_the_day_of_saying_does_not_date_talks_offered(coder: Coder) -> None:
    evs = consults(code(coder, "Serbian officials said on Monday they were ready to resume talks with Kosovo, but only "
                               "if the new police units were withdrawn.", dt.date(2023, 6, 14)))
    assert [(e.status, e.date) for e in evs] == [("hypothetical", None)]


@pytest.mark.parametrize("text,published,expected", [
    pytest.param("Indian Prime Minister Narendra Modi flew into Kabul on Friday and was met at the airport by Afghan "
                 "President Ashraf Ghani.", dt.date(2015, 12, 26),
                 ("visit", "Narendra Modi", "Ashraf Ghani", dt.date(2015, 12, 25)),
                 id="flew-into-a-capital-and-was-met-by-its-leader"),
    pytest.param("Ecuadorean President Rafael Correa said Colombian President Alvaro Uribe had lied to him when he "
                 "telephoned him on Saturday morning.", dt.date(2008, 3, 4),
                 ("phone", "Alvaro Uribe", "Rafael Correa", dt.date(2008, 3, 1)),
                 id="him-in-a-reported-clause-is-the-one-reporting"),
])
def test_who_met_or_called_whom_and_when(coder: Coder, text: str, published: dt.date, expected: tuple) -> None:
    evs = consults(code(coder, text, published))
    assert [(e.mode, e.source.person, e.target.person, e.date) for e in evs] == [expected]


def test_a_host_and_its_guests_are_the_three_told_after(coder: Coder) -> None:
    evs = code(coder, "Indonesian President Joko Widodo hosted Malaysian Prime Minister Anwar Ibrahim and Singaporean "
                      "Prime Minister Lee Hsien Loong in Bogor on Monday. The three agreed to consult one another in "
                      "the event of a regional crisis. In a joint statement they criticised Myanmar's junta. Myanmar's "
                      "junta responded by accusing the three of interference.", dt.date(2023, 9, 5))
    accused = {(e.source.entity, e.target.entity) for e in evs if e.type == "ACCUSE"}
    assert accused == {("IDN", "MMR"), ("MYS", "MMR"), ("SGP", "MMR"), ("MMR", "IDN"), ("MMR", "MYS"), ("MMR", "SGP")}
    later = [e for e in evs if e.type == "CONSULT" and e.span[0] > 120]
    assert later and all(e.status == "hypothetical" for e in later)


def test_a_reaction_to_the_decision_targets_whoever_took_it(coder: Coder) -> None:
    evs = code(coder, "Russia expelled ten Estonian diplomats on Saturday. Turkey and the United Nations criticised the "
                      "decision, and Belarus praised the move.", dt.date(2022, 10, 30))
    reactions = {(e.type, e.source.entity, e.target.entity if e.target else None) for e in evs
                 if e.type in ("ACCUSE", "SUPPORT")}
    assert reactions == {("ACCUSE", "TUR", "RUS"), ("ACCUSE", "UN", "RUS"), ("SUPPORT", "BLR", "RUS")}


def test_a_participle_clause_shares_its_main_clause_date(coder: Coder) -> None:
    evs = code(coder, "On Monday, German Chancellor Olaf Scholz spoke by phone with Chinese President Xi Jinping, urging "
                      "him to press Russia to end the war.", dt.date(2022, 11, 16))
    assert {(e.type, e.date) for e in evs} == {("CONSULT", dt.date(2022, 11, 14)), ("REQUEST", dt.date(2022, 11, 14))}


def test_the_same_act_against_unnamed_diplomats_has_the_same_target(coder: Coder) -> None:
    evs = code(coder, "Britain expelled 23 Russian diplomats on Wednesday. Denmark and Norway each expelled two "
                      "diplomats on Thursday.", dt.date(2018, 3, 16))
    assert sorted((e.source.entity, e.target.entity) for e in evs if e.type == "SANCTION") == [
        ("DNK", "RUS"), ("GBR", "RUS"), ("NOR", "RUS")]


def test_a_hostile_act_announced_on_a_condition_is_a_threat(coder: Coder) -> None:
    evs = code(coder, "Turkey said on Monday it would expel the Austrian ambassador unless Vienna apologised. Analysts "
                      "said Washington could impose sanctions if the talks failed.", dt.date(2019, 10, 8))
    assert [(e.type, e.source.entity, e.target.entity if e.target else None, e.date, e.rule) for e in evs
            if e.source.entity == "TUR"] == [("THREATEN", "TUR", "AUT", dt.date(2019, 10, 7),
                                                "sanction.expel+conditional")]
    assert not any(e.type == "THREATEN" and e.source.entity == "USA" for e in evs)  # analysts are not Washington


def test_undated_news_takes_the_day_the_scene_was_set(coder: Coder) -> None:
    evs = code(coder, "GENEVA - The conference ended on Tuesday without a deal. The rift was on display at a dinner on "
                      "Sunday. Lavrov criticised NATO. Blinken accused Moscow of stalling.", dt.date(2022, 1, 12))
    assert {(e.source.entity, e.date) for e in evs if e.type == "ACCUSE"} == {
        ("RUS", dt.date(2022, 1, 9)), ("USA", dt.date(2022, 1, 9))}


def test_what_one_side_of_the_talks_pledges_is_pledged_to_the_other(coder: Coder) -> None:
    evs = code(coder, "Serbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti held talks in Brussels "
                      "on Monday. In a statement issued after the talks, Kurti committed to form an association of "
                      "Serb municipalities. Morocco and Bahrain, which agreed in 2020 to normalise relations with "
                      "Israel, welcomed the deal.", dt.date(2023, 2, 28))
    agreements = {(e.source.entity, e.target.entity if e.target else None) for e in evs if e.type == "AGREE"}
    assert {("XKX", "SRB"), ("MAR", "ISR"), ("BHR", "ISR")} <= agreements
    assert ("MAR", "BHR") not in agreements


def test_since_a_year_is_a_span_and_firing_first_is_not_history(coder: Coder) -> None:
    evs = code(coder, "NICOSIA - Heavy fighting broke out between Armenia and Azerbaijan on Sunday, the worst clashes "
                      "since 2016, and each side blamed the other. Azerbaijani forces shelled Armenian villages, and "
                      "each side accused the other of firing first.", dt.date(2020, 9, 28))
    assert all(e.date is None or e.date.year == 2020 for e in evs)
    assert [(e.source.entity, e.target.entity, e.date) for e in evs if e.type == "ASSAULT"] == [
        ("AZE", "ARM", dt.date(2020, 9, 27))]


def test_declining_to_comment_rejects_nothing(coder: Coder) -> None:
    r = coder.code_text("Netanyahu's office declined to comment. Iran refused to respond to the Saudi demands.",
                        dt.date(2020, 11, 23))
    assert [(e.type, e.source.entity) for e in r.events] == [("REJECT", "IRN")]
    assert any("gives no answer" in d.reason for d in r.dropped)


def test_rejecting_the_accusations_targets_the_accuser(coder: Coder) -> None:
    evs = code(coder, "Algeria cut diplomatic ties with Morocco on Tuesday, accusing it of hostile acts. Morocco "
                      "rejected the accusations as absurd.", dt.date(2021, 8, 25))
    assert [(e.source.entity, e.target.entity) for e in evs if e.type == "REJECT"] == [("MAR", "DZA")]


def test_travelled_on_to_a_second_capital(coder: Coder) -> None:
    evs = consults(code(coder, "On Monday German Chancellor Olaf Scholz flew to Kyiv for talks with Volodymyr Zelensky "
                               "and then travelled on to Moscow to meet Vladimir Putin.", dt.date(2022, 2, 16)))
    assert sorted((e.target.entity, e.date) for e in evs) == [("RUS", dt.date(2022, 2, 14)),
                                                              ("UKR", dt.date(2022, 2, 14))]


def test_a_day_after_meeting_and_crossing_the_border_into(coder: Coder) -> None:
    evs = consults(code(coder, "Qatari Emir Sheikh Tamim bin Hamad Al Thani held talks in Abu Dhabi on Wednesday, a day "
                               "after meeting Saudi Crown Prince Mohammed bin Salman. North Macedonian Prime Minister "
                               "Zoran Zaev crossed the border into Greece on Sunday.", dt.date(2021, 8, 27)))
    got = {(e.source.entity, e.target.entity if e.target else None): e.date for e in evs}
    assert got[("QAT", "SAU")] == dt.date(2021, 8, 24)
    assert got[("MKD", "GRC")] == dt.date(2021, 8, 22)


def test_the_first_visit_since_independence_is_still_todays_news(coder: Coder) -> None:
    evs = consults(code(coder, "ATHENS - Greek and Macedonian ministers signed the accord on Sunday. Later Zaev travelled "
                               "to Athens for lunch, the first visit by a Macedonian leader since independence.",
                        dt.date(2018, 6, 18)))
    assert [(e.source.entity, e.target.entity, e.date) for e in evs] == [("MKD", "GRC", dt.date(2018, 6, 17))]


def test_a_meeting_at_someones_request(coder: Coder) -> None:
    evs = code(coder, "At Warsaw's request, NATO ambassadors held an emergency meeting in Brussels on Wednesday. The "
                      "Security Council met at the request of France on Thursday.", dt.date(2022, 11, 18))
    got = {(e.type, e.mode, e.source.entity, e.target.entity) for e in evs}
    assert got == {("REQUEST", None, "POL", "NATO"), ("CONSULT", None, "NATO", "POL"),
                   ("REQUEST", None, "FRA", "UNSC"), ("CONSULT", None, "UNSC", "FRA")}


def test_joint_exercises_and_its_warships(coder: Coder) -> None:
    evs = code(coder, "Moscow said its warships would hold joint exercises with the Venezuelan navy later this year.",
               dt.date(2008, 9, 13))
    assert [(e.type, e.status, e.source.entity, e.target.entity) for e in evs] == [
        ("COOPERATE", "planned", "RUS", "VEN")]


@pytest.mark.parametrize("text,source,target", [
    ("Israel declared a state of emergency and called up reservists.", "ISR", None),
    ("Venezuelan President Hugo Chavez ordered ten battalions to the Colombian border on Sunday.", "VEN", "COL"),
    ("Australia positioned three navy ships near Fiji.", "AUS", "FJI"),
])
def test_mobilisations(coder: Coder, text: str, source: str, target: str | None) -> None:
    evs = [e for e in code(coder, text) if e.type == "MOBILIZE"]
    assert [(e.source.entity, e.target and e.target.entity) for e in evs] == [(source, target)]


def test_returning_home_or_returning_fire_releases_nobody(coder: Coder) -> None:
    assert not [e for e in code(coder, "South Korean forces returned fire with howitzers.") if e.type == "RETREAT"]
    evs = [e for e in code(coder, "Iran returned the bodies of three Iraqi soldiers on Monday.") if e.type == "RETREAT"]
    assert [(e.source.entity, e.target.entity) for e in evs] == [("IRN", "IRQ")]


def test_ready_to_meet_only_if_is_hypothetical_and_his_minister_is_the_speakers(coder: Coder) -> None:
    evs = consults(code(coder, "Chinese officials said they were ready to resume negotiations with Manila, but only "
                               "if the ruling was set aside."))
    assert [e.status for e in evs] == ["hypothetical"]
    text = ("Zuma, the current chairman of the Southern African Development Community, said he was sending his "
            "defence minister to Harare to meet Zimbabwean President Robert Mugabe.")
    [e] = consults(code(coder, text, dt.date(2017, 11, 16)))
    assert (e.source.entity, e.source.role, e.target.person) == ("ZAF", "Defence Minister", "Robert Mugabe")


def test_a_pledged_sum_is_aid_and_a_currency_is_not_its_state(coder: Coder) -> None:
    evs = code(coder, "Norway pledged 300 million US dollars for flood relief in Pakistan. Britain promised more "
                      "help to Pakistan.")
    assert [(e.type, e.source.entity, e.target and e.target.entity) for e in evs] == [
        ("AID", "NOR", "PAK"), ("AGREE", "GBR", "PAK")]


def test_a_reaction_that_names_no_other_side_answers_the_one_side_named_before(coder: Coder) -> None:
    text = ("Washington reimposed sanctions on Caracas on Monday. President Nicolas Maduro rejected any new "
            "talks on the election.")
    evs = [e for e in code(coder, text, dt.date(2019, 8, 7)) if e.type == "REJECT"]
    assert [(e.source.entity, e.target and e.target.entity) for e in evs] == [("VEN", "USA")]
    text = "Japan and South Korea held talks in Tokyo on Monday. Beijing condemned the move."
    evs = [e for e in code(coder, text) if e.type == "ACCUSE"]
    assert [(e.source.entity, e.target) for e in evs] == [("CHN", None)], "two sides were named before: neither"


def test_a_group_takes_the_state_of_the_phrase_it_belongs_to_not_of_what_angered_it(coder: Coder) -> None:
    evs = code(coder, "Some 20,000 workers affiliated with the Greek Seamen's Federation stopped work on Tuesday.")
    assert [(e.type, e.source.entity) for e in evs] == [("PROTEST", "GRC")]
    evs = code(coder, "Residents of the Iraqi city of Mosul threatened to block the highway unless the government "
                      "restored power.")
    assert [(e.type, e.source.entity) for e in evs if e.type == "THREATEN"] == [("THREATEN", "IRQ")]
    evs = code(coder, "Students angry at the Russian strikes marched in Tbilisi on Friday.")
    assert [(e.type, e.source.entity) for e in evs] == [("PROTEST", "GEO")]


def test_troops_leaving_the_country_withdraw_from_the_state_named_and_ministers_leaving_do_not(coder: Coder) -> None:
    text = ("MOGADISHU - The Kenyan president said on Tuesday that the troops sent by Kenya would begin leaving the "
            "country by June 30.")
    evs = [e for e in code(coder, text, dt.date(2023, 8, 1)) if e.type == "RETREAT"]
    assert [(e.source.entity, e.target.entity, e.status, e.date) for e in evs] == [
        ("KEN", "SOM", "planned", dt.date(2024, 6, 30))]
    assert not [e for e in code(coder, "The Kenyan foreign minister left Somalia on Tuesday.") if e.type == "RETREAT"]


def test_a_reprisal_is_a_threat_only_when_announced(coder: Coder) -> None:
    text = ("Poland expelled 45 Russian diplomats on Tuesday. The Russian foreign ministry said Moscow would respond. "
            "Moscow responded on Friday by expelling 45 Polish diplomats. The Polish ministry will respond to the "
            "letter next week.")
    evs = [(e.type, e.source.entity, e.status) for e in code(coder, text) if e.type in ("THREATEN", "SANCTION")]
    assert evs == [("SANCTION", "POL", "occurred"), ("THREATEN", "RUS", "occurred"), ("SANCTION", "RUS", "occurred")]


def test_the_halves_of_a_divided_state_and_an_apposition_naming_an_ally(coder: Coder) -> None:
    text = ("SEOUL - North Korean troops fired shells across the border on Monday. Pyongyang accused the South of "
            "provoking the clash. China, the North's only treaty ally, urged calm.")
    evs = [(e.type, e.source.entity, e.target and e.target.entity) for e in code(coder, text)]
    assert ("ACCUSE", "PRK", "KOR") in evs
    assert [s for t, s, _ in evs if t == "REQUEST"] == ["CHN"]
    assert not [e for e in code(coder, "Protesters marched through the South on Monday.") if e.source.entity]


def test_what_was_agreed_where_or_in_which_takes_the_date_of_the_clause_it_hangs_on(coder: Coder) -> None:
    text = ("On Monday, Chancellor Olaf Scholz received Polish Prime Minister Donald Tusk in Berlin, where the two "
            "leaders agreed to build a new rail link.")
    evs = [e for e in code(coder, text, dt.date(2024, 1, 17)) if e.type == "AGREE"]
    assert [(e.date, e.status) for e in evs] == [(dt.date(2024, 1, 15), "occurred")]
    text = ("The Serbian and Albanian prime ministers signed a treaty on Tuesday in which they agreed to open "
            "their border.")
    evs = [e for e in code(coder, text, dt.date(2024, 1, 17)) if e.type == "AGREE"]
    assert [e.date for e in evs] == [dt.date(2024, 1, 16)]


def test_a_leaders_government_is_his_state_and_a_move_denounced_is_the_movers(coder: Coder) -> None:
    text = ("Peruvian President Dina Boluarte met reporters in Lima on Monday. Boluarte's government accused Mexican "
            "President Andres Manuel Lopez Obrador of meddling.")
    evs = [e for e in code(coder, text, dt.date(2023, 2, 8)) if e.type == "ACCUSE"]
    assert [(e.source.entity, e.target.entity) for e in evs] == [("PER", "MEX")]
    text = "Norwegian police seized a Russian trawler off Svalbard in March, a move Moscow condemned as piracy."
    evs = [e for e in code(coder, text) if e.type == "ACCUSE"]
    assert [(e.source.entity, e.target.entity) for e in evs] == [("RUS", "NOR")]


def test_a_call_for_names_the_one_side_told_and_a_halt_to_military_action_the_attacker(coder: Coder) -> None:
    text = ("The army of Guinea-Bissau seized power on Thursday. The African Union called for the return of the "
            "elected government.")
    evs = [e for e in code(coder, text) if e.type == "REQUEST"]
    assert [(e.source.entity, e.target and e.target.entity) for e in evs] == [("AU", "GNB")]
    text = ("Ethiopian troops attacked rebel positions in Somalia on Monday. Kenya, which hosts the talks, criticised "
            "the assault and demanded an end to the military action.")
    evs = [e for e in code(coder, text) if e.type == "REQUEST"]
    assert [(e.source.entity, e.target and e.target.entity) for e in evs] == [("KEN", "ETH")]


def test_a_date_on_the_deciding_verb_dates_a_hostile_decision_and_leaves_a_planned_meeting_undated(coder: Coder) -> None:
    evs = code(coder, "EU ministers agreed on Monday to impose an arms embargo on Belarus.", dt.date(2020, 10, 14))
    assert [(e.type, e.date) for e in evs if e.type == "SANCTION"] == [("SANCTION", dt.date(2020, 10, 12))]
    evs = consults(code(coder, "Serbia and Kosovo agreed on Monday to hold talks in Brussels.", dt.date(2020, 10, 14)))
    assert evs and all(e.status == "planned" and e.date is None for e in evs)
    evs = consults(code(coder, "Serbia and Kosovo agreed to hold talks in Brussels on Monday.", dt.date(2020, 10, 14)))
    assert evs and all(e.date == dt.date(2020, 10, 19) for e in evs)


def test_a_domestic_act_naming_no_other_side_is_aimed_at_the_sources_own_state(coder: Coder) -> None:
    evs = code(coder, "Thousands of Chilean students marched in Santiago on Tuesday to demand free education.")
    [e] = [e for e in evs if e.type == "PROTEST"]
    assert (e.source.entity, e.target.country, e.target.text, e.target.code) == ("CHL", "CHL", "[Chile]", "CHLGOV")
    evs = code(coder, "The Peruvian government lifted the curfew in Lima on Monday.")
    assert [(e.type, e.target.country, e.target.agent) for e in evs] == [("CONCEDE", "PER", "CVL")]
    evs = code(coder, "Polish farmers protested in Warsaw on Monday against grain imports from Ukraine.")
    assert all(e.target is None or e.target.country != "POL" for e in evs), "another state is named: no guess"


def test_an_ethnic_group_is_coded_by_the_state_it_lives_in(coder: Coder) -> None:
    evs = code(coder, "Ethnic Hungarians in southern Slovakia demanded autonomy from Slovak authorities.")
    assert [(e.source.country, e.source.code, e.target.country) for e in evs] == [("SVK", "SVKETH", "SVK")]
    evs = code(coder, "Bosnian Croats staged a protest in Mostar on Monday.")
    assert [(e.type, e.source.country) for e in evs] == [("PROTEST", "BIH")]
    evs = code(coder, "Serbs protested against Croatia on Monday.")
    assert [(e.source.country, e.target.country) for e in evs] == [("SRB", "HRV")]


def test_protests_no_one_is_named_for_are_the_placed_peoples_and_dated_by_their_own_clause(coder: Coder) -> None:
    text = "Security forces were deployed on Friday as protests that had broken out on Tuesday spread to cities in Georgia."
    evs = [e for e in code(coder, text) if e.type == "PROTEST"]
    assert [(e.source.country, e.source.agent, e.date) for e in evs] == [("GEO", "CVL", dt.date(2022, 11, 15))]
    evs = code(coder, "On Saturday tens of thousands of people marched through central Belgrade.")
    assert [(e.type, e.source.country) for e in evs] == [("PROTEST", "SRB")]


def test_troops_crossing_in_are_a_deployment_and_the_kingdom_is_the_state_named_last(coder: Coder) -> None:
    evs = code(coder, "Kenyan troops, led by Nairobi, crossed into Somalia on Sunday.")
    assert [(e.type, e.mode, e.source.entity, e.target.entity, e.rule) for e in evs] == [
        ("MOBILIZE", "troops", "KEN", "SOM", "consult.visit+military")]
    evs = code(coder, "Jordanian officials said on Monday that the kingdom had deployed 5,000 troops to the border.")
    assert [(e.type, e.source.entity) for e in evs] == [("MOBILIZE", "JOR")]


@pytest.mark.parametrize("text,etype,sides", [
    pytest.param("The deal covers dozens of Azerbaijani detainees held since the war. Armenia released 15 detainees "
                 "on Tuesday.", "RETREAT", [("ARM", "AZE")], id="people-released-are-those-named-before"),
    pytest.param("The vote comes ahead of a deadline set by the Arab League, which demanded last month that Syria "
                 "free all political prisoners.", "REQUEST", [("ARAB_LEAGUE", "SYR")],
                 id="a-relative-clause-with-which-as-subject-keeps-its-own-target"),
    pytest.param("Indian artillery shelled Pakistani army posts and Chinese supply depots along the border.",
                 "ASSAULT", [("IND", "PAK"), ("IND", "CHN")], id="each-conjoined-object-names-its-own-side"),
    pytest.param("Britain sanctioned three Russian generals, accusing them of war crimes in Syria.", "ACCUSE",
                 [("GBR", "RUS")], id="them-in-a-participle-clause-is-the-main-verbs-object"),
    pytest.param("Uganda expelled a Rwandan diplomat on Monday and accused him of spying for Kigali.", "ACCUSE",
                 [("UGA", "RWA")], id="him-in-a-conjoined-clause-is-the-main-verbs-object"),
    pytest.param("Armenian troops shelled Azerbaijani positions on Monday. Baku said Armenian artillery hit civilians, "
                 "and Yerevan accused Azerbaijan of provoking the clash. Russia urged both countries to halt the "
                 "fighting.", "REQUEST", [("RUS", "AZE"), ("RUS", "ARM")],
                 id="both-countries-are-the-two-states-the-article-names-most"),
    pytest.param("The military alliance NATO halted the operation, but warned that its jets would strike Belgrade if "
                 "Milosevic did not withdraw.", "THREATEN", [("NATO", "SRB")], id="a-name-misparsed-as-a-relative-clause"),
    pytest.param("Britain detained an Iranian tanker off Gibraltar, a move Iran denounced as piracy.", "ACCUSE",
                 [("IRN", "GBR")], id="a-contact-relative-clause-is-not-a-name"),
    pytest.param("Ethiopian troops shelled Eritrean posts on Monday. Eritrea hit back at Ethiopian bases. The EU warned "
                 "that it would not sign aid deals with either country while the fighting continued.", "THREATEN",
                 [("EU", "ETH"), ("EU", "ERI")], id="either-country-in-what-was-said"),
    pytest.param("Israeli jets carried out strikes targeting Hamas commanders in Gaza.", "ASSAULT", [("ISR", "PSE")],
                 id="strikes-targeting-someone-are-by-who-carried-them-out"),
    pytest.param("Thailand and Cambodia clashed over the disputed temple on Thursday.", "ASSAULT", [("THA", "KHM")],
                 id="states-clashing-over-a-place-fight"),
    pytest.param("The United States and Japan clashed over trade at the summit.", "ASSAULT", [],
                 id="states-clashing-over-an-issue-do-not-fight"),
    pytest.param("The president signed an executive order targeting Iranian oil officials.", "ASSAULT", [],
                 id="an-order-targeting-someone-is-no-attack"),
    pytest.param("Tanzania withdrew from the border treaty in 1998.", "SANCTION", [],
                 id="leaving-a-treaty-is-not-aimed-at-ones-own-state"),
    pytest.param("Barak pulled Israeli troops out of southern Lebanon in May.", "RETREAT", [("ISR", "LBN")],
                 id="troops-pulled-out-of-a-place"),
    pytest.param("Interior Minister Jorge Valdez lifted the curfew in Bolivia on Friday.", "CONCEDE", [("BOL", "BOL")],
                 id="an-official-of-no-named-country-acting-on-one-state-is-its-own"),
    pytest.param("The rebel movement demanded that Chad's government release political prisoners.", "REQUEST",
                 [("TCD", "TCD")], id="a-group-demanding-of-one-states-government-is-of-that-state"),
    pytest.param("Judge Alejandro Torres opened an investigation into 12 Peruvian officials.", "ACCUSE",
                 [("PER", "PER")], id="a-judge-of-no-named-country-investigating-one-states-officials"),
    pytest.param("A Peruvian judge ordered former president Pedro Castillo to appear for questioning.", "REQUEST",
                 [("PER", "PER")], id="a-judge-is-an-actor"),
    pytest.param("Prime Minister Jorge Valdez condemned Bolivian and Chilean opposition leaders.", "ACCUSE",
                 [(None, "CHL"), (None, "BOL")], id="acting-on-two-states-names-no-country"),
    pytest.param("Khartoum accused Darfur rebels of attacking an aid convoy near the Chadian border.", "ACCUSE",
                 [("SDN", "SDN")], id="a-groups-place-in-its-own-phrase-gives-its-state"),
    pytest.param("Zairean troops shelled Kampuchean and Rhodesian positions.", "ASSAULT",
                 [("COD", "KHM"), ("COD", "ZWE")], id="former-names-of-states"),
    pytest.param("Bosnian Croats said their forces had withdrawn from the Bosnian town of Mostar.", "RETREAT",
                 [("BIH", None)], id="their-after-an-ethnic-group-and-a-place-of-their-own-state"),
    pytest.param("HAVANA - Cuba freed 53 political prisoners on Monday, Cuban officials said. The releases were part "
                 "of a broader thaw. Last week, Washington eased restrictions on remittances to the island.",
                 "CONCEDE", [("USA", "CUB")], id="the-island-is-the-state-the-article-names-most"),
    pytest.param("Indian troops arrived in Mongolia on Monday for joint exercises.", "COOPERATE", [("IND", "MNG")],
                 id="troops-arriving-for-exercises-cooperate"),
    pytest.param("Indian troops arrived in Mongolia on Monday for joint exercises.", "MOBILIZE", [],
                 id="troops-arriving-for-exercises-do-not-mobilize"),
    pytest.param("Iran denied that it had launched the drones.", "ASSAULT", [("IRN", None)],
                 id="a-state-attacking-no-named-side-does-not-attack-itself"),
    pytest.param("Kenyan police shot dead three protesters on Monday.", "ASSAULT", [("KEN", "KEN")],
                 id="police-at-home-act-on-their-own-state"),
    pytest.param("Pakistan struck back at Indian positions across the border.", "ASSAULT", [("PAK", "IND")],
                 id="a-reprisal-done-by-striking-someone-is-an-attack"),
    pytest.param("Iran vowed to hit back at Israel.", "ASSAULT", [], id="a-reprisal-vowed-is-no-attack"),
    pytest.param("Lukashenko flew to Moscow on Monday. Putin praised his handling of the protests.", "SUPPORT",
                 [("RUS", "BLR")], id="his-in-the-object-is-the-person-named-before"),
    pytest.param("Lukashenko flew to Moscow on Monday. Putin praised his own handling of the economy.", "SUPPORT",
                 [], id="his-own-is-the-one-acting-and-no-target"),
    pytest.param("Bolivia's government declared a state of emergency on Monday. Bolivia's opposition called for new "
                 "elections. Security forces have killed 12 people since the vote.", "ASSAULT", [("BOL", "BOL")],
                 id="forces-of-no-named-country-are-the-article's-state"),
    pytest.param("ISLAMABAD - Soldiers opened fire on Imran Khan supporters outside the parliament on Sunday, killing "
                 "four.", "ASSAULT", [("PAK", "PAK")], id="forces-firing-on-a-leader's-supporters-at-home"),
    pytest.param("Israel's army said its troops were on alert. Israeli ministers met on Sunday. Troops shot dead three "
                 "Palestinian gunmen near the border.", "ASSAULT", [(None, "PSE")],
                 id="forces-of-no-named-country-acting-on-another-state's-people-stay-unnamed"),
    pytest.param("Hanoi says the trawlers had strayed into Vietnamese waters, a claim Beijing denies, insisting they "
                 "were fishing in Chinese waters.", "REJECT", [("CHN", "VNM")],
                 id="a-charge-denied-is-rejected-against-whoever-made-it"),
    pytest.param("The crew were detained near the island. Athens says they had entered Greek waters, a charge Ankara "
                 "denies, insisting they were sailing in Turkish waters under a NATO mandate.", "REJECT", [("TUR", "GRC")],
                 id="a-charge-the-parser-hangs-its-denial-on"),
    pytest.param("President Gustavo Petro said the strike, which killed 12 Venezuelan soldiers near the border, was a "
                 "violation of Colombia's sovereignty.", "ASSAULT", [(None, "VEN")],
                 id="who-tells-of-an-attack-in-its-relative-clause-made-none"),
    pytest.param("Venezuela on Friday rejected a ruling by an international court in The Hague on its border with "
                 "Guyana.", "REJECT", [("VEN", "GUY")], id="where-an-international-body-sits-is-no-side"),
    pytest.param("Moscow accused NATO of massing warships in the Black Sea, an allegation the alliance denied.",
                 "REJECT", [("NATO", "RUS")], id="who-denies-the-charge-is-whom-the-sentence-accuses"),
    pytest.param("Tbilisi said it had launched a counter-offensive in response to Russian shelling.", "ASSAULT",
                 [("GEO", "RUS"), ("RUS", "GEO")], id="an-attack-answered-was-at-whoever-answers-it"),
    pytest.param("Kurdish fighters have come under heavy attacks by Turkish forces on the town of Kobani.", "ASSAULT",
                 [("TUR", "SYR")], id="an-attack-noun's-attacker-is-its-own-not-its-verb's-subject"),
    pytest.param("Kurdish fighters have come under heavy attacks on the town of Kobani.", "ASSAULT", [],
                 id="an-attack-noun-with-no-attacker-of-its-own-is-not-coded"),
    pytest.param("North Korea fired artillery shells at a South Korean island on Tuesday. South Korean forces returned "
                 "fire. Washington condemned the shelling.", "ACCUSE", [("USA", "PRK")],
                 id="the-shelling-condemned-is-the-attack-not-the-fire-that-answered-it"),
    pytest.param("Seoul said the North Korean attack on its embassy in Beijing was a provocation.", "ASSAULT",
                 [("PRK", "KOR")], id="its-embassy-in-a-capital-is-the-speaker's-not-the-capital's"),
    pytest.param("Turkey's foreign minister spoke by phone with his Russian counterpart on Monday. The two foreign "
                 "ministers have met several times before, and Putin hosted Erdogan in the Black Sea resort of Sochi "
                 "last year.", "CONSULT", [("TUR", "RUS"), ("TUR", "RUS"), ("TUR", "RUS")],
                 id="the-two-ministers-are-the-pair-not-people-of-the-place-named-after"),
    pytest.param("The same day in Geneva, Spain, Italy and Greece blocked EU plans to admit Turkey.", "REJECT",
                 [("ESP", "EU"), ("ITA", "EU"), ("GRC", "EU")], id="a-time-parsed-as-subject-leaves-the-sides-listed"),
    pytest.param("European Union foreign ministers agreed on Monday to impose an arms embargo on Belarus. The "
                 "ministers also called on the Belarusian government to release political prisoners.", "REQUEST",
                 [("EU", "BLR")], id="the-ministers-are-those-told-before-by-the-same-noun"),
    pytest.param("Ankara will keep sending aid to Gaza through Egypt, with which it has coordinated closely on "
                 "deliveries.", "COOPERATE", [("TUR", "EGY")], id="with-which-is-the-noun-the-clause-qualifies"),
    pytest.param("Bolivia's government declared a state of emergency on Monday. Bolivia's opposition called for new "
                 "elections. On Tuesday, troops fired on a crowd that had gathered in the main square.", "ASSAULT",
                 [("BOL", "BOL")], id="home-forces-firing-on-unnamed-people-fire-on-their-own-people"),
    pytest.param("Saudi jets struck Houthi positions in Yemen on Thursday. Iran warned that the raids would drag the "
                 "region into a wide war.", "THREATEN", [("IRN", "SAU")],
                 id="warning-of-the-consequences-of-an-act-threatens-whoever-did-it"),
    pytest.param("Iran warned that the crisis could spread across the region.", "THREATEN", [],
                 id="warning-of-a-danger-is-a-view-not-a-threat"),
    pytest.param("Australia's prime minister said Australia bore the Fijian people no ill will, although he had warned "
                 "last week of serious consequences.", "THREATEN", [("AUS", "FJI")],
                 id="a-people-named-is-the-last-resort-for-whom-a-warning-is-for"),
    pytest.param("Belarus's opposition called a general strike. Belarus's president refused to resign. The interior "
                 "ministry said nearly 7,000 people were detained.", "COERCE", [("BLR", "BLR")],
                 id="unnamed-authorities-detaining-people-are-the-article-state"),
])
def test_sides_the_clause_or_the_article_gives(coder: Coder, text: str, etype: str, sides: list) -> None:
    evs = [e for e in code(coder, text) if e.type == etype and (e.target is not None or (sides and not sides[0][1]))]
    assert [(e.source.entity, e.target and e.target.entity) for e in evs] == sides


def test_what_a_side_did_to_the_noun_its_relative_clause_qualifies(coder: Coder) -> None:
    text = "Russia said it would return the three Estonian fishermen it detained in the Baltic on May 2."
    evs = [e for e in code(coder, text, dt.date(2023, 5, 12)) if e.type == "COERCE"]
    assert [(e.source.entity, e.target.entity, e.date) for e in evs] == [("RUS", "EST", dt.date(2023, 5, 2))]


def test_tear_gas_on_a_crowd_is_crowd_control_and_the_crowd_still_protested(coder: Coder) -> None:
    text = ("Ugandan riot police fired tear gas and water cannon to disperse demonstrators protesting the count of "
            "the presidential vote in Kampala on Thursday.")
    evs = code(coder, text, dt.date(2019, 3, 1))
    assert [(e.type, e.mode, e.status, e.source.entity, e.target.entity) for e in evs if e.type == "ASSAULT"] == [
        ("ASSAULT", "crowd-control", "occurred", "UGA", "UGA")]
    assert [e.source.entity for e in evs if e.type == "PROTEST"] == ["UGA"]
    text = "Police in Lagos opened fire to disperse hundreds of protesters on Tuesday."
    assert [(e.type, e.status) for e in code(coder, text, dt.date(2019, 3, 1))] == [("ASSAULT", "occurred")]


def test_a_meeting_a_side_says_it_will_not_hold_is_a_refusal(coder: Coder) -> None:
    evs = code(coder, "The Houthis said they would not attend any conference.")
    assert [(e.type, e.mode, e.cameo, e.status, e.source.entity) for e in evs] == [
        ("REJECT", "meet", "125", "occurred", "YEM")]
    evs = code(coder, "Abbas said he would never meet Netanyahu.")
    assert [(e.type, e.source.entity, e.target.entity) for e in evs] == [("REJECT", "PSE", "ISR")]
    # a meeting that did not happen is no refusal, nor are talks that "will not take place"
    assert [(e.type, e.status) for e in code(coder, "Abbas did not meet Netanyahu on Monday.")] == [
        ("CONSULT", "denied")]
    text = "A third round of talks that had been due in Oslo on Sunday will not take place, Norway said."
    assert not [e for e in code(coder, text) if e.type == "REJECT"]


def test_what_waits_until_a_condition_is_not_done_and_foreign_forces_are_not_the_hosts(coder: Coder) -> None:
    text = "The Taliban said they would not attend the conference in Istanbul until foreign troops leave."
    evs = code(coder, text)
    assert not [e for e in evs if e.type == "RETREAT" and e.status == "occurred"]
    assert not [e for e in evs if e.source.entity == "TUR"]
    # a past "until" is told as done
    evs = code(coder, "Fighting continued in Aleppo until the rebels withdrew on Sunday.")
    assert [(e.type, e.status) for e in evs if e.type == "RETREAT"] == [("RETREAT", "occurred")]


def test_a_joint_declaration_signed_is_support_and_a_participle_recalls_nothing(coder: Coder) -> None:
    text = ("Sudanese President Omar al-Bashir and South Sudanese President Salva Kiir signed a joint declaration in "
            "Khartoum on Tuesday. The two presidents agreed to reopen border crossings and trade links, cut since "
            "a 2012 war.")
    evs = code(coder, text, dt.date(2018, 9, 13))
    assert {(e.type, e.date) for e in evs if {e.source.entity, e.target.entity} == {"SDN", "SSD"}} == {
        ("SUPPORT", dt.date(2018, 9, 11)), ("AGREE", dt.date(2018, 9, 11))}
    assert not [e for e in code(coder, "Trump signed a declaration of national emergency on Friday.")
                if e.type == "SUPPORT"]


def test_a_weapon_that_hits_attacks_and_its_or_their_names_whom(coder: Coder) -> None:
    evs = code(coder, "Moscow said Ukrainian drones hit one of its oil refineries on Friday.")
    assert [(e.type, e.source.entity, e.target.entity) for e in evs] == [("ASSAULT", "UKR", "RUS")]
    evs = code(coder, "Ankara said its drone was shot down by Syrian fire.")
    assert [(e.type, e.source.entity, e.target.entity) for e in evs] == [("ASSAULT", "SYR", "TUR")]
    # "its" of the act itself is the attacker's: no target from it
    evs = code(coder, "The envoys of Iraq and Kuwait met in Geneva a week after Baghdad launched its invasion.")
    assert not [e for e in evs if e.type == "ASSAULT" and e.target is not None and e.target.entity == "KWT"]
    assert not [e for e in code(coder, "The drought hit the Kenyan economy hard.") if e.type == "ASSAULT"]


def test_the_government_in_the_sentences_own_voice_is_that_of_the_state_the_article_is_about(coder: Coder) -> None:
    text = ("Zimbabwe held a presidential election on Monday, and Zimbabwe's ruling party said the vote in Zimbabwe "
            "was fair. The European Union asked to send election monitors, but the government has refused to let "
            "British observers into the country.")
    evs = code(coder, text)
    assert [(e.source.entity, e.target.entity) for e in evs if e.type == "REJECT"] == [("ZWE", "GBR")]


def test_people_released_with_no_one_named_are_released_by_who_seized_them(coder: Coder) -> None:
    text = ("Russia detained three Estonian fishermen in the Baltic on Monday. The fishermen were handed over to "
            "Estonian border guards on Friday.")
    evs = code(coder, text, dt.date(2023, 5, 12))
    assert [(e.source.entity, e.target.entity, e.mode, e.date) for e in evs if e.type == "RETREAT"] == [
        ("RUS", "EST", "release", dt.date(2023, 5, 12))]
    # with no seizure told, no side is guessed
    assert not [e for e in code(coder, "The fishermen were handed over on Friday.") if e.type == "RETREAT"]


def test_allies_at_the_alliance_agree_on_the_day_the_visitors_were_there(coder: Coder) -> None:
    text = ("On Tuesday, Austin and Blinken were at NATO headquarters in Brussels, where allies agreed to begin "
            "pulling their 9,000 non-US troops out by September.")
    evs = code(coder, text, dt.date(2021, 4, 16))
    assert [(e.type, e.source.entity, e.target.entity if e.target else None, e.date) for e in evs
            if e.type == "AGREE"] == [("AGREE", "NATO", None, dt.date(2021, 4, 13))]
    # who withdraws "in step with" others does not withdraw from them
    evs = code(coder, "Italy will begin withdrawing its 800 troops next month, in step with the American soldiers.")
    assert [(e.type, e.source.entity, e.target) for e in evs if e.type == "RETREAT"] == [("RETREAT", "ITA", None)]
    # no alliance named: "the allies" stay unnamed
    assert not code(coder, "The summit ended on Friday. The allies stood in solidarity with Estonia.")
    evs = code(coder, "NATO met on Friday. The allies stood in solidarity with Estonia, Stoltenberg said.")
    assert [(e.type, e.source.entity, e.target.entity) for e in evs if e.type == "SUPPORT"] == [
        ("SUPPORT", "NATO", "EST")]


def test_a_release_is_not_dated_by_the_flight_home_nor_the_news_by_the_seizure_recalled(coder: Coder) -> None:
    text = ("TEHRAN - Iran's president said yesterday that Iran would free the eight Turkish fishermen it seized in "
            "the Caspian on March 2. The fishermen were handed over to the Turkish consulate in Tabriz and flew home "
            "on Friday.")
    evs = code(coder, text, dt.date(2023, 4, 14))
    assert [(e.status, e.source.entity, e.target.entity, e.date) for e in evs if e.type == "RETREAT"] == [
        ("planned", "IRN", "TUR", None), ("occurred", "IRN", "TUR", dt.date(2023, 4, 13))]
    assert [e.date for e in evs if e.type == "COERCE"] == [dt.date(2023, 3, 2)]
    # a date told after two acts in one voice dates both
    coerced = [e for e in code(coder, "Two Turkish fishermen were detained and charged on Friday.",
                               dt.date(2023, 4, 14)) if e.type == "COERCE"]
    assert coerced and all(e.date == dt.date(2023, 4, 14) for e in coerced)


def test_aid_brought_in_goes_to_the_state_the_article_is_about(coder: Coder) -> None:
    text = ("Floods swept across Pakistan in August, and Pakistan's government appealed for help. Britain has flown "
            "in food and medicine aboard RAF transport planes.")
    evs = code(coder, text, dt.date(2022, 9, 10))
    assert [(e.source.entity, e.target.entity) for e in evs if e.type == "AID"] == [("GBR", "PAK")]
    # a team "offered by any country" was offered by nobody in particular
    text = "Japan said it would send 50 rescuers to Turkey, the largest team offered by any country so far."
    assert [(e.type, e.source.entity) for e in code(coder, text)] == [("AID", "JPN")]


def test_people_captured_are_held_and_a_town_captured_is_taken(coder: Coder) -> None:
    evs = code(coder, "A Ukrainian pilot was captured in Russia on Wednesday.", dt.date(2023, 3, 3))
    assert [(e.type, e.mode, e.source.entity, e.target.entity) for e in evs] == [("COERCE", "arrest", "RUS", "UKR")]
    evs = code(coder, "Russian forces captured the Ukrainian town of Soledar on Friday.", dt.date(2023, 3, 3))
    assert [(e.type, e.source.entity, e.target.entity) for e in evs] == [("ASSAULT", "RUS", "UKR")]


def test_an_agreement_signed_told_by_its_participle_is_the_pairs_and_an_order_signed_is_no_support(coder: Coder) -> None:
    text = ("The foreign ministers of Egypt and Turkey met in Cairo on Thursday. They said they would restore "
            "flights under the protocol signed in Ankara on February 2.")
    evs = [e for e in code(coder, text, dt.date(2023, 4, 14)) if e.type == "SUPPORT"]
    assert [({e.source.entity, e.target.entity}, e.source.person, e.date) for e in evs] == [
        ({"EGY", "TUR"}, None, dt.date(2023, 2, 2))]
    assert not [e for e in code(coder, "Biden signed an executive order on Friday.") if e.type == "SUPPORT"]


@pytest.mark.parametrize("text,aid", [
    pytest.param("Qatar pledged $3 billion in aid to Lebanon on Thursday, two days after Kuwait and Oman promised a "
                 "combined $2 billion.",
                 [("KWT", "LBN", dt.date(2022, 11, 15)), ("OMN", "LBN", dt.date(2022, 11, 15)),
                  ("QAT", "LBN", dt.date(2022, 11, 17))], id="its-own-clause"),
    # the small parser makes the second subject objects of "after": still theirs, a day before
    pytest.param("Bahrain pledged $1 billion in aid to Jordan on Wednesday, a day after Saudi Arabia and the United "
                 "Arab Emirates promised a combined $6 billion.",
                 [("ARE", "JOR", dt.date(2022, 11, 15)), ("BHR", "JOR", dt.date(2022, 11, 16)),
                  ("SAU", "JOR", dt.date(2022, 11, 15))], id="parsed-into-the-time-phrase"),
])
def test_a_second_act_parsed_into_a_time_phrase_keeps_its_own_sides_and_day(coder: Coder, text: str,
                                                                             aid: list) -> None:
    evs = code(coder, text, dt.date(2022, 11, 18))
    assert sorted((e.source.entity, e.target.entity, e.date) for e in evs if e.type == "AID") == aid


def test_firing_past_the_goalkeeper_is_no_attack(coder: Coder) -> None:
    text = "Harry Kane struck in the 80th minute, firing past the French goalkeeper to give England the win."
    assert not [e for e in code(coder, text) if e.type == "ASSAULT"]


def test_since_last_week_is_a_span_not_the_day(coder: Coder) -> None:
    evs = code(coder, "Turkish cargo planes have been flying humanitarian aid to Damascus since last week.")
    assert [(e.type, e.target.entity) for e in evs] == [("AID", "SYR")]
    assert all(e.date != dt.date(2022, 11, 9) for e in evs)


def test_a_planned_visit_takes_the_day_its_envoys_are_due_to_arrive(coder: Coder) -> None:
    text = ("Kenyan President William Ruto said he was sending his foreign minister to Juba to meet South Sudanese "
            "President Salva Kiir. The envoys are due to arrive on Friday.")
    [e] = consults(code(coder, text))
    assert (e.status, e.date, len(e.evidence)) == ("planned", dt.date(2022, 11, 18), 2)
    text = ("Kenyan President William Ruto said he was sending his foreign minister to Juba to meet South Sudanese "
            "President Salva Kiir. Aid convoys arrived in Juba on Friday.")
    [e] = consults(code(coder, text))
    assert e.date is None


def test_a_pattern_gap_runs_across_a_hyphen_and_calling_off_a_strike_ends_it(coder: Coder) -> None:
    evs = code(coder, "Kenyan doctors called off a three-week strike on Monday.")
    assert [(e.type, e.rule) for e in evs] == [("CONCEDE", "concede.demands")]


def test_a_vow_to_fight_is_planned_even_when_parsed_as_an_adverbial_clause(coder: Coder) -> None:
    evs = [e for e in code(coder, "Yemeni rebels have sworn to fight until they take the port of Aden.")
           if e.type == "ASSAULT"]
    assert evs and all(e.status == "planned" for e in evs)


def test_a_demand_that_someone_act_is_a_request_to_them_and_not_their_act(coder: Coder) -> None:
    for text in ("Egypt renewed its demand on Monday that Israel open the Rafah crossing.",
                 "Jordan repeated its demand that Israel lift restrictions on Palestinian farmers."):
        evs = code(coder, text)
        assert [(e.type, e.target.entity) for e in evs] == [("REQUEST", "ISR")], text


def test_the_subject_of_a_stative_passive_acts_and_a_crowd_is_the_people_counted(coder: Coder) -> None:
    evs = code(coder, "Ugandan rebels were engaged in heavy fighting with Congolese troops on Monday.")
    assert {(e.type, e.source.entity) for e in evs} >= {("ASSAULT", "UGA")}
    evs = code(coder, "Hundreds of Eritrean families sought refuge in Sudan on Sunday.")
    assert [(e.type, e.source.entity, e.target.entity) for e in evs] == [("REQUEST", "ERI", "SDN")]


@pytest.mark.parametrize("text,want", [
    pytest.param("Hungary said it would not accept any more refugees if fighting spreads in Serbia.",
                 ("AID", "denied", "HUN", "SRB"), id="refusing-refugees-is-denied-asylum"),
    pytest.param("Turkey scrapped restrictions on Greek fishing boats on Monday.",
                 ("CONCEDE", "occurred", "TUR", "GRC"), id="scrapping-restrictions-eases-them"),
    pytest.param("Chinese officials have been pressuring Lithuania to reverse its decision on Taiwan.",
                 ("REQUEST", "occurred", "CHN", "LTU"), id="pressuring-someone-to-act-is-a-demand"),
    pytest.param("Pro-Russian hackers defaced Finnish government websites on Monday.",
                 ("COERCE", "occurred", "RUS", "FIN"), id="defacing-websites-coerces"),
    pytest.param("The UN secretary-general said he would withdraw all weapons inspectors from Syria.",
                 ("SANCTION", "planned", "UN", "SYR"), id="withdrawing-inspectors-reduces-involvement"),
    pytest.param("Norwegian officials said that lifting the sanctions on Belarus is out of the question.",
                 ("CONCEDE", "denied", "NOR", "BLR"), id="out-of-the-question-denies-its-subject"),
    pytest.param("The Ethiopian army was preparing to attack Eritrea on Monday.",
                 ("MOBILIZE", "occurred", "ETH", "ERI"), id="forces-readied-for-an-attack-mobilize"),
    pytest.param("Kenya's interior minister allowed opposition leader Raila Odinga to hold a rally in Nairobi.",
                 ("CONCEDE", "occurred", "KEN", "KEN"), id="allowing-an-opposition-rally-concedes"),
    pytest.param("Egypt denied permission for the Iranian ship to pass through the Suez Canal.",
                 ("REJECT", "occurred", "EGY", "IRN"), id="denying-permission-rejects"),
])
def test_refusals_concessions_demands_readiness_and_reduced_involvement(coder: Coder, text: str, want: tuple) -> None:
    evs = code(coder, text)
    assert want in [(e.type, e.status, e.source.entity, e.target.entity if e.target else None) for e in evs]


@pytest.mark.parametrize("text,want", [
    pytest.param("Qatar issued a statement on Monday condemning the Israeli raid on Jenin.",
                 ("ACCUSE", "QAT", "ISR"), id="a-statement-condemning-is-its-issuers"),
    pytest.param("The Arab League adopted a resolution urging Ethiopia to share the Nile waters.",
                 ("REQUEST", "ARAB_LEAGUE", "ETH"), id="a-resolution-urging-is-its-adopters"),
    pytest.param("The PKK demanded that the Turkish government free its jailed leader.",
                 ("REQUEST", "TUR", "TUR"), id="rebels-and-their-government-are-two-sides"),
    pytest.param("Peru's interior minister was censured by Congress on Tuesday and will resign.",
                 ("RETREAT", "PER", None), id="an-active-conjunct-of-a-passive-acts"),
    pytest.param("Ghana said it was attacked by Togolese gunmen on Sunday.",
                 ("ASSAULT", "TGO", "GHA"), id="it-in-a-reported-passive-is-the-reporter"),
])
def test_sides_of_issued_texts_domestic_rivals_and_passives(coder: Coder, text: str, want: tuple) -> None:
    evs = code(coder, text)
    assert want in [(e.type, e.source.entity, e.target.entity if e.target else None) for e in evs]


def test_an_attack_on_a_condition_names_no_unknown_attacker(coder: Coder) -> None:
    evs = code(coder, "Kuwait will defend Bahrain if it is attacked.")
    assert not [e for e in evs if e.type == "ASSAULT"]


@pytest.mark.parametrize("text,want", [
    pytest.param("Australian Trade Minister Tim King has promised to expand military aid to Fiji.",
                 ("AGREE", "AUS", "FJI"), id="a-title-word-closing-a-name-is-a-surname"),
    pytest.param("Kenya offered its soldiers to Haiti on Tuesday.", ("AGREE", "KEN", "HTI"),
                 id="a-sides-own-forces-are-what-it-offers-not-its-partner"),
    pytest.param("Egypt is opposed to Turkish mediation in the Libyan talks.", ("REJECT", "EGY", "TUR"),
                 id="opposed-to-is-the-subjects-rejection"),
    pytest.param("Tajikistan received a team of observers from the OSCE on Monday.", ("RETREAT", "TJK", "OSCE"),
                 id="receiving-observers-admits-them"),
    pytest.param("Jordan complained to the United Nations over Syrian air raids on Monday.",
                 ("ACCUSE", "JOR", "SYR"), id="a-complaint-to-a-body-over-a-side-accuses-that-side"),
])
def test_names_own_forces_and_stative_rejections(coder: Coder, text: str, want: tuple) -> None:
    evs = code(coder, text)
    assert want in [(e.type, e.source.entity, e.target.entity if e.target else None) for e in evs]


def test_an_attack_attempted_is_made_but_a_meeting_attempted_is_not(coder: Coder) -> None:
    evs = code(coder, "China has tried to hack into the computers of Taiwanese defence officials.")
    assert [(e.type, e.mode, e.status, e.target.entity) for e in evs] == [("COERCE", "cyber", "occurred", "TWN")]
    evs = code(coder, "Serbia tried to meet Kosovo officials on Monday.")
    assert all(e.status != "occurred" for e in evs if e.type == "CONSULT")


@pytest.mark.parametrize("text,want", [
    pytest.param("Two Dutch journalists were detained in Venezuela on Monday.", ("COERCE", "VEN", "NLD"),
                 id="a-passive-arrest-is-by-the-authorities-of-its-place"),
    pytest.param("Peru is investigating alleged abuses by Peruvian rebels against farmers.", ("ACCUSE", "PER", "PER"),
                 id="a-state-and-its-own-rebels-are-two-sides"),
    pytest.param("Germany issued a stern warning to Belarus that it must release the detained activists.",
                 ("REQUEST", "DEU", "BLR"), id="a-message-noun-carries-a-demand-to-its-addressee"),
    pytest.param("Chad opened its border to Sudanese traders but was still refusing entry to Libyans, officials said.",
                 ("REJECT", "TCD", "LBY"), id="a-progressive-conjunct-is-a-predicate-not-a-gerund"),
])
def test_passive_authorities_domestic_rivals_and_message_demands(coder: Coder, text: str, want: tuple) -> None:
    evs = code(coder, text)
    assert want in [(e.type, e.source.entity, e.target.entity if e.target else None) for e in evs]


@pytest.mark.parametrize("text,want", [
    pytest.param("Ghanaian peacekeeping troops arrived in Lebanon on Monday.", ("AID", "GHA", "LBN"),
                 id="peacekeepers-arriving-provide-protection"),
    pytest.param("Turkish helicopters evacuated the wounded from the Syrian town of Afrin on Friday.",
                 ("AID", "TUR", "SYR"), id="evacuating-the-wounded-is-aid-and-the-wounded-is-no-attack"),
    pytest.param("Indian and Japanese warships launched five days of war games on Monday.", ("COOPERATE", "IND", "JPN"),
                 id="war-games-are-cooperation"),
    pytest.param("Thousands of Chileans gathered for a rally in Santiago to protest the pension reform.",
                 ("PROTEST", "CHL", "CHL"), id="who-gathered-for-a-rally-to-protest-protests"),
    pytest.param("Colombian rebel leaders said on Monday they would meet the UN envoy in Havana.",
                 ("CONSULT", "COL", "UN"), id="rebel-leaders-are-the-rebels"),
])
def test_peacekeepers_evacuations_war_games_rallies_and_rebel_leaders(coder: Coder, text: str, want: tuple) -> None:
    evs = code(coder, text)
    got = [(e.type, e.source.entity, e.target.entity if e.target else None) for e in evs]
    assert want in got or (want[0], want[2], want[1]) in got
    if "wounded" in text:
        assert not [e for e in evs if e.type == "ASSAULT"]



def test_an_act_repeated_by_others_or_answered_in_kind_is_theirs_too(coder: Coder) -> None:
    evs = code(coder, "Estonia expelled two Russian diplomats on Monday, and Latvia and Lithuania followed suit.")
    assert sorted((e.source.entity, e.target.entity) for e in evs if e.type == "SANCTION") == [
        ("EST", "RUS"), ("LTU", "RUS"), ("LVA", "RUS")]
    evs = code(coder, "Estonia expelled two Russian diplomats on Monday. Moscow retaliated in kind.")
    assert ("RUS", "EST") in [(e.source.entity, e.target.entity) for e in evs if e.type == "SANCTION"]
    evs = code(coder, "Estonia expelled two Russian diplomats on Monday. Latvia took part in talks with Finland.")
    assert [e.source.entity for e in evs if e.type == "SANCTION"] == ["EST"]


def test_a_refusal_held_out_while_a_dispute_lasts_is_a_threat_dated_by_the_call_it_was_made_in(coder: Coder) -> None:
    text = ("The talks followed a phone call on Monday between Chinese President Xi Jinping and Philippine President "
            "Ferdinand Marcos Jr, in which Xi said he warned that Beijing would not sign the fisheries pact with "
            "Manila while the standoff continued.")
    evs = [e for e in code(coder, text) if e.type == "THREATEN"]
    assert [(e.source.entity, e.target.entity, e.date) for e in evs] == [("CHN", "PHL", dt.date(2022, 11, 14))]


def test_a_reaction_to_things_a_side_was_told_doing_targets_that_side(coder: Coder) -> None:
    text = "Azerbaijani troops set up roadblocks on the Lachin road on Sunday. Armenian officials condemned the roadblocks."
    evs = [e for e in code(coder, text) if e.type == "ACCUSE"]
    assert [(e.source.entity, e.target.entity) for e in evs] == [("ARM", "AZE")]


def test_a_when_clause_happened_on_the_day_of_its_main_clause(coder: Coder) -> None:
    text = "Hospital officials said 20 people were killed on Monday when police opened fire on a crowd in Harare."
    evs = [e for e in code(coder, text) if e.type == "ASSAULT"]
    assert [(e.source.entity, e.date) for e in evs] == [("ZWE", dt.date(2022, 11, 14))]


def test_a_leaders_supporters_are_people_of_his_state_not_the_leader(coder: Coder) -> None:
    evs = code(coder, "Thousands of Imran Khan supporters blocked roads on Sunday.")
    assert [(e.type, e.source.entity, e.source.agent, e.source.person) for e in evs] == [
        ("PROTEST", "PAK", "CVL", None)]


def test_an_attack_named_again_by_its_noun_is_the_attack_told_before(coder: Coder) -> None:
    text = "Israel struck targets in Syria on Friday. The Israeli strikes on Syria killed 12 soldiers, officials said."
    evs = [e for e in code(coder, text) if e.type == "ASSAULT" and e.target is not None and e.target.entity == "SYR"]
    assert [(e.source.entity, e.date, len(e.evidence)) for e in evs] == [("ISR", dt.date(2022, 11, 11), 2)]


def test_forces_of_no_named_country_stay_unnamed_when_the_dateline_disagrees(coder: Coder) -> None:
    text = ("JAKARTA - Indonesia's president met Myanmar's junta chief on Saturday. Myanmar's army seized power in "
            "February. Security forces have killed 740 people since the coup.")
    evs = [e for e in code(coder, text) if e.type == "ASSAULT"]
    assert [e.source.entity for e in evs if e.source.entity] == []


def test_a_visit_meeting_two_officials_of_the_host_the_same_day_is_one_visit(coder: Coder) -> None:
    text = ("Indian Foreign Minister S. Jaishankar held talks with Sergei Lavrov in Moscow on Monday and was also "
            "received by President Vladimir Putin.")
    evs = consults(code(coder, text))
    assert [(e.mode, e.source.entity, e.target.entity, e.date) for e in evs] == [
        ("visit", "IND", "RUS", dt.date(2022, 11, 14))]
    text = ("The foreign ministers of Egypt and Jordan arrived in Baghdad on Monday. They held talks with Iraqi "
            "Foreign Minister Fuad Hussein and were later received by Prime Minister Mohammed Shia al-Sudani.")
    visits = sorted((e.source.entity, e.target.entity) for e in consults(code(coder, text)) if e.mode == "visit")
    assert visits == [("EGY", "IRQ"), ("JOR", "IRQ")]


def test_an_old_attack_named_in_passing_does_not_turn_the_story_to_history(coder: Coder) -> None:
    text = ("YEREVAN - Armenia shelled Azerbaijani positions on Tuesday. Yerevan said the shelling was a response to "
            "the Azerbaijani attack on Armenian villages on October 2. The European Union condemned the Armenian "
            "shelling.")
    evs = code(coder, text)
    assert [(e.source.entity, e.target.entity, e.date) for e in evs if e.type == "ASSAULT"] == [
        ("ARM", "AZE", dt.date(2022, 11, 15)), ("AZE", "ARM", dt.date(2022, 10, 2))]
    assert [(e.source.entity, e.target.entity, e.date) for e in evs if e.type == "ACCUSE"] == [
        ("EU", "ARM", dt.date(2022, 11, 15))]


@pytest.mark.parametrize("middle", [
    pytest.param("Erdogan had spoken with Sisi by phone on Monday.", id="past-perfect-flashback"),
    pytest.param('"Nobody today wants a wider war," Erdogan told reporters.', id="today-inside-a-quote"),
])
def test_the_same_day_is_the_story_day_not_a_flashback_or_a_quoted_today(coder: Coder, middle: str) -> None:
    text = (f"ANKARA - Turkey and Qatar called on Tuesday for a ceasefire in Gaza. {middle} The same day in Brussels, "
            "Hungary blocked an EU statement on the war.")
    evs = [e for e in code(coder, text) if e.type == "REJECT"]
    assert [(e.source.entity, e.target.entity, e.date) for e in evs] == [("HUN", "EU", dt.date(2022, 11, 15))]


def test_ruling_out_an_act_rejects_it_and_not_ruling_it_out_keeps_it_open(coder: Coder) -> None:
    evs = code(coder, "Australia ruled out any military intervention in Fiji on Monday.")
    assert [(e.type, e.source.entity, e.target.entity, e.status) for e in evs] == [
        ("REJECT", "AUS", "FJI", "occurred")]
    evs = code(coder, "Germany ruled out sending tanks to Ukraine on Monday.")
    assert [(e.type, e.source.entity, e.target.entity) for e in evs] == [("REJECT", "DEU", "UKR")]
    evs = code(coder, "Germany did not rule out sending tanks to Ukraine.")
    assert [(e.type, e.status) for e in evs if e.type == "AID"] == [("AID", "hypothetical")]


def test_a_hyphenated_pattern_word_matches_the_tokens_it_is_split_into(coder: Coder) -> None:
    evs = code(coder, "Teachers staged a sit-in outside the education ministry in Nairobi on Monday.")
    assert [(e.type, e.source.entity) for e in evs] == [("PROTEST", "KEN")]


def test_a_bare_number_released_later_is_of_the_people_released_before_and_not_dated_by_them(coder: Coder) -> None:
    text = ("Hundreds of Palestinian prisoners were waiting in buses. Israel freed 477 prisoners on Tuesday and will "
            "release a further 550 within two months.")
    evs = [e for e in code(coder, text) if e.type == "RETREAT"]
    assert [(e.status, e.source.entity, e.target.entity, e.date) for e in evs] == [
        ("occurred", "ISR", "PSE", dt.date(2022, 11, 15)), ("planned", "ISR", "PSE", None)]


def test_a_name_the_parser_takes_for_a_modal_is_still_a_subject_and_no_modal(coder: Coder) -> None:
    text = ("In a joint statement, Macron, Merkel and British Prime Minister Theresa May condemned the chemical attack "
            "in Douma.")
    evs = [e for e in code(coder, text, dt.date(2018, 4, 10)) if e.type == "ACCUSE"]
    assert sorted((e.source.entity, e.status) for e in evs) == [
        ("DEU", "occurred"), ("FRA", "occurred"), ("GBR", "occurred")]


def test_the_first_names_of_a_list_of_persons_hung_on_the_last_are_subjects_too(coder: Coder) -> None:
    text = ("Trump quit the deal on Tuesday. In a joint statement, Macron, Merkel and British Prime Minister Theresa "
            "May criticised the move.")
    evs = [e for e in code(coder, text, dt.date(2018, 5, 9)) if e.type == "ACCUSE"]
    assert sorted(e.source.entity for e in evs) == ["DEU", "FRA", "GBR"]


def test_in_what_appeared_to_be_an_attack_takes_the_day_of_the_act_it_describes(coder: Coder) -> None:
    text = ("Kyiv said its air defences had shot down 40 drones overnight into Tuesday, in what appeared to be the "
            "largest Russian drone attack on the Ukrainian capital.")
    evs = [e for e in code(coder, text) if e.type == "ASSAULT" and e.target is not None]
    assert [(e.source.entity, e.target.entity, e.date) for e in evs] == [("RUS", "UKR", dt.date(2022, 11, 15))]


@pytest.mark.parametrize("reply", [
    "Nairobi called the accusations baseless.",
    "The Kenyan foreign ministry said the accusations against its envoy were groundless.",
    "Kenya described the allegations as fabricated.",
])
def test_calling_a_charge_baseless_rejects_it(coder: Coder, reply: str) -> None:
    text = "Somalia accused Kenya of meddling in its elections on Monday. " + reply
    assert [(e.source.entity, e.target.entity) for e in code(coder, text) if e.type == "REJECT"] == [("KEN", "SOM")]


def test_calling_a_meeting_useful_or_a_report_false_rejects_no_charge(coder: Coder) -> None:
    for text in ("Kenya said the talks were useful.", "Kenya said the weather report was false."):
        assert not [e for e in code(coder, text) if e.type == "REJECT"], text


def test_a_charge_denied_in_a_contact_clause_leaves_the_accusation_made(coder: Coder) -> None:
    evs = code(coder, "A Seoul-led investigation blamed a North Korean torpedo, a charge Pyongyang denies.")
    assert sorted((e.type, e.source.entity, e.target.entity, e.status) for e in evs) == [
        ("ACCUSE", "KOR", "PRK", "occurred"), ("REJECT", "PRK", "KOR", "occurred")]


def test_the_state_an_article_is_about_counts_the_persons_it_names(coder: Coder) -> None:
    text = ("Kazakh President Kassym-Jomart Tokayev said on Tuesday that Russian troops would leave soon. Russian "
            "paratroopers had arrived from Moscow last week. Tokayev thanked the troops, and Tokayev's allies praised "
            "them. The interior ministry said nearly 900 people had been detained.")
    evs = [e for e in code(coder, text) if e.type == "COERCE"]
    assert [(e.source.entity, e.target.entity) for e in evs] == [("KAZ", "KAZ")]


def test_without_negates_the_act_and_without_warning_is_no_threat(coder: Coder) -> None:
    evs = code(coder, "Erdogan left Moscow on Monday without meeting Putin.")
    assert [(e.type, e.status) for e in evs] == [("CONSULT", "denied")]
    evs = code(coder, "Israeli jets struck Gaza without warning on Monday.")
    assert [e.type for e in evs] == ["ASSAULT"]


def test_a_state_vowing_reprisal_against_no_one_named_threatens_no_one_named(coder: Coder) -> None:
    evs = code(coder, "Iran vowed on Monday to retaliate against any aggression.")
    assert [(e.type, e.source.entity, e.target) for e in evs] == [("THREATEN", "IRN", None)]


def test_a_threat_is_made_the_day_it_is_said(coder: Coder) -> None:
    evs = code(coder, "On Friday, Lukashenko said he had authorised police to shoot to kill rioters.")
    assert [(e.type, e.source.entity, e.date) for e in evs] == [("THREATEN", "BLR", dt.date(2022, 11, 11))]
