using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OperatorOne.Data.Crm;
using OperatorOne.Tests.Infrastructure;

namespace OperatorOne.Tests.Crm;

/// <summary>The CRM commands of the built-in recognizer, through the web chat path (real HTTP, real PostgreSQL).</summary>
[Collection(BotCollection.Name)]
public sealed class CrmConversationTests(BotHost host)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task AMemberFindsContactsAddsAndMovesALeadAndLogsACall()
    {
        var org = await TestOrganization.CreateAsync(host);
        var book = await CrmBook.CreateAsync(host, org, Today);
        using var chat = await Chat.StartAsync(host, org, "member");

        await chat.Send("find Dana from Acme");
        await chat.ExpectReply("Dana Lee at Acme (dana@acme.test)");
        await chat.Send("look up globx");
        await chat.ExpectReply("Globex (prospect, 1 contact)");
        await chat.Send("add a lead: Jo Park from Initech");
        await chat.ExpectReply("Added lead Jo Park (Initech)");
        await chat.Send("mark lead Jo Park as contacted");
        await chat.ExpectReply("from new to contacted");
        await chat.Send("move lead Jo Park to qualified");
        await chat.ExpectReply("from contacted to qualified");
        await chat.Send("log a call with Dana from Acme: wants a quote");
        await chat.ExpectReply("Logged a call with Dana Lee at Acme: wants a quote");

        var lead = await host.InOrganizationAsync(org.Id, db => db.Leads.SingleAsync());
        Assert.Equal((LeadStage.Qualified, "Initech", org.Members["member"]), (lead.Stage, lead.CompanyName, lead.OwnerId!.Value));
        var call = await host.InOrganizationAsync(org.Id, db => db.CrmActivities.SingleAsync());
        Assert.Equal((CrmActivityKind.Call, book.DanaLee, book.Acme, "wants a quote"), (call.Kind, call.ContactId!.Value, call.CompanyId!.Value, call.Summary));
    }

    [Fact]
    public async Task AnAmbiguousNameIsAskedAboutAndTheAnswerFinishesTheLog()
    {
        var org = await TestOrganization.CreateAsync(host);
        var book = await CrmBook.CreateAsync(host, org, Today);
        using var chat = await Chat.StartAsync(host, org, "member");

        await chat.Send("log a call with Dana: wants a quote");
        await chat.ExpectReply("There are two Danas: Dana Lee at Acme or Dana Ortiz at Globex?");
        await chat.Send("the one at Globex");
        await chat.ExpectReply("Logged a call with Dana Ortiz at Globex");

        await chat.Send("record a meeting with Dana: demo booked");
        await chat.ExpectReply("two Danas");
        await chat.Send("Dana Lee");
        await chat.ExpectReply("Logged a meeting with Dana Lee at Acme");

        var logged = await host.InOrganizationAsync(org.Id, db => db.CrmActivities.OrderBy(a => a.Kind).Select(a => a.ContactId).ToListAsync());
        Assert.Equal([book.DanaOrtiz, book.DanaLee], logged);
    }

    [Fact]
    public async Task AMissingSummaryIsAskedFor()
    {
        var org = await TestOrganization.CreateAsync(host);
        await CrmBook.CreateAsync(host, org, Today);
        using var chat = await Chat.StartAsync(host, org, "member");

        await chat.Send("add a note on Globex");
        await chat.ExpectReply("What happened?");
        await chat.Send("budget approved for Q3");
        await chat.ExpectReply("Logged a note with Globex: budget approved for Q3");
    }

    [Fact]
    public async Task ConvertingALeadWaitsForAnAdminAndThenMakesACustomer()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var member = await Chat.StartAsync(host, org, "member");
        using var admin = await Chat.StartAsync(host, org, "admin");
        await member.Send("add a lead: Jo Park from Initech");
        await member.ExpectReply("Added lead");

        await member.Send("move lead Jo Park to converted");
        await member.ExpectReply("needs approval");
        var card = await admin.ExpectCard("Convert lead Jo Park at Initech to a customer");
        Assert.Equal(LeadStage.New, await host.InOrganizationAsync(org.Id, db => db.Leads.Select(l => l.Stage).SingleAsync()));
        await admin.Submit(Approve(card));

        await member.ExpectReply("Initech is now a customer with Jo Park as a contact");
        var company = await host.InOrganizationAsync(org.Id, db => db.Companies.SingleAsync());
        Assert.Equal(("Initech", CompanyKind.Customer), (company.Name, company.Kind));
        Assert.Equal("Jo Park", await host.InOrganizationAsync(org.Id, db => db.Contacts.Where(c => c.CompanyId == company.Id).Select(c => c.FullName).SingleAsync()));
        Assert.Equal(LeadStage.Converted, await host.InOrganizationAsync(org.Id, db => db.Leads.Select(l => l.Stage).SingleAsync()));
    }

    [Fact]
    public async Task DeletingAContactNeedsApprovalAndTakesItsActivitiesWithIt()
    {
        var org = await TestOrganization.CreateAsync(host);
        var book = await CrmBook.CreateAsync(host, org, Today);
        using var member = await Chat.StartAsync(host, org, "member");
        using var admin = await Chat.StartAsync(host, org, "admin");
        await member.Send("log an email to Dana Ortiz: sent the brochure");
        await member.ExpectReply("Logged an email with Dana Ortiz at Globex");

        await member.Send("delete contact Dana Ortiz");
        await member.ExpectReply("needs approval");
        await admin.Submit(Approve(await admin.ExpectCard("Delete contact Dana Ortiz at Globex")));

        await member.ExpectReply("Deleted contact Dana Ortiz at Globex");
        Assert.False(await host.InOrganizationAsync(org.Id, db => db.Contacts.AnyAsync(c => c.Id == book.DanaOrtiz)));
        Assert.False(await host.InOrganizationAsync(org.Id, db => db.CrmActivities.AnyAsync()));
    }

    [Fact]
    public async Task AViewerMaySeeThePipelineButNotAddALead()
    {
        var org = await TestOrganization.CreateAsync(host);
        await CrmBook.CreateAsync(host, org, Today);
        using var chat = await Chat.StartAsync(host, org, "viewer");

        await chat.Send("how's the pipeline looking");
        await chat.ExpectReply("Deals negotiation: 1 deal, 3,000 EUR (weighted at 70%: 2,100 EUR).");
        await chat.Send("add a lead: Jo Park from Initech");
        await chat.ExpectReply("viewer");
        await chat.Send("my deals closing this month");
        await chat.ExpectReply("viewer");

        Assert.False(await host.InOrganizationAsync(org.Id, db => db.Leads.AnyAsync()));
    }

    [Fact]
    public async Task HelpShowsAViewerOnlyTheCrmToolsTheyMayUse()
    {
        var org = await TestOrganization.CreateAsync(host);
        using var viewer = await Chat.StartAsync(host, org, "viewer");
        using var member = await Chat.StartAsync(host, org, "member");

        await viewer.Send("help");
        var viewerHelp = (await viewer.ExpectReply("pipeline summary"))["text"]!.GetValue<string>();
        await member.Send("help");
        var memberHelp = (await member.ExpectReply("pipeline summary"))["text"]!.GetValue<string>();

        Assert.Contains("find Dana from Acme", viewerHelp);
        Assert.DoesNotContain("add a lead", viewerHelp);
        Assert.Contains("log a call with Dana from Acme: wants a quote", memberHelp);
        Assert.Contains("convert lead Jo Park", memberHelp);
    }

    private static JsonObject Approve(JsonObject activity) =>
        activity["attachments"]![0]!["content"]!["actions"]!.AsArray()
            .Select(a => a!["data"]!.AsObject())
            .First(d => d["decision"]!.GetValue<string>() == "approve")
            .DeepClone().AsObject();
}
