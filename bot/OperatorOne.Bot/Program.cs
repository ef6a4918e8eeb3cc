using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Hosting;
using OperatorOne.Channels.Slack;

var builder = WebApplication.CreateBuilder(args);

if (args.FirstOrDefault() == "migrate")
{
    await DatabaseHosting.MigrateAsync(builder.Configuration, CancellationToken.None);
    return;
}

builder.AddSecrets();
builder.AddDatabase();
builder.AddBotCore();
builder.AddSlackChannel();
builder.Services.AddProblemDetails();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseStatusCodePages();
app.MapHealth();
app.MapSlackChannel();

await app.RunAsync();

public partial class Program;
