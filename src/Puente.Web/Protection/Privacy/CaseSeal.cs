using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Puente.Domain.Protection.Cases;

namespace Puente.Web.Protection.Privacy;

/// <summary>
/// Encrypts a case's personal fields (AES-256-GCM, the case's id as associated data so a sealed
/// value cannot be moved to another case) and computes the blind name index, with two keys derived
/// from the one data key kept outside the database.
/// </summary>
internal sealed class CaseSeal(IOptions<ProtectionOptions> options)
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Lazy<(byte[] Seal, byte[] Index)> keys = new(() => Derive(options.Value));

    public string Seal(Guid caseId, string plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var clear = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[1 + NonceSize + TagSize + clear.Length];
        sealedBytes[0] = FormatVersion;
        nonce.CopyTo(sealedBytes, 1);
        using var aes = new AesGcm(keys.Value.Seal, TagSize);
        aes.Encrypt(nonce, clear, sealedBytes.AsSpan(1 + NonceSize + TagSize), sealedBytes.AsSpan(1 + NonceSize, TagSize), caseId.ToByteArray());
        return Convert.ToBase64String(sealedBytes);
    }

    public string Open(Guid caseId, string sealedText)
    {
        var sealedBytes = Convert.FromBase64String(sealedText);
        if (sealedBytes.Length < 1 + NonceSize + TagSize || sealedBytes[0] != FormatVersion)
        {
            throw new CryptographicException("Not a sealed value of a known format.");
        }
        var clear = new byte[sealedBytes.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(keys.Value.Seal, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(1, NonceSize), sealedBytes.AsSpan(1 + NonceSize + TagSize), sealedBytes.AsSpan(1 + NonceSize, TagSize), clear, caseId.ToByteArray());
        return Encoding.UTF8.GetString(clear);
    }

    public IReadOnlyList<string> IndexTerms(string givenNames, string familyNames) =>
        [.. PersonNames.IndexTerms(givenNames, familyNames).Select(t => PersonNames.Blind(keys.Value.Index, t))];

    public IReadOnlyList<string> QueryTerms(IReadOnlyList<string> terms) =>
        [.. terms.Select(t => PersonNames.Blind(keys.Value.Index, t))];

    private static (byte[] Seal, byte[] Index) Derive(ProtectionOptions options)
    {
        var text = !string.IsNullOrWhiteSpace(options.DataKey) ? options.DataKey
            : !string.IsNullOrWhiteSpace(options.DataKeyFile) ? File.ReadAllText(options.DataKeyFile)
            : throw new InvalidOperationException("Protection cases need a data key: set Protection:DataKey or Protection:DataKeyFile (docs/operators/protection-keys.md).");
        var master = ProtectionOptions.Decode(text)
            ?? throw new InvalidOperationException("The protection data key must be 32 bytes in base64.");
        return (HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "puente/protection/seal/v1"u8.ToArray()),
                HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, info: "puente/protection/name-index/v1"u8.ToArray()));
    }
}
