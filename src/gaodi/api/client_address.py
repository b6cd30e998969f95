"""The caller's address: the peer, or what a configured reverse proxy says in X-Forwarded-For.

``X-Forwarded-For`` is only believed when the request comes from one of the trusted proxies
(``GAODI_API_TRUSTED_PROXIES``); otherwise anyone could pick a fresh address for every login guess.
The header is read from the right: each trusted proxy appends the address it received from, so the
first address from the right that is not a trusted proxy is the client.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from gaodi.api.settings import Network


def client_address(peer: str | None, forwarded_for: str | None, proxies: Sequence[Network]) -> str:
    """The client's address given the peer address and the X-Forwarded-For header, if any."""
    peer = peer or "unknown"
    if not forwarded_for or not _trusted(peer, proxies):
        return peer
    address = peer
    for hop in reversed([h.strip() for h in forwarded_for.split(",")]):
        try:
            ipaddress.ip_address(hop)
        except ValueError:
            return address  # a malformed hop: stop at the last address a trusted proxy vouched for
        address = hop
        if not _trusted(hop, proxies):
            return hop
    return address


def _trusted(address: str, proxies: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in net for net in proxies)
