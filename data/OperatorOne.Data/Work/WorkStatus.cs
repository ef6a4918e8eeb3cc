namespace OperatorOne.Data.Work;

public enum WorkStatus
{
    Pending,
    Done,

    /// <summary>Given up after repeated failures; whoever waited was told.</summary>
    Failed,
}
