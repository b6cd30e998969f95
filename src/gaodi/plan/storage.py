"""Save plans into the store and read them back: the whole plan as YAML, its indicators as rows."""

from __future__ import annotations

import datetime as dt
import hashlib

import pyarrow as pa

from gaodi.errors import NotFoundError
from gaodi.plan.model import Plan
from gaodi.plan.records import plan_to_records
from gaodi.plan.yaml_io import plan_from_yaml, plan_to_yaml
from gaodi.store import Store


def save_plan(store: Store, plan: Plan, source: str = "") -> str:
    """Replace the plan with the same id; return the sha256 of the saved document."""
    document = plan_to_yaml(plan)
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()
    indicators = [{
        "plan_id": r["plan_id"], "indicator_id": r["number"], "seq": i + 1, "name": r["name"],
        "unit": r["unit"], "category": r["category"], "base_value": r["base"], "base_year": r["base_year"],
        "target_op": r["target_op"], "target_value": r["target_value"], "target_low": r["target_low"],
        "target_high": r["target_high"], "cumulative": r["target_cumulative"],
        "target_year": r["target_year"], "attribute": r["attribute"], "responsible": r["responsible"],
        "note": r["base_note"]} for i, r in enumerate(plan_to_records(plan))]
    with store.transaction():
        store.delete_in("plan_indicators", "plan_id", [plan.id])
        store.delete_in("plans", "plan_id", [plan.id])
        store.insert_arrow("plans", pa.Table.from_pylist([{
            "plan_id": plan.id, "name": plan.name, "issuer": plan.issuer, "doc_number": plan.doc_number,
            "jurisdiction": plan.jurisdiction, "base_year": plan.base_year, "target_year": plan.target_year,
            "document": document, "sha256": digest, "saved_at": dt.datetime.now()}]))
        if indicators:
            store.insert_arrow("plan_indicators", pa.Table.from_pylist(indicators))
    return digest


def list_plans(store: Store) -> list[dict]:
    t = store.table("plans")
    return store.to_arrow(t.select("plan_id", "name", "doc_number", "base_year", "target_year", "sha256",
                                   "saved_at").order_by("plan_id")).to_pylist()


def load_plan(store: Store, plan_id: str | None = None) -> Plan:
    """The plan ``plan_id``, or the only plan in the store when none is named."""
    t = store.table("plans")
    rows = store.to_arrow(t.select("plan_id", "document")).to_pylist()
    if plan_id is None and len(rows) == 1:
        return plan_from_yaml(rows[0]["document"])
    for r in rows:
        if r["plan_id"] == plan_id:
            return plan_from_yaml(r["document"])
    names = "、".join(r["plan_id"] for r in rows) or "（库中还没有规划）"
    raise NotFoundError(
        f"没有找到规划 {plan_id or ''}".strip(), f"plan {plan_id} not found",
        fix=f"用 --plan 指定：{names}；或先保存规划：gaodi plan save --builtin hunan_15th_manufacturing_2026")
