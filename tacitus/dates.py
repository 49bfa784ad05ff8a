"""Date stage: find date expressions in a sentence and resolve them against the publication date.

"on Monday" is the most recent Monday on or before publication; "last Monday" / "last week on Monday" the
most recent one strictly before it; "next Monday" the first one after it. Explicit dates without a year
take the publication year unless that would put them more than a week after publication.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WD = r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("mdy", re.compile(_MON + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", re.I)),
    ("dmy", re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b", re.I)),
    ("my_rel", re.compile(r"\b(?:in|since|during|until|by)\s+(?:early\s+|late\s+|mid-?)?" + _MON
                          + r"\s+(?:of\s+)?(?P<ry>last|this|next)\s+year\b", re.I)),
    ("my", re.compile(r"\b(?:in|since|during|until|by)\s+(?:early\s+|late\s+|mid-?)?" + _MON + r"(?:\s+(?P<y>(?:19|20)\d\d))?\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|until|by)\s+(?:early\s+|late\s+)?(?P<y>(?:19|20)\d\d)\b", re.I)),
    ("rel_mon", re.compile(r"\b(?P<rel>last|next|this|this\s+past|this\s+coming)\s+" + _MON + r"(?![\w.])(?!\s+[0-3]?\d\b)", re.I)),
    ("last_wd", re.compile(r"\blast\s+(?:week\s+)?(?:on\s+)?" + _WD + r"\b", re.I)),
    ("next_wd", re.compile(r"\b(?:next|coming|this\s+coming)\s+" + _WD + r"\b", re.I)),
    ("wd", re.compile(r"\b" + _WD + r"(?:'s|’s)?\b", re.I)),
    ("yesterday", re.compile(r"\byesterday\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|this morning|this afternoon|this evening)\b", re.I)),
    ("tomorrow", re.compile(r"\btomorrow\b", re.I)),
    ("in_days", re.compile(r"\bin\s+(?P<n>a|one|two|three|four|five|six|seven|\d)\s+(?P<unit>day|week)s?(?:['’]s?\s*time)?\b(?!\s+of\b)", re.I)),
    ("last_week", re.compile(r"\blast\s+week\b", re.I)),
    ("next_week", re.compile(r"\bnext\s+week\b", re.I)),
    ("last_month", re.compile(r"\blast\s+month\b", re.I)),
    ("next_month", re.compile(r"\bnext\s+month\b", re.I)),
    ("this_month", re.compile(r"\b(?:earlier|later)\s+this\s+month\b", re.I)),
    ("this_year", re.compile(r"\b(?:earlier|later)\s+this\s+year\b", re.I)),
    ("last_year", re.compile(r"\blast\s+year\b", re.I)),
    ("next_year", re.compile(r"\bnext\s+year\b", re.I)),
    ("days_apart", re.compile(r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|\d)\s+days?\s+(?:(?P<dir>later|earlier)(?!\s+than)|(?P<dir2>before|after)(?=\s*(?:[,.;:)]|and\b|$)))|the\s+(?P<next>next|following|previous)\s+day|the\s+day\s+(?P<rel>before|after)(?=\s*(?:[,.;:)]|and\b|$)))", re.I)),
    ("same_day", re.compile(r"\b(?:(?:a\s+few|several|two|three|some)\s+hours\s+(?:earlier|later)|earlier\s+(?:in\s+the|that)\s+day|later\s+(?:in\s+the|that)\s+day|the\s+same\s+(?:day|night|evening|morning|afternoon)|hours\s+(?:earlier|later)|within\s+(?:(?:a\s+few|several|two|three|some|24|48)\s+)?hours)\b", re.I)),
]


# "in November of that year", "later that year": the year told before
_THAT_YEAR = re.compile(r"\b(?:in\s+)?(?:" + _MON + r"\s+of\s+)?(?:(?:later|earlier)\s+(?:in\s+)?)?that\s+(?:same\s+)?year\b",
                        re.I)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a sentence: character span (in the sentence), resolved date and precision.

    `relative_to_previous` marks "a few hours earlier"-style expressions: their date is the date of the
    event told just before, filled in by the pipeline, not by the publication date.
    """

    start: int
    end: int
    text: str
    date: dt.date | None
    precision: str | None
    future: bool = False
    relative_to_previous: bool = False
    weekday: int | None = None  # set for a bare weekday ("on Monday"): a planned event takes the next one
    days_after_previous: int = 0  # "three days later": so many days after the event told just before
    ahead: dt.date | None = None  # a day or month without a year read as past: a plan takes its next coming


def _weekday_on_or_before(day: dt.date, wd: int, strictly: bool = False) -> dt.date:
    delta = (day.weekday() - wd) % 7
    if strictly and delta == 0:
        delta = 7
    return day - dt.timedelta(days=delta)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def next_weekday(pub: dt.date, wd: int) -> dt.date:
    """The first `wd` on or after publication: "will visit on Monday"."""
    return pub + dt.timedelta(days=(wd - pub.weekday()) % 7)


def find_dates(sentence: str, published: dt.date | None, year_before: int | None = None) -> list[DateMention]:
    """All date expressions in `sentence`, resolved against `published` where they are relative.

    "in November of that year" takes the year told last before it: in this sentence, else `year_before`.
    """
    found: list[DateMention] = []
    anaphoric = list(_THAT_YEAR.finditer(sentence))  # resolved last, from the years the sentence tells
    taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in anaphoric]
    for kind, rx in _PATTERNS:
        for m in rx.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            dm = _resolve(kind, m, published)
            if dm is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(dm)
    for m in anaphoric:
        year = last_year_told([d for d in found if d.start < m.start()], year_before)
        if year is None:
            continue
        mon = m.group("mon")
        month = (9 if mon.lower().startswith("sept") else MONTHS[mon.lower()[:3]]) if mon else None
        found.append(DateMention(m.start(), m.end(), m.group(0), dt.date(year, month or 1, 1),
                                 "month" if month else "year"))
    found.sort(key=lambda d: d.start)
    return found


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def last_year_told(dates: list[DateMention], before: int | None) -> int | None:
    """The year of the last date in `dates` that names its year ("in 2013"), else `before`."""
    told = [d for d in dates if d.date is not None and YEAR.search(d.text)]
    return max(told, key=lambda d: d.start).date.year if told else before  # type: ignore[union-attr]


NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _resolve(kind: str, m: re.Match[str], pub: dt.date | None) -> DateMention | None:
    text = m.group(0)
    s, e = m.start(), m.end()

    def mk(date: dt.date | None, precision: str | None, future: bool = False, rel: bool = False,
           ahead: dt.date | None = None) -> DateMention:
        return DateMention(s, e, text, date, precision if date or rel else None, future, rel, ahead=ahead)

    g = m.groupdict()
    if kind == "iso":
        return mk(_safe_date(int(g["y"]), int(g["m"]), int(g["d"])), "day")
    if kind in ("mdy", "dmy"):
        if kind == "mdy" and g["mon"].lower() == "may" and not g.get("y") and int(g["d"]) > 31:
            return None
        mon = MONTHS[g["mon"].lower().rstrip(".")[:4] if g["mon"].lower().startswith("sept") else g["mon"].lower()[:3]]
        day = int(g["d"])
        if g.get("y"):
            return mk(_safe_date(int(g["y"]), mon, day), "day")
        if pub is None:
            return mk(None, None)
        d = _safe_date(pub.year, mon, day)
        ahead = d if d and d > pub else _safe_date(pub.year + 1, mon, day)
        if d and d > pub + dt.timedelta(days=7):
            d = _safe_date(pub.year - 1, mon, day)
        return mk(d, "day", future=bool(d and d > pub), ahead=ahead)
    if kind == "my_rel" and pub is not None:  # "in February last year"
        mon = 9 if g["mon"].lower().startswith("sept") else MONTHS[g["mon"].lower()[:3]]
        d = dt.date(pub.year + {"last": -1, "this": 0, "next": 1}[g["ry"].lower()], mon, 1)
        return mk(d, "month", future=d > pub)
    if kind == "my":
        mon = MONTHS[g["mon"].lower()[:3]] if not g["mon"].lower().startswith("sept") else 9
        if g.get("y"):
            return mk(dt.date(int(g["y"]), mon, 1), "month")
        if g["mon"] != "May" and g["mon"].lower() == "may" and not g.get("y"):
            return None  # "in may" in lower case is the modal verb; "in May" is the month
        if pub is None:
            return mk(None, None)
        y = pub.year if mon <= pub.month else pub.year - 1
        return mk(dt.date(y, mon, 1), "month", ahead=dt.date(pub.year + (mon < pub.month), mon, 1))
    if kind == "year":
        return mk(dt.date(int(g["y"]), 1, 1), "year")
    if kind == "rel_mon" and pub is not None:
        mon = 9 if g["mon"].lower().startswith("sept") else MONTHS[g["mon"].lower()[:3]]
        rel = g["rel"].lower()
        if rel == "last" or rel.endswith("past"):  # the most recent such month before this one
            y = pub.year if mon < pub.month else pub.year - 1
        elif rel == "next" or rel.endswith("coming"):
            y = pub.year if mon > pub.month else pub.year + 1
        else:
            y = pub.year
        d = dt.date(y, mon, 1)
        return mk(d, "month", future=d > pub)
    if kind == "days_apart":
        if g.get("n"):
            n = NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
            days = n if (g.get("dir") or g.get("dir2") or "").lower() in ("later", "after") else -n
        else:
            days = 1 if (g.get("next") or g.get("rel") or "").lower() in ("next", "following", "after") else -1
        return DateMention(s, e, text, None, "day", relative_to_previous=True, days_after_previous=days)
    if pub is None:
        return mk(None, None, rel=kind == "same_day")
    if kind == "last_wd":
        return mk(_weekday_on_or_before(pub, WEEKDAYS.index(g["wd"].lower()), strictly=True), "day")
    if kind == "next_wd":
        wd = WEEKDAYS.index(g["wd"].lower())
        return mk(pub + dt.timedelta(days=((wd - pub.weekday()) % 7) or 7), "day", future=True)
    if kind == "wd":
        wd = WEEKDAYS.index(g["wd"].lower())
        return DateMention(s, e, text, _weekday_on_or_before(pub, wd), "day", weekday=wd)
    if kind == "yesterday":
        return mk(pub - dt.timedelta(days=1), "day")
    if kind == "today":
        return mk(pub, "day")
    if kind == "tomorrow":
        return mk(pub + dt.timedelta(days=1), "day", future=True)
    if kind == "in_days":  # "would begin leaving in two days": counted from publication, ahead of it
        n = NUMBER_WORDS.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower()
        return mk(pub + dt.timedelta(days=n * (7 if unit == "week" else 1)), unit if unit == "week" else "day",
                  future=True)
    if kind == "last_week":
        return mk(pub - dt.timedelta(days=7), "week")
    if kind == "next_week":
        return mk(pub + dt.timedelta(days=7), "week", future=True)
    if kind == "last_month":
        first = pub.replace(day=1) - dt.timedelta(days=1)
        return mk(first.replace(day=1), "month")
    if kind == "next_month":
        nxt = (pub.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return mk(nxt, "month", future=True)
    if kind == "this_month":
        return mk(pub.replace(day=1), "month", future=text.lower().startswith("later"))
    if kind == "this_year":
        return mk(pub.replace(month=1, day=1), "year", future=text.lower().startswith("later"))
    if kind == "last_year":
        return mk(dt.date(pub.year - 1, 1, 1), "year")
    if kind == "next_year":
        return mk(dt.date(pub.year + 1, 1, 1), "year", future=True)
    if kind == "same_day":
        return mk(None, "day", rel=True)
    return None
