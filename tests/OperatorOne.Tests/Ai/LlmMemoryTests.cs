using Microsoft.EntityFrameworkCore;
using OperatorOne.Bot.Core.Ai;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Ai;

/// <summary>
/// Earlier turns within the token budget go with each request; older ones fold into a stored summary in batches.
/// The fixture's budget is 40 estimated tokens (160 characters); a summary is due at 50 dropped tokens (the welcome, 17, counts too).
/// </summary>
[Collection(LlmCollection.Name)]
public sealed class LlmMemoryTests(LlmFixture fixture)
{
    private BotHost Host => fixture.Host;
    private OpenAiStandIn Model => fixture.Model;

    private const string FirstQuestion = "Our booking page has been returning errors since the deploy this morning, customers cannot pay at all, what do we do";
    private const string FirstAnswer = "That sounds like the payment provider webhook. I can open a ticket for the web team so they look into the deploy.";

    [Fact]
    public async Task RecentTurnsFitTheBudgetAndDroppedOnesAreSummarizedOnlyWhenEnoughPiledUp()
    {
        Model.Reset();
        var org = await TestOrganization.CreateAsync(Host);
        using var chat = await Chat.StartAsync(Host, org, "member");
        Model.ReplyText(FirstAnswer);
        await chat.Send(FirstQuestion);
        await chat.ExpectReply("payment provider webhook");

        Model.ReplyText("Yes, that's the one: the deploy broke the checkout flow for everyone.");
        await chat.Send("the checkout?");
        await chat.ExpectReply("checkout flow");

        // The second turn saw the first answer but not the older, longer question; nothing was summarized yet.
        var second = Model.Requests[^1]["messages"]!.ToJsonString();
        Assert.Contains("payment provider webhook", second, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot pay at all", second, StringComparison.Ordinal);
        Assert.Equal(2, Model.Requests.Count);

        Model.ReplyText("The user reported booking page errors after this morning's deploy; customers cannot pay.");
        Model.ReplyText("Opening it now is a good idea.");
        await chat.Send("ok so?");
        await chat.ExpectReply("good idea");

        // The third turn first folded the dropped question and answer into the summary, then sent it in the system prompt.
        Assert.Equal(4, Model.Requests.Count);
        var summaryRequest = Model.Requests[2]["messages"]!.ToJsonString();
        Assert.Contains("cannot pay at all", summaryRequest, StringComparison.Ordinal);
        Assert.Contains(ConversationSummary.Instructions[..40], summaryRequest, StringComparison.Ordinal);
        Assert.False(Model.Requests[2].ContainsKey("tools"));
        var system = Model.Requests[3]["messages"]![0]!["content"]!.ToJsonString();
        Assert.Contains("Summary of the earlier conversation: The user reported booking page errors", system, StringComparison.Ordinal);
        var conversation = await Host.InOrganizationAsync(org.Id, db => db.Conversations.SingleAsync(c => c.Summary != ""));
        Assert.True(conversation.SummaryThroughMessageId > 0);

        Model.ReplyText("Done.");
        await chat.Send("thanks");
        await chat.ExpectReply("Done");

        // Too little newly dropped text for another summary: one request only, and the summary still ends where it did.
        Assert.Equal(5, Model.Requests.Count);
        var after = await Host.InOrganizationAsync(org.Id, db => db.Conversations.SingleAsync(c => c.Id == conversation.Id));
        Assert.Equal(conversation.SummaryThroughMessageId, after.SummaryThroughMessageId);
    }
}
