"""Every importable kind: its columns with their Chinese and English headers, its key, its replace rule.

This module is the documented header map (see docs/import.md, generated from it by
``gaodi import --list-kinds``). A user can map other headers with ``--map 原表头=column``.
"""

from __future__ import annotations

from gaodi.errors import NotFoundError
from gaodi.ingest.spec import Column, Kind, RowRule
from gaodi.ingest.title_names import LEVEL_CONFLICT, level_conflicts, title_choices

USCC = Column("uscc", "uscc", "统一社会信用代码", ("统一社会信用代码", "社会信用代码", "信用代码", "企业代码",
              "纳税人识别号", "credit_code"), required=True, references=("enterprises", "uscc"))

PARK_LEVELS = {"国家级": "national", "national": "national", "省级": "provincial", "provincial": "provincial"}
STAGES = {"上游": "upstream", "upstream": "upstream", "中游": "midstream", "midstream": "midstream",
          "下游": "downstream", "downstream": "downstream"}
CLUSTER_LEVELS = {"世界级": "world", "world": "world", "国家级": "national", "national": "national",
                  "国家先进制造业集群": "national", "省级": "provincial", "provincial": "provincial",
                  "中小企业特色产业集群": "sme_featured", "sme_featured": "sme_featured"}
PROJECT_STAGES = {"签约": "signed", "已签约": "signed", "signed": "signed", "开工": "started",
                  "在建": "started", "已开工": "started", "started": "started", "投产": "production",
                  "已投产": "production", "production": "production"}
ROLES = {"成员": "member", "配套企业": "member", "member": "member", "链主": "master",
         "链主企业": "master", "master": "master"}
TARGET_OPS = {">=": ">=", "≥": ">=", "<=": "<=", "≤": "<=", "=": "=", "range": "range",
              "区间": "range", "qualitative": "qualitative", "定性": "qualitative"}
TITLES = {
    "专精特新小巨人": "专精特新小巨人", "小巨人": "专精特新小巨人", "专精特新“小巨人”": "专精特新小巨人",
    "制造业单项冠军": "制造业单项冠军", "单项冠军": "制造业单项冠军", "专精特新中小企业": "专精特新中小企业",
    "专精特新": "专精特新中小企业", "创新型中小企业": "创新型中小企业", "高新技术企业": "高新技术企业",
    "智能工厂": "智能工厂", "绿色工厂": "绿色工厂",
    "little_giant": "专精特新小巨人", "single_champion": "制造业单项冠军",
    "specialised_sme": "专精特新中小企业", "innovative_sme": "创新型中小企业",
    "high_tech_enterprise": "高新技术企业", "smart_factory": "智能工厂", "green_factory": "绿色工厂",
    "专精特新“小巨人”企业": "专精特新小巨人",
    **title_choices(),  # published names that carry their level, e.g. 湖南省专精特新“小巨人”企业 (省级 专精特新)
}
TITLE_LEVELS = {
    "国家级": "国家级", "national": "国家级", "省级": "省级", "provincial": "省级", "市级": "市级",
    "基础级": "基础级", "基础": "基础级", "basic": "基础级", "先进级": "先进级", "先进": "先进级",
    "advanced": "先进级", "卓越级": "卓越级", "卓越": "卓越级", "excellent": "卓越级",
    "领航级": "领航级", "领航": "领航级", "leading": "领航级",
}


def _region(name: str, label: str, aliases: tuple[str, ...], required: bool = True,
            reported: str | None = None) -> Column:
    return Column(name, "region", label, aliases, required=required, store_reported=reported)


KINDS: tuple[Kind, ...] = (
    Kind("regions", "regions", "行政区划", (
        Column("code", "text", "区划代码", ("区划代码", "行政区划代码", "代码"), required=True),
        Column("name", "text", "名称", ("名称", "区划名称"), required=True),
        Column("level", "enum", "级别", ("级别", "层级"), required=True, choices={
            "省级": "province", "province": "province", "地级": "city", "市级": "city", "city": "city",
            "县级": "county", "county": "county", "统计区": "statistical", "statistical": "statistical"}),
        Column("city_code", "text", "所属市州代码", ("所属市州代码", "地级代码")),
        Column("province_code", "text", "所属省代码", ("所属省代码", "省级代码"), required=True),
        Column("status", "enum", "状态", ("状态",), required=True, choices={
            "在用": "current", "current": "current", "弃用": "retired", "retired": "retired"}),
        Column("successor_code", "text", "新代码", ("新代码", "继承代码", "successor")),
        Column("retired_in", "year", "弃用年份", ("弃用年份", "撤销年份")),
        Column("in_home_province", "bool", "是否本省", ("是否本省", "省内"), required=True),
    ), key=("code",), help="替换内置的区划表（如另一个省份）。Replace the shipped region table."),
    Kind("industries", "industries", "行业分类", (
        Column("code", "text", "行业代码", ("行业代码", "代码"), required=True),
        Column("name", "text", "行业名称", ("行业名称", "名称"), required=True),
        Column("level", "int", "层级", ("层级", "级别"), required=True, min=1, max=4),
        Column("parent_code", "text", "上级代码", ("上级代码",)),
        Column("section", "text", "门类", ("门类",)),
    ), key=("code",)),
    Kind("industry-catalogue", "industry_catalogue", "行业目录归属", (
        Column("catalogue", "text", "目录", ("目录", "目录名称"), required=True),
        Column("code", "industry", "行业代码", ("行业代码", "国民经济行业代码"), required=True),
        Column("partial", "bool", "部分纳入", ("部分纳入", "带星号", "partial_star"), required=True),
        Column("category_path", "text", "分类路径", ("分类路径", "类别")),
    ), key=("catalogue", "code")),
    Kind("parks", "parks", "园区", (
        Column("park_id", "text", "园区代码", ("园区代码", "园区编号", "园区ID"), required=True),
        Column("name", "text", "园区名称", ("园区名称", "名称"), required=True),
        Column("level", "enum", "园区级别", ("园区级别", "级别"), required=True, choices=PARK_LEVELS),
        _region("region_code", "所在县市区代码", ("所在县市区代码", "区划代码", "所在地区代码"),
                reported="region_code_reported"),
        Column("area_mu", "float", "规划面积", ("规划面积", "面积", "area"), dimension="land", min=0),
        Column("kind", "text", "园区类型", ("园区类型", "类型")),
    ), key=("park_id",)),
    Kind("enterprises", "enterprises", "企业名录", (
        Column("uscc", "uscc", "统一社会信用代码", USCC.aliases, required=True),
        Column("name", "text", "企业名称", ("企业名称", "单位名称", "名称"), required=True),
        _region("region_code", "所在县市区代码", ("所在县市区代码", "区划代码", "行政区划代码", "所在地区代码"),
                reported="region_code_reported"),
        Column("park_id", "text", "园区代码", ("园区代码", "所在园区代码", "园区编号"),
               references=("parks", "park_id")),
        Column("industry_code", "industry", "行业代码", ("行业代码", "国民经济行业代码", "国民经济行业小类",
                                                     "industry"), required=True),
        Column("founded_year", "year", "成立年份", ("成立年份", "开业年份", "founded")),
        Column("ownership", "text", "登记注册类型", ("登记注册类型", "控股情况", "所有制")),
        Column("listed", "bool", "是否上市", ("是否上市", "上市")),
    ), key=("uscc",)),
    Kind("titles", "enterprise_titles", "企业称号与等级", (
        USCC,
        Column("title", "enum", "称号", ("称号", "荣誉称号", "认定类型"), required=True, choices=TITLES),
        Column("level", "enum", "等级", ("等级", "级别"), choices=TITLE_LEVELS),
        Column("year_granted", "year", "认定年份", ("认定年份", "获评年份", "granted"), required=True),
        Column("year_expiring", "year", "有效期至", ("有效期至", "到期年份", "expiring")),
        Column("product", "text", "产品", ("产品", "单项冠军产品", "主导产品")),
    ), key=("uscc", "title", "year_granted"), row_rules=(
        RowRule("year_expiring", ("year_expiring", "year_granted"), "有效期早于认定年份", "有效期至应不早于认定年份",
                lambda t: t.year_expiring < t.year_granted),
        RowRule("level", ("title", "level"), *LEVEL_CONFLICT, level_conflicts),
    ), help="称号按公布的名称导入：名称含等级的（如 湖南省专精特新“小巨人”企业 = 省级专精特新中小企业）自动填等级；"
            "等级为省级、市级的“小巨人”记为专精特新中小企业。Published names carry their level; a provincial 小巨人 is 专精特新中小企业."),
    Kind("statistics", "statistics", "企业统计（年度与1-N月累计）", (
        USCC,
        Column("period", "period", "统计期", ("统计期", "报告期", "期别", "年份", "期间"), required=True),
        Column("above_scale", "bool", "是否规上", ("是否规上", "规上企业", "规模以上")),
        Column("revenue", "float", "营业收入", ("营业收入", "主营业务收入", "营收"), dimension="money",
               min=0),
        Column("value_added", "float", "工业增加值", ("工业增加值", "增加值"), dimension="money"),
        Column("gross_output", "float", "工业总产值", ("工业总产值", "总产值"), dimension="money", min=0),
        Column("profit", "float", "利润总额", ("利润总额", "利润"), dimension="money"),
        Column("tax", "float", "税收", ("税收", "实缴税金", "税收实际贡献", "应交税费"), dimension="money"),
        Column("rd_expense", "float", "研发经费", ("研发经费", "研发费用", "R&D经费支出", "研发经费支出"),
               dimension="money", min=0),
        Column("employees", "int", "从业人员", ("从业人员", "从业人员平均人数", "职工人数"), min=0),
        Column("energy_tce", "float", "综合能耗", ("综合能耗", "能耗", "能源消费量"), dimension="energy", min=0),
        Column("water_m3", "float", "用水量", ("用水量", "取水量"), dimension="water", min=0),
        Column("carbon_t", "float", "碳排放", ("碳排放", "二氧化碳排放量"), dimension="carbon", min=0),
        Column("land_mu", "float", "用地面积", ("用地面积", "占地面积"), dimension="land", min=0),
        Column("investment", "float", "投资", ("投资", "固定资产投资", "技改投资"), dimension="money", min=0),
        Column("digital_design_tools", "bool", "使用数字化研发设计工具",
               ("使用数字化研发设计工具", "数字化研发设计工具")),
    ), key=("uscc", "period"), replace="period", period_column="period", help="年度（2025）与月度累计（2026-10 即 1-10月）。同一统计期再导入会整体替换该期。"),
    Kind("transactions", "transactions", "供货交易（增值税发票汇总）", (
        Column("seller_uscc", "uscc", "销方信用代码", ("销方信用代码", "销方纳税人识别号", "卖方信用代码", "销方"),
               required=True),
        _region("seller_region", "销方区划代码", ("销方区划代码", "销方所在地", "卖方区划代码")),
        Column("buyer_uscc", "uscc", "购方信用代码", ("购方信用代码", "购方纳税人识别号", "买方信用代码", "购方"),
               required=True),
        _region("buyer_region", "购方区划代码", ("购方区划代码", "购方所在地", "买方区划代码")),
        Column("period", "period", "期间", ("期间", "开票期间", "统计期", "月份"), required=True),
        Column("amount", "float", "金额", ("金额", "开票金额", "价税合计", "不含税金额"), required=True,
               dimension="money", min=0),
        Column("product_code", "text", "商品编码", ("商品编码", "税收分类编码", "商品和服务税收分类编码")),
    ), key=("seller_uscc", "buyer_uscc", "period", "product_code"), replace="period",
        period_column="period", append_first=True, help="按销方、购方、期间、商品编码汇总的发票明细。"),
    Kind("chains", "chains", "产业链", (
        Column("chain_id", "text", "产业链代码", ("产业链代码", "产业链编号"), required=True),
        Column("name", "text", "产业链名称", ("产业链名称", "名称"), required=True),
        Column("sector", "text", "所属产业", ("所属产业", "产业")),
        Column("leader", "text", "链长", ("链长",)),
        Column("leader_title", "text", "链长职务", ("链长职务",)),
        Column("description", "text", "说明", ("说明", "描述")),
    ), key=("chain_id",)),
    Kind("segments", "segments", "产业链环节", (
        Column("chain_id", "text", "产业链代码", ("产业链代码",), required=True, references=("chains", "chain_id")),
        Column("segment_id", "text", "环节代码", ("环节代码", "环节编号"), required=True),
        Column("name", "text", "环节名称", ("环节名称", "名称"), required=True),
        Column("stage", "enum", "上中下游", ("上中下游", "位置", "环节位置"), required=True, choices=STAGES),
        Column("parent_segment_id", "text", "上级环节代码", ("上级环节代码",)),
        Column("industry_codes", "text", "行业代码", ("行业代码", "对应行业代码"),
               help="以分号分隔的 GB/T 4754 代码"),
        Column("product_codes", "text", "商品编码", ("商品编码", "对应商品编码")),
        Column("keywords", "text", "关键词", ("关键词", "产品关键词")),
    ), key=("chain_id", "segment_id")),
    Kind("placements", "placements", "企业链上位置（人工认定）", (
        Column("chain_id", "text", "产业链代码", ("产业链代码",), required=True, references=("chains", "chain_id")),
        Column("segment_id", "text", "环节代码", ("环节代码",), required=True,
               references=("segments", "segment_id")),
        USCC,
        Column("role", "enum", "角色", ("角色", "企业角色"), required=True, choices=ROLES),
    ), key=("chain_id", "segment_id", "uscc"), constants={"source": "manual"},
        help="人工认定的链上位置，优先于按行业代码自动归入的结果，重新计算时保留。"),
    Kind("clusters", "clusters", "产业集群", (
        Column("cluster_id", "text", "集群代码", ("集群代码", "集群编号"), required=True),
        Column("name", "text", "集群名称", ("集群名称", "名称"), required=True),
        Column("level", "enum", "集群级别", ("集群级别", "级别"), required=True, choices=CLUSTER_LEVELS),
        _region("region_code", "所在地区代码", ("所在地区代码", "区划代码"), required=False),
        Column("chain_id", "text", "产业链代码", ("产业链代码",), references=("chains", "chain_id")),
        Column("year_recognised", "year", "认定年份", ("认定年份",)),
        Column("list_year", "year", "名单年份", ("名单年份", "名单截至年份"),
               help="名单反映哪一年的情况（如 2026 年公布的集群名单写 2026）；不填则按导入日期计"),
    ), key=("cluster_id",)),
    Kind("cluster-members", "cluster_members", "集群成员企业", (
        Column("cluster_id", "text", "集群代码", ("集群代码",), required=True,
               references=("clusters", "cluster_id")),
        USCC,
    ), key=("cluster_id", "uscc")),
    Kind("projects", "projects", "重点项目", (
        Column("project_id", "text", "项目编号", ("项目编号", "项目代码"), required=True),
        Column("name", "text", "项目名称", ("项目名称", "名称"), required=True),
        Column("chain_id", "text", "产业链代码", ("产业链代码",), references=("chains", "chain_id")),
        Column("segment_id", "text", "环节代码", ("环节代码",), references=("segments", "segment_id")),
        Column("uscc", "uscc", "项目单位信用代码", ("项目单位信用代码", "统一社会信用代码")),
        _region("region_code", "所在地区代码", ("所在地区代码", "区划代码"), required=False),
        Column("park_id", "text", "园区代码", ("园区代码",), references=("parks", "park_id")),
        Column("stage", "enum", "项目阶段", ("项目阶段", "阶段", "状态"), required=True, choices=PROJECT_STAGES),
        Column("investment", "float", "总投资", ("总投资", "投资额"), dimension="money", min=0),
        Column("expected_output", "float", "预计年产值", ("预计年产值", "达产产值"), dimension="money", min=0),
        Column("signed_date", "date", "签约日期", ("签约日期", "签约时间")),
        Column("start_date", "date", "开工日期", ("开工日期", "开工时间")),
        Column("production_date", "date", "投产日期", ("投产日期", "投产时间")),
    ), key=("project_id",), row_rules=(
        RowRule("start_date", ("start_date", "signed_date"), "开工日期早于签约日期", "核对签约与开工日期",
                lambda t: t.start_date < t.signed_date),
        RowRule("production_date", ("production_date", "start_date"), "投产日期早于开工日期", "核对开工与投产日期",
                lambda t: t.production_date < t.start_date),
    )),
    Kind("plans", "plans", "规划", (
        Column("plan_id", "text", "规划代码", ("规划代码", "规划编号"), required=True),
        Column("name", "text", "规划名称", ("规划名称", "名称"), required=True),
        Column("issuer", "text", "印发机关", ("印发机关", "发文机关")),
        Column("doc_number", "text", "文号", ("文号", "发文字号")),
        Column("jurisdiction", "text", "适用地区代码", ("适用地区代码", "地区代码")),
        Column("base_year", "year", "基期年", ("基期年", "基期")),
        Column("target_year", "year", "目标年", ("目标年",)),
    ), key=("plan_id",)),
    Kind("plan-indicators", "plan_indicators", "规划指标与目标", (
        Column("plan_id", "text", "规划代码", ("规划代码",), required=True, references=("plans", "plan_id")),
        Column("indicator_id", "text", "指标代码", ("指标代码", "指标编号"), required=True),
        Column("seq", "int", "序号", ("序号",), min=0),
        Column("name", "text", "指标名称", ("指标名称", "指标"), required=True),
        Column("unit", "text", "单位", ("单位", "计量单位")),
        Column("category", "text", "类别", ("类别", "指标类别")),
        Column("base_value", "float", "基期值", ("基期值",)),
        Column("base_year", "year", "基期年份", ("基期年份",)),
        Column("target_op", "enum", "目标类型", ("目标类型", "比较方式"), required=True, choices=TARGET_OPS),
        Column("target_value", "float", "目标值", ("目标值",)),
        Column("target_low", "float", "目标下限", ("目标下限",)),
        Column("target_high", "float", "目标上限", ("目标上限",)),
        Column("cumulative", "bool", "累计数", ("累计数", "是否累计")),
        Column("target_year", "year", "目标年份", ("目标年份",)),
        Column("attribute", "text", "属性", ("属性",)),
        Column("responsible", "text", "责任单位", ("责任单位", "牵头单位")),
        Column("note", "text", "备注", ("备注", "注")),
    ), key=("plan_id", "indicator_id"), row_rules=(
        RowRule("target_low", ("target_low", "target_high"), "目标下限大于上限", "区间目标应满足 下限 ≤ 上限",
                lambda t: t.target_low > t.target_high),
    )),
    Kind("indicator-values", "indicator_values", "指标公布值（官方发布）", (
        Column("indicator", "text", "指标", ("指标", "指标名称", "指标代码"), required=True),
        _region("region_code", "地区代码", ("地区代码", "区划代码")),
        Column("period", "period", "统计期", ("统计期", "期别", "年份"), required=True),
        Column("value", "float", "数值", ("数值", "指标值", "值"), required=True),
        Column("unit", "text", "单位", ("单位",)),
        Column("source", "text", "来源", ("来源", "数据来源", "出处"), required=True,
               help="例如 湖南省统计局《2025年统计公报》"),
    ), key=("indicator", "region_code", "period")),
    Kind("pollutants", "pollutant_emissions", "企业主要污染物排放量", (
        USCC,
        Column("year", "year", "年份", ("年份", "统计年份"), required=True),
        Column("cod_t", "float", "化学需氧量排放量", ("化学需氧量排放量", "化学需氧量", "COD排放量", "COD"),
               dimension="pollutant", min=0),
        Column("ammonia_n_t", "float", "氨氮排放量", ("氨氮排放量", "氨氮", "NH3-N"), dimension="pollutant",
               min=0),
        Column("so2_t", "float", "二氧化硫排放量", ("二氧化硫排放量", "二氧化硫", "SO2排放量", "SO2"),
               dimension="pollutant", min=0),
        Column("nox_t", "float", "氮氧化物排放量", ("氮氧化物排放量", "氮氧化物", "NOx排放量", "NOx"),
               dimension="pollutant", min=0),
        Column("source", "text", "来源", ("来源", "数据来源"), help="如 排污许可执行报告、环境统计"),
    ), key=("uscc", "year"), row_rules=(
        RowRule("cod_t", ("cod_t", "ammonia_n_t", "so2_t", "nox_t"), "四项主要污染物均未填写",
                "至少填写化学需氧量、氨氮、二氧化硫、氮氧化物中的一项（未排放填 0）",
                lambda t: t.cod_t.isnull() & t.ammonia_n_t.isnull() & t.so2_t.isnull()
                & t.nox_t.isnull()),
    ), help="亩均效益“单位排放增加值”的分母：主要污染物（COD、氨氮、SO2、NOx）排放量，单位吨。"),
    Kind("deflators", "deflators", "价格指数（可比价）", (
        _region("region_code", "地区代码", ("地区代码", "区划代码")),
        Column("year", "year", "年份", ("年份",), required=True),
        Column("scope", "text", "口径", ("口径", "范围"), required=True, help="如 制造业 / 工业"),
        Column("index_value", "float", "价格指数", ("价格指数", "出厂价格指数", "指数"), required=True, min=0),
        Column("base", "text", "基期", ("基期", "对比基期"), help="上年=100"),
        Column("source", "text", "来源", ("来源",)),
    ), key=("region_code", "year", "scope")),
)


def kind(name: str) -> Kind:
    """The import kind called ``name`` (e.g. ``enterprises``)."""
    for k in KINDS:
        if k.name == name or k.table == name:
            return k
    raise NotFoundError(f"没有名为 {name} 的导入类型", f"no import kind {name}",
                        fix="可用类型：" + "、".join(k.name for k in KINDS))
