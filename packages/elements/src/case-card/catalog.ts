import { createCatalog } from '@agir/core';
import en, { type CaseCardMessages } from './messages/en.js';

/** Messages of case-card and case-card-list: English bundled, other languages loaded when first used. */
export const catalog = createCatalog<CaseCardMessages>('case-card', {
  en,
  fr: () => import('./messages/fr.js'),
  es: () => import('./messages/es.js'),
  de: () => import('./messages/de.js'),
  ar: () => import('./messages/ar.js'),
  it: () => import('./messages/it.js'),
  nl: () => import('./messages/nl.js'),
  pt: () => import('./messages/pt.js'),
  ug: () => import('./messages/ug.js'),
  'zh-Hans': () => import('./messages/zh-Hans.js'),
});
