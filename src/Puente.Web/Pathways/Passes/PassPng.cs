using Puente.Web.Binational.Briefing;
using QRCoder;
using SkiaSharp;

namespace Puente.Web.Pathways.Passes;

/// <summary>
/// The pass as one PNG a phone keeps in its photos: the QR code drawn module by module (crisp at any zoom),
/// then the pass's text in DejaVu Sans, the font the briefing PDF uses, so every accent and Creole letter shows.
/// </summary>
internal static class PassPng
{
    private const int Width = 720;
    private const int Margin = 32;
    private const float Body = 24;
    private const float Small = 15;

    private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans"));
    private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold"));

    public static byte[] Render(PassSheet sheet)
    {
        using var generator = new QRCodeGenerator();
        using var qr = generator.CreateQrCode(sheet.Token, PassQr.Level);
        var modules = qr.ModuleMatrix.Count;
        var scale = (Width - 2 * Margin) / modules;
        var qrSide = modules * scale;

        using var title = new SKFont(Bold.Value, Body * 1.3f);
        using var body = new SKFont(Regular.Value, Body);
        using var small = new SKFont(Regular.Value, Small);
        var textWidth = Width - 2 * Margin;
        var blocks = new List<(SKFont Font, List<string> Lines)>
        {
            (title, PassSheet.Wrap(sheet.Title, s => title.MeasureText(s), textWidth)),
        };
        blocks.AddRange(sheet.Facts.Select(f => (body, PassSheet.Wrap(f, s => body.MeasureText(s), textWidth))));
        blocks.Add((body, PassSheet.Wrap(sheet.Help, s => body.MeasureText(s), textWidth)));
        blocks.Add((small, PassSheet.Wrap(sheet.TokenLabel, s => small.MeasureText(s), textWidth)));
        blocks.Add((small, PassSheet.Wrap(sheet.Token, s => small.MeasureText(s), textWidth)));
        var height = Margin + qrSide + Margin + (int)blocks.Sum(b => b.Lines.Count * b.Font.Spacing + 6) + Margin;

        using var surface = SKSurface.Create(new SKImageInfo(Width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        var left = (Width - qrSide) / 2;
        for (var row = 0; row < modules; row++)
        {
            for (var column = 0; column < modules; column++)
            {
                if (qr.ModuleMatrix[row][column])
                {
                    canvas.DrawRect(left + column * scale, Margin + row * scale, scale, scale, ink);
                }
            }
        }
        ink.IsAntialias = true;
        float y = Margin + qrSide + Margin;
        foreach (var (font, lines) in blocks)
        {
            foreach (var line in lines)
            {
                y += font.Spacing;
                canvas.DrawText(line, Margin, y - font.Metrics.Descent, SKTextAlign.Left, font, ink);
            }
            y += 6;
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static SKTypeface Load(string face)
    {
        using var data = SKData.CreateCopy(new BriefingFonts().GetFont(face));
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"{face} could not be read as a font.");
    }
}
