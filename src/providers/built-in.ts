/**
 * @module
 * The built-in provider database: the generated, committed data module, validated on load.
 */
import data from './data.generated.json' with { type: 'json' }
import { z } from 'zod'
import { ProviderSchema, type Provider } from './schema.ts'

const GeneratedSchema = z.object({ providers: z.array(ProviderSchema) })

/**
 * The built-in providers (ISPDB, Delta Chat, MailCore2, research and the curated overlay,
 * merged by `npm run providers:build`). Validated with the same schema as an operator file.
 */
export const loadBuiltInProviders = (): Provider[] => GeneratedSchema.parse(data).providers
