using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OperatorOne.Bot.Core.Tools;

namespace OperatorOne.Skills.Crm;

/// <summary>The CRM skill: find and record companies, contacts and deals, work leads, log activities, see the pipeline and closing deals.</summary>
public static class CrmSkill
{
    internal static IReadOnlyList<ToolDefinition> Tools { get; } =
    [
        FindContact.Definition,
        AddLead.Definition,
        MoveLead.Definition,
        ConvertLead.Definition,
        LogActivity.Definition,
        PipelineSummary.Definition,
        MyDealsClosing.Definition,
        DeleteCrmRecord.Definition,
        AddCompany.Definition,
        AddContact.Definition,
        AddDeal.Definition,
        UpdateDeal.Definition,
        UpdateContact.Definition,
        UpdateCompany.Definition,
    ];

    public static IHostApplicationBuilder AddCrm(this IHostApplicationBuilder builder)
    {
        foreach (var tool in Tools)
        {
            builder.Services.AddSingleton(tool);
        }
        return builder;
    }
}
