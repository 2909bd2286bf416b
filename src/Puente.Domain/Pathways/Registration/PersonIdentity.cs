using System.Globalization;

namespace Puente.Domain.Pathways.Registration;

/// <summary>
/// Who a traveller is, for the two questions Puente asks. <see cref="EntryKey"/>: may this traveller be
/// entered for a date? A person is entered at most once per date per document; without a document,
/// only the traveller record itself is unique, so a stranger or a homonym can never block anyone.
/// <see cref="NamesKey"/>: might two entries be the same person? Every word of the names (folded,
/// <see cref="PersonName.Fold"/>, in alphabetical order, so swapped given and family names match) and
/// the birth date. It never refuses anything; entries sharing it are flagged for the officer at the port.
/// </summary>
public static class PersonIdentity
{
    public static string NamesKey(string givenNames, string familyNames, DateOnly birthDate) =>
        string.Join(' ', $"{PersonName.Fold(givenNames)} {PersonName.Fold(familyNames)}"
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Order(StringComparer.Ordinal))
            + "|" + birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"D|" and the document's key, or "T|" and the traveller's id when there is no document.</summary>
    public static string EntryKey(string? documentKey, Guid travellerId) =>
        documentKey is null ? $"T|{travellerId:N}" : $"D|{documentKey}";
}
