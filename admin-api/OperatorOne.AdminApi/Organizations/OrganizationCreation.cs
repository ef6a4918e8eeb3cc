using OperatorOne.AdminApi.ApiKeys;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Bot.Core.Phones;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;
using OperatorOne.Data.Organizations;

namespace OperatorOne.AdminApi.Organizations;

/// <summary>
/// A new organization, ready to use: its settings, a web chat site, the first owner (invited by email, so the owner
/// claims the web chat with the link and is recognised in Slack or Teams by that email), optionally the owner's phone,
/// and an admin API key acting as the owner, shown once. The setup page and the operator's POST share this.
/// </summary>
internal static class OrganizationCreation
{
    public static Dictionary<string, string[]> Validate(NewOrganization request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > 200)
        {
            errors["name"] = ["The organization's name must be 1 to 200 characters."];
        }
        if (request.TimeZone is { Length: > 0 } zone && !IsTimeZone(zone))
        {
            errors["timeZone"] = [$"'{zone}' is not a time zone; use an IANA id such as Europe/Berlin or America/New_York."];
        }
        var country = Country(request.Country);
        if (country is null)
        {
            errors["country"] = [$"'{request.Country}' is not a country code; use two letters (ISO 3166), such as US, GB or BE."];
        }
        if (string.IsNullOrWhiteSpace(request.Owner?.DisplayName) || request.Owner.DisplayName.Trim().Length > 200)
        {
            errors["owner.displayName"] = ["The owner's name must be 1 to 200 characters."];
        }
        if (MemberInvitations.Address(request.Owner?.Email) is null)
        {
            errors["owner.email"] = ["The owner's email must be one plain address, such as olivia@example.com."];
        }
        if (request.Owner?.Phone is { Length: > 0 } phone && PhoneNumberInput.ToE164(phone, country ?? "US") is null)
        {
            errors["owner.phone"] = [$"'{phone}' is not a phone number in {country ?? "US"} (or with a + and country code)."];
        }
        return errors;
    }

    /// <summary>Adds everything and saves; the request must have passed <see cref="Validate"/>.</summary>
    public static async Task<CreatedOrganization> CreateAsync(OperatorOneDb db, NewOrganization request, InvitationLinks links,
        OnboardingOptions onboarding, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var country = Country(request.Country)!;
        await db.UseOrganizationAsync(id, cancellationToken);
        var organization = new Organization
        {
            Id = id, Name = request.Name!.Trim(), TimeZone = request.TimeZone is { Length: > 0 } zone ? zone.Trim() : "UTC",
            Country = country, CreatedAt = now,
        };
        db.Organizations.Add(organization);
        var site = $"site-{id:N}";
        db.ChannelInstallations.Add(new ChannelInstallation
        {
            Id = Guid.NewGuid(), OrganizationId = id, Channel = ChannelNames.WebChat, ExternalId = site, DisplayName = "Web chat",
            // Members sign in with their own keys; a site that embeds the chat gets a secret by rotating this one.
            SecretHash = SecretBox.Hash($"{site}.{Guid.NewGuid():N}"), CreatedAt = now, VerifiedAt = now, Proof = InstallationProofs.WebChatSite,
        });
        var owner = request.Owner!;
        var invited = await MemberInvitations.InviteAsync(db, id, new InvitationRequest(owner.Email!, MemberRole.Owner, owner.DisplayName),
            now, onboarding.InvitationLifetime, cancellationToken);
        var member = invited.Member ?? throw new InvalidOperationException(invited.Problem);
        if (owner.Phone is { Length: > 0 } phone)
        {
            db.ChannelIdentities.Add(new ChannelIdentity
            {
                Id = Guid.NewGuid(), OrganizationId = id, MemberId = member.Id, Channel = ChannelNames.Voice,
                ExternalId = PhoneNumberInput.ToE164(phone, country)!, CreatedAt = now,
            });
        }
        var (key, plaintext) = ApiKeyEndpoints.Issue(db, member, "first owner key", null, now);
        db.AuditEvents.Add(new AuditEvent
        {
            OrganizationId = id, MemberId = null, Kind = AuditKinds.OrganizationCreated, Outcome = "ok",
            Detail = System.Text.Json.JsonSerializer.Serialize(new { owner = member.Email, apiKey = key.Id.ToString("N") }), CreatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedOrganization(organization, member, plaintext, links.PathFor(invited.Invitation!), site);
    }

    public static bool IsTimeZone(string zone)
    {
        if (zone.Length > 64)
        {
            return false;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone.Trim()) is not null;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The country code in upper case (US when none is given), or null when it is not one.</summary>
    public static string? Country(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "US" : PhoneNumberInput.IsCountry(code.Trim()) ? code.Trim().ToUpperInvariant() : null;
}

/// <summary>What a new organization needs: its name, time zone (IANA), country (ISO 3166 alpha-2) and first owner.</summary>
internal sealed record NewOrganization(string? Name, string? TimeZone, string? Country, NewOwner? Owner);

internal sealed record NewOwner(string? DisplayName, string? Email, string? Phone);

/// <summary>The created organization, its owner, the owner's API key (plaintext, shown once) and the owner's join link (a path).</summary>
internal sealed record CreatedOrganization(Organization Organization, Member Owner, string ApiKey, string JoinPath, string WebChatSite);
