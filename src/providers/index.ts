/**
 * @module
 * The provider database: model, built-in data, operator overlay, index and server expansion.
 */

// Model
export {
  CONFIDENCES,
  CREDENTIALS,
  isPlaintextOnly,
  ProviderObjectSchema,
  ProviderSchema,
  REGIONS,
  ServerSpecSchema,
  STATUSES,
} from './schema.ts'
export type { Credential, Hint, LocalizedText, Provider, ProviderInput, Region } from './schema.ts'

// Loading
export { loadBuiltInProviders } from './built-in.ts'
export { parseProviders } from './overlay.ts'

// Lookup
export { createProviderIndex } from './provider-index.ts'
export type { ProviderIndex } from './provider-index.ts'
export { isHostName, normalizeDomain } from './domain.ts'

// Presentation
export {
  DataSourceSchema,
  describeSource,
  providerView,
  ProviderViewSchema,
} from './data-sources.ts'
export type { DataSource, ProviderView } from './data-sources.ts'
export { expandPlaceholders, splitEmail, usernameInForm } from './expand.ts'
export { hintsFor, providerName } from './hints.ts'
export { accountIdLabel, accountIdShort } from './account-id.ts'
