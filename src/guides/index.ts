/**
 * @module
 * Per-client setup guides: data (client specs, message tables) and the pure renderer.
 */

// Model
export { CLIENT_IDS, VALUE_REFS } from './types.ts'
export type {
  ClientId,
  ClientSpec,
  Guide,
  GuideError,
  GuideServer,
  GuideStep,
  IncomingProtocol,
  StepSpec,
  ValueRef,
} from './types.ts'

// Data
export { CLIENTS } from './clients/index.ts'
export { MESSAGES, isMessageKey, message } from './messages.ts'
export type { MessageKey } from './messages.ts'

// Rendering
export { renderGuide } from './render.ts'
export type { GuideOptions } from './render.ts'
export { usualErrors } from './errors.ts'
