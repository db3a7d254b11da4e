import DefaultTheme from 'vitepress/theme';
import type { Theme } from 'vitepress';
import ApiTable from './ApiTable.vue';
import EmbedBuilder from './EmbedBuilder.vue';
import LiveExample from './LiveExample.vue';
import SriTable from './SriTable.vue';
import './custom.css';

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('ApiTable', ApiTable);
    app.component('EmbedBuilder', EmbedBuilder);
    app.component('LiveExample', LiveExample);
    app.component('SriTable', SriTable);
  },
} satisfies Theme;
