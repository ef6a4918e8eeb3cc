using Npgsql;
using OperatorOne.Tests.Calendar;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Turns;

/// <summary>
/// Opening a ticket or booking an event takes its number without locking the organization's row, so turns of one
/// organization never wait for each other's commit. Another transaction holds that row the way a counter update would
/// (FOR NO KEY UPDATE) for the whole test: a turn that still took its number there would wait until the reply timed out.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class NumberTests(BotHost host)
{
    [Fact]
    public async Task TicketsAreNumberedInOrderWhileTheOrganizationRowIsHeldElsewhere()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        await using var held = await HoldOrganizationRowAsync(org.Id);

        await chat.Send("open a ticket: the first numbered printer is jammed");
        await chat.ExpectReply("Opened ticket #1:", TimeSpan.FromSeconds(45));
        await chat.Send("open a ticket: the second numbered printer is jammed");
        await chat.ExpectReply("Opened ticket #2:", TimeSpan.FromSeconds(45));
    }

    /// <summary>A series takes its numbers as one block in a row; a single event after it takes the next.</summary>
    [Fact]
    public async Task EventsAndSeriesAreNumberedInARowWhileTheOrganizationRowIsHeldElsewhere()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var chat = await Chat.StartAsync(host, org, "member");
        await using var held = await HoldOrganizationRowAsync(org.Id);
        var monday = CalendarDays.Next(DayOfWeek.Monday);

        await chat.Send("schedule a meeting with Victor next Tuesday at 3pm for 30 minutes about budget");
        await chat.ExpectReply("Booked #1 budget", TimeSpan.FromSeconds(45));
        await chat.Send($"schedule a 15 minute standup with Victor every weekday on {CalendarDays.Words(monday)} at 9:30 for 2 weeks");
        await chat.ExpectReply("Booked #2–#11 standup", TimeSpan.FromSeconds(45));
        await chat.Send("schedule a meeting with Victor next Wednesday at 4pm for 30 minutes about hiring");
        await chat.ExpectReply("Booked #12 hiring", TimeSpan.FromSeconds(45));
    }

    /// <summary>Holds the organization's row from another connection until disposed (then rolled back).</summary>
    private async Task<HeldRow> HoldOrganizationRowAsync(Guid organizationId)
    {
        var holder = new NpgsqlConnection(host.RuntimeConnectionString);
        await holder.OpenAsync();
        await using (var enter = new NpgsqlCommand($"SELECT set_config('app.organization_id', '{organizationId}', false)", holder))
        {
            await enter.ExecuteNonQueryAsync();
        }
        var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT 1 FROM organizations WHERE id = '{organizationId}' FOR NO KEY UPDATE", holder, transaction))
        {
            Assert.Equal(1, await hold.ExecuteScalarAsync());
        }
        return new HeldRow(holder, transaction);
    }

    private sealed class HeldRow(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await transaction.RollbackAsync();
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
