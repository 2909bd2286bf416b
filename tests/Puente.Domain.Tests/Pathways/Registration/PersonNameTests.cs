using Puente.Domain.Pathways.Registration;

namespace Puente.Domain.Tests.Pathways.Registration;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("José María")]
    [InlineData("O'Neil-Pérez")]
    [InlineData("Lucsonne Célestin")]
    [InlineData("Ana\u00A0María")]
    [InlineData("Pe\u0301rez")]
    [InlineData("Jr. Smith")]
    [InlineData("Иван Петров")]
    [InlineData("Γιώργος")]
    [InlineData("山田 太郎")]
    [InlineData("やまだ 山田")]
    [InlineData("김민준")]
    [InlineData("ＪＵＡＮ")]
    public void Names_people_really_have_are_accepted(string name) =>
        Assert.Equal(NameProblem.None, PersonName.Check(name));

    [Theory]
    [InlineData("\u0408uan", NameProblem.MixedScripts)]  // Cyrillic Ј in a Latin word
    [InlineData("P\u0435rez", NameProblem.MixedScripts)]  // Cyrillic е
    [InlineData("P\u03B5rez", NameProblem.MixedScripts)]  // Greek ε
    [InlineData("Juan\u3164", NameProblem.HiddenCharacters)]  // Hangul filler, invisible
    [InlineData("Ju\u200Ban", NameProblem.HiddenCharacters)]  // zero-width space
    [InlineData("Juan\u202E", NameProblem.HiddenCharacters)]  // right-to-left override
    [InlineData("Juan\u0007", NameProblem.HiddenCharacters)]  // bell
    [InlineData("Juan\u00AD", NameProblem.HiddenCharacters)]  // soft hyphen
    [InlineData("Juan2", NameProblem.NotALetter)]
    [InlineData("Juan!", NameProblem.NotALetter)]
    [InlineData("   ", NameProblem.Empty)]
    [InlineData("'-'", NameProblem.Empty)]
    [InlineData(null, NameProblem.Empty)]
    public void Names_no_person_has_are_refused_with_the_reason(string? name, NameProblem problem) =>
        Assert.Equal(problem, PersonName.Check(name));

    [Fact]
    public void A_whole_word_of_look_alikes_folds_to_the_latin_word_it_imitates()
    {
        // Every letter Cyrillic, so no word mixes scripts, yet it reads as "Pepe" and "Hoce".
        Assert.Equal(PersonName.Fold("PEPE"), PersonName.Fold("\u0420\u0435\u0440\u0435"));
        Assert.Equal("HOCE", PersonName.Fold("\u041D\u041E\u0421\u0415"));
        Assert.Equal("ALEXA", PersonName.Fold("\u03B1lεχα"));
    }

    [Fact]
    public void Folding_keeps_what_has_no_latin_prototype()
    {
        Assert.Equal("ЖAHHA", PersonName.Fold("Жанна"));  // Ж has no Latin look-alike; а and н do
        Assert.Equal("山田", PersonName.Fold("山田"));
    }
}
