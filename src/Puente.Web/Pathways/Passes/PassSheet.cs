using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Puente.Web.Pathways.Passes;

/// <summary>
/// What a downloaded pass says besides its QR code, in the person's language: the same facts as the pass
/// page, and the token itself, so a code that will not scan can still be read out or typed at the port.
/// </summary>
internal sealed record PassSheet(string Title, IReadOnlyList<string> Facts, string Help, string TokenLabel, string Token, string Language)
{
    public static PassSheet For(GetPass.Pass pass, IStringLocalizer text) => new(
        text["PassFile_Title"],
        [
            $"{text["Appointments_Port"]}: {pass.PortName} ({pass.Port})",
            $"{text["Appointments_Date"]}: {pass.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            $"{text["Appointments_Slot"]}: {pass.Slot}",
            $"{text["Appointments_GroupSize"]}: {pass.GroupSize.ToString(CultureInfo.InvariantCulture)}",
            $"{text["Pass_Travellers"]}: {string.Join("; ", pass.Travellers.Select(t => text["Pass_Traveller", t.Initials, t.BirthYear.ToString(CultureInfo.InvariantCulture)].Value))}",
        ],
        text["Appointments_PassHelp"],
        text["Appointments_PassText"],
        pass.Token,
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>The file's name: the date and port, so a phone's downloads folder tells passes apart.</summary>
    public static string FileName(GetPass.Pass pass, string extension) =>
        $"puente-pass-{pass.ServiceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{pass.Port}.{extension}";

    /// <summary>Breaks text into lines no wider than <paramref name="width"/>: at spaces, and inside a word (the token) only when it alone is too wide.</summary>
    public static List<string> Wrap(string text, Func<string, double> measure, double width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (measure(candidate) <= width)
            {
                line = candidate;
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add(line);
            }
            line = word;
            while (measure(line) > width && line.Length > 1)
            {
                var fits = 1;
                while (fits < line.Length && measure(line[..(fits + 1)]) <= width)
                {
                    fits++;
                }
                lines.Add(line[..fits]);
                line = line[fits..];
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }
}
