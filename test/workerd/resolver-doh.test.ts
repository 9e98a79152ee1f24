/** The DoH resolver inside workerd (its fetch), the same cases as under Node. */
import { describe, inject } from 'vitest'
import { dohResolverCases } from '../unit/workers/resolver-doh-cases.ts'

describe('DoH resolver (workerd)', () => {
  dohResolverCases(() => inject('dohUrl'))
})
