using System.Net;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OperatorOne.Data.Conversations;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.WebChat;

/// <summary>
/// The window between a turn's commit and its replies reaching the Direct Line log: a process dying there used to
/// leave the reply in the transcript, the client's retry counted as a duplicate, and the user never saw it.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class DirectLineReplyLossTests(BotHost host)
{
    [Fact]
    public async Task AReplyWhoseLogWriteFailsIsShownExactlyOnceWhenTheClientRetries()
    {
        var organization = await TestOrganization.CreateAsync(host);
        using var client = new DirectLineClient(host);
        var (conversationId, token) = await client.StartAsync(organization, "member");
        var message = DirectLineClient.Message("help", "lost-reply");

        await using (await FailFirstBotLogWriteAsync(conversationId))
        {
            var failed = await client.PostActivityAsync(conversationId, token, message);
            Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);

            var retried = await client.PostActivityAsync(conversationId, token, message);
            Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
            var echoId = (await DirectLineClient.JsonAsync(retried))["id"]!.GetValue<string>();

            var activities = await client.ActivitiesUntilReplyToAsync(conversationId, token, echoId);
            Assert.Single(activities, a => a!["channelData"]?["clientActivityID"]?.GetValue<string>() == "lost-reply");
            Assert.Single(activities, a => a!["replyToId"]?.GetValue<string>() == echoId);

            // A further retry is a true duplicate now: the turn and its reply are in once, in the transcript and the log.
            var again = await client.PostActivityAsync(conversationId, token, message);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            activities = (await client.ActivitiesAsync(conversationId, token))["activities"]!.AsArray();
            Assert.Single(activities, a => a!["replyToId"]?.GetValue<string>() == echoId);
            var inbound = await host.InOrganizationAsync(organization.Id, db =>
                db.TranscriptMessages.CountAsync(m => m.ActivityId == echoId && m.Direction == MessageDirection.Inbound));
            Assert.Equal(1, inbound);
        }
    }

    /// <summary>
    /// Makes the first bot entry written to this conversation's log fail, as a crash right there would; a sequence
    /// counts the attempts because it is not rolled back with the failed transaction.
    /// </summary>
    private async Task<IAsyncDisposable> FailFirstBotLogWriteAsync(string conversationId)
    {
        var name = "test_fail_" + Guid.NewGuid().ToString("N");
        var connection = new NpgsqlConnection(host.AdminConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"""
            CREATE SEQUENCE {name};
            CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
            BEGIN
                IF NEW.conversation_id = '{conversationId.Replace("'", "''", StringComparison.Ordinal)}'
                    AND NEW.activity->'from'->>'role' = 'bot' AND nextval('{name}') = 1 THEN
                    RAISE EXCEPTION 'simulated crash before the reply reached the log';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER {name} BEFORE INSERT ON direct_line_activities FOR EACH ROW EXECUTE FUNCTION {name}();
            """);
        return new Cleanup(connection, name);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Cleanup(NpgsqlConnection connection, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await ExecuteAsync(connection, $"DROP TRIGGER {name} ON direct_line_activities; DROP FUNCTION {name}(); DROP SEQUENCE {name};");
            await connection.DisposeAsync();
        }
    }
}
