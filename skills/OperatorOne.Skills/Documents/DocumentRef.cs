using OperatorOne.Data.Documents;

namespace OperatorOne.Skills.Documents;

/// <summary>A document named in chat, as the tools need it.</summary>
internal sealed record DocumentRef(Guid Id, string Title, Guid OwnerId, DocumentVisibility Visibility, List<string> Tags, string FileName);
