using QRCoder;

namespace Puente.Web.Pathways.Passes;

/// <summary>A pass token as a QR code.</summary>
internal static class PassQr
{
    // Level M survives a creased or smudged printout without making the code much denser.
    public const QRCodeGenerator.ECCLevel Level = QRCodeGenerator.ECCLevel.M;

    /// <summary>SVG for API clients that print the pass themselves: sharp at any size.</summary>
    public static string Svg(string token)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(token, Level);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>
    /// For <c>&lt;img src&gt;</c> on the appointments page: a black-and-white PNG at 4 pixels per module is
    /// about a tenth of the SVG (one rect per module), and <c>image-rendering: pixelated</c> keeps it sharp
    /// when scaled. A data: URI because the CSP allows data: images and the pass must work offline.
    /// </summary>
    public static string PngDataUri(string token) => "data:image/png;base64," + Convert.ToBase64String(Png(token, pixelsPerModule: 4));

    /// <summary>A black-and-white PNG of the code.</summary>
    public static byte[] Png(string token, int pixelsPerModule)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(token, Level);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }
}
