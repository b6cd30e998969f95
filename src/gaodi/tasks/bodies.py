"""Responsible bodies (责任单位): whom a task (督办) is given to, their superiors and who may see them.

The catalogue is built on read from what the workspace holds, so a new park or chain is a body at once:

| kind | code | superior | reached by the scope |
| --- | --- | --- | --- |
| ``government`` | ``gov:province`` (省人民政府) | none | province |
| ``department`` | ``dept:gxt`` … (``data/provincial_bodies.yaml``, plus names in a plan's 责任单位) | the government | province |
| ``desk`` | ``desk:enterprise`` (企业服务专席) | 省工业和信息化厅 | province |
| ``city`` | ``city:430100`` (its administration, 长沙市人民政府) | the government | province, that city |
| ``county`` | ``county:430104`` | its city | province, its city |
| ``park`` | ``park:PA`` (the park's administration, 管委会) | the park's city | province, its city, that park |
| ``chain`` | ``chain:T`` (the chain office, 链办) | 省工业和信息化厅 | province, that chain |

Escalation goes one step up this ladder: county → city → province (a department or the government).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from gaodi.access.scope import Scope
from gaodi.errors import NotFoundError

__all__ = ["Body", "BodyCatalogue", "build_catalogue"]

KIND_LABELS = {"government": "省政府", "department": "省直部门", "desk": "企业服务专席", "city": "市州",
               "county": "县市区", "park": "园区", "chain": "产业链链办"}
KIND_LABELS_EN = {"government": "provincial government", "department": "provincial department",
                  "desk": "enterprise service desk", "city": "city", "county": "county", "park": "park",
                  "chain": "chain office"}
LEAD_DEPARTMENT = "dept:gxt"


@dataclass(frozen=True)
class Body:
    """One responsible body: a stable code, its Chinese name, kind, superior and the city it lies in."""

    code: str
    name: str
    kind: str
    superior: str | None = None
    city: str | None = None
    name_en: str | None = None

    def as_dict(self) -> dict:
        return {"code": self.code, "name": self.name, "name_en": self.name_en or self.name, "kind": self.kind,
                "kind_label": KIND_LABELS[self.kind], "kind_label_en": KIND_LABELS_EN[self.kind],
                "superior": self.superior, "city": self.city}


@dataclass(frozen=True)
class BodyCatalogue:
    bodies: dict[str, Body]

    def get(self, code: str) -> Body:
        """The body with ``code``; NotFoundError naming how to list them otherwise."""
        try:
            return self.bodies[code]
        except KeyError:
            raise NotFoundError(f"没有代码为 {code} 的责任单位", f"no responsible body {code}",
                                fix="用 gaodi task bodies 查看责任单位及其代码（如 city:430100、park:PA、dept:gxt）") \
                from None

    def in_scope(self, code: str, scope: Scope) -> bool:
        """Whether a user of ``scope`` may see and act for the body ``code``."""
        body = self.bodies.get(code)
        if body is None or scope.kind == "enterprise":
            return False
        if scope.is_province:
            return True
        if scope.kind == "city":
            return body.city in scope.values
        if scope.kind == "park":
            return body.kind == "park" and body.code[5:] in scope.values
        if scope.kind == "chain":
            return body.kind == "chain" and body.code[6:] in scope.values
        return False

    def audience(self, code: str) -> Scope:
        """The scope whose users answer for the body (who is told of its tasks)."""
        body = self.get(code)
        if body.kind in ("city", "county"):
            return Scope("city", (body.city,))
        if body.kind in ("park", "chain"):
            return Scope(body.kind, (body.code.split(":", 1)[1],))
        return Scope("province")

    def for_scope(self, scope: Scope) -> list[Body]:
        return [b for b in self.bodies.values() if self.in_scope(b.code, scope)]


@lru_cache(maxsize=1)
def _shipped() -> dict:
    text = (resources.files("gaodi.tasks") / "data" / "provincial_bodies.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def build_catalogue(regions: list[dict], parks: list[dict], chains: list[dict],
                    plan_responsible: list[str]) -> BodyCatalogue:
    """The catalogue from the home province's regions (code, name, level, city_code), parks (park_id, name,
    city_code), chains (chain_id, name) and the 责任单位 texts of the saved plans."""
    data = _shipped()
    gov, desk = data["province_government"], data["service_desk"]
    bodies = [Body(gov["code"], gov["name"], "government", None, None, gov["name_en"])]
    aliases: dict[str, str] = {}
    for d in data["departments"]:
        bodies.append(Body(d["code"], d["name"], "department", gov["code"], None, d["name_en"]))
        aliases.update({n: d["code"] for n in (d["name"], *d.get("aliases", ()))})
    bodies.append(Body(desk["code"], desk["name"], "desk", LEAD_DEPARTMENT, None, desk["name_en"]))
    for text in plan_responsible:
        for name in _split(text):
            if name not in aliases:
                code = "dept:" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:8]
                aliases[name] = code
                bodies.append(Body(code, name, "department", gov["code"]))
    for r in regions:
        if r["level"] == "city":
            bodies.append(Body(f"city:{r['code']}", f"{r['name']}人民政府", "city", gov["code"], r["code"],
                               f"{r['name']} government"))
        elif r["level"] == "county" and r.get("city_code"):
            bodies.append(Body(f"county:{r['code']}", f"{r['name']}人民政府", "county", f"city:{r['city_code']}",
                               r["city_code"], f"{r['name']} government"))
    for p in parks:
        superior = f"city:{p['city_code']}" if p.get("city_code") else gov["code"]
        bodies.append(Body(f"park:{p['park_id']}", f"{p['name']}管理机构", "park", superior, p.get("city_code"),
                           f"{p['name']} administration"))
    for c in chains:
        bodies.append(Body(f"chain:{c['chain_id']}", f"{c['name']}链办", "chain", LEAD_DEPARTMENT, None,
                           f"{c['name']} chain office"))
    return BodyCatalogue({b.code: b for b in bodies})


def _split(text: str | None) -> list[str]:
    """``省工业和信息化厅、省发展改革委`` → the names; a plan cell may list several bodies."""
    for sep in ("，", ",", "；", ";", "/"):
        text = (text or "").replace(sep, "、")
    return [t.strip() for t in text.split("、") if t.strip()]
