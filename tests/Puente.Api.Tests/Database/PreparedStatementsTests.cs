using Npgsql;
using Puente.Web.Database;

namespace Puente.Api.Tests.Database;

public sealed class PreparedStatementsTests
{
    [Fact]
    public void A_connection_string_without_a_choice_prepares_repeated_statements()
    {
        var connection = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPreparedStatements("Host=db;Username=puente;Database=puente"));

        Assert.Equal(32, connection.MaxAutoPrepare);
        Assert.Equal("db", connection.Host);
        Assert.Equal("puente", connection.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Max Auto Prepare=5", 5)]
    [InlineData("Host=db;MaxAutoPrepare=0", 0)]
    public void An_operator_s_choice_wins(string given, int kept)
    {
        var connection = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPreparedStatements(given));

        Assert.Equal(kept, connection.MaxAutoPrepare);
    }
}
