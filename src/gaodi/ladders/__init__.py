"""Enterprise ladders (梯度培育): rungs as versioned rule sets, verdicts that explain themselves.

创新型中小企业 → 专精特新中小企业 → 专精特新“小巨人” (工信部企业〔2022〕63号 until 2026-03-31,
《优质中小企业梯度培育管理办法》工信部企业〔2026〕2号 from 2026-04-01), 制造业单项冠军,
小升规, the 千百十 revenue ladder, smart-factory levels and green factories. See docs/ladders.md.
"""

from gaodi.ladders.criteria import (
    Ladder,
    Node,
    Rung,
    assessment_date,
    ladders_in_force,
    list_ladders,
    load_ladder,
    parse_ladder,
)
from gaodi.ladders.facts import METRICS, build_facts, enterprise_facts, held_titles
from gaodi.ladders.inputs import read_inputs
from gaodi.ladders.judge import Check, RungVerdict, judge, judge_rung, lacking
from gaodi.ladders.status import (
    Candidate,
    EnterpriseLadders,
    FunnelRow,
    LadderPosition,
    candidates,
    find_rung,
    funnel,
    ladder_status,
    position,
    rules_for,
)

__all__ = [
    "METRICS", "Candidate", "assessment_date", "ladders_in_force", "rules_for", "Check", "EnterpriseLadders", "FunnelRow", "Ladder",
    "LadderPosition", "Node", "Rung", "RungVerdict", "build_facts", "candidates",
    "enterprise_facts", "find_rung", "funnel", "held_titles", "judge", "judge_rung", "lacking",
    "ladder_status", "list_ladders", "load_ladder", "parse_ladder", "position", "read_inputs",
]
