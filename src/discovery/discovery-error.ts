/**
 * @module
 * The error type of the discovery sources (autoconfig today, autodiscover and others later).
 * Like ProbeError it always carries a stable `code`; the UI and i18n key on the code, the
 * `detail` is for helpdesk staff (the URL, the status, the guard's reason).
 */

import { CodedError } from '../errors.ts'

export const DISCOVERY_CODES = {
  FETCH_BLOCKED: {
    en: 'This address may not be fetched (private, local or reserved network, or not an HTTP(S) URL on port 80/443).',
    zh: '不允许访问该地址（内网、本地或保留地址，或不是 80/443 端口的 HTTP(S) 地址）。',
  },
  FETCH_TIMEOUT: {
    en: 'The web server did not answer in time.',
    zh: '网站服务器未及时响应。',
  },
  FETCH_TOO_LARGE: {
    en: 'The web server sent more data than a configuration file can need.',
    zh: '网站服务器返回的数据量超出了配置文件应有的大小。',
  },
  FETCH_BAD_TYPE: {
    en: 'The web server answered with something that is not a configuration file (wrong content type).',
    zh: '网站服务器返回的不是配置文件（内容类型不符）。',
  },
  FETCH_STATUS: {
    en: 'The web server has no configuration file at this address (HTTP error status).',
    zh: '网站服务器在该地址没有配置文件（HTTP 错误状态码）。',
  },
  FETCH_FAILED: {
    en: 'The web server could not be reached (DNS, connection or TLS failure).',
    zh: '无法访问网站服务器（DNS、连接或 TLS 失败）。',
  },
  FETCH_REDIRECT_LIMIT: {
    en: 'The web server redirected too many times.',
    zh: '网站服务器重定向次数过多。',
  },
  XML_INVALID: {
    en: 'The configuration file is not valid autoconfig XML, or it lists no usable mail server.',
    zh: '配置文件不是有效的 autoconfig XML，或其中没有可用的邮件服务器。',
  },
  XML_FORBIDDEN: {
    en: 'The configuration file uses XML features refused for safety (DTD or entity declarations).',
    zh: '配置文件使用了出于安全原因被拒绝的 XML 功能（DTD 或实体声明）。',
  },
} as const satisfies Record<string, { en: string; zh: string }>

export type DiscoveryCode = keyof typeof DISCOVERY_CODES

/**
 * @example
 * throw new DiscoveryError('FETCH_STATUS', 'https://autoconfig.example.com/mail/config-v1.1.xml: 404')
 */
export class DiscoveryError extends CodedError<DiscoveryCode> {
  override readonly name = 'DiscoveryError'
}

export const isDiscoveryError = (err: unknown): err is DiscoveryError =>
  err instanceof DiscoveryError
