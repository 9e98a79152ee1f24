/**
 * @module
 * The discovery codes: why a discovery source (autoconfig today) found nothing usable. A source
 * report's `code` carries one; the `detail` beside it is for helpdesk staff. Part of the one
 * table in table.ts.
 */
import type { DiscoveryEntry } from './entry.ts'

export const DISCOVERY_CODES = {
  FETCH_BLOCKED: {
    kind: 'discovery',
    message: {
      en: 'This address may not be fetched (private, local or reserved network, or not an HTTP(S) URL on port 80/443).',
      'zh-CN': '不允许访问该地址（内网、本地或保留地址，或不是 80/443 端口的 HTTP(S) 地址）。',
    },
  },
  FETCH_TIMEOUT: {
    kind: 'discovery',
    message: {
      en: 'The web server did not answer in time.',
      'zh-CN': '网站服务器未及时响应。',
    },
  },
  FETCH_TOO_LARGE: {
    kind: 'discovery',
    message: {
      en: 'The web server sent more data than a configuration file can need.',
      'zh-CN': '网站服务器返回的数据量超出了配置文件应有的大小。',
    },
  },
  FETCH_BAD_TYPE: {
    kind: 'discovery',
    message: {
      en: 'The web server answered with something that is not a configuration file (wrong content type).',
      'zh-CN': '网站服务器返回的不是配置文件（内容类型不符）。',
    },
  },
  FETCH_STATUS: {
    kind: 'discovery',
    message: {
      en: 'The web server has no configuration file at this address (HTTP error status).',
      'zh-CN': '网站服务器在该地址没有配置文件（HTTP 错误状态码）。',
    },
  },
  FETCH_FAILED: {
    kind: 'discovery',
    message: {
      en: 'The web server could not be reached (DNS, connection or TLS failure).',
      'zh-CN': '无法访问网站服务器（DNS、连接或 TLS 失败）。',
    },
  },
  FETCH_REDIRECT_LIMIT: {
    kind: 'discovery',
    message: {
      en: 'The web server redirected too many times.',
      'zh-CN': '网站服务器重定向次数过多。',
    },
  },
  XML_INVALID: {
    kind: 'discovery',
    message: {
      en: 'The configuration file is not valid autoconfig XML, or it lists no usable mail server.',
      'zh-CN': '配置文件不是有效的 autoconfig XML，或其中没有可用的邮件服务器。',
    },
  },
  XML_FORBIDDEN: {
    kind: 'discovery',
    message: {
      en: 'The configuration file uses XML features refused for safety (DTD or entity declarations).',
      'zh-CN': '配置文件使用了出于安全原因被拒绝的 XML 功能（DTD 或实体声明）。',
    },
  },
} as const satisfies Record<string, DiscoveryEntry>
