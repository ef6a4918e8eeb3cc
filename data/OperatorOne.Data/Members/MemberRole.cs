namespace OperatorOne.Data.Members;

/// <summary>Ordered: a higher role can do everything a lower one can.</summary>
public enum MemberRole
{
    Guest = 0,
    Viewer = 1,
    Member = 2,
    Admin = 3,
    Owner = 4,
}
