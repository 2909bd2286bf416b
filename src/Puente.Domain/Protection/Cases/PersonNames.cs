using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Puente.Domain.Pathways.Registration;

namespace Puente.Domain.Protection.Cases;

/// <summary>
/// What may be known of a person's name without decrypting it: initials for lists, and a blind
/// index (keyed hashes of folded name prefixes) so a search finds "GARC" in "García" while the
/// stored names stay encrypted and the index says nothing without the key.
/// </summary>
public static class PersonNames
{
    public const int MinimumSearchLength = 3;

    /// <summary>"María José" "de la Cruz" → "M.J.d.l.C.": the first letter of each word, as written.</summary>
    public static string Initials(string givenNames, string familyNames)
    {
        var initials = new StringBuilder();
        foreach (var word in $"{givenNames} {familyNames}".Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var first = StringInfo.GetNextTextElementLength(word) is var length && length > 0 ? word[..length] : word;
            initials.Append(first).Append('.');
        }
        return initials.ToString();
    }

    /// <summary>Folded words of at least three letters, each with every prefix from three letters on.</summary>
    public static IReadOnlySet<string> IndexTerms(string givenNames, string familyNames)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Words($"{givenNames} {familyNames}"))
        {
            for (var length = MinimumSearchLength; length <= word.Length; length++)
            {
                terms.Add(word[..length]);
            }
        }
        return terms;
    }

    /// <summary>The words a search asks for; null when none has three letters.</summary>
    public static IReadOnlyList<string>? QueryTerms(string query)
    {
        var words = Words(query).Where(w => w.Length >= MinimumSearchLength).Distinct(StringComparer.Ordinal).ToList();
        return words.Count == 0 ? null : words;
    }

    /// <summary>The blind index entry of one term under the deployment's index key.</summary>
    public static string Blind(byte[] key, string term) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(term)).AsSpan(0, 16));

    private static string[] Words(string text) =>
        PersonName.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
