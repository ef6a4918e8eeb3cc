using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Members;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tenancy;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Channels;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Admin;

/// <summary>Admin tier: linking says "this Slack user / phone number is Mia", which gives whoever holds it Mia's role.</summary>
internal static class LinkIdentity
{
    public static ToolDefinition Definition { get; } = new()
    {
        Name = "link_channel_identity",
        Description = "Link a channel identity (Slack user, Teams user, phone number, web chat user) to a member",
        Tier = ToolTier.Admin,
        MinimumRole = MemberRole.Admin,
        Handler = RunAsync,
        Utterances =
        [
            // "… to member lena.k": the word naming what the handle is ("member", "user") is no part of the handle.
            Utterance.Of("link (the )?(?<channel>slack|teams|msteams|webchat|web chat|voice|phone)( user| id| number| account)? (?<externalId>\\S+) (to|with) (the )?(member |user |teammate )?(?<member>.+)"),
            Utterance.Of("link (the )?(?<channel>voice|phone)( number)? (?<externalId>\\+?[\\d(][\\d ()./-]{5,}\\d) (to|with) (the )?(member |user |teammate )?(?<member>.+)"),
            // "connect the phone number +353 87 123 4567 to Siobhan for voice calls": a phone number is always the voice channel.
            Utterance.Of("connect (the )?(phone )?number (?<externalId>\\+?[\\d(][\\d ()./-]{5,}\\d) (to|with) (the )?(member |user |teammate )?(?<member>.+?)( for (voice|phone)( calls)?)?", new Dictionary<string, string> { ["channel"] = "voice" }),
        ],
        Prompts = new Dictionary<string, string>
        {
            ["channel"] = "Which channel: slack, teams, webchat or voice?",
            ["externalId"] = "What is their id on that channel?",
            ["member"] = "Which member is it?",
        },
        HelpExample = "link slack U024BE7LH to mia",
        Check = MemberNames.ExistsAsync,
        Summarize = (string channel, string externalId, string member) => $"Link {channel} identity {externalId} to {member}",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        TimeProvider clock,
        [Description("The channel: slack, teams, webchat or voice.")] string channel,
        [Description("The user's id on that channel (Slack user id, Teams AAD object id, phone number).")] string externalId,
        [Description("The member's handle or name.")] string member,
        CancellationToken cancellationToken = default)
    {
        if (ChannelNames.Parse(channel) is not { } id)
        {
            return ToolResult.Refused($"I don't know the channel \"{channel}\"; use slack, teams, webchat or voice.");
        }
        var country = await db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Country).SingleAsync(cancellationToken);
        // A phone number is stored as Twilio sends it (E.164), however it was typed.
        var (normalized, problem) = ChannelExternalIds.Normalize(id, externalId, country);
        if (normalized is not { } external)
        {
            return ToolResult.Refused(problem!);
        }
        var who = await MemberNames.ResolveAsync(db, member, caller.MemberId, cancellationToken);
        if (who.Member is not { } person)
        {
            return ToolResult.Refused(who.Problem!);
        }
        var existing = await db.ChannelIdentities.FirstOrDefaultAsync(i => i.Channel == id && i.ExternalId == external, cancellationToken);
        if (existing is not null)
        {
            var holder = await db.Members.Where(m => m.Id == existing.MemberId).Select(m => m.DisplayName).SingleAsync(cancellationToken);
            return ToolResult.Refused($"That {id} identity is already linked to {holder}.");
        }
        db.ChannelIdentities.Add(new ChannelIdentity { Id = Guid.NewGuid(), OrganizationId = organization.Id, MemberId = person.Id, Channel = id, ExternalId = external, CreatedAt = clock.GetUtcNow() });
        return new ToolResult($"Linked {id} identity {external} to {person.DisplayName}.");
    }
}
