"""Quotes and numeric claims: each direct quote with its speaker, and each number of killed, wounded, arrested,
displaced, rockets, troops or aid with who claims it, as records of their own linked to the document and to the
event of the same sentence they support."""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Span, Token

from .actors import ActorMention
from .records import ActorRef, ClaimRecord, EventRecord, QuoteRecord
from .registry import register

SPEECH_LEMMAS = {"say", "tell", "add", "stress", "state", "declare", "announce", "report", "claim", "write",
                 "insist", "warn", "confirm", "note", "quote", "tweet", "reply", "explain", "according"}
CATEGORY_LEMMAS: dict[str, set[str]] = {
    "killed": {"kill", "dead", "death", "die", "killing", "fatality", "martyr", "massacre", "slay", "body"},
    "wounded": {"wound", "injure", "injured", "wounded", "hurt", "injury"},
    "arrested": {"arrest", "detain", "jail", "imprison", "detention", "round", "apprehend", "detainee"},
    "displaced": {"displace", "flee", "refugee", "evacuate", "homeless", "displaced", "uproot"},
    "rockets": {"rocket", "missile", "drone", "mortar", "shell", "projectile"},
    "troops": {"troop", "soldier", "peacekeeper", "serviceman", "marine", "paratrooper"},
}
AID_LEMMAS = {"aid", "assistance", "pledge", "donate", "grant", "fund", "funding", "package", "relief", "loan",
              "contribution", "contribute", "support"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
          "m": 1_000_000, "k": 1_000}
CURRENCIES = {"$": "USD", "dollar": "USD", "dollars": "USD", "€": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP",
              "pound": "GBP", "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "riyal": "SAR", "riyals": "SAR",
              "rial": "IRR", "rials": "IRR", "dirham": "AED", "dirhams": "AED", "rupee": "INR", "rupees": "INR",
              "ruble": "RUB", "rubles": "RUB", "roubles": "RUB", "shilling": "KES", "shillings": "KES"}
QUALIFIERS = {"at least": "at least", "more than": "more than", "over": "more than", "nearly": "nearly",
              "almost": "nearly", "about": "about", "around": "about", "some": "about", "up to": "up to",
              "as many as": "up to", "roughly": "about", "approximately": "about"}
_QUOTE = re.compile(r"“([^”]{3,}?)”|\"([^\"]{3,}?)\"")


def parse_number(tokens: list[Token]) -> int | None:
    """The integer a number phrase stands for: "12", "1,200", "three", "50 million", "$2.5bn"; None if vague."""
    value: float | None = None
    for t in tokens:
        w = t.lower_.replace(",", "")
        m = re.fullmatch(r"[$€£]?(\d+(?:\.\d+)?)(bn|m|k)?", w)
        if m:
            value = float(m.group(1)) * (SCALES[m.group(2)] if m.group(2) else 1)
        elif w in NUMBER_WORDS and value is None:
            value = NUMBER_WORDS[w]
        elif w in SCALES and value is not None:
            value *= SCALES[w]
        elif w in SCALES and w in ("hundred", "thousand", "million", "billion"):
            return None  # "thousands of", "millions": no figure
    return int(value) if value is not None else None


@register("claims.rules.v1")
class ClaimExtractor:
    """Finds quotes and numeric claims in one parsed sentence, using the sentence's resolved actor mentions."""

    def __init__(self, to_ref: Callable[[ActorMention], ActorRef],
                 resolve_pronoun: Callable[[ActorMention], ActorMention | None]) -> None:
        self.to_ref = to_ref
        self.resolve_pronoun = resolve_pronoun

    def quotes(self, sent: Span, mentions: list[ActorMention], offset: int, doc_id: str,
               previous_speaker: ActorRef | None) -> list[QuoteRecord]:
        """Every quotation of three words or more; the speaker is the subject of the sentence's speech verb,
        else the speaker of the quote before (a quote running on in its own sentence)."""
        out = []
        by_token = _by_token(mentions)
        for m in _QUOTE.finditer(sent.text):
            group = 1 if m.group(1) is not None else 2
            text = m.group(group)
            if len(text.split()) < 3:
                continue  # a scare-quoted term, not a statement
            start = sent.start_char + m.start(group)
            end = sent.start_char + m.end(group)
            speaker, reason = self._speaker(sent, by_token, (start, end))
            if speaker is None and previous_speaker is not None:
                speaker, reason = previous_speaker, "speaker of the quote before"
            out.append(QuoteRecord(doc_id=doc_id, span=(offset + start, offset + end), text=text, speaker=speaker,
                                   reason=reason if speaker is not None else reason or "no speaker in the sentence"))
        return out

    def claims(self, sent: Span, mentions: list[ActorMention], offset: int, doc_id: str) -> list[ClaimRecord]:
        """Numbers of people killed, wounded, arrested or displaced, of rockets or troops, and amounts of aid."""
        out: list[ClaimRecord] = []
        by_token = _by_token(mentions)
        used: set[int] = set()
        money = {t.i for e in sent.ents if e.label_ == "MONEY" for t in e}
        for tok in sent:
            if tok.i in used or not tok.like_num:
                continue
            if tok.ent_type_ in ("DATE", "TIME", "PERCENT", "ORDINAL"):
                continue
            phrase = [tok]
            j = tok.i + 1
            while j < sent.end and (sent.doc[j].like_num or sent.doc[j].lower_ in SCALES):
                phrase.append(sent.doc[j])
                j += 1
            k = tok.i - 1
            if k >= sent.start and sent.doc[k].text in ("$", "€", "£"):
                phrase.insert(0, sent.doc[k])
            value = parse_number(phrase)
            used.update(t.i for t in phrase)
            if value is None:
                continue
            category, unit = self._category(sent, phrase, money)
            if category is None:
                continue
            claimant, reason = self._claimant(sent, by_token)
            s0, s1 = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
            out.append(ClaimRecord(doc_id=doc_id, category=category, value=value, qualifier=_qualifier(sent, phrase[0]),
                                   unit=unit, span=(offset + s0, offset + s1),
                                   sentence_span=(offset + sent.start_char, offset + sent.end_char),
                                   text=sent.doc[phrase[0].i:phrase[-1].i + 1].text, claimant=claimant,
                                   reason=reason))
        return out

    def _category(self, sent: Span, phrase: list[Token], money: set[int]) -> tuple[str | None, str | None]:
        last = phrase[-1]
        noun = last.head if last.dep_ in ("nummod", "quantmod", "compound") else last  # "12 people" -> people
        unit = None
        nxt = sent.doc[last.i + 1] if last.i + 1 < sent.end else None
        prev = phrase[0]
        if prev.text in CURRENCIES:
            unit = CURRENCIES[prev.text]
        elif nxt is not None and nxt.lower_ in CURRENCIES:
            unit = CURRENCIES[nxt.lower_]
        if unit is not None or any(t.i in money for t in phrase):
            lemmas = {t.lemma_.lower() for t in sent}
            return ("aid" if lemmas & AID_LEMMAS else None), unit
        words = [nxt.lemma_.lower()] if nxt is not None else []  # "110 wounded", "40 rockets"
        words += [noun.lemma_.lower(), *[c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "acl")],
                  noun.head.lemma_.lower()]
        if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "appos", "conj") or noun.head.dep_ in ("prep",):
            verb = noun.head
            for _ in range(2):
                words.append(verb.lemma_.lower())
                words += [c.lemma_.lower() for c in verb.children if c.dep_ in ("acomp", "oprd", "attr")]
                if verb.head == verb:
                    break
                verb = verb.head
        for w in words:  # nearest word first: "27 killed and 110 wounded"
            for category, lemmas in CATEGORY_LEMMAS.items():
                if w in lemmas:
                    return category, None
        return None, None

    def _claimant(self, sent: Span, by_token: dict[int, ActorMention]) -> tuple[ActorRef | None, str | None]:
        for t in sent:
            if t.lower_ == "according" and t.i + 1 < sent.end and sent.doc[t.i + 1].lower_ == "to":
                for g in sent.doc[t.i + 1].subtree:
                    if g.i in by_token and not by_token[g.i].modifier:
                        return self._ref(by_token[g.i]), "according to"
        found = self._speech_subject(sent, by_token, [t for t in sent])
        if found is not None:
            return found
        return None, "no attribution in the sentence"

    def _speaker(self, sent: Span, by_token: dict[int, ActorMention],
                 quote: tuple[int, int]) -> tuple[ActorRef | None, str | None]:
        found = self._speech_subject(sent, by_token, [t for t in sent if not (quote[0] <= t.idx < quote[1])])
        if found is not None:
            return found
        return None, "no speech verb outside the quote"

    def _speech_subject(self, sent: Span, by_token: dict[int, ActorMention],
                        tokens: list[Token]) -> tuple[ActorRef, str] | None:
        """The subject of the first speech verb among `tokens` (the nearest subject: not a dateline "GAZA -")."""
        allowed = {t.i for t in tokens}
        for t in tokens:
            if t.lemma_.lower() not in SPEECH_LEMMAS or t.pos_ != "VERB":
                continue
            for c in sorted(t.children, key=lambda c: -c.i):
                if c.dep_ != "nsubj" or c.i not in allowed:
                    continue
                for g in (c, *c.subtree):  # the subject's own mention first, else one inside it
                    if g.i in by_token and not by_token[g.i].modifier:
                        return self._ref(by_token[g.i]), f"subject of '{t.text}'"
                return ActorRef(text=" ".join(x.text for x in c.subtree)), f"subject of '{t.text}' is not a known actor"
        return None

    def _ref(self, m: ActorMention) -> ActorRef:
        r = self.resolve_pronoun(m) if m.pronoun else m
        return self.to_ref(r) if r is not None else ActorRef(text=m.text)


def _by_token(mentions: list[ActorMention]) -> dict[int, ActorMention]:
    return {i: m for m in mentions for i in range(m.start, m.end)}


def _qualifier(sent: Span, first: Token) -> str | None:
    before = sent.doc[max(sent.start, first.i - 3):first.i].text.lower()
    for phrase, q in QUALIFIERS.items():
        if before.endswith(phrase):
            return q
    return None


CATEGORY_EVENT_TYPES = {"killed": ("ASSAULT",), "wounded": ("ASSAULT",), "rockets": ("ASSAULT", "THREATEN"),
                        "arrested": ("COERCE",), "displaced": ("ASSAULT", "COERCE"), "aid": ("AID", "AGREE"),
                        "troops": ("MOBILIZE", "RETREAT", "AID")}


def link_to_events(claims: list[ClaimRecord], quotes: list[QuoteRecord], events: list[EventRecord]) -> None:
    """Point each claim and quote at the event of its sentence it supports (the matching type first)."""
    def in_sentence(span: tuple[int, int], e: EventRecord) -> bool:
        return any(a <= span[0] < b for a, b in e.evidence)

    for c in claims:
        here = [e for e in events if in_sentence(c.span, e)]
        best = next((e for e in here if e.type in CATEGORY_EVENT_TYPES.get(c.category, ())), None)
        event = best or (here[0] if here else None)
        if event is not None:
            c.event_id = event.event_id
            if c.claimant is None:  # "the EU pledged 50 million euros": the pledging side claims it
                c.claimant, c.reason = event.source, "source of the event it supports"
    for q in quotes:
        here = [e for e in events if in_sentence(q.span, e)]
        if here:
            q.event_id = here[0].event_id
