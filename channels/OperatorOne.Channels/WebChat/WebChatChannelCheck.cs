using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Invitations;
using OperatorOne.Data.Channels;

namespace OperatorOne.Channels.WebChat;

/// <summary>The web chat is always on; it reaches an organization's people through its site and their joined identities.</summary>
internal sealed class WebChatChannelCheck(IOptions<OnboardingOptions> onboarding) : IChannelCheck
{
    public string Channel => ChannelNames.WebChat;

    public async Task<ChannelReport> CheckAsync(ChannelCheckContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var sites = await db.ChannelInstallations.Where(i => i.Channel == ChannelNames.WebChat && i.RevokedAt == null)
            .Select(i => i.ExternalId).ToListAsync(cancellationToken);
        var people = await db.ChannelIdentities.Where(i => i.Channel == ChannelNames.WebChat)
            .Join(db.Members.Where(m => m.IsActive), i => i.MemberId, m => m.Id, (i, _) => i.MemberId).Distinct().CountAsync(cancellationToken);
        var hops = new List<ChannelHop>
        {
            new("Web chat", true, "Always on: the chat page and the Direct Line API are served by the bot."),
            sites.Count > 0
                ? new("Web chat site", true, $"Site {string.Join(", ", sites)}.")
                : new("Web chat site", false, "This organization has no web chat site.",
                    "Invite someone (a site is made when the first invitation is claimed) or POST /installations with channel webchat."),
            people > 0
                ? new("Members signed in", true, $"{people} member(s) can sign in to the web chat.")
                : new("Members signed in", false, "No member has joined the web chat yet.",
                    "Invite people by email (\"invite dana@example.com as a member\" or POST /invitations) and send them the link."),
        };
        var setup = new Dictionary<string, string> { ["chatPage"] = onboarding.Value.Absolute("/", context.RequestBase) };
        return ChannelReport.From(Channel, "Web chat", hops, setup);
    }
}
