"""The chain map as a graph: nodes are segments with their rates, edges are the flows between them.

An edge *a → b* carries the chain-input purchases of segment *a*'s inputs by enterprises placed in
segment *b* (an enterprise placed in several segments of a chain counts in the first by segment id).
Edges and nodes form one published table (input segment × buyer segment with all totals),
protected by the suppression rules of :mod:`gaodi.chains.suppression`. GraphML is written with
the standard library (http://graphml.graphdrawing.org/specification.html).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import combinations

import ibis
import pandas as pd

from gaodi.chains.placement import nullable
from gaodi.chains.rates import blank
from gaodi.chains.suppression import ALL, suppress

NODE_KEYS = {"name": "string", "stage": "string", "purchases": "double", "local_amount": "double",
             "province_rate": "double", "buyers": "int", "suppressed": "string"}
EDGE_KEYS = {"amount": "double", "local_amount": "double", "buyers": "int", "suppressed": "string"}


def edge_cube(flows: ibis.Table, placements: ibis.Table) -> ibis.Table:
    """Input segment × buyer segment sums, with totals over either and both."""
    home = placements.group_by(["chain_id", "uscc"]).aggregate(buyer_segment=placements.segment_id.min())
    home = home.select("chain_id", "buyer_segment", buyer_uscc=home.uscc)
    f = flows.join(home, ["chain_id", "buyer_uscc"])
    parts = []
    for k in range(3):
        for keep in combinations(("segment_id", "buyer_segment"), k):
            agg = f.group_by(["chain_id", *keep]).aggregate(
                amount=f.amount.sum(), local_amount=f.amount.sum(where=f.local),
                buyers=f.buyer_uscc.nunique())
            fill = {c: ibis.literal(ALL) for c in ("segment_id", "buyer_segment") if c not in keep}
            parts.append(nullable(agg.mutate(**fill)).select(
                "chain_id", "segment_id", "buyer_segment", "amount", "local_amount", "buyers"))
    return ibis.union(*parts)


def chain_graph(cube: pd.DataFrame, segments: pd.DataFrame, chain: dict, min_count: int) -> dict:
    """Nodes and edges of one chain (a JSON-ready dict) from its executed edge cube."""
    cube = cube.sort_values(["segment_id", "buyer_segment"]).reset_index(drop=True)
    cube["suppressed"] = suppress(cube, ["segment_id", "buyer_segment"], "buyers", "amount",
                                  min_count).to_numpy() if len(cube) else []
    cube["province_rate"] = cube["local_amount"].fillna(0.0) / cube["amount"]
    cube = blank(cube, ("amount", "local_amount", "province_rate"))
    totals = cube[(cube.segment_id != ALL) & (cube.buyer_segment == ALL)].set_index("segment_id")
    nodes = []
    for s in segments.sort_values(["stage_order", "segment_id"]).itertuples():
        t = totals.loc[s.segment_id] if s.segment_id in totals.index else None
        nodes.append({"id": s.segment_id, "name": s.name, "stage": s.stage,
                      "purchases": None if t is None else t["amount"],
                      "local_amount": None if t is None else t["local_amount"],
                      "province_rate": None if t is None else t["province_rate"],
                      "buyers": 0 if t is None else int(t["buyers"]),
                      "suppressed": None if t is None or pd.isna(t["suppressed"]) else t["suppressed"]})
    cells = cube[(cube.segment_id != ALL) & (cube.buyer_segment != ALL)]
    edges = [{"source": r.segment_id, "target": r.buyer_segment, "amount": r.amount,
              "local_amount": r.local_amount, "buyers": int(r.buyers),
              "suppressed": None if pd.isna(r.suppressed) else r.suppressed}
             for r in cells.itertuples()]
    return {"chain": chain, "nodes": nodes, "edges": edges}


def to_graphml(graph: dict) -> str:
    """The graph as a GraphML document (directed; suppressed figures are left out, not zero)."""
    ns = "http://graphml.graphdrawing.org/xmlns"
    root = ET.Element("graphml", {"xmlns": ns})
    for domain, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys.items():
            ET.SubElement(root, "key", {"id": f"{domain[0]}_{name}", "for": domain,
                                        "attr.name": name, "attr.type": kind})
    g = ET.SubElement(root, "graph", {"id": str(graph["chain"]["chain_id"]), "edgedefault": "directed"})
    for n in graph["nodes"]:
        el = ET.SubElement(g, "node", {"id": n["id"]})
        _data(el, "n", NODE_KEYS, n)
    for i, e in enumerate(graph["edges"]):
        el = ET.SubElement(g, "edge", {"id": f"e{i}", "source": e["source"], "target": e["target"]})
        _data(el, "e", EDGE_KEYS, e)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _data(el: ET.Element, prefix: str, keys: dict, values: dict) -> None:
    for name in keys:
        v = values.get(name)
        if v is None or (isinstance(v, float) and pd.isna(v)):
            continue
        ET.SubElement(el, "data", {"key": f"{prefix}_{name}"}).text = str(v)
