using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OperatorOne.Benchmarks.Turns;

/// <summary>
/// A conversation's Direct Line token, refreshed (tokens/refresh, as Web Chat does) once half its lifetime has passed:
/// a long run outlives the token it started with.
/// </summary>
internal sealed class DirectLineToken(string value, int expiresInSeconds)
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private string _value = value;
    private DateTimeOffset _refreshAt = RefreshTime(expiresInSeconds);

    public static DirectLineToken From(JsonObject response) =>
        new(response["token"]!.GetValue<string>(), response["expires_in"]?.GetValue<int>() ?? 1800);

    public async Task<AuthenticationHeaderValue> HeaderAsync(HttpClient http, CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow >= _refreshAt)
        {
            await _refreshing.WaitAsync(cancellationToken);
            try
            {
                if (DateTimeOffset.UtcNow >= _refreshAt)
                {
                    using var refresh = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/refresh");
                    refresh.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _value);
                    using var response = await http.SendAsync(refresh, cancellationToken);
                    var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>(cancellationToken)
                        ?? throw new InvalidOperationException("tokens/refresh answered no body.");
                    _value = body["token"]!.GetValue<string>();
                    _refreshAt = RefreshTime(body["expires_in"]?.GetValue<int>() ?? 1800);
                }
            }
            finally
            {
                _refreshing.Release();
            }
        }
        return new AuthenticationHeaderValue("Bearer", _value);
    }

    public AuthenticationHeaderValue Header => new("Bearer", _value);

    private static DateTimeOffset RefreshTime(int expiresInSeconds) => DateTimeOffset.UtcNow.AddSeconds(expiresInSeconds / 2.0);
}
