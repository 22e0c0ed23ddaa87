using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Portal.Web.Services;

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class EmailService
{
    private readonly SmtpOptions _options;

    public EmailService(IOptions<SmtpOptions> options) => _options = options.Value;

    public async Task SendAsync(string to, string subject, string body)
    {
        using var client = new SmtpClient(_options.Host, _options.Port)
        {
            EnableSsl = true,
            Credentials = new NetworkCredential(_options.User, _options.Password),
        };
        await client.SendMailAsync(new MailMessage("portal@northwind-goods.de", to, subject, body));
    }

    // Used by the nightly report job, which runs outside the web host.
    public static SmtpClient ReportClient() => new("mail.northwind.local", 25)
    {
        Credentials = new NetworkCredential("reports", "Rep0rt-Mailer!"),
    };
}
