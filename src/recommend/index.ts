/**
 * @module
 * The recommendation engine: which servers to use, which secret and username to type, and why.
 */

// Engine
export { recommend } from './recommend.ts'
export type { Note, Recommendation, RecommendInput } from './types.ts'

// Parts
export { chooseProtocol, preferredProtocol } from './protocol-choice.ts'
export type { ProtocolChoice } from './protocol-choice.ts'
export { isCertProblem, isLastResort, rankUsable, sourceRank, standingOf } from './rank.ts'
export type { Standing } from './rank.ts'
export { credentialFor, usernameFor } from './credential.ts'
export { serverNotes } from './server-notes.ts'
export type { Direction } from './server-notes.ts'
export { certProblemName, problemMessage, serverLabel, serverList, sourcesLabel } from './labels.ts'

// Texts
export { CERT_PROBLEM_NAMES, say, SOURCE_LABELS, TEXTS } from './texts.ts'
export type { Draft, Localized, Notes, Param, TextCode } from './texts.ts'
