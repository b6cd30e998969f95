"""Worked examples shared by the regional tests."""

from __future__ import annotations

import pandas as pd
import pytest

# Krumme, G., "Shift & Share Table with Excel Explanations", University of Washington, Geography 350
# (faculty.washington.edu/krumme/350/ssexcel.html): the region "Holukuluku", four industries,
# 1985 and 1995. Printed: regional employment 500/100/200/200 (1985) and 1000/100/250/280 (1995);
# national shares 10/20/40/30 % and national growth 10/20/30/40 % (29 % in all). The page gives
# only national shares and rates, so the nation is written here as 10,000 jobs in 1985
# (1,000/2,000/4,000/3,000) growing at those rates (1,100/2,400/5,200/4,200); "Rest" is the nation
# minus Holukuluku, so that the table's total is the nation as in the example.
HOLUKULUKU = {
    # industry: (Holukuluku 1985, Holukuluku 1995, nation 1985, nation 1995)
    "I": (500, 1000, 1000, 1100),
    "II": (100, 100, 2000, 2400),
    "III": (200, 250, 4000, 5200),
    "IV": (200, 280, 3000, 4200),
}


@pytest.fixture
def holukuluku_table() -> pd.DataFrame:
    """The Krumme example as a long table: region, industry, value, year."""
    rows = []
    for industry, (h0, h1, n0, n1) in HOLUKULUKU.items():
        rows += [("Holukuluku", industry, h0, 1985), ("Holukuluku", industry, h1, 1995),
                 ("Rest", industry, n0 - h0, 1985), ("Rest", industry, n1 - h1, 1995)]
    return pd.DataFrame(rows, columns=["region", "industry", "value", "year"])
