namespace OperatorOne.Bot.Core.Work;

/// <summary>The "Faults" settings section, read only by crash tests (see <see cref="HaltPoints"/>).</summary>
public sealed class FaultsOptions
{
    public const string Section = "Faults";

    /// <summary>The halt point a replica stops at, or none.</summary>
    public string? HaltAt { get; set; }
}
