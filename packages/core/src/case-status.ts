/**
 * The kinds of a case's status. Its own module so that a case card imports this list, not the whole vocabulary.
 */
export const caseStatusKinds = [
  'detained',
  'imprisoned',
  'disappeared',
  'released',
  'at-risk',
  'sentenced',
  'on-trial',
  'harassed',
  'killed',
  'other',
] as const;
