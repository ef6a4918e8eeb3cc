using Npgsql;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// Opening a ticket takes its number without locking the organization's row, so turns of one organization that open
/// tickets never wait for each other's commit. Another transaction holds that row the way a counter update would
/// (FOR NO KEY UPDATE) for the whole test: a turn that still took its number there would wait until the reply timed out.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class TicketNumberTests(BotHost host)
{
    [Fact]
    public async Task TicketsAreNumberedInOrderWhileTheOrganizationRowIsHeldElsewhere()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        await using var holder = new NpgsqlConnection(host.RuntimeConnectionString);
        await holder.OpenAsync();
        await using (var enter = new NpgsqlCommand($"SELECT set_config('app.organization_id', '{org.Id}', false)", holder))
        {
            await enter.ExecuteNonQueryAsync();
        }
        await using var held = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT 1 FROM organizations WHERE id = '{org.Id}' FOR NO KEY UPDATE", holder, held))
        {
            Assert.Equal(1, await hold.ExecuteScalarAsync());
        }

        await chat.Send("open a ticket: the first numbered printer is jammed");
        await chat.ExpectReply("Opened ticket #1:", TimeSpan.FromSeconds(45));
        await chat.Send("open a ticket: the second numbered printer is jammed");
        await chat.ExpectReply("Opened ticket #2:", TimeSpan.FromSeconds(45));

        await held.RollbackAsync();
    }
}
