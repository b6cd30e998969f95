"""``EnterpriseServices``: the policy calculator and the problem desk of one workspace, together.

The two capabilities live in their own packages and are reached from the core as ``Gaodi.policies``
(:class:`gaodi.policies.calculator.PolicyCalculator`) and ``Gaodi.problems``
(:class:`gaodi.problems.service.ProblemService`). This class joins them for callers that want both
on one object with one clock (the demo's year of problems, older scripts).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gaodi.policies.calculator import EnterprisePolicies, PolicyCalculator, PolicyEnterprises, policy_info
from gaodi.problems.service import IntakeOutcome, ProblemService

__all__ = ["EnterprisePolicies", "EnterpriseServices", "IntakeOutcome", "PolicyEnterprises", "policy_info"]


class EnterpriseServices(PolicyCalculator, ProblemService):
    """The policy calculator and the problem desk of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g, clock: Callable[[], dt.datetime] | None = None) -> None:
        PolicyCalculator.__init__(self, g)
        ProblemService.__init__(self, g, clock)
