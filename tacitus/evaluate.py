"""`tacitus eval`: code gold texts and compare with their annotations.

Formats: `plover` (the PLOVER gold-standard JSON records; old labels DEMAND→REQUEST, DISAPPROVE→ACCUSE,
INVESTIGATE→ACCUSE, FIGHT→ASSAULT), `petrarch` (PETRARCH validation XML: <Sentence>, <EventCoding>, <Text>;
compared on CAMEO root codes), `tacitus` (our own YAML: documents with text, publication date, expected and
forbidden events). Sentence-level scores for the first two, event-level for ours.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .ingest import parse_day
from .pipeline import Coder
from .records import EVENT_TYPES, Article, EventRecord

OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


@dataclass(slots=True)
class GoldItem:
    """One gold sentence or document: its text and what must (and must not) be coded from it."""

    id: str
    text: str
    published: dt.date | None
    labels: list[str]  # PLOVER types, or CAMEO root codes for petrarch
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    expected: list[dict[str, Any]] = field(default_factory=list)
    forbidden: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class EvalReport:
    format: str
    items: int
    some_correct: int = 0
    top_correct: int = 0
    actors_right: int = 0
    extra_events: int = 0
    dates_right: int = 0
    dates_checked: int = 0
    forbidden_found: int = 0
    per_label: dict[str, Counter] = field(default_factory=dict)  # label -> Counter(tp, fp, fn)
    confusion: Counter = field(default_factory=Counter)  # (gold, top predicted) -> n
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (id, wanted, sentence)

    def rates(self) -> dict[str, float]:
        """Shares over gold items; date accuracy only when some dated event was found."""
        n = max(self.items, 1)
        return {"some_event_of_gold_type": self.some_correct / n, "top_event_correct": self.top_correct / n,
                "actors_right_of_top_correct": self.actors_right / max(self.top_correct, 1),
                "extra_events_per_item": self.extra_events / n,
                **({"date_accuracy": self.dates_right / self.dates_checked} if self.dates_checked else {})}

    def per_label_scores(self) -> dict[str, dict[str, float]]:
        out = {}
        for label, c in sorted(self.per_label.items()):
            p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
            r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
            out[label] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                          "support": c["tp"] + c["fn"]}
        return out


def read_plover(path: Path) -> list[GoldItem]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not PLOVER gold JSON ({exc})") from exc
    items = []
    for r in records:
        event = OLD_LABELS.get(r.get("event", ""), r.get("event", ""))
        if event not in EVENT_TYPES or not r.get("text"):
            continue
        items.append(GoldItem(id=r["id"], text=" ".join(r["text"].split()), published=parse_day(r.get("date")), labels=[event],
                              sources=_codes(r.get("source")), targets=_codes(r.get("target"))))
    return items


def _codes(actors: Any) -> list[str]:
    """Country/organisation codes of PLOVER actors (a list of {actorText, code} or a bare string)."""
    if isinstance(actors, dict):
        actors = [actors]
    if not isinstance(actors, list):
        return []
    return [str(a.get("code", ""))[:3] for a in actors if isinstance(a, dict) and a.get("code")]


_SENTENCE = re.compile(r"<Sentence\b([^>]*)/?>(.*?)(?=<Sentence\b|</Sentences>)", re.S)


def read_petrarch(path: Path) -> list[GoldItem]:
    """PETRARCH validation XML; read with a tolerant scanner because the files carry free text between tags."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc
    items = []
    for attrs, body in _SENTENCE.findall(raw):
        a = dict(re.findall(r'(\w+)="([^"]*)"', attrs))
        text = re.search(r"<Text>(.*?)</Text>", body, re.S)
        codes = re.findall(r"<EventCoding\b([^>]*)/?>", body)
        if not text or not codes:
            continue
        codings = [dict(re.findall(r'(\w+)="([^"]*)"', c)) for c in codes]
        roots = sorted({c.get("eventcode", "")[:2] for c in codings if c.get("eventcode")})
        if not roots:
            continue
        day = a.get("date")
        published = dt.date(int(day[:4]), int(day[4:6]), int(day[6:8])) if day and len(day) == 8 else None
        items.append(GoldItem(id=a.get("id", f"s{len(items)}"), text=" ".join(text.group(1).split()),
                              published=published, labels=roots,
                              sources=[c.get("sourcecode", "")[:3] for c in codings],
                              targets=[c.get("targetcode", "")[:3] for c in codings]))
    return items


def read_tacitus(path: Path) -> list[GoldItem]:
    """Our gold format: a YAML list of {id, published, text, expected: [...], forbidden: [...]}."""
    try:
        docs = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(docs, list):
        raise InputError(f"{path}: expected a list of documents")
    return [GoldItem(id=str(d["id"]), text=d["text"], published=parse_day(d.get("published")),
                     labels=sorted({e["type"] for e in d.get("expected") or []}),
                     expected=d.get("expected") or [], forbidden=d.get("forbidden") or []) for d in docs]


READERS = {"plover": read_plover, "petrarch": read_petrarch, "tacitus": read_tacitus}


def _label(e: EventRecord, fmt: str) -> str:
    return (e.cameo or "")[:2] if fmt == "petrarch" else e.type


def _entity(a) -> str | None:  # type: ignore[no-untyped-def]
    return None if a is None else (a.country or a.org)


def matches(spec: dict[str, Any], e: EventRecord) -> bool:
    """Whether event `e` has every field the spec gives (symmetric specs match either direction)."""
    if spec.get("type") and e.type != spec["type"]:
        return False
    for key in ("mode", "status"):
        if spec.get(key) and getattr(e, key) != spec[key]:
            return False
    if "date" in spec and e.date != parse_day(spec["date"]):
        return False
    pairs = [(_entity(e.source), _entity(e.target), e.source.person, e.target.person if e.target else None)]
    if e.symmetric or spec.get("symmetric"):
        pairs.append((pairs[0][1], pairs[0][0], pairs[0][3], pairs[0][2]))
    for src, tgt, sp, tp in pairs:
        if spec.get("source") and src != spec["source"]:
            continue
        if spec.get("target") and tgt != spec["target"]:
            continue
        if spec.get("source_person") and spec["source_person"] != sp:
            continue
        if spec.get("target_person") and spec["target_person"] != tp:
            continue
        return True
    return False


def evaluate(coder: Coder, items: list[GoldItem], fmt: str) -> EvalReport:
    """Code every gold item and score it."""
    report = EvalReport(format=fmt, items=len(items))
    articles = [Article(doc_id=it.id, text=it.text, published=it.published) for it in items]
    for it, result in zip(items, coder.code_articles(articles)):
        events = sorted(result.events, key=lambda e: -e.confidence)
        got = [_label(e, fmt) for e in events]
        gold = set(it.labels)
        for label in gold | set(got):
            c = report.per_label.setdefault(label, Counter())
            if label in gold and label in got:
                c["tp"] += 1
            elif label in gold:
                c["fn"] += 1
            else:
                c["fp"] += 1
        if fmt == "tacitus":
            _score_document(report, it, result.events)
            continue
        top = got[0] if got else "NONE"
        report.confusion[(it.labels[0], top)] += 1
        report.extra_events += sum(1 for g in got if g not in gold)
        if gold & set(got):
            report.some_correct += 1
        else:
            report.misses.append((it.id, "/".join(it.labels), it.text))
        if top in gold:
            report.top_correct += 1
            e = events[0]
            src_ok = not it.sources or _entity(e.source) in it.sources
            tgt_ok = not [t for t in it.targets if t] or _entity(e.target) in it.targets
            report.actors_right += src_ok and tgt_ok
    return report


def _score_document(report: EvalReport, it: GoldItem, events: list[EventRecord]) -> None:
    found = [spec for spec in it.expected if any(matches(spec, e) for e in events)]
    report.some_correct += len(found) == len(it.expected)
    report.top_correct += len(found) == len(it.expected)
    for spec in it.expected:
        if not any(matches(spec, e) for e in events):
            report.misses.append((it.id, json.dumps(spec, default=str), it.text))
        if "date" in spec:
            undated = {k: v for k, v in spec.items() if k != "date"}
            if any(matches(undated, e) for e in events):  # the event was found: was its date right?
                report.dates_checked += 1
                report.dates_right += any(matches(spec, e) for e in events)
    for spec in it.forbidden:
        report.forbidden_found += sum(1 for e in events if matches(spec, e))
    report.extra_events += max(0, len(events) - len(found))
