"""Enterprise problems (企业诉求, 送解优): intake, the closed loop, history, overdue warnings, statistics.

The loop and its rules are the core's (``gaodi.problems.states``, through ``Gaodi.problems``): an
action not allowed in the problem's state is a ConflictError naming the allowed ones, a wrong role
a ForbiddenError, bad content an InputError; nothing is written then. Here only who acts:

- an enterprise user files problems for itself and acts as the enterprise (close with a rating,
  reopen, withdraw);
- province, city and park staff (``handle_problem``) file for the enterprises of their scope and act
  as service staff; ``start`` and ``reply`` they record for the department handling it (承办部门);
  the time of an action is the server's clock: only a supervisor (``backdate_problem``: administrator,
  province) may date one in the past (``at``: entering a paper record), never in the future nor before
  the previous event, and the back-dating is written in the audit entry;
- chain offices read the problems of their chain's enterprises.

A problem is in a scope when its enterprise is (``scoped_enterprises``). Every write is audited, and
every read of problems (confidential enterprise data).

The routes, split by concept: ``lists`` (the list, statistics), ``intake`` (batch), ``desk`` (options,
filing, one problem, each step); the lists come first, so that ``/stats`` is not read as a problem id.
"""

from __future__ import annotations

from fastapi import APIRouter

from gaodi.api.routers.problems import desk, intake, lists
from gaodi.api.schemas import ERRORS

router = APIRouter(tags=["企业诉求 problems"], responses=ERRORS)  # each part carries the /problems prefix
for part in (lists, intake, desk):
    router.include_router(part.router)
