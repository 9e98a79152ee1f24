/**
 * @module
 * The built-in provider database: the generated, committed data module.
 */
import data from './data.generated.json' with { type: 'json' }
import * as z from 'zod'
import { ProviderSchema, type Provider } from './schema.ts'

export const GeneratedSchema = z.object({ providers: z.array(ProviderSchema) })

/** The generated module exactly as committed (its own tests prove it is in validated form). */
export const builtInData: unknown = data

/**
 * The built-in providers (ISPDB, Delta Chat, MailCore2, research and the curated overlay,
 * merged by `npm run providers:build`). The build validates them with the same schema as an
 * operator file, and data.test.ts checks that validating again changes nothing, so start-up
 * skips the 40 ms of re-validation.
 */
export const loadBuiltInProviders = (): Provider[] =>
  // Safe: data.test.ts asserts GeneratedSchema.parse(data) deep-equals data.
  (data as unknown as z.output<typeof GeneratedSchema>).providers
