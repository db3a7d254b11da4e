/**
 * The seed campaign: packages/server/seed/xinjiang.json, loaded by `start --seed` into an empty database: the
 * petition with its words in its default language and its `translations`, and each case once per language
 * (the first listed is the case's default language).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkCases } from './cases.js';
import type { NewPetition, Store } from './store.js';

const seedFile = fileURLToPath(new URL('../seed/xinjiang.json', import.meta.url));

interface SeedFile {
  petition: NewPetition;
  cases: Array<Record<string, unknown>>;
}

/** Seeds the database when it has no petition; true when it did. */
export async function seedDatabase(store: Store, file = seedFile, now = new Date()): Promise<boolean> {
  const seed = JSON.parse(readFileSync(file, 'utf8')) as SeedFile;
  const checked = checkCases(seed.cases, now);
  if (!checked.ok) throw new Error(`The seed file ${file} has invalid cases:\n${checked.errors.join('\n')}`);
  return store.seed(seed.petition, checked.cases);
}
