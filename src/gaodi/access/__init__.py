"""Access control: who may see which data.

| module | holds |
| --- | --- |
| ``scope`` | the :class:`Scope` value object (province, city, park, chain, enterprise) |
| ``roles`` | the roles, the scope each takes and what each may do |
| ``filters`` | Ibis filters of enterprise-keyed tables by scope; single-record checks raising ForbiddenError |
| ``passwords`` | argon2 password hashing |
| ``tokens`` | signed access tokens (JWT, HS256) |
| ``rate_limit`` | the login attempt limiter |
| ``accounts`` | creating accounts, logging in, the demo accounts |
"""

from gaodi.access.scope import PROVINCE, Scope

__all__ = ["PROVINCE", "Scope"]
