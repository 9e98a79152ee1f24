/**
 * @module
 * 简体中文指南文本。类型保证与英文表的键完全一致。
 */
import type { EN } from './messages-en.ts'

export const ZH_CN: Record<keyof typeof EN, string> = {
  'common.unknownValue': '（请向邮箱服务商询问）',
  'common.normalPassword': '普通密码',
  'common.unticked': '不勾选',
  'common.oauth2': 'OAuth2（在服务商的网页上登录）',
  'common.unconfirmedNote':
    '本指南中有些按钮和栏位名称未能与客户端界面核对，这些步骤只说明在哪里找，不引用具体文字；你的版本中的叫法可能略有不同。',
  'common.notice.oauth2Client':
    '{provider}只允许邮件客户端通过其自己的网页登录（OAuth2）。{client}支持这种方式：当它打开{provider}的登录页面时，请在该页面登录，不要在客户端里输入密码。',
  'common.notice.oauth2NoClient':
    '{provider}只允许邮件客户端通过其自己的网页登录（OAuth2），而{client}不支持这种方式：在其中输入的密码会被拒绝。请改用：{clients}。',
  'common.protocolChoice.imap': 'IMAP 把邮件保存在服务器上，所有设备看到的文件夹和已读状态都一致。',
  'common.protocolChoice.pop3':
    'POP3 只把邮件下载到这台设备；如果还在别处收信，请在服务器上保留副本。',
  'common.notice.noSettings':
    '暂时不知道该域名的服务器设置：请向邮箱服务商询问服务器名称、端口和加密方式。',
  'common.notice.accountId':
    '{provider}使用{accountId}登录：本指南中凡是要填写用户名的地方，都请填写它。',
  'common.notice.protocolFallback': '该地址不提供 {wanted}，本指南改用 {protocol}。',
  'common.notice.oauth2Only':
    '该服务商只允许邮件客户端通过其自己的登录窗口（OAuth2）登录。请使用支持这种登录方式的客户端；在下面的密码栏输入密码会被拒绝。',
  'common.notice.insecure': '该服务商不提供加密连接，密码会以明文传输：请勿在不可信的网络中使用。',
  'common.notice.broken': '据报告该服务商目前无法使用密码登录。',
  'common.notice.region':
    '你在{region}收发邮件，因此本指南使用 {server}。{alternative} 是同一邮箱在{other}使用的服务器：如果你在那里收发邮件，或连接缓慢、经常断开，请改用它。',
  'common.notice.regionTimeZone':
    '根据浏览器的时区，你应该是在{region}收发邮件，因此本指南使用 {server}。{alternative} 是同一邮箱在{other}使用的服务器：如果你在那里收发邮件，或连接缓慢、经常断开，请改用它。',
  'common.notice.regionDefault':
    '{server} 是服务商供{region}使用的服务器。{alternative} 是同一邮箱在{other}使用的服务器：如果你在那里收发邮件，或连接缓慢，请改用它。',
  'credential.name.account-password': '邮箱密码',
  'credential.name.app-password': '应用专用密码',
  'credential.name.authorization-code': '授权码',
  'credential.field.account-password': '邮箱密码',
  'credential.field.app-password': '应用专用密码（不是{provider}的普通密码）',
  'credential.field.authorization-code': '授权码（不是{provider}的登录密码）',
  'credential.field.oauth2-only': '（无需填写：在{provider}自己的页面上登录）',
  'credential.field.unknown': '邮箱密码',
  'credential.name.oauth2-only': '密码（仅支持 OAuth2，见提示）',
  'credential.name.unknown': '邮箱密码',
  'credential.text.account-password': '请输入登录邮箱时使用的密码。',
  'credential.text.app-password':
    '请输入在账户安全设置中生成的应用专用密码，而不是平时的登录密码。',
  'credential.text.authorization-code': '请输入在网页版邮箱设置中生成的授权码，而不是登录密码。',
  'credential.text.oauth2-only': '该服务商不接受邮件客户端输入的密码。',
  'credential.text.unknown': '请输入邮箱密码；如果被拒绝，请向服务商确认是否需要应用专用密码。',

  'error.AUTH_FAILED.symptom':
    '客户端提示用户名或密码错误（服务器返回例如“535 Authentication failed”或“LOGIN failed”）。',
  'error.AUTH_FAILED.fix.account-password':
    '请检查用户名（{inUsername}）并重新输入密码，注意大写锁定键是否打开。',
  'error.AUTH_FAILED.fix.app-password':
    '在{provider}，这说明使用了普通密码：请生成应用专用密码并改用它登录。',
  'error.AUTH_FAILED.fix.authorization-code':
    '在{provider}，这说明没有使用授权码：网页登录密码会被拒绝。请在网页版邮箱设置中生成授权码，并把它填入密码栏。',
  'error.AUTH_FAILED.fix.oauth2-only':
    '{provider}拒绝邮件客户端的密码登录：请使用提供该服务商登录窗口的客户端添加账户。',
  'error.AUTH_FAILED.fix.unknown':
    '请检查用户名（{inUsername}）和密码；有些服务商要求使用应用专用密码，或需要先在网页版中开启客户端收发信功能。',
  'error.AUTH_AUTHORIZATION_CODE_REQUIRED.fix':
    '在{provider}网页版邮箱的设置中（开启 IMAP/SMTP 服务的同一页面）生成授权码，把它填入密码栏，而不是登录密码。',
  'error.AUTH_APP_PASSWORD_REQUIRED.fix':
    '在{provider}账户的安全设置中生成应用专用密码（通常需要先开启两步验证），把它填入密码栏。',
  'error.AUTH_OAUTH_ONLY.fix':
    '{provider}拒绝邮件客户端的密码登录：请删除该账户，改用会打开服务商登录窗口的客户端重新添加。',
  'error.SERVICE_NOT_ENABLED.fix':
    '登录{provider}网页版邮箱，在设置中开启 IMAP/POP3/SMTP 服务，然后在客户端中重试。',
  'error.TOO_MANY_FAILURES.fix':
    '暂时停止重试（通常等待半小时到数小时）；下次尝试前先确认正确的密码或授权码，因为每次失败都会延长封禁时间。',
  'error.SEND_AUTH_REQUIRED.symptom':
    '能收信但不能发信（提示“authentication required”“relay access denied”或 530/553）。',
  'error.SEND_AUTH_REQUIRED.fix':
    '发件服务器也需要登录：使用 {outHost}、端口 {outPort}、{outSecurity}，用户名和密码与收件服务器相同。',
  'error.TCP_TIMEOUT.fix':
    '请检查端口号。如果网络屏蔽了该端口（25 端口以及公司、酒店网络中常见），请换一个网络，或改用服务商提供的另一个端口。',
  'error.TCP_REFUSED.fix':
    '该服务器不使用这个端口：收件请用端口 {inPort}，发件请用端口 {outPort}。',
  'error.GREETING_TIMEOUT.fix':
    '加密方式与端口不匹配：端口 {inPort} 请选择“{inSecurity}”，端口 {outPort} 请选择“{outSecurity}”。',
  'error.TLS_HANDSHAKE.fix':
    '加密方式与端口不匹配：端口 {inPort} 请选择“{inSecurity}”，端口 {outPort} 请选择“{outSecurity}”。',
  'error.TLS_CERT_NAME.fix':
    '请完全按照这里给出的服务器名称填写（{inHost}、{outHost}），不要使用 mail.<你的域名> 之类的别名。',
  'error.TLS_CERT_UNTRUSTED.fix':
    '不要接受证书警告：请检查服务器名称；如果警告仍然出现，请联系服务商。',
  'error.STARTTLS_UNSUPPORTED.fix':
    '请改用“{inSecurity}”和端口 {inPort}（发件用“{outSecurity}”和端口 {outPort}），不要在该端口上使用 STARTTLS。',

  'client.outlook': 'Windows 版 Outlook（经典版）',
  'client.new-outlook': '新版 Outlook for Windows',
  'client.thunderbird': 'Thunderbird',
  'client.foxmail': 'Foxmail',
  'client.mail-master': '网易邮箱大师',
  'client.apple-mail': 'Mac 上的“邮件”',
  'client.ios-mail': 'iPhone 和 iPad 上的“邮件”',
  'client.gmail-android': 'Android 版 Gmail 应用',
  'client.thunderbird-android': 'Android 版 Thunderbird',
  'ol.version': '经典版 Outlook for Windows：Microsoft 365、Outlook 2021、2019 和 2016',
  'nol.version': '新版 Outlook for Windows（2024 年及以后）',
  'tb.version': 'Thunderbird 115 及以后版本（Windows、macOS、Linux）',
  'fm.version': 'Foxmail 7.2（Windows 版）',
  'mm.version': '网易邮箱大师 Windows 版',
  'am.version': 'macOS 12 Monterey 及以后版本的“邮件”',
  'ios.version': 'iOS 和 iPadOS 17 及以后版本的“邮件”',
  'ga.version': 'Android 版 Gmail 应用',
  'tba.version': 'Android 版 Thunderbird 8 及以后版本（原 K-9 Mail）',

  'tb.security.tls': 'SSL/TLS',
  'tb.security.starttls': 'STARTTLS',
  'tb.security.none': '无',
  'tb.protocol.imap': 'IMAP',
  'tb.protocol.pop3': 'POP3',
  'tb.auth.password': '普通密码',
  'tb.auth.oauth2': 'OAuth2',
  'tb.step.open': '打开“账户设置”，点击“账户操作”，选择“添加邮件账户…”。',
  'tb.step.identity':
    '填写“您的全名”、“电子邮件地址”{email}，在“密码”中填写{credential}，然后点击“继续”。',
  'tb.step.manual': '点击“手动配置”。',
  'tb.step.incoming': '在“收件服务器”下填写：',
  'tb.step.outgoing': '在“发件服务器”下填写：',
  'tb.step.test': '点击“重新测试”。Thunderbird 检查完设置后，点击“完成”。',
  'tb.step.pop3Keep':
    '使用 POP3 时：在“账户设置”的“服务器设置”中，如果还在其他设备上收信，请保持勾选“把消息留在服务器上”。',
  'tb.label.protocol': '协议',
  'tb.label.hostname': '主机名',
  'tb.label.port': '端口',
  'tb.label.security': '连接安全性',
  'tb.label.auth': '验证方式',
  'tb.label.username': '用户名',
  'tb.error.auth': '验证失败。请检查用户名和密码',

  'ol.security.tls': 'SSL/TLS',
  'ol.security.starttls': 'STARTTLS',
  'ol.security.none': '无',
  'ol.protocol.imap': 'IMAP',
  'ol.protocol.pop3': 'POP',
  'ol.step.open': '在 Outlook 中打开文件菜单，选择添加帐户。',
  'ol.step.manual':
    '输入 {email}，展开邮件地址下方的高级选项，勾选手动设置帐户的选项，然后点击连接。',
  'ol.step.type': '选择 {protocol}。',
  'ol.step.incoming': '填写接收邮件的设置：',
  'ol.step.outgoing': '填写发送邮件的设置，然后点击下一步：',
  'ol.step.password': '在密码栏填写{credential}，然后点击连接。',
  'ol.step.test':
    'Outlook 会登录收发两个服务器。提示帐户已添加后完成对话框；如果反复要求输入密码，请参阅下方的常见错误。',
  'ol.step.username':
    'Outlook 默认用邮件地址登录，但该服务商要求用户名为 {inUsername}：请在文件菜单中打开帐户设置，选中该帐户并修改用户名。',
  'ol.label.server': '服务器',
  'ol.label.port': '端口',
  'ol.label.encryption': '加密方法',
  'ol.label.spa': '安全密码验证 (SPA)',
  'ol.error.connect': '无法连接到接收 (IMAP) 服务器，请检查接收服务器设置后重试。',

  'nol.step.web':
    '网页版 Outlook 不能添加其他服务商的 IMAP 或 POP 帐户：请使用新版 Outlook for Windows（或 Outlook 手机应用）。',
  'nol.step.open': '在新版 Outlook 中打开设置（齿轮图标），进入帐户部分，添加电子邮件帐户。',
  'nol.step.email': '输入 {email} 并继续。询问帐户类型时选择 {protocol}。',
  'nol.step.more': '如果 Outlook 显示服务器栏位，请全部展开并填写：',
  'nol.step.test': '继续。Outlook 会先登录收发两个服务器再添加帐户，失败时会指出是哪个服务器。',
  'nol.label.username': '用户名',
  'nol.label.password': '密码',
  'nol.label.inServer': '收件服务器',
  'nol.label.port': '端口',
  'nol.label.security': '安全连接类型',
  'nol.label.smtpUsername': 'SMTP 用户名',
  'nol.label.smtpPassword': 'SMTP 密码',
  'nol.label.outServer': 'SMTP 发件服务器',

  'fm.security.tls': '勾选 SSL',
  'fm.security.starttls': '不勾选 SSL；如有 STARTTLS 选项则勾选',
  'fm.security.none': '不勾选 SSL',
  'fm.protocol.imap': 'IMAP',
  'fm.protocol.pop3': 'POP3',
  'fm.step.open': '打开 Foxmail，从右上角的菜单进入账号管理，新建账号。',
  'fm.step.email':
    '输入邮件地址 {email}，密码处填写{credential}。如果 Foxmail 没有自动完成设置，请选择手动设置。',
  'fm.step.account': '选择接收服务器类型，填写账号信息：',
  'fm.step.incoming': '填写收件服务器：',
  'fm.step.outgoing': '填写发件（SMTP）服务器：',
  'fm.step.test': '创建账号。Foxmail 会先登录收发两个服务器，失败时会提示是哪一个。',
  'fm.label.type': '接收服务器类型',
  'fm.label.account': '邮件账号',
  'fm.label.password': '密码',
  'fm.label.inServer': '收件服务器',
  'fm.label.outServer': 'SMTP 服务器',
  'fm.label.port': '端口',
  'fm.label.ssl': 'SSL',

  'mm.security.tls': '开启 SSL',
  'mm.security.starttls': '不开启 SSL（服务器使用 STARTTLS 加密）',
  'mm.security.none': '不开启 SSL',
  'mm.step.open': '打开网易邮箱大师，添加邮箱。',
  'mm.step.email':
    '输入邮箱地址 {email}，密码处填写{credential}。如果邮箱大师不能自动完成设置，请进入手动设置服务器。',
  'mm.step.incoming': '选择服务器类型，填写收信服务器：',
  'mm.step.outgoing': '填写发信（SMTP）服务器：',
  'mm.step.test': '确认。邮箱大师会登录收发两个服务器，失败时会提示。',
  'mm.label.type': '服务器类型',
  'mm.label.inServer': '收信服务器',
  'mm.label.outServer': '发信服务器（SMTP）',
  'mm.label.port': '端口',
  'mm.label.ssl': 'SSL',
  'mm.label.username': '用户名',

  'am.security.tls': '开启 TLS/SSL',
  'am.security.starttls': '开启 TLS/SSL（该端口使用 STARTTLS）',
  'am.security.none': '关闭 TLS/SSL',
  'am.protocol.imap': 'IMAP',
  'am.protocol.pop3': 'POP',
  'am.auth.password': '密码',
  'am.mac.open': '在邮件 App 中打开邮件菜单，添加账户，选择其他邮件账户。',
  'am.mac.identity': '输入姓名、邮件地址 {email}，密码处填写{credential}，然后登录。',
  'am.mac.servers': '如果邮件 App 要求填写服务器，请填写后再次登录：',
  'am.mac.test': '邮件 App 会先登录收发两个服务器再添加账户，并标出无法使用的栏位。',
  'am.mac.ports':
    '检查端口和加密方式：在邮件菜单中打开设置（较早的 macOS 中为偏好设置），进入账户，选中该账户并打开服务器设置。取消自动管理连接设置后即可自行设置：',
  'am.label.accountType': '账户类型',
  'am.label.inServer': '收件服务器',
  'am.label.outServer': '发件服务器',
  'am.label.hostName': '主机名（收件）',
  'am.label.port': '端口（收件）',
  'am.label.tls': 'TLS/SSL（收件）',
  'am.label.outHostName': '主机名（发件）',
  'am.label.outPort': '端口（发件）',
  'am.label.outTls': 'TLS/SSL（发件）',
  'am.label.userName': '用户名',

  'ios.security.tls': '开启 SSL',
  'ios.security.starttls': '开启 SSL（该端口使用 STARTTLS）',
  'ios.security.none': '关闭 SSL',
  'ios.step.open':
    '打开设置 App，进入邮件（iOS 18 中为 App → 邮件），再进入邮件账户，添加账户；选择其他，然后添加邮件账户。',
  'ios.step.identity': '输入姓名、地址 {email}、密码（{credential}）和描述，然后继续。',
  'ios.step.servers': '在顶部选择 {protocol}，然后填写收件服务器和发件服务器：',
  'ios.step.test': '继续：iPhone 或 iPad 会检查两个服务器并标出能连接的服务器；然后存储。',
  'ios.step.advanced':
    '以后检查端口和 SSL：在同一个邮件账户列表中打开该账户的高级设置（发件：打开 SMTP 服务器项）：',
  'ios.label.inHost': '收件服务器：主机名',
  'ios.label.userName': '收件服务器：用户名',
  'ios.label.password': '密码',
  'ios.label.outHost': '发件服务器：主机名',
  'ios.label.outUserName': '发件服务器：用户名',
  'ios.label.ssl': '使用 SSL（收件）',
  'ios.label.port': '服务器端口（收件）',
  'ios.label.outSsl': '使用 SSL（发件）',
  'ios.label.outPort': '服务器端口（发件）',

  'ga.security.tls': 'SSL/TLS',
  'ga.security.starttls': 'STARTTLS',
  'ga.security.none': '无',
  'ga.protocol.imap': '个人 (IMAP)',
  'ga.protocol.pop3': '个人 (POP3)',
  'ga.step.open': '在 Gmail 应用中打开菜单，进入设置并添加帐号，选择其他。',
  'ga.step.email': '输入 {email}，选择手动设置（不要直接点下一步）。',
  'ga.step.type': '选择 {protocol}，密码处填写{credential}，然后继续。',
  'ga.step.incoming': '在接收服务器设置中填写后继续：',
  'ga.step.outgoing': '在外发服务器设置中填写后继续：',
  'ga.step.test':
    '每次继续后，应用都会检查服务器，只有检查通过才会进入下一步；最后选择同步选项并完成。',
  'ga.label.username': '用户名',
  'ga.label.server': '服务器',
  'ga.label.port': '端口',
  'ga.label.security': '安全类型',

  'tba.security.tls': 'SSL/TLS',
  'tba.security.starttls': 'StartTLS',
  'tba.security.none': '无',
  'tba.auth.password': '常规密码',
  'tba.auth.oauth2': 'OAuth 2.0',
  'tba.step.open': '打开 Thunderbird 并添加账户（首次启动时会自动询问；以后可从账户列表添加）。',
  'tba.step.email':
    '输入 {email} 并继续。如果显示“未找到配置”，选择“手动配置”；如果找到了配置，可以用“编辑配置”核对。',
  'tba.step.incoming': '在“收件服务器设置”中填写：',
  'tba.step.outgoing': '在“发件服务器设置”中填写：',
  'tba.step.test': '继续：Thunderbird 会先检查收件服务器、再检查发件服务器，然后创建账户。',
  'tba.label.protocol': '协议',
  'tba.label.server': '服务器',
  'tba.label.security': '安全性',
  'tba.label.port': '端口',
  'tba.label.username': '用户名',
  'tba.label.auth': '身份验证',
  'tba.label.password': '密码',
}
