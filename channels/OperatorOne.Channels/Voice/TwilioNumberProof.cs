using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// A phone number is proven when the configured Twilio account owns it: its IncomingPhoneNumbers list (Twilio's REST
/// API, basic auth with the account SID and auth token) has the number.
/// </summary>
internal sealed class TwilioNumberProof(HttpClient http, IOptions<TwilioOptions> options) : IInstallationProof
{
    /// <summary>The same words whether the account lacks the number or another organization has it: neither is told apart.</summary>
    public const string NotProven = "Not proven: the configured Twilio account must own this number, and a number serves one organization. " +
        "Once the number is in that account, POST …/verify.";

    public string Channel => ChannelNames.Voice;

    public async Task<ProofOutcome> ProveAsync(InstallationClaim claim, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsEnabled || string.IsNullOrWhiteSpace(settings.AccountSid))
        {
            return new ProofOutcome.Pending("The Twilio channel is not set up with an account (Twilio:AccountSid and Twilio:AuthToken), so the number cannot be checked yet.");
        }
        var url = new Uri(settings.ApiBaseUrl,
            $"2010-04-01/Accounts/{Uri.EscapeDataString(settings.AccountSid)}/IncomingPhoneNumbers.json?PhoneNumber={Uri.EscapeDataString(claim.ExternalId)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}")));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return new ProofOutcome.Pending($"Twilio did not answer the number lookup (HTTP {(int)response.StatusCode}); POST …/verify to try again.");
            }
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return Owns(body.RootElement, settings.AccountSid, claim.ExternalId)
                ? new ProofOutcome.Proven(InstallationProofs.TwilioAccount, NotProven)
                : new ProofOutcome.Pending(NotProven);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new ProofOutcome.Pending("Twilio could not be asked about the number; POST …/verify to try again.");
        }
    }

    private static bool Owns(JsonElement root, string accountSid, string number) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("incoming_phone_numbers", out var numbers) && numbers.ValueKind == JsonValueKind.Array
        && numbers.EnumerateArray().Any(n => n.ValueKind == JsonValueKind.Object
            && Text(n, "phone_number") == number && Text(n, "account_sid") == accountSid);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
