import datetime as dt

import pytest

from tacitus.dates import find_dates

PUB = dt.date(2021, 5, 15)  # a Saturday


@pytest.mark.parametrize("text,expected,precision", [
    ("In a telephone call on Monday, the two spoke.", dt.date(2021, 5, 10), "day"),
    ("On Saturday the minister left.", dt.date(2021, 5, 15), "day"),  # publication day itself
    ("In the Wednesday phone call, he said.", dt.date(2021, 5, 12), "day"),
    ("Last week on Monday night, he called.", dt.date(2021, 5, 10), "day"),
    ("Last Saturday they met.", dt.date(2021, 5, 8), "day"),  # strictly before publication
    ("Yesterday the ministers met.", dt.date(2021, 5, 14), "day"),
    ("They met on March 3.", dt.date(2021, 3, 3), "day"),
    ("They met on 3 March 2019.", dt.date(2019, 3, 3), "day"),
    ("They met on December 30.", dt.date(2020, 12, 30), "day"),  # would be after publication: last year
    ("Washington withdrew in May 2018.", dt.date(2018, 5, 1), "month"),
    ("The deal was reached in 2015.", dt.date(2015, 1, 1), "year"),
    ("Talks resumed last week.", dt.date(2021, 5, 8), "week"),
    ("He will visit next Monday.", dt.date(2021, 5, 17), "day"),
    ("The leaders met last October.", dt.date(2020, 10, 1), "month"),  # the latest October before publication
    ("They met last May.", dt.date(2020, 5, 1), "month"),  # publication month itself: a year before
    ("The summit is due next March.", dt.date(2022, 3, 1), "month"),
    ("Talks resume this July.", dt.date(2021, 7, 1), "month"),
    ("The accord was signed in February last year.", dt.date(2020, 2, 1), "month"),  # not this February
    ("The summit will be held in September of next year.", dt.date(2022, 9, 1), "month"),
    ("Troops were sent in January this year.", dt.date(2021, 1, 1), "month"),
    ("The troops will leave in two days.", dt.date(2021, 5, 17), "day"),
    ("The envoys meet again in three weeks' time.", dt.date(2021, 6, 5), "week"),
])
def test_resolution(text: str, expected: dt.date, precision: str) -> None:
    found = find_dates(text, PUB)
    assert found, text
    assert (found[0].date, found[0].precision) == (expected, precision)


def test_future_flags_and_relative_to_previous() -> None:
    assert find_dates("He will travel tomorrow.", PUB)[0].future
    rel = find_dates("A few hours earlier, Zarif had spoken with Ankara.", PUB)[0]
    assert rel.relative_to_previous and rel.date is None
    rel = find_dates("Beijing hit back within hours, announcing sanctions.", PUB)[0]
    assert rel.relative_to_previous and rel.days_after_previous == 0


def test_no_publication_date_leaves_relative_dates_unresolved() -> None:
    assert find_dates("They spoke on Monday.", None)[0].date is None
    assert find_dates("They spoke on 3 March 2019.", None)[0].date == dt.date(2019, 3, 3)


def test_may_the_modal_is_not_a_date() -> None:
    assert find_dates("Iran may respond if talks fail, and it may do so soon.", PUB) == []
    [d] = find_dates("Iran may respond in May if talks fail.", PUB)  # the month, capitalised after "in"
    assert (d.text, d.precision, d.date.month) == ("in May", "month", 5)


@pytest.mark.parametrize("text,days", [
    ("The envoy arrived three days later, officials said.", 3),
    ("The ministers had spoken two days earlier.", -2),
    ("He flew home the next day.", 1),
    ("They had met the day before.", -1),
])
def test_days_counted_from_the_previous_event(text: str, days: int) -> None:
    [d] = find_dates(text, PUB)
    assert d.relative_to_previous and d.date is None and d.days_after_previous == days


def test_days_after_a_named_event_are_not_counted_from_the_previous_one() -> None:
    assert find_dates("He left a day after meeting the king.", PUB) == []
    assert find_dates("It came two days later than planned.", PUB) == []


def test_that_year_is_the_year_told_before() -> None:
    got = [(d.text, d.date, d.precision) for d in find_dates(
        "Relations collapsed in 2016; in March of that year both sides recalled their envoys.", dt.date(2024, 2, 1))]
    assert got == [("in 2016", dt.date(2016, 1, 1), "year"), ("in March of that year", dt.date(2016, 3, 1), "month")]
    assert [(d.date, d.precision) for d in find_dates("Later that year they met again.", dt.date(2024, 2, 1), 2019)] \
        == [(dt.date(2019, 1, 1), "year")]
    assert find_dates("Later that year they met again.", dt.date(2024, 2, 1)) == []


def test_a_span_of_days_is_no_date_and_a_plan_reads_a_yearless_day_ahead() -> None:
    assert find_dates("Dozens were killed in two days of fighting.", PUB) == []
    [dec] = find_dates("They will hold elections on December 30.", PUB)
    assert (dec.date, dec.ahead) == (dt.date(2020, 12, 30), dt.date(2021, 12, 30))
    [sep] = find_dates("Troops will be out by September.", PUB)
    assert (sep.date, sep.ahead) == (dt.date(2020, 9, 1), dt.date(2021, 9, 1))
