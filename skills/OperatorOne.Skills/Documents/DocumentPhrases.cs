namespace OperatorOne.Skills.Documents;

/// <summary>Regex fragments shared by the documents utterances (text already trimmed, single spaces, no trailing ?!.).</summary>
internal static class DocumentPhrases
{
    /// <summary>"document", "doc", "file", "pdf" and plurals.</summary>
    public const string Doc = "(documents?|docs?|files?|pdfs?)";

    /// <summary>What people call the documents they look for; "find the VPN setup guide" keeps "guide" in the query.</summary>
    public static readonly string[] Kinds =
    [
        "guide", "policy", "handbook", "manual", "procedure", "playbook", "checklist", "template", "runbook",
        "instructions", "faq", "notes", "report", "contract", "agreement", "plan", "spec", "specification", "presentation",
        "document", "doc", "file", "pdf",
    ];

    /// <summary>The document named in a command: "the “VPN setup guide” document", "doc onboarding checklist".</summary>
    public const string Named = $"(the |my |our )?({Doc} )?(called |named |titled )?(?<document>.+?)( {Doc})?";
}
