"""Dedup stage (within one article): mentions of the same real event become one record with all evidence.

Two records are the same event when type and status agree, modes do not conflict, they join the same
states/organisations (unordered for symmetric events), their persons do not conflict and their dates are
compatible. Continuation mentions ("during the call", "in the Wednesday phone call") join the latest
earlier event of their type that they fit and lend it their date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from .records import ActorRef, EventRecord, Span

CONSULT_MODE_CAMEO = {"phone": "041", "visit": "042", "host": "043", "third-party": "044", "multilateral": "040"}
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "publication": 4, None: 5}


@dataclass(slots=True)
class PendingEvent:
    """An event being assembled for one article; `continuation` mentions only join earlier events."""

    record: EventRecord
    continuation: bool = False
    generic: bool = False  # a plural, unnamed counterpart ("Palestinian leaders"): evidence, never the headline
    sentence_index: int = 0
    lead: bool = False
    current: bool = False  # told in the simple past with no mark of background: the article's news, not history
    history: bool = False  # told as history ("have met several times", "had visited"): never one with today's news
    hearsay: bool = False  # told only as someone's report ("newspapers reported that X met Y"): a denial overrules it
    another: bool = False  # a continuation of another occasion ("a second conversation on Sunday")
    describes_noun: bool = False  # told in a relative clause describing a noun ("the sailors it seized"): not news
    named_by_noun: bool = False  # told by a noun ("the Israeli strikes on Syria"): may name an act told before
    extra_spans: list[Span] = field(default_factory=list)


def _persons_ok(a: ActorRef | None, b: ActorRef | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if a.entity != b.entity:
        return False
    return not (a.person and b.person and a.person != b.person)


def _dates_ok(a: EventRecord, b: EventRecord) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.date == b.date:
        return True
    pa, pb = a.date_precision, b.date_precision
    if "publication" in (pa, pb):
        other = b if pa == "publication" else a
        pub = a if pa == "publication" else b
        assert other.date is not None and pub.date is not None
        return dt.timedelta(0) <= pub.date - other.date <= dt.timedelta(days=2)
    for x, y in ((a, b), (b, a)):
        assert x.date is not None and y.date is not None
        if x.date_precision == "month" and (x.date.year, x.date.month) == (y.date.year, y.date.month):
            return True
        if x.date_precision == "year" and x.date.year == y.date.year:
            return True
        if x.date_precision == "week" and abs((x.date - y.date).days) <= 6:
            return True
    return False


def same_event(a: EventRecord, b: EventRecord, disputed: bool = False) -> bool:
    """Whether two records of one article report the same real event.

    A call or meeting between the same two parties is one event per article unless dates differ; other
    types (a condemnation, an appeal) recur within one article, so they merge only when both are dated alike.
    `disputed`: one record is a report the other denies, so their statuses differ by design.
    """
    if a.type != b.type or (a.status != b.status and not disputed):
        return False
    if a.span == b.span and a.source.entity == b.source.entity and (
            a.target is None or b.target is None or a.target.entity == b.target.entity) \
            and (a.date is None or b.date is None or a.date == b.date):
        return True  # "condemned the attack, blaming Kyiv": one act in one sentence, told by two verbs
    if a.type != "CONSULT" and (a.date is None or a.date != b.date):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if "multilateral" in (a.mode, b.mode) and a.mode != b.mode:
        return False  # taking part in the same summit is not the bilateral talks held on its sidelines
    if a.target is None or b.target is None:
        return False
    if _persons_ok(a.source, b.source) and (_persons_ok(a.target, b.target) or (
            a.mode == b.mode == "visit" and a.target.entity is not None and a.target.entity == b.target.entity)):
        pass  # a visit is the trip: "talks with Rowhani, and were also received by Khatami" the same day is one
    elif (a.symmetric or b.symmetric or disputed) and _persons_ok(a.source, b.target) and _persons_ok(a.target, b.source):
        pass
    else:
        return False
    return _dates_ok(a, b)


def continues(cont: EventRecord, prior: EventRecord, any_day: bool = False) -> bool:
    """Whether a target-less continuation mention ("during the call") can belong to `prior` (`any_day`: it tells
    another occasion of the same pair, "a second conversation on Sunday")."""
    if cont.type != prior.type or (cont.mode and prior.mode and cont.mode != prior.mode):
        return False
    if cont.status != prior.status:
        return False  # "will host a summit on Thursday" does not date the talks already held
    s = cont.source
    sides = [prior.source] + ([prior.target] if prior.target else [])
    if s.entity and not any(s.entity == side.entity for side in sides):
        return False
    if s.person and not any(side.person in (None, s.person) for side in sides if side.entity in (None, s.entity)):
        return False
    return any_day or _dates_ok(cont, prior)


def _better_actor(a: ActorRef | None, b: ActorRef | None) -> ActorRef | None:
    if a is None:
        return b
    if b is None:
        return a
    score = lambda r: (r.person is not None, r.role is not None, r.agent is not None, len(r.text))  # noqa: E731
    return a if score(a) >= score(b) else b


def absorb(into: EventRecord, other: EventRecord, swap: bool = False) -> None:
    """Merge `other` into `into`: evidence, the most precise date, the most complete actors and mode."""
    for sp in other.evidence:
        if sp not in into.evidence:
            into.evidence.append(sp)
    into.evidence.sort()
    if PRECISION_RANK[other.date_precision] < PRECISION_RANK[into.date_precision] and other.date is not None:
        into.date, into.date_precision = other.date, other.date_precision
    o_src, o_tgt = (other.target, other.source) if swap else (other.source, other.target)
    if other.target is None:  # a continuation lends its date and evidence, not its actors
        o_src = o_tgt = None
    if into.target is None and other.target is not None:  # the report that names the target decides the rule
        into.rule, into.cameo, into.mode = other.rule, other.cameo, other.mode or into.mode
    into.source = _better_actor(into.source, o_src) or into.source
    into.target = _better_actor(into.target, o_tgt)
    if other.mode and not into.mode:
        into.mode, into.cameo = other.mode, other.cameo
    if into.type == "CONSULT" and into.mode in CONSULT_MODE_CAMEO and into.cameo == "040":
        into.cameo = CONSULT_MODE_CAMEO[into.mode]
    if not other.symmetric and other.mode in ("visit", "host"):
        into.symmetric = False
    into.confidence = max(into.confidence, other.confidence)


def merge_document_events(pending: list[PendingEvent]) -> tuple[list[EventRecord], list[tuple[EventRecord, str]]]:
    """Merge mentions of one article in reading order; return the events and the continuations left over."""
    kept: list[EventRecord] = []
    generic: set[int] = set()
    told: dict[int, PendingEvent] = {}  # id(kept record) -> the mention whose telling (history, hearsay) stands
    leftovers: list[tuple[EventRecord, str]] = []
    for p in pending:
        rec = p.record
        if p.continuation:
            fits = [k for k in kept if continues(rec, k)]
            prior = max(fits, key=lambda k: k.evidence[-1]) if fits else None  # the one told last
            again = [k for k in kept if continues(rec, k, any_day=True)] if p.another and prior is None else []
            if again:  # "after a second conversation on Sunday": the pair told last, on the day told now
                last = max(again, key=lambda k: k.evidence[-1])
                kept.append(replace(last, date=rec.date, date_precision=rec.date_precision, status=rec.status,
                                    span=rec.span, sentence=rec.sentence, evidence=[rec.span], rule=rec.rule,
                                    confidence=rec.confidence))
                told[id(kept[-1])] = p
            elif prior is None:
                leftovers.append((rec, "no counterpart and no earlier event it continues"))
            else:
                absorb(prior, rec)
            continue
        match, disputed = None, False
        if p.named_by_noun and rec.date is None and rec.target is not None:
            # "Israel struck Syria on Friday ... the Israeli strikes on Syria killed 12": the act told before
            match = next((k for k in reversed(kept) if k.type == rec.type and k.status == rec.status
                          and k.target is not None and k.source.entity == rec.source.entity
                          and k.target.entity == rec.target.entity), None)
        for k in ([] if match is not None else kept):
            disputed = {k.status, rec.status} == {"denied", "occurred"} and (
                told[id(k)].hearsay if k.status == "occurred" else p.hearsay)
            # a denial's "had met" is the report's tense shifted back, not a recalled event
            recalled = not disputed and ((k.date is None and told[id(k)].history and rec.date is not None) or (
                rec.date is None and p.history and k.date is not None))
            if same_event(k, rec, disputed) and not recalled:
                match = k  # an undated "they have met before" is not the dated call of today
                break
        if match is None:
            kept.append(rec)
            told[id(rec)] = p
            if p.generic:
                generic.add(id(rec))
        elif (id(match) in generic and not p.generic) or (disputed and p.hearsay):
            # the named report becomes the headline; a report tells what its denial only names
            kept[kept.index(match)] = rec
            told[id(rec)] = told[id(match)]
            generic.discard(id(match))
            absorb(rec, match, swap=_swapped(rec, match))
        else:
            absorb(match, rec, swap=_swapped(match, rec))
        if disputed and match is not None:
            match.status = rec.status = "denied"  # "X denied reports that ...": the denial is what stands
    for k in kept:
        k.event_id = k.compute_id()
    return kept, leftovers


def _swapped(a: EventRecord, b: EventRecord) -> bool:
    """Whether `b` tells the event of `a` with source and target the other way round."""
    if a.target is None or b.target is None:
        return False
    if a.source.entity != a.target.entity and (a.source.entity, a.target.entity) == (b.source.entity, b.target.entity):
        return False  # the same two sides the same way round, whoever of each side is named
    return not (_persons_ok(a.source, b.source) and _persons_ok(a.target, b.target))
