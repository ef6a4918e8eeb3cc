using MailKit.Security;

namespace OperatorOne.Channels.Email;

/// <summary>Our setting as MailKit's connection option.</summary>
internal static class MailSecurityOptions
{
    public static SecureSocketOptions ToMailKit(this MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
