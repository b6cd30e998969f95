// Chinese first, English on request; the choice is kept in the browser.
import { ref } from 'vue'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import en from 'element-plus/es/locale/lang/en'

export const lang = ref(localStorage.getItem('gaodi.lang') || 'zh')
export const elementLocale = () => (lang.value === 'zh' ? zhCn : en)

export function setLang(value) {
  lang.value = value
  localStorage.setItem('gaodi.lang', value)
  document.documentElement.lang = value === 'zh' ? 'zh-CN' : 'en'
}

const words = {
  title: ['高地 · 先进制造业高地监测平台', 'Gaodi · Advanced Manufacturing Highland'],
  cockpit: ['驾驶舱', 'Cockpit'], plan: ['规划与指标', 'Plan & indicators'], parks: ['园区', 'Parks'],
  enterprises: ['企业', 'Enterprises'], ladders: ['梯度培育', 'Enterprise ladders'],
  policies: ['政策计算器', 'Policy calculator'], chains: ['产业链', 'Industrial chains'],
  evaluations: ['集群与园区评价', 'Clusters & park evaluations'], problems: ['企业诉求', 'Enterprise problems'],
  regional: ['区域布局', 'Regional layout'], reports: ['报告', 'Reports'], imports: ['数据导入', 'Imports'], audit: ['审计日志', 'Audit log'],
  login: ['登录', 'Log in'], logout: ['退出', 'Log out'], username: ['用户名', 'Username'],
  password: ['密码', 'Password'], scope: ['数据范围', 'Scope'], year: ['年度', 'Year'],
  period: ['统计期', 'Period'], indicator: ['指标', 'Indicator'], colourBy: ['地图着色指标', 'Colour the map by'],
  cities: ['各市', 'Cities'], counties: ['县市区', 'Counties'], search: ['搜索', 'Search'],
  exportCsv: ['导出 CSV', 'Export CSV'], exportXlsx: ['导出 Excel', 'Export Excel'],
  value: ['数值', 'Value'], target: ['目标', 'Target'], base: ['基期', 'Base'], status: ['状态', 'Status'],
  progress: ['进度', 'Progress'], forecast: ['预测', 'Forecast'], required: ['所需增速/增量', 'Required'],
  planCards: ['规划主要指标', "The plan's main indicators"], loading: ['正在计算…', 'Computing…'],
  detail: ['详情', 'Detail'], statistics: ['历年统计', 'Annual statistics'], titles: ['称号', 'Titles'],
  placements: ['产业链位置', 'Chain placements'], clusters: ['所属集群', 'Clusters'],
  ladderStatus: ['梯度位置与差距', 'Ladder positions and gaps'], myPolicies: ['可享政策与所缺条件', 'Policies and what is lacking'],
  qualifies: ['符合', 'Qualifies'], nearMiss: ['接近符合', 'Near miss'], lacking: ['尚缺', 'Lacking'],
  amount: ['预计金额（万元）', 'Amount (10k yuan)'], enterprisesOfPolicy: ['该政策的企业', "The policy's enterprises"],
  rung: ['梯级', 'Rung'], candidates: ['候选企业', 'Candidates'], rulesUsed: ['所用规则', 'Rules used'],
  olderRules: ['其他版本（不适用于本年数据）', 'Other versions (not used for this year)'], upload: ['上传并导入', 'Upload and import'],
  kind: ['导入类型', 'Kind'], chooseFile: ['选择文件', 'Choose a file'], skipInvalid: ['只导入有效行', 'Import valid rows only'],
  validation: ['校验结果', 'Validation report'], importLog: ['导入记录', 'Import log'],
  row: ['行', 'Row'], column: ['列', 'Column'], reason: ['原因', 'Reason'], fix: ['处理办法', 'How to fix'],
  back: ['返回', 'Back'], province: ['全省', 'Province'], all: ['全部', 'All'], aboveScale: ['规上', 'Above scale'],
  next: ['下一梯级', 'Next rung'], held: ['已获', 'Held'], policy: ['政策', 'Policy'], mode: ['兑现方式', 'Mode'],
  verdict: ['判断', 'Verdict'], myEnterprise: ['我的企业', 'My enterprise'], ok: ['成功', 'Done'],
  noAccess: ['无权访问', 'No access'],
  planScaled: ['演示数据的企业数为正式规模的 {1} 倍：规划中的数量和总量目标（家、个、亿元等）及其基期值已按 {1} 倍缩放，占比、比率和增速目标不变。',
    'The demo has {1} times the enterprises of the real province: the plan\'s count and total targets (enterprises, 亿元 ...) and their base values are scaled by {1}; shares, rates and growth targets are unchanged.'], demoNote: ['演示数据为合成数据，企业名称均为虚构', 'Demo data are synthetic; enterprise names are invented'],
}

// Each page area keeps its own words in words/<area>.js (default export: key → [中文, English]).
for (const module of Object.values(import.meta.glob('./words/*.js', { eager: true }))) {
  Object.assign(words, module.default)
}

export function t(key) {
  const pair = words[key]
  if (!pair) return key
  return lang.value === 'zh' ? pair[0] : pair[1]
}

// A column's label in the current language: the API sends both.
export const label = (col) => (lang.value === 'zh' ? col.label : col.label_en || col.label)

// Display names of every enumeration (level, mode, verdict, status, outcome, action, role, stage …), from the
// one catalogue in Python (gaodi.terms, GET /api/catalog/terms), read once before the app mounts.
const terms = ref({})
export async function loadTerms() {
  try {
    const res = await fetch('/api/catalog/terms')
    if (res.ok) terms.value = await res.json()
  } catch {
    // the pages still work; an unnamed value shows as itself and the two-language browser walk catches it
  }
}
// The name of `value` as a `kind` (a field name such as 'level'); the value itself when the catalogue has none.
export function term(kind, value) {
  const hit = terms.value[kind]?.[value]
  return hit ? hit[lang.value] : value
}
// Whether the catalogue names this field's values, so that a table can show names in a column it does not know.
export const hasTerms = (kind) => !!terms.value[kind]

// Times as a person reads them: local (Asia/Shanghai) to the minute, never UTC with microseconds.
// A naive server time (no offset) is taken as UTC, which is what the store writes.
export function localTime(value) {
  if (!value) return '—'
  const text = String(value)
  const stamp = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : text.replace(' ', 'T') + 'Z'
  const d = new Date(stamp)
  if (Number.isNaN(d.getTime())) return text
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d)
  const get = (type) => parts.find((p) => p.type === type)?.value
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`
}

// A share (a fraction 0–1 in every JSON answer) as a percentage with its unit.
export const percent = (v, digits = 1) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`)
