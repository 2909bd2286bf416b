using Puente.Domain.Ports;

namespace Puente.Domain.Tests.Ports;

public sealed class PortsRegistryJsonTests
{
    private const string Minimal = """
        {
          "effectiveFrom": "2026-01-01",
          "source": "test",
          "ports": [
            {
              "code": "2404",
              "name": "Tornillo",
              "state": "TX",
              "latitude": 31.4353,
              "longitude": -106.1427,
              "timeZone": "America/Denver",
              "mexicanCity": "Guadalupe",
              "mexicanState": "Chihuahua",
              "notes": "port note",
              "crossings": [
                { "number": "240403", "name": "Fort Hancock", "lanes": ["passengerVehicle", "pedestrian"], "aliases": ["l24501"], "notes": "crossing note" },
                { "number": "240491", "name": "Rail", "lanes": ["commercial", "rail"] }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void A_well_formed_document_becomes_a_registry_with_every_field()
    {
        var result = PortsRegistryJson.Parse(Minimal);

        Assert.True(result.IsSuccess, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
        Assert.Equal(new DateOnly(2026, 1, 1), result.Registry.EffectiveFrom);
        Assert.Equal("test", result.Registry.Source);
        var port = Assert.Single(result.Registry.Ports);
        Assert.Equal(("2404", "Tornillo", "TX", 31.4353, -106.1427, "America/Denver", "Guadalupe", "Chihuahua", "port note"),
            (port.Code, port.Name, port.State, port.Latitude, port.Longitude, port.TimeZone, port.MexicanCity, port.MexicanState, port.Notes));
        Assert.Equal([LaneType.PassengerVehicle, LaneType.Pedestrian], port.Crossings[0].Lanes);
        Assert.Equal(["l24501"], port.Crossings[0].Aliases);
        Assert.Equal("crossing note", port.Crossings[0].Notes);
        Assert.Equal([LaneType.Commercial, LaneType.Rail], port.Crossings[1].Lanes);
        Assert.Empty(port.Crossings[1].Aliases);
        Assert.Null(port.Crossings[1].Notes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{\"effectiveFrom\": \"2026-01-01\", \"ports\": [],}")]
    [InlineData("{\"effectiveFrom\": \"2026-01-01\" /* comment */, \"ports\": []}")]
    public void Malformed_json_gives_errors_instead_of_throwing(string json)
    {
        var result = PortsRegistryJson.Parse(json);

        Assert.False(result.IsSuccess);
        Assert.Null(result.Registry);
        Assert.Single(result.Errors);
    }

    [Theory]
    [InlineData("\"latitude\": 31.4353", "\"latitude\": \"31.4353\"")]
    [InlineData("\"code\": \"2404\"", "\"code\": 2404")]
    [InlineData("\"passengerVehicle\", \"pedestrian\"", "\"car\"")]
    [InlineData("\"passengerVehicle\", \"pedestrian\"", "1")]
    [InlineData("\"lanes\": [\"commercial\", \"rail\"]", "\"lanes\": \"rail\"")]
    [InlineData("\"2026-01-01\"", "\"2026-13-01\"")]
    [InlineData("\"2026-01-01\"", "\"01/01/2026\"")]
    [InlineData("\"timeZone\": \"America/Denver\",", "")]
    [InlineData("\"timeZone\"", "\"timezone\"")]
    [InlineData("\"name\": \"Tornillo\",", "\"name\": \"Tornillo\", \"name\": \"Fabens\",")]
    [InlineData("\"name\": \"Tornillo\"", "\"name\": null")]
    [InlineData("\"aliases\": [\"l24501\"]", "\"aliases\": [null]")]
    [InlineData("\"aliases\": [\"l24501\"]", "\"aliases\": null")]
    [InlineData("{ \"number\": \"240491\", \"name\": \"Rail\", \"lanes\": [\"commercial\", \"rail\"] }", "null")]
    [InlineData("\"effectiveFrom\": \"2026-01-01\",", "")]
    public void A_document_with_a_wrong_type_missing_or_unknown_field_gives_errors(string valid, string broken)
    {
        Assert.Contains(valid, Minimal, StringComparison.Ordinal);
        var json = Minimal.Replace(valid, broken, StringComparison.Ordinal);

        var result = PortsRegistryJson.Parse(json);

        Assert.False(result.IsSuccess);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void A_null_port_is_reported_with_its_position()
    {
        var result = PortsRegistryJson.Parse("""{"effectiveFrom": "2026-01-01", "ports": [null]}""");

        Assert.Equal(["$.ports[0] is null."], result.Errors);
    }

    [Fact]
    public void Parsing_checks_shape_only_and_leaves_invariants_to_the_validator()
    {
        var json = Minimal.Replace("\"timeZone\": \"America/Denver\"", "\"timeZone\": \"Mars/Olympus\"", StringComparison.Ordinal);

        var result = PortsRegistryJson.Parse(json);

        Assert.True(result.IsSuccess);
        Assert.Equal(PortsRegistryProblemKind.UnknownTimeZone, Assert.Single(PortsRegistryValidator.Validate(result.Registry)).Kind);
    }
}
