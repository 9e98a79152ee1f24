/**
 * @module
 * The probe codes: what a probe result's `code` and `problems` say. Each has a default status
 * (how bad it is) and a plain-language message in en and zh-CN. Part of the one table in
 * table.ts.
 */
import type { ProbeEntry } from './entry.ts'

export const PROBE_CODES = {
  DNS_NXDOMAIN: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The host name does not exist in DNS. Check the spelling of the server name.',
      'zh-CN': '该主机名在 DNS 中不存在。请检查服务器名称的拼写。',
    },
  },
  DNS_NO_ADDRESS: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The host name exists but has no IPv4 or IPv6 address.',
      'zh-CN': '该主机名存在，但没有 IPv4 或 IPv6 地址。',
    },
  },
  DNS_TIMEOUT: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'DNS did not answer in time. The domain’s name servers may be down.',
      'zh-CN': 'DNS 查询超时。该域名的 DNS 服务器可能出现故障。',
    },
  },
  DNS_ERROR: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The DNS lookup failed (server failure or refused).',
      'zh-CN': 'DNS 查询失败（服务器错误或拒绝查询）。',
    },
  },
  TARGET_BLOCKED: {
    kind: 'probe',
    status: 'error',
    http: 403,
    message: {
      en: 'This address or port may not be probed (private, local or reserved network, or not a mail port).',
      'zh-CN': '不允许探测该地址或端口（内网、本地或保留地址，或不是邮件端口）。',
    },
  },
  TCP_REFUSED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server refused the connection: nothing is listening on this port.',
      'zh-CN': '服务器拒绝连接：该端口没有服务在监听。',
    },
  },
  TCP_TIMEOUT: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'No answer when connecting: the port is probably blocked by a firewall.',
      'zh-CN': '连接无响应：该端口可能被防火墙屏蔽。',
    },
  },
  TCP_UNREACHABLE: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server’s network cannot be reached from here.',
      'zh-CN': '无法从此处访问该服务器所在的网络。',
    },
  },
  CONNECT_FAILED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The connection failed: refused, unreachable or filtered. This deployment (Cloudflare Workers) cannot tell these apart; check the port from another network.',
      'zh-CN':
        '连接失败：被拒绝、无法访问或被过滤。本部署（Cloudflare Workers）无法区分这几种情况，请从其他网络检查该端口。',
    },
  },
  PORT_BLOCKED_BY_RUNTIME: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'This deployment (Cloudflare Workers) may not open outbound connections to this port (port 25); the server was not checked on it.',
      'zh-CN':
        '本部署（Cloudflare Workers）不允许向该端口（25 端口）发起连接，未在该端口检查服务器。',
    },
  },
  CONNECTION_CLOSED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server closed the connection in the middle of the conversation.',
      'zh-CN': '服务器在通信过程中关闭了连接。',
    },
  },
  GREETING_TIMEOUT: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'Connected, but the server sent no greeting in time. Maybe this port expects TLS, or the server is overloaded.',
      'zh-CN': '已连接，但服务器未及时发送欢迎信息。该端口可能需要 SSL/TLS，或服务器负载过高。',
    },
  },
  GREETING_SLOW: {
    kind: 'probe',
    status: 'warning',
    message: {
      en: 'The server sent its greeting only after a long delay. Mail clients may give up before it answers.',
      'zh-CN': '服务器很久之后才发送欢迎信息，邮件客户端可能会在此之前超时放弃。',
    },
  },
  RESPONSE_TIMEOUT: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server stopped answering in the middle of the conversation.',
      'zh-CN': '服务器在通信过程中停止响应。',
    },
  },
  RESPONSE_TOO_LONG: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server sent an overlong response. This is not a normal mail server.',
      'zh-CN': '服务器返回的数据过长，这不是正常的邮件服务器。',
    },
  },
  NOT_THIS_PROTOCOL: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'Something answers on this port, but it does not speak the expected mail protocol.',
      'zh-CN': '该端口有服务响应，但不是预期的邮件协议。',
    },
  },
  PROTOCOL_ERROR: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server answered with something the mail protocol does not allow.',
      'zh-CN': '服务器的响应不符合邮件协议。',
    },
  },
  SERVER_BUSY: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server is refusing connections for now (busy or temporarily unavailable). Try again later.',
      'zh-CN': '服务器暂时拒绝连接（繁忙或暂不可用），请稍后再试。',
    },
  },
  SERVER_REJECTED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server rejected this connection outright (for example, the connecting address is blocked).',
      'zh-CN': '服务器直接拒绝了连接（例如来源地址被封禁）。',
    },
  },
  TLS_HANDSHAKE: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The TLS (SSL) handshake failed. The port may not use TLS, or the server’s TLS setup is broken.',
      'zh-CN': 'TLS（SSL）握手失败。该端口可能不使用 SSL/TLS，或服务器的 TLS 配置有误。',
    },
  },
  TLS_FAILED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The TLS (SSL) connection failed: the certificate is untrusted, expired or names another host, or the handshake itself failed. This deployment (Cloudflare Workers) cannot tell which.',
      'zh-CN':
        'TLS（SSL）连接失败：证书不受信任、已过期或不包含该主机名，或握手本身失败。本部署（Cloudflare Workers）无法区分具体原因。',
    },
  },
  TLS_CERT_UNTRUSTED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server’s certificate is not signed by a trusted authority. Mail clients will warn or refuse.',
      'zh-CN': '服务器证书不是由受信任的机构签发，邮件客户端会报警或拒绝连接。',
    },
  },
  TLS_CERT_SELF_SIGNED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server uses a self-signed certificate. Mail clients will warn or refuse.',
      'zh-CN': '服务器使用的是自签名证书，邮件客户端会报警或拒绝连接。',
    },
  },
  TLS_CERT_EXPIRED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server’s certificate has expired. Mail clients will warn or refuse until it is renewed.',
      'zh-CN': '服务器证书已过期。在续期之前，邮件客户端会报警或拒绝连接。',
    },
  },
  TLS_CERT_NOT_YET_VALID: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server’s certificate is not valid yet (check the server’s clock).',
      'zh-CN': '服务器证书尚未生效（请检查服务器时间）。',
    },
  },
  TLS_CERT_NAME: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The certificate is for a different host name, so mail clients will warn. Use the server name your provider gives for mail (a name on the certificate only if it answers on this port too); do not accept the warning.',
      'zh-CN':
        '证书上的主机名与所连接的服务器名称不一致，邮件客户端会发出警告。请使用服务商提供的邮件服务器名称（证书上的名称只有在同一端口也能连接时才可用），不要接受该警告。',
    },
  },
  TLS_OUTDATED: {
    kind: 'probe',
    status: 'warning',
    message: {
      en: 'The server only negotiated an outdated TLS version (1.0 or 1.1). Newer mail clients may refuse it.',
      'zh-CN': '服务器只协商了过时的 TLS 版本（1.0 或 1.1），新版邮件客户端可能会拒绝连接。',
    },
  },
  STARTTLS_UNSUPPORTED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server does not offer STARTTLS on this port, so the connection cannot be encrypted here.',
      'zh-CN': '服务器在该端口不支持 STARTTLS，无法加密连接。',
    },
  },
  STARTTLS_REFUSED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The server offers STARTTLS but refused to start it.',
      'zh-CN': '服务器声明支持 STARTTLS，但拒绝启动加密。',
    },
  },
  STARTTLS_INJECTION: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'Data arrived before encryption started (possible STARTTLS injection). The connection was dropped.',
      'zh-CN': '在加密开始前收到了多余数据（可能是 STARTTLS 注入攻击），连接已断开。',
    },
  },
  PLAINTEXT_ONLY: {
    kind: 'probe',
    status: 'warning',
    message: {
      en: 'This port works only without encryption. Passwords would travel in clear text: do not use it.',
      'zh-CN': '该端口只支持不加密的连接，密码会以明文传输，请勿使用。',
    },
  },
  TLS_NOT_USED: {
    kind: 'probe',
    status: 'warning',
    message: {
      en: 'Connected without encryption. The server offers STARTTLS: choose STARTTLS in your mail client.',
      'zh-CN': '当前连接未加密。服务器支持 STARTTLS，请在邮件客户端中选择 STARTTLS。',
    },
  },
  LOGIN_DISABLED: {
    kind: 'probe',
    status: 'warning',
    message: {
      en: 'The server does not allow logging in on this connection (it requires encryption first).',
      'zh-CN': '服务器不允许在此连接上登录（需要先加密）。',
    },
  },
  TIME_BUDGET_EXCEEDED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'This port was not tested: the check ran out of time first (the service is busy). Please try again.',
      'zh-CN': '该端口未能检测：检测在轮到它之前已超时（服务繁忙），请重试。',
    },
  },
  PROBE_FAILED: {
    kind: 'probe',
    status: 'error',
    message: {
      en: 'The check failed for an unexpected reason. Please try again.',
      'zh-CN': '检测因意外原因失败，请重试。',
    },
  },
} as const satisfies Record<string, ProbeEntry>
