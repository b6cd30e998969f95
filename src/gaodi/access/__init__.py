"""Access control: who may see which data.

| module | holds |
| --- | --- |
| ``scope`` | the :class:`Scope` value object (province, city, park, chain, enterprise) |
| ``roles`` | the roles, the scope each takes and what each may do |
| ``filters`` | Ibis filters of enterprise-keyed tables by scope; single-record checks raising ForbiddenError |
| ``passwords`` | argon2 password hashing, the dummy hash, the bound on concurrent checks |
| ``signing_key`` | the workspace's random token-signing secret (a 0600 file made atomically) |
| ``tokens`` | signed access tokens (JWT, HS256) carrying the account's token version |
| ``rate_limit`` | the login limiter per (address, account) and per address, with doubling lockouts |
| ``accounts`` | creating accounts, logging in, disabling, resetting, revoking; the demo accounts |
"""

from gaodi.access.scope import PROVINCE, Scope

__all__ = ["PROVINCE", "Scope"]
