// Words of the plan page: key → [中文, English]. Keys start with "pl" so they never collide with other areas.
export default {
  plBasis: ['状态依据', 'Status rests on'],
  plComputed: ['按定义计算', 'Computed by definition'],
  plOfficial: ['官方发布', 'Officially published'],
  plBasisNote: ['有同期官方发布值的指标按所选数值判断状态；无官方值的指标仍按定义计算',
    'Where an official value of the same period exists, the status uses the chosen one; others stay computed'],
  plDifference: ['差（计算−官方）', 'Difference (computed − official)'],
  plNoOfficial: ['无官方发布值', 'No official value'],
}
