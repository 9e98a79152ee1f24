/**
 * @module
 * The recommendation engine: which servers to use, which secret and username to type, and why.
 * Its parts (protocol choice, ranking, credential, texts) are imported from their own files by
 * the engine and its tests; this entry exports what the layers above use.
 */
export { recommend } from './recommend.ts'
export type { Recommendation } from './types.ts'
