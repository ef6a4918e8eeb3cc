namespace OperatorOne.Data.Members;

/// <summary>Where a member hears about things (approvals, reminders, SLA alerts, ticket updates).</summary>
public enum NoticePreference
{
    /// <summary>Their chats (each channel's most recent); email only when no chat reaches them.</summary>
    Chat,

    /// <summary>Their email address only; chats only when they have no address.</summary>
    Email,
    Both,
}
