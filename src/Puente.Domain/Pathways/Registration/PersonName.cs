using System.Globalization;
using System.Text;

namespace Puente.Domain.Pathways.Registration;

/// <summary>What is wrong with a written name, if anything.</summary>
public enum NameProblem
{
    None,
    Empty,
    /// <summary>Control, bidirectional, format or invisible characters (such as U+200B or U+3164).</summary>
    HiddenCharacters,
    /// <summary>Digits or symbols: names hold letters, spaces, apostrophes, hyphens and dots.</summary>
    NotALetter,
    /// <summary>One word written in two scripts, such as Latin with a Cyrillic а.</summary>
    MixedScripts,
}

/// <summary>
/// Names as people write them and as Puente compares them. A name is stored exactly as written;
/// comparisons and keys use <see cref="Fold"/>: Unicode NFKC, hidden characters removed, case and
/// accents folded, and look-alike letters replaced by their Latin prototype (<see cref="Confusables"/>),
/// so "Јuan" with a Cyrillic Ј and "JUAN" fold alike. <see cref="Check"/> refuses what no real name
/// holds, so the folding is a second line rather than the only one.
/// </summary>
public static class PersonName
{
    public static NameProblem Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return NameProblem.Empty;
        }
        var text = name.Normalize(NormalizationForm.FormKC);
        var wordScript = Script.Common;
        var letters = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var rune = Rune.GetRuneAt(text, i);
            if (rune.Utf16SequenceLength == 2)
            {
                i++;
            }
            if (IsHidden(rune))
            {
                return NameProblem.HiddenCharacters;
            }
            if (Rune.IsWhiteSpace(rune))
            {
                wordScript = Script.Common;
                continue;
            }
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || IsNamePunctuation(rune.Value))
            {
                continue;
            }
            if (!Rune.IsLetter(rune))
            {
                return NameProblem.NotALetter;
            }
            letters++;
            var script = ScriptOf(rune.Value);
            if (wordScript == Script.Common)
            {
                wordScript = script;
            }
            else if (script != Script.Common && !Compatible(wordScript, script))
            {
                return NameProblem.MixedScripts;
            }
        }
        return letters == 0 ? NameProblem.Empty : NameProblem.None;
    }

    /// <summary>Capital letters without accents or hidden characters, look-alikes replaced, words
    /// separated by one space; apostrophes and dots vanish without splitting the word.</summary>
    public static string Fold(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormKC).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        for (var i = 0; i < decomposed.Length; i++)
        {
            var rune = Rune.GetRuneAt(decomposed, i);
            if (rune.Utf16SequenceLength == 2)
            {
                i++;
            }
            if (IsHidden(rune))
            {
                continue;
            }
            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingSpace && folded.Length > 0)
                {
                    folded.Append(' ');
                }
                pendingSpace = false;
                var lower = Rune.ToLowerInvariant(rune);
                if (lower.IsBmp)
                {
                    folded.Append(char.ToUpperInvariant(Confusables.Of((char)lower.Value)));
                }
                else
                {
                    folded.Append(Rune.ToUpperInvariant(lower).ToString());
                }
            }
            else if (Rune.IsWhiteSpace(rune) || rune.Value is '-' or '\u2010' or '\u2011' or '\u2013')
            {
                pendingSpace = true;
            }
            // The accents the decomposition split off, apostrophes and other punctuation vanish
            // without splitting the word: Pérez → PEREZ, O'Neil → ONEIL.
        }
        return folded.ToString();
    }

    /// <summary>Control, format (bidi controls, zero-width joiners) and default-ignorable characters:
    /// none can be seen, so none can be part of a name a person reads.</summary>
    public static bool IsHidden(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
            or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator)
        {
            return rune.Value is not ('\t' or '\n' or '\r');
        }
        return rune.Value is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5
            or (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E)
            or (>= 0x2060 and <= 0x206F) or 0x2800 or 0x3164 or (>= 0xFE00 and <= 0xFE0F) or 0xFEFF or 0xFFA0
            or (>= 0x1BCA0 and <= 0x1BCA3) or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);
    }

    private static bool IsNamePunctuation(int c) =>
        c is '\'' or '’' or 'ʼ' or '‘' or '-' or '\u2010' or '\u2011' or '\u2013' or '.' or '·';

    private enum Script { Common, Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Han, Kana, Hangul, Other }

    /// <summary>Scripts that share words in real names: Japanese mixes Han and kana, Korean Han and Hangul.</summary>
    private static bool Compatible(Script a, Script b) =>
        a == b || (a, b) is (Script.Han, Script.Kana) or (Script.Kana, Script.Han) or (Script.Han, Script.Hangul) or (Script.Hangul, Script.Han);

    private static Script ScriptOf(int c) => c switch
    {
        < 0x0250 => Script.Latin,
        <= 0x02AF => Script.Latin,
        >= 0x0370 and <= 0x03FF => Script.Greek,
        >= 0x1F00 and <= 0x1FFF => Script.Greek,
        >= 0x0400 and <= 0x052F => Script.Cyrillic,
        >= 0x1C80 and <= 0x1C8F => Script.Cyrillic,
        >= 0x2DE0 and <= 0x2DFF => Script.Cyrillic,
        >= 0xA640 and <= 0xA69F => Script.Cyrillic,
        >= 0x0530 and <= 0x058F => Script.Armenian,
        >= 0x0590 and <= 0x05FF => Script.Hebrew,
        >= 0x0600 and <= 0x06FF => Script.Arabic,
        >= 0x0750 and <= 0x077F => Script.Arabic,
        >= 0x1D00 and <= 0x1DBF => Script.Latin,
        >= 0x1E00 and <= 0x1EFF => Script.Latin,
        >= 0x2C60 and <= 0x2C7F => Script.Latin,
        >= 0xA720 and <= 0xA7FF => Script.Latin,
        >= 0xAB30 and <= 0xAB6F => Script.Latin,
        >= 0x3040 and <= 0x30FF => Script.Kana,
        >= 0x3400 and <= 0x4DBF => Script.Han,
        >= 0x4E00 and <= 0x9FFF => Script.Han,
        >= 0x20000 and <= 0x3FFFF => Script.Han,
        >= 0x1100 and <= 0x11FF => Script.Hangul,
        >= 0xAC00 and <= 0xD7AF => Script.Hangul,
        _ => Script.Other,
    };
}
