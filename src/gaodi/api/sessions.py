"""One connection per server thread, all to the one database the server holds open.

A DuckDB connection must not be used by two threads at once, but cursors of one database run
side by side (reads in parallel, writes under DuckDB's own transactions). Each request borrows a
workspace on its own cursor from a pool and gives it back when done, so a long computation never
blocks the other requests (FastAPI may run a request's dependencies and handler on different
threads, hence per request, not per thread).
"""

from __future__ import annotations

import threading

from gaodi.core import Gaodi


class WorkspacePool:
    """Lends each request a ``Gaodi`` over its own cursor of the server's workspace."""

    def __init__(self, gaodi: Gaodi) -> None:
        self.root = gaodi
        self._idle: list[Gaodi] = []
        self._lock = threading.Lock()

    def acquire(self) -> Gaodi:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return self.root.on_own_connection()

    def release(self, g: Gaodi) -> None:
        with self._lock:
            self._idle.append(g)
