using OperatorOne.Bot.Core.Tools;
using OperatorOne.Data;
using OperatorOne.Data.Members;

namespace OperatorOne.Skills.Documents;

/// <summary>Reading follows visibility (row-level security); changing a document is for its owner or an admin.</summary>
internal static class DocumentRights
{
    public static bool MayChange(DocumentRef document, Caller caller) =>
        caller.MemberId == document.OwnerId || caller.Role >= MemberRole.Admin;

    public static ToolResult NotYours(DocumentRef document) =>
        ToolResult.Refused($"Only the owner of \"{document.Title}\" or an admin can change it.");

    /// <summary>A document tool acts for its caller (after an approval: the requester), whoever's turn runs it.</summary>
    public static Task ActAsCallerAsync(OperatorOneDb db, Caller caller, CancellationToken cancellationToken) =>
        db.UseMemberAsync(caller.MemberId, cancellationToken);
}
