/**
 * The one Workers runtime module src/worker.ts imports, declared by the slice the adapter uses
 * (src/probes/socket-workers.ts), so the Node typecheck needs no @cloudflare/workers-types
 * globals (they would clash with @types/node's).
 */
declare module 'cloudflare:sockets' {
  import type { WorkersConnectFn } from '../src/probes/socket-workers.ts'
  export const connect: WorkersConnectFn
}
