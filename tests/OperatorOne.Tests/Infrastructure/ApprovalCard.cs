using System.Text.Json.Nodes;

namespace OperatorOne.Tests.Infrastructure;

/// <summary>Reads the action data of an approval card, as the channel would post it back on a click.</summary>
public static class ApprovalCard
{
    public static JsonObject Data(JsonObject activity, string decision) =>
        activity["attachments"]![0]!["content"]!["actions"]!.AsArray()
            .Select(a => a!["data"]!.AsObject())
            .First(d => d["decision"]!.GetValue<string>() == decision)
            .DeepClone().AsObject();
}
