import type { Select } from '../shared/space.js';

/** The video's place: its frame at the page's ratio (16:9 unless `--agir-video-ratio` says otherwise). */
export const videoSpace = (at: Select): string => `${at()}{display:block;aspect-ratio:var(--agir-video-ratio,16/9)}`;
