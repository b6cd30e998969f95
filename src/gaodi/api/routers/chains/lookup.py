"""What every chain route needs first: the analysis, the period asked or the default, the caller's chains."""

from __future__ import annotations

from gaodi.access.scope import Scope
from gaodi.chains import ChainAnalysis
from gaodi.errors import ForbiddenError
from gaodi.serialize import to_jsonable


def analysis(g) -> ChainAnalysis:
    return g.chains.analysis()


def years(g, cache) -> list[str]:
    return cache.get(("chain-years",), g.chains.periods)


def period_or_default(g, cache, period: str | None) -> str | None:
    if period:
        return period
    listed = years(g, cache)
    return listed[0] if listed else None


def visible(chain_id: str, scope: Scope) -> bool:
    return scope.kind != "chain" or chain_id in scope.values


def chain_row(g, cache, scope: Scope, chain_id: str) -> dict:
    """The chain's row; NotFoundError when unknown, ForbiddenError outside a chain office's chains."""
    found = cache.get(("chain", chain_id), lambda: to_jsonable(analysis(g).chain(chain_id).to_dict()))
    if not visible(chain_id, scope):
        raise ForbiddenError(f"产业链 {chain_id} 不在您的数据范围（{scope.describe()}）内",
                             f"chain {chain_id} is outside your scope ({scope.kind})",
                             fix="如需查看，请联系上级部门授权", details={"scope": scope.as_dict()})
    return found


def need_period(g, period: str | None) -> str:
    return g.chains.require_period(period)


def place_names(g, codes) -> dict[str, str]:
    return g.chains.place_names(codes)
