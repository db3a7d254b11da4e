// One country's tax-relief rules and the engine, loaded on demand (a chunk of its own in the CDN build).
export { computeReliefWith, gb as rules } from '@agir/core/tax';
