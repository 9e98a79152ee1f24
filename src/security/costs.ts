/**
 * @module
 * Limits by cost: each client has three budgets a minute, and a request spends what its work
 * costs. `requests` (every request, a generous limit: an answer from the provider database, the
 * operator file, a stored report or kept verified settings costs nothing more), `lookups` (each
 * DNS query that leaves the service and each autoconfig fetch) and `probes` (each probe socket).
 *
 * What a request will send is known only as it runs (a cached source costs nothing), so work is
 * billed when it happens, to the client of the request that started it (a ContextStore carries
 * it through shared runs: the first requester pays, the ones that join it do not). Before work
 * starts, a route asks `need()`: a client whose budget is spent is turned away with 429 naming
 * the budget and the wait, instead of being cut off half-way through a diagnosis.
 */
import type { Resolver } from '../dns/resolver.ts'
import { CodedError } from '../errors/coded-error.ts'
import type { ContextStore } from '../util/context-store.ts'
import { type RateLimiter, type Verdict, createRateLimiter } from './rate-limit.ts'

export const BUDGETS = ['requests', 'lookups', 'probes'] as const
export type Budget = (typeof BUDGETS)[number]

/** Tokens a minute per client, by budget. */
export type Limits = Record<Budget, number>

/** MAILSETUP_REQUEST_LIMIT, MAILSETUP_LOOKUP_LIMIT and MAILSETUP_RATE_LIMIT by default. */
export const DEFAULT_LIMITS: Limits = { requests: 6_000, lookups: 600, probes: 120 }

/** What one token of each budget is, for the error message. */
const UNITS: Record<Budget, string> = {
  requests: 'requests',
  lookups: 'DNS queries and autoconfig fetches',
  probes: 'probe sockets',
}

/** A client's budget is spent: a 429 RATE_LIMITED naming `budget`, with Retry-After. */
export class RateLimitError extends CodedError<'RATE_LIMITED'> {
  override readonly name = 'RateLimitError'
  readonly budget: Budget
  readonly retryAfterSeconds: number

  constructor(budget: Budget, retryAfterSeconds: number, perMinute: number) {
    super(
      'RATE_LIMITED',
      `This client has used its ${budget} budget (${perMinute} ${UNITS[budget]} a minute); try again in ${retryAfterSeconds} s.`,
    )
    this.budget = budget
    this.retryAfterSeconds = retryAfterSeconds
  }
}

export interface CostMeter {
  /** Runs `fn` for `client`: everything it starts is billed to that client. */
  run<R>(client: string, fn: () => R): R
  /** Whether the current client has `amount` of `budget` left (true outside `run`). */
  allows(budget: Budget, amount?: number): boolean
  /** Throws RateLimitError unless the current client has `amount` of `budget` left. */
  need(budget: Budget, amount?: number): void
  /** `need`, then spends it. */
  take(budget: Budget, amount?: number): void
  /**
   * `take` for `client`, outside any `run`: for a request whose whole work is synchronous (a
   * kept answer), which need not enter the context store.
   */
  takeFor(client: string, budget: Budget, amount?: number): void
  /** Bills work being done to the current client (nothing outside `run`); never refuses. */
  spend(budget: Budget, amount?: number): void
  readonly limits: Limits
}

export interface CostMeterOptions {
  limits?: Partial<Limits>
  store: ContextStore<string>
  now?: () => number
  /** Called for every refusal (the metrics count them). */
  onRefused?: (budget: Budget) => void
}

/**
 * @example
 * const costs = createCostMeter({ limits: { probes: 120 }, store: createNodeContextStore() })
 * await costs.run(clientAddress, async () => { costs.need('probes', 7); await probeMatrix() })
 */
export const createCostMeter = (options: CostMeterOptions): CostMeter => {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits }
  const limiters = Object.fromEntries(
    BUDGETS.map((budget) => [budget, createRateLimiter(limits[budget], options.now)]),
  ) as Record<Budget, RateLimiter>
  const { store } = options

  const refuse = (budget: Budget, verdict: Verdict) => {
    if (verdict.ok) return
    options.onRefused?.(budget)
    throw new RateLimitError(budget, verdict.retryAfterSeconds, limits[budget])
  }
  const need = (budget: Budget, amount = 1) => {
    const client = store.get()
    if (client !== undefined) refuse(budget, limiters[budget].check(client, amount))
  }
  const spend = (budget: Budget, amount = 1) => {
    const client = store.get()
    if (client !== undefined) limiters[budget].spend(client, amount)
  }
  return {
    limits,
    run: (client, fn) => store.run(client, fn),
    allows(budget, amount = 1) {
      const client = store.get()
      return client === undefined || limiters[budget].check(client, amount).ok
    },
    need,
    spend,
    take(budget, amount = 1) {
      need(budget, amount)
      spend(budget, amount)
    },
    takeFor(client, budget, amount = 1) {
      refuse(budget, limiters[budget].take(client, amount))
    },
  }
}

/**
 * `fn`, billing one token of `budget` for each call before it runs.
 *
 * @example
 * const connect = metered(costs, 'probes', nodeConnect) // each probe socket costs one
 */
export const metered = <A extends unknown[], R>(
  costs: Pick<CostMeter, 'spend'>,
  budget: Budget,
  fn: (...args: A) => R,
): ((...args: A) => R) =>
  function meteredCall(...args: A) {
    costs.spend(budget, 1)
    return fn(...args)
  }

/**
 * The resolver, billing each query to `lookups`. Wrap the resolver under the cache, so that a
 * cached answer costs nothing.
 *
 * @example
 * const resolver = createCachingResolver(meteredResolver(costs, createNodeResolver({ servers })))
 */
export const meteredResolver = (costs: Pick<CostMeter, 'spend'>, inner: Resolver): Resolver => ({
  addresses: metered(costs, 'lookups', (name: string, signal?: AbortSignal) =>
    inner.addresses(name, signal),
  ),
  mx: metered(costs, 'lookups', (name: string, signal?: AbortSignal) => inner.mx(name, signal)),
  srv: metered(costs, 'lookups', (name: string, signal?: AbortSignal) => inner.srv(name, signal)),
})
