using System.Globalization;
using System.Text;

using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Requests;

namespace Puente.Domain.Pathways.Registration;

/// <summary>
/// The key that says two travellers are the same person: names folded (case, accents,
/// apostrophes, hyphens, spacing), birth date and nationality. Names are stored exactly as written;
/// only this key is folded, so "José María O'Neil-Pérez" and "JOSE MARIA ONEIL PEREZ" collide.
/// </summary>
public static class PersonIdentity
{
    public static string Key(string givenNames, string familyNames, DateOnly birthDate, string nationality) =>
        string.Join('|',
            Fold(givenNames),
            Fold(familyNames),
            birthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            nationality.Trim().ToUpperInvariant());

    /// <summary>Uppercase letters and digits only, words separated by one space, no diacritics.</summary>
    public static string Fold(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && folded.Length > 0)
                {
                    folded.Append(' ');
                }
                pendingSpace = false;
                folded.Append(char.ToUpperInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '\u2010' or '\u2011' or '\u2013')
            {
                pendingSpace = true;
            }
            // The accents the decomposition split off, apostrophes and other punctuation vanish
            // without splitting the word: Pérez → PEREZ, O'Neil → ONEIL.
        }
        return folded.ToString();
    }
}
