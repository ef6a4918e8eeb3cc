using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Tests.Slack;
using OperatorOne.Tests.Teams;

namespace OperatorOne.Tests.Security;

/// <summary>
/// The bot with every channel fully on and signed the way the real services sign: Teams tokens from the local issuer,
/// Slack's signing secret, Twilio's auth token; Slack's Web API, Teams' connector and Twilio's REST API as stand-ins.
/// </summary>
public sealed class SecuredBot : IAsyncLifetime
{
    public const string SlackSigningSecret = "secured-slack-signing-secret";
    public const string TwilioAuthToken = "secured-twilio-auth-token";
    public const string TwilioAccountSid = "AC00000000000000000000000000000017";
    public static readonly Uri TwilioPublicBaseUrl = new("https://voice.secured.test/");

    private TeamsCloud? _teams;
    private IReadOnlyList<string> _tenantTables = [];

    public BotHost Host { get; } = new();
    public SlackStandIn Slack { get; } = new();
    public TwilioNumbersStandIn Twilio { get; } = new(TwilioAccountSid, TwilioAuthToken);
    public TeamsCloud Teams => _teams ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        _teams = await TeamsCloud.StartAsync();
        await Slack.StartAsync();
        Twilio.Start();
        Host.Settings["Teams:AppId"] = TeamsBotHost.AppId;
        Host.Settings["Teams:AppPassword"] = TeamsBotHost.AppPassword;
        Host.Settings["Teams:OpenIdMetadataUrl"] = _teams.MetadataUrl;
        Host.Settings["Teams:TokenAuthority"] = "https://login.teams.test";
        Host.Settings["Slack:SigningSecret"] = SlackSigningSecret;
        Host.Settings["Slack:ClientId"] = "1111.4444";
        Host.Settings["Slack:ClientSecret"] = "secured-client-secret";
        Host.Settings["Slack:ApiBaseUrl"] = Slack.ApiBaseUrl.ToString();
        Host.Settings["Slack:AuthorizeUrl"] = new Uri(Slack.BaseAddress, "oauth/v2/authorize").ToString();
        Host.Settings["Twilio:AuthToken"] = TwilioAuthToken;
        Host.Settings["Twilio:AccountSid"] = TwilioAccountSid;
        Host.Settings["Twilio:PublicBaseUrl"] = TwilioPublicBaseUrl.ToString();
        Host.Settings["Twilio:ApiBaseUrl"] = Twilio.BaseAddress.ToString();
        // A fuzzed hold whose call has no turn waits out the whole budget; a short one keeps the run short.
        Host.Settings["Voice:TurnBudget"] = "00:00:01";
        // Custom tools and webhooks the admin fuzz defines point at a stand-in on loopback.
        Host.Settings["Integrations:AllowedHosts:0"] = "127.0.0.1";
        var cloud = _teams.BaseAddress;
        Host.TestServices = services => services.AddHttpClient("Teams.Token").ConfigurePrimaryHttpMessageHandler(() => new ToStandIn(cloud));
        await Host.InitializeAsync();
        await using var connection = new NpgsqlConnection(Host.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
            WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND t.table_type = 'BASE TABLE' ORDER BY 1
            """, connection);
        var tables = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        _tenantTables = tables;
    }

    /// <summary>Rows per table of one organization, read as the schema owner (past row-level security).</summary>
    public async Task<Dictionary<string, long>> RowCountsAsync(Guid organizationId)
    {
        await using var connection = new NpgsqlConnection(Host.AdminConnectionString);
        await connection.OpenAsync();
        var sql = "SELECT " + string.Join(", ", _tenantTables.Select(t => $"(SELECT count(*) FROM \"{t}\" WHERE organization_id = @o)"));
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("o", organizationId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return _tenantTables.Select((table, i) => (table, reader.GetInt64(i))).ToDictionary(p => p.table, p => p.Item2);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Slack.DisposeAsync();
        await Twilio.DisposeAsync();
        if (_teams is not null)
        {
            await _teams.DisposeAsync();
        }
    }

    /// <summary>Sends requests for login.teams.test to the loopback stand-in, as a hosts-file entry would.</summary>
    private sealed class ToStandIn(Uri target) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SecuredCollection : ICollectionFixture<SecuredBot>
{
    public const string Name = "secured";
}
