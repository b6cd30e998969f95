"""The REST API (FastAPI) over the core: ``create_app(gaodi, settings)``.

| module | holds |
| --- | --- |
| ``app`` | the app factory: routers, error handlers, the store lock, the web UI's static files |
| ``settings`` | ``ApiSettings``: secret, production mode, token lifetime, login limits, trusted proxies |
| ``client_address`` | the caller's address, believing X-Forwarded-For only from trusted proxies |
| ``security_headers`` | CSP, X-Frame-Options, nosniff and Referrer-Policy on every response |
| ``docs_page`` | ``/api/docs`` from Swagger UI files shipped in a Python package, never a CDN |
| ``deps`` | the dependencies as ``Annotated`` aliases (``CurrentUser``, ``UserScope``, ``Paging`` …) |
| ``errors`` | the one JSON error shape for every error |
| ``listing`` | lists as pages, CSV or Excel |
| ``cache`` | results that only change when the data does |
| ``schemas`` | request and response schemas, named by role |
| ``routers/`` | one module per capability |
"""

from gaodi.api.app import create_app
from gaodi.api.settings import ApiSettings

__all__ = ["ApiSettings", "create_app"]
