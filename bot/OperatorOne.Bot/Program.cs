using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Hosting;
using OperatorOne.Channels.Slack;
using OperatorOne.Channels.Teams;
using OperatorOne.Channels.Voice;
using OperatorOne.Channels.WebChat;
using OperatorOne.Skills.Crm;
using OperatorOne.Skills.Tickets;

var builder = WebApplication.CreateBuilder(args);

if (args.FirstOrDefault() == "migrate")
{
    await DatabaseHosting.MigrateAsync(builder.Configuration, CancellationToken.None);
    return;
}

builder.AddSecrets();
builder.AddDatabase();
builder.AddBotCore();
builder.AddTickets();
builder.AddCrm();
builder.AddWebChatChannel();
builder.AddTeamsChannel();
builder.AddSlackChannel();
builder.AddVoiceChannel();
builder.Services.AddProblemDetails();

var app = builder.Build();

await app.PrepareDatabaseAsync();

app.UseStatusCodePages();
app.UseWebSockets();
app.UseCors();
app.MapHealth();
app.MapWebChatChannel();
app.MapTeamsChannel();
app.MapSlackChannel();
app.MapVoiceChannel();

await app.RunAsync();

public partial class Program;
