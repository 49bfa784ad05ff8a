import datetime as dt

from tacitus.dedup import PendingEvent, merge_document_events
from tacitus.records import ActorRef, EventRecord

IRN_FM = ActorRef("Iran's foreign minister", "IRN", None, "GOV", "Mohammad Javad Zarif", "Foreign Minister", "IRNGOV")
TUR = ActorRef("Turkey", "TUR")
TUR_FM = ActorRef("Mevlut Cavusoglu", "TUR", None, "GOV", "Mevlut Cavusoglu", "Foreign Minister", "TURGOV")
OMN_FM = ActorRef("Omani counterpart", "OMN", None, "GOV", "Badr Albusaidi", "Foreign Minister", "OMNGOV")


def ev(src, tgt, span, date=None, precision=None, mode="phone", etype="CONSULT", sym=True):  # type: ignore[no-untyped-def]
    return EventRecord(doc_id="d", type=etype, mode=mode, context=[], cameo="041", status="occurred", date=date,
                       date_precision=precision, source=src, target=tgt, symmetric=sym, sentence="s", span=span,
                       evidence=[span], confidence=0.8, rule="r", coder="c")


def test_mentions_of_one_call_merge_keeping_all_evidence_and_best_fields() -> None:
    a = ev(IRN_FM, TUR, (0, 10), mode=None)
    b = ev(TUR_FM, IRN_FM, (20, 30), dt.date(2021, 5, 10), "day")  # mirrored, named, dated
    out, left = merge_document_events([PendingEvent(a), PendingEvent(b)])
    assert len(out) == 1 and left == []
    e = out[0]
    assert e.evidence == [(0, 10), (20, 30)] and e.span == (0, 10)
    assert e.date == dt.date(2021, 5, 10) and e.mode == "phone"
    assert e.target is not None and e.target.person == "Mevlut Cavusoglu"


def test_different_counterparts_stay_separate() -> None:
    out, _ = merge_document_events([PendingEvent(ev(IRN_FM, TUR_FM, (0, 10))), PendingEvent(ev(IRN_FM, OMN_FM, (0, 10)))])
    assert len(out) == 2


def test_same_dyad_on_different_days_is_two_calls() -> None:
    out, _ = merge_document_events([
        PendingEvent(ev(IRN_FM, TUR_FM, (0, 10), dt.date(2021, 5, 10), "day")),
        PendingEvent(ev(IRN_FM, TUR_FM, (20, 30), dt.date(2021, 5, 3), "day")),
    ])
    assert len(out) == 2


def test_continuation_joins_the_call_told_last_and_lends_its_date() -> None:
    first = ev(IRN_FM, OMN_FM, (0, 10), dt.date(2023, 10, 9), "day")
    second = ev(IRN_FM, TUR_FM, (20, 30))
    cont = ev(IRN_FM, None, (40, 50), dt.date(2023, 10, 9), "day", sym=True)
    out, left = merge_document_events([PendingEvent(first), PendingEvent(second), PendingEvent(cont, continuation=True)])
    assert left == []
    tur = [e for e in out if e.target and e.target.country == "TUR"][0]
    assert tur.date == dt.date(2023, 10, 9) and (40, 50) in tur.evidence


def test_orphan_continuation_is_reported() -> None:
    out, left = merge_document_events([PendingEvent(ev(IRN_FM, None, (0, 5)), continuation=True)])
    assert out == [] and left[0][1].startswith("no counterpart")


def test_undated_condemnations_do_not_merge() -> None:
    isr = ActorRef("Israel", "ISR")
    a = ev(ActorRef("Iran", "IRN"), isr, (0, 5), etype="ACCUSE", mode=None, sym=False)
    b = ev(IRN_FM, isr, (10, 15), etype="ACCUSE", mode=None, sym=False)
    out, _ = merge_document_events([PendingEvent(a), PendingEvent(b)])
    assert len(out) == 2


def test_a_denial_overrules_the_report_it_denies() -> None:
    denied = ev(IRN_FM, TUR_FM, (0, 10))
    denied.status = "denied"
    reported = ev(IRN_FM, TUR_FM, (20, 30), dt.date(2021, 5, 9), "day")
    out, _ = merge_document_events([PendingEvent(denied, history=True), PendingEvent(reported, hearsay=True)])
    assert [(e.status, e.date, e.evidence) for e in out] == [("denied", dt.date(2021, 5, 9), [(0, 10), (20, 30)])]


def test_a_denial_does_not_undo_a_call_told_as_fact() -> None:
    denied = ev(IRN_FM, TUR_FM, (0, 10))
    denied.status = "denied"
    told = ev(IRN_FM, TUR_FM, (20, 30), dt.date(2021, 5, 9), "day")
    out, _ = merge_document_events([PendingEvent(denied), PendingEvent(told)])
    assert sorted(e.status for e in out) == ["denied", "occurred"]


def test_a_planned_continuation_does_not_date_talks_already_held() -> None:
    held = ev(IRN_FM, OMN_FM, (0, 10))
    summit = ev(IRN_FM, None, (20, 30), dt.date(2021, 5, 13), "day")
    summit.status = "planned"
    out, left = merge_document_events([PendingEvent(held), PendingEvent(summit, continuation=True)])
    assert [(e.date, e.evidence) for e in out] == [(None, [(0, 10)])] and len(left) == 1


def test_another_occasion_of_the_pair_is_its_own_call() -> None:
    first = ev(IRN_FM, OMN_FM, (0, 10), dt.date(2023, 10, 7), "day")
    second = ev(IRN_FM, None, (20, 30), dt.date(2023, 10, 8), "day")
    out, left = merge_document_events([PendingEvent(first), PendingEvent(second, continuation=True, another=True)])
    assert left == [] and [(e.target.person if e.target else None, e.date) for e in out] == [
        ("Badr Albusaidi", dt.date(2023, 10, 7)), ("Badr Albusaidi", dt.date(2023, 10, 8))]
