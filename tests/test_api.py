"""HTTP API over a store of the coded demo corpus: filters, paging, evidence, stories, dyads, coding, limits,
errors as JSON, and a property-based run of the OpenAPI schema (schemathesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tacitus.api import MAX_PAGE_SIZE, ApiSettings, create_app

pytestmark = pytest.mark.slow
TOKEN = "test-token"


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(ApiSettings(db=demo_db, token=TOKEN)))


def test_events_filter_and_page(client: TestClient) -> None:
    all_ = client.get("/v1/events", params={"page_size": 500}).json()
    assert all_["total"] == len(all_["items"]) > 50
    irn = client.get("/v1/events", params={"country": "IRN", "type": "CONSULT"}).json()
    assert irn["total"] > 0
    assert all(e["type"] == "CONSULT" and "IRN" in (e["source"]["country"], (e["target"] or {}).get("country"))
               for e in irn["items"])
    dyad = client.get("/v1/events", params={"dyad": "QAT-IRN"}).json()
    assert dyad["total"] > 0 and all({e["source"]["country"], e["target"]["country"]} == {"IRN", "QAT"}
                                     for e in dyad["items"])
    p1 = client.get("/v1/events", params={"page_size": 10, "page": 1}).json()["items"]
    p2 = client.get("/v1/events", params={"page_size": 10, "page": 2}).json()["items"]
    assert len(p1) == len(p2) == 10 and not {e["event_id"] for e in p1} & {e["event_id"] for e in p2}
    text = client.get("/v1/events", params={"text": "telephone"}).json()
    assert text["total"] > 0 and all("telephone" in e["sentence"].lower() for e in text["items"])
    person = client.get("/v1/events", params={"person": "Albusaidi"}).json()
    assert person["total"] > 0


def test_event_detail_has_evidence_inside_its_article(client: TestClient) -> None:
    e = client.get("/v1/events", params={"dyad": "IRN-OMN"}).json()["items"][0]
    got = client.get(f"/v1/events/{e['event_id']}").json()
    art = got["article"]["text"]
    assert got["evidence_text"] == [art[a:b] for a, b in got["event"]["evidence"]]
    assert got["event"]["sentence"] in art
    missing = client.get("/v1/events/nope")
    assert missing.status_code == 404 and missing.json() == {"error": "no event 'nope'"}


def test_stories_dyads_and_timeline(client: TestClient) -> None:
    stories = client.get("/v1/stories").json()
    assert stories["total"] > 0 and {"story_id", "reports", "outlets", "confidence"} <= set(stories["items"][0])
    dyads = client.get("/v1/dyads", params={"type": "CONSULT"}).json()["items"]
    assert dyads and all(d["type"] == "CONSULT" and d["count"] > 0 and len(d["month"]) == 7 for d in dyads)
    weeks = client.get("/v1/timeline").json()["items"]
    assert weeks and all(w["count"] > 0 for w in weeks)


def test_code_without_storing_and_storing_needs_the_token(client: TestClient) -> None:
    body = {"text": "Turkish President Recep Tayyip Erdogan spoke by phone with Russian President Vladimir Putin "
                    "on Monday.", "published": "2022-03-09"}
    res = client.post("/v1/code", json=body).json()
    assert res["stored"] is False and res["events"][0]["type"] == "CONSULT"
    assert res["events"][0]["date"] == "2022-03-07"
    denied = client.post("/v1/code", json={**body, "store": True})
    assert denied.status_code == 401 and "token" in denied.json()["error"]
    ok = client.post("/v1/code", json={**body, "store": True, "id": "api-test-1"},
                     headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["stored"] is True
    assert client.get("/v1/events", params={"text": "Erdogan spoke by phone"}).json()["total"] >= 1


def test_claims_and_quotes(client: TestClient) -> None:
    body = {"id": "api-claims-1", "published": "2021-05-12", "store": True,
            "text": 'Afghan officials said at least 14 people were killed in Kabul on Tuesday. '
                    '"This was an attack on our future," Afghan President Ashraf Ghani said.'}
    res = client.post("/v1/code", json=body, headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert [(c["category"], c["value"], c["qualifier"]) for c in res["claims"]] == [("killed", 14, "at least")]
    assert res["quotes"][0]["speaker"]["person"] == "Ashraf Ghani"
    claims = client.get("/v1/claims", params={"category": "killed", "doc": "api-claims-1"}).json()["items"]
    assert [c["value"] for c in claims] == [14] and claims[0]["claimant"]["country"] == "AFG"
    quotes = client.get("/v1/quotes", params={"country": "AFG", "doc": "api-claims-1"}).json()["items"]
    assert quotes and quotes[0]["text"].startswith("This was an attack")
    assert client.get("/v1/claims", params={"category": "injured"}).status_code == 422


def test_limits_and_errors_are_json(client: TestClient) -> None:
    too_big = client.get("/v1/events", params={"page_size": MAX_PAGE_SIZE + 1})
    assert too_big.status_code == 422 and "page_size" in too_big.json()["error"]
    bad_type = client.get("/v1/events", params={"type": "HUG"})
    assert bad_type.status_code == 422 and "error" in bad_type.json()
    huge = client.post("/v1/code", content=b"x" * 1_000_001, headers={"content-type": "application/json"})
    assert huge.status_code == 413 and "over" in huge.json()["error"]
    injection = client.get("/v1/events", params={"text": "x' OR '1'='1"}).json()
    assert injection["total"] == 0
    assert client.get("/openapi.json").json()["info"]["title"] == "tacitus"


def test_writing_disabled_without_a_token(demo_db: Path) -> None:
    res = TestClient(create_app(ApiSettings(db=demo_db))).post("/v1/code", json={"text": "Iran met Iraq.", "store": True})
    assert res.status_code == 403 and "--token" in res.json()["error"]


def test_openapi_schema_holds_for_generated_requests(demo_db: Path) -> None:
    """Schemathesis generates requests from the OpenAPI schema: every answer is documented, none is a 5xx."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(ApiSettings(db=demo_db)))
    ran = 0
    for result in schema.get_all_operations():
        operation = result.ok()

        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def check(case) -> None:  # type: ignore[no-untyped-def]
            if case.method.upper() == "POST":  # code without storing; generated bodies are mostly invalid
                case.body = {"text": "Iran and Qatar talked by phone on Monday.", "published": "2024-01-03"}
            response = case.call()
            assert response.status_code < 500, (case.method, case.path, case.query, response.text)
            if response.status_code < 400:
                case.validate_response(response)

        check()
        ran += 1
    assert ran >= 6
