// Words shared by the table columns and filters of several pages: key → [中文, English].
export default {
  auditAction: ['操作', 'Action'],
  level: ['级别', 'Level'],
  yearGranted: ['认定年', 'Granted'],
  expires: ['到期', 'Expires'],
  chain: ['产业链', 'Chain'],
  segment: ['环节', 'Segment'],
  nextStep: ['下一步', 'Next step'],
  industryCode: ['行业代码', 'Industry code'],
  belowScale: ['规下', 'Below scale'],
  cellValue: ['值', 'Value'],
  unit: ['单位', 'Unit'],
  note: ['说明', 'Note'],
  sector: ['产业', 'Sector'],
  subject: ['对象', 'Subject'],
}
