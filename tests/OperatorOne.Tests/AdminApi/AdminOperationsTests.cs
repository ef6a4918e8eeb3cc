using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Activities;
using OperatorOne.Data.Audit;
using OperatorOne.Data.Outbox;
using OperatorOne.Tests.Infrastructure;
using OperatorOne.Data.Channels;

namespace OperatorOne.Tests.AdminApi;

/// <summary>The admin API's operations views: the outbox (depth, failures, a retry) and usage per day.</summary>
[Collection(BotCollection.Name)]
public sealed class AdminOperationsTests(BotHost host)
{
    [Fact]
    public async Task TheOutboxShowsDepthAndFailuresAndRetriesADeadMessage()
    {
        var org = await TestOrganization.CreateAsync(host);
        // A real conversation and message, as the bot stores them: the worker delivers the retried message. (With "{}" for
        // both, each retry failed to deserialize and logged an error, about seven times a run, until it died again.)
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("help");
        await member.ExpectReply("open a ticket");
        var deadId = await host.InOrganizationAsync(org.Id, async db =>
        {
            var conversationId = await db.Conversations.Where(c => c.Channel == ChannelNames.WebChat && c.ExternalId == member.ConversationId)
                .Select(c => c.Id).SingleAsync();
            var dead = new OutboxMessage
            {
                OrganizationId = org.Id, Channel = ChannelNames.WebChat, ConversationId = conversationId,
                Activity = BotJson.Serialize(Activity.Message("Your parcel has left the depot.")), Status = OutboxStatus.Dead, Attempts = 8,
                LastError = "404 conversation gone", CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow.AddYears(1),
            };
            db.OutboxMessages.Add(dead);
            await db.SaveChangesAsync();
            return dead.Id;
        });
        using var admin = await AdminKeys.ClientAsync(host, org, "admin");
        var outbox = $"{AdminKeys.Base(org)}/outbox";

        Assert.Equal(1, (await admin.GetFromJsonAsync<JsonElement>(outbox)).GetProperty("dead").GetInt32());
        var failure = (await admin.GetFromJsonAsync<JsonElement>($"{outbox}/failures")).EnumerateArray().Single();
        Assert.Equal("404 conversation gone", failure.GetProperty("lastError").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"{outbox}/{deadId}/retry", null)).StatusCode);
        await member.ExpectReply("Your parcel has left the depot.", TimeSpan.FromSeconds(30));
        await host.SettledAsync(org.Id);
        // Started over from zero attempts, and went out at the first.
        var retried = await host.InOrganizationAsync(org.Id, db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == deadId));
        Assert.Equal((OutboxStatus.Sent, 0), (retried.Status, retried.Attempts));
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>(outbox)).GetProperty("dead").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"{outbox}/{long.MaxValue}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task UsageCountsTurnsToolCallsAndLlmTokensPerDay()
    {
        var org = await TestOrganization.CreateAsync(host);
        var started = DateOnly.FromDateTime(DateTime.UtcNow);
        // The LLM call on a fixed earlier day, so that its day is known even when the test runs across midnight UTC.
        var llmDay = started.AddDays(-3);
        using var member = await Chat.StartAsync(host, org, "member");
        await member.Send("open a ticket: lamp flickers");
        await member.ExpectReply("#1");
        await host.InOrganizationAsync(org.Id, async db =>
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OrganizationId = org.Id, Kind = "llm_call", Outcome = "ok", CreatedAt = new DateTimeOffset(llmDay.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                Detail = "{\"inputTokens\": 120, \"outputTokens\": 30, \"costUsd\": 0.0015}",
            });
            return await db.SaveChangesAsync();
        });
        using var viewer = await AdminKeys.ClientAsync(host, org, "viewer");

        var days = (await viewer.GetFromJsonAsync<JsonElement>($"{AdminKeys.Base(org)}/usage")).EnumerateArray().ToList();

        // The window ends today: the day the test started, or the next if midnight UTC passed since; the chat's turn and
        // tool call fall on one of those two.
        var finished = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Contains(days[^1].GetProperty("day").GetString(), new[] { Day(started), Day(finished) });
        Assert.True(days.Sum(d => d.GetProperty("turns").GetInt32()) >= 1);
        Assert.Equal(1, days.Sum(d => d.GetProperty("toolCalls").GetInt32()));
        var llm = days.Single(d => d.GetProperty("day").GetString() == Day(llmDay));
        Assert.Equal((1, 120, 30, 0.0015m),
            (llm.GetProperty("llmCalls").GetInt32(), llm.GetProperty("inputTokens").GetInt64(), llm.GetProperty("outputTokens").GetInt64(), llm.GetProperty("costUsd").GetDecimal()));
        Assert.Equal(120, days.Sum(d => d.GetProperty("inputTokens").GetInt64()));
        Assert.Equal(HttpStatusCode.BadRequest, (await viewer.GetAsync($"{AdminKeys.Base(org)}/usage?from=2026-02-01&to=2026-01-01")).StatusCode);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
