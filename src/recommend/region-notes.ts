/**
 * @module
 * Which of a provider's regional hosts was chosen and why, naming the other one: Tencent Exmail's
 * imap.exmail.qq.com in mainland China and hwimap.exmail.qq.com elsewhere, NetEase qiye's hz and
 * hwhz hosts, 263's imap and imapw.
 */
import type { CandidateServer } from '../discovery/types.ts'
import { serverLabel } from './labels.ts'
import { NO_CONTEXT, rankUsable, type Region } from './rank.ts'
import { REGION_WORDS, type Draft } from './texts.ts'

/**
 * The reason for a chosen regional host, or none when the chosen host has no region or the
 * provider offers no usable host for the other region.
 *
 * @example
 * regionNote(hwimap, [imapCn, hwimap], 'intl')?.code // 'SERVER_REGION'
 */
export const regionNote = (
  chosen: CandidateServer | null,
  all: readonly CandidateServer[],
  region: Region | undefined,
): Draft | null => {
  if (!chosen?.region) return null
  const same = all.filter((c) => c.protocol === chosen.protocol)
  const alternative = rankUsable(same, NO_CONTEXT, region).find(
    (c) => c.region && c.region !== chosen.region,
  )
  if (!alternative?.region) return null
  return {
    code: region === chosen.region ? 'SERVER_REGION' : 'SERVER_REGION_DEFAULT',
    params: {
      server: serverLabel(chosen),
      alternative: alternative.host,
      region: REGION_WORDS[chosen.region],
      other: REGION_WORDS[alternative.region],
    },
  }
}
