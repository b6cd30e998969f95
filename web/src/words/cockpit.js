// Words of the cockpit: key → [中文, English].
export default {
  noData: ['无数据', 'no data'],
  yoy: ['同比', 'on a year before'],
  yoyComparable: ['可比价，同口径', 'comparable prices, same enterprises'],
  planStatuses: ['规划指标状态', "The plan's indicators"],
  items: ['项', 'in all'],
  myChain: ['我的产业链', 'My chain'],
}
