using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Puente.Web.Binational.Briefing;
using QRCoder;

namespace Puente.Web.Pathways.Passes;

/// <summary>The pass on one A4 page (PDFsharp, as the briefing): the QR code large enough to scan from paper, then its text.</summary>
internal static class PassPdf
{
    private const double Margin = 48;
    private const double QrSide = 260;

    // The resolver goes in before the first font is made: PDFsharp resolves a font when it is constructed.
    private static readonly bool FontsInstalled = BriefingFonts.Install();
    private static readonly XFont Title = new(BriefingFonts.Family, 18, XFontStyleEx.Bold);
    private static readonly XFont Body = new(BriefingFonts.Family, 12, XFontStyleEx.Regular);
    private static readonly XFont Small = new(BriefingFonts.Family, 7.5, XFontStyleEx.Regular);

    public static byte[] Render(PassSheet sheet)
    {
        using var document = new PdfDocument();
        document.Info.Title = sheet.Title;
        document.Info.Author = "Puente";
        document.Language = sheet.Language;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(595);
        page.Height = XUnit.FromPoint(842);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            var width = page.Width.Point - 2 * Margin;
            var y = Margin;
            y = Write(graphics, sheet.Title, Title, y, width);
            // Drawn as vector squares, module by module: sharp at any printer's resolution, no image to decode.
            using (var generator = new QRCodeGenerator())
            using (var qr = generator.CreateQrCode(sheet.Token, PassQr.Level))
            {
                var modules = qr.ModuleMatrix.Count;
                var module = QrSide / modules;
                var left = (page.Width.Point - QrSide) / 2;
                for (var row = 0; row < modules; row++)
                {
                    for (var column = 0; column < modules; column++)
                    {
                        if (qr.ModuleMatrix[row][column])
                        {
                            graphics.DrawRectangle(XBrushes.Black, left + column * module, y + 8 + row * module, module, module);
                        }
                    }
                }
            }
            y += QrSide + 24;
            foreach (var fact in sheet.Facts)
            {
                y = Write(graphics, fact, Body, y, width);
            }
            y = Write(graphics, sheet.Help, Body, y + 8, width);
            y = Write(graphics, sheet.TokenLabel, Small, y + 8, width);
            Write(graphics, sheet.Token, Small, y, width);
        }
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    private static double Write(XGraphics graphics, string text, XFont font, double y, double width)
    {
        var height = font.GetHeight();
        foreach (var line in PassSheet.Wrap(text, s => graphics.MeasureString(s, font).Width, width))
        {
            graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, width, height), XStringFormats.TopLeft);
            y += height;
        }
        return y + 2;
    }
}
