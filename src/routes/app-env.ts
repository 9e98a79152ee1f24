/**
 * @module
 * The Hono environment every route shares: per-request variables set by the app's middleware.
 */
import type { Logger } from '../logger.ts'

export interface AppEnv {
  Variables: {
    /** The request id, also sent back as X-Request-Id. */
    reqId: string
    /** A logger that stamps every line with the request id. */
    log: Logger
  }
}
