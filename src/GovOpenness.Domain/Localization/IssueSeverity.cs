using System.Text.Json.Serialization;

namespace GovOpenness.Domain.Localization;

/// <summary>Whether a localization problem blocks publishing.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<IssueSeverity>))]
public enum IssueSeverity
{
    /// <summary>Publishing goes ahead; a person should look at it.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>The changes are rejected.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
