"""Story linking at scale: one real-world event reported many times becomes one story.

A DuckDB job, never an all-pairs loop: events are partitioned by type, status and dyad (unordered for symmetric
events), ordered by date inside each partition, and a new story starts wherever the gap to the previous report
exceeds the window their date precisions allow. That is exactly single-linkage clustering on the date line
within a partition, in O(n log n). Undated events stay stories of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

# How far apart two reports of one event may be dated, by the coarser of their date precisions (days).
WINDOW_DAYS = {"day": 2, "publication": 3, "week": 7, "month": 31, "year": 366}

_LINK_SQL = """
CREATE OR REPLACE TABLE story_members AS
WITH sides AS (
    SELECT e.event_id, e.doc_id, e.type, e.status, e.date, e.date_precision, e."symmetric",
           coalesce(s.country, s.org, '?') AS src, coalesce(t.country, t.org, '-') AS tgt
    FROM events e
    JOIN actors s ON s.event_id = e.event_id AND s.side = 'source'
    LEFT JOIN actors t ON t.event_id = e.event_id AND t.side = 'target'
), keyed AS (
    SELECT *, CASE WHEN "symmetric" THEN least(src, tgt) ELSE src END AS side_a,
              CASE WHEN "symmetric" THEN greatest(src, tgt) ELSE tgt END AS side_b,
              coalesce(w.days, 3) AS window_days
    FROM sides LEFT JOIN story_windows w ON w.precision = sides.date_precision
), ordered AS (
    SELECT *, date - lag(date) OVER p AS gap, lag(window_days) OVER p AS prev_window
    FROM keyed
    WINDOW p AS (PARTITION BY type, status, side_a, side_b ORDER BY date, event_id)
), flagged AS (
    SELECT *, CASE WHEN date IS NULL OR gap IS NULL OR gap > greatest(window_days, prev_window) THEN 1 ELSE 0 END
              AS starts
    FROM ordered
), numbered AS (
    SELECT *, sum(starts) OVER (PARTITION BY type, status, side_a, side_b ORDER BY date, event_id
                                ROWS UNBOUNDED PRECEDING) AS story_no
    FROM flagged
)
SELECT event_id, doc_id, type, status, side_a, side_b, date,
       CASE WHEN date IS NULL THEN md5('event:' || event_id)
            ELSE md5(concat_ws(':', type, status, side_a, side_b, story_no::VARCHAR)) END AS story_key
FROM numbered;

CREATE OR REPLACE TABLE stories AS
SELECT substr(story_key, 1, 16) AS story_id, any_value(type) AS type, any_value(status) AS status,
       any_value(side_a) AS side_a, any_value(side_b) AS side_b, min(date) AS first_date, max(date) AS last_date,
       count(*) AS reports, count(DISTINCT doc_id) AS documents
FROM story_members GROUP BY story_key;

CREATE OR REPLACE TABLE story_members AS
SELECT substr(story_key, 1, 16) AS story_id, event_id, doc_id FROM story_members;
"""


@dataclass(frozen=True, slots=True)
class LinkStats:
    events: int
    stories: int
    multi_report_stories: int


def link_stories(con: duckdb.DuckDBPyConnection) -> LinkStats:
    """(Re)build tables `stories` and `story_members` from the stored events, in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE story_windows (precision VARCHAR, days INTEGER)")
        con.executemany("INSERT INTO story_windows VALUES (?, ?)", list(WINDOW_DAYS.items()))
        con.execute(_LINK_SQL)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    events, stories, multi = con.execute(
        "SELECT (SELECT count(*) FROM story_members), count(*), count(*) FILTER (WHERE reports > 1) FROM stories"
    ).fetchone()  # type: ignore[misc]
    return LinkStats(int(events), int(stories), int(multi))
