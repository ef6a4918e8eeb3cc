using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Recognition;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Core.Turns;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.VoicePin;

/// <summary>
/// Sets or changes the caller's own voice PIN, which the phone channel asks for before risky actions. Any member
/// (viewers too) may set their own; it is stored hashed, and the digits typed are masked in the transcript and audit.
/// </summary>
internal static class SetVoicePin
{
    private const string Pin = "( (is|to|as|=))?:?( (?<pin>[0-9][0-9 -]*))?";

    public static ToolDefinition Definition { get; } = new()
    {
        Name = "set_voice_pin",
        Description = "Set or change your voice PIN for phone calls",
        Tier = ToolTier.SafeWrite,
        MinimumRole = MemberRole.Viewer,
        Handler = RunAsync,
        SecretParameters = new HashSet<string> { "pin" },
        Utterances =
        [
            // "set my voice pin", "change my phone PIN to 4821", "I want to set up a voice pin"
            Utterance.Of($"(please |can you |could you )?(i (want|need|would like|'d like) to )?(set|change|update|reset|create|choose|pick|make|new)( up)?( me)?( my| a| the)?( new)? (voice|phone|call|telephone)( call)? (pin|pin code|pin number|code|passcode){Pin}"),
            // "voice pin", "new voice PIN: 4821"
            Utterance.Of($"(my )?(new )?(voice|phone) (pin|passcode){Pin}"),
        ],
        Prompts = new Dictionary<string, string> { ["pin"] = "What should your voice PIN be? Type 4 to 8 digits." },
        HelpExample = "set my voice pin",
    };

    public static async Task<ToolResult> RunAsync(
        OperatorOneDb db,
        Caller caller,
        CurrentOrganization organization,
        ToolCallOrigin origin,
        TimeProvider clock,
        [Description("The new PIN: 4 to 8 digits.")] string pin,
        CancellationToken cancellationToken = default)
    {
        // Whatever was typed, right or wrong, is not kept in clear.
        await InboundRedaction.MaskDigitsAsync(db, origin.ConversationId, cancellationToken);
        if (caller.MemberId is not { } memberId)
        {
            return ToolResult.Refused("Only members can set a voice PIN.");
        }
        if (VoicePins.Normalize(pin) is not { } digits)
        {
            return ToolResult.Refused($"A voice PIN is {VoicePins.MinLength} to {VoicePins.MaxLength} digits and nothing else. Say 'set my voice pin' to try again.");
        }
        var stored = await db.VoicePins.SingleOrDefaultAsync(p => p.MemberId == memberId, cancellationToken);
        var changed = stored is not null;
        if (stored is null)
        {
            stored = new Data.Voice.VoicePin { MemberId = memberId, OrganizationId = organization.Id, Hash = "" };
            db.VoicePins.Add(stored);
        }
        stored.Hash = VoicePins.Hash(digits);
        stored.UpdatedAt = clock.GetUtcNow();
        return new ToolResult(changed
            ? "Your voice PIN is changed. Use the new one when you call."
            : "Your voice PIN is set. When you call, I'll ask for it before approvals and other risky actions.");
    }
}
