/** An API or network failure as a sentence in the UI language. */
import { ApiError } from './api.ts'
import type { MessageKey, Translate } from './messages.ts'

const KNOWN: Record<string, MessageKey> = {
  INVALID_INPUT: 'error.INVALID_INPUT',
  RATE_LIMITED: 'error.RATE_LIMITED',
  BUSY: 'error.BUSY',
  ORIGIN_NOT_ALLOWED: 'error.ORIGIN_NOT_ALLOWED',
  LOGIN_LIMITED: 'error.LOGIN_LIMITED',
  PLAINTEXT_REFUSED: 'error.PLAINTEXT_REFUSED',
  INSECURE_TRANSPORT: 'error.INSECURE_TRANSPORT',
  NOT_AVAILABLE_IN_THIS_DEPLOYMENT: 'error.NOT_AVAILABLE_IN_THIS_DEPLOYMENT',
  network: 'error.network',
}

export const errorText = (t: Translate, err: unknown): string => {
  if (err instanceof ApiError) {
    const key = KNOWN[err.code]
    const minutes = Math.max(1, Math.ceil((err.retryAfter ?? 900) / 60))
    return key ? t(key, { minutes }) : t('error.generic', { message: err.message })
  }
  return t('error.generic', { message: err instanceof Error ? err.message : String(err) })
}

/** Good enough to send: the API does the real check. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
