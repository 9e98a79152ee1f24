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
  'common.protocolChoice.imap':
    'IMAP keeps your mail on the server, so every device shows the same folders and read state.',
  'common.protocolChoice.pop3':
    'POP3 downloads mail to this device only; keep a copy on the server if you also read mail elsewhere.',
  'common.notice.noSettings':
    'No settings are known for this domain yet: ask your mail provider for the server names, ports and encryption.',
  'common.notice.protocolFallback':
    '{wanted} is not offered for this address; this guide uses {protocol}.',
  'common.notice.oauth2Only':
    'This provider lets mail clients sign in only through its own login window (OAuth2). Use a client that offers that sign-in; a password typed into the fields below will be refused.',
  'common.notice.insecure':
    'This provider offers no encrypted connection. Your password would travel in clear text: avoid using it on untrusted networks.',
  'common.notice.broken':
    'Password sign-in is reported not to work at this provider at the moment.',
  'credential.name.account-password': 'your mailbox password',
  'credential.name.app-password': 'an app password',
  'credential.name.authorization-code': 'the authorization code (授权码)',
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

  // ---- Clients: names ----
  'client.outlook': 'Outlook for Windows (classic)',
  'client.new-outlook': 'New Outlook for Windows / Outlook on the web',
  'client.thunderbird': 'Thunderbird',
  'client.foxmail': 'Foxmail',
  'client.apple-mail': 'Apple Mail (macOS, iPhone and iPad)',
  'client.gmail-android': 'Gmail app for Android',
  'client.thunderbird-android': 'Thunderbird for Android',

  // ---- Thunderbird ----
  'tb.security.tls': 'SSL/TLS',
  'tb.security.starttls': 'STARTTLS',
  'tb.security.none': 'None',
  'tb.protocol.imap': 'IMAP',
  'tb.protocol.pop3': 'POP3',
  'tb.step.open': 'Open “Account Settings”, click “Account Actions” and choose “Add Mail Account”.',
  'tb.step.identity':
    'Enter your name, the email address {email} and {credential} as the password, then click “Continue”.',
  'tb.step.manual': 'Click “Configure manually”.',
  'tb.step.incoming': 'Under “Incoming Server” fill in:',
  'tb.step.outgoing': 'Under “Outgoing Server” fill in:',
  'tb.step.test': 'Click “Re-test”. When Thunderbird confirms the settings, click “Done”.',
  'tb.step.pop3Keep':
    'For POP3: in “Account Settings” → “Server Settings”, keep “Leave messages on server” ticked if you read mail on other devices too.',
  'tb.label.protocol': 'Protocol',
  'tb.label.hostname': 'Hostname',
  'tb.label.port': 'Port',
  'tb.label.security': 'Connection security',
  'tb.label.auth': 'Authentication method',
  'tb.label.username': 'Username',

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
  'ol.step.incoming': 'Under “Incoming mail” fill in:',
  'ol.step.outgoing': 'Under “Outgoing mail” fill in, then click “Next”:',
  'ol.step.password': 'Type {credential} as the password and click “Connect”.',
  'ol.step.test':
    'Outlook now signs in to both servers. Wait for “Account successfully added” and click “Done”; if it asks for the password again, see the usual errors below.',
  'ol.step.username':
    'Outlook signs in with the email address. This provider expects the user name {inUsername}: open “File” → “Account Settings” → “Server Settings” and change the user name.',
  'ol.label.server': 'Server',
  'ol.label.port': 'Port',
  'ol.label.encryption': 'Encryption method',
  'ol.label.spa': 'Require logon using Secure Password Authentication (SPA)',

  // ---- New Outlook ----
  'nol.step.web':
    'Outlook on the web cannot add IMAP or POP accounts of other providers: use the new Outlook for Windows (or the Outlook mobile app).',
  'nol.step.open':
    'In the new Outlook open “Settings” → “Accounts” → “Email accounts” and click “Add account”.',
  'nol.step.email':
    'Type {email} and click “Continue”. When asked for the account type, choose “{protocol}”.',
  'nol.step.more': 'Click “Show more” and fill in:',
  'nol.step.test':
    'Click “Continue”. Outlook signs in to both servers before it adds the account, and names the server that failed.',
  'nol.label.username': 'Username',
  'nol.label.password': 'Password',
  'nol.label.inServer': 'Incoming server',
  'nol.label.port': 'Port',
  'nol.label.security': 'Secure connection type',
  'nol.label.smtpUsername': 'SMTP username',
  'nol.label.smtpPassword': 'SMTP password',
  'nol.label.outServer': 'SMTP outgoing server',

  // ---- Foxmail ----
  'fm.security.tls': 'SSL ticked',
  'fm.security.starttls': 'SSL not ticked, STARTTLS ticked',
  'fm.security.none': 'SSL not ticked',
  'fm.protocol.imap': 'IMAP',
  'fm.protocol.pop3': 'POP3',
  'fm.step.open': 'Open Foxmail, open the menu → “Account Manager” and click “New”.',
  'fm.step.email':
    'Choose “Other mailbox”, enter {email} and {credential} as the password, then click “Manual setup”.',
  'fm.step.account': 'Fill in the account:',
  'fm.step.incoming': 'Fill in the receiving server:',
  'fm.step.outgoing': 'Fill in the sending server:',
  'fm.step.test':
    'Click “Create”. Foxmail signs in to both servers first and reports which one failed.',
  'fm.label.type': 'Receiving server type',
  'fm.label.account': 'Mail account',
  'fm.label.password': 'Password',
  'fm.label.inServer': 'Receiving server',
  'fm.label.outServer': 'SMTP server',
  'fm.label.port': 'Port',
  'fm.label.ssl': 'SSL',

  // ---- Apple Mail ----
  'am.security.tls': 'On',
  'am.security.starttls': 'On (STARTTLS on this port)',
  'am.security.none': 'Off',
  'am.protocol.imap': 'IMAP',
  'am.protocol.pop3': 'POP',
  'am.ios.open':
    'Open “Settings” → “Mail” → “Accounts” → “Add Account” → “Other” → “Add Mail Account”.',
  'am.ios.identity':
    'Enter your name, {email}, {credential} as the password and a description, then tap “Next”.',
  'am.ios.servers':
    'Tap “{protocol}” at the top, then fill in “Incoming Mail Server” and “Outgoing Mail Server”:',
  'am.ios.test': 'Tap “Next”: the iPhone checks both servers and marks them; then tap “Save”.',
  'am.ios.advanced':
    'To check ports: “Settings” → “Mail” → “Accounts” → the account → “Advanced”: “Use SSL” {inSecurity}, “Server Port” {inPort}. Outgoing: “Outgoing Mail Server” → “SMTP” → the server.',
  'am.mac.open':
    'In Mail choose “Mail” → “Add Account…”, select “Other Mail Account…” and click “Continue”.',
  'am.mac.identity':
    'Enter your name, the email address {email} and {credential} as the password, then click “Sign In”.',
  'am.mac.servers': 'If Mail asks for the servers, fill in and click “Sign In” again:',
  'am.mac.test':
    'Mail signs in to both servers when you click “Sign In”. To set ports: “Mail” → “Settings” → “Accounts” → “Server Settings”, untick “Automatically manage connection settings”, then set “Port” and “Use TLS/SSL”.',
  'am.label.accountType': 'Account Type',
  'am.label.inServer': 'Incoming Mail Server',
  'am.label.outServer': 'Outgoing Mail Server',
  'am.label.hostName': 'Host Name',
  'am.label.userName': 'User Name',
  'am.label.outUserName': 'User Name (outgoing)',

  // ---- Gmail for Android ----
  'ga.security.tls': 'SSL/TLS',
  'ga.security.starttls': 'STARTTLS',
  'ga.security.none': 'None',
  'ga.protocol.imap': 'Personal (IMAP)',
  'ga.protocol.pop3': 'Personal (POP3)',
  'ga.step.open': 'In the Gmail app open the menu → “Settings” → “Add account” → “Other”.',
  'ga.step.email': 'Enter {email} and tap “MANUAL SETUP”.',
  'ga.step.type': 'Choose “{protocol}”, enter {credential} as the password and tap “NEXT”.',
  'ga.step.incoming': 'On “Incoming server settings” fill in, then tap “NEXT”:',
  'ga.step.outgoing':
    'On “Outgoing server settings” keep “Require sign-in” on, fill in, then tap “NEXT”:',
  'ga.step.test':
    'After each “NEXT” the app checks the server and goes on only when the check passed; then choose the sync options and tap “NEXT”.',
  'ga.label.username': 'Username',
  'ga.label.server': 'Server',
  'ga.label.smtpServer': 'SMTP server',
  'ga.label.port': 'Port',
  'ga.label.security': 'Security type',

  // ---- Thunderbird for Android ----
  'tba.step.open': 'Open Thunderbird and add an account (menu → “Settings” → “Add account”).',
  'tba.step.email':
    'Enter {email} and tap “Next”. If the servers are not found automatically, choose to set them up manually.',
  'tba.step.incoming': 'On “Incoming server settings” fill in:',
  'tba.step.outgoing': 'On “Outgoing server settings” fill in:',
  'tba.step.test':
    'Tap “Next”: Thunderbird checks the incoming and then the outgoing server before it saves the account.',
  'tba.label.protocol': 'Protocol',
  'tba.label.server': 'Server',
  'tba.label.security': 'Security',
  'tba.label.port': 'Port',
  'tba.label.username': 'Username',
  'tba.label.auth': 'Authentication',
  'tba.label.password': 'Password',
} as const
