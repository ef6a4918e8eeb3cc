namespace OperatorOne.Bot.Hosting.Demo;

/// <summary>
/// Where the demo goes: the organization, its web chat site (and the hash of its secret) and the prefix of the members'
/// web chat ids ("demo" → "demo-member"). ./run.sh uses the fixed demo organization; tests seed fresh copies.
/// </summary>
internal sealed record DemoTenant(Guid OrganizationId, string SiteId, byte[] SiteSecretHash, string IdentityPrefix)
{
    public string WebChatUserId(string handle) => $"{IdentityPrefix}-{handle}";
}

/// <summary>The seeded members by handle, for the other parts of the seed.</summary>
internal sealed record DemoPeople(IReadOnlyDictionary<string, Guid> Ids)
{
    public Guid this[string handle] => Ids[handle];
}
