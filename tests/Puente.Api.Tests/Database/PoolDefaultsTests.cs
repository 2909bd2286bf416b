using Npgsql;
using Puente.Web.Database;

namespace Puente.Api.Tests.Database;

public sealed class PoolDefaultsTests
{
    [Fact]
    public void A_connection_string_without_a_choice_prepares_repeated_statements_and_skips_the_reset()
    {
        var connection = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPoolDefaults("Host=db;Username=puente;Database=puente"));

        Assert.Equal(32, connection.MaxAutoPrepare);
        Assert.True(connection.NoResetOnClose);
        Assert.Equal("db", connection.Host);
        Assert.Equal("puente", connection.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, true)]
    [InlineData("Host=db;Max Auto Prepare=5", 5, true)]
    [InlineData("Host=db;MaxAutoPrepare=0", 0, true)]
    [InlineData("Host=db;No Reset On Close=false", 32, false)]
    [InlineData("Host=db;NoResetOnClose=false;Max Auto Prepare=0", 0, false)]
    public void An_operator_s_choice_wins(string given, int prepared, bool noReset)
    {
        var connection = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPoolDefaults(given));

        Assert.Equal(prepared, connection.MaxAutoPrepare);
        Assert.Equal(noReset, connection.NoResetOnClose);
    }
}
