/**
 * @module
 * The `code` of a Node system error (ECONNREFUSED, ENOTFOUND …), or '' when there is none.
 */

/**
 * @example
 * errorCode(Object.assign(new Error('x'), { code: 'ECONNRESET' })) // 'ECONNRESET'
 */
export const errorCode = (err: unknown): string =>
  err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : ''
