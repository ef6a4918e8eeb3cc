namespace OperatorOne.Tests.Email;

/// <summary>
/// The configuration files of the test's own Dovecot and Postfix: everything under one throwaway folder, every listener
/// on loopback. Postfix relays all mail (any domain) by LMTP into Dovecot, which keeps one maildir per address and lets
/// any address sign in over IMAP with <see cref="MailServers.Password"/>.
/// </summary>
internal static class MailServerConfig
{
    /// <summary>Without <paramref name="offerIdle"/> the server's CAPABILITY leaves IDLE out, as some hosted IMAP servers do.</summary>
    public static string Dovecot(string root, int imapPort, int lmtpPort, bool offerIdle) => $$"""
        base_dir = {{root}}/dovecot/run
        state_dir = {{root}}/dovecot/state
        log_path = {{root}}/dovecot/dovecot.log
        instance_name = operatorone-{{imapPort}}
        protocols = imap lmtp
        listen = 127.0.0.1
        ssl = no
        disable_plaintext_auth = no
        auth_mechanisms = plain login
        mail_location = maildir:{{root}}/mail/%u
        first_valid_uid = 1
        mail_uid = mail
        mail_gid = mail
        default_login_user = dovenull
        default_internal_user = dovecot
        {{(offerIdle ? "" : "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE LITERAL+ UIDPLUS")}}
        passdb {
          driver = static
          args = password={{MailServers.Password}}
        }
        userdb {
          driver = static
          args = uid=mail gid=mail home={{root}}/mail/%u allow_all_users=yes
        }
        service imap-login {
          inet_listener imap {
            address = 127.0.0.1
            port = {{imapPort}}
          }
          inet_listener imaps {
            port = 0
          }
        }
        service lmtp {
          inet_listener lmtp {
            address = 127.0.0.1
            port = {{lmtpPort}}
          }
          unix_listener lmtp {
            mode = 0
          }
        }
        """;

    public static string PostfixMain(string root, int lmtpPort) => $"""
        compatibility_level = 3.6
        queue_directory = {root}/postfix-spool
        data_directory = {root}/postfix-data
        mail_owner = postfix
        setgid_group = postdrop
        myhostname = {MailServers.AuthServId}
        mydomain = operatorone.test
        myorigin = operatorone.test
        inet_interfaces = loopback-only
        inet_protocols = ipv4
        mydestination =
        local_recipient_maps =
        relay_domains =
        mynetworks = 127.0.0.0/8
        smtpd_relay_restrictions = permit_mynetworks, reject
        smtpd_recipient_restrictions = permit_mynetworks, reject
        default_transport = lmtp:inet:127.0.0.1:{lmtpPort}
        relay_transport = lmtp:inet:127.0.0.1:{lmtpPort}
        message_size_limit = 67108864
        maillog_file = {root}/postfix.log
        maillog_file_prefixes = {root}
        smtputf8_enable = no
        biff = no
        """;

    /// <summary>
    /// Two ways in: the public port, whose cleanup drops any Authentication-Results claiming to be ours (what a real
    /// receiving MTA does), and the port after the DKIM/DMARC verifier, where its verdict header arrives intact.
    /// </summary>
    public static string PostfixMaster(string root, int publicPort, int verifiedPort) => $"""
        127.0.0.1:{publicPort} inet n - n - - smtpd -o cleanup_service_name=cleanpublic
        127.0.0.1:{verifiedPort} inet n - n - - smtpd
        cleanpublic unix n - n - 0 cleanup -o header_checks=regexp:{root}/postfix/strip-authentication-results
        pickup unix n - n 60 1 pickup
        cleanup unix n - n - 0 cleanup
        qmgr unix n - n 300 1 qmgr
        rewrite unix - - n - - trivial-rewrite
        bounce unix - - n - 0 bounce
        defer unix - - n - 0 bounce
        trace unix - - n - 0 bounce
        verify unix - - n - 1 verify
        flush unix n - n 1000? 0 flush
        proxymap unix - - n - - proxymap
        smtp unix - - n - - smtp
        relay unix - - n - - smtp
        showq unix n - n - - showq
        error unix - - n - - error
        retry unix - - n - - error
        discard unix - - n - - discard
        lmtp unix - - n - - lmtp
        anvil unix - - n - 1 anvil
        scache unix - - n - 1 scache
        postlog unix-dgram n - n - 1 postlogd
        """;

    public static string StripAuthenticationResults =>
        $"/^Authentication-Results:[[:space:]]*{MailServers.AuthServId.Replace(".", "\\.", StringComparison.Ordinal)}/ IGNORE\n";
}
