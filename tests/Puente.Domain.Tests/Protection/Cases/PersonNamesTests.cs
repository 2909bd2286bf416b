using Puente.Domain.Protection.Cases;

namespace Puente.Domain.Tests.Protection.Cases;

public sealed class PersonNamesTests
{
    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void Initials_take_the_first_letter_of_every_word_as_written()
    {
        Assert.Equal("M.J.d.l.C.", PersonNames.Initials("María José", "de la Cruz"));
        Assert.Equal("É.P.", PersonNames.Initials(" Élodie ", "Pierre"));
    }

    [Fact]
    public void A_search_of_three_letters_or_more_matches_the_indexed_prefixes_whatever_the_accents_and_case()
    {
        var indexed = PersonNames.IndexTerms("José", "García Núñez").Select(t => PersonNames.Blind(Key, t)).ToHashSet();
        var query = PersonNames.QueryTerms("garc nuñ")!.Select(t => PersonNames.Blind(Key, t));

        Assert.All(query, term => Assert.Contains(term, indexed));
        Assert.DoesNotContain(PersonNames.Blind(Key, "ARC"), indexed);
    }

    [Fact]
    public void A_query_without_a_word_of_three_letters_is_refused()
    {
        Assert.Null(PersonNames.QueryTerms("Li"));
        Assert.Null(PersonNames.QueryTerms("  "));
        Assert.Equal(["LOP"], PersonNames.QueryTerms("lop y"));
    }

    [Fact]
    public void The_blind_index_depends_on_the_key()
    {
        var otherKey = Key.Select(b => (byte)(b + 1)).ToArray();
        Assert.NotEqual(PersonNames.Blind(Key, "GARCIA"), PersonNames.Blind(otherKey, "GARCIA"));
        Assert.Equal(32, PersonNames.Blind(Key, "GARCIA").Length);
    }
}
