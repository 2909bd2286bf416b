using QRCoder;

namespace Puente.Web.Features.Passes;

/// <summary>A pass token as a QR code, in SVG so it prints sharp at any size.</summary>
public static class PassQr
{
    public static string Svg(string token)
    {
        using var generator = new QRCodeGenerator();
        // Level M survives a creased or smudged printout without making the code much denser.
        using var data = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
    }

    /// <summary>For <c>&lt;img src&gt;</c>: the CSP allows data: images, not inline SVG styles.</summary>
    public static string DataUri(string svg) =>
        "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
}
