using System.Text;

namespace Puente.Domain.Pathways.Registration;

/// <summary>The papers a traveller shows at the port.</summary>
public enum DocumentType
{
    Passport,
    NationalId,
    ConsularId,
    BirthCertificate,
    /// <summary>No document; a reason is required.</summary>
    None,
}

/// <summary>What is wrong with a traveller's document, if anything.</summary>
public enum DocumentProblem
{
    None,
    /// <summary>An adult gave no document at all (not even "none" with a reason).</summary>
    Required,
    /// <summary>"None" without the reason why.</summary>
    ReasonRequired,
    CountryRequired,
    NumberRequired,
    /// <summary>The number holds something other than letters A–Z and digits (spaces and hyphens aside).</summary>
    NumberInvalid,
}

/// <summary>
/// A travel document as a key: the same document written by two people ("g 123-456 7", "G1234567")
/// gives the same key, and a traveller is entered at most once per date per key.
/// </summary>
public static class TravelDocument
{
    public const int AdultAge = 18;
    public const int MaxNumberLength = 30;
    public const int MaxReasonLength = 300;

    /// <summary>Digits and capitals A–Z only, after NFKC (full-width digits count) and look-alike folding
    /// (a Cyrillic О in a passport number reads as O); null when something else remains.</summary>
    public static string? NormalizeNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }
        var normalized = new StringBuilder(number.Length);
        foreach (var c in number.Normalize(NormalizationForm.FormKC))
        {
            if (c is ' ' or '-' or '.' or '/' or '\u00A0' or '\u2010' or '\u2011')
            {
                continue;
            }
            var folded = char.ToUpperInvariant(Confusables.Of(char.ToLowerInvariant(c)));
            if (!char.IsAsciiLetterOrDigit(folded))
            {
                return null;
            }
            normalized.Append(folded);
        }
        return normalized.Length is 0 or > MaxNumberLength ? null : normalized.ToString();
    }

    /// <summary>What is wrong with the document given for a person of this age (in full years).</summary>
    public static DocumentProblem Check(DocumentType? type, string? country, string? number, string? reason, int age)
    {
        if (type is null)
        {
            return age >= AdultAge ? DocumentProblem.Required : DocumentProblem.None;
        }
        if (type == DocumentType.None)
        {
            return string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength ? DocumentProblem.ReasonRequired : DocumentProblem.None;
        }
        if (string.IsNullOrWhiteSpace(country))
        {
            return DocumentProblem.CountryRequired;
        }
        if (string.IsNullOrWhiteSpace(number))
        {
            return DocumentProblem.NumberRequired;
        }
        return NormalizeNumber(number) is null ? DocumentProblem.NumberInvalid : DocumentProblem.None;
    }

    /// <summary>Issuing country, type and normalized number; null for "none" or no document.</summary>
    public static string? Key(DocumentType? type, string? country, string? number) =>
        type is null or DocumentType.None || NormalizeNumber(number) is not { } normalized || string.IsNullOrWhiteSpace(country)
            ? null
            : $"{country.Trim().ToUpperInvariant()}|{Code(type.Value)}|{normalized}";

    /// <summary>The last four characters of the normalized number: enough for an officer to match the
    /// paper in hand, too little to be a document number elsewhere.</summary>
    public static string? LastFour(string? number) =>
        NormalizeNumber(number) is { } normalized ? normalized[Math.Max(0, normalized.Length - 4)..] : null;

    public static string Code(DocumentType type) => type switch
    {
        DocumentType.Passport => "passport",
        DocumentType.NationalId => "national-id",
        DocumentType.ConsularId => "consular-id",
        DocumentType.BirthCertificate => "birth-certificate",
        _ => "none",
    };

    public static DocumentType? Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "passport" => DocumentType.Passport,
        "national-id" => DocumentType.NationalId,
        "consular-id" => DocumentType.ConsularId,
        "birth-certificate" => DocumentType.BirthCertificate,
        "none" => DocumentType.None,
        _ => null,
    };

    /// <summary>Full years between a birth date and a day.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }
}
