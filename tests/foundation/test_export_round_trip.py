"""Every import kind's export imports again as it is: export → import → the same stored rows.

The export neutralises formulas (a name ``=HYPERLINK(...)`` is written ``'=HYPERLINK(...)``) and the
import restores them, so the round trip keeps hostile names exactly, and no cell of the file is a formula.
"""

from __future__ import annotations

import io

import openpyxl
import pytest

from gaodi.core import Gaodi
from gaodi.ingest.kinds import KINDS, kind as get_kind
from tests.foundation.round_trip_rows import HOSTILE, ORDER, QUOTED, ROWS, SHIPPED


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("round-trip")
    g = Gaodi.open(home=folder / "ws", in_memory=True)
    import csv
    for name in ORDER:
        path = folder / f"{name}.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows(ROWS[name])
        g.import_file(name, path)
    yield g, folder
    g.close()


def stored(g: Gaodi, name: str) -> list[tuple]:
    """The stored rows of a kind, without the import id, sorted (NaN and None alike).

    Text is compared without surrounding spaces: the import trims every cell by design, and one name of
    the shipped industry catalogue ends in a space."""
    table = g.store.table(get_kind(name).table)
    frame = g.store.execute(table.drop("import_id")).astype(object)
    frame = frame.where(frame.notna(), None)
    rows = [tuple(v.strip() if isinstance(v, str) else v for v in row) for row in frame.itertuples(index=False)]
    return sorted(rows, key=repr)


def test_every_kind_is_covered():
    assert sorted(ORDER + SHIPPED) == sorted(k.name for k in KINDS)


@pytest.mark.parametrize("name", ORDER + [pytest.param(n, marks=pytest.mark.slow) for n in SHIPPED])
def test_export_of_a_kind_imports_again_to_the_same_rows(filled, name):
    g, folder = filled
    before = stored(g, name)
    assert before, f"no rows of {name} to round-trip"
    body = g.imports.export(name)
    book = openpyxl.load_workbook(io.BytesIO(body))
    assert not [c for row in book.active.iter_rows() for c in row if c.data_type == "f"]
    path = folder / f"{name}-export.xlsx"
    path.write_bytes(body)
    result = g.import_file(name, path)
    assert result.rows_imported == len(before) and result.rows_rejected == 0
    assert stored(g, name) == before


def test_hostile_names_survive_the_round_trip_as_text(filled):
    g, folder = filled
    body = g.imports.export("enterprises", "csv")
    text = body.decode("utf-8-sig")
    assert "'" + HOSTILE.replace('"', '""') in text and "''=1+1" in text  # neutralised in the file
    names = dict(g.store.execute(g.store.table("enterprises").select("uscc", "name")).values)
    ownership = g.store.execute(g.store.table("enterprises").ownership).tolist()
    assert HOSTILE in names.values() and "-丙公司" in names.values() and QUOTED in ownership
