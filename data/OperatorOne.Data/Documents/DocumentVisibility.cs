namespace OperatorOne.Data.Documents;

/// <summary>Who may read a document: stored by name, compared by name in the row-level-security policy.</summary>
public enum DocumentVisibility
{
    Private,
    Team,
    Organization,
}
