using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Notices;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Notices;

/// <summary>How the caller hears about approvals, reminders, alerts and ticket updates: in chat, by email, or both.</summary>
internal static class SetNoticePreference
{
    private const string By = "(?<by>email|chat|both)";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "set_notification_preference",
        Description = "Choose how I'm notified: chat, email or both",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        Utterances =
        [
            // "notify me by email", "send my notifications by chat", "notify me by both"
            Utterance.Of($"(please )?(notify|tell|alert|message) me (by|via|in|over|through) {By}"),
            Utterance.Of($"(send|deliver) (me )?my (notifications|notices|alerts) (by|via|in|over|through|to) {By}"),
            Utterance.Of($"(set|change) my (notification|notice)s?( preference)? to {By}"),
            Utterance.Of($"i want (my )?(notifications|notices) (by|via|in) {By}"),
            Utterance.Of("(set|change) my (notification|notice)s?( preference)?"),
        ],
        Prompts = new Dictionary<string, string> { ["by"] = "How should I notify you: chat, email or both?" },
        HelpExample = "notify me by email",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        [Description("Where notices go: Chat (your chats), Email (your email address) or Both.")] NoticePreference by,
        CancellationToken cancellationToken = default)
    {
        var member = await db.Members.SingleAsync(m => m.Id == caller.MemberId, cancellationToken);
        var address = EmailConversations.Address(member.Email);
        if (by != NoticePreference.Chat && address is null)
        {
            return ToolResult.Refused("You have no email address on file, so I can't notify you by email. Ask an admin to add it.");
        }
        if (by != NoticePreference.Chat && await EmailConversations.MailboxAsync(db, cancellationToken) is null)
        {
            return ToolResult.Refused("Email isn't set up for this organization yet, so I'll keep notifying you in chat.");
        }
        member.NotifyBy = by;
        return new ToolResult(by switch
        {
            NoticePreference.Email => $"I'll send your notifications to {address} by email.",
            NoticePreference.Both => $"I'll notify you in chat and by email at {address}.",
            _ => "I'll notify you in chat" + (address is null ? "." : $" (and by email at {address} only when no chat reaches you)."),
        });
    }
}
