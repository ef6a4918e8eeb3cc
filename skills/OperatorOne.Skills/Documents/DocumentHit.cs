namespace OperatorOne.Skills.Documents;

/// <summary>One search result: the document, its rank and the best passages with the matched words in **bold**.</summary>
internal sealed record DocumentHit(Guid Id, string Title, string[] Tags, string Owner, string Visibility, float Rank, string Snippet);
