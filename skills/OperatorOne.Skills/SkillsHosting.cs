using Microsoft.Extensions.Hosting;
using OperatorOne.Skills.Admin;
using OperatorOne.Skills.Calendar;
using OperatorOne.Skills.Crm;
using OperatorOne.Skills.Documents;
using OperatorOne.Skills.Integrations;
using OperatorOne.Skills.Notices;
using OperatorOne.Skills.ServiceDesk;
using OperatorOne.Skills.Tickets;
using OperatorOne.Skills.VoicePin;

namespace OperatorOne.Skills;

/// <summary>
/// Every skill, in one place: the bot and the `eval-nlu` command register the same tools, so the labelled set is
/// measured against exactly what users can reach.
/// </summary>
public static class SkillsHosting
{
    public static IHostApplicationBuilder AddSkills(this IHostApplicationBuilder builder)
    {
        builder.AddTickets();
        builder.AddServiceDesk();
        builder.AddAdmin();
        builder.AddCrm();
        builder.AddCalendar();
        builder.AddVoicePin();
        builder.AddDocuments();
        builder.AddIntegrations();
        builder.AddNotices();
        return builder;
    }
}
