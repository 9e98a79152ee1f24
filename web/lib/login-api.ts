/**
 * @module
 * POST /api/v1/login-test from the page and the widget: the step events as they arrive, then
 * the verdict per server. The password lives only in the request body built here.
 */
import { ApiError, postForEvents, request } from './api.ts'
import type { LoginStep, LoginTestAnswer, LoginTestInput } from './types.ts'

const PATH = '/api/v1/login-test'

/**
 * @example
 * const answer = await loginTest('', { email, password, lang: 'en', reportId }, (s) => show(s))
 */
export const loginTest = async (
  base: string,
  input: LoginTestInput,
  onStep: (step: LoginStep) => void,
  signal?: AbortSignal,
): Promise<LoginTestAnswer> => {
  let answer: LoginTestAnswer | null = null
  let failure: ApiError | null = null
  const whole = await postForEvents(
    `${base}${PATH}`,
    JSON.stringify(input),
    (event, value) => {
      if (event === 'step') onStep(value as LoginStep)
      else if (event === 'result') answer = value as LoginTestAnswer
      else if (event === 'error') {
        const e = (value as { error?: { code?: string; message?: string } }).error
        failure = new ApiError(e?.code ?? 'INTERNAL', e?.message ?? 'error', 200)
      }
    },
    // Never kept by the browser for later: the body holds the password.
    { cache: 'no-store', credentials: 'omit', signal },
  )
  if (whole !== undefined) return whole as LoginTestAnswer
  if (failure) throw failure
  if (!answer) throw new ApiError('network', 'the stream ended before the result', 200)
  return answer
}

const available = new Map<string, Promise<boolean>>()

/**
 * Whether this deployment tests logins: a body without an address is refused as bad input
 * where it does (400), and answered 501 NOT_AVAILABLE_IN_THIS_DEPLOYMENT (or 404 before the
 * route existed) where it does not. Asked once per page and API origin.
 */
export const loginTestAvailable = (base: string): Promise<boolean> => {
  let known = available.get(base)
  if (!known) {
    known = request(`${base}${PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      credentials: 'omit',
    }).then(
      (res) => res.status !== 501 && res.status !== 404,
      () => false,
    )
    available.set(base, known)
  }
  return known
}
