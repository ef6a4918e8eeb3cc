using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Channels;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Channels.WebChat;

/// <summary>
/// The web chat channel: a Direct Line 3.0 compatible API of our own, so the official Web Chat client talks to
/// the bot, plus the page that hosts it. Always on. The host must call <c>app.UseWebSockets()</c> and
/// <c>app.UseCors()</c> before mapping (the stream and the browser's cross-origin calls need them).
/// </summary>
public static class WebChatChannel
{
    public const string CorsPolicy = "DirectLine";

    public static IHostApplicationBuilder AddWebChatChannel(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WebChatOptions>().Bind(builder.Configuration.GetSection(WebChatOptions.Section))
            .Validate(WebChatOptions.IsValid, WebChatOptions.Invalid).ValidateOnStart();
        services.AddSingleton<WebChatTokens>();
        services.AddSingleton<Bot.Core.Channels.IBrowserSessions, WebChatBrowserSessions>();
        services.AddSingleton<WebChatMemberKeys>();
        services.AddSingleton<Bot.Core.Channels.IChannelCheck, WebChatChannelCheck>();
        services.AddSingleton<ConversationSignals>();
        services.AddHostedService<DirectLineListener>();
        services.AddScoped<WebChatSites>();
        services.AddScoped<DirectLineAuth>();
        services.AddScoped<DirectLineLog>();
        services.AddScoped<ConversationAccess>();
        services.AddScoped<WebChatTurns>();
        services.AddScoped<ActivityStream>();
        services.AddSingleton<IChannelSender, WebChatSender>();
        services.AddSingleton<IConversationLog, WebChatLog>();
        services.AddSingleton(new InboundRejection("/v3/directline", DirectLineError.RejectAsync));
        services.AddSingleton(new InboundRejection("/webchat", DirectLineError.RejectAsync));
        // Any site may embed the chat: callers prove themselves with a bearer secret or token, never a cookie.
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .AllowAnyOrigin()
            .WithMethods("GET", "POST", "OPTIONS")
            .WithHeaders("Authorization", "Content-Type", "Accept", "x-ms-bot-agent")));
        return builder;
    }

    public static IEndpointRouteBuilder MapWebChatChannel(this IEndpointRouteBuilder endpoints)
    {
        var directLine = endpoints.MapGroup("/v3/directline").RequireCors(CorsPolicy).WithTags("Web chat (Direct Line)");
        directLine.MapPost("/tokens/generate", TokenEndpoints.GenerateAsync);
        directLine.MapPost("/tokens/refresh", TokenEndpoints.RefreshAsync);
        directLine.MapPost("/conversations", ConversationEndpoints.StartAsync);
        directLine.MapGet("/conversations/{conversationId}", ConversationEndpoints.ReconnectAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", ConversationEndpoints.ReadActivitiesAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", ActivityEndpoints.PostAsync);
        directLine.MapGet("/conversations/{conversationId}/stream", ActivityEndpoints.StreamAsync);
        directLine.MapPost("/conversations/{conversationId}/upload", UploadEndpoints.UploadAsync).DisableAntiforgery();

        endpoints.MapGet("/", WebChatPage.Page).ExcludeFromDescription();
        endpoints.MapGet("/webchat/page.js", WebChatPage.Script).ExcludeFromDescription();
        endpoints.MapGet("/favicon.ico", WebChatPage.Icon).ExcludeFromDescription();
        endpoints.MapGet("/lib/webchat.js", WebChatPage.Bundle).ExcludeFromDescription();
        endpoints.MapPost("/webchat/session/token", MemberSignIn.IssueAsync).ExcludeFromDescription();
        endpoints.MapGet("/join/{token}", JoinEndpoints.ShowAsync).ExcludeFromDescription();
        endpoints.MapGet(JoinEndpoints.WelcomeScriptPath, JoinEndpoints.WelcomeScript).ExcludeFromDescription();
        // The link itself is the credential, and a form post is what a plain page can send: no antiforgery token.
        endpoints.MapPost("/join/{token}", JoinEndpoints.ClaimAsync).DisableAntiforgery().ExcludeFromDescription();
        if (endpoints.ServiceProvider.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            endpoints.MapPost("/webchat/demo/token", DemoSignIn.IssueAsync).ExcludeFromDescription();
        }
        return endpoints;
    }
}
