"""HTTP API and dashboard: `tacitus serve --db DB` (FastAPI). Read endpoints are open; writing (storing coded
text) needs the token given at start-up. Every query is parameterised; bodies and pages are bounded."""

from __future__ import annotations

import datetime as dt
import secrets
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import __version__
from .pipeline import Coder, CoderConfig
from .records import CLAIM_CATEGORIES, EVENT_TYPES, STATUSES, Article
from .store import EventQuery, Store

MAX_BODY_BYTES = 1_000_000
MAX_PAGE_SIZE = 500
STATIC = resources.files("tacitus") / "web"


class ApiSettings(BaseModel):
    """How the server runs: the database, the write token (None: writing disabled), the coder's settings."""

    model_config = ConfigDict(extra="forbid")
    db: Path
    token: str | None = None
    coder: CoderConfig = CoderConfig(n_process=1)


class CodeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, max_length=MAX_BODY_BYTES)
    published: dt.date | None = None
    id: str | None = Field(default=None, max_length=200)
    outlet: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    store: bool = False


class Page(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[dict[str, Any]]


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


def create_app(settings: ApiSettings) -> FastAPI:
    """The application over one DuckDB file; the coder loads on the first POST /v1/code."""
    app = FastAPI(title="tacitus", version=__version__,
                  description="Evidence-backed political event data: events, stories, dyads, coding.")
    store = Store(settings.db)
    coder = Coder(settings.coder)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {"loc": [], "msg": "invalid request"}
        where = ".".join(str(p) for p in first.get("loc", []))
        return _error(422, f"{where}: {first.get('msg')}")

    @app.middleware("http")
    async def _limit_body(request: Request, call_next):  # type: ignore[no-untyped-def]
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return _error(413, f"request body over {MAX_BODY_BYTES:,} bytes")
        return await call_next(request)

    def need_token(authorization: str | None = Header(default=None)) -> None:
        if settings.token is None:
            raise HTTPException(403, "writing is disabled: start the server with --token")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not secrets.compare_digest(given, settings.token):
            raise HTTPException(401, "missing or wrong token (Authorization: Bearer TOKEN)")

    def query(country: str | None = Query(None, max_length=20, description="ISO3 or organisation code, either side"),
              actor: str | None = Query(None, max_length=200, description="text, person or code of either side"),
              person: str | None = Query(None, max_length=200),
              dyad: str | None = Query(None, pattern=r"^[A-Z_]{2,12}-[A-Z_]{2,12}$", description="e.g. IRN-QAT"),
              type: Literal[tuple(EVENT_TYPES)] | None = Query(None),  # type: ignore[valid-type]
              mode: str | None = Query(None, max_length=40),
              status: Literal[tuple(STATUSES)] | None = Query(None),  # type: ignore[valid-type]
              since: dt.date | None = Query(None), until: dt.date | None = Query(None),
              outlet: str | None = Query(None, max_length=200),
              text: str | None = Query(None, max_length=200, description="substring of the evidence sentence"),
              ) -> EventQuery:
        pair = tuple(dyad.split("-", 1)) if dyad else None
        return EventQuery(country=country, actor=actor, person=person, dyad=pair, type=type, mode=mode,  # type: ignore[arg-type]
                          status=status, since=since, until=until, outlet=outlet, text=text)

    @app.get("/v1/events", response_model=Page, summary="Events matching the filters, a page at a time")
    def list_events(q: EventQuery = Depends(query), page: int = Query(1, ge=1, le=100_000),
                    page_size: int = Query(50, ge=1, le=MAX_PAGE_SIZE)) -> Page:
        paged = _with_page(q, page, page_size)
        items = [e.to_dict() for e in store.events(paged)]
        return Page(total=store.count(q), page=page, page_size=page_size, items=items)

    @app.get("/v1/events/{event_id}", summary="One event with its evidence and the article it came from")
    def get_event(event_id: str) -> dict[str, Any]:
        found = list(store.events(EventQuery(event_id=event_id[:64])))
        if not found:
            raise HTTPException(404, f"no event '{event_id[:64]}'")
        e = found[0]
        art = store.document(e.doc_id)
        story = store.con.cursor().execute(
            "SELECT story_id FROM story_members WHERE event_id = ?", [e.event_id]).fetchone() \
            if _has_table(store, "story_members") else None
        return {"event": e.to_dict(), "story_id": story[0] if story else None,
                "article": None if art is None else {"doc_id": art.doc_id, "text": art.text, "title": art.title,
                                                     "outlet": art.outlet, "url": art.url,
                                                     "published": art.published.isoformat() if art.published else None},
                "evidence_text": [art.text[a:b] for a, b in e.evidence] if art else []}

    @app.get("/v1/claims", summary="Numeric claims (killed, wounded, arrested, displaced, rockets, troops, aid)")
    def list_claims(category: Literal[tuple(CLAIM_CATEGORIES)] | None = Query(None),  # type: ignore[valid-type]
                    country: str | None = Query(None, max_length=20, description="who claims it: ISO3 or org code"),
                    doc: str | None = Query(None, max_length=200), limit: int = Query(100, ge=1, le=MAX_PAGE_SIZE),
                    ) -> dict[str, Any]:
        if not _has_table(store, "claims"):
            return {"items": []}
        return {"items": [c.to_dict() for c in store.claims(doc, category, country, limit)]}

    @app.get("/v1/quotes", summary="Direct quotes and who said them")
    def list_quotes(country: str | None = Query(None, max_length=20, description="the speaker's ISO3 or org code"),
                    doc: str | None = Query(None, max_length=200), limit: int = Query(100, ge=1, le=MAX_PAGE_SIZE),
                    ) -> dict[str, Any]:
        if not _has_table(store, "quotes"):
            return {"items": []}
        return {"items": [q.to_dict() for q in store.quotes(doc, country, limit)]}

    @app.get("/v1/stories", response_model=Page, summary="Stories (one real event, many reports), most reported first")
    def list_stories(min_reports: int = Query(1, ge=1, le=10_000), page: int = Query(1, ge=1, le=100_000),
                     page_size: int = Query(50, ge=1, le=MAX_PAGE_SIZE)) -> Page:
        if not _has_table(store, "stories"):
            return Page(total=0, page=page, page_size=page_size, items=[])
        cur = store.con.cursor()
        total = cur.execute("SELECT count(*) FROM stories WHERE reports >= ?", [min_reports]).fetchone()[0]  # type: ignore[index]
        rows = cur.execute("SELECT * FROM stories WHERE reports >= ? ORDER BY reports DESC, first_date, story_id "
                           "LIMIT ? OFFSET ?", [min_reports, page_size, (page - 1) * page_size])
        cols = [d[0] for d in rows.description]  # type: ignore[union-attr]
        items = [{k: (v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v) for k, v in zip(cols, r)}
                 for r in rows.fetchall()]
        return Page(total=int(total), page=page, page_size=page_size, items=items)

    @app.get("/v1/dyads", summary="Dated events with a target, counted per dyad, month and type (for plots)")
    def dyads(q: EventQuery = Depends(query), limit: int = Query(1000, ge=1, le=10_000)) -> dict[str, Any]:
        where, params = q.where()
        sql = ("SELECT least(coalesce(source_country, source_org), coalesce(target_country, target_org, '-')) AS a, "
               "greatest(coalesce(source_country, source_org), coalesce(target_country, target_org, '-')) AS b, "
               "strftime(date, '%Y-%m') AS month, type, count(*) AS n "
               "FROM events_flat f LEFT JOIN documents d ON d.doc_id = f.doc_id" + where
               + (" AND " if where else " WHERE ") + "target_text IS NOT NULL AND date IS NOT NULL "
               "GROUP BY ALL ORDER BY n DESC, a, b, month LIMIT ?")
        rows = store.con.cursor().execute(sql, [*params, limit]).fetchall()
        return {"items": [{"a": r[0], "b": r[1], "month": r[2], "type": r[3], "count": int(r[4])} for r in rows]}

    @app.get("/v1/timeline", summary="Event counts per week and type")
    def timeline(q: EventQuery = Depends(query)) -> dict[str, Any]:
        where, params = q.where()
        sql = ("SELECT strftime(date_trunc('week', date), '%Y-%m-%d') AS week, type, count(*) FROM events_flat f "
               "LEFT JOIN documents d ON d.doc_id = f.doc_id" + where + (" AND " if where else " WHERE ")
               + "date IS NOT NULL GROUP BY ALL ORDER BY week, type")
        rows = store.con.cursor().execute(sql, params).fetchall()
        return {"items": [{"week": r[0], "type": r[1], "count": int(r[2])} for r in rows]}

    @app.post("/v1/code", summary="Code a text; store it too when asked (needs the token)")
    def code(req: CodeRequest, authorization: str | None = Header(default=None)) -> dict[str, Any]:
        if req.store:
            need_token(authorization)
        art = Article(doc_id=req.id or f"api-{abs(hash(req.text)) % 10**12}", text=req.text, published=req.published,
                      outlet=req.outlet, title=req.title, source_file="api")
        result = next(coder.code_batch([art]))
        if req.store:
            store.write([result])
        return {"doc_id": art.doc_id, "stored": req.store, "events": [e.to_dict() for e in result.events],
                "claims": [c.to_dict() for c in result.claims], "quotes": [q.to_dict() for q in result.quotes]}

    @app.get("/", include_in_schema=False)
    def dashboard() -> HTMLResponse:
        return HTMLResponse((STATIC / "index.html").read_text(encoding="utf-8"))

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        if name not in {"app.js", "style.css"}:
            raise HTTPException(404, f"no file '{name}'")
        return FileResponse(str(STATIC / name))

    return app


def _with_page(q: EventQuery, page: int, page_size: int) -> EventQuery:
    from dataclasses import replace

    return replace(q, limit=page_size, offset=(page - 1) * page_size)


def _has_table(store: Store, name: str) -> bool:
    return bool(store.con.cursor().execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchone()[0])  # type: ignore[index]
