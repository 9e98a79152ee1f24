/**
 * @module
 * The per-client limit on the Cloudflare Workers Rate Limiting binding: one counter per client
 * shared by the isolates of a Cloudflare location, in front of the limits by cost (costs.ts),
 * which each isolate keeps for itself. The binding's limit and period (10 or 60 s) are set in
 * wrangler.toml; it only says yes or no, so a refusal asks the client to wait one period.
 * https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/
 */
import { apiErrorBody } from '../errors/api-body.ts'

/** The binding's API (RateLimit from @cloudflare/workers-types). */
export interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>
}

/** The paths the binding counts: the ones that make the service send traffic. */
const COUNTED =
  /^\/(api\/v1\/(probe|lookup|diagnose|guides\/)|mail\/|\.well-known\/autoconfig\/|autodiscover\/|mobileconfig)/i

/**
 * The 429 for a client over the binding's limit, or null to go on.
 *
 * @example
 * const refusal = await bindingLimit(env.RATE_LIMITER, 60)(request, clientAddress)
 * if (refusal) return refusal
 */
export const bindingLimit =
  (binding: RateLimitBinding, periodSeconds: number) =>
  async (request: Request, client: string): Promise<Response | null> => {
    if (!COUNTED.test(new URL(request.url).pathname)) return null
    const { success } = await binding.limit({ key: client })
    if (success) return null
    const { status, body } = apiErrorBody(
      'RATE_LIMITED',
      `Too many requests from this client; try again in ${periodSeconds} s.`,
    )
    // The binding guards the request counts, as the `requests` budget does in each isolate.
    return Response.json(
      { error: { ...body.error, limit: 'requests' } },
      {
        status,
        headers: { 'Retry-After': String(periodSeconds) },
      },
    )
  }
