/**
 * @module
 * The sources the guides' screen labels were checked against, each read on the day given.
 * A client spec cites them per step and language; docs/guide-sources.md lists them for people.
 */
import type { StepSource } from './types.ts'

const READ = '2026-12-01'

const source = (url: string, shows: string): StepSource => ({ url, read: READ, shows })

/** Thunderbird desktop's own strings, en-US (comm-central) and zh-CN (thunderbird-l10n). */
export const TB_SETUP_EN = source(
  'https://github.com/mozilla/releases-comm-central/blob/main/mail/locales/en-US/messenger/accountcreation/accountSetup.ftl',
  'Your full name, Email address, Password, Configure manually, Re-test, Done, Incoming server, Outgoing server, Protocol, Hostname, Port, Connection security, Authentication method, Username, Normal password, SSL/TLS, STARTTLS, None, OAuth2 sign-in list',
)
export const TB_SETUP_ZH = source(
  'https://github.com/thunderbird/thunderbird-l10n/blob/main/zh-CN/mail/messenger/accountcreation/accountSetup.ftl',
  '您的全名、电子邮件地址、密码、手动配置、重新测试、完成、收件服务器、发件服务器、协议、主机名、端口、连接安全性、验证方式、用户名、普通密码、无',
)
export const TB_ACCOUNTS_ZH = source(
  'https://github.com/thunderbird/thunderbird-l10n/blob/main/zh-CN/mail/chrome/messenger/AccountManager.dtd',
  '账户设置、账户操作、添加邮件账户…',
)
export const TB_SERVER_ZH = source(
  'https://github.com/thunderbird/thunderbird-l10n/blob/main/zh-CN/mail/chrome/messenger/am-server-top.dtd',
  '服务器设置、把消息留在服务器上',
)
export const TB_SUMO_MANUAL = source(
  'https://support.mozilla.org/en-US/kb/manual-account-configuration',
  'Account Settings, Account Actions → Add Mail Account; STARTTLS and SSL/TLS as the connection security choices',
)

/** Thunderbird for Android's own strings (feature/account/…/res/values*). */
export const TBA_SERVER_EN = source(
  'https://github.com/thunderbird/thunderbird-android/blob/main/feature/account/server/settings/src/main/res/values/strings.xml',
  'Incoming server settings, Outgoing server settings, Protocol, Server, Security, Port, Authentication, Username, Normal password, OAuth 2.0, SSL/TLS, StartTLS, None',
)
export const TBA_SERVER_ZH = source(
  'https://github.com/thunderbird/thunderbird-android/blob/main/feature/account/server/settings/src/main/res/values-zh-rCN/strings.xml',
  '收件服务器设置、发件服务器设置、协议、服务器、安全性、端口、身份验证、用户名、常规密码、OAuth 2.0、SSL/TLS、StartTLS、无',
)
export const TBA_SETUP_EN = source(
  'https://github.com/thunderbird/thunderbird-android/blob/main/feature/account/setup/src/main/res/values/strings.xml',
  'Configuration found / not found, Configure manually, Edit configuration, Checking incoming server settings…, Authentication error, Certificate error, Network error',
)
export const TBA_SETUP_ZH = source(
  'https://github.com/thunderbird/thunderbird-android/blob/main/feature/account/setup/src/main/res/values-zh-rCN/strings.xml',
  '找到了配置、未找到配置、手动配置、编辑配置',
)

/** Classic Outlook: Microsoft's community article and dated hosting walkthroughs (en). */
export const OL_COMMUNITY = source(
  'https://answers.microsoft.com/en-us/outlook_com/forum/all/basics-adding-email-accounts-to-outlook-desktop/f78f75ac-3079-46b4-a13d-1675c3961af9',
  'Advanced options under the email address box, “Let me set up my account manually”, Connect, then POP (or IMAP)',
)
export const OL_WALKTHROUGH_2019 = source(
  'https://pastelpromo.com/en/private-email-outlook-2019',
  'Outlook 2019: POP or IMAP choice, server details, Next, password then Connect; the error “Something went wrong. We couldn’t connect to the incoming (IMAP) server.”',
)
export const OL_WALKTHROUGH_2016 = source(
  'https://christianwebhosting.com/2016/09/microsoft-outlook-2016/',
  'Outlook 2016 (dated 2016-09): File tab → Add Account; File → Account Settings to change an account',
)

/** Apple Mail on the Mac, Apple's Mail User Guide (en). */
export const AM_SERVER_SETTINGS = source(
  'https://support.apple.com/guide/mail/cpmlprefacctadv/15.0/mac/12.0',
  'Mail > Preferences (Settings) > Accounts > Server Settings: Username, Password, Host Name, Automatically manage connection settings',
)
export const AM_AUTO_MANAGE = source(
  'https://support.apple.com/HT204208',
  'Server Settings tab, “Automatically manage connection settings”; Mail tries ports and TLS/SSL itself while it is on',
)

/** The Gmail app's account setup (AOSP Gmail), a host's walkthrough (en). */
export const GA_AOSP_WALKTHROUGH = source(
  'https://portal.prime42.net/knowledgebase/8/Android-Phones-and-Tablets.html',
  'Add account → Personal (IMAP), email address, MANUAL SETUP (not NEXT), password, NEXT; Incoming server settings: server, port, security type; Outgoing server settings; the app checks each before going on',
)

/** Microsoft's “What are IMAP and POP?” in zh-CN (the page's comparison). */
export const MS_IMAP_POP_ZH = source(
  'https://support.microsoft.com/zh-cn/office/imap-和-pop-是什么-ca2c5799-49f9-4079-aefe-ddca85d5b1c9',
  'IMAP 从服务读取、点击时才下载、附件不自动下载；POP 下载全部新邮件后从服务中删除、已发送邮件只存在本地',
)

/** Every source, for the docs and the tests. */
export const SOURCES: readonly StepSource[] = [
  TB_SETUP_EN,
  TB_SETUP_ZH,
  TB_ACCOUNTS_ZH,
  TB_SERVER_ZH,
  TB_SUMO_MANUAL,
  TBA_SERVER_EN,
  TBA_SERVER_ZH,
  TBA_SETUP_EN,
  TBA_SETUP_ZH,
  OL_COMMUNITY,
  OL_WALKTHROUGH_2019,
  OL_WALKTHROUGH_2016,
  AM_SERVER_SETTINGS,
  AM_AUTO_MANAGE,
  GA_AOSP_WALKTHROUGH,
  MS_IMAP_POP_ZH,
]
