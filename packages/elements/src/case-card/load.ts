/**
 * The network half of case-card: the HTTP client and the contract's schemas (zod/mini). Imported on first
 * use only, so a card written inline by a page author never downloads them.
 */
export { caseSchema, createClient } from '@agir/core';
