using System.Globalization;
using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Bot.Core.Invitations;

/// <summary>
/// Invites a person by email: the member they will be (created now, active, so their Slack or Teams account with the
/// same verified email links on first contact) and an invitation whose signed link claims it in the web chat. The
/// same email again re-invites the existing member. Admin API, chat tool, setup and organization creation share this.
/// </summary>
public static class MemberInvitations
{
    public static async Task<InvitationOutcome> InviteAsync(OperatorOneDb db, Guid organizationId, InvitationRequest request, DateTimeOffset now,
        TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (Address(request.Email) is not { } email)
        {
            return InvitationOutcome.Refused($"'{request.Email}' is not an email address.");
        }
        var pattern = email.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
        var existing = await db.Members.Where(m => m.Email != null && EF.Functions.ILike(m.Email, pattern, @"\")).Take(2).ToListAsync(cancellationToken);
        if (existing.Count > 1)
        {
            return InvitationOutcome.Refused($"Several members have the email {email}; invite one of them through the admin API by id.");
        }
        var member = existing.SingleOrDefault();
        var isNew = member is null;
        if (member is { IsActive: false })
        {
            return InvitationOutcome.Refused($"{member.DisplayName} ({email}) was deactivated; reactivate them before inviting them again.");
        }
        if (member is null)
        {
            member = new Member
            {
                Id = Guid.NewGuid(),
                OrganizationId = organizationId,
                Email = email,
                DisplayName = string.IsNullOrWhiteSpace(request.DisplayName) ? NameFrom(email) : request.DisplayName.Trim(),
                Handle = await FreeHandleAsync(db, HandleFrom(request.Handle ?? email), cancellationToken),
                Role = request.Role,
                CreatedAt = now,
            };
            db.Members.Add(member);
        }
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            OrganizationId = organizationId,
            MemberId = member.Id,
            Email = email,
            InvitedById = request.InvitedById,
            CreatedAt = now,
            // Whole seconds: the link's signature covers the expiry as Unix seconds.
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds((now + lifetime).ToUnixTimeSeconds()),
        };
        db.Invitations.Add(invitation);
        return new InvitationOutcome(member, invitation, isNew, null);
    }

    /// <summary>The address in lower case when the text is one plain address (no display name, no spaces).</summary>
    public static string? Address(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        return trimmed.Length is > 2 and <= 320 && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed
            && address.Host.Contains('.', StringComparison.Ordinal)
            ? trimmed.ToLowerInvariant()
            : null;
    }

    /// <summary>"dana.scully@example.com" → "Dana Scully".</summary>
    internal static string NameFrom(string email)
    {
        var words = email.Split('@')[0].Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(w.ToLowerInvariant()));
        var name = string.Join(' ', words);
        return name.Length == 0 ? email : name[..Math.Min(name.Length, 200)];
    }

    /// <summary>A handle from the email's local part ("dana.scully"), letters first, as the admin API requires.</summary>
    internal static string HandleFrom(string text)
    {
        var local = text.Split('@')[0].ToLowerInvariant();
        var handle = new StringBuilder();
        foreach (var c in local.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            handle.Append(c);
        }
        var result = handle.ToString();
        if (result.Length == 0 || !char.IsAsciiLetter(result[0]))
        {
            result = "m" + result;
        }
        return result[..Math.Min(result.Length, 56)];
    }

    private static async Task<string> FreeHandleAsync(OperatorOneDb db, string wanted, CancellationToken cancellationToken)
    {
        var taken = await db.Members.Where(m => m.Handle == wanted || m.Handle.StartsWith(wanted)).Select(m => m.Handle).ToListAsync(cancellationToken);
        var handle = wanted;
        for (var n = 2; taken.Contains(handle); n++)
        {
            handle = $"{wanted}{n}";
        }
        return handle;
    }
}

/// <summary>Whom to invite: the email, the role they get, and optionally their name and handle.</summary>
public sealed record InvitationRequest(string Email, MemberRole Role, string? DisplayName = null, string? Handle = null, Guid? InvitedById = null);

/// <summary>The member and its invitation (added to the unit of work, not yet saved), or why not.</summary>
public sealed record InvitationOutcome(Member? Member, Invitation? Invitation, bool IsNewMember, string? Problem)
{
    public static InvitationOutcome Refused(string problem) => new(null, null, false, problem);
}
