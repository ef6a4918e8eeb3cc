using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// The phone, hop by hop: Twilio settings, whether the last webhook's signature matched (auth token and public URL),
/// a number connected to this organization, and calls Twilio made to numbers nobody connected.
/// </summary>
internal sealed class VoiceChannelCheck(IOptions<TwilioOptions> options, IOptions<OnboardingOptions> onboarding, TwilioWebhookWatch watch) : IChannelCheck
{
    public string Channel => ChannelNames.Voice;

    public async Task<ChannelReport> CheckAsync(ChannelCheckContext context, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baseUrl = settings.PublicBaseUrl ?? onboarding.Value.PublicBaseUrl ?? context.RequestBase;
        var setup = new Dictionary<string, string>
        {
            ["aCallComesIn"] = "Webhook, HTTP POST, " + Url(baseUrl, "/api/voice/twilio/incoming"),
            ["callStatusChanges"] = "HTTP POST, " + Url(baseUrl, "/api/voice/twilio/status"),
        };
        if (!settings.IsEnabled)
        {
            return ChannelReport.From(Channel, "Phone (Twilio)",
            [
                new("Twilio settings", false, "Twilio__AuthToken is not set.",
                    "Set Twilio__AuthToken, Twilio__AccountSid and Twilio__PublicBaseUrl (the https address Twilio calls) and restart."),
            ], setup);
        }
        var hops = new List<ChannelHop> { new("Twilio settings", true, $"Webhooks are verified for {settings.PublicBaseUrl}.") };
        hops.Add(watch.LastSignature switch
        {
            null or { Valid: true } => new("Webhook signature", true,
                watch.LastSignature is null ? "No webhook from Twilio has reached this replica yet." : $"The last webhook was correctly signed ({watch.LastSignature.At:u})."),
            var failed => new("Webhook signature", false, $"the last webhook's X-Twilio-Signature did not match ({failed.At:u}).",
                "Set Twilio__AuthToken to the account's Auth Token, and Twilio__PublicBaseUrl to exactly the address the number's webhook uses."),
        });

        var numbers = await context.Db.ChannelInstallations.Where(i => i.Channel == ChannelNames.Voice && i.RevokedAt == null)
            .Select(i => i.ExternalId).ToListAsync(cancellationToken);
        var strangers = new List<string>();
        foreach (var (number, _) in watch.CalledNumbers.OrderByDescending(n => n.Value).Take(20))
        {
            if (!numbers.Contains(number) && await Installations.FindOrganizationAsync(context.Db, ChannelNames.Voice, number, cancellationToken) is null)
            {
                strangers.Add(number);
            }
        }
        if (strangers.Count > 0)
        {
            hops.Add(new("Twilio number", false,
                $"the number {strangers[0]} is not connected to this organization (nor to any other), yet Twilio called the bot for it.",
                $"Connect it: POST /installations with channel twilio and externalId {strangers[0]}."));
        }
        else if (numbers.Count == 0)
        {
            hops.Add(new("Twilio number", false, "No Twilio number is connected to this organization.",
                "Buy or port a number in Twilio, point it at the webhooks below, then POST /installations with channel twilio and the number."));
        }
        else
        {
            var heard = numbers.Where(watch.CalledNumbers.ContainsKey).ToList();
            hops.Add(new("Twilio number", true, $"{string.Join(", ", numbers)} connected to this organization; "
                + (heard.Count > 0 ? $"calls arrived for {string.Join(", ", heard)}." : "no call has reached this replica for it yet.")));
        }
        return ChannelReport.From(Channel, "Phone (Twilio)", hops, setup);
    }

    private static string Url(Uri? baseUrl, string path) => baseUrl is null ? path : new Uri(baseUrl, path).ToString();
}
