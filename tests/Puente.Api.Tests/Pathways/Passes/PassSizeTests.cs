using System.Security.Cryptography;
using Puente.Domain.Pathways.Passes;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Passes;
using QRCoder;

namespace Puente.Api.Tests.Pathways.Passes;

/// <summary>Whatever names a group registers, its pass is a QR code a phone can read.</summary>
public sealed class PassSizeTests
{
    /// <summary>A first letter carrying forty combining marks, then a letter outside the Basic Multilingual Plane.</summary>
    private static readonly string Stacked = "Z" + string.Concat(Enumerable.Repeat("\u0334\u0321\u0322\u031B", 10)) + "algo";
    private const string Supplementary = "\U0001D4D0lpha";

    [Theory]
    [InlineData("María José", "García López", "MG")]
    [InlineData("ándres", "ñúñez", "ÁÑ")]
    [InlineData("A\u0301ngel", "Ortiz", "ÁO")]
    public void Initials_are_one_composed_letter_for_the_given_and_one_for_the_family_names(string given, string family, string initials) =>
        Assert.Equal(initials, IssuePasses.Initials(given, family));

    [Fact]
    public void A_stack_of_combining_marks_gives_one_letter()
    {
        Assert.Equal("Z\U0001D4D0", IssuePasses.Initials(Stacked, Supplementary));
    }

    [Fact]
    public void The_largest_group_with_the_worst_names_fits_a_qr_code_of_version_20_at_level_M()
    {
        var travellers = Enumerable.Range(0, new PathwaysOptions().MaxGroupSize + 1)
            .Select(_ => new PassTraveller(IssuePasses.Initials(Stacked, Supplementary), 2026)).ToList();
        var claims = new PassClaims(new string('p', 16), new string('T', 40), "2504", new DateOnly(2026, 12, 1), "23:30", travellers.Count, travellers);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = PassToken.Sign(claims, "k-2026-11-29-abcdef", key);

        using var generator = new QRCodeGenerator();
        using var code = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);

        // Version 20 is 97 modules a side: at 4 pixels a module a 388-pixel image, inside a 390-pixel screen.
        Assert.InRange(code.Version, 1, 20);
        Assert.StartsWith("data:image/png;base64,", PassQr.PngDataUri(token), StringComparison.Ordinal);
    }
}
