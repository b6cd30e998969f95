import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { router } from './router.js'
import { loadTerms } from './i18n.js'

loadTerms().then(() => createApp(App).use(ElementPlus).use(router).mount('#app'))
