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
        Assert.Equal(PersonName.Fold(written), PersonName.Fold(alsoWritten));
        Assert.Equal(
            PersonIdentity.NamesKey(written, "Pérez", Born),
            PersonIdentity.NamesKey(alsoWritten, "PEREZ", Born));
    }

    [Theory]
    [MemberData(nameof(DifferentName))]
    public void Different_names_stay_different(string one, string other)
    {
        Assert.NotEqual(PersonName.Fold(one), PersonName.Fold(other));
        Assert.NotEqual(PersonIdentity.NamesKey(one, "Pérez", Born), PersonIdentity.NamesKey(other, "Pérez", Born));
    }

    [Theory]
    [InlineData("José María O'Neil-Pérez", "JOSE MARIA ONEIL PEREZ")]
    [InlineData("Désir", "DESIR")]
    [InlineData("  nuñez  ", "NUNEZ")]
    [InlineData("Jean--Baptiste", "JEAN BAPTISTE")]
    [InlineData("'-'", "")]
    public void A_folded_name_is_capital_letters_without_accents_and_single_spaces(string written, string folded) =>
        Assert.Equal(folded, PersonName.Fold(written));

    [Fact]
    public void The_names_key_holds_every_word_of_both_names_in_order_and_the_birth_date()
    {
        Assert.Equal("JOSE MARIA ONEIL PEREZ|1990-04-12", PersonIdentity.NamesKey("José María", "O'Neil-Pérez", Born));
    }

    [Fact]
    public void Swapped_given_and_family_names_share_a_names_key_but_another_birth_date_does_not()
    {
        var person = PersonIdentity.NamesKey("Désir", "Jean-Louis", Born);

        Assert.Equal(person, PersonIdentity.NamesKey("JEAN LOUIS", "DESIR", Born));
        Assert.NotEqual(person, PersonIdentity.NamesKey("Désir", "Jean-Louis", Born.AddDays(1)));
        Assert.NotEqual(person, PersonIdentity.NamesKey("Désir", "Jean-Louis", Born.AddYears(-1)));
    }

    [Fact]
    public void Look_alike_letters_and_hidden_fillers_do_not_make_another_names_key()
    {
        var person = PersonIdentity.NamesKey("Juan", "Pérez", Born);

        Assert.Equal(person, PersonIdentity.NamesKey("\u0408uan", "P\u0435rez", Born));  // Cyrillic Ј and е
        Assert.Equal(person, PersonIdentity.NamesKey("Juan", "P\u03B5rez", Born));  // Greek ε
        Assert.Equal(person, PersonIdentity.NamesKey("Juan\u3164", "Pérez", Born));  // Hangul filler
        Assert.Equal(person, PersonIdentity.NamesKey("Ju\u200Ban", "Pé\u202Erez", Born));  // zero width, bidi override
        Assert.Equal(person, PersonIdentity.NamesKey("ＪＵＡＮ", "PÉREZ", Born));  // full width
    }

    [Fact]
    public void An_entry_key_is_the_document_when_there_is_one_else_the_traveller_alone()
    {
        var traveller = Guid.Parse("0b6f1c1e-8a59-4a4e-9a7e-5d2c2b1f0a11");

        Assert.Equal("D|MEX|passport|G1234567", PersonIdentity.EntryKey("MEX|passport|G1234567", traveller));
        Assert.Equal("T|0b6f1c1e8a594a4e9a7e5d2c2b1f0a11", PersonIdentity.EntryKey(null, traveller));
    }
}
