export * from './contract.js';
export * from './errors.js';
export * from './client.js';
export * from './config.js';
export * from './locale.js';
export * from './queue.js';
export * from './signature.js';
