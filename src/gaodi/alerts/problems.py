"""Enterprise-problem warnings (企业诉求): deadlines passed, and problems that come back.

- overdue: an open problem past its deadline in working days (the problem desk's own deadline rule);
- repeated: an enterprise that raised at least ``threshold`` problems in the last N months, and a park
  where at least ``threshold`` problems of one category were raised in the last N months.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from gaodi.alerts.projects import add_months


def repeated(problems: list, threshold: float, months: int, as_of: dt.date) -> tuple[list[dict], list[dict]]:
    """(enterprises, parks) whose problems in the N months up to ``as_of`` reach ``threshold``."""
    since = add_months(as_of, -months)
    recent = [p for p in problems if since < p.submitted_at.date() <= as_of]
    by_uscc: dict[str, list] = defaultdict(list)
    for p in recent:
        by_uscc[p.uscc].append(p)
    window = f"{since.isoformat()}~{as_of.isoformat()}"
    enterprises = [{"uscc": u, "evidence": [{"label": "诉求件数", "period": window, "value": len(ps), "unit": "件",
                                             "note": "；".join(p.title for p in ps[:5])}]}
                   for u, ps in sorted(by_uscc.items()) if len(ps) >= threshold]
    by_park = Counter((p.park, p.category) for p in recent if p.park)
    parks = [{"park_id": park, "category": cat, "evidence": [
        {"label": f"同类诉求件数（{cat}）", "period": window, "value": n, "unit": "件"}]}
             for (park, cat), n in sorted(by_park.items()) if n >= threshold]
    return enterprises, parks
