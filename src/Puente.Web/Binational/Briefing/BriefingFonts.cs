using PdfSharp.Fonts;

namespace Puente.Web.Binational.Briefing;

/// <summary>
/// PDFsharp on Linux has no fonts of its own: it is given DejaVu Sans (free licence, Latin letters with every
/// accent Spanish and Haitian Creole use), found where Debian's <c>fonts-dejavu-core</c> puts it.
/// </summary>
internal sealed class BriefingFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Directories =
    [
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/local/share/fonts/dejavu",
    ];

    private static readonly Lazy<string> Directory = new(() =>
        Directories.FirstOrDefault(d => File.Exists(Path.Combine(d, "DejaVuSans.ttf")) && File.Exists(Path.Combine(d, "DejaVuSans-Bold.ttf")))
        ?? throw new InvalidOperationException($"The briefing PDF needs DejaVu Sans (Debian: apt-get install fonts-dejavu-core); looked in {string.Join(", ", Directories)}."));

    private static readonly object Gate = new();

    /// <summary>Installs the resolver once per process: PDFsharp keeps it in a global setting.</summary>
    public static bool Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not BriefingFonts)
            {
                GlobalFontSettings.FontResolver = new BriefingFonts();
            }
            return true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Directory.Value, faceName + ".ttf"));
}
