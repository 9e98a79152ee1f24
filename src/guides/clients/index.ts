/**
 * @module
 * Every client's guide spec, by id.
 */
import type { ClientId, ClientSpec } from '../types.ts'
import { appleMail } from './apple-mail.ts'
import { foxmail } from './foxmail.ts'
import { gmailAndroid } from './gmail-android.ts'
import { iosMail } from './ios-mail.ts'
import { mailMaster } from './mail-master.ts'
import { newOutlook } from './new-outlook.ts'
import { outlook } from './outlook.ts'
import { thunderbird } from './thunderbird.ts'
import { thunderbirdAndroid } from './thunderbird-android.ts'

export const CLIENTS: Record<ClientId, ClientSpec> = {
  outlook,
  'new-outlook': newOutlook,
  thunderbird,
  foxmail,
  'mail-master': mailMaster,
  'apple-mail': appleMail,
  'ios-mail': iosMail,
  'gmail-android': gmailAndroid,
  'thunderbird-android': thunderbirdAndroid,
}
