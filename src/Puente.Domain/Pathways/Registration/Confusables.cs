using System.Collections.Frozen;

namespace Puente.Domain.Pathways.Registration;

/// <summary>
/// The confusable skeleton of Unicode Technical Standard #39 (section 4), for the letters that pass
/// for Latin in names: Cyrillic and Greek look-alikes, Latin letters that look like other Latin
/// letters, and the few IPA and small-capital forms phone keyboards offer. The pairs are facts from
/// the Unicode consortium's confusables.txt (prototype on the right), limited to targets in a–z,
/// because a folded name is compared in capitals without accents: anything mapped elsewhere could not
/// collide with a Latin name anyway. One pair is stricter than the standard: Greek ε, which it maps to
/// Latin ɛ, maps to e here, since the two read alike in a name. Applied to lower-case text without
/// accents, so a capital look-alike (Cyrillic Н, Р) is caught through its small letter.
/// </summary>
public static class Confusables
{
    private static readonly FrozenDictionary<char, char> Skeleton = new Dictionary<char, char>
    {
        // Cyrillic
        ['а'] = 'a', ['в'] = 'b', ['с'] = 'c', ['ԁ'] = 'd', ['е'] = 'e', ['һ'] = 'h', ['і'] = 'i',
        ['ј'] = 'j', ['к'] = 'k', ['ӏ'] = 'l', ['м'] = 'm', ['н'] = 'h', ['о'] = 'o', ['р'] = 'p',
        ['ԛ'] = 'q', ['г'] = 'r', ['ѕ'] = 's', ['т'] = 't', ['ѵ'] = 'v', ['ԝ'] = 'w', ['х'] = 'x',
        ['у'] = 'y', ['ү'] = 'y', ['ь'] = 'b', ['ԍ'] = 'g', ['ѡ'] = 'w', ['п'] = 'n',
        // Greek
        ['α'] = 'a', ['γ'] = 'y', ['ε'] = 'e', ['η'] = 'n', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v',
        ['ο'] = 'o', ['ρ'] = 'p', ['σ'] = 'o', ['τ'] = 't', ['υ'] = 'u', ['χ'] = 'x', ['ω'] = 'w',
        ['ϲ'] = 'c', ['ϳ'] = 'j',
        // Latin letters that pass for other Latin letters: dotless i and j, IPA and small capitals
        ['ı'] = 'i', ['ȷ'] = 'j', ['ɑ'] = 'a', ['ɡ'] = 'g', ['ɩ'] = 'i', ['ɪ'] = 'i', ['ʏ'] = 'y',
        ['ʀ'] = 'r', ['ɴ'] = 'n', ['ʟ'] = 'l', ['ᴀ'] = 'a', ['ᴄ'] = 'c', ['ᴅ'] = 'd', ['ᴇ'] = 'e',
        ['ᴋ'] = 'k', ['ᴍ'] = 'm', ['ᴏ'] = 'o', ['ᴘ'] = 'p', ['ᴛ'] = 't', ['ᴜ'] = 'u', ['ᴠ'] = 'v',
        ['ᴡ'] = 'w', ['ᴢ'] = 'z', ['ƅ'] = 'b', ['ſ'] = 'f', ['ɣ'] = 'y', ['ʋ'] = 'u',
    }.ToFrozenDictionary();

    /// <summary>The look-alike's Latin prototype, or the character itself.</summary>
    public static char Of(char c) => Skeleton.GetValueOrDefault(c, c);
}
