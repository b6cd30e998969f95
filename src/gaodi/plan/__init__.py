"""Plans as data: the models, the built-in plans, and reading plan documents.

    from gaodi.plan import load_builtin_plan, read_plan_document
    plan = load_builtin_plan("hunan_15th_manufacturing_2026")   # 湘政发〔2026〕6号
    reading = read_plan_document("my_city_plan.docx")          # reading.plan, reading.unread
"""

from gaodi.plan.document import PlanReading, read_plan_document
from gaodi.plan.model import CountTarget, Footnote, Indicator, Plan, SectorTarget, Target
from gaodi.plan.records import plan_to_records
from gaodi.plan.unread import UnreadItem
from gaodi.plan.yaml_io import (
    builtin_plan_names,
    load_builtin_plan,
    load_plan_yaml,
    plan_from_yaml,
    plan_to_yaml,
)

__all__ = [
    "CountTarget", "Footnote", "Indicator", "Plan", "PlanReading", "SectorTarget", "Target",
    "UnreadItem", "builtin_plan_names", "load_builtin_plan", "load_plan_yaml", "plan_from_yaml",
    "plan_to_records", "plan_to_yaml", "read_plan_document",
]
