import { createRouter, createWebHistory } from 'vue-router'
import { user } from './api.js'

const routes = [
  { path: '/login', component: () => import('./views/Login.vue'), meta: { public: true } },
  { path: '/', component: () => import('./views/Cockpit.vue') },
  { path: '/cities/:code', component: () => import('./views/City.vue'), props: true },
  { path: '/plan', component: () => import('./views/Plan.vue') },
  { path: '/parks', component: () => import('./views/Parks.vue') },
  { path: '/parks/:id', component: () => import('./views/Park.vue'), props: true },
  { path: '/enterprises', component: () => import('./views/Enterprises.vue') },
  { path: '/enterprises/:uscc', component: () => import('./views/Enterprise.vue'), props: true },
  { path: '/ladders', component: () => import('./views/Ladders.vue') },
  { path: '/policies', component: () => import('./views/Policies.vue') },
  { path: '/chains', component: () => import('./views/Chains.vue') },
  { path: '/chains/:id', component: () => import('./views/Chain.vue'), props: true },
  { path: '/evaluations', component: () => import('./views/Evaluations.vue') },
  { path: '/problems', component: () => import('./views/Problems.vue') },
  { path: '/tasks', component: () => import('./views/Tasks.vue') },
  { path: '/tasks/new', component: () => import('./views/TaskNew.vue') },
  { path: '/warnings', component: () => import('./views/Warnings.vue') },
  { path: '/regional', component: () => import('./views/Regional.vue') },
  { path: '/reports', component: () => import('./views/Reports.vue') },
  { path: '/imports', component: () => import('./views/Imports.vue') },
  { path: '/audit', component: () => import('./views/Audit.vue') },
  { path: '/users', component: () => import('./views/Users.vue') },
  { path: '/password', component: () => import('./views/Password.vue') },
  { path: '/:rest(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach((to) => {
  if (!to.meta.public && !user.value) return { path: '/login', query: { next: to.fullPath } }
  if (user.value?.must_change_password && to.path !== '/password' && !to.meta.public) return '/password'
  // each role lands on its own page: an enterprise on itself, a chain office on its chain
  const scope = user.value?.scope
  if (to.path === '/' && scope?.kind === 'enterprise') return `/enterprises/${scope.values[0]}`
  if (to.path === '/' && scope?.kind === 'chain') return `/chains/${scope.values[0]}`
})
