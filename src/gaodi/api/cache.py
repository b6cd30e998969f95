"""Results that change only when the data does (the cockpit, the monitor, the policy match).

Entries are kept per data version (:meth:`gaodi.core.Gaodi.data_version`): the last import id, the
number of saved plans and of loaded policy rule sets. Any import,
successful or not, moves it, and every entry of an older version is dropped. Two requests asking
for the same missing entry compute it once: the second waits for the first.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from fastapi.responses import Response

from gaodi.serialize import to_jsonable

MAX_ENTRIES = 256


class ResultCache:
    def __init__(self) -> None:
        self._version: tuple | None = None
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._computing: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, version: tuple, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The value of ``key`` for the data version ``version``, computing it when missing."""
        full = (version, key)
        with self._lock:
            if version != self._version:
                self._entries.clear()
                self._version = version
            if full in self._entries:
                self._entries.move_to_end(full)
                return self._entries[full]
            gate = self._computing.setdefault(full, threading.Lock())
        with gate:
            with self._lock:
                if full in self._entries:
                    return self._entries[full]
            value = compute()
            with self._lock:
                self._entries[full] = value
                self._computing.pop(full, None)
                while len(self._entries) > MAX_ENTRIES:
                    self._entries.popitem(last=False)
        return value


@dataclass
class RequestCache:
    """The server's cache seen from one request (the data version is read once per request)."""

    cache: ResultCache
    data_version: Callable[[], tuple]
    _version: tuple | None = None

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if self._version is None:
            self._version = self.data_version()
        return self.cache.get(self._version, key, compute)

    def response(self, key: Hashable, compute: Callable[[], Any]) -> Response:
        """A JSON response whose encoded body is cached: repeated reads cost no encoding at all."""
        body = self.get(("json", key), lambda: json.dumps(to_jsonable(compute()), ensure_ascii=False,
                                                          allow_nan=False).encode("utf-8"))
        return Response(body, media_type="application/json")
