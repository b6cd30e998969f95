"""``Evaluations``: the store evaluations of one workspace (亩均效益, 五好园区, 集群竞赛, the cluster ladder).

    >>> g.evaluations.evaluate("亩均效益-规上工业", 2025)       # doctest: +SKIP
    >>> g.evaluations.movement("亩均效益-规上工业", 2024, 2025)  # doctest: +SKIP
    >>> g.evaluations.cluster_ladder(2025)                      # doctest: +SKIP

What ``gaodi evaluate enterprises|parks|clusters|movement|dynamic|cluster-ladder`` and the
``/api/evaluations`` routes call; the methods themselves are in the modules of this package.
"""

from __future__ import annotations

from collections.abc import Sequence

from gaodi.access.filters import ensure_enterprise, ensure_park, restrict, scoped_enterprises, scoped_parks
from gaodi.access.scope import Scope
from gaodi.errors import ForbiddenError, InputError, NotFoundError
from gaodi.evaluation.cluster_ladder import ClusterMonitor, cluster_ladder
from gaodi.evaluation.dynamic import compare_years, dynamic_management
from gaodi.evaluation.ruleset import RuleSet, list_rulesets, load_ruleset
from gaodi.evaluation.stability import StabilityReport
from gaodi.evaluation.store_data import years_with_data
from gaodi.evaluation.store_evaluation import StoreEvaluation, evaluate_store
from gaodi.evaluation.store_stability import store_stability

__all__ = ["Evaluations"]


class Evaluations:
    """The evaluations of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g

    def rulesets(self) -> list[RuleSet]:
        """The rule sets shipped with gaodi."""
        return list_rulesets()

    def ruleset(self, rules: str | RuleSet) -> RuleSet:
        """A rule set by name, file stem or YAML path (a RuleSet is returned as it is)."""
        return rules if isinstance(rules, RuleSet) else load_ruleset(rules)

    def years(self) -> list[int]:
        """The years with annual statistics, ascending."""
        return years_with_data(self.g.store)

    def ids_in_scope(self, scope: Scope, subject: str) -> frozenset[str] | None:
        """The ids of the enterprises, parks or clusters (``subject``) a scope reaches; None: every one.

        An enterprise is in scope by ``scoped_enterprises``, a park by ``scoped_parks``, a cluster when one
        of its member enterprises is."""
        if scope.is_province:
            return None
        store = self.g.store
        if subject == "enterprises":
            expr = scoped_enterprises(store, scope).select(id="uscc")
        elif subject == "parks":
            expr = scoped_parks(store, scope).select(id="park_id")
        else:
            expr = restrict(store.table("cluster_members"), store, scope).select(id="cluster_id").distinct()
        return frozenset(store.execute(expr)["id"].astype(str))

    def check_subject(self, scope: Scope, subject: str, alt_id: str) -> None:
        """NotFoundError for an unknown enterprise, park or cluster, ForbiddenError for one outside the scope."""
        if subject == "enterprises":
            ensure_enterprise(self.g.store, scope, alt_id)
            return
        if subject == "parks":
            ensure_park(self.g.store, scope, alt_id)
            return
        clusters = self.g.store.table("clusters")
        if not self.g.store.execute(clusters.filter(clusters.cluster_id == alt_id).count()):
            raise NotFoundError(f"没有代码为 {alt_id} 的集群", f"no cluster {alt_id}", fix="在集群梯队中查找")
        inside = self.ids_in_scope(scope, subject)
        if inside is not None and alt_id not in inside:
            raise ForbiddenError(f"集群 {alt_id} 不在您的数据范围（{scope.describe()}）内",
                                 f"cluster {alt_id} is outside your scope ({scope.kind})",
                                 fix="如需查看，请联系上级部门授权", details={"scope": scope.as_dict()})

    def evaluate(self, rules: str | RuleSet, year: int | None = None, *, subject: str | None = None,
                 **options) -> StoreEvaluation:
        """Evaluate the rule set's enterprises, parks or clusters in ``year`` (default the rule set's,
        else the latest); ``subject`` refuses a rule set about another kind of subject."""
        ruleset = self.ruleset(rules)
        if subject is not None and ruleset.subject != subject:
            raise InputError(
                f"规则 {ruleset.name} 评价的是 {ruleset.subject}，不是 {subject}。",
                f"Rule set {ruleset.name} evaluates {ruleset.subject}, not {subject}.",
                fix=f"改用 gaodi evaluate {ruleset.subject} --rules {ruleset.name}。",
            )
        return evaluate_store(self.g.store, ruleset, year, **options)

    def stability(self, rules: str | RuleSet, variants: Sequence[str], year: int | None = None,
                  top: int = 5) -> StabilityReport:
        """How stable the ranking is to the method and the weights (see store_stability)."""
        return store_stability(self.g.store, self.ruleset(rules), variants, year, top=top)

    def movement(self, rules: str | RuleSet, before: int, after: int) -> list:
        """Class movement of every alternative between two years."""
        ruleset = self.ruleset(rules)
        return compare_years(self.evaluate(ruleset, before), self.evaluate(ruleset, after))

    def dynamic(self, rules: str | RuleSet, years: Sequence[int]) -> list:
        """Dynamic management over the years: warnings, loss of status, rank up or down."""
        ruleset = self.ruleset(rules)
        if ruleset.dynamic is None:
            raise InputError(f"规则 {ruleset.name} 没有 dynamic（动态管理）设置。",
                             f"Rule set {ruleset.name} has no dynamic rules.",
                             fix="在规则文件中加入 dynamic: {warning_bottom: 5, loss_bottom: 5}。")
        return dynamic_management([self.evaluate(ruleset, int(y)) for y in years], ruleset.dynamic)

    def cluster_ladder(self, year: int | None = None) -> tuple[int, list[ClusterMonitor]]:
        """The year (default the latest with data) and the monitoring table of every cluster."""
        year = year or self.years()[-1]
        return year, cluster_ladder(self.g.store, year)
