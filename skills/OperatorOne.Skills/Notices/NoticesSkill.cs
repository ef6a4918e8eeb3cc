using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OperatorOne.Skills.Notices;

/// <summary>Notices: each member chooses where they are notified.</summary>
public static class NoticesSkill
{
    public static IHostApplicationBuilder AddNotices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(SetNoticePreference.Definition);
        return builder;
    }
}
