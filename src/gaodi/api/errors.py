"""The one JSON error shape: every error, ours or the framework's, leaves as ``GaodiError.as_dict()``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from gaodi.errors import GaodiError, InputError, Location, NotFoundError

log = logging.getLogger("gaodi.api")


def error_response(exc: GaodiError) -> JSONResponse:
    headers = {}
    if exc.http_status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    if "retry_after" in exc.details:
        headers["Retry-After"] = str(exc.details["retry_after"])
    return JSONResponse(exc.as_dict(), status_code=exc.http_status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(GaodiError)
    async def gaodi_error(_: Request, exc: GaodiError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"path": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()]
        first = problems[0]["path"] if problems else None
        return error_response(InputError(
            "请求参数有误：" + "；".join(f"{p['path']}：{p['message']}" for p in problems),
            "invalid request: " + "; ".join(f"{p['path']}: {p['message']}" for p in problems),
            fix="按 /api/docs 中的说明改正参数", location=Location(column=first),
            details={"problems": problems}))

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        if isinstance(getattr(exc, "error", None), GaodiError):  # e.g. a body over its limit (api.limits)
            return error_response(exc.error)
        if exc.status_code == 404:
            return error_response(NotFoundError("没有这个地址", "no such address", fix="查看 /api/docs"))
        err = GaodiError(str(exc.detail), str(exc.detail), code=f"http_{exc.status_code}",
                         http_status=exc.status_code)
        return error_response(err)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error", exc_info=exc)
        return error_response(GaodiError("服务器内部错误", "internal server error",
                                         fix="请稍后重试；若持续出现请联系管理员并提供时间"))
