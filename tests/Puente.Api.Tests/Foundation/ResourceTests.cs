using System.Text.RegularExpressions;
using System.Xml.Linq;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Foundation;

public sealed partial class ResourceTests
{
    private static readonly string ResourcesDir = Path.Combine(RepositoryPaths.Root, "src", "Puente.Web", "Resources");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(ResourcesDir, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    [Theory]
    [InlineData("SharedResource.en.resx")]
    [InlineData("SharedResource.ht.resx")]
    public void Every_key_exists_in_every_language(string translation)
    {
        var spanish = Read("SharedResource.resx");
        var other = Read(translation);

        Assert.Empty(spanish.Keys.Except(other.Keys));
        Assert.Empty(other.Keys.Except(spanish.Keys));
        Assert.Empty(other.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
        Assert.Empty(spanish.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
    }

    [Fact]
    public void Every_key_a_page_uses_exists()
    {
        var keys = Read("SharedResource.resx").Keys.ToHashSet();
        var pages = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "src", "Puente.Web"), "*.cshtml", SearchOption.AllDirectories);
        var missing = pages
            .SelectMany(page => LiteralKey().Matches(File.ReadAllText(page)).Select(m => (page: Path.GetFileName(page), key: m.Groups[1].Value)))
            .Where(x => !keys.Contains(x.key))
            .ToList();
        Assert.Empty(missing);
    }

    [GeneratedRegex("""T\["([A-Za-z0-9_]+)"[\],]""")]
    private static partial Regex LiteralKey();
}
