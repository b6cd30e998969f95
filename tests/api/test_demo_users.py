"""The demo accounts: one per role, chosen deterministically from the data, able to log in."""

from __future__ import annotations

from gaodi.access.accounts import authenticate, create_demo_users
from gaodi.core import Gaodi

from . import province


def test_demo_accounts_are_deterministic_and_log_in(tmp_path):
    """First city holding enterprises by code: 430100; its first park by id: PA; first chain: T;
    first enterprise of PA by USCC: A1 (9143010…01 sorts before A3's 9143010…03)."""
    g = Gaodi.open(home=tmp_path / "ws", in_memory=True)
    try:
        g.import_file("parks", province.write(tmp_path / "p.csv", ["park_id", "name", "level", "region_code"],
                                              [("PA", "甲园区（测试）", "国家级", "430104")]))
        g.import_file("enterprises", province.write(
            tmp_path / "e.csv", ["uscc", "name", "region_code", "park_id", "industry_code"],
            [(province.USCC[k], province.NAME[k], v[0], v[1] if v[1] == "PA" else "", v[2])
             for k, v in province.FIRMS.items()]))
        g.import_file("chains", province.write(tmp_path / "c.csv", ["chain_id", "name"], [("T", "测试链")]))
        first = create_demo_users(g.store)
        again = create_demo_users(g.store)
        assert first == again
        scopes = {d.username: d.scope for d in first}
        assert scopes == {"admin": "全省", "province": "全省", "city": "市州 长沙市", "park": "园区 甲园区（测试）",
                          "chain": "产业链 测试链", "enterprise": f"企业 {province.NAME['A1']}"}
        for d in first:
            assert authenticate(g.store, d.username, d.password).role == d.role
    finally:
        g.close()
