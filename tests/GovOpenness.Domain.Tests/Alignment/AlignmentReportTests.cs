using System.Text.Json;
using GovOpenness.Domain.Alignment;

namespace GovOpenness.Domain.Tests.Alignment;

public class AlignmentReportTests
{
    [Fact]
    public void Json_has_the_documented_shape_with_iso_dates()
    {
        var result = DocumentAligner.Align(Seeds.Province2022, Seeds.Xiaoyi);
        var json = JsonSerializer.Serialize(AlignmentReport.From(result), new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.InRange(root.GetProperty("coverage").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("dropped").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("added").ValueKind);
        Assert.True(root.GetProperty("escalationIndex").TryGetProperty("value", out _));
        var pair = root.GetProperty("pairs").EnumerateArray().First(p => p.GetProperty("childHeading").GetString()!.Contains("道路交管", StringComparison.Ordinal));
        Assert.Equal("deadlineTightened", pair.GetProperty("change").GetString());
        Assert.NotEmpty(pair.GetProperty("parentIds").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(pair.GetProperty("parentHeading").GetString()));
        Assert.InRange(pair.GetProperty("confidence").GetDouble(), 0, 1);
        var shift = pair.GetProperty("deadlineShifts").EnumerateArray().First();
        Assert.Equal("2022-11-30", shift.GetProperty("from").GetString());
        Assert.Equal("2022-07-31", shift.GetProperty("to").GetString());
    }
}
