// ECharts renders the string a tooltip formatter returns as HTML, so every line of a tooltip goes
// through tipLines: each is escaped (names come from imported data) and the lines are joined by <br/>.
import echarts from './echarts.js'

export const escapeHtml = (value) => echarts.format.encodeHTML(value === null || value === undefined ? '' : String(value))

export const tipLines = (...lines) => lines.map(escapeHtml).join('<br/>')
