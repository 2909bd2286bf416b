using System.Globalization;
using Microsoft.Extensions.Localization;
using Puente.Web.Binational.Figures;
using Puente.Web.Hosting;

namespace Puente.Web.Binational.Briefing;

/// <summary>
/// The languages a briefing is written in: one of Puente's languages, or Spanish and English side by side
/// (<c>es-en</c>) for a meeting of both governments.
/// </summary>
internal static class BriefingLanguages
{
    public const string SideBySide = "es-en";

    public static readonly IReadOnlyList<string> Choices = [.. Languages.Supported, SideBySide];

    /// <summary>The languages of <paramref name="choice"/> (empty: the reader's own), or null when it is none of <see cref="Choices"/>.</summary>
    public static IReadOnlyList<string>? Read(string? choice, string current) => choice?.Trim() switch
    {
        null or "" => [Languages.Supported.Contains(current) ? current : Languages.Default],
        SideBySide => ["es", "en"],
        var one when Languages.Supported.Contains(one) => [one],
        _ => null,
    };

    public static string In(IStringLocalizer text, string language, FigureText value) => Within(language, () => value.In(text));

    // The localizer reads CurrentUICulture; it is set only for this synchronous work and restored.
    public static T Within<T>(string language, Func<T> work)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The same text in each language, joined with " / " (the order of <paramref name="languages"/>).</summary>
    public static string Each(IStringLocalizer text, IReadOnlyList<string> languages, FigureText value) =>
        string.Join(" / ", languages.Select(l => In(text, l, value)).Distinct(StringComparer.Ordinal));

    /// <summary>"Figura 3" / "Figure 3": the figure's number as the reader's language writes it.</summary>
    public static FigureText Number(FigureTable figure) =>
        FigureText.Key("Binational_FigureNumber", figure.Number.ToString(CultureInfo.InvariantCulture));

    /// <summary>The line under every figure: its source and the instant its numbers were computed.</summary>
    public static FigureText SourceLine(FigureTable figure, IStringLocalizer text, string language) =>
        FigureText.Key("Binational_SourceLine", In(text, language, figure.SourceText), AsOf(figure.AsOf));

    public static string AsOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
