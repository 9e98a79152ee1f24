/**
 * @module
 * Per-client setup guides: data (client specs, message tables) and the pure renderer.
 */

// Model
export { CLIENT_IDS, VALUE_REFS } from './types.ts'
export type {
  ClientId,
  ClientSpec,
  ClientWording,
  Guide,
  GuideError,
  GuideServer,
  GuideStep,
  StepSource,
  StepSpec,
  ValueRef,
} from './types.ts'

// Data
export { CLIENTS } from './clients/index.ts'
export { MESSAGES, isMessageKey, message } from './messages.ts'
export { SOURCES } from './sources.ts'
export type { MessageKey } from './messages.ts'

// Rendering
export { isUnconfirmed, renderGuide } from './render.ts'
export { OAUTH_CLIENTS, oauthNotice, signsInOnWeb } from './oauth.ts'
export type { GuideOptions } from './render.ts'
export { usualErrors } from './errors.ts'
