"""The actor knowledge base: countries, organisations, titles, agents and officials with dated roles.

Loaded once from YAML files in `tacitus/data/` (plus optional user files) into one object that stages share.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pycountry
from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from .datafiles import load_records
from .errors import DataFileError

DATA_DIR = Path(__file__).parent / "data"
IGO_CODES = ("UN", "UNSC", "UNGA", "OIC", "EU", "NATO", "AU", "ASEAN", "GCC", "ARAB_LEAGUE", "IAEA", "WHO",
             "ICC", "ICJ", "OPEC", "SCO", "BRICS")
_EXTRA_ISO3 = {"XKX"}  # Kosovo: used by news and event data, absent from ISO 3166-1


def _known_iso3(code: str) -> bool:
    return code in _EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _iso3_code(cls: type, v: str) -> str:
    """Field validator shared by the models that hold an ISO 3166-1 alpha-3 code."""
    if not _known_iso3(v):
        raise ValueError(f"'{v}' is not an ISO 3166-1 alpha-3 code")
    return v


class CountryEntry(_Strict):
    iso3: str
    names: list[str]
    adjectives: list[str] = []
    capital: str | None = None
    metonyms: list[str] = []
    region: Literal["MEA", "AFR", "EUR", "NAM", "LAM", "ASA", "OCE"] | None = None
    leader: Literal["head_of_state", "head_of_government"] = "head_of_state"  # whom "the leader of X" means

    _iso3 = field_validator("iso3")(_iso3_code)


class OrgEntry(_Strict):
    code: str
    kind: Literal["igo", "ngo", "nonstate"]  # nonstate: armed groups, parties, movements of one country
    names: list[str]
    country: str | None = None
    agent: str
    cameo: str | None = None

    @model_validator(mode="after")
    def _country(self) -> OrgEntry:
        if self.country is not None and not _known_iso3(self.country):
            raise ValueError(f"country '{self.country}' is not an ISO 3166-1 alpha-3 code")
        if self.kind == "nonstate" and self.country is None:
            raise ValueError("a nonstate group needs the ISO3 `country` it belongs to")
        return self


class TitleEntry(_Strict):
    role: str
    office: str
    agent: str | None = None
    words: list[str]


class PlaceEntry(_Strict):
    country: str
    places: list[str]

    _iso3 = field_validator("country")(_iso3_code)


class AgentEntry(_Strict):
    agent: str
    words: list[str]
    plural_only: bool = False


class RoleTenure(_Strict):
    role: str
    start: dt.date
    end: dt.date | None = None
    acting: bool = False
    org: str | None = None  # the organisation this role belongs to (Rutte: NLD prime minister, then NATO's head)

    @model_validator(mode="after")
    def _order(self) -> RoleTenure:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"role ends ({self.end}) before it starts ({self.start})")
        return self

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


class PersonEntry(_Strict):
    name: str
    aliases: list[str] = []
    country: str | None = None
    org: str | None = None
    agent: str = "GOV"
    roles: list[RoleTenure] = []

    @field_validator("country")
    @classmethod
    def _iso3(cls, v: str | None) -> str | None:
        if v is not None and not _known_iso3(v):
            raise ValueError(f"'{v}' is not an ISO 3166-1 alpha-3 code")
        return v


@dataclass(frozen=True, slots=True)
class Person:
    """An official from the knowledge base."""

    name: str
    aliases: tuple[str, ...]
    country: str | None
    org: str | None
    agent: str
    roles: tuple[RoleTenure, ...]

    def roles_on(self, day: dt.date | None) -> list[RoleTenure]:
        if day is None:
            return list(self.roles)
        return [r for r in self.roles if r.holds_on(day)]

    def org_of(self, role: RoleTenure) -> str | None:
        """The organisation a role is held for: its own `org`, else the person's group (Hamas, the PA)."""
        return role.org or self.org

    @property
    def orgs(self) -> set[str]:
        return {o for o in [self.org, *(r.org for r in self.roles)] if o}


@dataclass(slots=True)
class ActorKB:
    """Everything actor resolution needs, validated and indexed. Build with `ActorKB.load()`."""

    countries: dict[str, CountryEntry]
    orgs: dict[str, OrgEntry]
    titles: list[TitleEntry]
    agents: list[AgentEntry]
    persons: list[Person]
    fingerprint: str
    places: dict[str, str] = field(default_factory=dict)  # place name -> ISO3 of the country it lies in
    role_office: dict[str, str] = field(default_factory=dict)
    role_agent: dict[str, str | None] = field(default_factory=dict)
    tenures_by_office: dict[str, list[tuple[Person, RoleTenure]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.role_office = {t.role: t.office for t in self.titles}
        self.role_agent = {t.role: t.agent for t in self.titles}
        self.tenures_by_office = {}
        for p in self.persons:
            for r in p.roles:
                self.tenures_by_office.setdefault(self.role_office.get(r.role, ""), []).append((p, r))

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR, extra_actor_files: tuple[Path, ...] = (),
             extra_org_files: tuple[Path, ...] = ()) -> ActorKB:
        """Read and validate the bundled data files, then any user files of officials and organisations (which
        override bundled entries of the same name or code)."""
        digest = hashlib.sha256()

        def read(path: Path, model):  # type: ignore[no-untyped-def]
            if not path.is_file():
                raise DataFileError(str(path), None, None, "data file is missing")
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
            return load_records(path, model)

        countries: dict[str, CountryEntry] = {}
        for entry, line in read(data_dir / "countries.yaml", CountryEntry):
            if entry.iso3 in countries:
                raise DataFileError(str(data_dir / "countries.yaml"), line, "iso3", f"duplicate country {entry.iso3}")
            countries[entry.iso3] = entry
        orgs = {e.code: e for path in (data_dir / "organizations.yaml", *extra_org_files)
                for e, _ in read(path, OrgEntry)}
        titles = [e for e, _ in read(data_dir / "titles.yaml", TitleEntry)]
        agents = [e for e, _ in read(data_dir / "agents.yaml", AgentEntry)]
        places: dict[str, str] = {}
        for entry, line in read(data_dir / "places.yaml", PlaceEntry):
            for name in entry.places:
                if places.get(name, entry.country) != entry.country:
                    raise DataFileError(str(data_dir / "places.yaml"), line, "places",
                                        f"'{name}' is already listed under {places[name]}")
                places[name] = entry.country
        roles = {t.role for t in titles}
        persons: dict[str, Person] = {}
        official_files = sorted((data_dir / "officials").glob("*.yaml")) + list(extra_actor_files)
        for path in official_files:
            for entry, line in read(path, PersonEntry):
                for r in entry.roles:
                    if r.role not in roles:
                        raise DataFileError(str(path), line, "roles.role",
                                            f"unknown role '{r.role}' (known: {', '.join(sorted(roles))})")
                if entry.org is not None and entry.org not in orgs:
                    raise DataFileError(str(path), line, "org", f"unknown organisation '{entry.org}'")
                for r in entry.roles:
                    if r.org is not None and r.org not in orgs:
                        raise DataFileError(str(path), line, "roles.org", f"unknown organisation '{r.org}'")
                if path.parent == data_dir / "officials" and entry.name in persons:
                    raise DataFileError(str(path), line, "name", f"'{entry.name}' is already defined in another "
                                        "bundled officials file: give the person one entry with all roles")
                persons[entry.name] = Person(entry.name, tuple(entry.aliases), entry.country, entry.org,
                                             entry.agent, tuple(entry.roles))
        return cls(countries, orgs, titles, agents, list(persons.values()), digest.hexdigest()[:12], places=places)

    def holders_on(self, day: dt.date, country: str | None = None,
                   org: str | None = None) -> list[tuple[Person, RoleTenure]]:
        """Every role held on `day` for `country` (national roles) or `org`, ordered by office then name."""
        out = []
        for p in self.persons:
            for r in p.roles_on(day):
                role_org = p.org_of(r)
                if org and role_org != org:
                    continue
                if country and (p.country != country or (not org and role_org in self.orgs
                                                         and self.orgs[role_org].kind == "igo")):
                    continue
                out.append((p, r))
        order = {t.role: i for i, t in enumerate(self.titles)}
        return sorted(out, key=lambda pr: (order.get(pr[1].role, 99), pr[0].name))

    def office_holders(self, office: str, day: dt.date | None, country: str | None = None,
                       org: str | None = None) -> list[tuple[Person, RoleTenure]]:
        """Persons holding a role of `office` for `country`/`org` on `day` (all tenures when day is None)."""
        out = []
        for p, r in self.tenures_by_office.get(office, []):
            if day is not None and not r.holds_on(day):
                continue
            role_org = p.org_of(r)
            if org and role_org != org:
                continue
            if country and (p.country != country or (not org and role_org in self.orgs
                                                     and self.orgs[role_org].kind == "igo")):
                continue  # NATO's secretary-general is not a Dutch office holder
            out.append((p, r))
        return out
