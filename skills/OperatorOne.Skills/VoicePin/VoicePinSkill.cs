using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OperatorOne.Skills.VoicePin;

/// <summary>The voice PIN skill: members set the PIN the phone channel asks for before risky actions.</summary>
public static class VoicePinSkill
{
    public static IHostApplicationBuilder AddVoicePin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(SetVoicePin.Definition);
        return builder;
    }
}
