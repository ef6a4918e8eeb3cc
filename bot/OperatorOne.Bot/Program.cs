using OperatorOne.AdminApi;
using OperatorOne.AdminApi.Mcp;
using OperatorOne.Bot.Core.Ai;
using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Embeddings;
using OperatorOne.Bot.Hosting;
using OperatorOne.Bot.Hosting.RequestHardening;
using OperatorOne.Bot.Nlu;
using OperatorOne.Channels.Email;
using OperatorOne.Channels.Slack;
using OperatorOne.Channels.Teams;
using OperatorOne.Channels.Voice;
using OperatorOne.Channels.WebChat;
using OperatorOne.Skills;
using OperatorOne.Skills.Calendar;
using OperatorOne.Skills.Documents;

var builder = WebApplication.CreateBuilder(args);

if (args.FirstOrDefault() == "migrate")
{
    await DatabaseHosting.MigrateAsync(builder.Configuration, CancellationToken.None);
    return 0;
}
if (args.FirstOrDefault() == "create-api-key")
{
    return await DatabaseHosting.CreateApiKeyAsync(builder.Configuration, args[1..], CancellationToken.None);
}
if (args.FirstOrDefault() == "eval-nlu")
{
    builder.AddBotCore();
    builder.AddSkills();
    return NluEvaluation.Run(builder.Services, NluArguments.Parse(args[1..]), EmbeddingsHosting.Create(), Console.Out);
}

return await StartupFailures.GuardAsync(builder, async () =>
{
    builder.AddRequestHardening();
    builder.AddTelemetry();
    builder.AddGracefulShutdown();
    builder.AddSecrets();
    builder.AddDatabase();
    builder.AddBotCore();
    builder.AddSentenceEmbeddings();
    builder.AddAi();
    builder.AddSkills();
    builder.AddWebChatChannel();
    builder.AddTeamsChannel();
    builder.AddSlackChannel();
    builder.AddVoiceChannel();
    builder.AddEmailChannel();
    builder.AddAdminApi();
    builder.AddMcpEndpoint();
    builder.Services.AddProblemDetails();

    var app = builder.Build();

    await app.PrepareDatabaseAsync();

    app.UseRequestHardening();
    app.UseStatusCodePages();
    app.UseWebSockets();
    app.UseDrainingGate();
    app.UseCors();
    app.MapHealth();
    app.MapWebChatChannel();
    app.MapTeamsChannel();
    app.MapSlackChannel();
    app.MapVoiceChannel();
    app.MapDocuments();
    app.MapCalendar();
    app.MapAdminApi();
    app.MapMcpEndpoint();

    await app.RunAsync();
    return 0;
});

public partial class Program;
