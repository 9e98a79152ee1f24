/**
 * @module
 * The API codes: what `{ error: { code } }` says when a route refuses a request, with its HTTP
 * status. A route may give a more precise English `message` (naming the field or the domain);
 * the code and the status always come from here. TARGET_BLOCKED is a probe code with a status
 * too (probe-codes.ts). Part of the one table in table.ts.
 */
import type { ApiEntry } from './entry.ts'

export const API_CODES = {
  INVALID_INPUT: {
    kind: 'api',
    http: 400,
    message: {
      en: 'The request is not valid; `field` names what to fix.',
      'zh-CN': '请求无效，`field` 指出需要修改的字段。',
    },
  },
  PLAINTEXT_REFUSED: {
    kind: 'api',
    http: 400,
    message: {
      en: 'This server would get the password without encryption (security: none); the login test refuses unless allowPlaintext is true.',
      'zh-CN':
        '该服务器会以未加密方式接收密码（security: none）；除非设置 allowPlaintext 为 true，否则不进行登录测试。',
    },
  },
  INSECURE_TRANSPORT: {
    kind: 'api',
    http: 400,
    message: {
      en: 'This request reached the service over plain HTTP; passwords are only accepted over HTTPS.',
      'zh-CN': '该请求通过未加密的 HTTP 到达服务；只有通过 HTTPS 才接受密码。',
    },
  },
  UNAUTHORIZED: {
    kind: 'api',
    http: 401,
    message: {
      en: 'This needs a token: send Authorization: Bearer <deleteToken>.',
      'zh-CN': '此操作需要令牌：请发送 Authorization: Bearer <deleteToken>。',
    },
  },
  FORBIDDEN: {
    kind: 'api',
    http: 403,
    message: {
      en: 'The token does not allow this.',
      'zh-CN': '该令牌无权执行此操作。',
    },
  },
  ORIGIN_NOT_ALLOWED: {
    kind: 'api',
    http: 403,
    message: {
      en: 'Pages on this origin may not call the API; the operator can add it to MAILSETUP_WIDGET_ORIGINS.',
      'zh-CN': '该来源的网页无权调用此 API；运营者可将其加入 MAILSETUP_WIDGET_ORIGINS。',
    },
  },
  NOT_FOUND: {
    kind: 'api',
    http: 404,
    message: {
      en: 'There is no such route.',
      'zh-CN': '没有这个路径。',
    },
  },
  UNKNOWN_CLIENT: {
    kind: 'api',
    http: 404,
    message: {
      en: 'There is no guide for this mail client.',
      'zh-CN': '没有该邮件客户端的设置指南。',
    },
  },
  PROVIDER_NOT_FOUND: {
    kind: 'api',
    http: 404,
    message: {
      en: 'The provider database knows no provider for this domain.',
      'zh-CN': '服务商数据库中没有该域名的服务商。',
    },
  },
  NO_SETTINGS: {
    kind: 'api',
    http: 404,
    message: {
      en: 'No mail server settings are known for this domain.',
      'zh-CN': '没有找到该域名的邮件服务器设置。',
    },
  },
  NOT_BUILT: {
    kind: 'api',
    http: 404,
    message: {
      en: 'The web assets are not built; run npm run build:web.',
      'zh-CN': '网页资源尚未构建，请运行 npm run build:web。',
    },
  },
  REPORT_NOT_FOUND: {
    kind: 'api',
    http: 404,
    message: {
      en: 'There is no such report; it may have expired.',
      'zh-CN': '没有这份报告，它可能已过期。',
    },
  },
  METHOD_NOT_ALLOWED: {
    kind: 'api',
    http: 405,
    message: {
      en: 'This method is not allowed here; `Allow` names the ones that are.',
      'zh-CN': '此处不允许该请求方法，`Allow` 列出了允许的方法。',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    kind: 'api',
    http: 415,
    message: {
      en: 'This route reads a JSON body: send it with Content-Type: application/json.',
      'zh-CN': '此接口只接受 JSON 请求体，请使用 Content-Type: application/json 发送。',
    },
  },
  PAYLOAD_TOO_LARGE: {
    kind: 'api',
    http: 413,
    message: {
      en: 'The request body is too large.',
      'zh-CN': '请求内容过大。',
    },
  },
  RATE_LIMITED: {
    kind: 'api',
    http: 429,
    message: {
      en: 'This client has used up one of its budgets (`limit` names it); wait for the time `Retry-After` names.',
      'zh-CN':
        '该客户端已用完一项额度（`limit` 指出是哪一项），请按 `Retry-After` 所示时间等待后再试。',
    },
  },
  LOGIN_LIMITED: {
    kind: 'api',
    http: 429,
    message: {
      en: 'Too many failed login tests for this account and server; wait for the time `Retry-After` names.',
      'zh-CN': '该账户在该服务器上的登录测试失败次数过多，请按 `Retry-After` 所示时间等待后再试。',
    },
  },
  BUSY: {
    kind: 'api',
    http: 429,
    message: {
      en: 'Too many probes are running in the whole service; try again shortly.',
      'zh-CN': '整个服务正在运行的检测过多，请稍后再试。',
    },
  },
  CONFIG_INVALID: {
    kind: 'api',
    http: 500,
    message: {
      en: 'The service is misconfigured; `message` names the variable the operator must fix.',
      'zh-CN': '服务配置有误；`message` 指出运营者需要修改的变量。',
    },
  },
  NOT_AVAILABLE_IN_THIS_DEPLOYMENT: {
    kind: 'api',
    http: 501,
    message: {
      en: 'This deployment (Cloudflare Workers) does not offer this; the Node deployment does.',
      'zh-CN': '本部署（Cloudflare Workers）不提供此功能；Node 部署提供。',
    },
  },
  INTERNAL: {
    kind: 'api',
    http: 500,
    message: {
      en: 'Something went wrong on the service’s side.',
      'zh-CN': '服务内部出现错误。',
    },
  },
} as const satisfies Record<string, ApiEntry>
