using System.Text.Json;
using OperatorOne.Bot.Core.Security;
using OperatorOne.Data.Integrations;

namespace OperatorOne.Skills.Integrations;

/// <summary>A custom tool's secrets: its headers (encrypted as one JSON object, names kept apart) and its signing secret.</summary>
public static class CustomToolSecrets
{
    public static void SetHeaders(CustomTool row, IReadOnlyDictionary<string, string> headers, SecretBox secrets)
    {
        row.HeaderNames = [.. headers.Keys.Order(StringComparer.OrdinalIgnoreCase)];
        row.HeadersCipher = headers.Count == 0 ? null : secrets.Encrypt(JsonSerializer.Serialize(headers));
    }

    public static Dictionary<string, string> Headers(CustomTool row, SecretBox secrets) =>
        row.HeadersCipher is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(secrets.Decrypt(row.HeadersCipher)) ?? [];

    /// <summary>A new signing secret on the row; the plaintext is returned to show once.</summary>
    public static string NewSigningSecret(CustomTool row, SecretBox secrets)
    {
        var secret = RequestSignature.NewSecret();
        row.SigningSecretCipher = secrets.Encrypt(secret);
        return secret;
    }
}
