"""Gatherings told across sentences: a summit in one sentence, who hosted and who attended in the next ones.

Event data's dyadic convention makes a meeting of several sides one CONSULT per pair: each visitor -> host
(`visit`), visitor <-> visitor (`multilateral`). The sentence coder pairs the sides one sentence names; this
stage follows a gathering through the article ("a summit in Jakarta" ... "the meeting, hosted by Indonesian
President Joko Widodo" ... "Malaysia's prime minister said he had used the meeting to ...") and collects who
took part: the actors the clause that tells of the gathering names as taking part (its subjects, "hosted by",
"attended by", "with X, Y and Z among those at the table", the people it met, told or brought together).
A gathering becomes events only when three or more sides take part; two sides are the sentence coder's work.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .actors import ActorMention
from .coding import (MOTION_VERBS, Candidate, TriggerEntry, _governing_verb, _past_perfect, _quoted_tokens,
                     _locative, _status, place_phrase)
from .registry import register

GATHERING_NOUNS = {"summit", "meeting", "conference", "forum", "gathering"}
GATHERING_PLURALS = {"talks", "negotiations"}  # "a talk" is a speech
# the noun tells of another, smaller meeting than the gathering the article follows
NOT_THE_GATHERING = {"bilateral", "separate", "previous", "last", "next", "earlier", "future", "second",
                     "private", "secret", "informal", "sideline", "one-on-one", "further", "new", "news", "press"}
HOST_VERBS = {"host", "chair", "convene", "organise", "organize", "preside"}
ATTEND_VERBS = {"attend", "join", "address", "brief"}
MET_VERBS = {"meet", "receive", "welcome", "tell", "bring", "invite", "greet", "gather", "include", "host", "chair",
             "join", "address"}
WITH_PREPS = {"with", "among", "between", "alongside", "including"}
REPORT_VERBS = {"say", "tell", "add", "state", "note", "stress"}
# "Beijing condemned the talks": whoever reacts to a gathering from outside does not take part in it
REACTION_VERBS = {"condemn", "criticise", "criticize", "denounce", "slam", "welcome", "praise", "hail", "applaud",
                  "reject", "dismiss", "oppose", "boycott", "skip", "snub", "shun", "protest", "question", "mock",
                  "watch", "follow", "report", "describe", "urge", "warn"}

GATHERING_ENTRY = TriggerEntry(rule="consult.gathering", type="CONSULT", mode="multilateral", cameo="040",
                               context=["diplomatic"], anchor="noun", symmetric=True,
                               patterns=sorted(GATHERING_NOUNS | GATHERING_PLURALS))


@dataclass(slots=True)
class Side:
    """One side of a gathering: its best mention so far (a named person beats a state) and where it was seen."""

    mention: ActorMention
    sentences: list[int] = field(default_factory=list)
    host: bool = False


@dataclass(slots=True)
class Gathering:
    """A meeting of several sides the article follows: where it was told first, its venue, who took part."""

    noun: Token
    sent: Span
    sentence_index: int
    venue: str | None
    sides: dict[str, Side] = field(default_factory=dict)  # entity -> side, in the order the article names them
    nouns: set[int] = field(default_factory=set)  # token indices of every noun that refers to it
    references: list[tuple[int, Token]] = field(default_factory=list)  # (sentence index, noun), in reading order

    def add(self, m: ActorMention, s_index: int, host: bool) -> None:
        assert m.entity is not None
        side = self.sides.get(m.entity)
        if side is None:
            self.sides[m.entity] = Side(m, [s_index], host)
            return
        if s_index not in side.sentences:
            side.sentences.append(s_index)
        if host and not side.host:  # the one named as host speaks for its side
            side.mention, side.host = m, True
        elif (m.person and not side.mention.person or m.name and side.mention.person and not side.mention.name) \
                and (host or not side.host):
            side.mention = m  # a person named in the text beats one a bare title resolved to

    def host_side(self) -> Side | None:
        """Whoever the text names as host, else the side of the venue's state."""
        named = [s for s in self.sides.values() if s.host]
        if named:
            return named[0]
        return self.sides.get(self.venue) if self.venue else None


@register("gatherings.dyadic.v1")
class GatheringTracker:
    """Per-document: `observe` every sentence in reading order, then `candidates()` gives the gatherings' pairs."""

    def __init__(self, resolve_pronoun: Callable[[ActorMention], ActorMention | None]) -> None:
        self._resolve_pronoun = resolve_pronoun
        self.gatherings: list[Gathering] = []

    def observe(self, s_index: int, sent: Span, mentions: list[ActorMention], venue: ActorMention | None) -> None:
        """Find a gathering told in `sent` (a new one with its venue, or a reference to the last one) and the
        sides the sentence shows taking part in it."""
        quoted = _quoted_tokens(sent)
        for noun in sent:
            if not _names_gathering(noun) or noun.i in quoted:
                continue
            if any(c.lower_ in NOT_THE_GATHERING for c in noun.children if c.dep_ in ("amod", "compound")):
                continue
            det = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
            current = self.gatherings[-1] if self.gatherings else None
            referring = det in ("the", "this", "that") or any(c.dep_ == "poss" for c in noun.children)
            new = not referring or current is None  # "flew to Kiev for the round-table talks" is new here too
            place = _noun_place(noun, mentions) or (_verb_place(noun, mentions) if new else None)
            if place is None and new and venue is not None:
                place = venue  # "CAMP DAVID - Clinton opened a summit ...": where the report was filed
            # "a summit in Paris" ... "Macron hosted them for talks": a new mention in the same place told right
            # after is the same gathering; one elsewhere, or told later in the article, is another
            if place is not None and (current is None or current.venue != place.country
                                      or s_index - current.sentence_index > 2):
                current = Gathering(noun, sent, s_index, place.country)
                self.gatherings.append(current)
            elif place is None and not (current is not None and (referring or (
                    det is None and s_index - current.sentence_index <= 2 and not _elsewhere(mentions, current)))):
                continue  # a bare "talks" right after the summit ("hosted them for eight hours of talks") is it
            assert current is not None
            current.nouns.add(noun.i)
            current.references.append((s_index, noun))
            for m, host in _taking_part(noun, mentions):
                r = self._resolve_pronoun(m) if m.pronoun else m
                if r is None or not r.entity or r.modifier:
                    continue
                if r.agent == "IGO" and not (r.person or r.roles):
                    continue  # "a special ASEAN meeting": the bloc convenes, its members take part
                current.add(r, s_index, host)

    def candidates(self) -> list[tuple[Gathering, Candidate]]:
        """Each gathering of three or more sides as event data's pairs: visitor -> host, visitor <-> visitor."""
        out: list[tuple[Gathering, Candidate]] = []
        for g in self.gatherings:
            if len(g.sides) < 3:
                continue
            host = g.host_side()
            visitors = [s for s in g.sides.values() if s is not host]
            governor = _clause_head(g.noun)  # "agreed on Monday to ... at their summit": the agreeing clause
            status = _status(governor, g.noun, g.sent)
            perfect = _past_perfect(governor)

            def cand(a: Side, b: Side, mode: str) -> Candidate:
                return Candidate(GATHERING_ENTRY, g.sent, g.noun, governor, a.mention, b.mention,
                                 mode == "multilateral", status, 0.7, past_perfect=perfect, mode=mode)

            if host is not None:
                out += [(g, cand(v, host, "visit")) for v in visitors]
            out += [(g, cand(a, b, "multilateral")) for a, b in itertools.combinations(visitors, 2)]
        return out


def _elsewhere(mentions: list[ActorMention], g: Gathering) -> bool:
    """Whether the sentence puts something in another state than the gathering's ("during a visit to Morocco")."""
    doc = g.noun.doc
    return any(m.country and m.country != g.venue and not m.person and _locative(doc[m.head]) for m in mentions)


def _names_gathering(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in GATHERING_PLURALS or tok.lemma_.lower() in GATHERING_NOUNS)


def _noun_place(noun: Token, mentions: list[ActorMention]) -> ActorMention | None:
    """"a summit in the Kazakh capital", "talks at Camp David": a place inside the gathering's own phrase."""
    inside = {t.i for t in noun.subtree}
    for m in mentions:
        if not m.country or m.person or m.head not in inside:
            continue
        tok = place_phrase(noun.doc[m.head])
        if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and tok.head.head.i in inside:
            return m
    return None


def _verb_place(noun: Token, mentions: list[ActorMention]) -> ActorMention | None:
    """"flew to Kiev for talks", "met in Jakarta at a summit": the place of the verb the gathering hangs on."""
    verb = _governing_verb(noun)
    for m in mentions:
        if not m.country or m.person:
            continue
        tok = place_phrase(noun.doc[m.head])
        prep = tok.head
        if tok.dep_ == "pobj" and prep.head.i == verb.i and (
                prep.lower_ in ("in", "at") or (prep.lower_ == "to" and verb.lemma_.lower() in MOTION_VERBS)):
            return m
    return None


def _clause_head(tok: Token) -> Token:
    """The verb heading the clause `tok` is in: the first verb above it with a subject of its own, or the root."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and t != tok and (
                t.dep_ == "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def _taking_part(noun: Token, mentions: list[ActorMention]) -> list[tuple[ActorMention, bool]]:
    """The mentions the gathering's clause shows taking part, each with whether it is named as the host.

    Only roles on the gathering's own chain count: the subject of a verb it hangs on ("Modi addressed the
    meeting"), "with"/"among" it or that verb, "hosted by"/"attended by" it, whom that verb met, told or brought
    together; a meeting told beside it ("a day after meeting King Salman") is another event."""
    head = _clause_head(noun)
    chain = {noun.i}
    t = noun
    while t.i != head.i and t.head.i != t.i:
        t = t.head
        chain.add(t.i)
    # "Lavrov said after hosting talks ...": a host verb with no subject of its own is its clause subject's act
    hosting = any(noun.doc[i].lemma_.lower() in HOST_VERBS and noun.doc[i].pos_ == "VERB"
                  and not any(c.dep_ == "nsubj" for c in noun.doc[i].children) for i in chain)
    inside = {t.i for t in noun.subtree}
    antecedent = head.head.i if head.dep_ == "relcl" else None  # "O'Neill, who chaired the meeting"
    # "Muhyiddin said he had used the meeting to ..., and Lee said ...": leaders reporting on it in one breath
    speakers: set[int] = set()
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORT_VERBS:
        for verb in (head.head, *head.head.conjuncts):
            if verb.lemma_.lower() in REPORT_VERBS:
                speakers |= {c.i for c in verb.children if c.dep_ == "nsubj"}
    doc = noun.doc
    out = []
    for m in mentions:
        tok = doc[m.start:m.end].root  # the mention's own head in the parse ("Irish Taoiseach Micheal Martin")
        if antecedent is not None and tok.i == antecedent:
            out.append((m, head.lemma_.lower() in HOST_VERBS))
            continue
        if tok.i in speakers and m.person:
            out.append((m, False))
            continue
        if tok.i == noun.i or _clause_head(tok).i != head.i:
            continue
        t = tok
        while t.dep_ in ("conj", "appos") and t.head.i != t.i:  # "Kwasniewski, Adamkus and Solana flew ..."
            t = t.head
        verb = t.head
        named_host = any(c.lower_ == "host" for c in doc[m.start:m.end]) or any(
            c.lower_ == "host" and c.dep_ in ("compound", "amod") for c in tok.children)  # "Host Prime Minister X"
        lemma = verb.lemma_.lower()
        if t.dep_ == "nsubj" and verb.i in chain and lemma in REACTION_VERBS:
            continue
        if t.dep_ in ("nsubj", "nsubjpass") and verb.i in chain:
            out.append((m, named_host or (t.dep_ == "nsubj" and (lemma in HOST_VERBS or hosting))))
        elif t.dep_ == "pobj" and verb.lower_ in WITH_PREPS and verb.head.i in chain:
            out.append((m, named_host))
        elif t.dep_ == "pobj" and verb.lower_ == "by" and verb.head.lemma_.lower() in HOST_VERBS | ATTEND_VERBS \
                and (verb.head.i in chain or verb.head.head.i in chain | inside):  # "a summit in X hosted by Y"
            out.append((m, named_host or verb.head.lemma_.lower() in HOST_VERBS))  # "hosted by", "attended by"
        elif t.dep_ == "dobj" and lemma in MET_VERBS and (verb.i in chain or (
                verb.head.i in chain and verb.dep_ in ("advcl", "xcomp", "conj"))):
            out.append((m, named_host))  # "told Myanmar's junta chief at a meeting", "bringing Barak and Arafat"
    return out
