"""Actor stage: find actor mentions in parsed sentences and resolve them against the knowledge base.

A mention is a chunk like "Iran's acting foreign minister", "Qatari Emir Sheikh Tamim bin Hamad Al Thani",
"his Omani and Qatari counterparts" (two mentions), "Tehran" or "the Zionist regime". Resolution fills
country, organisation, agent, person and role, using the knowledge base at the article's date and what
the same article said earlier (in-document coreference of names, titles and pronouns).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .kb import ActorKB, Person
from .records import ActorRef
from .registry import register

if TYPE_CHECKING:
    from .coding import Candidate

DETERMINERS = {"the", "his", "her", "its", "their", "a", "an", "our"}
PRE_MODIFIERS = {"acting", "caretaker", "interim", "former", "top", "chief", "senior", "new", "then", "late",
                 "martyred", "outgoing", "incoming", "visiting", "deputy", "de", "facto", "powerful", "veteran"}
ACTING = {"acting", "caretaker", "interim"}
FORMER = {"former", "late", "martyred", "ex", "outgoing"}
HONORIFICS = {"sheikh", "shaikh", "sheikha", "sayyid", "sayed", "sayyed", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
              "dr", "dr.", "prince", "princess", "excellency", "majesty", "highness", "hh", "general", "gen",
              "gen.", "ayatollah", "hojatoleslam", "sir", "dame", "lord", "madam", "emir", "king", "queen"}
NAME_PARTICLES = {"bin", "bint", "ibn", "al", "el", "ul", "abu", "abd", "de", "da", "van", "von", "der", "la",
                  "le", "du", "di", "dos", "das"}
PRONOUNS_PERSON = {"he", "she", "him", "her", "his"}
NOT_NAMES = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
             "sunday", "ramadan", "eid", "islamic", "muslim", "muslims", "arab", "arabs", "western", "the",
             "during", "in", "on", "after", "before", "meanwhile", "however", "elsewhere"}
GEOGRAPHY_NOUNS = {"ocean", "sea", "gulf", "peninsula", "subcontinent", "plateau", "desert"}
REGION_WORDS = {"latin", "central", "sub-saharan"}
# "The Washington Post", "the Tehran Times", "the Korea Herald": a newspaper, not the state or its capital
MASTHEAD_WORDS = {"Post", "Times", "Journal", "Daily", "Herald", "Tribune", "Gazette", "Telegraph", "Observer",
                  "Chronicle", "Standard", "Mail", "Express", "Inquirer", "Dispatch"}
# "500 million US dollars", "the Turkish lira": a currency, not the state
CURRENCY_WORDS = {"dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "renminbi", "rupee", "rupees",
                  "rouble", "roubles", "ruble", "rubles", "franc", "francs", "peso", "pesos", "lira", "riyal", "riyals",
                  "dirham", "dirhams", "shekel", "shekels", "rand", "naira", "won", "real", "reais", "krona", "kronor",
                  "krone", "kroner", "dinar", "dinars", "rial", "rials", "ringgit", "baht", "rupiah", "hryvnia", "zloty"}
ELECT_WORDS = {"elect", "designate"}  # "President-elect Trump" does not hold the office yet
GENERIC_PLURAL_HEADS = {"counterparts", "leaders", "countries", "nations", "states", "officials", "governments"}


DEPUTY = re.compile(r"\b(?:vice|deputy|assistant|under)[- ]", re.I)


@dataclass(slots=True)
class ActorMention:
    """One actor mention in a sentence, resolved as far as the text and the knowledge base allow."""

    start: int
    end: int
    text: str
    head: int
    country: str | None = None
    org: str | None = None
    agent: str | None = None
    name: str | None = None
    person: str | None = None
    roles: tuple[str, ...] = ()
    offices: tuple[str, ...] = ()
    acting: bool = False
    former: bool = False
    counterpart: bool = False
    plural: bool = False
    pronoun: bool = False
    modifier: bool = False  # an adjective inside a noun phrase ("Israeli strikes"): a target, never a source
    group: int = 0  # mentions from one coordinated chunk ("his Omani and Qatari counterparts") share it
    kb_person: Person | None = None
    reason: str | None = None  # why something stayed unresolved
    rank: str | None = None  # "the general": the rank of the one person of this document who bears it

    @property
    def entity(self) -> str | None:
        return self.country or self.org

    @property
    def role(self) -> str | None:
        return " and ".join(self.roles) if self.roles else None

    def to_ref(self, kb: ActorKB) -> ActorRef:
        return ActorRef(text=self.text, country=self.country, org=self.org, agent=self.agent, person=self.person,
                        role=self.role, code=actor_code(kb, self.country, self.org, self.agent))


def actor_code(kb: ActorKB, country: str | None, org: str | None, agent: str | None) -> str | None:
    """CAMEO-style actor code: IRNGOV, PSEREB, IGOMEAOIC."""
    if org and org in kb.orgs:
        entry = kb.orgs[org]
        if entry.kind == "igo":
            return entry.cameo or f"IGO{org}"
        if entry.kind == "ngo" and entry.country is None:
            return entry.cameo or f"NGO{org}"
        return entry.cameo or f"{entry.country}{entry.agent}"
    if country:
        return country + (agent or "")
    return None


def normalize_name(text: str) -> list[str]:
    """Lower-case, accent-free name tokens without honorifics: "Sheikh Tamim bin Hamad" -> [tamim, bin, hamad]."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    toks = [t for t in re.split(r"[\s\-‐’'`.,]+", text) if t]
    return [t for t in toks if t not in HONORIFICS]


def _core(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t not in NAME_PARTICLES and len(t) > 1]


STATE_ORGAN_AGENTS = {"GOV", "MIL", "COP", "JUD", "LEG"}  # "army leaders" are officers, not the army


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    kind: str
    key: str


class NameIndex:
    """Fuzzy lookup of knowledge-base persons by any of their spellings (rapidfuzz, thresholds below)."""

    EXACT = 100
    FUZZY_CUTOFF = 88  # fuzz.ratio on normalised full names; 88 admits one or two typos in a 15-letter name

    def __init__(self, persons: list[Person]) -> None:
        self._by_key: dict[str, list[Person]] = {}
        for p in persons:
            for alias in (p.name, *p.aliases):
                key = " ".join(normalize_name(alias))
                if key:
                    self._by_key.setdefault(key, [])
                    if p not in self._by_key[key]:
                        self._by_key[key].append(p)
        self._keys = list(self._by_key)
        self._core_keys = {k: frozenset(_core(k.split())) for k in self._keys}
        self._postings: dict[str, set[str]] = {}  # name part -> spellings that contain it
        for k, kcore in self._core_keys.items():
            for t in kcore:
                self._postings.setdefault(t, set()).add(k)
        self._cache: dict[str, list[tuple[Person, float, str]]] = {}

    def candidates(self, name: str) -> list[tuple[Person, float, str]]:
        """Persons this name may denote, each with a score 0-100 and the spelling it matched."""
        if name not in self._cache:
            if len(self._cache) > 100_000:  # names recur across articles; bound the memory all the same
                self._cache.clear()
            self._cache[name] = self._candidates(name)
        return self._cache[name]

    def _candidates(self, name: str) -> list[tuple[Person, float, str]]:
        toks = normalize_name(name)
        key = " ".join(toks)
        if not key:
            return []
        if key in self._by_key:
            return [(p, 100.0, key) for p in self._by_key[key]]
        out: list[tuple[Person, float, str]] = []
        core = set(_core(toks))
        if len(core) >= 2:  # all distinctive parts of the name inside a longer spelling of one person, or back
            near = set().union(*(self._postings.get(t, set()) for t in core))
            for k in sorted(near):
                kcore = self._core_keys[k]
                if core <= kcore or (len(kcore) >= 3 and kcore <= core):
                    out += [(p, 95.0 if core <= kcore else 90.0, k) for p in self._by_key[k]]
        if not out and len(key) >= 6:
            for k, score, _ in process.extract(key, self._keys, scorer=fuzz.ratio, score_cutoff=self.FUZZY_CUTOFF,
                                               limit=5):
                out += [(p, float(score), k) for p in self._by_key[k]]
        return out


@dataclass(slots=True)
class NameLookup:
    """How a name resolved against the knowledge base: the person chosen (or why none), and every candidate."""

    name: str
    person: Person | None
    candidates: list[tuple[Person, float, str]]
    reason: str


def lookup_name(index: NameIndex, name: str, day: dt.date | None, country: str | None = None,
                org: str | None = None) -> NameLookup:
    """Resolve a person's name: best score wins; a tie is broken by who held office on `day`.

    Scores: 100 exact spelling, 95 every name part inside a known spelling, 90 a known spelling inside the name,
    otherwise rapidfuzz `ratio` >= NameIndex.FUZZY_CUTOFF on the normalised full name. A title in the text
    (`country`/`org`) must agree with the person's.
    """
    best_of: dict[str, tuple[Person, float, str]] = {}
    for c in index.candidates(name):  # one row per person: the best-scoring spelling
        if c[0].name not in best_of or c[1] > best_of[c[0].name][1]:
            best_of[c[0].name] = c
    cands = list(best_of.values())
    if not cands:
        return NameLookup(name, None, [], "no spelling in the knowledge base is close enough")
    if country or org:  # a title in the text must agree with the knowledge base
        cands = [c for c in cands if (country and c[0].country == country) or (org and org in c[0].orgs)]
        if not cands:
            return NameLookup(name, None, [], f"no candidate of {country or org}")
    best = max(cands, key=lambda c: (c[1], bool(c[0].roles_on(day)) if day else 0))
    rivals = [c for c in cands if c[0] is not best[0] and c[1] == best[1]]
    if not rivals:
        return NameLookup(name, best[0], cands, f"best score {best[1]:.0f} ('{best[2]}')")
    if day:
        active = [c for c in [best, *rivals] if c[0].roles_on(day)]
        if len(active) == 1:
            return NameLookup(name, active[0][0], cands, f"tie at {best[1]:.0f}; the only one in office on {day}")
    return NameLookup(name, None, cands, f"tie at {best[1]:.0f} between {len(rivals) + 1} persons")


@register("actors.gazetteer.v1")
class ActorMatcher:
    """Gazetteer matcher over spaCy docs, built once per (pipeline, knowledge base)."""

    def __init__(self, nlp: Language, kb: ActorKB) -> None:
        self.kb = kb
        self._lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._labels: dict[str, tuple[str, str]] = {}
        phrases: dict[tuple[str, str], set[str]] = {}

        def add(kind: str, key: str, text: str) -> None:
            text = text.strip()
            if text.lower().startswith("the "):  # the chunker takes determiners itself
                text = text[4:]
            if text:
                phrases.setdefault((kind, key), set()).add(text)

        for c in kb.countries.values():
            for n in c.names:
                add("CNAME", c.iso3, n)
            for a in c.adjectives:
                add("CADJ", c.iso3, a)
            for m in c.metonyms:
                add("METO", c.iso3, m)
        for o in kb.orgs.values():
            for n in o.names:
                add("ORG", o.code, n)
        for t in kb.titles:
            for w in t.words:
                add("TITLE", t.role, w)
                add("TITLES", t.role, _plural(w))  # "the two foreign ministers"
        for a in kb.agents:
            for w in a.words:
                add("AGENT", a.agent, w)
        for name, iso3 in kb.places.items():
            add("PLACE", iso3, name)
        for i, p in enumerate(kb.persons):
            for n in (p.name, *p.aliases):
                add("PERSON", str(i), n)
        for (kind, key), texts in phrases.items():
            label = f"{kind}:{key}"
            self._labels[label] = (kind, key)
            upper = [t for t in texts if t.isupper() and len(t) <= 6]
            rest = [t for t in texts if t not in upper]
            if upper:
                self._orth.add(label, [nlp.make_doc(t) for t in upper])
            if rest:
                self._lower.add(label, [nlp.make_doc(t) for t in rest])
        self.names = NameIndex(kb.persons)

    def hits(self, doc: Doc) -> dict[int, _Hit]:
        """Longest non-overlapping gazetteer hits, keyed by start token."""
        raw: list[_Hit] = []
        for matcher in (self._lower, self._orth):
            for match_id, start, end in matcher(doc):
                kind, key = self._labels[doc.vocab.strings[match_id]]
                first = doc[start].text
                if kind in ("CNAME", "CADJ", "METO", "ORG", "PERSON", "PLACE") and first[:1].isalpha() \
                        and not first[:1].isupper() and first.lower() != "the":
                    continue  # "turkey" the bird, "china" the porcelain: proper names are capitalised
                if kind in ("CNAME", "CADJ", "METO", "PLACE") and end < len(doc) and (
                        doc[end].text in MASTHEAD_WORDS or doc[end].lower_ in CURRENCY_WORDS):
                    continue
                if kind in ("TITLE", "TITLES") and end + 1 < len(doc) and doc[end].text == "-" \
                        and doc[end + 1].lower_ in ELECT_WORDS:
                    continue
                if kind == "CNAME" and start > 0 and doc[start - 1].lower_ in REGION_WORDS:
                    continue  # "Latin America", "South Korea" is its own name: only the region here
                if kind == "CADJ" and end < len(doc) and doc[end].lower_ in GEOGRAPHY_NOUNS:
                    continue  # "the Indian Ocean", "the Arabian Sea": a place, not the state
                if kind == "CNAME" and start > 1 and doc[start - 1].lower_ == "of" \
                        and doc[start - 2].lower_ in GEOGRAPHY_NOUNS | {"strait", "bay"}:
                    continue  # "the Gulf of Oman", "the Sea of Japan"
                raw.append(_Hit(start, end, kind, key))
        raw += _halves(doc, {h.key for h in raw if h.kind in ("CNAME", "CADJ")})
        priority = {"PERSON": 0, "ORG": 1, "METO": 2, "TITLE": 3, "TITLES": 3, "CNAME": 4, "CADJ": 5, "AGENT": 6, "PLACE": 7}
        raw.sort(key=lambda h: (-(h.end - h.start), priority[h.kind], h.start))
        taken: set[int] = set()
        out: dict[int, _Hit] = {}
        for h in raw:
            if any(i in taken for i in range(h.start, h.end)):
                continue
            taken.update(range(h.start, h.end))
            out[h.start] = h
        return out


_STATE_KINDS = ("CADJ", "CNAME", "METO", "ORG")
# a divided country's halves, named in an article that names one of the two states: "the North", "the South"
DIVIDED = {frozenset({"KOR", "PRK"}): {"north": "PRK", "south": "KOR"},
           frozenset({"SDN", "SSD"}): {"north": "SDN", "south": "SSD"}}


def _halves(doc: Doc, states: set[str]) -> list[_Hit]:
    """"Pyongyang blamed the South": "the North"/"the South" as the halves of a divided state the article names."""
    halves = {w: key for pair, names in DIVIDED.items() if pair & states for w, key in names.items()}
    out = []
    for t in doc:
        if t.text in ("North", "South") and t.i > 0 and doc[t.i - 1].lower_ == "the" and t.lower_ in halves and (
                t.i + 1 == len(doc) or doc[t.i + 1].pos_ != "PROPN" and not doc[t.i + 1].text[:1].isupper()):
            out.append(_Hit(t.i, t.i + 1, "CNAME", halves[t.lower_]))
    return out


def _plural(phrase: str) -> str:
    words = phrase.split()
    last = words[-1]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x")):
        last += "es"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


def find_mentions(sent: Span, hits: dict[int, _Hit], group_seed: int = 0,
                  known_name: Callable[[str], bool] | None = None) -> list[ActorMention]:
    """Chunk one sentence into actor mentions (unresolved beyond what the gazetteer says).

    `known_name` says whether a bare name is someone the article already named ("Odinga" after "Raila
    Odinga"): such a name is a mention even without a title."""
    doc = sent.doc
    out: list[ActorMention] = []
    i = sent.start
    group = group_seed
    while i < sent.end:
        group += 1
        ms, j = _chunk_at(doc, i, sent.end, hits, group, known_name)
        if ms:
            out.extend(ms)
            i = max(j, i + 1)
        elif i in hits and hits[i].kind == "PLACE":  # "in Kirkuk": where, never who (a target at most)
            h = hits[i]
            out.append(ActorMention(h.start, h.end, doc[h.start:h.end].text, h.end - 1, country=h.key,
                                    modifier=True, group=group))
            i = h.end
        else:
            i += 1
    for t in sent:  # "urged the general to free political detainees": the one person told with that rank
        if not (t.lower_ in RANK_WORDS and t.is_lower and t.pos_ == "NOUN" and t.i > sent.start
                and doc[t.i - 1].lower_ == "the" and not (t.i + 1 < sent.end and doc[t.i + 1].pos_ in ("NOUN", "PROPN"))):
            continue
        covering = next((m for m in out if m.start <= t.i < m.end), None)
        if covering is None:
            group += 1
            out.append(ActorMention(t.i - 1, t.i + 1, doc[t.i - 1:t.i + 1].text, t.i, rank=t.lower_, group=group))
        elif (covering.start, covering.end) == (t.i - 1, t.i + 1) and not (covering.name or covering.roles
                                                                          or covering.entity):
            covering.rank = t.lower_  # the generic military officer the agent list makes of it, unless resolved
    out.sort(key=lambda m: m.start)
    # "non-US troops", "non-EU states": a name negated by "non-" names no one
    out = [m for m in out
           if not (m.start >= 2 and doc[m.start - 1].text == "-" and doc[m.start - 2].lower_ == "non")]
    return _link_coordination(doc, _merge_appositions(doc, _merge_of_state(doc, out)))


def _merge_of_state(doc: Doc, ms: list[ActorMention]) -> list[ActorMention]:
    """"King Hassan of Morocco", "President Taylor of Liberia": a titled name followed by "of" and a state is that
    state's."""
    out: list[ActorMention] = []
    skip: set[int] = set()
    for k, m in enumerate(ms):
        if k in skip:
            continue
        nxt = ms[k + 1] if k + 1 < len(ms) else None
        if nxt is not None and m.name and m.roles and not (m.country or m.org or m.pronoun or m.modifier) \
                and m.end < len(doc) and doc[m.end].lower_ == "of" and nxt.start == m.end + 1 and nxt.country \
                and not (nxt.person or nxt.roles or nxt.agent or nxt.org):
            m.country, m.end = nxt.country, nxt.end
            m.text = doc[m.start:m.end].text
            skip.add(k + 1)
        out.append(m)
    return out


def _merge_appositions(doc: Doc, ms: list[ActorMention]) -> list[ActorMention]:
    """"Ziyad al-Nakhalah, the secretary-general of Islamic Jihad" and "The Emir of Qatar, Sheikh Tamim": one actor."""
    out: list[ActorMention] = []
    queue: list[ActorMention] = []  # offices of a distributed plural title still waiting for their names
    last_named: ActorMention | None = None
    for m in ms:
        prev = out[-1] if out else None
        named_only = m.name and not m.roles and not m.modifier and not m.pronoun
        if prev is not None and named_only and m.start == prev.end + 1 and doc[prev.end].text == ",":
            group = [x for x in out if (x.start, x.end) == (prev.start, prev.end)]
            if len(group) >= 2:  # "the presidents of Guinea and Mauritania, Alpha Condé and Mohamed Ould Abdel Aziz"
                queue = group
        if queue and named_only and (
                m.start == queue[0].end + 1 or (last_named is not None and m.start == last_named.end + 1
                                                and doc[last_named.end].lower_ in ("and", ","))):
            titled = queue.pop(0)
            m.roles, m.country = titled.roles, m.country or titled.country
            m.org, m.agent = m.org or titled.org, m.agent or titled.agent
            m.counterpart, m.group = titled.counterpart, titled.group
            # the office's words stay part of the mention: "with his counterparts, X and Y" names them there
            m.start, m.head = titled.start, titled.head
            m.text = doc[m.start:m.end].text
            out[out.index(titled)] = m
            last_named = m if queue else None
            continue
        queue, last_named = [], None
        if prev is not None and m.start == prev.end + 1 and doc[prev.end].text == "," and not m.modifier \
                and not prev.modifier and not prev.pronoun and not m.pronoun:
            named, titled = (prev, m) if prev.name and not prev.roles else (m, prev)
            # "In a statement, Macron ...": a bare agent noun inside a phrase before the name is no apposition
            loose = titled.agent and not (titled.roles or titled.entity) and doc[titled.head].dep_ == "pobj"
            if named.name and not named.roles and not titled.name and (titled.roles or titled.entity or titled.agent) \
                    and not titled.plural and not titled.counterpart and not loose:
                named.roles = named.roles or titled.roles
                named.country = named.country or titled.country
                named.org = named.org or titled.org
                named.agent = named.agent or titled.agent
                named.start, named.end = min(prev.start, m.start), max(prev.end, m.end)
                named.text = doc[named.start:named.end].text
                named.head = prev.head
                out[-1] = named
                continue
        out.append(m)
    return out


def _link_coordination(doc: Doc, ms: list[ActorMention]) -> list[ActorMention]:
    """Mentions joined by "and" ("President Rouhani and Qatari Emir Tamim") share a group: they act together."""
    for a, b in zip(ms, ms[1:]):
        if a.modifier or b.modifier or a.pronoun or b.pronoun:
            continue
        if b.start == a.end + 1 and doc[a.end].lower_ in ("and", "&"):
            old = b.group
            for x in ms:
                if x.group == old:
                    x.group = a.group
    return ms


def _is_possessive(tok: Token) -> bool:
    return tok.text in ("'s", "’s", "'", "’") and tok.tag_ == "POS" or tok.text in ("'s", "’s")


def _chunk_at(doc: Doc, i: int, end: int, hits: dict[int, _Hit], group: int,
              known_name: Callable[[str], bool] | None = None) -> tuple[list[ActorMention], int]:
    start = i
    j = i
    if doc[j].lower_ in DETERMINERS and j + 1 < end:
        j += 1
    pre: list[str] = []
    mods: list[_Hit] = []
    possessive_pronoun = doc[start].lower_ in {"his", "her", "their", "its"}
    titles: list[_Hit] = []
    agent_hit: _Hit | None = None
    counterpart = False
    plural = False
    while j < end:
        tok = doc[j]
        h = hits.get(j)
        nxt = hits.get(j + 1)
        chief_adj = tok.lower_ in ("chief", "top") and ((nxt and nxt.kind == "CADJ") or doc[j + 1].lower_ == "diplomat"
                                                         if j + 1 < end else False)
        if tok.lower_ in PRE_MODIFIERS and (not (h and h.kind == "TITLE") or chief_adj) or tok.like_num:
            pre.append(tok.lower_)
            plural = plural or (tok.like_num and tok.lower_ not in ("one", "1"))
            j += 1
            continue
        if h and h.kind in _STATE_KINDS and not titles:
            mods.append(h)
            j = h.end
            if j < end and _is_possessive(doc[j]):
                j += 1
            if j + 1 < end and doc[j].lower_ in ("and", "&", ",") and hits.get(j + 1) \
                    and hits[j + 1].kind in ("CADJ",) and mods[-1].kind == "CADJ":
                j += 1
            continue
        break
    while j < end:
        h = hits.get(j)
        if h and h.kind in ("TITLE", "TITLES"):
            titles.append(h)
            plural = plural or h.kind == "TITLES"
            j = h.end
            if j + 1 < end and doc[j].lower_ in ("and", "&") and hits.get(j + 1) \
                    and hits[j + 1].kind in ("TITLE", "TITLES"):
                j += 1
            continue
        break
    if not titles and not (hits.get(j) and hits[j].kind == "PERSON"):
        phrase = _unknown_title(doc, j, end, hits)
        if phrase is not None:  # "Information Minister Yemane Gebremeskel", "Foreign Ministry spokesman Abbas Mousavi"
            titles.append(phrase)
            j = phrase.end
    if not titles and j < end and doc[j].lower_ in ("diplomat",) and ({"top", "chief", "senior"} & set(pre)):
        titles.append(_Hit(j, j + 1, "TITLE", "Foreign Minister"))
        j += 1
    if j < end and doc[j].lower_ in ("counterpart", "counterparts"):
        counterpart = True
        plural = doc[j].lower_ == "counterparts"
        j += 1
    if not titles and not counterpart and mods and not (hits.get(j) and hits[j].kind == "AGENT"):
        k = _agent_after_modifiers(doc, j, end, hits)  # "Irish nationalist guerrillas", "Israeli tanks"
        if k is not None:
            j = k
    if not titles and not counterpart and j < end and hits.get(j) and hits[j].kind == "AGENT":
        agent_hit = hits[j]
        j = agent_hit.end
        while j < end and hits.get(j) and hits[j].kind == "AGENT":  # "government newspaper": the head noun's sector
            agent_hit = hits[j]
            j = agent_hit.end
        if j < end and hits.get(j) and hits[j].kind in ("TITLE", "TITLES") and hits[j].key == "Leader" \
                and agent_hit.key not in STATE_ORGAN_AGENTS:
            j = hits[j].end  # "Afghan rebel leaders", "opposition chiefs": leaders of the group are the group
            agent_hit = _Hit(agent_hit.start, j, agent_hit.kind, agent_hit.key)
        plural = doc[agent_hit.end - 1].tag_ in ("NNS", "NNPS")
        # "demonstrators in Baghdad", "security forces in Guinea", "students throughout Indonesia"; but an
        # international tribunal in The Hague is not the Netherlands' own
        if not mods and not any(doc[k].lower_ in INTERNATIONAL_WORDS for k in range(max(agent_hit.start - 2, 0),
                                                                                       agent_hit.start)):
            place = _locative_state(doc, j, end, hits)
            if place is not None:
                mods.append(place)
                j = place.end
    if (titles or agent_hit) and j + 1 < end and doc[j].lower_ == "of":
        k = j + 1
        if doc[k].lower_ == "the" and k + 1 < end:
            k += 1
        h = hits.get(k)
        if h and h.kind in ("CNAME", "ORG", "METO"):
            mods.append(h)
            j = h.end
            if j + 2 < end and doc[j].text == "(" and doc[j + 2].text == ")":
                j += 3
            # "the presidents of Turkey and Russia": one office holder per state
            while plural and j + 1 < end and doc[j].lower_ in ("and", ",") and hits.get(j + 1) \
                    and hits[j + 1].kind == "CNAME":
                mods.append(hits[j + 1])
                j = hits[j + 1].end
    if mods and not (titles or agent_hit or counterpart):
        # "Iranian nuclear scientist Mohsen Fakhrizadeh", "American basketball star Brittney Griner"
        k = j
        while k < min(j + 3, end) and doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN") and k not in hits:
            k += 1
        if j < k < end and _ner_person(doc, k, min(k + 1, end)):
            j = k
    # a name: a known spelling, or a run of capitalised words after a title or honorific
    k = j
    while k < end and (doc[k].lower_ in HONORIFICS or doc[k].lower_ in ("his", "her") and k + 1 < end
                       and doc[k + 1].lower_ in ("excellency", "majesty", "highness")):
        if doc[k].lower_ in ("emir", "king", "queen") and hits.get(k) and hits[k].kind == "TITLE" and not titles:
            break
        k += 1
    honorific = k > j
    name_start = k
    name_end = _name_run(doc, k, end, hits)
    name_hit = hits.get(name_start) if name_start < end else None
    if name_hit and name_hit.kind == "PERSON":
        name_end = max(name_end, name_hit.end)
    has_name = name_end > name_start and (titles or honorific or counterpart is False and (
        (name_hit and name_hit.kind == "PERSON") or _ner_person(doc, name_start, name_end)
        or known_name is not None and all(doc[t].pos_ not in ("PRON", "DET", "ADP", "AUX", "CCONJ")
                                          for t in range(name_start, name_end))
        and known_name(doc[name_start:name_end].text)))
    if has_name:
        j = name_end
    elif honorific:
        j = name_start
    if not (mods or titles or agent_hit or counterpart or has_name):
        if doc[start].lower_ in PRONOUNS_PERSON and doc[start].tag_ in ("PRP", "PRP$"):
            m = ActorMention(start, start + 1, doc[start].text, start, pronoun=True, group=group)
            return [m], start + 1
        return [], i
    if mods and not (titles or agent_hit or counterpart or has_name):
        # bare state/org words: "Iran", "Tehran", "the OIC", "Palestinians"; a bare adjective ("Iranian oil")
        # is not an actor unless it is a plural demonym
        out = []
        for h in mods:
            tok = doc[h.end - 1]
            adjective = h.kind == "CADJ" and tok.tag_ not in ("NNS", "NNPS") and not tok.text.endswith("s")
            m = _mention_from_mods(doc, h.start if len(mods) > 1 or adjective else start, h.end, [h], group)
            m.plural = h.kind == "CADJ" and not adjective
            m.modifier = adjective
            out.append(m)
        if not out:
            return [], i
        return out, j
    # one mention per coordinated state modifier ("his Omani and Qatari counterparts")
    cadj_mods = [h for h in mods if h.kind == "CADJ"]
    split = len(cadj_mods) > 1 and len(mods) == len(cadj_mods) or (
        plural and bool(titles) and len(mods) > 1 and all(h.kind == "CNAME" for h in mods))
    groups = [[h] for h in mods] if split else [mods]
    out = []
    for ms in groups:
        m = _mention_from_mods(doc, start, j, ms, group)
        m.head = doc[start:j].root.i
        m.counterpart = counterpart
        m.plural = plural and not split
        m.acting = bool(ACTING & set(pre))
        m.former = bool(FORMER & set(pre))
        if titles:
            m.roles = tuple(dict.fromkeys(t.key for t in titles))
        if agent_hit:
            m.agent = agent_hit.key
        if has_name:
            m.name = doc[name_start:name_end].text
        if possessive_pronoun and counterpart:
            m.reason = "counterpart of the possessor"
        out.append(m)
    return out, j


TITLE_HEADS = {"minister", "secretary", "spokesman", "spokeswoman", "spokesperson", "commander", "chief", "general",
               "leader", "speaker", "adviser", "advisor", "envoy", "governor", "mayor", "director", "chairman",
               "chairwoman", "chairperson", "head", "ambassador", "president", "prosecutor", "negotiator",
               "representative", "premier", "emir", "king", "prince", "counsellor", "chancellor"}


INTERNATIONAL_WORDS = {"international", "multinational", "foreign", "regional", "global"}
LOCATIVE_PREPOSITIONS = {"in", "from", "throughout", "across", "near", "inside"}


def _agent_after_modifiers(doc: Doc, j: int, end: int, hits: dict[int, _Hit]) -> int | None:
    """Start of a generic actor noun after up to three plain modifiers ("nationalist", "paper", "suicide")."""
    for k in range(j, min(j + 4, end)):
        h = hits.get(k)
        if h is not None:
            return k if h.kind == "AGENT" and k > j else None
        tok = doc[k]  # "nationalist", "paper", "Royal" (British Royal Marines), "-"
        if not (tok.is_lower or tok.is_title or tok.text == "-") or tok.pos_ not in ("ADJ", "NOUN", "VERB", "PUNCT", "PROPN"):
            return None
    return None


def _locative_state(doc: Doc, j: int, end: int, hits: dict[int, _Hit]) -> _Hit | None:
    """The state or place a generic actor is said to be in: "protesters in (the city of) Basra"."""
    if j >= end or doc[j].lower_ not in LOCATIVE_PREPOSITIONS:
        return None
    k = j + 1
    if k < end and doc[k].lower_ == "the":
        k += 1
    if k + 2 < end and doc[k].lower_ in ("city", "town", "village", "province", "region") and doc[k + 1].lower_ == "of":
        k += 2
    for _ in range(3):  # "from military-ruled Myanmar", "in northern Iraq"
        if k in hits and hits[k].kind != "AGENT" or k + 1 >= end or not (doc[k].is_lower or doc[k].text == "-"):
            break
        k += 1
    h = hits.get(k)
    if h is not None and h.kind in ("CNAME", "METO", "PLACE"):
        return _Hit(h.start, h.end, "PLACE", h.key)  # a location, not the government ("in Tehran")
    return None


def _unknown_title(doc: Doc, j: int, end: int, hits: dict[int, _Hit]) -> _Hit | None:
    """A title phrase the title list lacks, right before a person's name: up to six words ending in a title
    word ("Attorney General", "National Security Minister", "Conservative leader", "Minister of State for
    Foreign Affairs"). Its role is a known title inside it, else the phrase as written."""
    known: _Hit | None = None
    head_seen = False
    k = j
    while k < min(end, j + 8):
        tok = doc[k]
        h = hits.get(k)
        if head_seen and tok.ent_type_ == "PERSON" and tok.text[:1].isupper() and doc[k - 1].lower_ not in ("of", "for"):
            # "Minister of State for Foreign Affairs | Anwar Gargash": the name begins where the person does
            return _Hit(j, k, "TITLE", known.key if known is not None else doc[j:k].text)
        if h and h.kind in ("TITLE", "AGENT", "ORG") and h.end > k + 1:
            known = h if h.kind == "TITLE" else known
            k = h.end
        elif tok.is_alpha and tok.ent_type_ != "PERSON" and (
                tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.lower_ not in ("of", "for", "the")
                or tok.lower_ in ("of", "for", "the") and k > j and doc[j].text[:1].isupper()):
            if h and h.kind == "TITLE":
                known = h
            k += 1
        else:
            break
        head = doc[k - 1]
        if head.lower_ in TITLE_HEADS or (known is not None and known.end == k):
            head_seen = head_seen or doc[j].text[:1].isupper()
            nxt = doc[k] if k < end else None
            if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and (
                    nxt.ent_type_ == "PERSON" or (k + 1 < end and doc[k + 1].pos_ == "PROPN")):
                if k - j < 2 and known is None and head.text[:1].isupper():
                    return None  # a bare capitalised word ("President") is the title list's business
                role = known.key if known is not None else doc[j:k].text
                return _Hit(j, k, "TITLE", role)
    return None


def _mention_from_mods(doc: Doc, start: int, end: int, mods: list[_Hit], group: int) -> ActorMention:
    span = doc[start:end]
    m = ActorMention(start, end, span.text, span.root.i, group=group)
    for h in mods:
        if h.kind == "ORG":
            m.org = m.org or h.key
        elif m.country is None:
            m.country = h.key
            if h.kind == "METO":
                m.agent = "GOV"
    return m


def _ner_person(doc: Doc, start: int, end: int) -> bool:
    return any(doc[t].ent_type_ == "PERSON" for t in range(start, end))


def _name_run(doc: Doc, k: int, end: int, hits: dict[int, _Hit]) -> int:
    """End of a run of capitalised name tokens starting at k ("Sayyid Badr Albusaidi", "bin Hamad Al Thani")."""
    j = k
    while j < end:
        tok = doc[j]
        h = hits.get(j)
        # "Defence Secretary Tom King has promised": a one-word title closing a name is its surname
        surname = h is not None and h.kind == "TITLE" and h.end == j + 1 and tok.tag_ == "NNP" and (
            j + 1 >= end or not doc[j + 1].text[:1].isupper())
        if h and h.kind in ("TITLE", "TITLES", "CNAME", "CADJ", "METO", "ORG", "AGENT") and j > k and not surname:
            break
        if h and h.kind in ("TITLE", "TITLES", "CNAME", "CADJ", "ORG", "AGENT") and j == k:
            break
        low = tok.lower_
        if tok.text[:1].isupper() and tok.is_alpha and low not in NOT_NAMES and tok.pos_ in ("PROPN", "NOUN", "ADJ", "VERB", "X"):
            j += 1
        elif low in NAME_PARTICLES and j + 1 < end and doc[j + 1].text[:1].isupper():
            j += 1
        elif low in NAME_PARTICLES and j + 2 < end and doc[j + 1].text in ("-", "‐") \
                and doc[j + 2].text[:1].isupper():
            j += 2
        elif tok.text in ("-", "‐") and j > k and j + 1 < end and doc[j + 1].text[:1].isupper() and not tok.whitespace_:
            j += 1
        elif tok.text.startswith(("al-", "Al-", "el-")) and len(tok.text) > 3:
            j += 1
        else:
            break
    return j


@dataclass(slots=True)
class _Cluster:
    name: str
    tokens: list[str]
    person: str
    kb_person: Person | None
    country: str | None
    org: str | None
    agent: str | None
    roles: tuple[str, ...]
    offices: tuple[str, ...]
    last_seen: int
    ranks: frozenset[str] = frozenset()  # "Senior General Min Aung Hlaing": what "the general" may stand for


CAPTIVE_NOUNS = {"captive", "hostage", "prisoner", "detainee"}
RANK_WORDS = frozenset({"general", "admiral", "colonel", "marshal", "brigadier"})


def _ranks(text: str) -> frozenset[str]:
    """The military ranks a name is told with: "Senior General Min Aung Hlaing" -> {"general"}."""
    return frozenset(w.lower() for w in text.split() if w.istitle() and w.lower() in RANK_WORDS)


@dataclass(slots=True)
class DocumentActors:
    """In-document memory for resolution: who has been named, with which titles, in reading order."""

    kb: ActorKB
    names: NameIndex
    day: dt.date | None
    clusters: list[_Cluster] = field(default_factory=list)
    last_subject: ActorMention | None = None
    last_pair: tuple[ActorMention, ActorMention] | None = None  # the two sides of the last joint event
    groups: dict[int, list[ActorMention]] = field(default_factory=dict)  # size -> last coordinated group of states
    last_attacker: ActorMention | None = None  # the side of the last attack told: "condemned the shelling"
    last_actor: ActorMention | None = None  # the side of the last act told: "praised the decision"
    last_act: Candidate | None = None  # the last event coded: "Canada also took part", "Japan followed suit"
    last_target: dict[str, ActorMention] = field(default_factory=dict)  # by trigger family: whom it hit last
    last_source: dict[str, ActorMention] = field(default_factory=dict)  # by event type: who did it last
    last_group: list[ActorMention] = field(default_factory=list)  # the latest coordinated group: "they"
    last_group_age: int = 0  # sentences since it was told
    sentence_subjects: list[ActorMention] = field(default_factory=list)  # named persons who are subjects here
    current_mentions: list[ActorMention] = field(default_factory=list)  # the actors of the sentence being coded
    owned_nouns: dict[str, ActorMention] = field(default_factory=dict)  # "Palestinian prisoners": prisoner -> PSE
    done_nouns: dict[str, ActorMention] = field(default_factory=dict)  # "Russian forces kept checkpoints": -> RUS
    done_here: dict[str, ActorMention] = field(default_factory=dict)  # the sentence being coded's, kept for later
    attacker_of: dict[str, ActorMention] = field(default_factory=dict)  # by state attacked: who attacked it last
    attacked_by_word: dict[str, ActorMention] = field(default_factory=dict)  # "struck Iran": strike -> IRN
    # (captor, captives) as told, latest last: "will release a captured Indian pilot", "a captive of Hamas" (whose
    # captives the phrase leaves to the sentence: None)
    holders: list[tuple[ActorMention, ActorMention | None]] = field(default_factory=list)
    accused_here: ActorMention | None = None  # whom the sentence being coded accuses: who denies "the charge"
    previous_mentions: list[ActorMention] = field(default_factory=list)  # and of the sentence before it
    counter: int = 0
    venue: ActorMention | None = None  # the dateline's place, where the lead's meetings happen unless told otherwise
    filed_in: str | None = None  # the state of the dateline's place
    topic_named: dict[str, int] = field(default_factory=dict)  # times_named, counting its persons' states too
    times_named: dict[str, int] = field(default_factory=dict)  # how often the article names each state

    @property
    def states_named(self) -> frozenset[str]:
        """The states the article names at least twice: beyond the place of a meeting."""
        return frozenset(k for k, n in self.times_named.items() if n >= 2)

    def note_sentence(self, doc: Doc, mentions: list[ActorMention]) -> None:
        """Remember what a new sentence tells about its actors: its mentions (the one before stays as
        `previous_mentions`), the state of plural nouns it names ("Palestinian prisoners"), what its sides do to
        plural things ("Russian forces kept checkpoints"), and each coordinated group of sides ("France, Germany and
        Belgium") by its size, so that "the three European governments" later in the article can name them."""
        self.previous_mentions, self.current_mentions = self.current_mentions, mentions
        for m in mentions:  # "hundreds of Palestinian prisoners" ... "Israel freed 477 prisoners": the same people
            tok = doc[m.head]
            if m.modifier and m.country and tok.dep_ in ("amod", "compound") and tok.head.tag_ == "NNS":
                self.owned_nouns[tok.head.lemma_.lower()] = m
            elif m.plural and m.country and not (m.person or m.org) and tok.tag_ == "NNS" and m.start < tok.i:
                self.owned_nouns[tok.lemma_.lower()] = m
        # "Russian forces kept checkpoints" ... "criticised the checkpoints": the side that keeps them, known from
        # the next sentence on (a sentence's own reactions do not name what they react to)
        self.done_nouns.update(self.done_here)
        self.done_here = {}
        self.accused_here = None
        for m in mentions:  # "after five years as a captive of Hamas", "hostages held by the group"
            tok = doc[m.head]
            held = tok.head.head if tok.dep_ in ("pobj", "agent") else None
            if m.entity and not m.modifier and held is not None and (
                    tok.head.lower_ == "of" and held.lemma_.lower() in CAPTIVE_NOUNS
                    or tok.head.dep_ == "agent" and held.lemma_.lower() == "hold"):
                self.holders.append((m, None))
        for m in mentions:
            tok = doc[m.head]
            if m.entity and not (m.pronoun or m.modifier) and tok.dep_ == "nsubj":
                for o in tok.head.children:
                    if o.dep_ == "dobj" and o.tag_ == "NNS" and not any(x.start <= o.i < x.end for x in mentions):
                        self.done_here[o.lemma_.lower()] = m
        by_chain: dict[int, list[ActorMention]] = {}
        for m in mentions:
            if not m.entity or m.pronoun:
                continue
            tok = doc[m.head]
            if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "from"):
                continue  # "in Brussels, France, Germany and Belgium ...": where, not who
            while tok.dep_ == "conj" and tok.head.i != tok.i:  # "France, Germany and Belgium": one conj chain
                tok = tok.head
            members = by_chain.setdefault(tok.i, [])
            if all(o.entity != m.entity for o in members):
                members.append(m)
        self.last_group_age += 1
        for members in by_chain.values():
            if len(members) >= 2:
                self.groups[len(members)] = members
                self.last_group, self.last_group_age = members, 0

    def note_group(self, members: list[ActorMention]) -> None:
        """Remember sides told together other than by coordination: a host and its guests, a group named again."""
        distinct = [m for i, m in enumerate(members) if m.entity and all(o.entity != m.entity for o in members[:i])]
        if len(distinct) >= 2:
            self.groups[len(distinct)] = distinct
            self.last_group, self.last_group_age = distinct, 0

    def resolve(self, m: ActorMention) -> bool:
        """Fill `m` from the knowledge base and what this document said before; False: not an actor."""
        self.counter += 1
        if m.pronoun or m.modifier:
            return True
        bearers = {c.person: c for c in self.clusters if m.rank in c.ranks} if m.rank else {}
        if len(bearers) == 1:
            c = next(iter(bearers.values()))
            m.person, m.kb_person, m.country, m.org, m.agent = c.person, c.kb_person, c.country, c.org, c.agent
            m.roles, m.offices = c.roles, c.offices
            m.reason = f"'{m.text}': the one person this article names with that rank"
            c.last_seen = self.counter
            return True
        if m.rank and not m.agent:
            return False  # "the general" with no one, or several, told with that rank: no one to name
        offices = tuple(self.kb.role_office.get(r, "") for r in m.roles)
        m.offices = offices
        if m.roles and m.agent is None:
            m.agent = next((self.kb.role_agent[r] for r in m.roles if self.kb.role_agent.get(r)), None)
        if m.org and m.country is None and m.org in self.kb.orgs and self.kb.orgs[m.org].kind == "nonstate":
            org = self.kb.orgs[m.org]
            m.country = org.country
            if m.agent in (None, "IGO") or m.roles:
                m.agent = org.agent
        elif m.org and m.org in self.kb.orgs and self.kb.orgs[m.org].kind == "igo":
            m.agent = "IGO"
        if m.name:
            return self._resolve_name(m)
        if m.roles and not m.counterpart and not m.plural:
            if DEPUTY.search(m.text) and "Vice President" not in m.roles:
                m.reason = "a deputy of the office: its holder is someone else"  # "the deputy foreign minister"
                return True
            self._resolve_title(m)
        return True

    def _resolve_name(self, m: ActorMention) -> bool:
        assert m.name is not None
        toks = normalize_name(m.name)
        cluster = self._match_cluster(toks, m)
        kb_person = cluster.kb_person if cluster else self._kb_lookup(m)
        if cluster is None and kb_person is None and not (m.roles or m.entity) and len(_core(toks)) < 2:
            return False  # a lone capitalised word ("Fitr") that no title or dictionary makes a person
        if cluster is None and kb_person is not None:
            cluster = next((c for c in self.clusters if c.kb_person is kb_person), None)
        if kb_person is not None:
            self._apply_person(m, kb_person)
        if cluster is not None:
            m.person = cluster.person
            m.country = m.country or cluster.country
            m.org = m.org or cluster.org
            m.agent = m.agent or cluster.agent
            if not m.roles:
                m.roles, m.offices = cluster.roles, cluster.offices
            cluster.roles = cluster.roles or m.roles
            cluster.offices = cluster.offices or m.offices
            cluster.country = cluster.country or m.country
            cluster.org = cluster.org or m.org
            cluster.agent = cluster.agent or m.agent
            if len(toks) > len(cluster.tokens) and kb_person is None:
                cluster.tokens, cluster.person = toks, _clean_name(m.name)
                m.person = cluster.person
            cluster.last_seen = self.counter
            cluster.ranks |= _ranks(m.text)
            return True
        m.person = kb_person.name if kb_person else _clean_name(m.name)
        if m.country is None and m.org is None:
            m.reason = "person not in the knowledge base and no title naming a country"
        self.clusters.append(_Cluster(m.name, toks, m.person, kb_person, m.country, m.org, m.agent, m.roles,
                                      m.offices, self.counter, _ranks(m.text)))
        return True

    def _apply_person(self, m: ActorMention, p: Person) -> None:
        """Fill a mention from the knowledge base: the roles held that day decide country or organisation."""
        m.kb_person = p
        m.person = p.name
        held = p.roles_on(self.day) if self.day else []
        if m.roles == ("Leader",) and held:  # "NATO chief Mark Rutte": the role he holds, not the generic word
            m.roles = tuple(dict.fromkeys(r.role for r in held))
            m.offices = tuple(self.kb.role_office.get(r, "") for r in m.roles)
        elif m.roles:  # the text's title picks which of the person's roles is meant
            held = [r for r in held if r.role in m.roles] or held
        elif held:
            m.roles = tuple(dict.fromkeys(r.role for r in held))
            m.offices = tuple(self.kb.role_office.get(r, "") for r in m.roles)
            m.acting = any(r.acting for r in held)
        role_orgs = {p.org_of(r) for r in held}
        if not (m.country or m.org):
            if len(role_orgs) == 1 and None not in role_orgs:  # Rutte in 2025 acts for NATO, in 2015 for NLD
                m.org = role_orgs.pop()
                m.country = None if self.kb.orgs[m.org].kind == "igo" else p.country
            else:
                m.country, m.org = p.country, p.org
        elif m.country and not m.org:
            m.org = p.org
        if m.org and m.org in self.kb.orgs and self.kb.orgs[m.org].kind == "igo" and m.country is None:
            m.agent = "IGO"
        m.agent = m.agent or next((self.kb.role_agent[r] for r in m.roles if self.kb.role_agent.get(r)), None) \
            or p.agent
        if m.org and m.org in self.kb.orgs and self.kb.orgs[m.org].kind == "nonstate":
            m.country = m.country or self.kb.orgs[m.org].country

    def _kb_lookup(self, m: ActorMention) -> Person | None:
        return lookup_name(self.names, m.name or "", self.day, m.country, m.org).person

    def knows_name(self, name: str) -> bool:
        """Whether this article already named this person (any spelling close enough to join them)."""
        return self._match_cluster(normalize_name(name), ActorMention(0, 0, name, 0)) is not None

    def _match_cluster(self, toks: list[str], m: ActorMention) -> _Cluster | None:
        core = _core(toks)
        if not core:
            return None
        best: _Cluster | None = None
        for c in self.clusters:
            if (m.country and c.country and m.country != c.country) or (m.org and c.org and m.org != c.org):
                continue
            ccore = _core(c.tokens)
            if set(core) <= set(ccore) or set(ccore) <= set(core) and len(ccore) >= 2:
                ok = True
            else:
                ok = all(any(fuzz.ratio(t, u) >= 85 for u in ccore) for t in core if len(t) >= 4) \
                    and any(len(t) >= 4 for t in core)
            # a bare surname shared by two people of the article ("Mugabe" after Robert and Grace Mugabe) is the
            # official the knowledge base knows, then the one named last
            if ok and (best is None or (c.kb_person is not None, c.last_seen) > (best.kb_person is not None,
                                                                                best.last_seen)):
                best = c
        return best

    def _resolve_title(self, m: ActorMention) -> None:
        """"The Qatari premier", "Iran's acting foreign minister": this document's holder, else the KB's."""
        for c in sorted(self.clusters, key=lambda c: -c.last_seen):
            if c.offices and set(m.offices) & set(c.offices) and (
                    (m.country and c.country == m.country) or (m.org and c.org == m.org)):
                m.person = c.person
                m.kb_person = c.kb_person
                m.agent = m.agent or c.agent
                c.last_seen = self.counter
                return
        if not (m.country or m.org):
            # "the emir" after "Qatar's emir, Sheikh Tamim": the one person of this document with that title,
            # else with that office
            same = [c for c in self.clusters if set(m.roles) & set(c.roles)]
            if len({c.person for c in same}) != 1:
                same = [c for c in self.clusters if c.offices and set(m.offices) & set(c.offices)]
            if len({c.person for c in same}) == 1:
                c = same[0]
                m.person, m.kb_person, m.country, m.org = c.person, c.kb_person, c.country, c.org
                m.agent = m.agent or c.agent
                return
            m.reason = "title without a country or organisation"
            return
        if self.day is None:
            m.reason = "no publication date to find who held the office"
            return
        if m.former:
            m.reason = "former office holder: date unknown"
            return
        holders = self.office_holders(m.offices, m.country, m.org)
        if m.acting:
            holders = [h for h in holders if h[1].acting] or holders
        persons = list(dict.fromkeys(p for p, _ in holders))
        if len(persons) == 1:
            self._apply_person(m, persons[0])
            m.roles = tuple(dict.fromkeys(r.role for p, r in holders))  # "Iranian Leader": Supreme Leader
            m.offices = tuple(self.kb.role_office.get(r, "") for r in m.roles)
            self.clusters.append(_Cluster(persons[0].name, normalize_name(persons[0].name), persons[0].name,
                                          persons[0], m.country, m.org, m.agent, m.roles, m.offices, self.counter))
        elif not persons:
            m.reason = "no known holder of this office on the article's date"
        else:
            m.reason = "several holders of this office on the article's date"

    def office_holders(self, offices: tuple[str, ...], country: str | None, org: str | None):  # type: ignore[no-untyped-def]
        out = []
        for office in offices:
            wanted: tuple[str, ...] = (office,)
            if office == "leader":  # "the leaders of Japan and Germany": their heads of government
                entry = self.kb.countries.get(country or "")
                parliamentary = entry is not None and entry.leader == "head_of_government"
                wanted = ("supreme_leader", "head_of_government" if parliamentary else "head_of_state", "head_of_state",
                          "group_leader", "org_head")
            for o in wanted:
                found = self.kb.office_holders(o, self.day, country=country, org=org)
                if found:
                    out += found
                    break
        return out

    def resolve_counterpart(self, m: ActorMention, other: ActorMention) -> None:
        """"His Turkish counterpart": the holder of `other`'s office in the mention's country."""
        if not other.offices:
            m.reason = "counterpart of an actor whose office is unknown"
            return
        m.roles = other.roles
        m.offices = other.offices
        m.agent = m.agent or other.agent
        self._resolve_title(m)
        if m.person:
            m.reason = None

    def note_subject(self, m: ActorMention) -> None:
        if m.person and not m.plural:
            self.last_subject = m


def _clean_name(name: str) -> str:
    toks = name.split()
    while toks and toks[0].lower().strip(".") in HONORIFICS:
        toks = toks[1:]
    return " ".join(toks) or name
