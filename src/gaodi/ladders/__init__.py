"""Enterprise ladders (梯度培育): rungs as versioned rule sets, verdicts that explain themselves.

创新型中小企业 → 专精特新中小企业 → 专精特新“小巨人” (工信部企业〔2022〕63号), 制造业单项冠军,
小升规, the 千百十 revenue ladder, smart-factory levels and green factories. See docs/ladders.md.
"""

from gaodi.ladders.criteria import Ladder, Node, Rung, list_ladders, load_ladder, parse_ladder
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
)

__all__ = [
    "METRICS", "Candidate", "Check", "EnterpriseLadders", "FunnelRow", "Ladder",
    "LadderPosition", "Node", "Rung", "RungVerdict", "build_facts", "candidates",
    "enterprise_facts", "find_rung", "funnel", "held_titles", "judge", "judge_rung", "lacking",
    "ladder_status", "list_ladders", "load_ladder", "parse_ladder", "position", "read_inputs",
]
