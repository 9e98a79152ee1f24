/**
 * @module
 * 简体中文指南文本。类型保证与英文表的键完全一致。
 */
import type { EN } from './messages-en.ts'

export const ZH_CN: Record<keyof typeof EN, string> = {
  'common.unknownValue': '（请向邮箱服务商询问）',
  'common.normalPassword': '普通密码',
  'common.unticked': '不勾选',
  'common.protocolChoice.imap': 'IMAP 把邮件保存在服务器上，所有设备看到的文件夹和已读状态都一致。',
  'common.protocolChoice.pop3':
    'POP3 只把邮件下载到这台设备；如果还在别处收信，请在服务器上保留副本。',
  'common.notice.noSettings':
    '暂时不知道该域名的服务器设置：请向邮箱服务商询问服务器名称、端口和加密方式。',
  'common.notice.protocolFallback': '该地址不提供 {wanted}，本指南改用 {protocol}。',
  'common.notice.oauth2Only':
    '该服务商只允许邮件客户端通过其自己的登录窗口（OAuth2）登录。请使用支持这种登录方式的客户端；在下面的密码栏输入密码会被拒绝。',
  'common.notice.insecure': '该服务商不提供加密连接，密码会以明文传输：请勿在不可信的网络中使用。',
  'common.notice.broken': '据报告该服务商目前无法使用密码登录。',
  'credential.name.account-password': '邮箱密码',
  'credential.name.app-password': '应用专用密码',
  'credential.name.authorization-code': '授权码',
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
  'client.new-outlook': '新版 Outlook for Windows / 网页版 Outlook',
  'client.thunderbird': 'Thunderbird',
  'client.foxmail': 'Foxmail',
  'client.apple-mail': 'Apple 邮件（macOS、iPhone 和 iPad）',
  'client.gmail-android': 'Android 版 Gmail 应用',
  'client.thunderbird-android': 'Android 版 Thunderbird',

  'tb.security.tls': 'SSL/TLS',
  'tb.security.starttls': 'STARTTLS',
  'tb.security.none': '无',
  'tb.protocol.imap': 'IMAP',
  'tb.protocol.pop3': 'POP3',
  'tb.step.open': '打开“账户设置”，点击“账户操作”，选择“添加邮件账户”。',
  'tb.step.identity': '输入你的名字、邮件地址 {email}，密码处填写{credential}，然后点击“继续”。',
  'tb.step.manual': '点击“手动配置”。',
  'tb.step.incoming': '在“收件服务器”下填写：',
  'tb.step.outgoing': '在“发件服务器”下填写：',
  'tb.step.test': '点击“重新测试”。Thunderbird 确认设置后，点击“完成”。',
  'tb.step.pop3Keep':
    '使用 POP3 时：在“账户设置”→“服务器设置”中，如果还在其他设备上收信，请保持勾选“在服务器上保留消息”。',
  'tb.label.protocol': '协议',
  'tb.label.hostname': '主机名',
  'tb.label.port': '端口',
  'tb.label.security': '连接安全',
  'tb.label.auth': '验证方式',
  'tb.label.username': '用户名',

  'ol.security.tls': 'SSL/TLS',
  'ol.security.starttls': 'STARTTLS',
  'ol.security.none': '无',
  'ol.protocol.imap': 'IMAP',
  'ol.protocol.pop3': 'POP',
  'ol.step.open': '选择“文件”→“添加帐户”。',
  'ol.step.manual': '输入 {email}，展开“高级选项”，勾选“让我手动设置我的帐户”，然后点击“连接”。',
  'ol.step.type': '选择“{protocol}”。',
  'ol.step.incoming': '在“接收邮件”下填写：',
  'ol.step.outgoing': '在“发送邮件”下填写，然后点击“下一步”：',
  'ol.step.password': '密码处填写{credential}，点击“连接”。',
  'ol.step.test':
    'Outlook 会登录收发两个服务器。等待出现“已成功添加帐户”后点击“已完成”；如果再次要求输入密码，请参阅下方的常见错误。',
  'ol.step.username':
    'Outlook 默认用邮件地址登录。该服务商要求用户名为 {inUsername}：请打开“文件”→“帐户设置”→“服务器设置”修改用户名。',
  'ol.label.server': '服务器',
  'ol.label.port': '端口',
  'ol.label.encryption': '加密方法',
  'ol.label.spa': '要求使用安全密码验证(SPA)进行登录',

  'nol.step.web':
    '网页版 Outlook 不能添加其他服务商的 IMAP 或 POP 账户：请使用新版 Outlook for Windows（或 Outlook 手机应用）。',
  'nol.step.open': '在新版 Outlook 中打开“设置”→“帐户”→“电子邮件帐户”，点击“添加帐户”。',
  'nol.step.email': '输入 {email} 并点击“继续”。询问帐户类型时选择“{protocol}”。',
  'nol.step.more': '点击“显示更多”，填写：',
  'nol.step.test':
    '点击“继续”。Outlook 会先登录收发两个服务器再添加帐户，失败时会指出是哪个服务器。',
  'nol.label.username': '用户名',
  'nol.label.password': '密码',
  'nol.label.inServer': '收件服务器',
  'nol.label.port': '端口',
  'nol.label.security': '安全连接类型',
  'nol.label.smtpUsername': 'SMTP 用户名',
  'nol.label.smtpPassword': 'SMTP 密码',
  'nol.label.outServer': 'SMTP 发件服务器',

  'fm.security.tls': '勾选 SSL',
  'fm.security.starttls': '不勾选 SSL，勾选 STARTTLS',
  'fm.security.none': '不勾选 SSL',
  'fm.protocol.imap': 'IMAP',
  'fm.protocol.pop3': 'POP3',
  'fm.step.open': '打开 Foxmail，在菜单中选择“账号管理”，点击“新建”。',
  'fm.step.email': '选择“其他邮箱”，输入 {email}，密码处填写{credential}，然后点击“手动设置”。',
  'fm.step.account': '填写账号信息：',
  'fm.step.incoming': '填写收件服务器：',
  'fm.step.outgoing': '填写发件服务器：',
  'fm.step.test': '点击“创建”。Foxmail 会先登录收发两个服务器，并提示哪一个失败。',
  'fm.label.type': '接收服务器类型',
  'fm.label.account': '邮件账号',
  'fm.label.password': '密码',
  'fm.label.inServer': '收件服务器',
  'fm.label.outServer': 'SMTP 服务器',
  'fm.label.port': '端口',
  'fm.label.ssl': 'SSL',

  'am.security.tls': '开',
  'am.security.starttls': '开（该端口使用 STARTTLS）',
  'am.security.none': '关',
  'am.protocol.imap': 'IMAP',
  'am.protocol.pop3': 'POP',
  'am.ios.open': '打开“设置”→“邮件”→“账户”→“添加账户”→“其他”→“添加邮件账户”。',
  'am.ios.identity': '输入姓名、{email}、密码（{credential}）和描述，然后轻点“下一步”。',
  'am.ios.servers': '轻点顶部的“{protocol}”，然后填写“收件服务器”和“发件服务器”：',
  'am.ios.test': '轻点“下一步”：iPhone 会验证收发两个服务器并打勾；然后轻点“存储”。',
  'am.ios.advanced':
    '检查端口：“设置”→“邮件”→“账户”→该账户→“高级”：“使用 SSL”{inSecurity}，“服务器端口”{inPort}。发件：“发件服务器”→“SMTP”→该服务器。',
  'am.mac.open': '在“邮件”中选择“邮件”→“添加账户…”，选择“其他邮件账户…”，点击“继续”。',
  'am.mac.identity': '输入姓名、邮件地址 {email}，密码处填写{credential}，然后点击“登录”。',
  'am.mac.servers': '如果“邮件”要求填写服务器，请填写后再次点击“登录”：',
  'am.mac.test':
    '点击“登录”时“邮件”会登录收发两个服务器。设置端口：“邮件”→“设置”→“账户”→“服务器设置”，取消勾选“自动管理连接设置”，然后设置“端口”和“使用 TLS/SSL”。',
  'am.label.accountType': '账户类型',
  'am.label.inServer': '收件服务器',
  'am.label.outServer': '发件服务器',
  'am.label.hostName': '主机名',
  'am.label.userName': '用户名',
  'am.label.outUserName': '用户名（发件）',

  'ga.security.tls': 'SSL/TLS',
  'ga.security.starttls': 'STARTTLS',
  'ga.security.none': '无',
  'ga.protocol.imap': '个人 (IMAP)',
  'ga.protocol.pop3': '个人 (POP3)',
  'ga.step.open': '在 Gmail 应用中打开菜单 →“设置”→“添加帐号”→“其他”。',
  'ga.step.email': '输入 {email}，点按“手动设置”。',
  'ga.step.type': '选择“{protocol}”，密码处填写{credential}，点按“下一步”。',
  'ga.step.incoming': '在“接收服务器设置”中填写，然后点按“下一步”：',
  'ga.step.outgoing': '在“外发服务器设置”中保持“需要登录”开启，填写后点按“下一步”：',
  'ga.step.test':
    '每次点按“下一步”后，应用都会检查服务器，只有检查通过才会继续；然后选择同步选项并点按“下一步”。',
  'ga.label.username': '用户名',
  'ga.label.server': '服务器',
  'ga.label.smtpServer': 'SMTP 服务器',
  'ga.label.port': '端口',
  'ga.label.security': '安全类型',

  'tba.step.open': '打开 Thunderbird 并添加账户（菜单 →“设置”→“添加账户”）。',
  'tba.step.email': '输入 {email} 并点按“下一步”。如果没有自动找到服务器，请选择手动设置。',
  'tba.step.incoming': '在“收件服务器设置”中填写：',
  'tba.step.outgoing': '在“发件服务器设置”中填写：',
  'tba.step.test': '点按“下一步”：Thunderbird 会先检查收件服务器、再检查发件服务器，然后保存账户。',
  'tba.label.protocol': '协议',
  'tba.label.server': '服务器',
  'tba.label.security': '安全',
  'tba.label.port': '端口',
  'tba.label.username': '用户名',
  'tba.label.auth': '身份验证',
  'tba.label.password': '密码',
}
