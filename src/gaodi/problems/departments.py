"""The departments a problem is assigned to (承办部门): a catalogue to choose from, not free text.

Free text splits one department into several (省工信厅, 省工业和信息化厅, 工信厅) and breaks the statistics
by department. The catalogue is the usual provincial departments and enterprises of public service
that 送解优 assigns to, their city-level counterparts, and every department already used in the
workspace (so an older name stays selectable); a user may still type a department not yet in it.
"""

from __future__ import annotations

from collections.abc import Iterable

PROVINCIAL = ("省发展改革委", "省工业和信息化厅", "省科技厅", "省财政厅", "省人力资源社会保障厅", "省自然资源厅",
              "省生态环境厅", "省住房城乡建设厅", "省交通运输厅", "省商务厅", "省市场监管局", "省税务局",
              "省地方金融管理局", "省能源局", "省政务服务和大数据中心", "国网湖南省电力有限公司")
CITY = ("市发展改革委", "市工业和信息化局", "市科技局", "市财政局", "市人力资源社会保障局", "市自然资源和规划局",
        "市生态环境局", "市住房城乡建设局", "市商务局", "市市场监管局", "市税务局", "市行政审批服务局", "园区管委会")

GROUPS = {"province": "省直部门", "city": "市州部门", "used": "已使用"}


def department_catalogue(used: Iterable[str | None] = ()) -> list[dict[str, str]]:
    """Departments to choose from, each with its group (``province`` 省直部门, ``city`` 市州部门, ``used``
    已使用) and the group's Chinese name; catalogue order first."""
    seen: set[str] = set()
    out: list[dict[str, str]] = []
    for group, names in (("province", PROVINCIAL), ("city", CITY), ("used", sorted(n for n in used if n))):
        for name in names:
            if name not in seen:
                seen.add(name)
                out.append({"name": name, "group": group, "group_label": GROUPS[group]})
    return out
