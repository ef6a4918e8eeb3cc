using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Hosting;
using OperatorOne.Channels.Teams;

var builder = WebApplication.CreateBuilder(args);

if (args.FirstOrDefault() == "migrate")
{
    await DatabaseHosting.MigrateAsync(builder.Configuration, CancellationToken.None);
    return;
}

builder.AddSecrets();
builder.AddDatabase();
builder.AddBotCore();
builder.AddTeamsChannel();
builder.Services.AddProblemDetails();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseStatusCodePages();
app.MapHealth();
app.MapTeamsChannel();

await app.RunAsync();

public partial class Program;
