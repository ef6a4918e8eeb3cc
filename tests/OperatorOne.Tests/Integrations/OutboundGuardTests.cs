using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OperatorOne.Skills.Integrations;

namespace OperatorOne.Tests.Integrations;

/// <summary>Which addresses custom tools and webhooks may reach, and that the check holds at connect time too.</summary>
public sealed class OutboundGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.9.1")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:c0a8:101::1")]
    public void PrivateLoopbackLinkLocalAndUniqueLocalAddressesAreNotPublic(string address) =>
        Assert.False(OutboundGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("8.8.8.8")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:93.184.216.34")]
    public void InternetAddressesArePublic(string address) => Assert.True(OutboundGuard.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task EveryAddressANameResolvesToMustPassUnlessTheOperatorAllowsIt()
    {
        var mixed = Guard([], _ => [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.7")]);
        var allowedRange = Guard(["10.0.0.0/24"], _ => [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.7")]);
        var allowedName = Guard(["erp.internal"], _ => [IPAddress.Parse("192.168.3.3")]);

        Assert.Contains("10.0.0.7", await mixed.RefusalAsync(new Uri("https://shop.example/orders"), CancellationToken.None));
        Assert.Null(await allowedRange.RefusalAsync(new Uri("https://shop.example/orders"), CancellationToken.None));
        Assert.Null(await allowedName.RefusalAsync(new Uri("http://erp.internal/api"), CancellationToken.None));
        Assert.NotNull(await allowedName.RefusalAsync(new Uri("http://other.internal/api"), CancellationToken.None));
        Assert.NotNull(await mixed.RefusalAsync(new Uri("http://user:pw@93.184.216.34/"), CancellationToken.None));
        Assert.NotNull(await mixed.RefusalAsync(new Uri("file:///etc/passwd"), CancellationToken.None));
    }

    [Fact]
    public async Task ANameThatRebindsToLoopbackAfterTheCheckIsRefusedWhenTheSocketConnects()
    {
        await using var receiver = new LocalReceiver();
        await receiver.StartAsync();
        var answers = 0;
        // First answer (the check before the request): public. Second (as the socket connects): loopback.
        var guard = Guard([], _ => Interlocked.Increment(ref answers) == 1 ? [IPAddress.Parse("93.184.216.34")] : [IPAddress.Loopback]);
        using var services = Services(guard);
        var http = services.GetRequiredService<OutboundHttp>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://rebinding.test:{receiver.BaseAddress.Port}/secret");

        var result = await http.SendAsync(request, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(OutboundFailure.Refused, result.Failure);
        Assert.Contains("127.0.0.1", result.FailureReason);
        Assert.Equal(2, answers);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task ARedirectIsAnAnswerNotAHopAndALargeBodyIsNotRead()
    {
        await using var receiver = new LocalReceiver();
        await receiver.StartAsync();
        receiver.Answers["/moved"] = _ => new ReceiverAnswer(307, "", "text/plain", new Dictionary<string, string> { ["Location"] = "/target" });
        receiver.Answers["/big"] = _ => new ReceiverAnswer(200, new string('a', 5000), "text/plain");
        var guard = Guard(["127.0.0.1"], _ => [IPAddress.Loopback]);
        using var services = Services(guard, maxBytes: 2048);
        var http = services.GetRequiredService<OutboundHttp>();

        using var moved = new HttpRequestMessage(HttpMethod.Get, receiver.Url("/moved"));
        var redirect = await http.SendAsync(moved, TimeSpan.FromSeconds(5), CancellationToken.None);
        using var big = new HttpRequestMessage(HttpMethod.Get, receiver.Url("/big"));
        var large = await http.SendAsync(big, TimeSpan.FromSeconds(5), CancellationToken.None);

        Assert.Equal(307, redirect.Status);
        Assert.Empty(receiver.To("/target"));
        Assert.True(large.TooLarge);
        Assert.Empty(large.Body);
    }

    private static OutboundGuard Guard(string[] allowed, Func<string, IPAddress[]> resolve) =>
        new(Options.Create(new IntegrationsOptions { AllowedHosts = [.. allowed] }), (host, _) => Task.FromResult(resolve(host)));

    private static ServiceProvider Services(OutboundGuard guard, int maxBytes = 64 * 1024)
    {
        var services = new ServiceCollection();
        services.AddSingleton(guard);
        services.AddSingleton(Options.Create(new IntegrationsOptions { MaxResponseBytes = maxBytes }));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutboundHttp>();
        OutboundHttp.Register(services);
        return services.BuildServiceProvider();
    }
}
