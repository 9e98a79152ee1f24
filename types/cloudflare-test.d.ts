/** The workerd-only module the test runtime imports (test/fake/test-runtime-workerd.ts). */
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>
}

/** The pool's helper module (types from @cloudflare/vitest-pool-workers, only what setup.ts uses). */
declare module 'cloudflare:test' {
  export interface D1Migration {
    name: string
    queries: string[]
  }
  export function applyD1Migrations(db: unknown, migrations: D1Migration[]): Promise<void>
}
