"""The data a user may reach: a :class:`Scope` of one kind and its values.

| kind | values | reaches |
| --- | --- | --- |
| ``province`` | none | everything in the store |
| ``city`` | one city code (``430100``) | enterprises whose region lies in that city, their parks |
| ``park`` | one park_id | enterprises in that park |
| ``chain`` | one or more chain_id (``;``-separated when stored) | enterprises placed in the chains' segments or whose industry code a segment lists |
| ``enterprise`` | one USCC | that enterprise only |
"""

from __future__ import annotations

from dataclasses import dataclass

from gaodi.errors import InputError

KINDS = ("province", "city", "park", "chain", "enterprise")


@dataclass(frozen=True)
class Scope:
    """A scope kind and its values; ``Scope.parse("city", "430100")``."""

    kind: str
    values: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InputError(f"未知的数据范围类型 {self.kind}", f"unknown scope kind {self.kind}",
                             fix=f"可选：{'、'.join(KINDS)}")
        if self.kind == "province" and self.values:
            raise InputError("全省范围不带取值", "a province scope takes no value", fix="去掉范围取值")
        if self.kind != "province" and not self.values:
            raise InputError(f"数据范围 {self.kind} 需要取值（代码或编号）", f"scope {self.kind} needs a value",
                             fix="例如 city:430100、park:P001、chain:C01;C02、enterprise:统一社会信用代码")

    @classmethod
    def parse(cls, kind: str, value: str | None) -> Scope:
        """Build a scope from its stored form (``value`` ``;``-separated for several chains)."""
        values = tuple(v.strip() for v in (value or "").split(";") if v.strip())
        return cls(kind, values)

    @property
    def stored_value(self) -> str | None:
        return ";".join(self.values) or None

    @property
    def is_province(self) -> bool:
        return self.kind == "province"

    def describe(self) -> str:
        labels = {"province": "全省", "city": "市", "park": "园区", "chain": "产业链", "enterprise": "企业"}
        return labels[self.kind] + ("" if self.is_province else " " + "、".join(self.values))

    def as_dict(self) -> dict:
        return {"kind": self.kind, "values": list(self.values), "label": self.describe()}


PROVINCE = Scope("province")
