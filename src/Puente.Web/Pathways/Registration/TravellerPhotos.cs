using Microsoft.AspNetCore.DataProtection;
using SkiaSharp;

namespace Puente.Web.Pathways.Registration;

/// <summary>
/// Turns whatever a phone camera sends into the one thing kept: a JPEG at most <see cref="MaxSide"/>
/// pixels on its longest side, re-encoded from the decoded pixels, so no EXIF (place, time, device) or
/// other metadata survives, then encrypted with the data-protection key ring before it is stored.
/// </summary>
internal sealed class TravellerPhotos(IDataProtectionProvider protection)
{
    /// <summary>The largest upload read, per photo; a phone photo is a few megabytes.</summary>
    public const int MaxUploadBytes = 8 * 1024 * 1024;
    public const int MaxSide = 480;
    private const int Quality = 80;
    private const string Purpose = "Puente.TravellerPhotos.v1";

    /// <summary>The small copy a booth keeps offline in its day's manifest.</summary>
    public const int ThumbnailSide = 160;

    /// <summary>The stored JPEG (or a smaller one, at most <paramref name="maxSide"/> pixels), or null when the bytes are not an image.</summary>
    public static byte[]? Reencode(ReadOnlySpan<byte> upload, int maxSide = MaxSide)
    {
        if (upload.Length is 0 or > MaxUploadBytes)
        {
            return null;
        }
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return null;
        }
        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(upright.Width, upright.Height));
        var info = new SKImageInfo(Math.Max(1, (int)(upright.Width * scale)), Math.Max(1, (int)(upright.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var resized = upright.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (resized is null)
        {
            return null;
        }
        using var image = SKImage.FromBitmap(resized);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return jpeg?.ToArray();
    }

    /// <summary>A photo chosen on a form, re-encoded as <see cref="Reencode"/> does; null when it is too large or not an image.</summary>
    public static async Task<byte[]?> Reencode(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > MaxUploadBytes)
        {
            return null;
        }
        using var upload = new MemoryStream();
        await file.CopyToAsync(upload, cancellationToken);
        return Reencode(upload.ToArray());
    }

    public byte[] Protect(byte[] jpeg) => protection.CreateProtector(Purpose).Protect(jpeg);

    public byte[] Unprotect(byte[] stored) => protection.CreateProtector(Purpose).Unprotect(stored);

    /// <summary>Phones store the camera's rotation as metadata; it is applied to the pixels before the metadata goes.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
        {
            return source.Copy();
        }
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var rotated = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(rotated);
        switch (origin)
        {
            case SKEncodedOrigin.BottomRight:
                canvas.RotateDegrees(180, source.Width / 2f, source.Height / 2f);
                break;
            case SKEncodedOrigin.RightTop:
                canvas.Translate(rotated.Width, 0);
                canvas.RotateDegrees(90);
                break;
            case SKEncodedOrigin.LeftBottom:
                canvas.Translate(0, rotated.Height);
                canvas.RotateDegrees(270);
                break;
            default:
                // Mirrored origins are rare on phones; draw as stored rather than guess.
                break;
        }
        canvas.DrawBitmap(source, 0, 0);
        return rotated;
    }
}
