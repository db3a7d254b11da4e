import { createApp } from 'vue';
import '@agir/elements/signature-counter/define';
import '@agir/elements/donation-calculator/define';
import App from './App.vue';

createApp(App).mount('#app');
