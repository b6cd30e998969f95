"""Demo industrial chains for the plan's sectors, with segments defined by GB/T 4754 classes.

The segments are a demo's simplification of the chain maps provinces publish: each lists the
4-digit classes whose enterprises belong to it. Chain leaders are titles, not names of people.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

# chain id, name, sector, [(segment id, name, stage, classes)]
CHAINS = [
    ("CM", "工程机械产业链", "工程机械", [
        ("CM-U1", "钢材与有色材料", "upstream", "3120;3130;3240;3252"),
        ("CM-U2", "液压件与传动件", "upstream", "3444;3445;3451;3453;3459"),
        ("CM-U3", "发动机与电控", "upstream", "3412;3813;3983"),
        ("CM-M1", "结构件与关键零部件", "midstream", "3311;3425;3443"),
        ("CM-D1", "整机制造", "downstream", "3511;3514;3515;3517;3431;3432"),
    ]),
    ("RT", "轨道交通装备产业链", "轨道交通装备", [
        ("RT-U1", "材料与基础件", "upstream", "3130;3252;3831;3834"),
        ("RT-U2", "牵引电机与电力电子", "upstream", "3811;3812;3824"),
        ("RT-M1", "关键部件与系统", "midstream", "3714;3715;3716;3914"),
        ("RT-D1", "整车制造", "downstream", "3711;3712;3720"),
    ]),
    ("AE", "航空航天装备产业链", "航空航天装备", [
        ("AE-U1", "高温合金与复合材料", "upstream", "3240;3254;3062"),
        ("AE-U2", "航空零部件与机载设备", "upstream", "3744;3940;3983"),
        ("AE-M1", "中小航空发动机", "midstream", "3743;3749"),
        ("AE-D1", "整机与航天器", "downstream", "3741;3742"),
    ]),
    ("EV", "新能源汽车产业链", "新能源汽车", [
        ("EV-U1", "电池材料", "upstream", "2613;2614;3985;3254"),
        ("EV-U2", "动力电池", "upstream", "3841;3849"),
        ("EV-M1", "电机电控与零部件", "midstream", "3670;3812;3962;3824"),
        ("EV-D1", "整车制造", "downstream", "3611;3612;3650;3660"),
    ]),
    ("EI", "电子信息制造产业链", "电子信息制造业", [
        ("EI-U1", "电子材料", "upstream", "3985;3042;3052"),
        ("EI-U2", "芯片与元器件", "upstream", "3972;3973;3976;3981;3982"),
        ("EI-M1", "显示与模组", "midstream", "3974;3975;3983"),
        ("EI-D1", "计算机与智能终端", "downstream", "3911;3912;3922;3961;3963"),
    ]),
    ("NM", "新材料产业链", "新材料", [
        ("NM-U1", "矿产与冶炼", "upstream", "3212;3215;3231;3232"),
        ("NM-M1", "先进金属材料", "midstream", "3240;3251;3252;3254"),
        ("NM-M2", "先进化工与无机材料", "midstream", "2651;2662;3073;3091"),
        ("NM-D1", "材料制品与应用", "downstream", "3062;3061;3340"),
    ]),
    ("BP", "生物医药产业链", "生物医药", [
        ("BP-U1", "原料药与药用辅料", "upstream", "2710;2780"),
        ("BP-M1", "制剂与中成药", "midstream", "2720;2730;2740"),
        ("BP-M2", "生物药品", "midstream", "2761;2762"),
        ("BP-D1", "医疗器械与卫生材料", "downstream", "3581;3583;2770"),
    ]),
    ("PE", "新能源电力装备产业链", "新能源电力装备", [
        ("PE-U1", "电工材料", "upstream", "3831;3834;3252"),
        ("PE-M1", "输变电核心部件", "midstream", "3821;3822;3824"),
        ("PE-D1", "输变电与新能源装备", "downstream", "3823;3829;3825;3415"),
    ]),
]

LEADER_TITLES = ["副省长", "省政协副主席", "省人大常委会副主任", "副省长"]


def chain_tables(rng: np.random.Generator, ent: pd.DataFrame, revenue: np.ndarray
                 ) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Chains, segments and the chain masters (the largest enterprise of each chain's last segment)."""
    chains, segments, masters = [], [], []
    for i, (cid, name, sector, segs) in enumerate(CHAINS):
        chains.append({"chain_id": cid, "name": name, "sector": sector,
                       "leader": f"{LEADER_TITLES[i % len(LEADER_TITLES)]}（链长）",
                       "leader_title": LEADER_TITLES[i % len(LEADER_TITLES)],
                       "description": f"演示：{sector}产业链，环节按国民经济行业小类界定"})
        for sid, sname, stage, codes in segs:
            segments.append({"chain_id": cid, "segment_id": sid, "name": sname, "stage": stage,
                             "industry_codes": codes})
        last = segs[-1]
        members = np.flatnonzero(ent["industry_code"].isin(last[3].split(";")).to_numpy())
        for j in members[np.argsort(-revenue[members])][:2]:
            masters.append({"chain_id": cid, "segment_id": last[0], "uscc": ent["uscc"].iat[j],
                            "role": "链主"})
    return pd.DataFrame(chains), pd.DataFrame(segments), pd.DataFrame(masters)


def cluster_tables(rng: np.random.Generator, ent: pd.DataFrame, n_national: int, n_sme: int
                   ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """National advanced-manufacturing clusters on the chains, SME featured clusters by county."""
    clusters, members = [], []
    for i, (cid, name, sector, segs) in enumerate(CHAINS[:n_national]):
        codes = {c for s in segs for c in s[3].split(";")}
        clusters.append({"cluster_id": f"N{i + 1:02d}", "name": f"{sector}国家先进制造业集群（演示）",
                         "level": "国家级", "region_code": "430100", "chain_id": cid,
                         "year_recognised": 2021 + i % 3})
        for u in ent.loc[ent["industry_code"].isin(codes), "uscc"]:
            members.append({"cluster_id": f"N{i + 1:02d}", "uscc": u})
    for i in range(max(0, n_national - len(CHAINS))):  # more national clusters than demo chains
        clusters.append({"cluster_id": f"N{len(CHAINS) + i + 1:02d}", "name": f"国家先进制造业集群{i + 1}（演示）",
                         "level": "国家级", "region_code": "430100", "chain_id": None,
                         "year_recognised": 2024})
    counties = ent.groupby("region_code")["industry_code"].agg(lambda s: s.str[:2].mode().iat[0])
    picks = rng.choice(len(counties), min(n_sme, len(counties)), replace=False)
    for k, p in enumerate(sorted(picks)):
        county, division = counties.index[p], counties.iat[p]
        cid = f"S{k + 1:02d}"
        clusters.append({"cluster_id": cid, "name": f"{county}-{division}大类特色产业集群（演示）",
                         "level": "中小企业特色产业集群", "region_code": county, "chain_id": None,
                         "year_recognised": 2022 + k % 4})
        sel = ent[(ent["region_code"] == county) & (ent["industry_code"].str[:2] == division)]
        members += [{"cluster_id": cid, "uscc": u} for u in sel["uscc"]]
    return pd.DataFrame(clusters), pd.DataFrame(members)


def project_table(rng: np.random.Generator, ent: pd.DataFrame, segments: pd.DataFrame, n: int
                  ) -> pd.DataFrame:
    """Key projects tied to chain segments, at the stages signed → started → in production."""
    rows = []
    for i in range(n):
        seg = segments.iloc[int(rng.integers(len(segments)))]
        owner = ent.iloc[int(rng.integers(len(ent)))]
        stage = rng.choice(["签约", "开工", "投产"], p=[.3, .45, .25])
        signed = pd.Timestamp(2024, 1, 1) + pd.Timedelta(days=int(rng.integers(0, 900)))
        start = signed + pd.Timedelta(days=int(rng.integers(30, 200)))
        prod = start + pd.Timedelta(days=int(rng.integers(180, 600)))
        invest = float(np.round(np.exp(rng.normal(np.log(50000), 0.8)), 0))
        rows.append({
            "project_id": f"XM{i + 1:04d}", "name": f"{seg['name']}项目{i + 1}（演示）",
            "chain_id": seg["chain_id"], "segment_id": seg["segment_id"], "uscc": owner["uscc"],
            "region_code": owner["region_code"], "park_id": owner["park_id"], "stage": stage,
            "investment": invest, "expected_output": float(np.round(invest * rng.uniform(0.8, 2.0))),
            "signed_date": signed.date().isoformat(),
            "start_date": start.date().isoformat() if stage != "签约" else None,
            "production_date": prod.date().isoformat() if stage == "投产" else None,
        })
    return pd.DataFrame(rows)
