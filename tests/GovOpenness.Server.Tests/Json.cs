using System.Net.Http.Json;
using System.Text.Json;

namespace GovOpenness.Server.Tests;

internal static class Json
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public static HttpContent Body(string json) => new StringContent(json, System.Text.Encoding.UTF8, "application/json");
}
