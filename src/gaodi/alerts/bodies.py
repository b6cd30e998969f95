"""Responsible bodies (责任主体): a stable code and a Chinese name for whoever must act on a warning.

| code | body |
| --- | --- |
| ``dept:<8 hex>`` | a department named in the plan's 责任单位 field (the hex is the SHA-1 of its name) |
| ``gov:<region code>`` | the people's government of a city or county (区域的行政管理) |
| ``park:<park id>`` | a park's administrative committee (管委会) |
| ``chain:<chain id>`` | a chain's office (链办) |
| ``desk:<city code>`` | a city's enterprise service desk (企业服务) |
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True)
class Body:
    code: str
    name: str


def department(name: str) -> Body:
    return Body("dept:" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8], name)


def government(region_code: str, region_name: str) -> Body:
    return Body(f"gov:{region_code}", f"{region_name}人民政府")


def park_committee(park_id: str, park_name: str) -> Body:
    return Body(f"park:{park_id}", f"{park_name}管理委员会")


def chain_office(chain_id: str, chain_name: str) -> Body:
    return Body(f"chain:{chain_id}", f"{chain_name}链办")


def service_desk(city_code: str, city_name: str) -> Body:
    return Body(f"desk:{city_code}", f"{city_name}企业服务中心")
