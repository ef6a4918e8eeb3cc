using System.Text.Json.Serialization;

namespace OperatorOne.Bot.Core.Security;

/// <summary>Adds the finite-number converters to a set of serializer options (the wire JSON and the admin API's).</summary>
public static class FiniteNumbers
{
    public static void AddTo(IList<JsonConverter> converters)
    {
        converters.Add(new FiniteDoubleConverter());
        converters.Add(new FiniteSingleConverter());
    }
}
