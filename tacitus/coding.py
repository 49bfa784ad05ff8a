"""Coding stage: trigger lexicons and dependency rules turn a parsed sentence into candidate events.

Each trigger family (one entry in `data/triggers.yaml`) names its PLOVER type, mode, CAMEO code and where
its target sits (direct object or a preposition). The source is the subject of the governing verb (the
speaker of reported speech, the `by` agent of a passive); coordinated subjects of a joint action make one
symmetric event; several targets make one event each ("separate calls with his Omani and Qatari
counterparts" is two calls, and never a call between Oman and Qatar).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, field_validator
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .actors import INTERNATIONAL_WORDS, ActorMention, DocumentActors
from .kb import ActorKB
from .datafiles import load_records
from .errors import DataFileError
from .records import CONSULT_MODES, EVENT_TYPES
from .registry import register

NEGATIONS = {"not", "n't", "never", "no"}
DENY_VERBS = {"deny", "dismiss", "refute", "refuse", "decline", "fail"}
NO_COMMENT_VERBS = {"comment", "elaborate", "confirm", "say", "speculate", "specify", "disclose", "identify",
                    "name"}  # "declined to comment": no answer, not a rejection
REFUSE_VERBS = {"refuse", "decline"}  # "refused to hold talks with X" is a REJECT of the talks, not denied talks
PLAN_VERBS = {"swear", "threaten", "plan", "intend", "expect", "schedule", "hope", "seek", "want", "prepare", "aim", "propose", "agree",
              "set", "due", "decide", "wish", "vow", "pledge", "promise", "offer", "invite", "arrange", "try"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
CONDITIONAL_AUX = {"would", "could", "might", "may"}
ABSTRACT_HEADS = {"need", "necessity", "importance", "idea", "possibility", "call", "proposal", "plan", "prospect",
                  "hope", "readiness", "willingness", "expansion", "continuation", "framework", "form", "resumption",
                  "importance", "role", "spirit", "way", "means"}
QUOTES_OPEN = {"“", '"', "‘"}
QUOTES_CLOSE = {"”", '"', "’"}
SPEECH_VERBS = {"say", "tell", "add", "stress", "note", "emphasize", "emphasise", "state", "declare", "write",
                "underline", "maintain", "assert", "insist", "point", "describe", "announce", "reiterate"}


class TriggerEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    context: list[str] = []
    anchor: Literal["verb", "noun", "modal"]  # modal: "must"/"should" in a reported demand
    symmetric: bool = False
    needs_target: bool = False
    target: list[str] = []
    patterns: list[str]
    exclude_objects: list[str] = []  # lemmas that make the match another sense ("struck a deal")
    not_with_clause: bool = False  # "warned that the crisis could spread" reports a view, it threatens no one
    target_inside: bool = False  # the target may sit inside the object ("attend the Beijing Olympics": China)
    announces: bool = False  # the verb announces the act, it does not do it ("invited Kim to Washington"): planned
    outranks: list[str] = []  # families this one replaces at the same anchor ("pledged $4 billion in aid" is AID)
    subjects: list[str] = []  # lemmas the subject must have: "troops left Iraq" (not "the minister left Iraq")
    objects: list[str] = []  # lemmas what it acts on must have: "denied the charge" (not "denied entry")
    person_objects: bool = False  # a named person acted on also counts as one of `objects`: "captured Shalit"
    threat_only: bool = False  # an act coded only when announced ("would retaliate"): the announcement is the threat
    active_only: bool = False  # only with an object: "officials held responsible" tells no one holding them so

    @field_validator("type")
    @classmethod
    def _type(cls, v: str) -> str:
        if v not in EVENT_TYPES:
            raise ValueError(f"'{v}' is not a PLOVER event type ({', '.join(EVENT_TYPES)})")
        return v


@dataclass(slots=True)
class TriggerLexicon:
    """The validated trigger families and a digest of their file (part of the `coder` version)."""

    entries: list[TriggerEntry]
    fingerprint: str

    @classmethod
    def load(cls, path: Path) -> TriggerLexicon:
        records = load_records(path, TriggerEntry)
        seen: set[str] = set()
        for entry, line in records:
            if entry.rule in seen:
                raise DataFileError(str(path), line, "rule", f"duplicate rule id '{entry.rule}'")
            if entry.type == "CONSULT" and entry.mode not in (None, *CONSULT_MODES):
                raise DataFileError(str(path), line, "mode", f"CONSULT mode must be one of {', '.join(CONSULT_MODES)}")
            seen.add(entry.rule)
        for entry, line in records:
            unknown = [r for r in entry.outranks if r not in seen]
            if unknown:
                raise DataFileError(str(path), line, "outranks", f"unknown rule id '{unknown[0]}'")
        return cls([e for e, _ in records], hashlib.sha256(path.read_bytes()).hexdigest()[:12])


GAP_STOPS = ["while", "whereas", "when", "because", "although", "though", "unless", "until", "which", "who", "whom",
             "whose", "where"]
PATTERN_SLOTS = ("ADJ*", "...", "MONEY")  # pattern words that stand for a kind of token, not a lemma
CLAUSE_PUNCT = [",", ".", ";", ":", "(", ")", '"', "“", "”", "—", "–", "?", "!", "[", "]"]  # a gap stops at these


def _expand(pattern: str) -> list[list[str]]:
    """'launch|hold (a) drill|exercise' -> every plain word sequence it stands for (optional words kept in ())."""
    choices = []
    for word in pattern.split():
        if word in PATTERN_SLOTS:
            choices.append([word])
            continue
        optional = word.startswith("(") and word.endswith(")")
        choices.append([f"({w})" if optional else w for w in word.strip("()").split("|")])
    # the tokenizer splits "sit-in" into "sit", "-", "in": so is the pattern word
    return [[part for w in c for part in (re.split(r"(?<=[a-z])(-)(?=[a-z])", w) if not w.startswith("(") else [w])]
            for c in itertools.product(*choices)]


LEMMA_SLIPS = {"stage": ("stag",)}  # what the small English pipeline makes of "staged"
SLIPPED_LEMMAS = {slip: lemma for lemma, slips in LEMMA_SLIPS.items() for slip in slips}


def _compile_words(words: list[str]) -> list[dict]:
    out: list[dict] = []
    for word in words:
        if word == "MONEY":  # a sum the parser recognised: "$4 billion", "one billion Australian dollars"
            out.append({"ENT_TYPE": "MONEY"})
        elif word == "ADJ*":  # up to five modifiers: "impose new unilateral sanctions", "reach a peace agreement"
            out.append({"POS": {"NOT_IN": ["AUX", "ADP", "CCONJ", "SCONJ", "PART"]},
                        "TAG": {"NOT_IN": ["VB", "VBD", "VBP", "VBZ", "MD"]},  # participles may modify: "a planned visit"
                        "ORTH": {"NOT_IN": CLAUSE_PUNCT}, "OP": "{0,5}"})
        elif word == "...":  # up to eight words: "pledged half a billion dollars in new military aid"
            # a hyphen does not end it ("four-day strike"), a word opening another clause does ("suspend its drills
            # with South Korea while negotiations continue": no suspended negotiations)
            out.append({"ORTH": {"NOT_IN": CLAUSE_PUNCT}, "LOWER": {"NOT_IN": GAP_STOPS}, "OP": "{0,8}"})
        elif word.startswith("("):
            w = word.strip("()")
            out.append({"LEMMA": {"IN": [w, w.capitalize()]}, "OP": "?"})
        else:  # proper-noun lemmas keep their capital: "the Europe Bridge", "the Beijing Olympics"
            out.append({"LEMMA": {"IN": [word, word.capitalize(), *LEMMA_SLIPS.get(word, ())]}})
    return out


class TriggerIndex:
    """All trigger patterns, matched fast: one-word patterns by a lemma lookup, longer ones by small spaCy
    Matchers grouped by their first required word, run only when a doc contains that word.

    (One Matcher holding every pattern with `LEMMA IN [...]` sets cost 3 ms per 50-token article; this
    does the same matching in about 0.2 ms.)"""

    def __init__(self, nlp: Language, entries: list[TriggerEntry]) -> None:
        self._single: dict[str, list[str]] = {}
        self._groups: dict[str, Matcher] = {}
        for e in entries:
            for pattern in e.patterns:
                for words in _expand(pattern):
                    if len(words) == 1 and not words[0].startswith("("):
                        self._single.setdefault(words[0], []).append(e.rule)
                        continue
                    first = next((w for w in words if not w.startswith("(") and w not in PATTERN_SLOTS), None)
                    if first is None:
                        raise ValueError(f"trigger pattern '{pattern}' of {e.rule} has no required word")
                    if first not in self._groups:
                        self._groups[first] = Matcher(nlp.vocab)
                    self._groups[first].add(e.rule, [_compile_words(words)])

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(rule, start, end) of every match, as spaCy's Matcher would return them."""
        out: list[tuple[str, int, int]] = []
        lemmas = set()
        for t in doc:
            lemma = SLIPPED_LEMMAS.get(t.lemma_.lower(), t.lemma_.lower())
            lemmas.add(lemma)
            for rule in self._single.get(lemma, ()):
                out.append((rule, t.i, t.i + 1))
        strings = doc.vocab.strings
        for lemma in lemmas & self._groups.keys():
            out += [(strings[m], s, e) for m, s, e in self._groups[lemma](doc)]
        return out


@dataclass(slots=True)
class Candidate:
    """An event found in one sentence, before dates are settled and mentions merged."""

    entry: TriggerEntry
    sent: Span
    anchor: Token
    governor: Token
    source: ActorMention | None
    target: ActorMention | None
    symmetric: bool
    status: str
    confidence: float
    continuation: bool = False
    past_perfect: bool = False
    mode: str | None = None  # overrides the rule's mode: a multilateral meeting's visits and pairs
    date_after: int | None = None  # a gapped target ("... and Brazil on Wednesday"): its date is the next one
    days_before: int = 0  # "on Wednesday, a day after Saudi Arabia promised": that many days before the day told
    promise: bool = False  # a promise coded as made when told: a retreat's concession, a stated sum of aid pledged
    promised_by: Token | None = None  # the verb that announced or agreed to it; its date is the promise's


@dataclass(slots=True)
class RejectedTrigger:
    rule: str
    sent: Span
    anchor: Token
    reason: str


@register("coding.rules.v1")
class RuleCoder:
    """Matches trigger families in a doc and extracts source, target and status for each match."""

    def __init__(self, nlp: Language, lexicon: TriggerLexicon) -> None:
        self.lexicon = lexicon
        self._entries: dict[str, TriggerEntry] = {e.rule: e for e in lexicon.entries}
        self.matcher = TriggerIndex(nlp, lexicon.entries)

    def triggers(self, doc: Doc) -> list[tuple[TriggerEntry, Span, Token]]:
        """Longest non-overlapping trigger matches with the right part of speech at the anchor."""
        found = []
        for rule, start, end in self.matcher(doc):
            entry = self._entries[rule]
            span = doc[start:end]
            anchor = span[0] if entry.anchor == "verb" else span[-1]
            if entry.anchor == "verb" and anchor.pos_ not in ("VERB",):
                continue
            if entry.anchor == "noun" and anchor.pos_ not in ("NOUN", "PROPN"):
                continue
            if entry.anchor == "modal" and anchor.tag_ != "MD":
                continue
            found.append((entry, span, anchor))
        outranked = {(r, a.i) for e, _, a in found for r in e.outranks}
        found = [f for f in found if (f[0].rule, f[2].i) not in outranked]
        found.sort(key=lambda t: (-(len(t[1])), t[1].start))
        taken: set[int] = set()
        chosen: set[tuple[int, int]] = set()
        out = []
        for entry, span, anchor in found:
            if (span.start, span.end) in chosen:  # another sense of the same words ("welcome" a guest or a move)
                out.append((entry, span, anchor))
                continue
            if anchor.i in taken or any(t.i in taken for t in span):
                continue
            taken.update(t.i for t in span)
            chosen.add((span.start, span.end))
            out.append((entry, span, anchor))
        out.sort(key=lambda t: t[1].start)
        return out

    def code_sentence(self, sent: Span, mentions: list[ActorMention], actors: DocumentActors,
                      matches: list[tuple[TriggerEntry, Span, Token]]) -> tuple[list[Candidate], list[RejectedTrigger]]:
        """Candidates for every trigger in `sent`; triggers without a usable actor are returned with a reason."""
        by_token: dict[int, ActorMention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                by_token[i] = m
        cands: list[Candidate] = []
        rejected: list[RejectedTrigger] = []
        quoted = _quoted_tokens(sent)
        coded: set[tuple[int, int]] = set()  # spans one sense already coded: the other senses step aside
        for entry, span, anchor in matches:
            if (span.start, span.end) in coded:
                continue
            if anchor.i in quoted:
                rejected.append(RejectedTrigger(entry.rule, sent, anchor, "inside a direct quote"))
                continue
            if anchor.i in by_token and entry.anchor == "noun":
                rejected.append(RejectedTrigger(entry.rule, sent, anchor, "trigger word is part of an actor name"))
                continue
            res = self._code_one(entry, span, anchor, sent, by_token, mentions, actors)
            if isinstance(res, str):
                rejected.append(RejectedTrigger(entry.rule, sent, anchor, res))
            else:
                cands.extend(res)
                coded.add((span.start, span.end))
                guests = [c.target for c in res if entry.mode == "host" and c.target is not None]
                if len(guests) >= 2:  # "Biden hosted Kishida and Yoon": the three are a group from now on
                    actors.note_group([res[0].source, *guests])
                for c in res:  # "the two leaders" later in the sentence or the article: the pair just told
                    if (c.symmetric or c.entry.type == "CONSULT") and c.source is not None and c.target is not None:
                        actors.last_pair = (c.source, c.target)
                    if c.entry.type == "ASSAULT" and c.source is not None and c.source.entity \
                            and c.source.agent != "UAF" and c.status == "occurred" and not c.continuation:
                        if c.entry.rule != "assault.return-fire":  # "condemned the shelling": not the reply to it
                            actors.last_attacker = c.source
                        if c.target is not None and c.target.entity:
                            actors.attacker_of[c.target.entity] = c.source
                            actors.attacked_by_word[c.anchor.lemma_.lower()] = c.target
                    if c.entry.type != "CONSULT" and c.target is not None and c.target.entity:
                        actors.last_target[c.entry.rule] = c.target
                    if c.entry.type == "RETREAT" and c.entry.mode == "release" and c.source is not None \
                            and c.source.entity and c.target is not None and c.target.entity:
                        actors.holders.append((c.source, c.target))  # "will release a captured Indian pilot"
                    if c.source is not None and c.source.entity and c.status == "occurred":
                        actors.last_source[c.entry.type] = c.source
                    if c.entry.type == "ACCUSE" and c.target is not None and c.target.entity:
                        actors.accused_here = c.target
                    if c.entry.type in DEED_TYPES and c.source is not None and c.source.entity \
                            and c.status in ("occurred", "planned"):
                        actors.last_actor = c.source
        cands += self._copied_acts(sent, cands, by_token, mentions, actors)
        if cands:
            actors.last_act = max(cands, key=lambda c: c.anchor.i)
        # "EU ministers agreed to impose an arms embargo on Uzbekistan": the decision is the sanction, planned,
        # not an agreement with the side it targets
        hostile = {c.anchor.i for c in cands if c.entry.type in HOSTILE_TYPES}
        agreeing = [c for c in cands if c.entry.type == "AGREE" and c.entry.anchor == "verb" and any(
            k.dep_ in ("xcomp", "ccomp") and k.i in hostile for k in c.anchor.children)]
        for c in agreeing:
            rejected.append(RejectedTrigger(c.entry.rule, sent, c.anchor, "agreeing to a hostile act is that act"))
        # "students staged demonstrations to demand reforms": the demand is what the protest is for
        protests = {c.anchor.i for c in cands if c.entry.type == "PROTEST"}
        protesting = [c for c in cands if c.entry.type == "REQUEST" and c.anchor.dep_ in ("advcl", "xcomp")
                      and (c.anchor.head.i in protests or any(k.i in protests for k in c.anchor.head.children
                                                                 if k.dep_ == "dobj"))]
        for c in protesting:
            rejected.append(RejectedTrigger(c.entry.rule, sent, c.anchor, "the demand a protest is held for"))
        # "Pence said the United States could double its tariffs unless China changed its practices": a hostile
        # act its own side announces on a condition is a threat, made when it is said
        threats = [(c, t) for c in cands if (t := _conditional_announcement(c, by_token)) is not None]
        for c, _ in threats:
            rejected.append(RejectedTrigger(c.entry.rule, sent, c.anchor, "a hostile act announced on a condition "
                                                                          "is a threat (THREATEN)"))
        converted = [replace(c, entry=c.entry.model_copy(update={
            "rule": f"{c.entry.rule}+conditional", "type": "THREATEN", "mode": None,
            "cameo": THREAT_CAMEO[c.entry.type]}), anchor=speech, governor=speech, status="occurred",
            past_perfect=False) for c, speech in threats]
        # "Moscow said it would respond", "vowed to retaliate": an announced reprisal is a threat made when said;
        # a reprisal done is told by its own act ("fired rockets in retaliation")
        announced = [(c, _announcing_verb(c.governor)) for c in cands if c.entry.threat_only]
        for c, speech in announced:
            answered = [p for k in c.anchor.children if k.dep_ == "prep" and k.lower_ == "to" for p in k.children
                        if p.dep_ == "pobj" and p.lemma_.lower() not in ATTACK_NOUNS | DEED_NOUNS | PROVOCATIONS]
            if answered:
                rejected.append(RejectedTrigger(c.entry.rule, sent, c.anchor, f"answering '{answered[0].text}', "
                                                                              "not a reprisal"))
            elif c.status == "occurred" and speech is c.governor and c.anchor.lemma_.lower() in ("hit", "strike") \
                    and c.target is not None and any(k.dep_ == "prep" and k.lower_ == "at" for k in c.anchor.children):
                # "Eritrea hit back at Ethiopian bases": a reprisal done by striking is an attack
                converted.append(replace(c, entry=c.entry.model_copy(update={
                    "rule": f"{c.entry.rule}+done", "type": "ASSAULT", "mode": None, "cameo": "190",
                    "context": ["military"]})))
            elif c.status == "denied" or (c.status == "occurred" and speech is c.governor):
                rejected.append(RejectedTrigger(c.entry.rule, sent, c.anchor, "a reprisal done, not threatened"))
            else:
                converted.append(replace(c, anchor=speech, governor=speech, status="occurred", past_perfect=False))
        reprisals = [c for c, _ in announced]
        # "the insurgents said they would not take part in any conference": a meeting a side says it will not hold
        # is a refusal to meet (CAMEO 125), made when said; "did not take part" only tells of no meeting
        refusals = [c for c in cands if c.entry.type == "CONSULT" and c.status == "denied" and _refused(c.governor)
                    and any(k.dep_ == "nsubj" and (k.i in by_token or k.pos_ == "PRON")  # a side, not "the talks"
                            for k in c.governor.children)]
        for c in refusals:
            rejected.append(RejectedTrigger(c.entry.rule, sent, c.anchor, "a meeting refused is a REJECT"))
        converted += [replace(c, entry=c.entry.model_copy(update={
            "rule": f"{c.entry.rule}+refused", "type": "REJECT", "mode": "meet", "cameo": "125",
            "context": ["diplomatic"], "symmetric": False}), symmetric=False, status="occurred", continuation=False)
            for c in refusals]
        drop = agreeing + protesting + [c for c, _ in threats] + reprisals + refusals
        return [c for c in cands if c not in drop] + converted, rejected

    def _copied_acts(self, sent: Span, cands: list[Candidate], by_token: dict[int, ActorMention],
                     mentions: list[ActorMention], actors: DocumentActors) -> list[Candidate]:
        """"Germany expelled four diplomats, and Canada and Ukraine also took part", "Japan followed suit": the act
        told just before, by the sides that repeat it."""
        out: list[Candidate] = []
        for verb in sent:
            if verb.pos_ != "VERB" or not _repeats_act(verb):
                continue
            before = [c for c in cands if c.anchor.i < verb.i]
            model = max(before, key=lambda c: c.anchor.i) if before else actors.last_act
            subject, passive = _subject(verb)
            if model is None or subject is None or passive or model.entry.type == "CONSULT":
                continue
            taken = {c.source.entity for c in [*before, model] if c.source is not None}
            for side in _resolved_sources(_mentions_for(subject, by_token, mentions), actors):
                # "Moscow retaliated in kind": the same act, back at the side that did it
                target = replace(model.source, modifier=False) if _in_kind(verb) else model.target
                if not side.entity or side.entity in taken or (target is not None and target.entity == side.entity):
                    continue
                out.append(replace(model, sent=sent, anchor=verb, governor=verb, source=side, target=target,
                                   status=_status(verb, verb, sent), continuation=False, past_perfect=False,
                                   entry=model.entry.model_copy(update={"rule": f"{model.entry.rule}+repeated"})))
        return out

    def _code_one(self, entry: TriggerEntry, span: Span, anchor: Token, sent: Span, by_token: dict[int, ActorMention],
                  mentions: list[ActorMention], actors: DocumentActors) -> list[Candidate] | str:
        if entry.anchor == "modal":
            return self._code_modal(entry, anchor, sent, by_token, mentions, actors)
        nested_source: list[ActorMention] = []
        consequence_of: Token | None = None  # the act whose consequences a warning tells
        answered = False  # the noun is what a response answers ("in response to Armenian shelling")
        kept_open = False  # "did not rule out sending tanks": an option kept open, hypothetical
        if entry.anchor == "noun":
            abstract = _abstract_head(anchor)
            if abstract is not None:
                return f"abstract mention ('{abstract.text} ... {anchor.text}')"
            if any(c.dep_ == "prep" and c.lower_ == "for" for c in anchor.children) and anchor.lemma_ == "call":
                return "'call for' is an appeal, not a conversation"
            governor = _governing_verb(anchor)
            inner = _intervening_noun(anchor, governor)
            answered = inner is not None and inner.lemma_.lower() in RESPONSE_NOUNS
            if inner is not None and not answered:
                nested_source = _agent_of_noun(inner, by_token, mentions)
                if not nested_source:
                    return f"nested in '{inner.text}' with no participant of its own"
        else:
            governor = anchor
            objects = {c.lemma_.lower() for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")}
            if anchor.dep_ in ("acl", "relcl", "amod"):
                objects.add(anchor.head.lemma_.lower())
            objects |= {c.lemma_.lower() for c in anchor.children if c.dep_ == "dobj" for c in [c, *c.children]
                        if c.dep_ in ("dobj", "compound")}
            if entry.objects:  # "said the accusations were baseless": what the clause said is about
                objects |= {k.lemma_.lower() for c in anchor.children if c.dep_ == "ccomp"
                            for k in c.children if k.dep_ == "nsubj"}
            if objects & set(entry.exclude_objects):
                return f"'{anchor.text}' with '{sorted(objects & set(entry.exclude_objects))[0]}' is another sense"
            if entry.objects and not objects & set(entry.objects) and not (entry.person_objects and any(
                    c.i in by_token and by_token[c.i].person for c in anchor.children if c.dep_ in ("dobj", "nsubjpass"))):
                return f"'{anchor.text}' without {' or '.join(entry.objects[:3])} is another sense"
            clauses = [c for c in anchor.children if c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "mark")
                                                                                for g in c.children)]
            # "warned that the raids would drag the region into war": the consequences of someone's act, a threat to
            # whoever did it
            consequence_of = next((k for c in clauses for k in c.children if k.dep_ in ("nsubj", "nsubjpass")
                                   and k.lemma_.lower() in ATTACK_NOUNS | DEED_NOUNS
                                   and any(d.lower_ in ("the", "this", "these") for d in k.children)
                                   and not any(g.lower_ in ("if", "unless") for g in c.children)), None)
            if entry.not_with_clause and clauses and not any(_conditional_threat(c) for c in clauses) \
                    and consequence_of is None:
                return f"'{anchor.text} that ...' reports a view, not this event"
            if _nominal_gerund(anchor):
                return "gerund used as a noun, without a subject of its own"
            if entry.type == "THREATEN" and anchor.dep_ == "pcomp" and anchor.head.lower_ == "without":
                return f"'without {anchor.text}' tells how something was done, it threatens no one"
            if anchor.dep_ == "pcomp" and anchor.head.lower_ in ("of", "for") \
                    and anchor.head.head.lemma_.lower() in CHARGE_VERBS:
                return f"what '{anchor.head.head.text}' charges someone with, not an event of its own"
            asker = anchor.head
            infinitive = _infinitive(anchor)
            subjunctive = anchor.dep_ == "ccomp" and anchor.tag_ in ("VB", "VBP")  # "demanded that Israel withdraw"
            # "said Libya must hand over the suspects": what the speaker demands
            demanded = anchor.dep_ == "ccomp" and asker.lemma_.lower() in DEMAND_SPEECH and any(
                c.dep_ == "aux" and c.lower_ in ("must", "should") for c in anchor.children)
            asked = anchor.dep_ in ("xcomp", "advcl", "ccomp") and asker.pos_ == "VERB" \
                and asker.lemma_.lower() in ASK_VERBS and (infinitive or subjunctive) \
                or anchor.dep_ == "acl" and asker.pos_ == "NOUN" and asker.lemma_.lower() in ASK_NOUNS \
                and (infinitive or anchor.tag_ in ("VB", "VBP")) \
                or subjunctive and any(c.dep_ == "dobj" and c.lemma_.lower() in ASK_NOUNS for c in asker.children)
            # "its demand that Israel ease restrictions", "reiterated its demand today that Israel ease ..."
            if entry.type != "REQUEST" and (demanded or asked):
                return f"what '{asker.text}' asks for, not an event of its own"
            silent = next((c for c in anchor.children if c.dep_ == "xcomp" and c.lemma_.lower() in NO_COMMENT_VERBS),
                          None)
            if entry.type == "REJECT" and silent is not None:
                return f"'{anchor.text} to {silent.text}' gives no answer, it rejects nothing"
            ruled_out = anchor.tag_ == "VBG" and anchor.dep_ in ("advcl", "xcomp", "dobj", "pcomp") \
                and asker.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out"
                                                           for c in asker.children)
            refused = infinitive and anchor.dep_ == "xcomp" and asker.lemma_.lower() in REFUSE_VERBS
            if entry.type != "REJECT" and (refused or ruled_out) and not _negated(asker):
                # "refused to send tanks", "ruled out sending tanks": the refusal is the event
                return f"what '{asker.text}' turns down is coded as the refusal (REJECT)"
            kept_open = ruled_out and _negated(asker)
            if anchor.dep_ == "amod" and anchor.tag_ == "VBN":
                return f"participle used as an adjective ('{anchor.text} {anchor.head.text}')"
            # "held Iran responsible" has its object; the passive ("officials held responsible", however the parser
            # attaches it) has none
            if entry.active_only and not any(c.dep_ == "dobj" for c in anchor.children):
                return f"'{anchor.text}' in the passive: who did it is not this trigger's subject"
            if anchor.tag_ == "VBN" and anchor.dep_ in ("dobj", "nsubj", "pobj") \
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in anchor.children):
                return f"participle used as a noun ('the {anchor.text}')"
        # targets
        targets = self._targets(entry, span, anchor, governor, by_token, mentions)
        gapped = [g for g in _gapped_targets(governor, by_token) if all(g is not t for t in targets)]
        targets += gapped
        # "workers of the United Bus Company of Tehran", "Darfur rebels": a group's state told inside its own phrase
        targets = [replace(t, country=a.country, org=t.org or a.org) if t.agent and not (t.entity or t.person)
                   and (a := _own_adjective(t, sent, mentions)) is not None else t for t in targets]
        if entry.target and not any(t.entity or t.person for t in targets):
            targets = _numbered_group(governor, ("dobj", "pobj"), by_token, actors) \
                or _both_states(governor, by_token, mentions, actors) or targets
        # sources
        if not nested_source and entry.anchor == "noun":
            nested_source = _preceding_agent(anchor, governor, by_token)
        if not nested_source and entry.anchor == "noun" and entry.type in ADJECTIVE_SOURCE_TYPES:
            # "Palestinian riots", "Iranian protests": the people the adjective names did it
            # "a Ukrainian drone attack": the adjective may hang on the compound noun
            nested_source = [replace(by_token[c.i], modifier=False) for c in anchor.children
                             for c in ([c] if c.dep_ != "compound" else [c, *c.children])
                             if c.dep_ in ("amod", "compound") and c.i in by_token and by_token[c.i].entity
                             and by_token[c.i].modifier][:1]
        if not nested_source and entry.anchor == "noun" and entry.type == "ASSAULT":
            # "Israel's strikes", "attacks by Hamas", "attacks from Israeli forces": the noun's own attacker; whoever
            # is the subject of its verb ("Palestinians have been under attacks from ...") is not
            nested_source = _agent_of_noun(anchor, by_token, mentions, preps=("by", "from"))[:1]
            if not nested_source:
                return "an attack told by its noun with no attacker of its own"
        if entry.anchor == "noun" and entry.type == "REQUEST" and anchor.head.lower_ == "at" \
                and anchor.lemma_.lower() in BEHEST_NOUNS and (owner := _owner(anchor, by_token, mentions)):
            # "the Council met at the request of France": France asked the Council
            asked, _ = _subject(governor)
            met = [m for m in (_mentions_for(asked, by_token, mentions) if asked is not None else [])
                   if m.entity and all(m.entity != o.entity for o in owner)]
            if not met:
                return "a request whose addressee is not named"
            status = _status(governor, anchor, sent)
            return [Candidate(entry, sent, anchor, governor, replace(owner[0], modifier=False),
                              replace(met[0], modifier=False), False, status, 0.7)]
        if not nested_source and entry.anchor == "noun" and _sent_for(anchor, governor):
            # "invited Zelensky to Istanbul for talks with Putin": the talks are the invitee's
            nested_source = [m for c in governor.children if c.dep_ == "dobj"
                             for m in _mentions_for(c, by_token, mentions)]
        if nested_source:
            sources, passive_target = nested_source, []
        else:
            sources, passive_target = self._sources(entry, anchor, governor, by_token, actors, mentions)
        if passive_target and entry.type == "MOBILIZE" and not sources:
            sources, passive_target = passive_target, []  # "troops were deployed to the border": the troops' side
        if passive_target and not any((t.entity or t.person) and all((t.start, t.end) != (x.start, x.end)
                                                                      for x in sources) for t in targets):
            targets = passive_target
        confidence = 0.8 if entry.anchor == "verb" else 0.75
        if (stranded := _subject_stranded_in_time_phrase(governor, by_token)):
            sources = stranded  # "a day after Saudi Arabia and the UAE promised $8 billion", parsed as one clause
        aided = actors.last_target.get(entry.rule)
        if entry.type == "AID" and not any(t.entity or t.person for t in targets) and aided is not None \
                and sent.start <= aided.start < sent.end and governor.dep_ in ("advcl", "conj") \
                and all(aided.entity != x.entity for x in sources):
            # "pledged $4 billion to Egypt, a day after Saudi Arabia promised $5 billion": to whom the same act
            # this sentence told was for
            targets = [replace(aided, modifier=False)]
        sources = _resolved_sources(sources, actors)
        if entry.anchor == "noun" and answered and sources and not any(t.entity or t.person for t in targets):
            # "launched a counter-offensive in response to Armenian shelling": the shelling was of whoever answered
            answering, passive = _subject(governor)
            answerers = _resolved_sources(_mentions_for(answering, by_token, mentions)
                                          if answering is not None and not passive else [], actors)
            if not answerers and answering is not None and answering.lower_ in CLAUSE_PRONOUNS:
                answerers = _reporting_subject(answering, by_token)  # "Baku said it had launched ..."
            targets = [m for m in answerers if m.entity and all(m.entity != x.entity for x in sources)][:1] or targets
        # "appeals from Macron and Merkel": who appealed is not whom they appealed to
        if entry.type != "CONSULT":
            targets = [t for t in targets if all((t.start, t.end) != (x.start, x.end) for x in sources)]
        subject, subject_passive = _subject(governor)
        if any(p.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("any", "every", "no") for d in p.children)
               for a in governor.children if a.dep_ == "agent" for p in a.children):
            return "done by 'any' or 'no' one: nobody in particular"  # "the largest team offered by any country"
        if entry.subjects and (subject is None or subject.lemma_.lower() not in entry.subjects):
            return f"'{anchor.text}' with another subject than {', '.join(entry.subjects[:3])}"
        if not sources and subject is not None and subject.lower_ in ("side", "party", "country") and any(
                c.lower_ == "each" for c in subject.children) and any(t.lower_ == "other" for t in governor.subtree):
            # "each side accused the other": the two sides the sentence names, each against the other
            sides = [m for i, m in enumerate(mentions) if m.entity and all(m.entity != o.entity for o in mentions[:i]
                                                                            if o.entity)]
            if len(sides) == 2:
                status = _status(governor, anchor, sent)
                return [Candidate(entry, sent, anchor, governor, replace(a, modifier=False),
                                  replace(b, modifier=False), False, status, 0.65)
                        for a, b in (sides, sides[::-1])]
        if not sources and subject is not None:
            sources = _numbered_group(subject.head, ("nsubj",), by_token, actors, only=subject)
        if subject is not None and not any(x.entity or x.person for x in sources):
            # "military commanders of both sides": the agents of each side of the group told before
            agent = next((x.agent for x in sources if x.agent), None)
            for whole in [p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in c.children if p.dep_ == "pobj"][:1]:
                group = _numbered_group(whole, (), by_token, actors, only=whole)
                if group:
                    sources = [replace(g, agent=agent, person=None, kb_person=None, roles=()) if agent else g
                               for g in group]
        if not sources and subject is not None and subject.i not in by_token:
            # "the Turkish and Greek sides have agreed": the states the subject's adjectives name; "thousands of
            # Venezuelan families": the people counted
            core = next((p for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                         if p.dep_ == "pobj"), subject) if subject.lower_ in QUANTITY_HEADS else subject
            if core.lower_ in ("them", "these", "those"):  # "most of them Russian paratroopers": the apposition
                core = next((c for c in subject.children if c.dep_ == "appos"), core)
            adjectives = [by_token[c.i] for c in core.subtree if c.i in by_token and c.i < core.i
                          and by_token[c.i].modifier and by_token[c.i].entity and c.dep_ in ("amod", "conj", "compound")]
            if adjectives and core.tag_ in ("NNS", "NNPS"):
                sources = [replace(m, modifier=False) for i, m in enumerate(adjectives)
                           if all(m.entity != o.entity for o in adjectives[:i])]
        # "both of whom", not "the attack, which killed 20 rebels": the relative clause of an act names no one
        if not sources and subject is not None and any(p.lower_ in ("whom", "which") and p.head.lower_ == "of"
                                                       and p.head.head.i == subject.i for p in subject.subtree):
            sources = _whom_antecedents(subject, mentions)  # "Le Drian and Maas, both of whom called on Tehran"
        if not sources and subject is not None and subject.lower_ == "they" and entry.symmetric \
                and not any(t.entity or t.person for t in targets):
            # "Modi and Sharif addressed the meeting, but they did not hold talks": the two just named
            named = [m for m in mentions if m.start < anchor.i and m.person and m.entity and not m.plural]
            pair = [m for i, m in enumerate(named) if all(m.entity != o.entity for o in named[:i])]
            if len(pair) == 2:
                sources = pair
            elif actors.last_pair:
                sources = list(actors.last_pair)
        if not sources and subject is not None and subject.lower_ == "they" and actors.last_group \
                and actors.last_group_age <= 1:
            # "The leaders of the US, Japan and South Korea met ... In a statement they criticised China"
            sources = [replace(m, modifier=False) for m in actors.last_group]
        if not sources and subject is not None and subject.lemma_.lower() in STATE_ANAPHORS and subject.tag_ == "NN" \
                and any(d.lower_ == "the" for d in subject.children):
            # "the kingdom had deployed 150,000 troops": the state named last, here or in the sentence before
            told = [m for m in mentions if m.start < subject.i] or actors.previous_mentions
            state = next((m for m in reversed(told) if m.country and not m.org and not m.person), None)
            if state is not None:
                sources = [ActorMention(subject.i, subject.i + 1, subject.text, subject.i, country=state.country,
                                        reason=f"'{subject.text}' read as the state named last")]
        if sources and all(not (x.entity or x.person) and x.plural and x.agent and x.end - x.start == 2
                           and sent.doc[x.start].lower_ == "the" for x in sources):
            # "European Union foreign ministers agreed ... The ministers also called on ...": the same people told
            # just before, by the same noun
            told = [m for m in mentions if m.end <= sources[0].start] + actors.previous_mentions
            same = next((m for m in reversed(told) if m.entity and not m.person and m.plural
                         and sent.doc[m.head].lemma_ == sent.doc[sources[0].head].lemma_), None)
            if same is not None:
                sources = [replace(x, country=same.country, org=same.org, reason=f"the {same.text} told before")
                           for x in sources]
        if not sources and subject is not None and subject.lower_ in ("it", "they") and governor.dep_ == "relcl":
            # "Iran would free the sailors it seized": the side the clause it qualifies is about
            outer, _ = _subject(_governing_verb(governor.head))
            sources = [m for m in (_mentions_for(outer, by_token, mentions) if outer is not None else [])
                       if m.entity and not m.pronoun]
            if not sources and outer is not None and outer.lower_ in CLAUSE_PRONOUNS:
                sources = _reporting_subject(outer, by_token)  # "Russia said it would return ... it detained"
        if entry.target and "object" in entry.target and governor.dep_ == "relcl" and any(
                c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in governor.children) \
                and not subject_passive \
                and not any(c.dep_ == "dobj" or c.lower_ in ("where", "when") for c in governor.children) \
                and governor.left_edge.lower_ not in ("where", "when") \
                and not _locative(governor.head) and not any(t.entity or t.person or t.counterpart for t in targets):
            # "the British sailors it seized": the noun the clause qualifies is what was seized
            targets = [m for m in _mentions_for(governor.head, by_token, mentions) if m.entity] or targets
        if not sources and subject is not None and subject.lower_ in CLAUSE_PRONOUNS and not subject_passive:
            # "Iran denied that it had launched the drones"; but in "will help Qatar if it is attacked" it is the target
            sources = _reporting_subject(subject, by_token)
        if not sources and entry.objects and subject is not None and subject.i not in by_token \
                and actors.accused_here is not None and any(d.lower_ == "the" for d in subject.children):
            # "accused NATO of massing troops on its border, a claim the alliance denied": who denies the charge is
            # whom the sentence accuses
            sources = [replace(actors.accused_here, modifier=False)]
        if not sources and subject is not None and subject.lemma_.lower() == "ally" and not subject_passive \
                and not any(c.dep_ in ("poss", "amod", "compound", "prep") for c in subject.children):
            # "at NATO headquarters, where allies agreed to ...": the members of the alliance named
            bloc = next((m for m in [*mentions, *reversed(actors.previous_mentions)] if m.org in ALLIANCES), None)
            sources = [replace(bloc, modifier=False, reason="'allies' of the alliance named")] if bloc else []
            # "Stoltenberg said the allies stood in solidarity": told by the alliance's own official
            speakers = [by_token[k.i] for v in governor.ancestors if v.lemma_.lower() in SPEECH_VERBS
                        for k in v.children if k.dep_ == "nsubj" and k.i in by_token]
            if bloc and speakers and speakers[0].person and speakers[0].org == bloc.org:
                sources = [speakers[0]]
        if not sources and entry.anchor == "noun" and entry.type == "SUPPORT" and anchor.head.lower_ == "in":
            # "gave the US envoy 72 hours to leave in solidarity with Morales": whoever does the main act
            root_subject, root_passive = _subject(sent.root)
            if root_subject is not None and not root_passive:
                sources = [m for m in _mentions_for(root_subject, by_token, mentions) if m.entity or m.person]
        if not sources and entry.symmetric and entry.objects and governor.dep_ == "acl" and actors.last_pair:
            # "the agreement signed in Beijing on March 10": signed by the states of the pair told before (not
            # necessarily by the same persons)
            sources = [ActorMention(anchor.i, anchor.i + 1, m.country or m.text, anchor.i, country=m.country, org=m.org,
                                    reason="signatories not named; the pair told before")
                       for m in actors.last_pair if m.entity]
        if not sources and subject is not None and subject.lemma_.lower() in TIME_NOUNS:
            # "The same day in Brussels, France, Germany and Belgium blocked ...": the small parser makes the time
            # the subject and hangs the sides on the place; the sides are the ones listed, not the place
            sources = [by_token[t.i] for t in subject.subtree if t.dep_ == "conj" and t.i in by_token
                       and by_token[t.i].entity and not by_token[t.i].modifier]
        if not sources and subject is None:  # the parse found no subject: read left to right
            sources = _linear_source(anchor, sent, mentions, actors)
            confidence -= 0.15
        sources = [replace(x, country=a.country, org=a.org) if x.agent and not (x.entity or x.person)
                   and (a := _own_adjective(x, sent, mentions)) is not None else x for x in sources]
        place = _event_place(sent, mentions)
        if place is not None:  # "demonstrators in Baghdad", "people blocked streets in Hong Kong"
            # but "the two foreign ministers" are the pair told before, wherever they met
            # nor are weapons ("warplanes hit the airport in Sanaa") of the place they hit
            weapons = entry.type == "ASSAULT" and bool(entry.subjects)
            sources = [replace(x, country=place.country) if x.agent and not (x.entity or x.person)
                       and not _the_two(x, sent) and not _foreign(x, sent) and not weapons else x for x in sources]
        if len(sources) == 1 and _bare_government(sources[0], sent) \
                and sent.doc[sources[0].head].head.i == governor.i and (home := _article_state([], actors)) is not None:
            # "The government has refused to let US Navy ships deliver aid": the government of the state the article
            # is about, when the sentence tells it in its own voice (not "said the regime killed ...")
            sources = [replace(sources[0], country=home, reason="government not named; read as that of the state "
                                                                "the article is about")]
        if not sources and entry.type == "ASSAULT":  # "were killed in Israeli air strikes": the strikes' side
            sources = _instrument_side(governor, by_token)
        if not sources and entry.type == "ASSAULT" and any(t.entity for t in targets) and not any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in governor.children):  # "if it is attacked"
            # "three soldiers were killed by a roadside bomb near Samarra": an unidentified attacker, placed
            # where it struck (CAMEO's UAF), so the victims' event is kept
            text = subject.text if subject is not None and not subject_passive else "unidentified attacker"
            sources = [ActorMention(anchor.i, anchor.i + 1, text, anchor.i, agent="UAF",
                                    country=place.country if place is not None else None,
                                    reason="attacker not named" + ("; placed where the attack happened"
                                                                   if place is not None else ""))]
        if not sources and entry.type == "PROTEST" and entry.anchor == "noun" and place is not None:
            # "protests erupted in Almaty": people of the place where they protested (CAMEO's civilians)
            sources = [ActorMention(anchor.i, anchor.i + 1, "protesters", anchor.i, agent="CVL", country=place.country,
                                    reason="protesters not named; placed where they protested")]
        if not sources and subject_passive and entry.type == "COERCE" and "military" in entry.context \
                and _passive_agent(governor) is None and (holding := _holder(targets, actors)) is not None:
            # "Shalit was captured on June 25, 2006", told of "a captive of Hamas"; "the pilot was taken prisoner",
            # told of a pilot Pakistan will release: taken by the side told holding or freeing them
            sources = [replace(holding[0], modifier=False, reason="captor not named; the side told holding or "
                                                                  "freeing the captive")]
            captives = holding[1]
            if captives is not None and captives.country and not any(t.entity for t in targets):
                # "Wing Commander Abhinandan Varthaman", a name the knowledge base lacks: one of the captives told
                targets = [replace(t, country=captives.country, reason="state of the captives told before")
                           for t in targets if t.person] or [replace(captives, modifier=False)]
        if not sources and subject_passive and entry.type in ("COERCE", "ACCUSE") and place is not None \
                and _passive_agent(governor) is None and any(t.entity or t.person for t in targets):
            # "a missionary was arrested in Lebanon", "was put under investigation in Italy": that state's authorities
            sources = [ActorMention(anchor.i, anchor.i + 1, "authorities", anchor.i, agent="GOV", country=place.country,
                                    reason="authorities not named; placed where they acted")]
        if not sources and subject_passive and entry.type == "RETREAT" and entry.mode == "release" \
                and _passive_agent(governor) is None and (captor := actors.last_source.get("COERCE") or next(
                    iter(_holder(targets, actors) or ()), None)) is not None \
                and captor.entity and all(t.entity != captor.entity for t in targets):
            # "the group was handed over to the British embassy": released by the side told seizing them
            sources = [replace(captor, modifier=False, reason="releaser not named; the side told seizing or "
                                                               "detaining before")]
            held = [t for r, t in actors.last_target.items() if r.startswith("coerce.") and t.entity != captor.entity]
            if not any(t.entity for t in targets) and held:  # "the sailors were freed": those it seized
                targets = [replace(held[-1], modifier=False)]
        if not sources and subject_passive and entry.type == "COERCE" and place is None \
                and _passive_agent(governor) is None and targets and all(
                    t.agent in NONSTATE_AGENTS and not t.org for t in targets) \
                and (home := _article_state(targets, actors)) is not None:
            # "the interior ministry said nearly 7,000 people were detained": the authorities of the state the
            # article is about, acting on its people
            sources = [ActorMention(anchor.i, anchor.i + 1, "authorities", anchor.i, agent="GOV", country=home,
                                    reason="authorities not named; read as those of the state the article is about")]
            targets = [replace(t, country=home) for t in targets]
        symmetric = entry.symmetric
        pairs: list[tuple[ActorMention, ActorMention | None]] = []
        if not sources:
            return "no source actor found"
        distinct = [x for i, x in enumerate(sources) if x.entity and all(x.entity != o.entity for o in sources[:i])]
        if len(distinct) >= 2 and not symmetric and not any(t.entity or t.person for t in targets) and any(
                t.lower_ == "each" and t.nbor(1).lower_ == "other" for t in governor.subtree if t.i + 1 < len(t.doc)):
            # "the two countries expelled each other's ambassadors": each side against the other
            status = _status(governor, anchor, sent)
            return [Candidate(entry, sent, anchor, governor, a, b, False, status, confidence)
                    for a, b in itertools.permutations(distinct, 2)]
        if entry.target and sources and not any(t.entity or t.person or t.counterpart for t in targets) \
                and (governor.dep_ == "advcl" and governor.tag_ == "VBG" or governor.dep_ == "conj") \
                and any(c.dep_ == "dobj" and c.lower_ in ("them", "him", "her") for c in governor.children):
            # "froze the assets of two Venezuelan officials, accusing them of ...", "arrested the Kenyan activist
            # and charged him": the pronoun is whom the main verb acted on
            targets = [m for c in governor.head.children if c.dep_ == "dobj"
                       for m in _mentions_for(c, by_token, mentions)
                       if m.entity and all(m.entity != x.entity for x in sources)] or targets
        if entry.type in REACTION_TYPES and sources and not any(
                t.entity or t.person or t.counterpart for t in targets):
            # "Saudi Arabia condemned the attack", "demanded a halt to the strikes", "praised the decision": the
            # side of the act told before
            # "a move Iran denounced as piracy": the noun the clause qualifies is what it reacts to
            qualified = governor.dep_ == "relcl" and governor.head.lemma_.lower() in DEED_NOUNS \
                and not any(c.dep_ == "dobj" for c in governor.children)
            told = [c for c in governor.children if c.dep_ == "dobj"] + ([governor.head] if qualified else []) + [
                p for c in governor.children if c.dep_ == "dobj" for q in c.children if q.dep_ == "prep"
                for p in q.children if p.dep_ == "pobj"]
            if entry.objects:  # "said the accusations were baseless"
                told += [k for c in governor.children if c.dep_ == "ccomp" for k in c.children if k.dep_ == "nsubj"]
            told = [t for t in told if any(d.lower_ in ("the", "this", "that", "these", "those")
                                           for d in t.children if d.dep_ == "det")
                    or (qualified and t.i == governor.head.i)
                    and not any(k in by_token for k in range(t.left_edge.i, t.i))  # "the Israeli attack" names it
                    and not any(c.lower_ == "by" for c in t.children)]
            if entry.objects and not told:  # "Tehran says they entered Iranian waters, a charge London denies"
                told = [c for c in governor.children if c.dep_ == "dobj" and c.lemma_.lower() in SAID_NOUNS] or (
                    # the parser may hang the clause on the noun: "a charge [London denies]"
                    [governor.head] if governor.dep_ == "relcl" and governor.head.lemma_.lower() in SAID_NOUNS else [])
                # what was said is the main clause, or (as the small parser reads it) a clause of the verb itself
                saying = [v for v in (sent.root, *(c for c in governor.children if c.dep_ == "ccomp"))
                          if told and v.i != governor.i and v.i < told[0].i
                          and v.lemma_.lower() in SPEECH_VERBS | {"claim", "accuse"}]
                for verb in saying[:1]:
                    speaker, _ = _subject(verb)
                    targets = [m for m in (_mentions_for(speaker, by_token, mentions) if speaker is not None else [])
                               if m.entity and all(m.entity != x.entity for x in sources)][:1] or targets
            said = next((SAID_NOUNS[t.lemma_.lower()] for t in told if t.lemma_.lower() in SAID_NOUNS), None)
            doer = actors.last_attacker if any(t.lemma_.lower() in ATTACK_NOUNS or (
                t.lemma_.lower() in ("action", "intervention", "campaign")
                and any(a.lower_ == "military" for a in t.children)) for t in told) and entry.type in (
                "ACCUSE", "REQUEST") else actors.last_actor if any(t.lemma_.lower() in DEED_NOUNS for t in told) \
                else actors.last_source.get(said) if said else None  # "rejected the accusations": the accuser
            if doer is None:  # "criticised the checkpoints" that "Russian forces kept"
                doer = next((actors.done_nouns[t.lemma_.lower()] for t in told if t.tag_ == "NNS"
                             and t.lemma_.lower() in actors.done_nouns), None)
            if doer is not None and all(doer.entity != x.entity for x in sources) \
                    and not any(t.entity for t in targets):
                targets = [replace(doer, modifier=False)]
        if not any(t.entity or t.person or t.counterpart for t in targets) and entry.type not in ("CONSULT", "MOBILIZE") \
                and entry.target and not (entry.symmetric and len(sources) >= 2):
            # "demanded that the US cancel ...", "refused to meet Jordan's King", "rejected an offer from Kabul"
            targets = _clause_target(anchor, by_token, sources) or targets
        if entry.type != "CONSULT" and sources and not any(t.entity or t.person or t.counterpart for t in targets) \
                and (anaphor := _the_country(governor)) is not None:
            # "troops would begin leaving the country": the one state besides the source named here or just before
            own = {x.entity for x in sources}
            for told in (mentions, actors.previous_mentions):
                states = {m.entity: m for m in told if m.entity and m.entity not in own and m.country == m.entity
                          and not m.person}
                if states:
                    if len(states) == 1:
                        targets = [replace(next(iter(states.values())), modifier=False)]
                    break
            else:  # neither names another state: the one the article names most ("... with the island")
                targets = [ActorMention(anaphor.i, anaphor.i + 1, f"the {anaphor.text}", anaphor.i, country=code,
                                        reason="the state the article names most")
                           for code in _most_named(actors, own, 1)] or targets
        if entry.type in ("RETREAT", "COERCE", "SANCTION") and sources and not any(
                t.entity or t.person or t.counterpart for t in targets):
            # "hundreds of Palestinian prisoners" ... "Israel freed 477 prisoners": the people told before
            # "freed 477 prisoners on Tuesday and will release a further 550": a bare number takes the noun of the
            # object of the clause it is joined to
            numbered = governor.dep_ == "conj" and any(o.dep_ == "dobj" and o.tag_ == "CD" for o in governor.children)
            objects = [o for v in ([governor, governor.head] if numbered else [governor]) for o in v.children
                       if o.dep_ == "dobj"]
            owned = [actors.owned_nouns[o.lemma_.lower()] for o in objects
                     if o.tag_ == "NNS" and o.lemma_.lower() in actors.owned_nouns
                     and not any(k.dep_ == "poss" for k in o.children)  # "withdraw their troops": their own
                     and not any(by_token[k.i].entity for k in o.subtree if k.i in by_token)]
            if owned and all(owned[0].entity != x.entity for x in sources):
                targets = [replace(owned[0], modifier=False)]
        if (entry.type in ("THREATEN", "ACCUSE", "REJECT") or entry.rule == "request.call-for") and sources and not any(
                t.entity or t.person or t.counterpart for t in targets):
            # "told his Iranian counterpart ... and warned of serious consequences": the one other side the
            # sentence names is whom the warning is for
            own = {x.entity for x in sources}

            def other_sides(told: list[ActorMention], people: bool = False) -> dict[str, ActorMention]:
                return {m.entity: m for m in told if m.entity and m.entity not in own and (people or not m.plural)
                        and not _locative(sent.doc[m.head])}
            # a sentence that names no other side reacts to the one side the sentence before named:
            # "Washington reimposed sanctions on Tehran. Rouhani rejected any renegotiation."; a people named is
            # the last resort ("bore the Iranian people no ill will, although he had warned ...")
            others = other_sides(mentions) or other_sides(actors.previous_mentions) or other_sides(mentions, True)
            if len(others) == 1:
                targets = [replace(next(iter(others.values())), modifier=False)]
        if entry.type != "CONSULT" and sources and not any(t.entity or t.person or t.counterpart for t in targets) \
                and any(t.agent and not t.entity for t in targets) \
                and entry.rule in actors.last_target:
            # "Washington expelled 60 Russians ... Germany and France each expelled four diplomats": the same act
            # against an unnamed side of the same kind is against the side it was told against before
            prior = actors.last_target[entry.rule]
            if all(prior.entity != x.entity for x in sources):
                targets = [replace(prior, modifier=False)]
        pledge = entry.type == "AGREE" or entry.type == "RETREAT" and _status(governor, anchor, sent) == "planned"
        if pledge and len(sources) == 1 and not any(t.entity or t.person or t.counterpart for t in targets) \
                and actors.last_pair:
            # "Kim committed to work towards denuclearisation and Trump agreed to provide guarantees", "Trump said
            # Washington would suspend its drills": after the talks of a pair, what one side pledges it pledges to
            # the other
            others = [m for m in actors.last_pair if m.entity and m.entity != sources[0].entity]
            if len(others) == 1 and any(m.entity == sources[0].entity for m in actors.last_pair):
                targets = [replace(others[0], modifier=False)]
        if consequence_of is not None and sources and not any(t.entity or t.person for t in targets):
            doer = actors.last_attacker if consequence_of.lemma_.lower() in ATTACK_NOUNS else actors.last_actor
            if doer is not None and all(doer.entity != x.entity for x in sources):
                targets = [replace(doer, modifier=False)]
        if entry.rule == "assault.involved" and sources and not any(t.entity for t in targets):
            # "Israel struck Iran ... Washington was not involved in the strikes": on whom the strikes told before
            # struck, the attack named by the same word
            words = [w.lemma_.lower() for w in span]
            words += [w[:-3] for w in words if w.endswith("ing")]  # "the bombing" after "bombed"
            struck = next((actors.attacked_by_word[w] for w in words if w in actors.attacked_by_word), None)
            if struck is not None and all(struck.entity != x.entity for x in sources):
                targets = [replace(struck, modifier=False)]
        if entry.rule == "assault.return-fire" and sources and not any(t.entity for t in targets):
            # "South Korean forces returned fire": at whoever attacked them, as told before
            attacker = actors.attacker_of.get(sources[0].entity or "")
            targets = [replace(attacker, modifier=False)] if attacker is not None else targets
        if entry.type in ("CONSULT", "ASSAULT") and any(t.lemma_.lower() in SPORT_WORDS and t.i not in by_token
                                                        for t in sent):
            return "a sporting fixture, not a consultation" if entry.type == "CONSULT" else \
                "play in a sporting fixture ('firing past the goalkeeper'), not an attack"
        if entry.type == "ASSAULT" and anchor.lemma_.lower() == "clash" and sources \
                and all(x.agent in (None, "GOV") for x in sources) \
                and any(c.dep_ == "prep" and c.lower_ in ("over", "on") and any(
                    p.dep_ == "pobj" and p.pos_ == "NOUN" and p.i not in by_token
                    and p.lemma_.lower() not in TERRITORY_NOUNS for p in c.children)
                        for c in anchor.children):
            # "the United States and China clashed over trade": governments disputing an issue do not fight; over a
            # place they may ("Armenia and Azerbaijan clashed over Nagorno-Karabakh")
            return "governments clashing over an issue dispute it, they do not fight"
        if entry.type == "CONSULT" and entry.mode == "visit" and any(t.lower_ in VIRTUAL_WORDS for t in sent):
            return "a virtual meeting, not a visit"
        if not any(t.entity for t in targets) and entry.type == "CONSULT" and entry.mode == "visit" \
                and anchor.lemma_.lower() in ARRIVAL_VERBS and actors.venue is not None and sources \
                and not any(k.lower_ in ("home", "back") for k in anchor.children) \
                and all(x.entity and x.entity != actors.venue.country and x.agent == "MIL" and not x.person
                        for x in sources):
            # "NUR-SULTAN - ... Russian paratroopers began arriving on Jan. 6": troops arrived where the report was
            # filed (a leader's arrival with no place is most often the visit the article dates by its talks)
            targets = [replace(actors.venue, modifier=False, reason="arrived where the report was filed")]
        if entry.type == "CONSULT" and entry.mode == "visit" and sources and all(
                "peacekeep" in x.text.lower() and not x.person for x in sources):
            # "NATO peacekeeping troops arrived in Bosnia": peacekeepers provide protection (CAMEO 074)
            entry = entry.model_copy(update={"rule": f"{entry.rule}+peacekeeping", "type": "AID", "mode": None,
                                             "cameo": "074", "context": ["peacekeeping"], "symmetric": False})
        elif entry.type == "CONSULT" and entry.mode == "visit" and all(
                x.agent == "MIL" and not x.person for x in sources):
            if _for_drills(governor):
                # "two Russian bombers landed in Venezuela for training flights": military cooperation (CAMEO 062)
                entry = entry.model_copy(update={"rule": f"{entry.rule}+exercise", "type": "COOPERATE", "mode": None,
                                                 "cameo": "062", "context": ["military"], "symmetric": True})
            else:
                # "troops crossed into Gambia", "paratroopers began arriving": a deployment (CAMEO 154), not a visit
                entry = entry.model_copy(update={"rule": f"{entry.rule}+military", "type": "MOBILIZE",
                                                 "mode": "troops", "cameo": "154", "context": ["military"],
                                                 "symmetric": False})
        if entry.type == "CONSULT":  # "some of his counterparts": no state, so no dyad to code
            generic = [t for t in targets if t.plural and not t.entity and not t.person]
            both_sides = symmetric and len({x.entity for x in sources if x.entity}) >= 2  # "between the two PMs"
            if generic and len(generic) == len(targets) and not both_sides:
                return f"generic plural counterpart ('{generic[0].text}'), not one meeting"
            targets = [t for t in targets if t not in generic]
        if not any(t.entity or t.person or t.counterpart for t in targets) and entry.target and sources:
            # "Correa said Uribe had lied to him when he telephoned him": the object pronoun is the one reporting
            for obj in (c for c in governor.children if c.dep_ in ("dobj", "dative") and c.lower_ in ("him", "her")):
                speaker = _reporting_subject(obj, by_token, besides={x.entity for x in sources})
                if speaker:
                    targets = [replace(speaker[0], modifier=False)]
        if entry.type == "AID" and sources and not any(t.entity or t.person for t in targets) and any(
                c.lower_ == "in" and c.i == governor.i + 1 and (c.dep_ == "prt" or c.dep_ == "prep" and any(
                    p.dep_ == "pobj" and p.i not in by_token and p.ent_type_ not in ("DATE", "GPE", "LOC")
                    for p in c.children)) for c in governor.children) \
                and (home := _article_state([], actors)) is not None and all(x.entity != home for x in sources):
            # "the United States has flown in relief supplies": into the state the article is about
            targets = [ActorMention(anchor.i, anchor.i + 1, "the country", anchor.i, country=home,
                                    reason="where aid was brought in: the state the article is about")]
        if entry.type in ("ASSAULT", "COERCE") and sources and not any(t.entity or t.person for t in targets) \
                and (owner := _owner_of_its(governor, span, by_token, {x.entity for x in sources})) is not None:
            # "Iran said one of its drones was shot down by Israeli fire": Iran's drone
            targets = [replace(owner, modifier=False)]
        if entry.type == "CONSULT" and not any(t.entity or t.person or t.counterpart for t in targets) \
                and (behest := _at_behest(governor)) is not None:
            # "At Ankara's request, NATO ambassadors held an emergency meeting": Turkey is the other side
            targets = [replace(m, modifier=False) for m in _owner(behest, by_token, mentions)
                       if all(m.entity != x.entity for x in sources)][:1] or targets
        if entry.type != "CONSULT" and "object" in entry.target and sources \
                and not any(t.entity or t.person or t.counterpart for t in targets):
            # "Hu Jintao backed his handling of the unrest": "his" is someone other than the one acting, the person
            # named as the subject before
            own = {x.entity for x in sources}
            his = next((by_token[k.i] for c in governor.children if c.dep_ == "dobj" for k in c.children
                        if k.dep_ == "poss" and k.lower_ in ("his", "her") and k.i in by_token
                        and k.nbor(1).lower_ != "own"), None)
            named = [] if his is None else [s for s in actors.sentence_subjects
                                            if s.end <= his.start and s.entity and s.entity not in own] or [
                s for s in (actors.last_subject,) if s is not None and s.entity and s.entity not in own]
            if named:
                targets = [replace(named[-1], start=his.start, end=his.end, text=his.text, head=his.head)]
        unnamed_people = [t for t in targets if t.agent in NONSTATE_AGENTS and not (t.entity or t.person or t.org)]
        targets = [t for t in targets if t.entity or t.person or t.counterpart]
        if entry.type in DOMESTIC_TYPES and len(targets) == 1 and targets[0].country and not targets[0].person \
                and sources and all(not x.entity and ((x.roles or x.agent in ("JUD", "COP", "LEG")) and not x.plural
                                                      or entry.type in VERBAL_TYPES
                                                      and x.agent in NONSTATE_AGENTS and targets[0].agent == "GOV")
                                    for x in sources):
            # "Vice-President Moody Awori has declined to resign despite pressure by the Kenya Anti-Corruption
            # Commission": an official of no named country acting on one state's people acts in its own politics;
            # so does a group making demands of one state's government ("the rebel group insisted that Burundi's
            # government grant ...")
            sources = [replace(x, country=targets[0].country,
                               reason="country not named; read as that of the one state acted on") for x in sources]
        if entry.type in ("ASSAULT", "COERCE") and sources and all(sent.doc[x.head].dep_ not in ("amod", "compound")
                                                                   for x in sources) \
                and not any(_foreign(x, sent) for x in sources) and (home := _home_state(sources, targets, actors)):
            # "security forces have killed more than 740 people", "police opened fire on protesters": forces of no
            # named country act at home, in the state the article is about
            sources = [replace(x, country=home, reason="forces of no named country: read as those of the state "
                                                       "the article is about") for x in sources]
            if not targets and unnamed_people:  # "troops fired on a crowd": people of that state
                targets = [replace(unnamed_people[0], country=home)]
        if entry.type == "MOBILIZE" and sources and all(t.entity == sources[0].entity for t in targets):
            place = _event_place(sent, mentions, after=anchor.i)  # "troops sent to a base in Qatar": where they go
            targets = [place] if place is not None and place.country != sources[0].entity else []
        pair_subjects = entry.anchor == "verb" or _near_governor(anchor, governor)
        if not targets and symmetric and len(sources) == 1 and _the_two(sources[0], sent) and actors.last_pair:
            sources = list(actors.last_pair)  # "the two leaders last met in Sochi": the pair told before
        if not targets and symmetric and len(sources) >= 2 and pair_subjects:
            pairs = list(itertools.combinations(sources, 2))  # "Iran, Russia and China held joint drills"
        elif targets:
            pairs = [(x, t) for x in sources for t in targets if x is not t]
        elif entry.needs_target and entry.anchor == "noun":
            return [Candidate(entry, sent, anchor, governor, sources[0], None, symmetric,
                              _status(governor, anchor, sent), confidence, continuation=True)]
        elif entry.needs_target and entry.type == "CONSULT" and _refused(governor):
            pairs = [(x, None) for x in sources]  # "would not take part in any conference": a refusal, kept
        elif entry.needs_target:
            return "no target: this trigger needs someone met, visited or hosted"
        else:
            pairs = [(x, None) for x in sources]
        # a resignation is aimed at nobody; leaving a treaty or breaking ties is never aimed at one's own state
        if entry.type in DOMESTIC_TYPES and entry.target and not (entry.type == "SANCTION"
                                                                  and "diplomatic" in entry.context):
            # "students staged demonstrations", "the government lifted the curfew": a domestic act that names
            # no other side is aimed at the source's own state (its government, or its people)
            named = {m.entity for m in [*mentions, *actors.previous_mentions] if m.entity and not m.modifier}
            # a government's protest or demand with no side named answers something told elsewhere
            inward = entry.type not in REACTION_TYPES or entry.type == "PROTEST"
            # but a state itself attacking or threatening ("Iran launched dozens of drones", "vowed to retaliate
            # against any aggression") acts on someone the text does not name
            state_attack = entry.type == "ASSAULT" or entry.type == "THREATEN" and "military" in entry.context
            answering = entry.rule == "assault.return-fire"  # fire answered is never at one's own side
            pairs = [(x, _own_state(x, actors.kb) if t is None and x.country and not x.org and named <= {x.country}
                      and not answering and (inward and not (state_attack and x.agent in (None, "GOV"))
                           or (x.agent not in (None, "GOV") and not x.roles)) else t) for x, t in pairs]
        status = _status(governor, anchor, sent)
        if kept_open:
            status = "hypothetical"
        if entry.announces and status == "occurred":
            status = "planned"
        if entry.rule in REACTION_READINGS and (cause := _reaction_to(governor, by_token, mentions, sources)) is not None:
            # "called off joint military exercises after Israeli commandos stormed a Turkish ship": cut in answer
            # to the other side's act, military cooperation stopped (CAMEO 1622), not a de-escalation
            kind, mode, cameo = REACTION_READINGS[entry.rule]
            entry = entry.model_copy(update={"rule": f"{entry.rule}+reaction", "type": kind, "mode": mode,
                                             "cameo": cameo})
            pairs = [(x, replace(cause, modifier=False)) for x, _ in pairs]
        if status == "planned" and entry.type in ("ASSAULT", "COERCE") and _past_attempt(governor):
            status = "occurred"  # "tried to hack into army computers": an attack attempted is an attack made
        if status == "planned" and entry.type == "ASSAULT" and _readied_for(governor):
            # "the army prepared to resume shelling": forces readied, an increase of readiness (CAMEO 150)
            entry = entry.model_copy(update={"rule": f"{entry.rule}+readiness", "type": "MOBILIZE", "mode": "troops",
                                             "cameo": "150", "context": ["military"], "symmetric": False})
            status = "occurred"
        promised: TriggerEntry | None = None
        if entry.type == "RETREAT" and (status == "planned" and not _forecast(governor) or _announced_as_under_way(governor)):
            # PLOVER codes a retreat announced for later ("announced it would withdraw its troops", "agreed to let
            # aid workers in", "announced he was stepping down") as CONCEDE, the promise made when it was told; the
            # retreat itself stays too, with its own status and day
            promised = entry.model_copy(update={"rule": f"{entry.rule}+promise", "type": "CONCEDE", "mode": None})
        pledged_by = None
        if entry.type == "AID" and status == "planned" and not _forecast(governor) and _stated_amount(anchor) \
                and (pledged_by := _promising_verb(governor)) is not None:
            # "Cuba said on Friday it would send 165 doctors", "will provide $10 million, the ministry said": a stated
            # amount of aid committed is aid given the day it is told, as a pledge of a sum is (CAMEO 071)
            entry = entry.model_copy(update={"rule": f"{entry.rule}+pledge"})
            status = "occurred"
        modes: list[str | None] = [None] * len(pairs)
        joint = len({x.entity for x in sources if x.entity}) >= 2 or entry.mode == "host"
        apart = entry.mode == "phone" or any(t.lower_ in SEPARATE_WORDS for t in sent)
        if entry.type == "CONSULT" and pairs and not apart and entry.mode in (None, "host"):
            place = _event_place(sent, mentions, governor, within=governor)
            elsewhere = place is None and _event_place(sent, mentions, governor) is not None
            remote = entry.anchor == "verb" and anchor.lemma_.lower() in REMOTE_VERBS
            if place is None and not elsewhere and not remote:
                place = actors.venue  # "spoke with" may be by phone: the dateline is no venue for it
            convention = _dyadic_convention(entry, pairs, place, joint,
                                            place is not None and place.country in actors.states_named)
            if convention is not None:
                pairs, modes = convention
        out = []
        for (s, t), mode in zip(pairs, modes):
            if t is not None:
                if t.counterpart:
                    actors.resolve_counterpart(t, s)
                if s.counterpart:
                    actors.resolve_counterpart(s, t)
                # "Croatia is investigating crimes by Croatian extremists": a state and its own non-state groups
                # are two sides too
                rival_group = any(a.agent in NONSTATE_AGENTS and not (b.agent or b.person or b.org)
                                  for a, b in ((s, t), (t, s)))
                domestic = entry.type != "CONSULT" and (s.agent and t.agent and s.agent != t.agent
                                                        or t.reason == OWN_STATE_REASON or rival_group)
                if s.entity and t.entity and s.entity == t.entity and s.agent != "UAF" and not domestic and (
                        s.person == t.person or not (t.person or s.person) or entry.type == "CONSULT"
                        or (s.agent or "") == (t.agent or "")):
                    if entry.type == "CONSULT" or not (t.modifier and not t.agent and _locative(sent.doc[t.head])):
                        continue  # Iran with Iran: an actor's own statement, not a dyad; police arresting a
                        # former president (COP against GOV) is a real domestic event and stays
                    t = None  # "Bosnian Serb forces withdrew from Gorazde": a place of their own state is no side
                if t is not None and t.plural and not t.entity:
                    t = None
            if not s.entity and not s.person and not (
                    entry.type in ("ASSAULT", "COERCE") and s.agent and t is not None and t.entity):
                continue  # a side nobody can name; but "insurgents shelled Aleppo" still tells of an attack
            alone = t is None or t.person or t.reason == OWN_STATE_REASON
            conf = confidence + (0.1 if s.person and alone else 0) - (0.1 if s.plural else 0)
            out.append(Candidate(entry, sent, anchor, governor, s, t,
                                 (symmetric or mode == "multilateral") and t is not None and mode != "visit", status,
                                 round(min(conf, 0.99), 2), past_perfect=_past_perfect(governor), mode=mode,
                                 date_after=t.head if t is not None and any(t is g for g in gapped) else None,
                                 days_before=_days_before(governor) if stranded else 0,
                                 promise=pledged_by is not None, promised_by=pledged_by))
        if promised is not None:
            promising = _promising_verb(governor)
            speaker, _ = _subject(promising) if promising is not None else (None, False)
            said_by = by_token.get(speaker.i) if speaker is not None else None
            out += [replace(c, entry=promised, status="occurred", mode=None, promise=True, promised_by=promising,
                            days_before=_days_before(promising) if promising is not None else 0,
                            confidence=round(c.confidence - 0.05, 2),
                            # "Trump said Washington would suspend its drills": the concession is Trump's
                            source=said_by if said_by is not None and said_by.person and c.source is not None
                            and said_by.entity == c.source.entity and not c.source.person else c.source)
                    for c in out]
        if not out:
            return "source and target are the same actor or unresolved"
        return out

    def _code_modal(self, entry: TriggerEntry, anchor: Token, sent: Span, by_token: dict[int, ActorMention],
                    mentions: list[ActorMention], actors: DocumentActors) -> list[Candidate] | str:
        """"The US said China must drop its barriers": a demand by the speaker on the modal's subject."""
        verb = anchor.head
        speech = verb.head
        # "issued a stern reminder to Iraq that it must cooperate": a message noun carries the demand too
        message = verb.dep_ == "acl" and speech.pos_ == "NOUN" and speech.lemma_.lower() in MESSAGE_NOUNS
        if message:
            speech = _governing_verb(speech)
        elif verb.dep_ != "ccomp" or speech.lemma_.lower() not in DEMAND_SPEECH:
            return f"'{anchor.text}' is not inside a reported demand"
        subj = _subject(speech)[0]
        sources = _mentions_for(subj, by_token, mentions) if subj is not None else []
        sources = _resolved_sources(sources, actors)
        told = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        targets = _mentions_for(told, by_token, mentions) if told is not None else []
        if message and not targets and told is not None and told.lower_ in CLAUSE_PRONOUNS:
            targets = [m for c in speech.children if c.dep_ in ("dative", "prep") and c.lower_ == "to"
                       for p in c.children if p.dep_ == "pobj" for m in _mentions_for(p, by_token, mentions)]
        if not sources:
            return "no source actor found"
        status = _status(speech, anchor, sent)
        out = [Candidate(entry, sent, anchor, speech, sources[0], t, False, status, 0.7)
               for t in targets if t.entity and not t.pronoun and t.entity != sources[0].entity]
        return out or "no target: nobody is told what they must do"

    def _targets(self, entry: TriggerEntry, span: Span, anchor: Token, governor: Token,
                 by_token: dict[int, ActorMention], mentions: list[ActorMention]) -> list[ActorMention]:
        heads = [anchor] if entry.anchor == "noun" else [anchor, *[t for t in span if t != anchor]]
        heads += [c for h in list(heads) for c in h.conjuncts if c.pos_ in ("NOUN", "PROPN") and c not in heads]
        found: list[ActorMention] = []
        unusable: list[ActorMention] = []  # "launched 300 drones at Israel": the drones are no target
        for slot in entry.target:
            if found and not any(m.entity or m.person or m.counterpart for m in found):
                unusable, found = unusable or found, []
            slot_heads = heads
            if entry.anchor == "noun" and _near_governor(anchor, governor) and governor.pos_ in ("VERB", "AUX"):
                # "Putin told Erdogan in a phone call", "received a call on Thursday from Rouhani": the verb's
                # object or preposition names the other side
                slot_heads = [*heads, governor]
            for h in slot_heads:
                if slot == "object":
                    for c in h.children:
                        if c.dep_ == "oprd" and span.start <= c.i < span.end:
                            continue  # "was taken prisoner in Pakistan": the trigger's own word, not whom
                        if c.dep_ in ("dobj", "dative", "attr", "oprd"):
                            # a meeting's object is the person met, never someone inside "the situation in Gaza"
                            # "offered its troops to Lebanon": the side's own forces are what it offers
                            found += [m for m in _mentions_for(c, by_token, mentions, prefer_agentive=True,
                                                               inside=entry.type != "CONSULT" or entry.target_inside)
                                      if not (m.agent and not m.counterpart and not m.person
                                              and anchor.doc[m.start].lower_ in ("its", "their", "our"))]
                    if h.dep_ == "prep" and h.lower_ in ("on", "upon", "to", "with"):
                        for c in h.children:
                            if c.dep_ == "pobj":
                                found += _mentions_for(c, by_token, mentions)
                else:
                    for c in list(h.children) + ([h] if h.dep_ == "prep" else []):
                        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == slot:
                            for p in c.children:
                                if p.dep_ == "pobj" and p.lower_ in ("which", "whom"):
                                    # "Egypt, with which it has coordinated closely": the noun the clause qualifies,
                                    # just before it (the small parser may not hang the clause on it)
                                    before = next((t for t in reversed(anchor.doc[:c.i]) if not t.is_punct), None)
                                    if before is not None and before.pos_ in ("NOUN", "PROPN"):
                                        found += _mentions_for(before, by_token, mentions)
                                elif p.dep_ == "pobj":
                                    found += _mentions_for(p, by_token, mentions)
                    # the small parser often hangs "with X" on the object: "discussed Gaza with X"
                    if slot in ("with", "between") and entry.anchor == "verb":
                        # "agreed to normalise relations with Israel": the partner of what was agreed
                        agreed = [x for x in h.children if x.dep_ in ("xcomp", "advcl") and _infinitive(x)] \
                            if entry.type == "AGREE" else []
                        for c in [k for x in (h, *agreed) for k in x.children if k.dep_ == "dobj"] + [
                                k for x in agreed for k in x.children if k.dep_ == "prep" and k.lower_ == slot]:
                            for p in ([c] if c.dep_ == "prep" else c.children):
                                if p.dep_ == "prep" and p.lower_ == slot:
                                    for q in p.children:
                                        if q.dep_ == "pobj":
                                            found += _mentions_for(q, by_token, mentions)
            if any(m.entity or m.person or m.counterpart for m in found):
                break
        uniq: list[ActorMention] = []
        for m in found or unusable:
            if m not in uniq and not m.pronoun:
                uniq.append(m)
        return uniq

    def _sources(self, entry: TriggerEntry, anchor: Token, governor: Token, by_token: dict[int, ActorMention],
                 actors: DocumentActors, mentions: list[ActorMention]) -> tuple[list[ActorMention], list[ActorMention]]:
        passive_target: list[ActorMention] = []
        if entry.anchor == "noun":
            for c in anchor.children:
                if c.dep_ == "poss":
                    ms = _mentions_for(c, by_token, mentions)
                    if ms and not ms[0].pronoun:
                        return ms, []
                if c.dep_ == "prep" and (c.lower_ == "by" or c.lower_ == "from" and entry.type in FROM_AGENT_TYPES):
                    for p in c.children:  # "atrocities by the regime", "last-minute appeals from Macron"
                        if p.dep_ == "pobj":
                            ms = _mentions_for(p, by_token, mentions)
                            if ms:
                                return ms, []
                if c.dep_ == "prep" and c.lower_ == "between" and entry.mode != "third-party":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            ms = [m for m in _mentions_for(p, by_token, mentions) if m.entity or m.person] or \
                                _numbered_group(p, (), by_token, actors, only=p)  # "between the two prime ministers"
                            if len(ms) >= 2:
                                return ms, []
                            for q in p.conjuncts:  # "between Trump and the two leaders": each of them with Trump
                                group = _numbered_group(q, (), by_token, actors, only=q)
                                if len(ms) == 1 and group:
                                    return ms, [g for g in group if g.entity != ms[0].entity]
        subj, passive = _subject(governor)
        if subj is not None and governor.dep_ == "acl" and subj.i == governor.head.i \
                and subj.lemma_.lower() in ATTACK_NOUNS and (outer := _governing_verb(subj)).i != subj.i:
            # "jets carried out strikes targeting Hamas commanders": whoever carried out the strikes, not whom
            # they targeted
            subj, passive = _subject(outer)
        if subj is not None:
            ms = _mentions_for(subj, by_token, mentions)
            if passive:
                agent = _passive_agent(governor)
                adjunct = entry.anchor == "noun" and agent is None and anchor.head.dep_ == "prep" \
                    and anchor.head.lower_ in ADJUNCT_PREPS and anchor.head.head == governor
                # "Paetongtarn, who was suspended after a phone call with Hun Sen": the call was hers
                passive_target = [] if adjunct else ms
                if not ms and subj.lower_ in CLAUSE_PRONOUNS and not adjunct:
                    passive_target = _reporting_subject(subj, by_token)  # "Iran said it was attacked by Israel"
                if not adjunct:
                    ms = _mentions_for(agent, by_token, mentions) if agent is not None else []
            if ms:
                return ms, passive_target
        if entry.anchor == "noun":
            for c in anchor.children:
                if c.dep_ == "poss":
                    ms = _mentions_for(c, by_token, mentions)
                    if ms:
                        return ms, passive_target
        return [], passive_target


MOTION_VERBS = {"fly", "travel", "go", "head", "come", "arrive", "return", "journey", "rush", "sail", "send", "dispatch"}
LOCATIVE = {"in", "near", "outside", "at", "across", "throughout", "inside", "around", "through"}


def _dyadic_convention(entry: TriggerEntry, pairs: list[tuple[ActorMention, ActorMention | None]],
                       place: ActorMention | None, joint: bool, place_state_takes_part: bool = False
                       ) -> tuple[list[tuple[ActorMention, ActorMention | None]], list[str | None]] | None:
    """Event data's dyadic convention for meetings: whoever travels to a participant's country, or is hosted,
    visits its host (visitor -> host, `visit`); when three or more states meet together (several sides meeting,
    or a host receiving several guests; never separate calls) each pair of visitors is `multilateral`.
    Returns the pairs with their modes, or None when the meeting has no host and fewer than three sides."""
    parts: list[ActorMention] = []
    for s, t in pairs:
        for m in (s, t):
            if m is not None and m.entity and all(p.entity != m.entity for p in parts):
                parts.append(m)
    if entry.mode == "host":  # "X hosted Y": Y visited X
        host: ActorMention | None = pairs[0][0]
    else:
        host = next((p for p in parts if place is not None and p.entity == place.country), None)
        if host is None and joint and place is not None and place_state_takes_part:
            # two sides meeting in a third state the article shows taking part (hosting, brokering)
            host = ActorMention(place.start, place.end, place.text, place.head, country=place.country, agent="GOV")
            parts.append(host)
    if host is None and not (joint and len(parts) >= 3):
        return None
    visitors = [p for p in parts if p is not host]
    out: list[tuple[ActorMention, ActorMention | None]] = [(v, host) for v in visitors] if host is not None else []
    out_modes: list[str | None] = ["visit"] * len(out)
    if len(parts) >= 3:
        for a, b in itertools.combinations(visitors, 2):
            out.append((a, b))
            out_modes.append("multilateral")
    return out, out_modes


DATE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
              "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
              "today", "yesterday", "tomorrow"}


def _gapped_targets(governor: Token, by_token: dict[int, ActorMention]) -> list[ActorMention]:
    """"visit Peru on Tuesday and Brazil on Wednesday", "spoke with the king on Tuesday and with the emir on
    Wednesday": a second target with a date of its own, which the parse hangs on the first date."""
    out: list[ActorMention] = []
    for prep in governor.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "in", "at"):
            continue
        dates = [o for o in prep.children if o.dep_ == "pobj" and o.lower_ in DATE_WORDS]
        if not dates:
            continue
        found = [c for o in dates for c in o.children if c.dep_ == "conj" and c.lower_ not in DATE_WORDS]
        found += [p for c in prep.children if c.dep_ == "conj" and c.pos_ == "ADP" and c.lower_ != prep.lower_
                  for p in c.children if p.dep_ == "pobj"]
        for tok in found:
            m = by_token.get(tok.i)
            if m is not None and (m.entity or m.person or m.counterpart) and all(m is not o for o in out):
                out.append(m)
    return out


def _whom_antecedents(subject: Token, mentions: list[ActorMention]) -> list[ActorMention]:
    """"..., Jean-Yves Le Drian and Heiko Maas, both of whom ...": the coordinated mentions just before."""
    before = [m for m in mentions if m.end <= subject.i and (m.entity or m.person) and not m.modifier]
    if not before:
        return []
    doc = subject.doc
    root = doc[before[-1].head]
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    chain = {root.i} | {t.i for t in root.conjuncts}
    return [m for m in before if m.head in chain] or before[-1:]


NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _numbered_group(verb: Token, deps: tuple[str, ...], by_token: dict[int, ActorMention], actors: DocumentActors,
                    only: Token | None = None) -> list[ActorMention]:
    """"criticised the three European governments", "the three countries said": a numbered plural no name
    covers names the last coordinated group of that many sides (France, Germany and Belgium)."""
    tokens = [only] if only is not None else [c for c in verb.children if c.dep_ in deps] + [
        p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ in deps]
    for tok in tokens:
        if tok.i in by_token and (by_token[tok.i].entity or by_token[tok.i].person):
            continue
        words = [tok] + [c for c in tok.children if c.dep_ in ("nummod", "det", "predet", "amod")]
        sizes = [NUMBER_WORDS[w.lower_] for w in words if w.lower_ in NUMBER_WORDS]
        plural = tok.tag_ in ("NNS", "NNPS") or tok.pos_ == "NUM"
        # "the two countries", "both sides", "The three agreed" name a group; "expelled two diplomats" counts
        definite = any(w.lower_ in ("the", "these", "those", "both") for w in words) or (
            tok.pos_ == "NUM" and tok.dep_ in ("nsubj", "nsubjpass"))
        if sizes and plural and definite and sizes[0] in actors.groups:
            titled = by_token.get(tok.i)
            actors.note_group(actors.groups[sizes[0]])  # "The three agreed ... they criticised": told again
            if titled is None or not titled.roles:
                return [replace(m, modifier=False) for m in actors.groups[sizes[0]]]
            # "the two prime ministers" after "the foreign ministers of Greece and Macedonia": those states'
            # prime ministers, not the ministers named before
            out = []
            generic = all(actors.kb.role_office.get(r) == "leader" for r in titled.roles)
            for m in actors.groups[sizes[0]]:
                if m.person and (generic or set(m.roles) & set(titled.roles)):
                    out.append(replace(m, modifier=False))  # "the two leaders" after two named leaders: those two
                    continue
                holder = replace(titled, country=m.country, org=m.org, person=None, kb_person=None, name=None,
                                 plural=False, modifier=False, reason=None)
                actors.resolve(holder)
                out.append(holder)
            return out
    return []


PAIR_NOUNS = {"country", "nation", "state", "side", "government", "neighbour", "neighbor", "party", "capital", "koreas"}


def _both_states(verb: Token, by_token: dict[int, ActorMention], mentions: list[ActorMention],
                 actors: DocumentActors) -> list[ActorMention]:
    """"The United States called on both countries to comply", "urged both Koreas", "deals with either country":
    with no pair coordinated before, the two states the article names most besides the one acting."""
    # "warned that Washington would not conclude trade deals with either country": in what was said, too
    said = [t for c in verb.children if c.dep_ == "ccomp" for t in c.subtree]
    told = [c for c in verb.children if c.dep_ == "dobj"] + [
        p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"] + [
        t for t in said if t.dep_ in ("dobj", "pobj")]
    for tok in told:
        both = any(c.lower_ == "both" for c in tok.children if c.dep_ in ("det", "predet")) or (
            any(c.lower_ == "two" for c in tok.children if c.dep_ == "nummod")
            and any(c.lower_ == "the" for c in tok.children if c.dep_ == "det"))
        either = any(c.lower_ == "either" for c in tok.children if c.dep_ == "det") and tok.tag_ == "NN"
        if not ((both and tok.tag_ in ("NNS", "NNPS") or either) and tok.lemma_.lower() in PAIR_NOUNS):
            continue
        subject, _ = _subject(verb)
        # "China, the North's main ally, called on both Koreas": the subject itself, not what its apposition names
        own = {m.entity for m in (_mentions_for(subject, by_token, mentions) if subject is not None else [])[:1]}
        pair = [ActorMention(tok.i, tok.i + 1, tok.text, tok.i, country=code,
                             reason="one of the two states the article names most")
                for code in _most_named(actors, {e for e in own if e}, 2)]
        if pair:
            return pair
    return []


def _most_named(actors: DocumentActors, besides: set[str], k: int) -> list[str]:
    """The `k` states the article names most (each at least twice), besides `besides`; none when the k-th is named
    as often as the next."""
    ranked = sorted(((n, code) for code, n in actors.times_named.items() if code not in besides and n >= 2),
                    reverse=True)
    if len(ranked) < k or len(ranked) > k and ranked[k - 1][0] == ranked[k][0]:
        return []
    return [code for _, code in ranked[:k]]


def _home_state(sources: list[ActorMention], targets: list[ActorMention], actors: DocumentActors) -> str | None:
    """The state whose forces these are, when the text names none: the state the article is about, provided whom
    they acted on is of no other state; None otherwise."""
    if not all(x.agent in ("MIL", "COP") and not (x.entity or x.person) for x in sources):
        return None
    return _article_state(targets, actors)


def _bare_government(x: ActorMention, sent: Span) -> bool:
    """"The government" with no state, as the subject of a main clause of the sentence."""
    head = sent.doc[x.head]
    return x.agent == "GOV" and not (x.entity or x.person or x.roles) and head.lemma_.lower() == "government" \
        and head.dep_ == "nsubj" and (head.head.dep_ == "ROOT"
                                      or head.head.dep_ == "conj" and head.head.head.dep_ == "ROOT") \
        and [c.lower_ for c in head.children if c.dep_ != "punct"] == ["the"]


FORCE_NOUNS = {"troop", "force", "soldier", "army", "contingent", "unit", "personnel", "peacekeeper"}
ALLIANCES = {"NATO", "CSTO"}  # organisations whose members news calls "allies"
FOREIGN_WORDS = {"foreign", "international", "multinational", "allied", "coalition", "peacekeeping"}


def _foreign(x: ActorMention, sent: Span) -> bool:
    """"foreign troops", "international peacekeepers": forces that are not those of the state they are in."""
    return x.agent in ("MIL", "COP") and any(c.lower_ in FOREIGN_WORDS for c in sent.doc[x.head].children
                                             if c.dep_ in ("amod", "compound"))


def _article_state(people: list[ActorMention], actors: DocumentActors) -> str | None:
    """The state an article is about, for acts at home on `people` (of that state or of none): the state the article
    names most (its persons counting for their states), the dateline's breaking a tie; a state the people belong to
    may also be the dateline's. None when unclear: no state named twice, a tie, or a dateline state the text names
    that is not the one it names most."""
    counts = {code: n for code, n in actors.topic_named.items() if n}
    top = max(counts.values(), default=0)
    leaders = {code for code, n in counts.items() if n == top}
    if len(leaders) > 1 and actors.filed_in in leaders:  # "MINSK - ... Putin ... Lukashenko ...": where it was filed
        leaders = {actors.filed_in}
    home = leaders if len(counts) == 1 or len(leaders) == 1 and top >= 2 else set()
    if actors.filed_in in counts and home != {actors.filed_in}:
        home = set()  # "JAKARTA - ... Myanmar's junta ...": the report is not about the one place
    theirs = {t.country for t in people if t.country}
    if any(t.org or t.country and t.agent not in NONSTATE_AGENTS for t in people) or len(theirs) > 1:
        return None
    if theirs and actors.filed_in:  # "CAIRO - ... security forces opened fire on Morsi supporters"
        home.add(actors.filed_in)
    if theirs:
        return next(iter(theirs)) if theirs <= home else None
    return next(iter(home)) if len(home) == 1 else None


def _own_state(x: ActorMention, kb: ActorKB) -> ActorMention:
    """The implied target of a domestic act: the source's own state, marked as implied in its text."""
    name = kb.countries[x.country].names[0] if x.country in kb.countries else x.country
    return ActorMention(x.start, x.end, f"[{name}]", x.head, country=x.country,
                        agent="CVL" if x.agent == "GOV" else "GOV", reason=OWN_STATE_REASON)


DRILL_NOUNS = {"training", "exercise", "drill", "maneuver", "manoeuvre", "wargame"}


def _for_drills(verb: Token) -> bool:
    """"landed in Venezuela for training flights", "arrived for joint exercises": come to train together."""
    return any(p.dep_ == "pobj" and (p.lemma_.lower() in DRILL_NOUNS or any(
        k.dep_ in ("compound", "amod") and k.lemma_.lower() in DRILL_NOUNS for k in p.children))
        for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children)


def _the_country(verb: Token) -> Token | None:
    """The verb's object, or a phrase on it, that is "the country" or the like ("leave the country", "pull out of
    the country", "eased restrictions on travel with the island"), or None."""
    objs, stack = [], [c for c in verb.children if c.dep_ in ("dobj", "prep")]
    while stack:
        t = stack.pop()
        if t.dep_ in ("dobj", "pobj", "conj"):
            objs.append(t)
        stack += [c for c in t.children if c.dep_ in ("prep", "pobj", "conj")]
    return next((o for o in objs if o.lemma_.lower() in STATE_ANAPHORS and o.tag_ == "NN"
                 and any(d.lower_ == "the" for d in o.children)), None)


def _own_adjective(x: ActorMention, sent: Span, mentions: list[ActorMention]) -> ActorMention | None:
    """"Turkish F-16 fighter jets": a state adjective inside the generic actor's own phrase."""
    doc = sent.doc
    left = doc[x.head].left_edge.i
    own = next((m for m in mentions if m.modifier and m.entity and left <= m.start and m.end <= x.start
                and not (m.start >= 2 and doc[m.start - 1].text == "-"  # "pro-Iranian", "anti-US"
                         and doc[m.start - 2].lower_ in ("pro", "anti", "non"))), None)
    if own is not None:
        return own
    # "inhabitants of the Syrian Golan Heights", "workers affiliated with the Serbian Workers' Union": the
    # state of the phrase that says where the group is from or belongs
    head = doc[x.head]
    # "an international tribunal in The Hague" sits there without being the Netherlands'
    international = any(c.dep_ in ("amod", "compound") and c.lower_ in INTERNATIONAL_WORDS for c in head.children)
    preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "in")
             and not (international and c.lower_ == "in")] + [
        p for a in head.children if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in BELONGING_VERBS
        for p in a.children if p.dep_ == "prep" and p.lower_ in ("with", "to", "in")] + [
        p for a in head.children if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in SENDING_VERBS
        for p in a.children if p.dep_ == "agent"]  # "troops sent by a Russian-led alliance"
    spans = [(p.i, p.right_edge.i) for p in preps]
    return next((m for m in mentions if m.entity and not m.person and any(a < m.start and m.end - 1 <= b
                                                                          for a, b in spans)), None)


SENDING_VERBS = {"send", "dispatch", "deploy", "station", "command", "lead"}
BELONGING_VERBS = {"affiliate", "attach", "link", "base", "loyal", "belong", "tie", "ally", "allied"}
TIME_NOUNS = {"day", "night", "morning", "afternoon", "evening", "week", "month", "year", "weekend", "hour"}
RESPONSE_NOUNS = {"response", "retaliation", "reprisal", "revenge", "answer", "reply"}
PROVOCATIONS = {"provocation", "aggression", "violation", "incursion", "expulsion", "expulsions", "escalation"}
THREAT_CAMEO = {"SANCTION": "1312", "ASSAULT": "138", "COERCE": "131"}


def _announcing_verb(verb: Token) -> Token:
    """The verb that announces `verb` ("said Moscow would respond", "vowed to retaliate", "ordered the army to
    respond"), or `verb` itself."""
    clause = verb
    for _ in range(4):
        if clause.dep_ in ("xcomp", "conj", "ccomp") and clause.head.i != clause.i \
                and clause.head.pos_ in ("VERB", "AUX"):
            clause = clause.head
            if clause.lemma_.lower() in DEMAND_SPEECH | PLAN_VERBS | {"order", "threaten", "vow"}:
                return clause
        else:
            break
    return verb


def _conditional_announcement(c: Candidate, by_token: dict[int, ActorMention]) -> Token | None:
    """The speech verb by which a side announces its own hostile act on a condition ("said the US could double
    its tariffs unless China changed"), or None."""
    if c.entry.type not in THREAT_CAMEO or c.status != "hypothetical" or c.source is None or not c.source.entity:
        return None
    clause = c.governor
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    speech = clause.head
    if clause.dep_ != "ccomp" or speech.lemma_.lower() not in DEMAND_SPEECH or not any(
            t.lower_ in ("if", "unless") for t in clause.subtree):
        return None
    speaker, _ = _subject(speech)
    sides = _mentions_for(speaker, by_token, []) if speaker is not None else []
    return speech if sides and sides[0].entity == c.source.entity else None


def _conditional_threat(clause: Token) -> bool:
    """"warned that its forces would move on Banjul if Jammeh did not leave": a threat, not a view."""
    future = any(c.dep_ == "aux" and c.lower_ in ("would", "will", "'ll", "could") for c in clause.children)
    # "would not conclude trade deals with either country while the fighting continued": held out until it stops
    condition = any(t.lower_ in ("if", "unless") for t in clause.subtree) or any(
        t.lower_ in ("while", "until") and t.dep_ == "mark" for t in clause.subtree) and any(
        c.dep_ == "neg" for c in clause.children)
    lemma = clause.lemma_.lower()
    negated = any(c.dep_ == "neg" or c.lower_ in ("longer", "never") for c in clause.children)
    # "warned that it would retaliate", "warned that police will no longer tolerate rallies"
    coercive = lemma in RETALIATE_VERBS or (lemma in ("tolerate", "allow", "accept") and negated)
    return future and (condition or coercive)


RETALIATE_VERBS = {"retaliate", "respond", "strike", "attack", "punish", "hit", "crush", "destroy", "act"}


def _clause_target(anchor: Token, by_token: dict[int, ActorMention], sources: list[ActorMention]) -> list[ActorMention]:
    """The actor a demand, refusal or offer is aimed at when no target slot names one: the subject of its
    clause, the object of its infinitive, the author of the thing rejected, else the first actor after it."""
    own = {x.entity for x in sources}

    def where(tok: Token) -> bool:
        """"a ruling by an international tribunal in The Hague": where a body of no state sits is no side."""
        m = by_token.get(tok.i)
        head = anchor.doc[m.head] if m is not None else tok
        body = by_token.get(head.head.head.i) if head.dep_ == "pobj" and head.head.lower_ in ("in", "at") else None
        return body is not None and body is not m and body.agent is not None and not body.entity

    def usable(tok: Token | None, rival: bool = False) -> list[ActorMention]:
        m = by_token.get(tok.i) if tok is not None else None
        # with `rival`, "the PKK demanded that the Turkish government ...": rebels and the government of one state
        # are two sides
        other = m is not None and (m.entity not in own or rival and m.agent is not None and all(
            x.agent is not None and x.agent != m.agent for x in sources if x.entity == m.entity))
        # "agreed to withdraw their troops": the side's own forces, whoever "their" was read as
        own_forces = m is not None and anchor.doc[m.start].lower_ in ("its", "their", "our") \
            and anchor.doc[m.head].lemma_.lower() in FORCE_NOUNS
        return [m] if m is not None and not m.pronoun and m.entity and other and not own_forces else []

    # "its demand that Israel ease ...", also when the parser hangs the clause on the verb ("reiterated its demand
    # today that Israel ease ...")
    wished = [c for c in anchor.children if c.dep_ == "acl" and c.tag_ in ("VB", "VBP")] + [
        c for c in anchor.head.children if c.dep_ == "ccomp" and c.tag_ in ("VB", "VBP")] \
        if anchor.pos_ == "NOUN" and anchor.lemma_.lower() in ASK_NOUNS else []
    for c in [*anchor.children, *wished]:
        if c.dep_ == "ccomp" or c in wished:
            for g in c.children:
                if g.dep_ in ("nsubj", "nsubjpass") and usable(g, rival=True):
                    return usable(g, rival=True)
        if c.dep_ in ("xcomp", "dobj"):
            for g in c.subtree:
                if g.dep_ in ("dobj", "pobj", "poss", "dative") and not where(g) and usable(g):
                    return usable(g)
    other_clauses = {t.i for c in anchor.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                     and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for t in c.subtree}
    # "withdraw its troops in step with the American soldiers": who acts alongside is no target
    alongside = {t.i for p in anchor.subtree if p.dep_ == "prep" and p.lower_ == "with"
                 and p.head.lemma_.lower() in ("step", "line", "tandem", "parallel", "together", "along")
                 for t in p.subtree}
    for tok in anchor.subtree:  # "... expelled four diplomats, and Canada also took part": not Canada's diplomats
        if tok.i > anchor.i and tok.i not in other_clauses | alongside and not where(tok) and usable(tok):
            return usable(tok)
    return []


REACTION_TYPES = {"ACCUSE", "REQUEST", "SUPPORT", "REJECT", "PROTEST"}
DEED_TYPES = {"SANCTION", "RETREAT", "AGREE", "COERCE", "MOBILIZE", "AID", "COOPERATE", "CONCEDE"}
# acts a later sentence refers back to by a definite noun: "praised the decision", "rejected the move"
DEED_NOUNS = {"decision", "move", "step", "action", "announcement", "release", "seizure", "expulsion", "withdrawal",
              "measure", "measures", "sanctions", "deal", "agreement", "ruling", "verdict", "ban", "crackdown",
              "arrest", "arrests", "detention", "execution", "annexation", "invasion", "test", "launch", "downing",
              "recognition", "suspension", "closure", "blockade", "boycott"}
# what someone said, referred back to by a definite noun: "Morocco rejected the accusations" (of the accuser)
SAID_NOUNS = {"accusation": "ACCUSE", "allegation": "ACCUSE", "charge": "ACCUSE", "criticism": "ACCUSE",
              "claim": "ACCUSE", "demand": "REQUEST", "appeal": "REQUEST", "ultimatum": "REQUEST",
              "threat": "THREATEN", "warning": "THREATEN"}
ATTACK_NOUNS = {"strike", "airstrike", "attack", "raid", "shelling", "bombardment", "bombing", "fire", "offensive",
                "assault", "operation", "drone", "missile", "rocket", "gunfire", "shell", "incursion"}


def _instrument_side(verb: Token, by_token: dict[int, ActorMention]) -> list[ActorMention]:
    """The state named on the attack that did it: "killed in Israeli air strikes", "wounded by Russian shelling"."""
    for c in verb.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "during"):
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in ATTACK_NOUNS | CLASH_NOUNS:
                    for g in p.children:
                        m = by_token.get(g.i)
                        if m is not None and m.entity and g.dep_ in ("amod", "compound", "poss", "nmod"):
                            return [replace(m, modifier=False)]
                    # "killed in hand-to-hand fighting with Chinese troops": the side they fought
                    for w in p.children:
                        if w.dep_ == "prep" and w.lower_ in ("with", "against"):
                            for q in w.children:
                                m = by_token.get(q.i)
                                if q.dep_ == "pobj" and m is not None and m.entity:
                                    return [replace(m, modifier=False)]
    return []


CLASH_NOUNS = {"fighting", "clash", "battle", "skirmish", "firefight", "exchange", "confrontation"}


def _event_place(sent: Span, mentions: list[ActorMention], governor: Token | None = None,
                 after: int = -1, within: Token | None = None) -> ActorMention | None:
    """The first state-bearing place the sentence puts its action in ("in central Baghdad", "outside the Iraqi
    city of Basra", "arrived from the UAE, where he held talks"), or None. With `within`, only a place told in
    that verb's own clause: "agreed to a ceasefire in eastern Ukraine" does not say where the leaders met."""
    if governor is not None and governor.dep_ == "relcl" and any(c.lower_ == "where" for c in governor.children):
        m = next((m for m in mentions if m.start <= governor.head.i < m.end and m.country and not m.person), None)
        if m is not None:
            return m
    for m in mentions:
        if not m.country or m.person or m.start <= after:
            continue
        tok = place_phrase(sent.doc[m.head])  # "Iraqi" in "the Iraqi city of Basra" -> "city"
        if tok.lemma_.lower() in BEHEST_NOUNS:
            continue  # "met at the request of France": who asked, not where
        if tok.lemma_.lower() in ATTACK_NOUNS | DEED_NOUNS:
            continue  # "angry at the Israeli raid": what moved them, not where they are
        if tok.lower_ in LOCATIVE and tok.pos_ in ("ADP", "ADV"):
            prep = tok
        elif tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE:
            prep = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_.lower() in MOTION_VERBS:
            return m  # "flew to Doha for talks": the talks are in Doha
        else:
            continue
        if within is None or _same_occasion(_governing_verb(prep), within):
            return m
    return None


def place_phrase(tok: Token) -> Token:
    """The head of the phrase a place name sits in: "Iraqi" in "the Iraqi city of Basra" -> "city" (so that the
    preposition above it says whether it is a place where something happens)."""
    for _ in range(4):
        if tok.dep_ in ("amod", "compound", "nmod"):
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of":
            tok = tok.head.head
        else:
            break
    return tok


def _locative(tok: Token) -> bool:
    """Whether `tok` names where something is ("in the Strait of Hormuz", "a base in Qatar"), not who."""
    tok = place_phrase(tok)
    return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE | {"to", "from", "into", "near", "off"}


def _same_occasion(verb: Token, governor: Token) -> bool:
    """Whether `verb` tells the governor's own occasion: the governor itself, or a when/where clause hanging on
    it ("held talks in December 2015, when the Indian leader made a stopover in Lahore")."""
    v = verb
    for _ in range(3):
        if v.i == governor.i:
            return True
        if not (v.dep_ in ("relcl", "advcl") and any(c.lower_ in ("when", "where") for c in v.children)):
            return False
        v = _governing_verb(v.head) if v.head.pos_ not in ("VERB", "AUX") else v.head
    return False


def _resolved_sources(mentions: list[ActorMention], actors: DocumentActors) -> list[ActorMention]:
    """Who can act: the mentions that are not mere adjectives, pronouns resolved, unresolvable pronouns dropped."""
    return [r for r in (actors_resolve_pronoun(x, actors) for x in mentions if not x.modifier) if r is not None]


def actors_resolve_pronoun(m: ActorMention, actors: DocumentActors) -> ActorMention | None:
    """A pronoun takes the nearest named subject before it in its sentence ("Lavrov said he would ..."),
    else the most recent named subject of the document."""
    if not m.pronoun:
        return m
    before = [s for s in actors.sentence_subjects if s.end <= m.start]
    ante = before[-1] if before else actors.last_subject
    if ante is None:
        return None
    return ActorMention(m.start, m.end, m.text, m.head, country=ante.country, org=ante.org, agent=ante.agent,
                        name=ante.name, person=ante.person, roles=ante.roles, offices=ante.offices,
                        acting=ante.acting, kb_person=ante.kb_person)


def _the_two(m: ActorMention, sent: Span) -> bool:
    """"the two leaders", "the two ministers", "both sides": a plural that names no one."""
    words = {t.lower_ for t in sent.doc[m.start:m.end]}
    return m.plural and not m.entity and not m.person and bool(words & {"two", "both"})


def _abstract_head(anchor: Token) -> Token | None:
    """The abstract noun a trigger noun hangs from ("the need for consultations", "the idea of a meeting")."""
    t = anchor
    for _ in range(5):
        if t.dep_ not in ("pobj", "prep", "conj", "compound", "dobj") or t.head == t:
            return None
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in ABSTRACT_HEADS:
            return t
        if t.pos_ in ("VERB", "AUX"):
            return None
    return None


def _intervening_noun(anchor: Token, governor: Token) -> Token | None:
    """A noun between a trigger noun and its verb ("the recommendation ... in a recent meeting with X")."""
    if governor.pos_ not in ("VERB", "AUX"):
        return None  # no verb found: the parse failed, and the linear fallback decides
    t = anchor
    for _ in range(6):
        if t.head == t or t.head == governor:
            return None
        if t.dep_ == "pobj" and t.head.lower_ in TIME_PREPS:
            return None  # "concern about Algeria's role during a visit to Morocco": when, not whose
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound" and t.lemma_.lower() not in MEASURE_NOUNS:
            return t
    return None


TIME_PREPS = {"during", "amid", "after", "before", "since", "following", "ahead"}


MEASURE_NOUNS = {"hour", "day", "week", "minute", "round", "series", "number", "lot", "couple", "set", "kind"}


def _preceding_agent(anchor: Token, governor: Token, by_token: dict[int, ActorMention]) -> list[ActorMention]:
    """"X highlighted the remarks by Y in a meeting with Z": Y, the `by` agent just before the trigger, met Z."""
    lo = min(governor.i, anchor.i)
    for t in reversed(anchor.doc[lo:anchor.i]):
        if t.i in by_token:
            m = by_token[t.i]
            head = anchor.doc[m.head]
            if head.dep_ == "pobj" and head.head.lower_ == "by" and not m.modifier:
                return [m]
            return []
    return []


def _agent_of_noun(noun: Token, by_token: dict[int, ActorMention], mentions: list[ActorMention],
                   preps: tuple[str, ...] = ("by",)) -> list[ActorMention]:
    """Who did what the noun tells: its possessor ("Israel's strikes"), or the object of its "by" (or `preps`)."""
    for c in noun.children:
        if c.dep_ == "poss" and c.i in by_token and not by_token[c.i].pronoun:
            return [by_token[c.i]]
        if c.dep_ in ("prep", "agent") and c.lower_ in preps:
            for p in c.children:
                if p.dep_ == "pobj":
                    return _mentions_for(p, by_token, mentions)
    return []


def _nominal_gerund(verb: Token) -> bool:
    """"martyring and wounding worshippers" after "condemned": a verb form acting as a noun."""
    first = verb
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children):
        return False  # "but was still refusing admittance": a progressive predicate of its own
    if verb.dep_ == "conj" and first.tag_ in ("VBD", "VBZ", "VBP"):
        return True  # "condemned ... and martyring": not a second finite predicate
    return first.dep_ in ("pobj", "dobj", "conj", "compound") and first.head.pos_ in ("NOUN", "PROPN", "ADP", "VERB") \
        and first.dep_ != "advcl"


def _near_governor(anchor: Token, governor: Token) -> bool:
    """"In a telephone call, A and B discussed": the trigger noun is an adjunct of the verb itself."""
    if anchor.head == governor:
        return True
    h = anchor.head
    if h.dep_ == "prep" and h.lower_ == "of" and h.head.lemma_.lower() in MEASURE_NOUNS and h.head.head == governor:
        return True  # "held six hours of talks"
    return anchor.head.head == governor and anchor.head.dep_ == "prep" and anchor.head.lower_ in ("in", "during", "over", "at", "by")


CLAUSE_PRONOUNS = {"it", "they", "we"}


def _reporting_subject(pronoun: Token, by_token: dict[int, ActorMention],
                       besides: set[str | None] | None = None) -> list[ActorMention]:
    """'it'/'they' as subject of a clause reported by an actor: that actor ("Iran said it would ..."). With
    `besides`, the first such actor of another state, climbing past these ("Correa said Uribe had lied to him
    when he telephoned him": Correa)."""
    verb = pronoun.head
    for _ in range(4):
        if verb.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or verb.head == verb:
            return []
        verb = verb.head
        subject, passive = _subject(verb)
        if subject is not None and not passive and subject.i in by_token:
            m = by_token[subject.i]
            if besides is not None and (m.pronoun or not m.entity or m.entity in besides):
                continue
            return [] if m.pronoun or m.modifier else [m]
    return []


ATTACK_ACTS = {"invasion", "attack", "offensive", "operation", "strike", "airstrike", "raid", "campaign", "assault",
               "bombardment", "shelling", "bombing", "incursion"}  # the act itself, where ATTACK_NOUNS has weapons too


def _subject_stranded_in_time_phrase(verb: Token, by_token: dict[int, ActorMention]) -> list[ActorMention]:
    """"pledged $4 billion on Wednesday, a day after Saudi Arabia and the UAE promised $8 billion": the small parser
    makes "promised" a second verb of the first subject and the actors its own subject objects of "after"; those
    actors, when they stand right before the verb."""
    if verb.dep_ not in ("conj", "advcl") or any(k.dep_ in ("nsubj", "nsubjpass") for k in verb.children) \
            or verb.i == 0:
        return []
    before = verb.doc[verb.i - 1]
    last = by_token.get(before.i)
    if last is None or not last.entity:
        return []
    head = verb.doc[last.head]
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in ("after", "before", "as", "since", "until", "when"):
        return []
    found = [m for t in (head, *head.conjuncts) if (m := by_token.get(t.i)) is not None and m.entity]
    return [replace(m, modifier=False) for i, m in enumerate(found) if all(m.entity != o.entity for o in found[:i])]


def _days_before(verb: Token) -> int:
    """"a day after Saudi Arabia promised", "two days after ...": how many days the stranded act came before the day
    of the clause it is parsed into (0 when no count of days is told)."""
    for t in verb.doc[max(verb.i - 12, 0):verb.i]:
        if t.lower_ == "after" and t.head.lemma_.lower() == "day":
            count = next((k.lower_ for k in t.head.children if k.dep_ in ("det", "nummod")), "a")
            return {"a": 1, "one": 1, "two": 2, "three": 3}.get(count, 0)
    return 0


def _owner_of_its(verb: Token, span: Span, by_token: dict[int, ActorMention],
                  besides: set[str | None]) -> ActorMention | None:
    """"one of its jets was shot down", "hit their positions": the side 'its'/'their' stands for, the actor of a
    clause that tells of the act (as `_reporting_subject` finds it), other than the one acting."""
    for c in verb.children:
        if c.dep_ not in ("nsubjpass", "dobj"):
            continue
        nouns = [c, *(p for k in c.children if k.dep_ == "prep" and k.lower_ == "of"
                      for p in k.children if p.dep_ == "pobj")]
        # "launched its invasion": the trigger's own words tell the act, not whom it struck
        if any(k.dep_ == "poss" and k.lower_ in ("its", "their") for n in nouns
               if n.lemma_.lower() not in ATTACK_ACTS and not span.start <= n.i < span.end for k in n.children):
            return next(iter(_reporting_subject(c, by_token, besides)), None)
    return None


def _linear_source(anchor: Token, sent: Span, mentions: list[ActorMention], actors: DocumentActors) -> list[ActorMention]:
    """When the parse gives no subject: the first actor of the sentence before the trigger, not inside a PP."""
    for m in mentions:
        if m.start >= anchor.i:
            break
        if m.modifier or m.plural and not m.entity:
            continue
        head = sent.doc[m.head]
        if head.dep_ in ("pobj", "dobj", "poss") and head.i < anchor.i and head.head.i < anchor.i:
            continue
        # "Macron, Merkel and British Prime Minister Theresa May criticised": the parser took "May" for a modal, but
        # the actors conjoined with the first one are subjects too
        told = [m]
        for c in head.conjuncts:
            x = next((x for x in mentions if x.start <= c.i < x.end and not x.modifier and x.end <= anchor.i), None)
            if x is not None and all(x is not y for y in told):
                told.append(x)
        first = actors_resolve_pronoun(m, actors)
        if first is None:
            return []
        return [first] + [r for x in told[1:] if (r := actors_resolve_pronoun(x, actors)) is not None]
    return []


def _quoted_tokens(sent: Span) -> set[int]:
    inside = False
    out: set[int] = set()
    for t in sent:
        if t.text in ("“", "”") or t.text == '"':
            inside = (t.text == "“") or (t.text == '"' and not inside)
            continue
        if inside:
            out.add(t.i)
    return out


def _mentions_for(tok: Token, by_token: dict[int, ActorMention], mentions: list[ActorMention],
                  prefer_agentive: bool = False, inside: bool = True) -> list[ActorMention]:
    """Actor mentions for a syntactic argument: the mention it heads, its conjuncts, else one inside it."""
    out: list[ActorMention] = []
    heads = [tok, *tok.conjuncts]
    head_m = by_token.get(tok.i)
    if head_m is not None and head_m.country and not head_m.person:
        # "Saudi Arabia, the UAE, Bahrain and Egypt cut ties": a list of states the parse reads as an apposition
        for c in tok.children:
            m = by_token.get(c.i)
            if c.dep_ == "appos" and m is not None and m.country and not m.person and m.country != head_m.country:
                heads += [c, *c.conjuncts]
    if head_m is not None and head_m.person:
        # "Macron, Merkel and British Prime Minister Theresa May criticised": the small parser may hang the first
        # names of a list of persons on the last one
        heads += [k for c in tok.children if c.dep_ == "nmod" and (m := by_token.get(c.i)) is not None and m.person
                  for k in (c, *c.conjuncts)]
    for t in heads:
        m = by_token.get(t.i)
        if m is not None:
            group = [x for x in mentions if x.group == m.group and x is not m] if m.group else []
            for x in sorted((m, *group), key=lambda x: x.start):
                if x not in out:
                    out.append(x)
    if out and not any(m.entity or m.person for m in out) and inside:
        out = _name_in_relcl(tok, by_token) or out  # "The military alliance NATO halted ..."
    if out or not inside:
        return out
    if tok.dep_ == "appos" and (m := by_token.get(tok.head.i)) is not None and (m.entity or m.person):
        return [m]  # "China, the North's main ally, called on ...": the one the apposition describes
    # no mention at the head: look inside ("a group of Iranian lawmakers", "atrocities by the Zionist regime"),
    # but not across other prepositions ("support for the Palestinians" is not about the Palestinians' support)
    inner = [by_token[t.i] for t in _near_subtree(tok) if t.i in by_token]
    if not any(m.entity or m.person for m in inner):
        inner = _name_in_relcl(tok, by_token) or inner  # "The military alliance NATO halted ..."
    appos = [by_token[c.i] for c in tok.children if c.dep_ == "appos" and c.i in by_token]
    if appos and all(m.modifier for m in inner if m not in appos):  # "CAMP DAVID, Maryland - President Biden"
        return appos[:1]
    if not inner:
        return []
    if prefer_agentive:
        for t in _near_subtree(tok):
            if t.dep_ in ("agent", "prep") and t.lower_ == "by":
                for p in t.subtree:
                    if p.i in by_token:
                        return [by_token[p.i]]
            if t.dep_ == "poss" and t.i in by_token:
                return [by_token[t.i]]
    # "strikes on Syrian air defences and Iranian targets": each conjunct names its own side
    per_conjunct: list[ActorMention] = []
    for h in heads:
        own = [by_token[t.i] for t in _near_subtree(h, conjuncts=False) if t.i in by_token]
        if own and own[0].entity and all(own[0].entity != x.entity for x in per_conjunct):
            per_conjunct.append(own[0])
    if len(per_conjunct) > 1:
        return per_conjunct
    # "Kampuchean and Rhodesian positions": coordinated adjectives name a side each
    first = inner[0]
    paired = [by_token[c.i] for c in tok.doc[first.head].conjuncts if c.i in by_token and by_token[c.i].entity
              and by_token[c.i].entity != first.entity] if first.modifier else []
    return [first, *paired]


def _name_in_relcl(tok: Token, by_token: dict[int, ActorMention]) -> list[ActorMention]:
    """"The regional bloc ECOWAS halted the operation, but warned": the small parser makes the name the subject of
    a relative clause on the noun it names. A clause without its own object is a true one ("a move Iran denounced")."""
    return [by_token[n.i] for c in tok.children if c.dep_ == "relcl" and any(k.dep_ == "dobj" for k in c.children)
            for n in c.children
            if n.dep_ == "nsubj" and n.i == tok.i + 1 and n.i in by_token and by_token[n.i].entity][:1]


def _near_subtree(tok: Token, conjuncts: bool = True) -> list[Token]:
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("prep", "agent") and c.lower_ not in ("of", "by"):
                continue
            if c.dep_ in ("relcl", "ccomp", "advcl", "punct") or not conjuncts and c.dep_ in ("conj", "cc"):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _governing_verb(tok: Token) -> Token:
    h = tok
    for _ in range(8):
        if h.pos_ in ("VERB", "AUX") and h != tok:
            return h
        if h.head == h:
            return h
        h = h.head
    return h


NONSTATE_AGENTS = {"REB", "OPP", "ETH", "CVL", "LAB", "MED", "BUS", "NGO", "UAF"}
GATHERING_NOUNS = {"rally", "protest", "demonstration", "march", "strike", "sit-in", "vigil"}
MESSAGE_NOUNS = {"reminder", "warning", "message", "demand", "ultimatum", "notice", "letter", "statement"}
DOCUMENT_NOUNS = {"statement", "declaration", "letter", "message", "communique", "communiqué", "resolution", "note",
                  "cable", "telegram", "post", "tweet", "video", "speech", "editorial", "memorandum", "petition"}
QUANTITY_HEADS = {"thousands", "hundreds", "dozens", "millions", "tens", "scores", "some", "many", "most", "crowds"}
# "Serb forces were engaged in ethnic cleansing", "Vietnam is committed to opening up", "Israel is opposed to French
# mediation", "guerrillas have been demobilized": the passive's subject is the one acting
STATIVE_PASSIVES = {"engage", "involve", "commit", "prepare", "oppose", "demobilize", "demobilise"}


def _subject(verb: Token) -> tuple[Token | None, bool]:
    """The subject of `verb`, climbing through xcomp/conj/advcl/relcl; second value: passive subject."""
    v = verb
    for _ in range(6):
        # the subject nearest the verb first: a dateline ("GAZA - The health ministry said") parses as a subject too
        relative = v.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "which", "that")
                                             for c in v.children)
        if relative and any(c.dep_ == "nsubj" and c.lower_ in ("both", "all") for c in v.children):
            head = v.head  # "Macron and Merkel, who both visited ...": every conjunct the clause hangs on
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            return head, False
        for c in sorted(v.children, key=lambda c: (c.i > v.i, -c.i)):
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    return v.head, False  # "Rouhani, who condemned ...": the noun the clause hangs on
                # "Kim flew into Pyongyang and was met by Kim Jong-il": the shared subject of a passive conjunct;
                # "Shalit came home, freed in exchange for prisoners": a past participle's clause is passive too
                return c, v is not verb and (verb.dep_ == "conj" and any(k.dep_ == "auxpass" for k in verb.children)
                                             or verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
                                                 k.dep_ in ("aux", "auxpass", "mark") for k in verb.children))
            if c.dep_ == "nsubjpass":
                if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                    return v.head, True  # "Paetongtarn, who was suspended ...": the noun the clause hangs on
                # "has been indicted ... and will resign": an active conjunct with its own auxiliary shares the
                # subject as its doer (a bare "... and attacked" after a passive is too often a misparse)
                active_conjunct = v.i == verb.head.i != verb.i and verb.dep_ == "conj" and not any(
                    k.dep_ == "auxpass" for k in verb.children) and any(k.dep_ == "aux" for k in verb.children)
                return c, v.lemma_.lower() not in STATIVE_PASSIVES and not active_conjunct
        if _sent_to_do(v):
            sent_obj = next((c for c in v.head.children if c.dep_ == "dobj"), None)
            if sent_obj is not None:  # "sent his defence minister to Harare to meet Mugabe": the envoy meets
                return sent_obj, False
        if v.dep_ == "acl" and _intended_act(v):
            v = _governing_verb(v.head)  # "Sisi accepted an invitation to visit Turkey": Sisi is to visit
            if v.i == verb.i or v.pos_ not in ("VERB", "AUX"):
                break
            continue
        if _carried_by_noun(v):
            holder = _governing_verb(v.head)  # who issued the statement, who gathered for the rally
            if holder.i != v.i and holder.pos_ in ("VERB", "AUX"):
                v = holder
                continue
        if v.dep_ in ("relcl", "acl"):
            return v.head, False
        if v.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "prep", "pobj", "acomp") and v.head != v:
            v = v.head
            continue
        break
    return None, False


INTENT_NOUNS = {"invitation", "plan", "decision", "bid", "intention", "offer", "pledge", "promise", "readiness",
                "willingness", "wish", "desire", "agreement", "commitment", "proposal", "vow", "threat"}


def _intended_act(verb: Token) -> bool:
    """"an invitation to visit Turkey", "a decision to withdraw troops": an act a noun announces, not one done."""
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in INTENT_NOUNS and _infinitive(verb)


def _carried_by_noun(clause: Token) -> bool:
    """A clause whose doer is whoever holds the noun it qualifies: "issued a statement condemning the strike",
    "were converging for a rally in Lagos to protest"."""
    noun = clause.head.lemma_.lower()
    return clause.dep_ == "acl" and clause.tag_ == "VBG" and noun in DOCUMENT_NOUNS \
        or clause.dep_ in ("acl", "relcl") and _infinitive(clause) and noun in GATHERING_NOUNS


def _future(verb: Token) -> bool:
    """"will release": a verb in the future tense."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def _refused(verb: Token) -> bool:
    """"will not attend", "would never take part": a side saying it will not do something."""
    return _negated(verb) and _told_as_future(verb)


def _told_as_future(verb: Token) -> bool:
    """"will prepare", "would try": a verb with a future or conditional auxiliary."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | CONDITIONAL_AUX for c in verb.children)


def _readied_for(verb: Token) -> bool:
    """"prepared to resume shelling", "was preparing to attack": the act forces were readied for."""
    v = verb
    for _ in range(2):
        if v.dep_ != "xcomp" or v.head.i == v.i:
            return False
        v = v.head
        if v.lemma_.lower() in ("prepare", "gear", "ready") and not _negated(v) and not _told_as_future(v):
            return True
    return False


def _in_kind(verb: Token) -> bool:
    """"retaliated in kind", "reciprocated": the act told before, answered by its target."""
    return verb.lemma_.lower() == "reciprocate" or verb.lemma_.lower() in ("retaliate", "respond", "reply") and any(
        c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "kind" for p in c.children) for c in verb.children)


def _repeats_act(verb: Token) -> bool:
    """"followed suit", "did the same", "did likewise", "took part" (with nothing named to take part in), or
    answered in kind."""
    lemma, kids = verb.lemma_.lower(), list(verb.children)
    if _in_kind(verb):
        return True
    objects = {c.lower_ for c in kids if c.dep_ == "dobj"}
    if lemma == "follow":
        return "suit" in objects
    if lemma == "do":
        return "same" in objects or any(c.lower_ == "likewise" for c in kids)
    if lemma == "take":
        return "part" in objects and not any(c.dep_ == "prep" for c in kids)
    return False


def _ruled_out(verb: Token) -> bool:
    """"is out of the question", "is off the table": the act its subject names will not happen."""
    for c in verb.children:
        if c.dep_ in ("prep", "advmod", "acomp") and c.lower_ in ("out", "off"):
            words = [t.lower_ for t in c.subtree]
            if words[-2:] in (["the", "question"], ["the", "table"]):
                return True
    return False


def _past_attempt(verb: Token) -> bool:
    """"has tried to hack", "attempted to storm", "fired tear gas to disperse the crowd": an act attempted in the
    past (by force used for it), not one planned."""
    head = verb.head
    return verb.dep_ in ("xcomp", "advcl") and _infinitive(verb) and (
        head.lemma_.lower() in ("try", "attempt") and verb.dep_ == "xcomp"
        or head.lemma_.lower() in FORCE_VERBS and verb.dep_ == "advcl") \
        and head.tag_ in ("VBD", "VBN") and not _negated(head) and not _told_as_future(head)


FORCE_VERBS = {"fire", "use", "open", "lob", "throw", "storm", "charge"}  # force used to do what follows


def _infinitive(verb: Token) -> bool:
    """"to withdraw", "to meet": a verb told in the to-infinitive."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _sent_to_do(verb: Token) -> bool:
    """"sent his defence minister to Harare to meet Mugabe": what someone was sent to do."""
    return verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_.lower() in INVITING_VERBS and _infinitive(verb)


BEHEST_NOUNS = {"request", "invitation", "behest", "initiative", "urging"}


def _at_behest(verb: Token) -> Token | None:
    """'At Ankara's request', 'at the invitation of France': the noun whose owner asked for what `verb` tells."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "at":
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in BEHEST_NOUNS:
                    return noun
    return None


def _owner(noun: Token, by_token: dict[int, ActorMention], mentions: list[ActorMention]) -> list[ActorMention]:
    """Whose the noun is: "Ankara's request", "the invitation of France"."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in ("of", "from")):
            heads = [c] if c.dep_ == "poss" else [p for p in c.children if p.dep_ == "pobj"]
            for h in heads:
                ms = [m for m in _mentions_for(h, by_token, mentions) if m.entity and not m.pronoun]
                if ms:
                    return ms
    return []


def _sent_for(noun: Token, governor: Token) -> bool:
    """"sent envoys to Kabul for talks", "invited Zelensky for talks": what someone was sent or invited for."""
    return governor.lemma_.lower() in INVITING_VERBS and noun.head.dep_ == "prep" \
        and noun.head.lower_ == "for" and noun.head.head == governor


def _passive_agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _negated(verb: Token) -> bool:
    """'did not meet', 'never met', 'left without meeting Putin'."""
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in ("neg", "advmod", "det") for c in verb.children) \
        or verb.dep_ == "pcomp" and verb.head.lower_ == "without"


def _past_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children) and verb.tag_ == "VBN"


SEND_VERBS = {"send", "dispatch", "despatch"}
INVITING_VERBS = SEND_VERBS | {"invite"}  # "sent / invited X to meet Y", "... for talks with Y": X's act
ADJUNCT_PREPS = {"after", "over", "following", "during", "for"}  # "was suspended after a call with X"
FROM_AGENT_TYPES = {"REQUEST", "THREATEN", "AGREE", "SUPPORT"}  # "an appeal / a threat / a pledge from X": X's
STATE_ANAPHORS = {"kingdom", "emirate", "republic", "island", "country", "nation", "sultanate"}
OWN_STATE_REASON = "no other side named: a domestic act is aimed at the source's own state"
VERBAL_TYPES = {"REQUEST", "ACCUSE", "REJECT", "PROTEST"}
DOMESTIC_TYPES = {"PROTEST", "COERCE", "THREATEN", "CONCEDE", "RETREAT", "SANCTION", "ASSAULT", "REQUEST", "REJECT",
                  "ACCUSE"}
HOSTILE_TYPES = {"SANCTION", "ASSAULT", "COERCE", "THREATEN", "ACCUSE", "REJECT", "PROTEST", "MOBILIZE"}
ASK_NOUNS = {"demand", "appeal", "plea", "request", "call", "ultimatum"}
ASK_VERBS = {"urge", "call", "ask", "demand", "press", "appeal", "implore", "request", "exhort", "beg", "encourage"}
CHARGE_VERBS = {"accuse", "blame", "charge", "suspect", "convict", "criticize", "criticise", "condemn", "arrest",
                "indict", "punish", "sanction", "fault", "denounce"}
VIRTUAL_WORDS = {"virtual", "virtually", "videoconference", "video", "online", "remotely", "teleconference"}
# "clashed over the disputed temple": fighting over a place, unlike "clashed over trade"
TERRITORY_NOUNS = {"temple", "border", "frontier", "island", "islands", "territory", "region", "area", "village",
                   "town", "city", "enclave", "waters", "zone", "post", "outpost", "reef", "shoal", "hill", "pass",
                   "valley", "land", "field", "base", "checkpoint", "crossing", "line"}
SPORT_WORDS = {"game", "match", "fixture", "tournament", "league", "championship", "goal", "striker", "coach",
               "stadium", "semi-final", "quarter-final", "kickoff", "scoreline", "squad", "cup", "goalkeeper",
               "midfielder", "equaliser", "equalizer"}
ADJECTIVE_SOURCE_TYPES = {"PROTEST", "ASSAULT"}
REMOTE_VERBS = {"speak", "talk", "discuss", "confer", "exchange", "consult"}
CANCEL_VERBS = {"cancel", "postpone", "scrap", "shelve", "abandon"}
DUE_WORDS = {"due", "set", "scheduled", "expected", "slated", "poised"}
SEPARATE_WORDS = {"separate", "separately", "respectively", "phone", "telephone", "individually"}
DEMAND_SPEECH = SPEECH_VERBS | {"reiterate", "conclude", "remind", "warn", "argue", "demand", "insist"}
CONDITION_WORDS = {"if", "unless", "provided"}  # "ready to talk, but only if ..."
LIKELY_WORDS = {"likely", "unlikely", "certain", "bound"}
READY_WORDS = {"open", "ready", "willing", "prepared", "keen", "eager", "available", "amenable"}


FORECAST_WORDS = {"expect", "likely", "poise", "unlikely", "predict"}  # "is expected to withdraw": others' forecast
ANNOUNCE_VERBS = {"announce", "declare", "confirm"}


ARRIVAL_VERBS = {"arrive", "land"}
REACTION_READINGS = {"retreat.de-escalate": ("SANCTION", "discontinue", "1622")}  # rule -> its reading as a reaction


def _reaction_to(governor: Token, by_token: dict[int, ActorMention], mentions: list[ActorMention],
                 sources: list[ActorMention]) -> ActorMention | None:
    """The other side whose act an act answers: the subject of an 'after ...' clause on it or on the clause it is
    joined to ("recalled its ambassador and called off the exercises after Israeli commandos stormed a ship")."""
    own = {x.entity for x in sources}
    for verb in (governor, governor.head) if governor.dep_ == "conj" else (governor,):
        for c in verb.children:
            if c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in ("after", "following") for k in c.children):
                for k in c.children:
                    if k.dep_ == "nsubj":
                        m = next((m for m in _mentions_for(k, by_token, mentions) if m.entity), None)
                        if m is not None and m.entity not in own:
                            return m
    return None


def _holder(targets: list[ActorMention], actors: DocumentActors) -> tuple[ActorMention, ActorMention | None] | None:
    """Who the article says holds or frees the captives, and those captives: the captor of the captives' state
    when the sentence names them, else the captor told last."""
    named = {t.entity for t in targets if t.entity}
    for holder, held in reversed(actors.holders):
        if holder.entity not in named and (not named or held is None or held.entity in named):
            return holder, held
    return None


def _stated_amount(anchor: Token) -> bool:
    """'send 165 doctors', 'provide $10 million in aid': what the verb gives is counted."""
    return any(t.like_num or t.ent_type_ in ("MONEY", "QUANTITY") for c in anchor.children if c.dep_ == "dobj"
               for t in c.subtree)


def _forecast(governor: Token) -> bool:
    """'Israel is expected to withdraw', 'is likely to release': what others foresee, not what the actor promises."""
    return any(t.lemma_.lower() in FORECAST_WORDS for t in [governor, *list(governor.ancestors)[:2]])


def _ongoing(verb: Token) -> bool:
    """"was pulling out", "is withdrawing": a progressive with no modal or perfect, under way as it is told."""
    aux = [k.lower_ for k in verb.children if k.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBG" and any(a in ("is", "are", "was", "were", "'s", "'re") for a in aux) \
        and not any(a in ("will", "would", "could", "might", "may", "shall", "should", "has", "have", "had", "been")
                    for a in aux)


def _announced_as_under_way(governor: Token) -> bool:
    """'announced that he was stepping down': a progressive under an announcement tells what is about to be done."""
    return governor.dep_ == "ccomp" and governor.head.lemma_.lower() in ANNOUNCE_VERBS and _ongoing(governor)


def _promising_verb(governor: Token) -> Token | None:
    """The verb that made the promise: 'agreed' in 'agreed on Friday to let ...', 'announced' in 'announced on Tuesday
    that it would withdraw'; None when the act is told in the future with no one telling it."""
    t = governor
    for _ in range(3):
        if t.dep_ not in ("xcomp", "ccomp") or t.head.i == t.i:
            return None
        t = t.head
        if t.lemma_.lower() in PLAN_VERBS | SPEECH_VERBS | ANNOUNCE_VERBS:
            return t
    return None


def _status(governor: Token, anchor: Token, sent: Span) -> str:
    """occurred | planned | hypothetical | denied, from negation, modality, conditionals and questions."""
    # "Russia was open to talks with Kyiv", "ready for dialogue": a disposition, not an event yet
    h = anchor.head
    if anchor.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ in ("to", "for") \
            and h.head.lemma_.lower() in READY_WORDS:
        return "hypothetical" if any(t.lower_ in CONDITION_WORDS for t in sent) else "planned"
    if anchor != governor and governor.lemma_.lower() in CANCEL_VERBS:
        return "denied"  # "cancelled a planned visit to Haiti": the visit did not take place
    if sent.text.rstrip().endswith("?"):
        return "hypothetical"  # "Will Beijing now agree to sit down with Manila?"
    if governor.dep_ in ("csubj", "nsubj") and _ruled_out(governor.head):
        return "denied"  # "removing the sanctions is out of the question"
    if governor.dep_ == "xcomp" and governor.head.lemma_.lower() in LIKELY_WORDS:
        # "is likely to withdraw by March": foreseen, not done; "is unlikely to" not even that
        return "hypothetical" if governor.head.lemma_.lower() == "unlikely" else "planned"
    chain = [governor]
    h = governor
    for _ in range(4):
        if h.dep_ == "acl" and h.tag_ == "VBN" and not any(k.dep_ in ("nsubj", "nsubjpass") for k in h.children):
            break  # "would restore flights under the protocol signed in February": the signing is done
        # "will travel to Moscow to meet Lavrov": a purpose infinitive has the status of the trip it is for
        if (h.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "dobj")
                or h.dep_ in ("advcl", "conj") and _infinitive(h)) and h.head != h:
            h = h.head
            chain.append(h)
        else:
            break
    for i, v in enumerate(chain):
        kids = list(v.children)
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
            return "hypothetical"  # "if Milosevic did not withdraw": a condition, negated or not
        if any(c.dep_ == "mark" and c.lower_ == "until" for c in kids) and v.head != v \
                and (_negated(v.head) or _told_as_future(v.head)):
            return "hypothetical"  # "would not take part until all foreign troops had left": a condition
        if i == 0 and any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                                    for g in c.children) for c in kids) \
                and _future(v) and not _negated(v):
            # "Israel will attack Iran if it builds a bomb": what will happen on a condition ("will not accept any
            # refugees if war starts" stays a refusal)
            return "hypothetical"
        negated = _negated(v)
        refusal = v.lemma_.lower() in DENY_VERBS and (i > 0 or anchor != governor)
        if negated and refusal:
            pass  # "would not refuse a meeting": the negations cancel; the modal below decides
        elif negated:
            return "denied"
        elif i > 0 and v.lemma_.lower() in DENY_VERBS and not any(
                k.dep_ == "dobj" and SAID_NOUNS.get(k.lemma_.lower()) == "ACCUSE" for k in kids):
            # but "blamed a torpedo, a charge Pyongyang denies": the charge is denied, the blaming was done
            return "denied"
        if any(c.dep_ == "prep" and c.lower_ == "in" and any(p.dep_ == "pobj" and p.lemma_.lower() in ("event", "case")
                                                             and any(o.lower_ == "of" for o in p.children)
                                                             for p in c.children) for c in kids):
            return "hypothetical"  # "to consult one another in the event of a regional threat"
        # "... and British Prime Minister Theresa May criticised": a capitalised "May" inside the sentence is a name
        aux = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass") and not (c.text == "May" and c.i != sent.start)}
        if aux & CONDITIONAL_AUX:
            reported = v.dep_ == "ccomp" and v.head.lemma_.lower() in SPEECH_VERBS
            conditional = any(c.dep_ in ("advcl",) and any(g.lower_ in ("if", "unless") for g in c.children)
                              for c in kids) or any(t.lower_ in ("if", "unless") for t in sent)
            if aux & {"would"} and reported and not conditional:
                return "planned"  # "said that Washington would impose sanctions": future in the past
            return "hypothetical"
        if aux & FUTURE_AUX:
            return "planned"
        if any(c.dep_ in ("acomp", "xcomp") and c.lemma_.lower() in DUE_WORDS for c in kids):
            return "planned"  # "is due in Beijing on Sunday for talks", "is set to visit"
        # "have sworn to fight": the parser sometimes hangs the infinitive as an adverbial clause
        if i > 0 and v.lemma_.lower() in PLAN_VERBS | READY_WORDS and (
                chain[i - 1].dep_ in ("xcomp", "ccomp", "pcomp") or chain[i - 1].dep_ == "advcl" and _infinitive(chain[i - 1])):
            if v.lemma_.lower() in READY_WORDS and any(t.lower_ in CONDITION_WORDS for t in sent):
                return "hypothetical"  # "ready to resume negotiations, but only if ..."
            return "planned"  # "agreed to meet", "is willing to withdraw"
        if any(c.lower_ == "going" for c in kids) and any(c.lower_ == "to" for c in v.children):
            return "planned"
    if _intended_act(governor):
        return "planned"
    if _sent_to_do(governor) or _sent_for(anchor, governor):
        return "planned"  # "sent envoys to Harare to meet Mugabe": the meeting is what they were sent for
    return "occurred"
