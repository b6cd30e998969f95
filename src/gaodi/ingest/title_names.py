"""Titles by what they are: the names under which titles are published, mapped to gaodi's titles and levels.

Title lists are imported by name, and the names do not say the same thing everywhere. Hunan brands
its **provincial 专精特新中小企业** as 「湖南省专精特新“小巨人”企业」 (e.g. the 2026 申报指南, S6 in
../shared/reference/official-rules-check-2026-12.md, row 37), while 专精特新“小巨人” in gaodi is the
national title of 工信部 (工信部企业〔2022〕63号 附件3, 工信部企业〔2026〕2号). Matching the words 小巨人
would file every provincial firm as a national 小巨人. So:

* a published name carries its title **and level** (:data:`PUBLISHED_NAMES`): 「湖南省专精特新“小巨人”企业」
  is 专精特新中小企业, 省级; 「国家级专精特新“小巨人”企业」 is 专精特新小巨人, 国家级;
* a name that says 小巨人 without a level (「专精特新“小巨人”企业」) is the title 专精特新小巨人, but a row
  whose title says 小巨人 and whose level column says 省级 (or 市级) is the provincial (or city)
  专精特新中小企业: the national 小巨人 has no provincial tier, and the provinces that branded their tier
  小巨人 meant 专精特新中小企业 (63号 makes the provinces certify 专精特新中小企业, the ministry 小巨人);
* a level column that contradicts the level the name implies is an error on that row (a row rule), so
  a list is never silently re-filed.

Names not listed keep the plain title map of :mod:`gaodi.ingest.kinds` (TITLES). A provincial 单项冠军
(「湖南省制造业单项冠军企业」) is not listed on purpose: gaodi's 制造业单项冠军 is the national title, and a
provincial one is not a rung of it; such rows are refused as an unknown title.

Quotes do not matter: 「湖南省专精特新'小巨人'企业」, 「湖南省专精特新“小巨人”企业」 and 「湖南省专精特新小巨人企业」
are the same name (:func:`gaodi.ingest.lookups.check_choice` folds quote marks).
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

__all__ = ["LEVEL_CONFLICT", "PUBLISHED_NAMES", "SEPARATOR", "resolve_titles", "title_choices"]

#: published name → (gaodi title, level the name implies)
PUBLISHED_NAMES: dict[str, tuple[str, str]] = {
    "湖南省专精特新“小巨人”企业": ("专精特新中小企业", "省级"),
    "湖南省专精特新“小巨人”": ("专精特新中小企业", "省级"),
    "省级专精特新“小巨人”企业": ("专精特新中小企业", "省级"),
    "湖南省专精特新中小企业": ("专精特新中小企业", "省级"),
    "省级专精特新中小企业": ("专精特新中小企业", "省级"),
    "湖南省创新型中小企业": ("创新型中小企业", "省级"),
    "国家级专精特新“小巨人”企业": ("专精特新小巨人", "国家级"),
    "国家专精特新“小巨人”企业": ("专精特新小巨人", "国家级"),
    "国家级专精特新“小巨人”": ("专精特新小巨人", "国家级"),
    "国家级制造业单项冠军企业": ("制造业单项冠军", "国家级"),
    "制造业单项冠军示范企业": ("制造业单项冠军", "国家级"),
    "制造业单项冠军企业": ("制造业单项冠军", "国家级"),
    "制造业单项冠军产品": ("制造业单项冠军", "国家级"),
    "国家级绿色工厂": ("绿色工厂", "国家级"),
    "湖南省绿色工厂": ("绿色工厂", "省级"),
    "省级绿色工厂": ("绿色工厂", "省级"),
    "市级绿色工厂": ("绿色工厂", "市级"),
    "基础级智能工厂": ("智能工厂", "基础级"),
    "先进级智能工厂": ("智能工厂", "先进级"),
    "卓越级智能工厂": ("智能工厂", "卓越级"),
    "领航级智能工厂": ("智能工厂", "领航级"),
}
SEPARATOR = "@"  # between title and implied level in the parsed value, removed before storing
LITTLE_GIANT, SPECIALISED = "专精特新小巨人", "专精特新中小企业"
LEVEL_CONFLICT = ("称号名称所含的等级与“等级”列不一致",
                  "删去等级列中的值，或改用不含等级的称号（如 专精特新中小企业）后填写等级")


def title_choices() -> dict[str, str]:
    """The published names as enum choices: name → "title@level" (split again by :func:`resolve_titles`)."""
    return {name: f"{title}{SEPARATOR}{level}" for name, (title, level) in PUBLISHED_NAMES.items()}


def _implied(title: ir.StringValue) -> tuple[ir.BooleanValue, ir.StringValue, ir.StringValue]:
    has = title.contains(SEPARATOR)
    plain = has.ifelse(title.split(SEPARATOR)[0], title)
    implied = has.ifelse(title.split(SEPARATOR)[1], ibis.null("string"))
    return has, plain, implied


def level_conflicts(t: ir.Table) -> ir.BooleanValue:
    """Rows whose level column contradicts the level their title name implies (a row rule)."""
    has, _, implied = _implied(t.title)
    return has & t.level.notnull() & (t.level != implied)


def resolve_titles(t: ir.Table) -> ir.Table:
    """Split "title@level" values, fill the level from the name, and file 省级/市级 小巨人 as 专精特新中小企业."""
    _, plain, implied = _implied(t.title)
    level = t.level.fill_null(implied) if "level" in t.columns else implied
    title = ((plain == LITTLE_GIANT) & level.isin(["省级", "市级"])).ifelse(SPECIALISED, plain)
    return t.mutate(title=title, level=level)
