using Puente.Domain.Pathways.Registration;

namespace Puente.Domain.Tests.Pathways.Registration;

public sealed class TravelDocumentTests
{
    [Theory]
    [InlineData("g 123-456 7", "G1234567")]
    [InlineData("G1234567", "G1234567")]
    [InlineData("ｇ１２３４５６７", "G1234567")]  // full width
    [InlineData("\u0421123", "C123")]  // Cyrillic С
    [InlineData("AB.12/34", "AB1234")]
    public void The_same_number_written_differently_normalizes_alike(string written, string normalized) =>
        Assert.Equal(normalized, TravelDocument.NormalizeNumber(written));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("G12#34")]
    [InlineData("Ж123")]
    [InlineData("1234567890123456789012345678901")]
    public void A_number_that_is_not_letters_and_digits_is_refused(string written) =>
        Assert.Null(TravelDocument.NormalizeNumber(written));

    [Fact]
    public void The_key_names_country_type_and_number_and_is_absent_without_a_document()
    {
        Assert.Equal("MEX|passport|G1234567", TravelDocument.Key(DocumentType.Passport, " mex", "g123 4567"));
        Assert.NotEqual(TravelDocument.Key(DocumentType.Passport, "MEX", "G1"), TravelDocument.Key(DocumentType.NationalId, "MEX", "G1"));
        Assert.NotEqual(TravelDocument.Key(DocumentType.Passport, "MEX", "G1"), TravelDocument.Key(DocumentType.Passport, "GTM", "G1"));
        Assert.Null(TravelDocument.Key(DocumentType.None, "MEX", "G1"));
        Assert.Null(TravelDocument.Key(null, null, null));
    }

    [Theory]
    [InlineData(null, null, null, null, 30, DocumentProblem.Required)]
    [InlineData(null, null, null, null, 17, DocumentProblem.None)]
    [InlineData("none", null, null, null, 30, DocumentProblem.ReasonRequired)]
    [InlineData("none", null, null, "Lost in the river crossing", 30, DocumentProblem.None)]
    [InlineData("passport", null, "G1", null, 30, DocumentProblem.CountryRequired)]
    [InlineData("passport", "MEX", " ", null, 30, DocumentProblem.NumberRequired)]
    [InlineData("passport", "MEX", "G#1", null, 30, DocumentProblem.NumberInvalid)]
    [InlineData("birth-certificate", "HTI", "123", null, 8, DocumentProblem.None)]
    public void An_adult_gives_a_document_or_a_reason_and_a_minor_may_give_none(
        string? type, string? country, string? number, string? reason, int age, DocumentProblem problem) =>
        Assert.Equal(problem, TravelDocument.Check(TravelDocument.Parse(type), country, number, reason, age));

    [Fact]
    public void An_officer_sees_only_the_last_four_characters()
    {
        Assert.Equal("4567", TravelDocument.LastFour("g123-4567"));
        Assert.Equal("AB", TravelDocument.LastFour("ab"));
    }

    [Theory]
    [InlineData("2008-11-29", "2026-11-29", 18)]
    [InlineData("2008-11-30", "2026-11-29", 17)]
    [InlineData("2008-03-01", "2026-02-28", 17)]
    public void Age_counts_full_years(string born, string on, int age) =>
        Assert.Equal(age, TravelDocument.AgeOn(DateOnly.Parse(born), DateOnly.Parse(on)));

    [Fact]
    public void Every_type_round_trips_through_its_code()
    {
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            Assert.Equal(type, TravelDocument.Parse(TravelDocument.Code(type)));
        }
        Assert.Null(TravelDocument.Parse("visa"));
    }
}
