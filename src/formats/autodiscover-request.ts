/**
 * @module
 * Reads the POX Autodiscover request Outlook POSTs:
 * `<Autodiscover xmlns=".../requestschema/2006"><Request><EMailAddress>…</EMailAddress>
 * <AcceptableResponseSchema>…/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>`.
 */
import * as z from 'zod'
import { createSafeXmlParser, decodeXmlText } from '../util/safe-xml.ts'

/** The response schema Outlook asks for; the only one this service answers. */
export const OUTLOOK_RESPONSE_SCHEMA =
  'http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a'

export type AutodiscoverRequest =
  | { ok: true; email: string; schema: string | null }
  | { ok: false; reason: 'forbidden' | 'malformed' | 'no-address' }

const parseSafeXml = createSafeXmlParser({ removeNSPrefix: true })

const text = z.string().transform(decodeXmlText)

const RequestShape = z.object({
  Autodiscover: z.object({
    Request: z.object({
      EMailAddress: text.pipe(z.string().trim().min(1)),
      AcceptableResponseSchema: text.optional(),
    }),
  }),
})

/**
 * @example
 * await parseAutodiscoverRequest(outlookBody) // { ok: true, email: 'ann@example.com', schema: OUTLOOK_RESPONSE_SCHEMA }
 */
export const parseAutodiscoverRequest = async (xml: string): Promise<AutodiscoverRequest> => {
  const parsed = await parseSafeXml(xml)
  if (!parsed.ok) return { ok: false, reason: parsed.reason }
  const shape = RequestShape.safeParse(parsed.tree)
  if (!shape.success) return { ok: false, reason: 'no-address' }
  const { EMailAddress, AcceptableResponseSchema } = shape.data.Autodiscover.Request
  return { ok: true, email: EMailAddress, schema: AcceptableResponseSchema?.trim() || null }
}
