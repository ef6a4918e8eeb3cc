using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Crm;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Crm;

/// <summary>
/// Deals recorded and changed in chat are stored as said (amount, currency, stage, close date, owner, company), and "my deals
/// closing this month" and the pipeline are computed from those rows. The bot's clock is mid-month (<see cref="MidMonthBot"/>).
/// </summary>
public sealed class DealConversationTests(MidMonthBot bot) : IClassFixture<MidMonthBot>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DealsAreStoredAsSaidAndMyDealsAndThePipelineComeFromThem()
    {
        var org = await TestOrganization.CreateAsync(bot.Host);
        using var mia = await Chat.StartAsync(bot.Host, org, "member");
        var (the20th, the25th, nextMonth) = (Iso(bot.Today.AddDays(5)), Iso(bot.Today.AddDays(10)), Iso(bot.Today.AddMonths(1)));

        await mia.Send($"add a deal: Acme renewal with Acme worth 12,000 EUR closing {the20th} in the proposal stage");
        await mia.ExpectReply("Added deal Acme renewal with Acme: 12,000 EUR, proposal (40%)", Patience);
        await mia.Send($"add a deal: Globex support with Globex worth 3,000 EUR closing {the25th}");
        await mia.ExpectReply("Added deal Globex support with Globex: 3,000 EUR, prospecting (10%)", Patience);
        await mia.Send($"add a deal: Initech rollout with Initech worth 5,000 USD closing {nextMonth} in the negotiation stage");
        await mia.ExpectReply("Added deal Initech rollout", Patience);
        await mia.Send($"add a deal: Umbrella audit with Umbrella worth 2,000 EUR closing {the20th}, owned by Ada");
        await mia.ExpectReply("owned by Ada Admin", Patience);
        await mia.Send("move the Globex support deal to negotiation");
        await mia.ExpectReply("prospecting → negotiation (70%)", Patience);
        await mia.Send("set the amount of the Acme renewal deal to 15,000 EUR");
        await mia.ExpectReply("12,000 EUR → 15,000 EUR", Patience);

        var deals = await bot.Host.InOrganizationAsync(org.Id, db => db.Deals.AsNoTracking()
            .Join(db.Companies, d => d.CompanyId, c => c.Id, (d, c) => new { d.Name, Row = new DealRow(d.Value, d.Currency, d.Stage, d.ExpectedClose, d.OwnerId, c.Name) })
            .ToDictionaryAsync(d => d.Name, d => d.Row with { Currency = d.Row.Currency.Trim() }));
        Assert.Equal(4, deals.Count);
        var (mine, ada) = (org.Members["member"], org.Members["admin"]);
        Assert.Equal(new DealRow(15_000m, "EUR", DealStage.Proposal, bot.Today.AddDays(5), mine, "Acme"), deals["Acme renewal"]);
        Assert.Equal(new DealRow(3_000m, "EUR", DealStage.Negotiation, bot.Today.AddDays(10), mine, "Globex"), deals["Globex support"]);
        Assert.Equal(new DealRow(5_000m, "USD", DealStage.Negotiation, bot.Today.AddMonths(1), mine, "Initech"), deals["Initech rollout"]);
        Assert.Equal(new DealRow(2_000m, "EUR", DealStage.Prospecting, bot.Today.AddDays(5), ada, "Umbrella"), deals["Umbrella audit"]);

        await mia.Send("my deals closing this month");
        var closing = Text(await mia.ExpectReply("Your deals closing in", Patience));
        await mia.Send("pipeline summary");
        var pipeline = Text(await mia.ExpectReply("Open pipeline", Patience));

        Assert.Contains("Acme renewal: 15,000 EUR, proposal (40%)", closing);
        Assert.Contains("Globex support: 3,000 EUR, negotiation (70%)", closing);
        Assert.DoesNotContain("Initech", closing);
        Assert.DoesNotContain("Umbrella", closing);
        Assert.Contains("Weighted forecast: 8,100 EUR.", closing);
        Assert.Contains("Deals prospecting: 1 deal, 2,000 EUR (weighted at 10%: 200 EUR).", pipeline);
        Assert.Contains("Deals proposal: 1 deal, 15,000 EUR (weighted at 40%: 6,000 EUR).", pipeline);
        Assert.Contains("Deals negotiation: 2 deals, 3,000 EUR + 5,000 USD (weighted at 70%: 2,100 EUR + 3,500 USD).", pipeline);
        Assert.Contains("Open pipeline: 20,000 EUR + 5,000 USD; weighted forecast 8,300 EUR + 3,500 USD.", pipeline);
    }

    [Fact]
    public async Task AWonDealLeavesMyDealsClosingAndCountsAsWonInThePipeline()
    {
        var org = await TestOrganization.CreateAsync(bot.Host);
        using var mia = await Chat.StartAsync(bot.Host, org, "member");
        await mia.Send($"add a deal: Hooli licences with Hooli worth 4,000 EUR closing {Iso(bot.Today.AddDays(3))} in the negotiation stage");
        await mia.ExpectReply("Added deal Hooli licences", Patience);

        await mia.Send("we won the Hooli licences deal");
        await mia.ExpectReply("negotiation → won (100%)", Patience);
        await mia.Send("my deals closing this month");
        await mia.ExpectReply("You have no open deals expected to close in", Patience);
        await mia.Send("pipeline summary");
        var pipeline = Text(await mia.ExpectReply("Deals won", Patience));

        Assert.Contains("Deals won: 1 deal, 4,000 EUR.", pipeline);
        Assert.DoesNotContain("Open pipeline", pipeline);
        Assert.Equal(DealStage.Won, await bot.Host.InOrganizationAsync(org.Id, db => db.Deals.Select(d => d.Stage).SingleAsync()));
    }

    [Fact]
    public async Task ADealsCloseDateAndOwnerChangedInChatAreStoredAsSaid()
    {
        var org = await TestOrganization.CreateAsync(bot.Host);
        using var mia = await Chat.StartAsync(bot.Host, org, "member");
        await mia.Send($"add a deal: Acme renewal with Acme worth 12,000 EUR closing {Iso(bot.Today.AddDays(5))}");
        await mia.ExpectReply("Added deal Acme renewal", Patience);
        await mia.Send($"add a deal: Globex support with Globex worth 3,000 EUR closing {Iso(bot.Today.AddDays(6))}");
        await mia.ExpectReply("Added deal Globex support", Patience);
        var (later, evenLater) = (bot.Today.AddDays(40), bot.Today.AddDays(50));

        await mia.Send($"move the Acme renewal deal's close date to {Iso(later)}");
        await mia.ExpectReply("Updated deal Acme renewal: closing", Patience);
        await mia.Send("give the Acme renewal deal to Ada");
        await mia.ExpectReply("Updated deal Acme renewal: owned by Ada Admin", Patience);
        await mia.Send($"push the close date of the Globex support deal to {Iso(evenLater)}");
        await mia.ExpectReply("Updated deal Globex support: closing", Patience);

        var deals = await bot.Host.InOrganizationAsync(org.Id, db => db.Deals.AsNoTracking()
            .ToDictionaryAsync(d => d.Name, d => (d.ExpectedClose, d.OwnerId)));
        var (mine, ada) = (org.Members["member"], org.Members["admin"]);
        Assert.Equal((later, (Guid?)ada), deals["Acme renewal"]);
        Assert.Equal((evenLater, (Guid?)mine), deals["Globex support"]);
    }

    [Fact]
    public async Task ActivitiesLoggedAboutADealBelongToThatDealAndOnlyThose()
    {
        var org = await TestOrganization.CreateAsync(bot.Host);
        using var mia = await Chat.StartAsync(bot.Host, org, "member");
        await mia.Send("add a contact: Dana Lee from Acme, dana@acme.example");
        await mia.ExpectReply("Dana Lee", Patience);
        await mia.Send($"add a deal: Acme renewal with Acme worth 12,000 EUR closing {Iso(bot.Today.AddDays(5))}");
        await mia.ExpectReply("Added deal Acme renewal", Patience);
        await mia.Send($"add a deal: Acme training with Acme worth 2,000 EUR closing {Iso(bot.Today.AddDays(6))}");
        await mia.ExpectReply("Added deal Acme training", Patience);

        await mia.Send("log a call with Dana from Acme about the Acme renewal deal: sent the quote");
        await mia.ExpectReply("Logged a call with Dana Lee at Acme on the Acme renewal deal: sent the quote", Patience);
        await mia.Send("log a note about the Acme training deal: trainer booked");
        await mia.ExpectReply("trainer booked", Patience);
        await mia.Send("log a call with Dana from Acme: wants a quote");
        await mia.ExpectReply("Logged a call with Dana Lee at Acme: wants a quote", Patience);

        var activities = await bot.Host.InOrganizationAsync(org.Id, db => db.CrmActivities.AsNoTracking()
            .Select(a => new
            {
                a.Summary,
                Deal = db.Deals.Where(d => d.Id == a.DealId).Select(d => d.Name).FirstOrDefault(),
                Contact = db.Contacts.Where(c => c.Id == a.ContactId).Select(c => c.FullName).FirstOrDefault(),
            })
            .ToDictionaryAsync(a => a.Summary, a => (a.Deal, a.Contact)));
        Assert.Equal(3, activities.Count);
        Assert.Equal(("Acme renewal", "Dana Lee"), activities["sent the quote"]);
        Assert.Equal(("Acme training", (string?)null), activities["trainer booked"]);
        Assert.Equal(((string?)null, "Dana Lee"), activities["wants a quote"]);
    }

    [Fact]
    public async Task ThePipelineSummaryAndMyDealsClosingThisMonthAddUp()
    {
        // On the bot's mid-month clock: with the real one, "this month" moved on under a test started just before a month end.
        var org = await TestOrganization.CreateAsync(bot.Host);
        await CrmBook.CreateAsync(bot.Host, org, bot.Today);
        using var chat = await Chat.StartAsync(bot.Host, org, "member");

        await chat.Send("add a lead: Initech");
        await chat.ExpectReply("Added lead", Patience);
        await chat.Send("pipeline summary");
        await chat.ExpectReply("Deals proposal: 3 deals, 63,000 EUR (weighted at 40%: 25,200 EUR).", Patience);
        await chat.Send("show my deals closing this month");
        var reply = await chat.ExpectReply("Your deals closing in", Patience);

        var text = reply["text"]!.GetValue<string>();
        Assert.Contains("Globex support plan: 3,000 EUR, negotiation", text);
        Assert.Contains("Acme laptops: 12,000 EUR, proposal", text);
        Assert.DoesNotContain("next year", text);
        Assert.DoesNotContain("won deal", text);
        Assert.DoesNotContain("Admin's deal", text);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record DealRow(decimal Value, string Currency, DealStage Stage, DateOnly ExpectedClose, Guid? OwnerId, string Company);

    private static string Text(System.Text.Json.Nodes.JsonObject activity) => activity["text"]?.GetValue<string>() ?? "";
}
