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

UNKNOWN = {"---": None}  # PETRARCH's code for an actor of unknown country
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
    category: str = ""  # PETRARCH record category (AFP, GOLD, DEMO, SYNSET, ...)


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
    persons_right: int = 0
    persons_checked: int = 0
    forbidden_found: int = 0
    per_label: dict[str, Counter] = field(default_factory=dict)  # label -> Counter(tp, fp, fn)
    confusion: Counter = field(default_factory=Counter)  # (gold, top predicted) -> n
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (id, wanted, sentence)
    by_category: dict[str, Counter] = field(default_factory=dict)  # category -> Counter(items, passed)
    passed: list[str] = field(default_factory=list)  # ids whose top event has a gold label and the gold actors

    def rates(self) -> dict[str, float]:
        """Shares over gold items; date accuracy only when some dated event was found."""
        n = max(self.items, 1)
        checked = {**({"date_accuracy": self.dates_right / self.dates_checked} if self.dates_checked else {}),
                   **({"person_accuracy": self.persons_right / self.persons_checked} if self.persons_checked else {})}
        if self.format == "tacitus":
            return {"documents_with_every_expected_event": self.some_correct / n,
                    "documents_exactly_right": self.top_correct / n, "extra_events_per_document": self.extra_events / n,
                    **checked}
        return {"some_event_of_gold_type": self.some_correct / n, "top_event_correct": self.top_correct / n,
                "actors_right_of_top_correct": self.actors_right / max(self.top_correct, 1),
                "extra_events_per_item": self.extra_events / n,
                **checked}

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
                              published=published, labels=roots, category=a.get("category", ""),
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


def petrarch_actor_orgs(actors_file: Path, out: Path) -> int:
    """Write a PETRARCH validation actor dictionary (fictional states such as Arnor [ARN]) as a tacitus
    organisations file, so the PETRARCH unit-test sentences can be coded; returns the number of actors."""
    try:
        lines = actors_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise InputError(f"{actors_file}: cannot read the PETRARCH actor dictionary ({exc})") from exc
    codes: dict[str, list[str]] = {}
    names: list[str] = []
    code: str | None = None

    def flush() -> None:
        if names and code and code[:3].isalpha():
            for n in names:
                if all(n not in v for v in codes.values()):
                    codes.setdefault(code[:3].upper(), []).append(n)

    for raw in lines:
        line = raw.split("#")[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!"):
            continue
        bracket = re.search(r"\[([^\]<>]*?)(?:\s*[<>].*)?\]", line)
        if line.startswith("+"):
            names.append(_title(line[1:]))
        elif line[0].isspace():
            if bracket and code is None:
                code = bracket.group(1).strip()
        else:
            flush()
            names, code = [_title(line.split("[")[0])], bracket.group(1).strip() if bracket else None
    flush()
    entries = [{"code": c, "kind": "igo", "names": sorted(set(ns)), "agent": "GOV", "cameo": c}
               for c, ns in sorted(codes.items())]
    out.write_text(yaml.safe_dump(entries, allow_unicode=True, width=1000), encoding="utf-8")
    return sum(len(e["names"]) for e in entries)


def _title(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w
                    for w in name.replace("_", " ").split())


PROMISED = {"SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}  # announced, these are promises
THREATENED = {"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST"}  # announced, these are threats
REFUSED = {"AGREE", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}  # denied, these are refusals


def plover_label(e: EventRecord) -> str:
    """The PLOVER codebook's type for an event: PLOVER codes an announced act by what the announcement is (a
    promise or a planned meeting is AGREE, a threat THREATEN, an act held out "unless" the other side gives way a
    threat too) and a refused cooperative act as REJECT, where tacitus keeps the act's own type with status
    planned, hypothetical or denied."""
    if e.status in ("hypothetical", "planned") and e.type in PROMISED | THREATENED and " unless " in f" {e.sentence} ":
        return "THREATEN"  # "will withdraw its force unless ...": a coercive condition
    if e.status in ("planned", "hypothetical") and e.type in PROMISED or e.status == "planned" and e.type == "CONSULT":
        return "AGREE"  # "will visit Albania in June": an intent to meet (CAMEO 036)
    if e.status in ("planned", "hypothetical") and e.type in THREATENED:
        return "THREATEN"
    if e.status == "denied" and e.type in REFUSED:
        return "REJECT"
    return e.type


INTENT_CAMEO_ROOT = {"AGREE": "03", "THREATEN": "13", "REJECT": "12"}  # CAMEO codes intents the same way


def _label(e: EventRecord, fmt: str) -> str:
    if fmt == "petrarch":
        # PETRARCH's validation records code an announced meeting by the meeting ("will meet in Zurich": 04)
        intent = plover_label(e) if e.type != "CONSULT" else e.type
        return INTENT_CAMEO_ROOT[intent] if intent != e.type else (e.cameo or "")[:2]
    return plover_label(e) if fmt == "plover" else e.type


# PLOVER's gold codes international non-governmental bodies (Amnesty International, the Red Cross) as IGO, where
# tacitus (and CAMEO's actor dictionary) code them NGO; local groups stay NGO in both
GOLD_ALIASES = {"IGO": ("NGO",)}
LEGACY_CODES = {"JAP": "JPN", "UAR": "EGY", "IVO": "CIV", "LEB": "LBN", "KUW": "KWT", "INS": "IDN", "ITL": "ITA",
                "VTN": "VNM"}  # older CAMEO (KEDS-era) country codes


def _gold_codes(codes: list[str]) -> set[str | None]:
    """Every code a gold actor may be matched by: as written, its modern or unknown form, its aliases."""
    return {x for c in codes for x in (c, LEGACY_CODES.get(c, UNKNOWN.get(c, c)), *GOLD_ALIASES.get(c, ()))}


def _entity(a) -> str | None:  # type: ignore[no-untyped-def]
    return None if a is None else (a.country or a.org)


def _gold_entity(a) -> str | None:  # type: ignore[no-untyped-def]
    """How PLOVER and PETRARCH gold name an actor: its state, or IGO/NGO for an international organisation."""
    if a is None:
        return None
    if a.country:
        return a.country
    return a.code[:3] if a.code and a.code[:3] in ("IGO", "NGO") else a.org


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
        if fmt == "tacitus":
            _score_document(report, it, result.events)
            continue
        for label in gold | set(got):
            c = report.per_label.setdefault(label, Counter())
            if label in gold and label in got:
                c["tp"] += 1
            elif label in gold:
                c["fn"] += 1
            else:
                c["fp"] += 1
        top = got[0] if got else "NONE"
        report.confusion[(it.labels[0], top)] += 1
        report.extra_events += sum(1 for g in got if g not in gold)
        if gold & set(got):
            report.some_correct += 1
        else:
            report.misses.append((it.id, "/".join(it.labels), it.text))
        cat = report.by_category.setdefault(it.category or "-", Counter())
        cat["items"] += 1
        if top in gold:
            report.top_correct += 1
            e = events[0]
            golds = _gold_codes(it.sources)
            src_ok = not it.sources or _gold_entity(e.source) in golds or _entity(e.source) in golds
            golds = _gold_codes(it.targets)
            tgt_ok = not [t for t in it.targets if t] or _gold_entity(e.target) in golds or _entity(e.target) in golds
            report.actors_right += src_ok and tgt_ok
            if src_ok and tgt_ok:
                cat["passed"] += 1
                report.passed.append(it.id)
    return report


PERSON_KEYS = ("source_person", "target_person")


def _score_document(report: EvalReport, it: GoldItem, events: list[EventRecord]) -> None:
    """One-to-one matching of expected events: an event is right when type, sides, mode, status and date agree
    (persons are scored apart, over the events found); unmatched events are false positives of their type."""
    used: set[int] = set()
    all_found = True
    for spec in sorted(it.expected, key=lambda sp: -len(sp)):
        spec = {k: v for k, v in spec.items() if k != "why"}
        undated = {k: v for k, v in spec.items() if k != "date" and k not in PERSON_KEYS}
        dated = {k: v for k, v in spec.items() if k not in PERSON_KEYS}
        free = [i for i in range(len(events)) if i not in used]
        hit = next((i for i in free if matches(spec, events[i])), None)
        if hit is None:
            hit = next((i for i in free if matches(dated, events[i])), None)
        c = report.per_label.setdefault(spec["type"], Counter())
        if hit is None:
            near = next((i for i in free if matches(undated, events[i])), None)
            if "date" in spec and near is not None:  # found, but on another day
                report.dates_checked += 1
            c["fn"] += 1
            all_found = False
            report.misses.append((it.id, json.dumps(spec, default=str), it.text))
            continue
        used.add(hit)
        c["tp"] += 1
        if "date" in spec:
            report.dates_checked += 1
            report.dates_right += 1
        if any(k in spec for k in PERSON_KEYS):
            report.persons_checked += 1
            report.persons_right += matches(spec, events[hit])
    for i, e in enumerate(events):
        if i not in used:
            report.per_label.setdefault(e.type, Counter())["fp"] += 1
    report.some_correct += all_found
    report.top_correct += all_found and len(used) == len(events)
    for spec in it.forbidden:
        report.forbidden_found += sum(1 for e in events if matches(spec, e))
    report.extra_events += len(events) - len(used)
