using System.ComponentModel.DataAnnotations;

namespace Puente.Web.Protection;

/// <summary>
/// Bound from <c>Protection</c>. The data key encrypts personal fields and keys the name index; it
/// lives outside the database (configuration, an environment variable or a file), so a copy of the
/// database alone reveals no names (docs/operators/protection-keys.md).
/// </summary>
internal sealed class ProtectionOptions : IValidatableObject
{
    public const string Section = "Protection";

    /// <summary>32 random bytes in base64.</summary>
    public string? DataKey { get; set; }

    /// <summary>A file holding the key in base64, read at start (e.g. a mounted secret).</summary>
    public string? DataKeyFile { get; set; }

    [Range(1, 24 * 7)]
    public int CriticalFirstContactHours { get; set; } = 4;

    [Range(1, 24 * 14)]
    public int HighFirstContactHours { get; set; } = 24;

    [Range(1, 24 * 30)]
    public int NormalFirstContactHours { get; set; } = 72;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(DataKey) && !string.IsNullOrWhiteSpace(DataKeyFile))
        {
            yield return new ValidationResult("Give Protection:DataKey or Protection:DataKeyFile, not both.");
        }
        if (!string.IsNullOrWhiteSpace(DataKey) && Decode(DataKey) is null)
        {
            yield return new ValidationResult("Protection:DataKey must be 32 bytes in base64 (e.g. `openssl rand -base64 32`).");
        }
    }

    internal static byte[]? Decode(string text)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(text.Trim(), buffer, out var written) && written == 32 ? buffer[..32] : null;
    }
}
