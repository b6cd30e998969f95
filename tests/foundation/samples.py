"""Hand-made sample rows for the foundation tests. Credit codes are built with the check digit of
GB 32100-2015 and verified independently against python-stdnum's own documented example."""

from __future__ import annotations

from gaodi.demo.population import make_uscc

A = make_uscc("430102", 1)  # 芙蓉区
B = make_uscc("430182", 2)  # 宁乡市
C = make_uscc("430202", 3)  # 株洲 荷塘区

ENTERPRISE_HEADER = ["统一社会信用代码", "企业名称", "所在县市区代码", "行业代码", "成立年份", "是否上市"]


def enterprises_rows() -> list[list]:
    return [ENTERPRISE_HEADER,
            [A, "甲公司（测试）", "430102", "3741", "2001", "否"],
            [B, "乙公司（测试）", "430182", "3612", "2010", "是"],
            [C, "丙公司（测试）", "430202", "2710", "2015", "否"]]


def with_wrong_check_digit(code: str) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return code[:17] + alphabet[(alphabet.index(code[17]) + 1) % 31]
