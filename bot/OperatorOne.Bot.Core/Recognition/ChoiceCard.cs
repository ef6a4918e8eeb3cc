using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using OperatorOne.Bot.Core.Cards;
using OperatorOne.Bot.Core.Turns;

namespace OperatorOne.Bot.Core.Recognition;

/// <summary>
/// "Did you mean…": the likeliest tools as buttons (Teams, web chat and Slack render them; the phone reads them as
/// numbered choices), with the same list in the text for channels that show only text.
/// </summary>
public static class ChoiceCard
{
    public const string Question = "I'm not sure what you mean. Did you want to:";

    public static Reply Build(IReadOnlyList<Candidate> candidates, Guid? missId)
    {
        var text = new StringBuilder(Question);
        var actions = new List<JsonObject>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var title = Title(candidates[i]);
            text.Append(CultureInfo.InvariantCulture, $"\n{i + 1}. {title}");
            actions.Add(AdaptiveCard.Submit(title, new ToolChoice(candidates[i].Tool.Name, candidates[i].Arguments, missId).ToData()));
        }
        text.Append("\nPick one, or say it another way.");
        var card = AdaptiveCard.Create([AdaptiveCard.Text(Question)], actions);
        return new Reply(text.ToString()) { Card = card, Speak = "I'm not sure what you mean." };
    }

    /// <summary>What a choice is called: the tool's description and the slots read for it, "Move a lead to another stage (Soylent, lost)".</summary>
    public static string Title(Candidate candidate)
    {
        var values = candidate.Arguments.Select(a => a.Value?.ToString()).Where(v => !string.IsNullOrWhiteSpace(v)).Take(3).ToList();
        var title = candidate.Tool.Definition.Description.TrimEnd('.');
        return values.Count == 0 ? title : $"{title} ({string.Join(", ", values.Select(v => v!.Length > 40 ? v[..40] + "…" : v))})";
    }
}
