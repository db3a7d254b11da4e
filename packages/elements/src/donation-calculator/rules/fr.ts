// One country's tax-relief rules and the engine without its input schema (the element builds the input from
// values it has checked, so zod is not loaded), in a chunk of its own in the CDN build.
export { computeTrustedRelief as compute, fr as rules } from '@agir/core/tax';
