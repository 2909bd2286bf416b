using System.Text.Json;

namespace Puente.Web.Protection.Cases;

/// <summary>The personal part of a case: sealed as one JSON value, opened only for whoever may see it.</summary>
internal sealed record CasePerson(
    string GivenNames,
    string FamilyNames,
    DateOnly? BirthDate,
    string? Phone,
    string? Email,
    string? Facility,
    string Narrative)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CasePerson FromJson(string json) =>
        JsonSerializer.Deserialize<CasePerson>(json, Json) ?? throw new InvalidOperationException("A sealed case holds no person.");
}
