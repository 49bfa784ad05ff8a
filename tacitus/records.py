"""Typed records passed between stages, and their JSON form (the output contract in the README)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
CONSULT_MODES = ("phone", "visit", "host", "third-party", "multilateral")
Status = Literal["occurred", "planned", "hypothetical", "denied"]
STATUSES: tuple[str, ...] = ("occurred", "planned", "hypothetical", "denied")
DatePrecision = Literal["day", "week", "month", "year", "publication", "context"]
# context: the sentence gives no date; the event is the article's news, dated by the day its lead sentence gives
DATE_PRECISIONS: tuple[str, ...] = ("day", "week", "month", "year", "publication", "context")

CLAIM_CATEGORIES = ("killed", "wounded", "arrested", "displaced", "rockets", "troops", "aid")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Article:
    """One input article as read by ingest; `text` is kept exactly as received."""

    doc_id: str
    text: str
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    source_file: str = ""
    line: int | None = None

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved actor as it appears in an event: the mention text plus what it resolves to."""

    text: str
    country: str | None = None
    org: str | None = None
    agent: str | None = None
    person: str | None = None
    role: str | None = None
    code: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "country": self.country, "org": self.org, "agent": self.agent,
            "person": self.person, "role": self.role, "code": self.code,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> ActorRef | None:
        if d is None:
            return None
        return cls(**{k: d.get(k) for k in ("text", "country", "org", "agent", "person", "role", "code")})

    @property
    def entity(self) -> str | None:
        """The state or organisation the actor stands for (country code, else org code)."""
        return self.country or self.org


@dataclass(slots=True)
class EventRecord:
    """One coded event with its evidence. `span` is the first evidence sentence; `evidence` lists all."""

    doc_id: str
    type: str
    mode: str | None
    context: list[str]
    cameo: str | None
    status: str
    date: dt.date | None
    date_precision: str | None
    source: ActorRef
    target: ActorRef | None
    symmetric: bool
    sentence: str
    span: Span
    evidence: list[Span]
    confidence: float
    rule: str
    coder: str
    event_id: str = ""

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = self.compute_id()

    def compute_id(self) -> str:
        """Stable id: the same article coded by the same rules gives the same id."""
        ends = sorted([self.source.entity or "", (self.target.entity if self.target else "") or ""]) \
            if self.symmetric else [self.source.entity or "", (self.target.entity if self.target else "") or ""]
        key = "|".join([self.doc_id, self.type, self.mode or "", *ends, str(self.span[0]), str(self.span[1])])
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "doc_id": self.doc_id, "type": self.type, "mode": self.mode,
            "context": list(self.context), "cameo": self.cameo, "status": self.status,
            "date": self.date.isoformat() if self.date else None, "date_precision": self.date_precision,
            "source": self.source.to_dict(), "target": self.target.to_dict() if self.target else None,
            "symmetric": self.symmetric, "sentence": self.sentence, "span": list(self.span),
            "evidence": [list(s) for s in self.evidence], "confidence": self.confidence,
            "rule": self.rule, "coder": self.coder,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventRecord:
        source = ActorRef.from_dict(d["source"])
        assert source is not None
        return cls(
            event_id=d["event_id"], doc_id=d["doc_id"], type=d["type"], mode=d.get("mode"),
            context=list(d.get("context") or []), cameo=d.get("cameo"), status=d["status"],
            date=dt.date.fromisoformat(d["date"]) if d.get("date") else None,
            date_precision=d.get("date_precision"), source=source,
            target=ActorRef.from_dict(d.get("target")), symmetric=bool(d["symmetric"]),
            sentence=d["sentence"], span=(int(d["span"][0]), int(d["span"][1])),
            evidence=[(int(a), int(b)) for a, b in d.get("evidence") or [d["span"]]],
            confidence=float(d["confidence"]), rule=d["rule"], coder=d["coder"],
        )


@dataclass(frozen=True, slots=True)
class Dropped:
    """A candidate a stage looked at and did not keep, with the reason (auditable, never silent)."""

    doc_id: str
    stage: str
    reason: str
    rule: str | None = None
    text: str = ""
    span: Span | None = None


@dataclass(slots=True)
class MentionRecord:
    """One actor mention of an article and what it resolved to; `reason` says why a part stayed unresolved."""

    doc_id: str
    span: Span
    actor: ActorRef
    reason: str | None = None


@dataclass(slots=True)
class QuoteRecord:
    """A direct quote: the words inside the quotation marks, their span, and who said them."""

    doc_id: str
    span: Span
    text: str
    speaker: ActorRef | None
    reason: str | None = None  # how the speaker was found, or why not
    event_id: str | None = None  # the event of the same sentence, if any

    @property
    def quote_id(self) -> str:
        return hashlib.sha1(f"{self.doc_id}|q|{self.span[0]}|{self.span[1]}".encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {"quote_id": self.quote_id, "doc_id": self.doc_id, "span": list(self.span), "text": self.text,
                "speaker": self.speaker.to_dict() if self.speaker else None, "reason": self.reason,
                "event_id": self.event_id}


@dataclass(slots=True)
class ClaimRecord:
    """A numeric claim ("at least 12 killed", "$50 million in aid") with who claims it and the event it supports."""

    doc_id: str
    category: str  # killed | wounded | arrested | displaced | rockets | troops | aid
    value: int
    qualifier: str | None  # "at least", "more than", "about", "nearly", "up to"
    unit: str | None  # currency code for aid amounts
    span: Span  # the number
    sentence_span: Span
    text: str
    claimant: ActorRef | None
    reason: str | None = None
    event_id: str | None = None

    @property
    def claim_id(self) -> str:
        return hashlib.sha1(f"{self.doc_id}|c|{self.span[0]}|{self.span[1]}".encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "doc_id": self.doc_id, "category": self.category, "value": self.value,
                "qualifier": self.qualifier, "unit": self.unit, "span": list(self.span),
                "sentence_span": list(self.sentence_span), "text": self.text,
                "claimant": self.claimant.to_dict() if self.claimant else None, "reason": self.reason,
                "event_id": self.event_id}


@dataclass(slots=True)
class DocumentResult:
    """Everything coding one article produced."""

    article: Article
    events: list[EventRecord] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage, for `tacitus bench`
