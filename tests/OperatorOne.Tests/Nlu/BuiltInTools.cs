using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Hosting;
using OperatorOne.Bot.Core.Tools;
using OperatorOne.Bot.Nlu;
using OperatorOne.Skills;

namespace OperatorOne.Tests.Nlu;

/// <summary>The built-in tools as the recognizer sees them, built once for every recognition test that reads slots.</summary>
internal static class BuiltInTools
{
    public static Lazy<ToolRegistry> Registry { get; } = new(() =>
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddBotCore();
        builder.AddSkills();
        return NluEvaluation.Registry(builder.Services);
    });
}
