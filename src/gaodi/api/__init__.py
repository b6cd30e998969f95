"""The REST API (FastAPI) over the core: ``create_app(gaodi, settings)``.

| module | holds |
| --- | --- |
| ``app`` | the app factory: routers, error handlers, the store lock, the web UI's static files |
| ``settings`` | ``ApiSettings``: secret, production mode, token lifetime, login limits |
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
