"""Every /api route declares its answer, so /api/openapi.json describes every answer.

A JSON route names a pydantic response model (``XPublic``, ``XList`` in ``gaodi.api.responses``); a file
download names its media types in ``responses``. Routes hidden from the OpenAPI document are a closed list.
"""

from __future__ import annotations

import typing

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.routing import iter_route_contexts
from pydantic import BaseModel

HIDDEN = {"/api/{rest:path}", "/api/docs", "/api/docs/assets/{name}", "/api/cli/run", "/api/openapi.json"}
"""Routes left out of the OpenAPI document: the unknown-endpoint 404, the docs page and its assets, the
loopback CLI bridge (docs/server-and-cli.md) and the document itself."""

FIX = ("declare response_model=XPublic (or XList, a ListPublic[...] subclass) with a pydantic model in "
       "src/gaodi/api/responses/; a file download instead declares responses={200: {'content': {media type: {}}}}")


def _is_model(annotation) -> bool:
    """A pydantic model, or a list of one (``list[XPublic]``)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation) or (None,)
        return isinstance(item, type) and issubclass(item, BaseModel)
    return False


def _declares_a_file(route) -> bool:
    content = ((route.responses or {}).get(200) or {}).get("content") or {}
    return any(not media.endswith("json") for media in content)


def undeclared_answers(app: FastAPI) -> list[str]:
    """The /api routes whose answer the OpenAPI document would not describe, each with how to fix it."""
    found = []
    for route in iter_route_contexts(app.routes):
        path, methods = route.path, sorted(getattr(route, "methods", None) or [])
        if not path or not path.startswith("/api") or not methods:
            continue
        name = f"{'/'.join(methods)} {path}"
        if not getattr(route, "include_in_schema", True):
            if path not in HIDDEN:
                found.append(f"{name}: hidden from /api/openapi.json; show it (include_in_schema) and {FIX}")
            continue
        model = getattr(route, "response_model", None)
        if model is None and _declares_a_file(route):
            continue
        if not _is_model(model):
            found.append(f"{name} ({route.endpoint.__module__}.{route.endpoint.__name__}): response model is "
                         f"{getattr(model, '__name__', model)!s}; {FIX}")
    return found


def test_every_api_route_declares_a_response_model_or_its_file_type(client):
    assert undeclared_answers(client.app) == []


def test_the_walk_names_a_route_without_a_model_and_says_how_to_fix_it():
    app = FastAPI()

    @app.get("/api/untyped")
    def untyped() -> dict:
        return {}

    @app.get("/api/file", response_class=FileResponse)
    def download():
        return None

    @app.get("/api/secret", include_in_schema=False)
    def hidden() -> None:
        return None

    found = undeclared_answers(app)
    assert len(found) == 3
    assert found[0].startswith("GET /api/untyped") and "response_model=XPublic" in found[0]
    assert found[1].startswith("GET /api/file") and "media type" in found[1]
    assert found[2].startswith("GET /api/secret: hidden")


def test_the_openapi_document_describes_every_successful_answer(client):
    """Each operation's success response has content: a schema (JSON) or the file's media types."""
    document = client.get("/api/openapi.json").json()
    bare = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            ok = next((r for code, r in operation["responses"].items() if code.startswith("2")), {})
            content = ok.get("content") or {}
            json_schema = (content.get("application/json") or {}).get("schema")
            if not (json_schema and (json_schema.get("$ref") or json_schema.get("items") or json_schema.get("properties"))
                    or any(not m.endswith("json") for m in content)):
                bare.append(f"{method.upper()} {path}")
    assert bare == []
    report = document["paths"]["/api/reports/files/{report_id}"]["get"]["responses"]["200"]["content"]
    assert "application/pdf" in report and "application/vnd.openxmlformats-officedocument.wordprocessingml.document" in report
    listed = document["paths"]["/api/enterprises"]["get"]["responses"]["200"]["content"]
    assert {"application/json", "text/csv"} <= set(listed)
