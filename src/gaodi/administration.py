"""``Users`` and ``AuditLog``: the accounts and the audit trail of one workspace (``g.users``, ``g.audit``).

The rules (roles, scopes, password hashing) are :mod:`gaodi.access`'s; the rows are the store's.
"""

from __future__ import annotations

from typing import Any

from gaodi.access.scope_names import named_scope
from gaodi.access import accounts
from gaodi.access.accounts import DEFAULT_CHECKS, DemoLogin, User, create_demo_users, create_user
from gaodi.access.passwords import PasswordChecks
from gaodi.access.tokens import TokenClaims
from gaodi.store import audit
from gaodi.store import users as user_store

__all__ = ["AuditLog", "Users"]


class Users:
    """The accounts of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    def add(self, username: str, password: str, role: str, scope: str | None = None,
            display_name: str | None = None) -> User:
        """Create an account (the password is stored as an argon2 hash)."""
        return create_user(self.g.store, username, password, role, scope, display_name)

    def list(self) -> list[dict[str, Any]]:
        """Every account, without its password hash."""
        return user_store.list_users(self.g.store)

    def get(self, username: str) -> dict[str, Any]:
        """One account as listed (NotFoundError when there is none), without its password hash."""
        record = user_store.get_user(self.g.store, username)
        return {k: v for k, v in record.items() if k not in ("password_hash", "token_version")}

    def log_in(self, username: str, password: str, *, production: bool = False,
               checks: PasswordChecks = DEFAULT_CHECKS) -> User:
        """The account when the password matches and it may log in here (one password check, always)."""
        return accounts.authenticate(self.g.store, username, password, production=production, checks=checks)

    def from_token(self, claims: TokenClaims, *, production: bool = False) -> User:
        """The account a token names, when it is active and the token has not been revoked."""
        return accounts.load_user(self.g.store, claims, production=production)

    def change_password(self, username: str, current: str, new: str, *,
                        checks: PasswordChecks = DEFAULT_CHECKS) -> User:
        """The owner changes their password, giving the current one; older tokens stop working."""
        return accounts.change_password(self.g.store, username, current, new, checks=checks)

    def public(self, user) -> dict[str, Any]:
        """An account as its owner reads it: role and scope named (园区 开福经济技术开发区, not 园区 P001)."""
        return {**user.as_dict(), "scope": named_scope(self.g.store, user.scope)}

    def scope_label(self, scope) -> str:
        """A scope's label with the names of its values."""
        return named_scope(self.g.store, scope)["label"]

    def demo(self) -> list[DemoLogin]:
        """One demo account per role, with its password (for the demo workspace only)."""
        return create_demo_users(self.g.store)

    def set_active(self, username: str, active: bool, *, by: str | None = None) -> dict[str, Any]:
        """Disable an account (its tokens stop working at once) or enable it again."""
        return accounts.set_active(self.g.store, username, active, by=by)

    def reset_password(self, username: str, password: str, *, must_change: bool = True) -> dict[str, Any]:
        """Set a new password; old tokens stop working; by default the owner must change it at next login."""
        return accounts.reset_password(self.g.store, username, password, must_change=must_change)

    def revoke(self, username: str) -> dict[str, Any]:
        """Revoke every token issued to the account (its token version moves on)."""
        return accounts.revoke_tokens(self.g.store, username)


class AuditLog:
    """The audit trail of a workspace: every write and every read of confidential data."""

    def __init__(self, g) -> None:
        self.g = g

    def record(self, username: str | None, action: str, resource: str | None = None, detail: str | None = None,
               client: str | None = None) -> None:
        audit.record(self.g.store, username, action, resource, detail, client)

    def entries(self, *, username: str | None = None, action: str | None = None, limit: int = 100,
                offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """The total matching and one page of entries, newest first."""
        return audit.entries(self.g.store, username=username, action=action, limit=limit, offset=offset)
