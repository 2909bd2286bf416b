using Puente.Domain.Protection.Jurisdiction;

namespace Puente.Domain.Tests.Protection.Jurisdiction;

/// <summary>The consulates.json that Puente.Web embeds, and the June 2022 redistricting it records.</summary>
public sealed class ShippedNetworkTests
{
    private static readonly DateOnly BeforeJune2022 = new(2022, 5, 31);
    private static readonly DateOnly June2022 = new(2022, 6, 1);

    internal static readonly Lazy<ConsularNetwork> Shipped = new(() =>
    {
        var (network, problems) = ConsularNetworkJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ReferenceData", "consulates.json")));
        Assert.True(network is not null, string.Join(Environment.NewLine, problems));
        return network;
    });

    private static Assigned Lookup(string fips, DateOnly date) => Assert.IsType<Assigned>(Districts.Resolve(Shipped.Value, fips, date));

    [Fact]
    public void The_shipped_network_parses_validates_and_says_where_it_comes_from_and_when_to_recheck()
    {
        Assert.Empty(ConsularNetworkJson.Validate(Shipped.Value));
        Assert.Contains("SRE", Shipped.Value.Source, StringComparison.Ordinal);
        Assert.True(Shipped.Value.RecheckBy > new DateOnly(2026, 11, 29));
        Assert.Equal(53, Shipped.Value.Consulates.Count);
        Assert.All(Shipped.Value.Consulates, c => Assert.NotNull(TimeZoneInfo.FindSystemTimeZoneById(c.TimeZone)));
    }

    [Theory]
    [InlineData("09001")] // Fairfield, CT
    [InlineData("09003")] // Hartford, CT
    [InlineData("09015")] // Windham, CT
    public void Connecticut_is_New_Yorks_until_May_2022_and_Bostons_from_June_2022(string fips)
    {
        var before = Lookup(fips, BeforeJune2022);
        var after = Lookup(fips, June2022);

        Assert.Equal("new-york", before.Consulate.Code);
        Assert.Equal("boston", after.Consulate.Code);
        Assert.Equal(June2022, after.Since);
        Assert.Equal(Shipped.Value.CoverageFrom, before.Since);
    }

    [Theory]
    [InlineData("48375", "Potter")]
    [InlineData("48303", "Lubbock")]
    [InlineData("48111", "Dallam")]
    [InlineData("48075", "Childress")]
    public void North_Texas_counties_move_from_Dallas_to_Albuquerque_on_1_June_2022(string fips, string name)
    {
        Assert.Equal("dallas", Lookup(fips, BeforeJune2022).Consulate.Code);
        var after = Lookup(fips, new DateOnly(2026, 11, 29));
        Assert.Equal("albuquerque", after.Consulate.Code);
        Assert.Equal(June2022, after.Since);
        Assert.Equal(name, after.CountyName);
    }

    [Fact]
    public void Exactly_38_Texas_counties_change_hands_in_June_2022_all_from_Dallas_to_Albuquerque()
    {
        var texas = Enumerable.Range(0, 508).Select(n => $"48{n:000}").ToList();
        var moved = texas
            .Select(f => (Before: Districts.Resolve(Shipped.Value, f, BeforeJune2022), After: Districts.Resolve(Shipped.Value, f, June2022), Fips: f))
            .Where(x => x.Before is Assigned b && x.After is Assigned a && b.Consulate.Code != a.Consulate.Code)
            .ToList();

        Assert.Equal(38, moved.Count);
        Assert.All(moved, m => Assert.Equal("dallas", ((Assigned)m.Before).Consulate.Code));
        Assert.All(moved, m => Assert.Equal("albuquerque", ((Assigned)m.After).Consulate.Code));
    }

    [Fact]
    public void Dallas_keeps_Dallas_county_across_the_change_and_since_the_start_of_the_data()
    {
        var dallas = Lookup("48113", June2022);
        Assert.Equal("dallas", dallas.Consulate.Code);
        Assert.Equal(Shipped.Value.CoverageFrom, dallas.Since);
    }

    [Fact]
    public void Oklahoma_is_served_from_Oklahoma_City_only_once_it_opened()
    {
        Assert.NotEqual("oklahoma-city", Lookup("40109", new DateOnly(2023, 5, 31)).Consulate.Code);
        Assert.Equal("oklahoma-city", Lookup("40109", new DateOnly(2023, 6, 1)).Consulate.Code);
    }

    [Fact]
    public void A_date_before_the_data_and_a_territory_are_reported_as_unmapped()
    {
        Assert.Equal(new Unmapped(UnmappedReason.BeforeCoverage), Districts.Resolve(Shipped.Value, "06037", new DateOnly(2010, 1, 1)));
        Assert.Equal(new Unmapped(UnmappedReason.OutsideNetwork), Districts.Resolve(Shipped.Value, "66010", June2022));
        Assert.Equal(new Unmapped(UnmappedReason.UnknownState), Districts.Resolve(Shipped.Value, "99001", June2022));
        Assert.Equal(new Unmapped(UnmappedReason.UnknownState), Districts.Resolve(Shipped.Value, "4811", June2022));
    }

    [Fact]
    public void A_county_is_found_by_state_and_name_whatever_the_accents_case_or_suffix()
    {
        var (answer, fips) = Districts.ResolveByName(Shipped.Value, "tx", "lubbock county", June2022);
        Assert.Equal("48303", fips);
        Assert.Equal("albuquerque", Assert.IsType<Assigned>(answer).Consulate.Code);

        var (anaAnswer, anaFips) = Districts.ResolveByName(Shipped.Value, "NM", "Doña Ana", June2022);
        Assert.Equal("35013", anaFips);
        Assert.Equal("el-paso", Assert.IsType<Assigned>(anaAnswer).Consulate.Code);

        // A county the data does not name one by one follows its state.
        var (connecticut, unnamed) = Districts.ResolveByName(Shipped.Value, "CT", "Tolland", June2022);
        Assert.Null(unnamed);
        Assert.Equal("boston", Assert.IsType<Assigned>(connecticut).Consulate.Code);
    }
}
