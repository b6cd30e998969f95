// The one way the UI talks to the API: the token in sessionStorage, errors in the API's one shape.
import { ref } from 'vue'

export const user = ref(JSON.parse(sessionStorage.getItem('gaodi.user') || 'null'))

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message || `HTTP ${status}`)
    this.status = status
    this.error = body?.error || { code: `http_${status}`, message: this.message, details: {} }
  }
}

function headers() {
  const token = sessionStorage.getItem('gaodi.token')
  return token ? { Authorization: `Bearer ${token}` } : {}
}

export async function api(path, { method = 'GET', body, form } = {}) {
  const init = { method, headers: headers() }
  if (form) init.body = form
  else if (body !== undefined) {
    init.body = JSON.stringify(body)
    init.headers['Content-Type'] = 'application/json'
  }
  const res = await fetch(`/api${path}`, init)
  const data = await res.json().catch(() => null)
  if (res.status === 401 && path !== '/auth/login') logout()
  if (!res.ok) throw new ApiError(res.status, data)
  return data
}

export const query = (params) => {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v)
  const s = q.toString()
  return s ? `?${s}` : ''
}

export async function download(path, params, fmt) {
  const res = await fetch(`/api${path}${query({ ...params, format: fmt })}`, { headers: headers() })
  if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => null))
  const disposition = res.headers.get('Content-Disposition') || ''
  const name = decodeURIComponent((disposition.match(/filename\*=UTF-8''(.+)$/) || [])[1] || `export.${fmt}`)
  const url = URL.createObjectURL(await res.blob())
  const a = Object.assign(document.createElement('a'), { href: url, download: name })
  a.click()
  URL.revokeObjectURL(url)
}

function keep(data) {
  sessionStorage.setItem('gaodi.token', data.access_token)
  sessionStorage.setItem('gaodi.user', JSON.stringify(data.user))
  user.value = data.user
  return data.user
}

export async function login(username, password) {
  return keep(await api('/auth/login', { method: 'POST', body: { username, password } }))
}

// Changing one's password ends every other session: the answer carries the new token.
export async function changePassword(current, next) {
  return keep(await api('/auth/password', { method: 'POST', body: { current_password: current, new_password: next } }))
}

export function logout() {
  sessionStorage.removeItem('gaodi.token')
  sessionStorage.removeItem('gaodi.user')
  user.value = null
}

export const can = (action) => !!user.value?.actions?.includes(action)
