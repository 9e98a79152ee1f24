/**
 * @module
 * Every reason, warning and credential text of the recommendation, keyed by a stable code, in
 * English and Simplified Chinese. `{name}` marks a parameter filled in by `say`.
 */
import type { SourceType } from '../discovery/types.ts'
import type { Note } from './types.ts'
import type { Lang } from '../model/domain.ts'

export type Localized = Record<Lang, string>

export const TEXTS = {
  // ---- Incoming protocol ----
  IMAP_DEFAULT: {
    en: 'IMAP is recommended: it keeps your mail on the server and keeps every device in sync, folders and read/unread flags included.',
    'zh-CN': '推荐使用 IMAP：邮件保存在服务器上，所有设备保持同步，包括文件夹和已读/未读状态。',
  },
  IMAP_SEVERAL_DEVICES: {
    en: 'You read mail on several devices: IMAP keeps the mail on the server and syncs every device, folders and read/unread flags included.',
    'zh-CN':
      '你在多台设备上收发邮件：IMAP 把邮件保存在服务器上，并在所有设备间同步，包括文件夹和已读/未读状态。',
  },
  IMAP_KEEP_ON_SERVER: {
    en: 'You want your mail to stay on the server: IMAP leaves it there and only shows it on your devices.',
    'zh-CN': '你希望邮件保留在服务器上：IMAP 会把邮件留在服务器上，设备上只是显示和同步。',
  },
  IMAP_OFFLINE_COPIES: {
    en: 'For reading offline: most mail clients keep a local copy of IMAP mail, so it stays readable without a connection.',
    'zh-CN': '关于离线阅读：大多数邮件客户端会在本地保存 IMAP 邮件的副本，断网时也能阅读。',
  },
  IMAP_QUOTA_NOTE: {
    en: 'With IMAP all mail stays on the server and counts against your quota: archive or delete old mail now and then.',
    'zh-CN': '使用 IMAP 时所有邮件都保存在服务器上并占用邮箱空间，请定期归档或删除旧邮件。',
  },
  IMAP_ONLY_OFFERED: {
    en: 'This server offers no usable POP3, only IMAP. IMAP works well on a single device too.',
    'zh-CN': '该服务器没有可用的 POP3，只提供 IMAP。IMAP 在单台设备上同样好用。',
  },
  POP3_OFFLINE: {
    en: 'You read mail on one device and want it offline: POP3 downloads every message to that device, so all of it is readable without a connection.',
    'zh-CN':
      '你只在一台设备上收信并希望离线阅读：POP3 会把每封邮件下载到这台设备上，断网时也能全部阅读。',
  },
  POP3_SERVER_QUOTA: {
    en: 'Your server mailbox is small: POP3 downloads mail to your device and by default removes it from the server, so it uses little server space.',
    'zh-CN':
      '你的服务器邮箱空间较小：POP3 把邮件下载到设备上，默认会从服务器删除，占用的服务器空间很少。',
  },
  IMAP_ALSO_WORKS: {
    en: 'IMAP works too, and is the better choice if you later read mail on a second device: POP3 does not sync folders or read flags.',
    'zh-CN':
      'IMAP 同样可用；如果以后要在第二台设备上收信，IMAP 更合适，因为 POP3 不同步文件夹和已读状态。',
  },
  POP3_ONLY: {
    en: 'Only POP3 can be recommended here: mail is downloaded to your device and by default removed from the server. If you also read mail elsewhere, turn on "Leave a copy of messages on the server" in your mail client.',
    'zh-CN':
      '这里只能推荐 POP3：邮件会下载到你的设备上，默认从服务器删除。如果你还在其他地方收信，请在邮件客户端中开启“在服务器上保留邮件副本”。',
  },
  POP3_ONLY_KEEP_COPY: {
    en: 'IMAP would suit you better, but only POP3 can be recommended here. Turn on "Leave a copy of messages on the server" in every mail client, or the first device to download a message removes it for all the others.',
    'zh-CN':
      'IMAP 更适合你，但这里只能推荐 POP3。请在每个邮件客户端中开启“在服务器上保留邮件副本”，否则第一台下载邮件的设备会把它从服务器删除，其他设备就收不到了。',
  },
  CERT_AVOIDED: {
    en: '{protocol} would normally be recommended for you, but its server has a certificate problem ({problem}). The other protocol has no such problem, so it is recommended until the certificate is fixed.',
    'zh-CN':
      '通常会向你推荐 {protocol}，但其服务器证书有问题（{problem}）。另一种协议没有这个问题，因此在证书修复之前推荐使用它。',
  },

  // ---- Security ----
  TLS_OVER_STARTTLS: {
    en: '{server} with SSL/TLS is recommended over {alternative} with STARTTLS: implicit TLS encrypts the connection from the first byte (RFC 8314).',
    'zh-CN':
      '推荐使用 SSL/TLS 的 {server}，而不是使用 STARTTLS 的 {alternative}：SSL/TLS 从第一个字节起就加密连接（RFC 8314）。',
  },
  STARTTLS_ONLY: {
    en: '{server} is encrypted with STARTTLS: choose STARTTLS in your mail client, never "None".',
    'zh-CN': '{server} 使用 STARTTLS 加密：请在邮件客户端中选择 STARTTLS，切勿选择“无”。',
  },
  PLAINTEXT_NEVER: {
    en: 'Left out because they have no encryption (your password would travel in clear text): {server}.',
    'zh-CN': '因不加密而未采用（你的密码会以明文传输）：{server}。',
  },
  SMTP_PORT_25: {
    en: '{server} uses port 25 only as a last resort: port 25 is meant for mail between servers, and many internet providers block it for their customers. No working submission port (465 or 587) was found.',
    'zh-CN':
      '{server} 使用 25 端口只是不得已的选择：25 端口用于服务器之间传递邮件，许多网络运营商会对用户屏蔽它。没有找到可用的提交端口（465 或 587）。',
  },

  // ---- Verification ----
  VERIFIED: {
    en: 'Confirmed by a live test: {servers}.',
    'zh-CN': '已通过实时检测确认：{servers}。',
  },
  NOT_VERIFIED: {
    en: 'Not confirmed by a live test: {servers} (found via {sources}). If your mail client cannot connect, run the check again with the live test.',
    'zh-CN':
      '未经实时检测确认：{servers}（来源：{sources}）。如果邮件客户端无法连接，请开启实时检测后重新检查。',
  },

  KEPT_UNCHECKED: {
    en: '{server} could not be checked from here ({problem}); these are the settings {publisher} publishes, so they are kept. Your mail client will most likely reach it.',
    'zh-CN':
      '无法从本服务检测 {server}（{problem}）；这是{publisher}公布的设置，因此予以保留。你的邮件客户端很可能可以正常连接。',
  },

  INTERNAL_SERVERS_LEFT_OUT: {
    en: '{servers} (named by {sources}) point to a local, private or reserved address: they are left out of the settings given to mail clients.',
    'zh-CN':
      '{servers}（来源：{sources}）指向本地、内网或保留地址，已从提供给邮件客户端的设置中去除。',
  },

  PROBE_NO_RESULT: {
    en: 'The live test gave no result for {servers} (found via {sources}) before the report was made, so it is not confirmed.',
    'zh-CN': '在生成报告之前，实时检测没有得到 {servers}（来源：{sources}）的结果，因此未经确认。',
  },

  // ---- Provider ----
  ENABLE_ACCESS_FIRST: {
    en: '{provider} requires you to switch on IMAP/POP3/SMTP access in its web settings before a mail client can log in. The steps are in the hints.',
    'zh-CN':
      '{provider} 需要先在网页设置中开启 IMAP/POP3/SMTP 服务，邮件客户端才能登录。具体步骤见提示。',
  },
  SERVER_REGION: {
    en: 'You read your mail {region}, so this service recommends {server}. The provider has {alternative} for the same mailbox {other}: switch if you read mail there, or if this connection is slow or drops.',
    'zh-CN':
      '你在{region}收发邮件，因此推荐 {server}。服务商还为{other}提供同一邮箱的 {alternative}：如果你在那里收发邮件，或当前连接缓慢、经常断开，请改用后者。',
  },
  SERVER_REGION_DEFAULT: {
    en: 'The provider names {server} for mail read {region}, and {alternative} for the same mailbox {other}: switch if you read your mail there, or if the connection is slow.',
    'zh-CN':
      '{server} 是服务商供{region}使用的服务器；服务商还为{other}提供同一邮箱的 {alternative}：如果你在那里收发邮件，或连接缓慢，请改用后者。',
  },
  SERVER_REGION_TIMEZONE: {
    en: 'Your browser’s time zone suggests you read your mail {region}, so this service recommends {server} (if not, answer “Where do you read your mail?”). The provider has {alternative} for the same mailbox {other}: switch if you read mail there, or if this connection is slow or drops.',
    'zh-CN':
      '根据浏览器的时区，你应该是在{region}收发邮件，因此推荐 {server}（如果不是，请回答“你在哪里收发邮件？”）。服务商还为{other}提供同一邮箱的 {alternative}：如果你在那里收发邮件，或当前连接缓慢、经常断开，请改用后者。',
  },
  SERVER_STEADIER: {
    en: '{server} connected more steadily from this service ({measure}) than {alternative}, the host for mail read {other} ({altMeasure}), so it is recommended. This service measures from its own location, not yours: if you read your mail {other}, or if this connection is slow, use {alternative}.',
    'zh-CN':
      '从本服务测得 {server} 的连接更稳定（{measure}），优于供{other}使用的 {alternative}（{altMeasure}），因此推荐前者。本服务是从自己的位置测量的，而不是你的位置：如果你在{other}收发邮件，或连接缓慢，请改用 {alternative}。',
  },
  SERVER_ALTERNATIVE_UNREACHABLE: {
    en: '{alternative}, the provider’s host for mail read {other}, did not answer this service’s checks, so this service recommends {server}, the host for mail read {region}. This service checks from its own location, not yours: if {alternative} works where you read your mail, you can use it instead.',
    'zh-CN':
      '服务商供{other}使用的 {alternative} 没有响应本服务的检测，因此推荐供{region}使用的 {server}。本服务是从自己的位置检测的，而不是你的位置：如果在你收发邮件的地方 {alternative} 可用，也可以改用它。',
  },
  SERVER_ALTERNATIVE_SILENT: {
    en: 'Before switching to {alternative} (the host for mail read {other}), note that none of this service’s {count} handshakes with it completed. This service checks from its own location, not yours, so it may still work where you read your mail: test the connection after switching.',
    'zh-CN':
      '改用 {alternative}（供{other}使用）之前请注意：本服务与它的 {count} 次握手均未完成。本服务是从自己的位置检测的，而不是你的位置，所以在你收发邮件的地方它可能仍然可用：改用后请测试连接。',
  },
  SERVER_NOT_MEASURED: {
    en: 'This service has not measured the connection to {servers} or {alternatives}: {basis}. A check of the address with the servers tested live also times a few handshakes with each (from this service’s location, not yours).',
    'zh-CN':
      '本服务没有测量 {servers} 或 {alternatives} 的连接情况：{basis}。对该地址进行检测并实时检测服务器时，本服务还会与每台服务器握手几次并计时（从本服务所在的位置，而不是你的位置）。',
  },
  SERVER_MEASURED: {
    en: 'Connect times of the {protocol} hosts, measured from this service’s own location, not yours (three TCP + TLS handshakes each; spread = slowest − fastest): {hosts}.',
    'zh-CN':
      '{protocol} 服务器的连接时间，从本服务所在的位置测得，而不是你的位置（每台三次 TCP + TLS 握手；波动 = 最慢 − 最快）：{hosts}。',
  },
  USERNAME_OUTGOING: {
    en: 'For sending (SMTP) the username is different: {value}.',
    'zh-CN': '发信（SMTP）使用不同的用户名：{value}。',
  },

  // ---- Warnings ----
  PROVIDER_BROKEN_OAUTH2: {
    en: '{provider} accepts only sign-in through its own web page (OAuth2), so a mail client that only asks for a password cannot log in. Of the clients guided here, these can: {clients}. Webmail and the provider’s own app work too.',
    'zh-CN':
      '{provider} 只接受通过其自己的网页登录（OAuth2），只能输入密码的邮件客户端无法登录。本页指南中支持这种登录方式的客户端有：{clients}。也可以使用网页版邮箱或服务商自己的 App。',
  },
  SERVER_OAUTH_ONLY: {
    en: '{servers} offered only sign-in through the provider’s web page (OAuth2: {mechanisms}) and no password sign-in, so a mail client that only asks for a password will be refused. Use a client that opens the provider’s sign-in page; of the clients guided here, these can for the providers they know: {clients}. This service measured it and cannot test an OAuth2 login itself.',
    'zh-CN':
      '{servers} 只提供通过服务商网页登录（OAuth2：{mechanisms}），不提供密码登录，因此只能输入密码的邮件客户端会被拒绝。请使用会打开服务商登录页面的客户端；本页指南中对其支持的服务商可以这样登录的有：{clients}。这是本服务检测到的结果，本服务无法自行测试 OAuth2 登录。',
  },
  CERT_NAME_HOST: {
    en: '{original} presented a certificate issued to {host}; {server} answers on the same port with a certificate that fits, so use {host} as the server name.',
    'zh-CN':
      '{original} 出示的证书是签发给 {host} 的；{server} 在同一端口可以连接，且证书相符，因此请使用 {host} 作为服务器名称。',
  },
  PROVIDER_BROKEN: {
    en: '{provider} is known not to work with password-based mail clients. Use the provider’s own app or webmail (some providers offer a bridge program for mail clients).',
    'zh-CN':
      '已知 {provider} 无法用基于密码的邮件客户端登录。请使用服务商自己的 App 或网页版邮箱（部分服务商为邮件客户端提供桥接程序）。',
  },
  PROVIDER_BRIDGE_ONLY: {
    en: '{provider} cannot be reached directly by a mail client, only through its own bridge program. {instead}',
    'zh-CN': '邮件客户端无法直接连接 {provider}，只能通过其自带的桥接程序。{instead}',
  },
  PROVIDER_NO_CLIENT_ACCESS: {
    en: '{provider} offers no IMAP, POP3 or SMTP to mail clients, so no settings can work. {instead}',
    'zh-CN': '{provider} 不向邮件客户端提供 IMAP、POP3 或 SMTP，任何设置都无法使用。{instead}',
  },
  CERT_PROBLEM: {
    en: '{server} is the only working choice, but its certificate has a problem: {problem} Ask your mail administrator to fix it, and accept the certificate in your mail client only if they confirm it is theirs.',
    'zh-CN':
      '{server} 是唯一可用的选择，但其证书有问题：{problem}请联系邮件管理员修复；只有在管理员确认这是他们的证书后，才可在邮件客户端中接受它。',
  },
  PROBE_WARNING: {
    en: '{server}: {problem}',
    'zh-CN': '{server}：{problem}',
  },
  INCOMING_PLAINTEXT_ONLY: {
    en: 'No working encrypted incoming server was found, only unencrypted ones: {server}. Your password and mail would cross the network in clear text, readable by anyone on the way. Do not use them; ask your provider for SSL/TLS or STARTTLS.',
    'zh-CN':
      '没有找到可用的加密收信服务器，只有不加密的：{server}。你的密码和邮件会以明文在网络上传输，途中任何人都能读取。请勿使用，并要求服务商提供 SSL/TLS 或 STARTTLS。',
  },
  OUTGOING_PLAINTEXT_ONLY: {
    en: 'No working encrypted outgoing server was found, only unencrypted ones: {server}. Your password and mail would cross the network in clear text, readable by anyone on the way. Do not use them; ask your provider for SSL/TLS or STARTTLS.',
    'zh-CN':
      '没有找到可用的加密发信服务器，只有不加密的：{server}。你的密码和邮件会以明文在网络上传输，途中任何人都能读取。请勿使用，并要求服务商提供 SSL/TLS 或 STARTTLS。',
  },
  NO_INCOMING_FOUND: {
    en: 'No incoming (IMAP or POP3) server was found for this address.',
    'zh-CN': '没有找到该地址的收信（IMAP 或 POP3）服务器。',
  },
  NO_OUTGOING_FOUND: {
    en: 'No outgoing (SMTP) server was found for this address.',
    'zh-CN': '没有找到该地址的发信（SMTP）服务器。',
  },
  // ---- Why nothing was found (from the domain's DNS) ----
  DOMAIN_NOT_FOUND: {
    en: 'The domain {domain} does not exist in DNS, so it cannot receive mail. Check the part of the address after the @ for a typo.',
    'zh-CN': '域名 {domain} 在 DNS 中不存在，因此无法收信。请检查地址中 @ 后面的部分是否拼写错误。',
  },
  DID_YOU_MEAN: {
    en: 'Did you mean {emails}? Check the address and try again.',
    'zh-CN': '你要输入的是不是 {emails}？请核对地址后重试。',
  },
  DOMAIN_DNS_FAILED: {
    en: 'The service could not look up {domain} in DNS just now, so it could not find the settings. {problem} The address may well be fine: try again in a few minutes. If this keeps happening, the domain’s name servers may be down; tell whoever runs {domain}.',
    'zh-CN':
      '本服务暂时无法在 DNS 中查询 {domain}，因此没能找到设置。{problem}你的地址很可能没有问题：请过几分钟再试。如果一直如此，可能是该域名的 DNS 服务器故障，请告知 {domain} 的管理员。',
  },
  DOMAIN_NO_MX: {
    en: 'The domain {domain} has no mail servers in DNS (no MX record), and none could be guessed: it may not receive mail at all. Check the address, or ask whoever runs {domain} for the IMAP and SMTP settings.',
    'zh-CN':
      '域名 {domain} 在 DNS 中没有邮件服务器（没有 MX 记录），也没能猜出服务器：它可能根本不收邮件。请检查地址，或向 {domain} 的管理员索取 IMAP 和 SMTP 设置。',
  },
  DOMAIN_MX_UNKNOWN: {
    en: 'Mail for {domain} is delivered to {mx}, a mail host the service does not know, and no settings could be found or guessed there. Ask your mail administrator, or the company that runs {mx}, for the IMAP and SMTP settings.',
    'zh-CN':
      '{domain} 的邮件投递到 {mx}，这是本服务不认识的邮件主机，也没能在那里找到或猜出设置。请向你的邮件管理员或运营 {mx} 的公司索取 IMAP 和 SMTP 设置。',
  },
  DOMAIN_MX_PRIVATE: {
    en: 'Mail for {domain} is delivered to {mx}, inside a private network, which the service does not connect to. If you are inside that network, ask your mail administrator for the settings.',
    'zh-CN':
      '{domain} 的邮件投递到 {mx}，它位于内部网络中，本服务不会连接那里。如果你在该网络内，请向邮件管理员索取设置。',
  },
  INCOMING_ALL_FAILED: {
    en: 'Every incoming server failed the live test. First problem, {server}: {problem}',
    'zh-CN': '所有收信服务器都未通过实时检测。第一个问题，{server}：{problem}',
  },
  OUTGOING_ALL_FAILED: {
    en: 'Every outgoing server failed the live test. First problem, {server}: {problem}',
    'zh-CN': '所有发信服务器都未通过实时检测。第一个问题，{server}：{problem}',
  },
  POP3_NO_SYNC: {
    en: 'With POP3 your devices do not share folders, read/unread flags or sent mail.',
    'zh-CN': '使用 POP3 时，各设备之间不会同步文件夹、已读/未读状态和已发送邮件。',
  },
  UNTRUSTED_SOURCE: {
    en: 'The settings for {server} were fetched over unencrypted http and could have been altered on the way. Check them with your provider.',
    'zh-CN': '{server} 的设置是通过未加密的 http 获取的，可能在传输中被篡改。请向服务商核实。',
  },

  // ---- Credential ----
  CREDENTIAL_ACCOUNT_PASSWORD: {
    en: 'Type your email account’s password (the one you use for webmail).',
    'zh-CN': '请输入邮箱账户密码（即登录网页版邮箱的密码）。',
  },
  CREDENTIAL_APP_PASSWORD: {
    en: 'Type an app password created in your account’s security settings, not your account password.',
    'zh-CN': '请输入在账户安全设置中生成的应用专用密码，而不是账户密码。',
  },
  CREDENTIAL_AUTHORIZATION_CODE: {
    en: 'Type the authorization code (授权码) generated in the webmail settings, not your login password.',
    'zh-CN': '请输入在网页版邮箱设置中生成的授权码，而不是登录密码。',
  },
  CREDENTIAL_OAUTH2_ONLY: {
    en: 'No password works: this provider accepts only sign-in through its web page (OAuth2). Add the account in a client that offers it ({clients}) and sign in on the page it opens.',
    'zh-CN':
      '任何密码都无法登录：该服务商只接受通过其网页进行的 OAuth2 登录。请在支持这种方式的客户端（{clients}）中添加账户，并在它打开的页面上登录。',
  },
  CREDENTIAL_UNKNOWN: {
    en: 'Probably your account password. If it is refused, your provider may require an app password or an authorization code (授权码) instead.',
    'zh-CN': '通常是邮箱账户密码。如果被拒绝，服务商可能要求使用应用专用密码或授权码。',
  },
} as const satisfies Record<string, Localized>

export type TextCode = keyof typeof TEXTS

/** A parameter: the same in every language (a host name) or localized (a problem's message). */
export type Param = string | Localized

/** A reason or warning before it is put into words. */
export interface Draft {
  code: TextCode
  params?: Record<string, Param>
}

/** The reasons and warnings one part of the engine contributes. */
export interface Notes {
  reasons: Draft[]
  warnings: Draft[]
}

/**
 * Puts a draft into words in `lang`, filling `{name}` parameters.
 *
 * @example
 * say({ code: 'STARTTLS_ONLY', params: { server: 'IMAP mail.example.com:143' } }, 'en').text
 * // 'IMAP mail.example.com:143 is encrypted with STARTTLS: choose STARTTLS ...'
 */
export const say = (draft: Draft, lang: Lang): Note => {
  const params = draft.params ?? {}
  const text = TEXTS[draft.code][lang].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'string' ? value : value[lang]
  })
  return { code: draft.code, text }
}

/** Where a server came from, in words (for NOT_VERIFIED). */
export const SOURCE_LABELS = {
  overlay: { en: 'the operator’s settings', 'zh-CN': '运营方配置' },
  'provider-db': { en: 'the provider database', 'zh-CN': '服务商数据库' },
  autoconfig: { en: 'the domain’s autoconfig file', 'zh-CN': '域名的自动配置文件' },
  mx: { en: 'the domain’s MX record', 'zh-CN': '域名的 MX 记录' },
  srv: { en: 'the domain’s SRV records', 'zh-CN': '域名的 SRV 记录' },
  guess: { en: 'a guess from the domain name', 'zh-CN': '根据域名推测' },
} as const satisfies Record<SourceType, Localized>

/** Where a regional host is meant to be used from, as a sentence says it. */
export const REGION_WORDS = {
  cn: { en: 'in mainland China', 'zh-CN': '中国大陆境内' },
  intl: { en: 'outside mainland China', 'zh-CN': '中国大陆境外' },
} as const satisfies Record<string, Localized>

/** Short names of certificate problems, for a sentence that names one in passing. */
export const CERT_PROBLEM_NAMES = {
  TLS_CERT_EXPIRED: { en: 'the certificate has expired', 'zh-CN': '证书已过期' },
  TLS_CERT_NOT_YET_VALID: { en: 'the certificate is not valid yet', 'zh-CN': '证书尚未生效' },
  TLS_CERT_SELF_SIGNED: { en: 'a self-signed certificate', 'zh-CN': '自签名证书' },
  TLS_CERT_UNTRUSTED: {
    en: 'a certificate from an untrusted issuer',
    'zh-CN': '证书签发机构不受信任',
  },
  TLS_CERT_NAME: { en: 'the certificate names another host', 'zh-CN': '证书上的主机名不符' },
  other: { en: 'a certificate problem', 'zh-CN': '证书问题' },
} as const satisfies Record<string, Localized>
