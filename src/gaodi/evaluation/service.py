"""``Evaluations``: the store evaluations of one workspace (亩均效益, 五好园区, 集群竞赛, the cluster ladder).

    >>> g.evaluations.evaluate("亩均效益-规上工业", 2025)       # doctest: +SKIP
    >>> g.evaluations.movement("亩均效益-规上工业", 2024, 2025)  # doctest: +SKIP
    >>> g.evaluations.cluster_ladder(2025)                      # doctest: +SKIP

What ``gaodi evaluate enterprises|parks|clusters|movement|dynamic|cluster-ladder`` and the
``/api/evaluations`` routes call; the methods themselves are in the modules of this package.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from gaodi.access.filters import ensure_enterprise, ensure_park, restrict, scoped_enterprises, scoped_parks
from gaodi.access.scope import Scope
from gaodi.errors import DataQualityError, ForbiddenError, InputError, NotFoundError
from gaodi.evaluation.cluster_ladder import ClusterMonitor, cluster_ladder
from gaodi.evaluation.dynamic import compare_years, dynamic_management
from gaodi.evaluation.ruleset import RuleSet, list_rulesets, load_ruleset
from gaodi.evaluation.stability import StabilityReport
from gaodi.evaluation.store_data import years_with_data
from gaodi.evaluation.store_evaluation import StoreEvaluation, evaluate_store
from gaodi.evaluation.store_stability import store_stability

__all__ = ["MU_CLASS_RULES", "MU_PARK_RULES", "Evaluations"]

#: The rule sets whose classes other modules read as "the" 亩均 class of an enterprise and of a park.
MU_CLASS_RULES = "mujun_above_scale"
MU_PARK_RULES = "mujun_parks"
_MU_COLUMNS = ["uscc", "mu_class", "mu_year", "mu_rank", "mu_score", "mu_rules"]


class Evaluations:
    """The evaluations of a workspace (``g`` is a :class:`gaodi.core.Gaodi`)."""

    def __init__(self, g) -> None:
        self.g = g
        self._classes: dict[tuple, pd.DataFrame] = {}

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

    def mu_classes(self, year: int, rules: str = MU_CLASS_RULES) -> pd.DataFrame:
        """The 亩均 class of every graded subject in ``year`` under ``rules``: one row per subject with
        ``uscc`` (the subject's id), ``mu_class`` (A/B/C/D), ``mu_year``, ``mu_rank``, ``mu_score`` and
        ``mu_rules`` (the rule set's name and version). Subjects not graded (不参评) have no row; a year
        whose data cannot be graded gives an empty table, never a class.

        This is the one road from an evaluation to the class that the policy calculator, the park and
        the enterprise pages show; it is kept until the next import changes the data.
        """
        key = (rules, int(year), self.g.store.next_import_id())
        if key not in self._classes:
            if len(self._classes) > 8:
                self._classes.clear()
            self._classes[key] = self._grade(rules, int(year))
        return self._classes[key].copy()

    def _grade(self, rules: str, year: int) -> pd.DataFrame:
        if year not in self.years():
            return pd.DataFrame(columns=_MU_COLUMNS)
        try:
            evaluated = self.evaluate(rules, year)
        except DataQualityError:  # fewer than two subjects can be graded: no class for anyone
            return pd.DataFrame(columns=_MU_COLUMNS)
        named = f"{evaluated.ruleset['name']} {evaluated.ruleset.get('version') or ''}".strip()
        return pd.DataFrame([{"uscc": i.id, "mu_class": i.class_label, "mu_year": year, "mu_rank": i.rank,
                              "mu_score": i.total, "mu_rules": named} for i in evaluated.graded],
                            columns=_MU_COLUMNS)

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
