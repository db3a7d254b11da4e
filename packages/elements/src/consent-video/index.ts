export { ConsentVideo } from './consent-video.js';
export { VideoConsentEvent, VideoWithdrawEvent } from './events.js';
export { providers, type Provider, type PlayerOptions } from './providers.js';
