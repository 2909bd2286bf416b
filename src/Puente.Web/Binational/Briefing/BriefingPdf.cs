using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Puente.Web.Binational.Figures;

namespace Puente.Web.Binational.Briefing;

/// <summary>
/// The briefing as a PDF (PDFsharp): the same headlines and numbered figures as the print page, each figure's
/// table with a label column per language, its chart where it has one, and its source and as-of line under it.
/// </summary>
internal sealed class BriefingPdf(IStringLocalizer<SharedResource> text)
{
    private const double Margin = 42;
    private const double Line = 12;
    private const double Padding = 3;

    // The resolver goes in before the first font is made: PDFsharp resolves a font when it is constructed.
    private static readonly bool FontsInstalled = BriefingFonts.Install();
    private static readonly XFont Body = new(BriefingFonts.Family, 8.5, XFontStyleEx.Regular);
    private static readonly XFont Bold = new(BriefingFonts.Family, 8.5, XFontStyleEx.Bold);
    private static readonly XFont Small = new(BriefingFonts.Family, 6.5, XFontStyleEx.Regular);
    private static readonly XFont SmallBold = new(BriefingFonts.Family, 6.5, XFontStyleEx.Bold);
    private static readonly XFont Heading = new(BriefingFonts.Family, 11, XFontStyleEx.Bold);
    private static readonly XFont Title = new(BriefingFonts.Family, 15, XFontStyleEx.Bold);

    public byte[] Render(PeriodFigures figures, IReadOnlyList<string> languages)
    {
        using var document = new PdfDocument();
        document.Info.Title = Each(languages, FigureText.Key("Briefing_Title"));
        document.Info.Author = "Puente";
        document.Language = languages[0];
        var writer = new Writer(document);

        writer.Wrapped(Each(languages, FigureText.Key("Briefing_Title")), Title, 20);
        writer.Wrapped(Each(languages, FigureText.Key("Briefing_Period", FigureTables.Date(figures.From), FigureTables.Date(figures.To), figures.Port ?? "—")), Body, Line);
        writer.Wrapped(Each(languages, FigureText.Key("Briefing_AsOf", BriefingLanguages.AsOf(figures.AsOf))), Body, Line);
        writer.Gap(8);
        writer.Wrapped(Each(languages, FigureText.Key("Briefing_Headlines")), Heading, 15);
        writer.Table(
            [.. languages.Select(_ => ""), ""],
            [.. FigureTables.Headlines(figures).Select(h => (IReadOnlyList<string>)[.. languages.Select(l => BriefingLanguages.In(text, l, h.Label)), Each(languages, h.Value)])],
            languages.Count);

        foreach (var figure in FigureTables.All(figures))
        {
            writer.Gap(10);
            writer.KeepTogether(60);
            writer.Wrapped(string.Join(" / ", languages.Select(l =>
                $"{BriefingLanguages.In(text, l, BriefingLanguages.Number(figure))}. {BriefingLanguages.In(text, l, figure.Title)}")), Heading, 15);
            if (FigureCharts.Charted.Contains(figure.Id) && Chart(figure.Id, figures, languages[0]) is { } png)
            {
                writer.Image(png);
            }
            if (figure.Rows.Count == 0)
            {
                writer.Wrapped(Each(languages, figure.Empty ?? FigureText.Key("Binational_NoData")), Body, Line);
            }
            else
            {
                writer.Table(
                    [.. languages.Select(_ => ""), .. figure.Columns.Select(c => Each(languages, c))],
                    [.. figure.Rows.Select(r => (IReadOnlyList<string>)[.. languages.Select(l => BriefingLanguages.In(text, l, r.Label)), .. r.Values.Select(v => Each(languages, v))])],
                    languages.Count);
            }
            foreach (var language in languages)
            {
                if (figure.Note is { } note)
                {
                    writer.Wrapped(BriefingLanguages.In(text, language, note), Body, Line);
                }
                writer.Wrapped(BriefingLanguages.In(text, language, BriefingLanguages.SourceLine(figure, text, language)), Body, Line);
            }
        }
        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private string Each(IReadOnlyList<string> languages, FigureText value) => BriefingLanguages.Each(text, languages, value);

    private byte[]? Chart(string id, PeriodFigures figures, string language) =>
        BriefingLanguages.Within(language, () => FigureCharts.Png(id, figures, text));

    /// <summary>Writes down the pages, starting a new one when the next block would not fit.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private PdfPage? page;
        private XGraphics? graphics;
        private double y;

        private double Width => page!.Width.Point - (2 * Margin);

        private double Bottom => page!.Height.Point - Margin;

        private XGraphics Graphics
        {
            get
            {
                if (graphics is null)
                {
                    NewPage();
                }
                return graphics!;
            }
        }

        public void Gap(double points) => y += points;

        /// <summary>Starts a new page unless <paramref name="points"/> still fit on this one.</summary>
        public void KeepTogether(double points)
        {
            _ = Graphics;
            if (y + points > Bottom)
            {
                NewPage();
            }
        }

        public void Wrapped(string value, XFont font, double height)
        {
            foreach (var line in Wrap(Graphics, value, font, Width))
            {
                KeepTogether(height);
                graphics!.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, Width, height), XStringFormats.TopLeft);
                y += height;
            }
        }

        public void Image(byte[] png)
        {
            using var stream = new MemoryStream(png);
            using var image = XImage.FromStream(stream);
            var height = Width * FigureCharts.Height / FigureCharts.Width;
            KeepTogether(height);
            graphics!.DrawImage(image, Margin, y, Width, height);
            y += height + 4;
        }

        /// <summary>A table whose first <paramref name="labels"/> columns are labels (one per language) and the rest numbers, right-aligned.</summary>
        public void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, int labels)
        {
            var values = header.Count - labels;
            // A wide table (the closures: dates and values side by side) gets a smaller type and narrower labels.
            var wide = values > 4;
            var labelWidth = values == 0 ? Width / labels : Width * (wide ? 0.26 : values > 3 ? 0.4 : 0.55) / labels;
            var valueWidth = values == 0 ? 0 : (Width - (labelWidth * labels)) / values;
            double X(int column) => Margin + (column < labels ? column * labelWidth : (labels * labelWidth) + ((column - labels) * valueWidth));
            double W(int column) => column < labels ? labelWidth : valueWidth;
            if (header.Any(h => h.Length > 0))
            {
                Row(header, wide ? SmallBold : Bold, X, W, labels);
            }
            foreach (var row in rows)
            {
                Row(row, wide ? Small : Body, X, W, labels);
            }
        }

        private void Row(IReadOnlyList<string> cells, XFont font, Func<int, double> x, Func<int, double> width, int labels)
        {
            var lines = cells.Select((c, i) => Wrap(Graphics, c, font, width(i) - (2 * Padding))).ToList();
            var height = (lines.Max(l => l.Count) * Line) + (2 * Padding);
            KeepTogether(height);
            for (var i = 0; i < cells.Count; i++)
            {
                var format = i < labels ? XStringFormats.TopLeft : XStringFormats.TopRight;
                for (var l = 0; l < lines[i].Count; l++)
                {
                    graphics!.DrawString(lines[i][l], font, XBrushes.Black,
                        new XRect(x(i) + Padding, y + Padding + (l * Line), width(i) - (2 * Padding), Line), format);
                }
            }
            graphics!.DrawLine(XPens.LightGray, Margin, y + height, Margin + Width, y + height);
            y += height;
        }

        public void Finish() => graphics?.Dispose();

        private void NewPage()
        {
            graphics?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            y = Margin;
            graphics.DrawString((document.PageCount).ToString(System.Globalization.CultureInfo.InvariantCulture), Body, XBrushes.Gray,
                new XRect(Margin, page.Height.Point - Margin + 12, Width, Line), XStringFormats.TopRight);
        }

        private static List<string> Wrap(XGraphics graphics, string value, XFont font, double width)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in value.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && graphics.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(current);
                    current = word;
                }
                else
                {
                    current = candidate;
                }
            }
            lines.Add(current);
            return lines;
        }
    }
}
