/**
 * @module
 * English guide texts. The key set of this table is the key set every language must have
 * (messages-zh-cn.ts is typed against it; a test also compares variables per key).
 */
export const EN = {
  // ---- Shared ----
  'common.unknownValue': '(ask your mail provider)',
  'common.normalPassword': 'Normal password',
  'common.unticked': 'Not ticked',
  'common.oauth2': 'OAuth2 (sign in through the provider’s page)',
  'common.unconfirmedNote':
    'Some button and field names in this guide could not be checked against the client’s own screens, so those steps describe where to look rather than quoting the label; your version may word them differently.',
  'common.notice.oauth2Client':
    '{provider} lets mail clients sign in only through its own web page (OAuth2). {client} can do this: when it opens {provider}’s sign-in page, sign in there instead of typing a password into the client.',
  'common.notice.oauth2NoClient':
    '{provider} lets mail clients sign in only through its own web page (OAuth2), and {client} cannot do that: a password typed into it will be refused. Use one of these instead: {clients}.',
  'common.protocolChoice.imap':
    'IMAP keeps your mail on the server, so every device shows the same folders and read state.',
  'common.protocolChoice.pop3':
    'POP3 downloads mail to this device only; keep a copy on the server if you also read mail elsewhere.',
  'common.notice.noSettings':
    'No settings are known for this domain yet: ask your mail provider for the server names, ports and encryption.',
  'common.notice.accountId':
    '{provider} signs in with {accountId}: type it wherever this guide says user name.',
  'common.notice.protocolFallback':
    '{wanted} is not offered for this address; this guide uses {protocol}.',
  'common.notice.oauth2Only':
    'This provider lets mail clients sign in only through its own login window (OAuth2). Use a client that offers that sign-in; a password typed into the fields below will be refused.',
  'common.notice.insecure':
    'This provider offers no encrypted connection. Your password would travel in clear text: avoid using it on untrusted networks.',
  'common.notice.broken':
    'Password sign-in is reported not to work at this provider at the moment.',
  'common.notice.region':
    'You read your mail {region}, so this guide uses {server}. {alternative} serves the same mailbox {other}: use it instead if you read your mail there, or if the connection is slow or drops.',
  'common.notice.regionTimeZone':
    'Your browser’s time zone suggests you read your mail {region}, so this guide uses {server}. {alternative} serves the same mailbox {other}: use it instead if you read your mail there, or if the connection is slow or drops.',
  'common.notice.regionDefault':
    '{server} is the provider’s host for mail read {region}. {alternative} serves the same mailbox {other}: use it instead if you read your mail there, or if the connection is slow.',
  'credential.name.account-password': 'your mailbox password',
  'credential.name.app-password': 'an app password',
  'credential.name.authorization-code': 'the authorization code (授权码)',
  'credential.field.account-password': 'your mailbox password',
  'credential.field.app-password': 'an app password (not your normal {provider} password)',
  'credential.field.authorization-code':
    'the authorization code (授权码), not your {provider} login password',
  'credential.field.oauth2-only': '(nothing: sign in on {provider}’s own page)',
  'credential.field.unknown': 'your mailbox password',
  'credential.name.oauth2-only': 'your password (OAuth2 only, see the notice)',
  'credential.name.unknown': 'your mailbox password',
  'credential.text.account-password': 'Type the password you use to sign in to your mailbox.',
  'credential.text.app-password':
    'Type an app password created in your account’s security settings, not your normal password.',
  'credential.text.authorization-code':
    'Type the authorization code (授权码) generated in the webmail settings, not your login password.',
  'credential.text.oauth2-only': 'This provider does not accept passwords from mail clients.',
  'credential.text.unknown':
    'Type your mailbox password; if it is refused, ask your provider whether an app password is needed.',

  // ---- Usual errors ----
  'error.AUTH_FAILED.symptom':
    'The client says the user name or password is wrong (the server answers for example “535 Authentication failed” or “LOGIN failed”).',
  'error.AUTH_FAILED.fix.account-password':
    'Check the user name ({inUsername}) and retype the password; make sure Caps Lock is off.',
  'error.AUTH_FAILED.fix.app-password':
    'At {provider} this means the normal password was used: create an app password and type it instead.',
  'error.AUTH_FAILED.fix.authorization-code':
    'At {provider} this means the authorization code (授权码) was not used: the web login password is refused. Generate a code in the webmail settings and type it into the password field.',
  'error.AUTH_FAILED.fix.oauth2-only':
    '{provider} refuses passwords from mail clients: add the account with a client that offers the provider’s own sign-in window.',
  'error.AUTH_FAILED.fix.unknown':
    'Check the user name ({inUsername}) and the password; some providers require an app password or first need mail-client access switched on in webmail.',
  'error.AUTH_AUTHORIZATION_CODE_REQUIRED.fix':
    'At {provider}, generate the authorization code (授权码) in the webmail settings (the same page where IMAP/SMTP is switched on) and type it into the password field instead of your login password.',
  'error.AUTH_APP_PASSWORD_REQUIRED.fix':
    'At {provider}, create an app password in the account’s security settings (2-step verification usually has to be on) and type it into the password field.',
  'error.AUTH_OAUTH_ONLY.fix':
    '{provider} refuses passwords from mail clients: remove the account and add it again with a client that opens the provider’s own sign-in window.',
  'error.SERVICE_NOT_ENABLED.fix':
    'Sign in to the {provider} webmail, switch on IMAP/POP3/SMTP access in the settings, then try again in the client.',
  'error.TOO_MANY_FAILURES.fix':
    'Stop retrying for a while (often 30 minutes to a few hours); check which password or code is right before the next try, because each failure extends the block.',
  'error.SEND_AUTH_REQUIRED.symptom':
    'Receiving works but sending fails (“authentication required”, “relay access denied” or 530/553).',
  'error.SEND_AUTH_REQUIRED.fix':
    'The outgoing server needs a sign-in too: use {outHost}, port {outPort} with {outSecurity} and the same user name and password as for incoming mail.',
  'error.TCP_TIMEOUT.fix':
    'Check the port number. If the network blocks it (common for port 25 and on company or hotel networks), try another network, or the other port your provider offers.',
  'error.TCP_REFUSED.fix':
    'The port is wrong for this server: use port {inPort} for incoming and {outPort} for outgoing mail.',
  'error.GREETING_TIMEOUT.fix':
    'The encryption choice does not match the port: for {inPort} choose “{inSecurity}”, for {outPort} choose “{outSecurity}”.',
  'error.TLS_HANDSHAKE.fix':
    'The encryption choice does not match the port: for {inPort} choose “{inSecurity}”, for {outPort} choose “{outSecurity}”.',
  'error.TLS_CERT_NAME.fix':
    'Type the server name exactly as given here ({inHost}, {outHost}), not an alias such as mail.<your domain>.',
  'error.TLS_CERT_UNTRUSTED.fix':
    'Do not accept the certificate warning: check the server name, and ask your provider if the warning persists.',
  'error.STARTTLS_UNSUPPORTED.fix':
    'Choose “{inSecurity}” with port {inPort} (and “{outSecurity}” with port {outPort}) instead of STARTTLS on this port.',

  // ---- Clients: names and versions ----
  'client.outlook': 'Outlook for Windows (classic)',
  'client.new-outlook': 'New Outlook for Windows',
  'client.thunderbird': 'Thunderbird',
  'client.foxmail': 'Foxmail',
  'client.mail-master': 'NetEase Mail Master (网易邮箱大师)',
  'client.apple-mail': 'Mail on the Mac',
  'client.ios-mail': 'Mail on iPhone and iPad',
  'client.gmail-android': 'Gmail app for Android',
  'client.thunderbird-android': 'Thunderbird for Android',
  'ol.version': 'Classic Outlook for Windows: Microsoft 365, Outlook 2021, 2019 and 2016',
  'nol.version': 'The new Outlook for Windows (2024 and later)',
  'tb.version': 'Thunderbird 115 and later for Windows, macOS and Linux',
  'fm.version': 'Foxmail 7.2 for Windows',
  'mm.version': 'NetEase Mail Master for Windows',
  'am.version': 'Mail on macOS 12 Monterey and later',
  'ios.version': 'Mail on iOS and iPadOS 17 and later',
  'ga.version': 'The Gmail app for Android',
  'tba.version': 'Thunderbird for Android 8 and later (formerly K-9 Mail)',

  // ---- Thunderbird (own strings: accountSetup.ftl, en-US) ----
  'tb.security.tls': 'SSL/TLS',
  'tb.security.starttls': 'STARTTLS',
  'tb.security.none': 'None',
  'tb.protocol.imap': 'IMAP',
  'tb.protocol.pop3': 'POP3',
  'tb.auth.password': 'Normal password',
  'tb.auth.oauth2': 'OAuth2',
  'tb.step.open':
    'Open “Account Settings”, click “Account Actions” and choose “Add Mail Account…”.',
  'tb.step.identity':
    'Fill in “Your full name”, the “Email address” {email} and, as the “Password”, {credential}. Then click “Continue”.',
  'tb.step.manual': 'Click “Configure manually”.',
  'tb.step.incoming': 'Under “Incoming server” fill in:',
  'tb.step.outgoing': 'Under “Outgoing server” fill in:',
  'tb.step.test': 'Click “Re-test”. When Thunderbird has checked the settings, click “Done”.',
  'tb.step.pop3Keep':
    'For POP3: in the account’s server settings keep the option to leave messages on the server switched on if you also read mail on other devices.',
  'tb.label.protocol': 'Protocol',
  'tb.label.hostname': 'Hostname',
  'tb.label.port': 'Port',
  'tb.label.security': 'Connection security',
  'tb.label.auth': 'Authentication method',
  'tb.label.username': 'Username',
  'tb.error.auth': 'Authentication failed. Please check the username and password',

  // ---- Classic Outlook ----
  'ol.security.tls': 'SSL/TLS',
  'ol.security.starttls': 'STARTTLS',
  'ol.security.none': 'None',
  'ol.protocol.imap': 'IMAP',
  'ol.protocol.pop3': 'POP',
  'ol.step.open': 'Choose “File” → “Add Account”.',
  'ol.step.manual':
    'Type {email}, open “Advanced options”, tick “Let me set up my account manually” and click “Connect”.',
  'ol.step.type': 'Choose “{protocol}”.',
  'ol.step.incoming': 'Fill in the incoming mail settings:',
  'ol.step.outgoing': 'Fill in the outgoing mail settings, then click “Next”:',
  'ol.step.password': 'Type {credential} as the password and click “Connect”.',
  'ol.step.test':
    'Outlook now signs in to both servers. When it reports that the account was added, finish the dialog; if it keeps asking for the password, see the usual errors below.',
  'ol.step.username':
    'Outlook signs in with the email address, but this provider expects the user name {inUsername}: open “File” → “Account Settings”, pick the account and change its user name.',
  'ol.label.server': 'Server',
  'ol.label.port': 'Port',
  'ol.label.encryption': 'Encryption method',
  'ol.label.spa': 'Secure Password Authentication (SPA)',
  'ol.error.connect':
    'Something went wrong. We couldn’t connect to the incoming (IMAP) server. Please check the incoming (IMAP) server settings and try again',

  // ---- New Outlook ----
  'nol.step.web':
    'Outlook on the web cannot add IMAP or POP accounts of other providers: use the new Outlook for Windows (or the Outlook mobile app).',
  'nol.step.open':
    'In the new Outlook open the settings (the gear icon), go to the accounts section and add an email account.',
  'nol.step.email':
    'Type {email} and continue. When Outlook asks which kind of account it is, choose {protocol}.',
  'nol.step.more': 'If Outlook shows the server fields, open all of them and fill in:',
  'nol.step.test':
    'Continue. Outlook signs in to both servers before it adds the account, and says which one failed.',
  'nol.label.username': 'Username',
  'nol.label.password': 'Password',
  'nol.label.inServer': 'Incoming server',
  'nol.label.port': 'Port',
  'nol.label.security': 'Security (secure connection type)',
  'nol.label.smtpUsername': 'SMTP username',
  'nol.label.smtpPassword': 'SMTP password',
  'nol.label.outServer': 'SMTP (outgoing) server',

  // ---- Foxmail ----
  'fm.security.tls': 'SSL ticked',
  'fm.security.starttls': 'SSL not ticked; STARTTLS ticked where offered',
  'fm.security.none': 'SSL not ticked',
  'fm.protocol.imap': 'IMAP',
  'fm.protocol.pop3': 'POP3',
  'fm.step.open':
    'Open Foxmail and the account manager (from the menu at the top right) and create a new account.',
  'fm.step.email':
    'Enter the address {email} and, as the password, {credential}. If Foxmail does not finish the setup by itself, choose manual setup.',
  'fm.step.account': 'Choose the receiving server type and fill in the account:',
  'fm.step.incoming': 'Fill in the receiving server:',
  'fm.step.outgoing': 'Fill in the sending (SMTP) server:',
  'fm.step.test':
    'Create the account. Foxmail signs in to both servers first and says which one failed.',
  'fm.label.type': 'Receiving server type',
  'fm.label.account': 'Account',
  'fm.label.password': 'Password',
  'fm.label.inServer': 'Receiving server',
  'fm.label.outServer': 'SMTP server',
  'fm.label.port': 'Port',
  'fm.label.ssl': 'SSL',

  // ---- NetEase Mail Master ----
  'mm.security.tls': 'SSL on',
  'mm.security.starttls': 'SSL off (the server upgrades with STARTTLS)',
  'mm.security.none': 'SSL off',
  'mm.step.open': 'Open Mail Master and add a mailbox.',
  'mm.step.email':
    'Enter the address {email} and, as the password, {credential}. If Mail Master cannot set the account up by itself, open the manual server settings.',
  'mm.step.incoming': 'Choose the server type and fill in the receiving server:',
  'mm.step.outgoing': 'Fill in the sending (SMTP) server:',
  'mm.step.test': 'Confirm. Mail Master signs in to both servers and tells you if one failed.',
  'mm.label.type': 'Server type',
  'mm.label.inServer': 'Receiving server',
  'mm.label.outServer': 'Sending server (SMTP)',
  'mm.label.port': 'Port',
  'mm.label.ssl': 'SSL',
  'mm.label.username': 'User name',

  // ---- Apple Mail (Mac) ----
  'am.security.tls': 'TLS/SSL on',
  'am.security.starttls': 'TLS/SSL on (Mail uses STARTTLS on this port)',
  'am.security.none': 'TLS/SSL off',
  'am.protocol.imap': 'IMAP',
  'am.protocol.pop3': 'POP',
  'am.auth.password': 'Password',
  'am.mac.open':
    'In Mail open the Mail menu, add an account and choose the option for another mail account.',
  'am.mac.identity':
    'Enter your name, the email address {email} and, as the password, {credential}, then sign in.',
  'am.mac.servers': 'If Mail asks for the servers, fill in and sign in again:',
  'am.mac.test':
    'Mail signs in to both servers before it adds the account, and marks the fields it could not use.',
  'am.mac.ports':
    'To check ports and encryption: “Mail” → “Settings” (older macOS: “Preferences”) → “Accounts” → the account → “Server Settings”. Untick “Automatically manage connection settings” to set them yourself:',
  'am.label.accountType': 'Account type',
  'am.label.inServer': 'Incoming mail server',
  'am.label.outServer': 'Outgoing mail server',
  'am.label.hostName': 'Host Name (incoming)',
  'am.label.port': 'Port (incoming)',
  'am.label.tls': 'TLS/SSL (incoming)',
  'am.label.outHostName': 'Host Name (outgoing)',
  'am.label.outPort': 'Port (outgoing)',
  'am.label.outTls': 'TLS/SSL (outgoing)',
  'am.label.userName': 'User name',

  // ---- iPhone and iPad Mail ----
  'ios.security.tls': 'SSL on',
  'ios.security.starttls': 'SSL on (STARTTLS on this port)',
  'ios.security.none': 'SSL off',
  'ios.step.open':
    'Open the Settings app and go to Mail (on iOS 18: Apps, then Mail), then to the mail accounts, and add an account; choose Other, then add a mail account.',
  'ios.step.identity':
    'Enter your name, the address {email}, as the password {credential}, and a description; go on.',
  'ios.step.servers':
    'Choose {protocol} at the top, then fill in the incoming and the outgoing mail server:',
  'ios.step.test':
    'Go on: the iPhone or iPad checks both servers and marks each one it could reach; then save.',
  'ios.step.advanced':
    'To check ports and SSL later: in the same mail accounts list open the account, then its advanced settings (outgoing: the SMTP server entry):',
  'ios.label.inHost': 'Incoming mail server: host name',
  'ios.label.userName': 'Incoming mail server: user name',
  'ios.label.password': 'Password',
  'ios.label.outHost': 'Outgoing mail server: host name',
  'ios.label.outUserName': 'Outgoing mail server: user name',
  'ios.label.ssl': 'Use SSL (incoming)',
  'ios.label.port': 'Server port (incoming)',
  'ios.label.outSsl': 'Use SSL (outgoing)',
  'ios.label.outPort': 'Server port (outgoing)',

  // ---- Gmail for Android ----
  'ga.security.tls': 'SSL/TLS',
  'ga.security.starttls': 'STARTTLS',
  'ga.security.none': 'None',
  'ga.protocol.imap': 'Personal (IMAP)',
  'ga.protocol.pop3': 'Personal (POP3)',
  'ga.step.open':
    'In the Gmail app open the menu, go to the settings and add an account; choose Other.',
  'ga.step.email': 'Enter {email} and tap “MANUAL SETUP” (not “NEXT”).',
  'ga.step.type': 'Choose “{protocol}”, enter {credential} as the password and tap “NEXT”.',
  'ga.step.incoming': 'On “Incoming server settings” fill in, then tap “NEXT”:',
  'ga.step.outgoing': 'On “Outgoing server settings” fill in, then tap “NEXT”:',
  'ga.step.test':
    'After each “NEXT” the app checks the server and goes on only when the check passed; then choose the sync options and finish.',
  'ga.label.username': 'Username',
  'ga.label.server': 'Server',
  'ga.label.port': 'Port',
  'ga.label.security': 'Security type',

  // ---- Thunderbird for Android (own strings, values/strings.xml) ----
  'tba.security.tls': 'SSL/TLS',
  'tba.security.starttls': 'StartTLS',
  'tba.security.none': 'None',
  'tba.auth.password': 'Normal password',
  'tba.auth.oauth2': 'OAuth 2.0',
  'tba.step.open':
    'Open Thunderbird and start adding an account (on first start it asks by itself; later from the account list).',
  'tba.step.email':
    'Enter {email} and go on. If Thunderbird says “Configuration not found”, choose “Configure manually”; if it found one, check it with “Edit configuration”.',
  'tba.step.incoming': 'On “Incoming server settings” fill in:',
  'tba.step.outgoing': 'On “Outgoing server settings” fill in:',
  'tba.step.test':
    'Go on: Thunderbird checks the incoming and then the outgoing server before it creates the account.',
  'tba.label.protocol': 'Protocol',
  'tba.label.server': 'Server',
  'tba.label.security': 'Security',
  'tba.label.port': 'Port',
  'tba.label.username': 'Username',
  'tba.label.auth': 'Authentication',
  'tba.label.password': 'Password',
} as const
