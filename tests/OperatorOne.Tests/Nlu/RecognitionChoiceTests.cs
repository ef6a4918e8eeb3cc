using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Recognition;
using OperatorOne.Tests.AdminApi;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Nlu;

/// <summary>When unsure the bot offers the likeliest actions as card buttons; picking one runs it; misses are listed for admins.</summary>
[Collection(NluCollection.Name)]
public sealed class RecognitionChoiceTests(NluFixture fixture)
{
    private const string Unclear = "my monitor flickers badly";

    private BotHost Host => fixture.Host;

    private static JsonObject CreateTicketChoice(JsonObject activity) =>
        activity["attachments"]![0]!["content"]!["actions"]!.AsArray().OfType<JsonObject>()
            .Select(a => a["data"]!.AsObject())
            .Single(d => d["chooseTool"]?.GetValue<string>() == "create_ticket")
            .DeepClone().AsObject();

    [Fact]
    public async Task AnUnclearSentenceIsAnsweredWithChoiceButtonsAndPickingOneRunsThatTool()
    {
        var org = await TestOrganization.CreateAsync(Host);
        using var chat = await Chat.StartAsync(Host, org, "member");

        await chat.Send(Unclear);
        var offer = await chat.ExpectCard("Action.Submit");
        Assert.Contains("not sure", offer["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await chat.Submit(CreateTicketChoice(offer));
        await chat.ExpectReply("Opened ticket #1");

        var ticket = await Host.InOrganizationAsync(org.Id, db => db.Tickets.SingleAsync());
        Assert.Equal(Unclear, ticket.Title, ignoreCase: true);
        var miss = await Host.InOrganizationAsync(org.Id, db => db.RecognitionMisses.SingleAsync());
        Assert.Equal(RecognitionMissKind.Unsure, miss.Kind);
        Assert.Equal("create_ticket", miss.ChosenTool);
        Assert.Contains("create_ticket", miss.Guesses, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypingAChoicesNumberPicksIt()
    {
        var org = await TestOrganization.CreateAsync(Host);
        using var chat = await Chat.StartAsync(Host, org, "member");

        await chat.Send(Unclear);
        var offer = await chat.ExpectCard("Action.Submit");
        var actions = offer["attachments"]![0]!["content"]!["actions"]!.AsArray();
        var position = actions.Select(a => a!["data"]!["chooseTool"]!.GetValue<string>()).ToList().IndexOf("create_ticket") + 1;
        await chat.Send(position.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await chat.ExpectReply("Opened ticket #1");

        Assert.Equal(1, await Host.InOrganizationAsync(org.Id, db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task AChoiceNamingAToolTheCallerMayNotUseIsRefusedByTheExecutor()
    {
        var org = await TestOrganization.CreateAsync(Host);
        using var chat = await Chat.StartAsync(Host, org, "viewer");

        await chat.Submit(new JsonObject { ["chooseTool"] = "create_ticket", ["arguments"] = new JsonObject { ["title"] = "forged" } });
        await chat.ExpectReply("needs member");

        Assert.Equal(0, await Host.InOrganizationAsync(org.Id, db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task AdminsSeeWhatCouldNotBePlacedInChatAndThroughTheAdminApi()
    {
        var org = await TestOrganization.CreateAsync(Host);
        using var member = await Chat.StartAsync(Host, org, "member");
        await member.Send("purple elephants dancing");
        await member.ExpectReply("didn't understand");

        using var admin = await Chat.StartAsync(Host, org, "admin");
        await admin.Send("what did people ask that you couldn't place");
        await admin.ExpectReply("purple elephants dancing");

        using var api = await AdminKeys.ClientAsync(Host, org, "admin");
        var misses = await api.GetFromJsonAsync<JsonArray>($"{AdminKeys.Base(org)}/nlu/misses?kind=unknown");
        var miss = Assert.Single(misses!.OfType<JsonObject>(), m => m["text"]!.GetValue<string>() == "purple elephants dancing");
        Assert.Equal("unknown", miss["kind"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{AdminKeys.Base(org)}/nlu/misses?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.GetAsync($"{AdminKeys.Base(org)}/nlu/misses?kind=sometimes")).StatusCode);
        using var viewer = await AdminKeys.ClientAsync(Host, org, "viewer");
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync($"{AdminKeys.Base(org)}/nlu/misses")).StatusCode);
    }
}
