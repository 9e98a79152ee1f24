/**
 * @module
 * The provider database: model, built-in data, operator overlay, index and server expansion.
 */

// Model
export {
  AUTH_METHODS,
  CLIENT_ACCESS,
  CONFIDENCES,
  CREDENTIALS,
  DomainSchema,
  HINT_KINDS,
  HintSchema,
  isPlaintextOnly,
  LocalizedTextSchema,
  ProviderObjectSchema,
  REGIONS,
  ProviderSchema,
  ServerSpecSchema,
  STATUSES,
  UnverifiedHostSchema,
} from './schema.ts'
export type {
  Credential,
  Hint,
  LocalizedText,
  Provider,
  ProviderInput,
  Region,
  ServerSpec,
} from './schema.ts'

// Loading
export { loadBuiltInProviders } from './built-in.ts'
export { parseProviders, parseProvidersText, ProvidersFileError } from './overlay.ts'

// Lookup
export { createProviderIndex } from './provider-index.ts'
export type { ProviderIndex } from './provider-index.ts'
export { hostSuffixes, isHostName, normalizeDomain } from './domain.ts'

// Presentation
export { expandPlaceholders, splitEmail } from './expand.ts'
export { hintsFor, localize, localizeAdvice, providerName } from './hints.ts'
