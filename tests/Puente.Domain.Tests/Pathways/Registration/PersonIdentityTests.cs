using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;

namespace Puente.Domain.Tests.Pathways.Registration;

public sealed class PersonIdentityTests
{
    private static readonly DateOnly Born = new(1990, 4, 12);

    /// <summary>The same name as a person, a clerk or a phone keyboard may write it.</summary>
    public static TheoryData<string, string> SameName => new()
    {
        { "José María O'Neil-Pérez", "JOSE  MARIA ONEIL PEREZ" },
        { "José María", "jose maria" },
        { "Désir", "DESIR" },
        { "Lucsonne Célestin", "LUCSONNE CELESTIN" },
        { "Jean-Baptiste", "JEAN BAPTISTE" },
        { "Nuñez", "NUNEZ" },
        { "Nuñez", "nunez" },
        { "Françoise Lefèvre", "FRANCOISE LEFEVRE" },
        { "Pérez", "Pe\u0301rez" },
        { "O'Neil", "ONeil" },
        { "O’Neil", "ONEIL" },
        { "García\u2013López", "GARCIA LOPEZ" },
        { "García\u2010López", "GARCIA LOPEZ" },
        { "García\u2011López", "garcia lopez" },
        { "  Ana \t María  ", "ANA MARIA" },
        { "Ana\u00A0María", "ana maria" },
        { "Ana - María", "ANA MARIA" },
        { "Ｄésir", "DESIR" },
    };

    /// <summary>Names that belong to different people, however they are written.</summary>
    public static TheoryData<string, string> DifferentName => new()
    {
        { "María", "Mario" },
        { "Pérez", "Peres" },
        { "Nuñez", "Nunes" },
        { "Désir", "Désiré" },
        { "Ana María", "Anamaría" },
        { "De la Cruz", "Delacruz" },
        { "Jean-Baptiste", "Jeanbaptiste" },
        { "Pierre Louis", "Pierrelouis" },
    };

    [Theory]
    [MemberData(nameof(SameName))]
    public void Names_written_differently_fold_to_the_same_key(string written, string alsoWritten)
    {
        Assert.Equal(PersonIdentity.Fold(written), PersonIdentity.Fold(alsoWritten));
        Assert.Equal(
            PersonIdentity.Key(written, "Pérez", Born, "MEX"),
            PersonIdentity.Key(alsoWritten, "PEREZ", Born, "MEX"));
    }

    [Theory]
    [MemberData(nameof(DifferentName))]
    public void Different_names_stay_different(string one, string other)
    {
        Assert.NotEqual(PersonIdentity.Fold(one), PersonIdentity.Fold(other));
        Assert.NotEqual(PersonIdentity.Key(one, "Pérez", Born, "MEX"), PersonIdentity.Key(other, "Pérez", Born, "MEX"));
    }

    [Theory]
    [InlineData("José María O'Neil-Pérez", "JOSE MARIA ONEIL PEREZ")]
    [InlineData("Désir", "DESIR")]
    [InlineData("  nuñez  ", "NUNEZ")]
    [InlineData("Jean--Baptiste", "JEAN BAPTISTE")]
    [InlineData("'-'", "")]
    public void A_folded_name_is_capital_letters_without_accents_and_single_spaces(string written, string folded) =>
        Assert.Equal(folded, PersonIdentity.Fold(written));

    [Fact]
    public void The_key_holds_both_names_the_birth_date_and_the_nationality()
    {
        Assert.Equal("JOSE MARIA|ONEIL PEREZ|1990-04-12|MEX", PersonIdentity.Key("José María", "O'Neil-Pérez", Born, " mex "));
    }

    [Fact]
    public void The_same_names_born_another_day_or_of_another_nationality_are_another_person()
    {
        var person = PersonIdentity.Key("Désir", "Jean-Louis", Born, "HTI");

        Assert.Equal(person, PersonIdentity.Key("DESIR", "JEAN LOUIS", Born, "hti"));
        Assert.NotEqual(person, PersonIdentity.Key("Désir", "Jean-Louis", Born.AddDays(1), "HTI"));
        Assert.NotEqual(person, PersonIdentity.Key("Désir", "Jean-Louis", Born.AddYears(-1), "HTI"));
        Assert.NotEqual(person, PersonIdentity.Key("Désir", "Jean-Louis", Born, "DOM"));
    }

    [Fact]
    public void Where_given_names_end_and_family_names_begin_matters()
    {
        Assert.NotEqual(
            PersonIdentity.Key("Ana María", "López", Born, "MEX"),
            PersonIdentity.Key("Ana", "María López", Born, "MEX"));
    }
}
