using Microsoft.Extensions.Options;

namespace OperatorOne.Channels.Voice;

/// <summary>
/// The Twilio voice settings (section "Twilio"). The channel is on when an auth token is set: without it no webhook
/// can be verified, so the endpoints are not mapped at all.
/// </summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>Signs every webhook (X-Twilio-Signature).</summary>
    public string? AuthToken { get; set; }

    /// <summary>When set, webhooks from another account are refused.</summary>
    public string? AccountSid { get; set; }

    /// <summary>The base URL Twilio calls (https://bot.example.com); signatures cover it, and behind a proxy the request's own URL differs.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The &lt;Say&gt; voice, e.g. Polly.Joanna-Neural.</summary>
    public string Voice { get; set; } = "Polly.Joanna-Neural";

    public string Language { get; set; } = "en-US";

    /// <summary>E.164 number a caller is put through to on "talk to a person" or 0; without it the bot says nobody is available.</summary>
    public string? HandoverNumber { get; set; }

    /// <summary>Twilio's REST API, asked whether the account owns a number before an organization may use it.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com/");

    public bool IsEnabled => !string.IsNullOrWhiteSpace(AuthToken);
}

/// <summary>Refuses to start with Twilio half-configured, naming the missing or wrong setting.</summary>
internal sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        var anySet = !string.IsNullOrWhiteSpace(options.AccountSid) || options.PublicBaseUrl is not null
            || !string.IsNullOrWhiteSpace(options.HandoverNumber);
        if (anySet && !options.IsEnabled)
        {
            failures.Add("Twilio:AuthToken is required when any other Twilio setting (AccountSid, PublicBaseUrl, HandoverNumber) is set; without it no call can be verified.");
        }
        if (options.IsEnabled && options.PublicBaseUrl is null)
        {
            failures.Add("Twilio:PublicBaseUrl is required: Twilio signs the public URL it calls, which a proxy hides from the bot.");
        }
        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http") || url.Query.Length > 0))
        {
            failures.Add("Twilio:PublicBaseUrl must be an absolute http(s) URL without a query string.");
        }
        if (!options.ApiBaseUrl.IsAbsoluteUri || !(options.ApiBaseUrl.Scheme == "https" || (options.ApiBaseUrl.Scheme == "http" && options.ApiBaseUrl.IsLoopback)))
        {
            failures.Add("Twilio:ApiBaseUrl must be an absolute https URL (http only for loopback).");
        }
        if (!string.IsNullOrWhiteSpace(options.AccountSid) && !options.AccountSid.StartsWith("AC", StringComparison.Ordinal))
        {
            failures.Add("Twilio:AccountSid must be an account SID (AC…).");
        }
        if (!string.IsNullOrWhiteSpace(options.HandoverNumber) && !PhoneNumbers.IsE164(options.HandoverNumber))
        {
            failures.Add("Twilio:HandoverNumber must be an E.164 number such as +14155550100.");
        }
        if (string.IsNullOrWhiteSpace(options.Voice) || string.IsNullOrWhiteSpace(options.Language))
        {
            failures.Add("Twilio:Voice and Twilio:Language must not be empty.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
