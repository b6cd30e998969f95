"""The problems a scope reaches: a problem is in a scope when its enterprise is (``scoped_enterprises``)."""

from __future__ import annotations

from gaodi.access.scope import Scope
from gaodi.errors import ForbiddenError
from gaodi.problems.states import Problem

def all_problems(g, cache) -> list[Problem]:
    """Every problem, newest first; cached until the next event is recorded."""
    svc = g.problems
    # the calendar is part of the key: a provisional deadline moves when an official arrangement is loaded
    return cache.get(("problems", svc.repository.event_count(), id(svc.calendar)), svc.problems)


def enterprises_in_scope(g, cache, scope: Scope) -> frozenset[str] | None:
    """The USCCs a scope reaches (None: every one), once per data version."""
    if scope.is_province:
        return None
    return cache.get(("problem-scope", scope), lambda: frozenset(g.directory.enterprise_ids(scope)))


def scoped(g, cache, scope: Scope) -> list[Problem]:
    inside = enterprises_in_scope(g, cache, scope)
    return [p for p in all_problems(g, cache) if inside is None or p.uscc in inside]


def problem_in_scope(g, cache, scope: Scope, problem_id: str) -> Problem:
    """The problem (NotFoundError) if its enterprise is in the scope (ForbiddenError otherwise)."""
    problem = g.problems.problem(problem_id)
    inside = enterprises_in_scope(g, cache, scope)
    if inside is not None and problem.uscc not in inside:
        raise ForbiddenError(f"问题 {problem_id} 的企业不在您的数据范围（{scope.describe()}）内",
                             f"the enterprise of problem {problem_id} is outside your scope ({scope.kind})",
                             fix="如需查看，请联系上级部门授权", details={"scope": scope.as_dict()})
    return problem
