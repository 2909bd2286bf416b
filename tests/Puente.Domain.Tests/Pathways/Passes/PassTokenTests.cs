using System.Security.Cryptography;
using System.Text;
using Puente.Domain.Pathways.Passes;

namespace Puente.Domain.Tests.Pathways.Passes;

public sealed class PassTokenTests
{
    private static readonly PassClaims Family = new(
        PassId: "p-7f3a9c",
        Ticket: "T-0042",
        Port: "2504",
        ServiceDate: new DateOnly(2026, 11, 30),
        Slot: "08:30",
        GroupSize: 3,
        Travellers: [new("MG", 1988), new("JG", 2015), new("ÁG", 2019)]);

    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private static readonly Dictionary<string, ECDsa> Published = new() { ["k1"] = Key };

    [Fact]
    public void A_signed_pass_verifies_and_gives_back_its_claims()
    {
        var token = PassToken.Sign(Family, "k1", Key);

        var result = PassToken.Verify(token, Published);

        Assert.True(result.IsValid);
        Assert.Null(result.Rejection);
        Assert.Equal("k1", result.KeyId);
        Assert.True(Family.Matches(result.Claims!));
    }

    [Fact]
    public void A_stored_token_reads_back_its_claims_and_anything_else_is_a_format_error()
    {
        Assert.True(Family.Matches(PassToken.ReadClaims(PassToken.Sign(Family, "k1", Key))));
        Assert.Throws<FormatException>(() => PassToken.ReadClaims("not.a.pass"));
        Assert.Throws<FormatException>(() => PassToken.ReadClaims("onlyone"));
    }

    [Fact]
    public void The_header_names_the_algorithm_the_key_and_the_type()
    {
        var header = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(PassToken.Sign(Family, "k1", Key).Split('.')[0]));
        Assert.Equal("""{"alg":"ES256","kid":"k1","typ":"puente-pass"}""", header);
    }

    [Fact]
    public void Every_single_character_change_in_the_payload_or_signature_is_rejected()
    {
        var token = PassToken.Sign(Family, "k1", Key);
        var payloadStart = token.IndexOf('.', StringComparison.Ordinal) + 1;
        for (var i = payloadStart; i < token.Length; i++)
        {
            if (token[i] == '.')
            {
                continue;
            }
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            var result = PassToken.Verify(changed, Published);
            Assert.False(result.IsValid, $"position {i} still verifies");
            Assert.Contains(result.Rejection, new PassRejection?[] { PassRejection.BadSignature, PassRejection.Malformed });
        }
    }

    [Fact]
    public void A_pass_signed_by_another_key_with_the_same_kid_has_a_bad_signature()
    {
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var result = PassToken.Verify(PassToken.Sign(Family, "k1", forger), Published);
        Assert.Equal(PassRejection.BadSignature, result.Rejection);
    }

    [Fact]
    public void A_pass_whose_kid_is_not_published_is_an_unknown_key()
    {
        var result = PassToken.Verify(PassToken.Sign(Family, "k9", Key), Published);
        Assert.Equal(PassRejection.UnknownKey, result.Rejection);
        Assert.Equal("k9", result.KeyId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("..")]
    [InlineData("!!!.???.***")]
    [InlineData("e30.e30.e30")]
    [InlineData("bnVsbA.bnVsbA.bnVsbA")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")]
    [InlineData("eyJhbGciOiJFUzI1NiIsImtpZCI6MX0.e30.AAAA")]
    public void Malformed_input_is_rejected_without_throwing(string? token)
    {
        var result = PassToken.Verify(token, Published);
        Assert.Equal(PassRejection.Malformed, result.Rejection);
        Assert.Null(result.Claims);
    }

    [Fact]
    public void A_header_with_another_algorithm_is_malformed()
    {
        var token = PassToken.Sign(Family, "k1", Key);
        var noneHeader = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"none","kid":"k1","typ":"puente-pass"}"""u8);
        var result = PassToken.Verify(noneHeader + token[token.IndexOf('.', StringComparison.Ordinal)..], Published);
        Assert.Equal(PassRejection.Malformed, result.Rejection);
    }

    [Fact]
    public void A_correctly_signed_payload_that_is_not_a_pass_is_malformed()
    {
        var header = System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"ES256","kid":"k1","typ":"puente-pass"}"""u8);
        var payload = System.Buffers.Text.Base64Url.EncodeToString("""{"pid":"x","t":"not a list"}"""u8);
        var signature = Key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        var result = PassToken.Verify($"{header}.{payload}.{System.Buffers.Text.Base64Url.EncodeToString(signature)}", Published);

        Assert.Equal(PassRejection.Malformed, result.Rejection);
    }

    [Fact]
    public void A_DER_encoded_signature_is_not_accepted_in_place_of_r_and_s()
    {
        var token = PassToken.Sign(Family, "k1", Key);
        var signingInput = token[..token.LastIndexOf('.')];
        var der = Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        var result = PassToken.Verify($"{signingInput}.{System.Buffers.Text.Base64Url.EncodeToString(der)}", Published);

        Assert.Equal(PassRejection.BadSignature, result.Rejection);
    }

    [Fact]
    public void A_pass_for_a_family_of_ten_stays_small_enough_for_a_readable_QR_code()
    {
        var travellers = Enumerable.Range(0, 10).Select(i => new PassTraveller("AB", 1980 + i)).ToList();
        var token = PassToken.Sign(Family with { GroupSize = 10, Travellers = travellers }, "abcdefghijklmnop", Key);
        Assert.InRange(token.Length, 1, 600);
    }
}
