// The ladder page: the funnel by city and the candidates nearest to a rung.
export default {
  funnelByCity: ['各市州漏斗', 'Funnel by city'],
  nearestFirst: ['离该梯级最近的企业', 'Enterprises nearest to the rung'],
  nearestHow: ['按未满足条件数、再按差距大小排序；缺数据的条件单列，不算未满足。点击企业名称查看逐条判断。',
    'Ranked by the number of unmet criteria, then by how far short; criteria lacking data are listed apart and do not count as unmet. Click a name for every criterion.'],
  ladderMet: ['符合', 'Met'],
  ladderUnmet: ['未满足', 'Unmet'],
  ladderNeedsData: ['待补数据', 'Needs data'],
  ladderOneShort: ['只差一项', 'One short'],
  condition: ['条件', 'Criterion'],
  actualValue: ['现值', 'Value'],
  requirement: ['要求', 'Requirement'],
  gapLeft: ['差距', 'Gap'],
}
