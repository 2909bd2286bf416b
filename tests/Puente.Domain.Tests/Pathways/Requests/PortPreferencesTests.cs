using Puente.Domain.Pathways.Requests;

namespace Puente.Domain.Tests.Pathways.Requests;

public sealed class PortPreferencesTests
{
    [Fact]
    public void One_to_three_distinct_ports_are_valid_preferences()
    {
        Assert.True(PortPreferences.AreValid(["2504"]));
        Assert.True(PortPreferences.AreValid(["2504", "2506"]));
        Assert.True(PortPreferences.AreValid(["2504", "2506", "2507"]));
    }

    [Fact]
    public void No_port_or_more_than_three_are_not()
    {
        Assert.False(PortPreferences.AreValid(null));
        Assert.False(PortPreferences.AreValid([]));
        Assert.False(PortPreferences.AreValid(["2504", "2506", "2507", "2601"]));
    }

    [Fact]
    public void A_port_named_twice_or_a_blank_choice_is_not_a_valid_preference()
    {
        Assert.False(PortPreferences.AreValid(["2504", "2506", "2504"]));
        Assert.False(PortPreferences.AreValid(["2504", " "]));
        Assert.False(PortPreferences.AreValid(["2504", null]));
    }

    [Fact]
    public void Repeats_are_the_later_mentions_of_a_port_named_before()
    {
        Assert.Equal([2, 3], PortPreferences.Repeats(["2504", "2506", "2504", "2504"]).Order());
        Assert.Empty(PortPreferences.Repeats(["2504", null, null]));
    }
}
