"""Match the headers of a user's file to the columns of an import kind, and read units from them.

A header is normalised (full-width to half-width, spaces and line breaks removed, lower case); a
unit in brackets at its end (``营业收入（亿元）``, ``revenue(万元)``) is taken as the column's unit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from gaodi.errors import InputError, Location
from gaodi.ingest import units
from gaodi.ingest.hints import hints
from gaodi.ingest.spec import Column, Kind

_UNIT = re.compile(r"^(?P<base>.*?)[(\[【](?P<unit>[^()\[\]【】]+)[)\]】]$")


def normalise(header: str) -> str:
    text = unicodedata.normalize("NFKC", str(header)).strip().lower()
    return re.sub(r"\s+", "", text).replace("“", "").replace("”", "").replace('"', "")


def split_unit(header: str) -> tuple[str, str | None]:
    """``'营业收入(亿元)'`` → ``('营业收入', '亿元')``; a header without brackets has no unit."""
    text = normalise(header)
    m = _UNIT.match(text)
    if m:
        return m.group("base"), m.group("unit")
    return text, None


@dataclass
class Mapping:
    """How a file's headers map onto a kind: source header per column, units and unknown headers."""

    columns: dict[str, str] = field(default_factory=dict)  # column name -> header in the file
    units: dict[str, str] = field(default_factory=dict)  # column name -> unit as written
    factors: dict[str, float] = field(default_factory=dict)  # column name -> factor to canonical
    unknown: list[str] = field(default_factory=list)


def map_headers(kind: Kind, headers: list[str], file: str, *, overrides: dict[str, str] | None = None,
                unit_options: dict[str, str] | None = None, ignore_unknown: bool = False,
                edge: str = "cli") -> Mapping:
    """Map ``headers`` to ``kind``'s columns; raise one InputError that lists every problem.

    ``edge`` (``cli`` or ``web``) picks the wording of the fixes (:mod:`gaodi.ingest.hints`).
    An override to the empty string ignores that header."""
    say = hints(edge)
    overrides = {normalise(k): v for k, v in (overrides or {}).items()}
    unit_options = unit_options or {}
    lookup: dict[str, Column] = {}
    for col in kind.columns:
        for name in (col.name, col.label, *col.aliases):
            lookup.setdefault(normalise(name), col)
    mapping = Mapping()
    problems: list[str] = []
    ignored: list[str] = []
    for header in headers:
        base, unit = split_unit(header)
        target = overrides.get(normalise(header), overrides.get(base))
        if target == "":  # ignored on purpose: logged like --ignore-columns, never an error
            mapping.unknown.append(header)
            ignored.append(header)
            continue
        col = kind.column(target) if target and target in {c.name for c in kind.columns} else None
        if target and col is None:
            problems.append(say.bad_mapping.format(header=header, target=target))
            continue
        col = col or lookup.get(normalise(header)) or lookup.get(base)
        if col is None:
            mapping.unknown.append(header)
            continue
        if col.name in mapping.columns:
            problems.append(f"列“{header}”与“{mapping.columns[col.name]}”都对应 {col.label}（{col.name}）")
            continue
        mapping.columns[col.name] = header
        unit = unit_options.get(col.name, unit)
        if col.dimension:
            if not unit:
                problems.append(f"列“{header}”没有写明单位：" + say.unit.format(
                    label=col.label, unit=units.CANONICAL[col.dimension], column=col.name, header=header))
                continue
            mapping.units[col.name] = unit
            mapping.factors[col.name] = units.factor(col.dimension, unit, Location(file=file, column=header))
    missing = [c for c in kind.columns if c.required and c.name not in mapping.columns]
    for c in missing:
        problems.append(f"缺少必填列“{c.label}”（可用表头：{'、'.join((c.label, c.name, *c.aliases))}）")
    strange = [h for h in mapping.unknown if h not in ignored]
    if strange and not ignore_unknown:
        problems.append(f"不认识的列：{'、'.join(strange)}。" + say.unknown_columns.format(label=kind.label))
    if problems:
        raise InputError(
            "表头有问题：\n  - " + "\n  - ".join(problems),
            f"the headers of {file} do not match kind {kind.name}",
            fix=say.see_headers.format(kind=kind.name),
            location=Location(file=file, row=1),
            details={"problems": problems})
    return mapping
