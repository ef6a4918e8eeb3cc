namespace OperatorOne.Bot.Core.Tools;

public enum ToolTier
{
    /// <summary>Reads data; always runs.</summary>
    ReadOnly,

    /// <summary>Reversible writes (create, comment, assign); runs.</summary>
    SafeWrite,

    /// <summary>Hard to undo or external effects; needs approval by a member of the tool's required role.</summary>
    RiskyWrite,

    /// <summary>Permissions, users, system operations; needs approval by an admin or owner.</summary>
    Admin,
}
