/** An API or network failure as a sentence in the UI language. */
import { ApiError } from './api.ts'
import type { MessageKey, Translate } from './messages.ts'

const KNOWN: Record<string, MessageKey> = {
  INVALID_INPUT: 'error.INVALID_INPUT',
  RATE_LIMITED: 'error.RATE_LIMITED',
  BUSY: 'error.BUSY',
  ORIGIN_NOT_ALLOWED: 'error.ORIGIN_NOT_ALLOWED',
  network: 'error.network',
}

export const errorText = (t: Translate, err: unknown): string => {
  if (err instanceof ApiError) {
    const key = KNOWN[err.code]
    return key ? t(key) : t('error.generic', { message: err.message })
  }
  return t('error.generic', { message: err instanceof Error ? err.message : String(err) })
}

/** Good enough to send: the API does the real check. */
export const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
