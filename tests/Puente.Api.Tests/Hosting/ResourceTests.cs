using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Puente.Api.Tests.Infrastructure;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Pathways.Registration;
using Puente.Domain.Pathways.Requests;
using Puente.Domain.Ports;
using Puente.Web.Pathways.CheckIns;
using Puente.Web.Pathways.Draws;
using Puente.Web.Messaging;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;
using Puente.Web.Hosting;

using Puente.Api.Tests.Accounts;
using Puente.Api.Tests.Ports;
using Puente.Domain.Pathways.Draws;
using Puente.Domain.Protection.Cases;
using Puente.Web.Protection.Cases;

namespace Puente.Api.Tests.Hosting;

public sealed partial class ResourceTests
{
    private static readonly string ResourcesDir = Path.Combine(RepositoryPaths.Root, "src", "Puente.Web", "Resources");
    private static readonly string WebDir = Path.Combine(RepositoryPaths.Root, "src", "Puente.Web");

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

    /// <summary>
    /// Keys written whole in pages and C#: <c>T["Nav_Home"]</c>, <c>localizer["Message_Signature"]</c>,
    /// <c>ErrorKey = "Login_Failed"</c>, <c>new Message("Capacity_Error_Port")</c>, a ternary inside <c>T[...]</c>.
    /// Any literal shaped like a key is one.
    /// </summary>
    [Fact]
    public void Every_key_the_pages_and_the_code_use_exists()
    {
        var keys = Read("SharedResource.resx").Keys.ToHashSet();

        var missing = SourceFiles()
            .SelectMany(file => WholeKey().Matches(File.ReadAllText(file)).Select(m => (file: Path.GetRelativePath(WebDir, file), key: m.Groups[1].Value)))
            .Where(use => !keys.Contains(use.key))
            .Distinct()
            .ToList();

        Assert.Empty(missing);
    }

    /// <summary>Keys built from a prefix and a value, with every value the code can put there.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> BuiltKeys = new()
    {
        ["AppointmentStatus_"] = Enum.GetNames<AppointmentStatus>(),
        ["Binational_Source_"] = Constants(typeof(Puente.Web.Binational.Figures.FigureSources)),
        ["Binational_Scenario_"] = [Puente.Web.Binational.Scenarios.ComputeScenarios.Baseline, .. Puente.Web.Binational.Scenarios.ComputeScenarios.Changes.Select(c => c.Code)],
        ["Binational_Scenarios_Note_"] = [.. Enum.GetNames<Puente.Web.Binational.Simulator.RunPolicySimulation.DemandSource>().Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName)],
        ["Case_Action_"] = [.. Enum.GetNames<CaseAction>().Except([nameof(CaseAction.Assign), nameof(CaseAction.Transfer)])],
        ["Protection_Category_"] = Enum.GetNames<CaseCategory>(),
        ["Protection_Queue_"] = Enum.GetNames<FindCases.Queue>(),
        ["Protection_Status_"] = Enum.GetNames<CaseStatus>(),
        ["Protection_Subtype_"] = [.. CaseSubtypes.ByCategory.Values.SelectMany(s => s)],
        ["Protection_Urgency_"] = Enum.GetNames<CaseUrgency>(),
        ["Appointments_CancelRefused_"] = Refused(AppointmentAction.Cancel),
        ["CheckIn_Refused_"] = [.. Enum.GetNames<CheckInPass.Refusals>().Except([nameof(CheckInPass.Refusals.NotBooked)])],
        ["CheckIn_Refused_NotBooked_"] = Refused(AppointmentAction.CheckIn),
        ["DrawStatus_"] = Enum.GetNames<DrawStatus>(),
        ["Draw_BeaconReason_"] = Constants(typeof(DrawBeaconReason)),
        ["Field_"] = Constants(typeof(FieldCodes)),
        ["Freshness_"] = Enum.GetNames<Puente.Domain.Ports.WaitTimes.Freshness>(),
        ["Lane_"] = Enum.GetNames<LaneType>(),
        ["LaneAction_"] = Enum.GetNames<Puente.Domain.Ports.Status.LaneAction>(),
        ["LaneReason_"] = Enum.GetNames<Puente.Domain.Ports.Status.LaneReason>(),
        ["LaneStatus_"] = Enum.GetNames<Puente.Domain.Ports.Status.LaneStatus>(),
        ["RebookingRule_"] = Enum.GetNames<Puente.Domain.Ports.Closures.RebookingRule>(),
        ["Language_"] = Languages.Supported,
        ["Measure_"] = Enum.GetNames<Puente.Domain.Ports.Flows.BtsMeasure>(),
        ["OpenData_"] = [.. new[] { "draw-statistics", "capacity", "closures", "lane-status-history", "wait-times", "protection-cases" }
            .SelectMany(name => new[] { $"{name}_Title", $"{name}_Description" })],
        ["Simulator_Demand_"] = Enum.GetNames<Puente.Web.Binational.Simulator.RunPolicySimulation.DemandSource>(),
        ["Problem_"] = [.. Constants(typeof(ProblemCodes)).SelectMany(code => new[] { $"{code}_Title", $"{code}_Detail" })],
        ["Register_DocumentType_"] = ["", .. Enum.GetValues<DocumentType>().Select(TravelDocument.Code)],
        ["RequestStatus_"] = Enum.GetNames<RequestStatus>(),
        ["Country_"] = Nationalities.NamedInCreole,
        ["Zone_"] = ZonesOf("ports.json", "consulates.json"),
    };

    /// <summary>Every zone the reference data names, as <see cref="LocalTimes.ZoneName"/> keys them, and UTC.</summary>
    private static string[] ZonesOf(params string[] files) =>
        [.. files.SelectMany(file => Regex.Matches(File.ReadAllText(Path.Combine(WebDir, "ReferenceData", file)), "\"timeZone\":\\s*\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value)).Append("UTC").Distinct().Select(zone => zone.Replace('/', '_'))];

    /// <summary>Every code of a kind: the constants of <see cref="ProblemCodes"/> or <see cref="FieldCodes"/>.</summary>
    private static string[] Constants(Type codes) =>
        [.. codes.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    private static string[] Refused(AppointmentAction action) =>
        [.. Enum.GetValues<AppointmentStatus>().Where(s => AppointmentTransitions.Apply(s, action).Rejected is not null).Select(s => s.ToString())];

    [Fact]
    public void Every_key_built_from_a_prefix_exists_for_every_value_it_can_take()
    {
        var keys = Read("SharedResource.resx").Keys.ToHashSet();
        var prefixes = SourceFiles()
            .SelectMany(file => BuiltKey().Matches(File.ReadAllText(file)).Select(m => m.Groups["prefix"].Value))
            .ToHashSet();

        // A new built key must be listed above with its values, or this check would not see it.
        Assert.Equal(BuiltKeys.Keys.Order(StringComparer.Ordinal), prefixes.Order(StringComparer.Ordinal));
        var missing = BuiltKeys.SelectMany(b => b.Value.Select(value => b.Key + value)).Where(key => !keys.Contains(key)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("SharedResource.en.resx")]
    [InlineData("SharedResource.ht.resx")]
    public void Every_translation_has_the_same_placeholders_as_the_spanish_text(string translation)
    {
        var spanish = Read("SharedResource.resx");
        var other = Read(translation);

        var different = spanish.Keys.Intersect(other.Keys)
            .Select(key => (key, es: Placeholders(spanish[key]), other: Placeholders(other[key])))
            .Where(x => x.es != x.other)
            .Select(x => $"{x.key}: es has {{{x.es}}}, {translation} has {{{x.other}}}")
            .ToList();

        Assert.Empty(different);
    }

    [Theory]
    [InlineData("es")]
    [InlineData("en")]
    [InlineData("ht")]
    public async Task Every_message_renders_with_each_of_its_values_and_no_placeholder_left(string language)
    {
        await using var app = new PuenteApp(demo: false);
        await using var scope = app.Services.CreateAsyncScope();
        var templates = scope.ServiceProvider.GetRequiredService<MessageTemplates>();
        var date = new DateOnly(2026, 12, 3);

        var messages = new (OutgoingMessage Message, string[] Values)[]
        {
            (templates.AppointmentSelected(language, "Nogales", date, "09:15", "T-4242"), ["Nogales", "2026-12-03", "09:15", "T-4242"]),
            (templates.AppointmentNotSelected(language, date, "T-4242", entersNextDrawAutomatically: true), ["2026-12-03", "T-4242"]),
            (templates.AppointmentNotSelected(language, date, "T-4242", entersNextDrawAutomatically: false), ["2026-12-03", "T-4242"]),
            (templates.AppointmentCancelled(language, "Nogales", date, "09:15", "T-4242"), ["Nogales", "2026-12-03", "09:15", "T-4242"]),
            (templates.AppointmentMoved(language, "StaffRedeployed", "San Ysidro", date, "Calexico", date.AddDays(1), "10:00", "T-4242"),
                ["San Ysidro", "2026-12-03", "Calexico", "2026-12-04", "10:00", "T-4242"]),
            (templates.AppointmentNotMoved(language, "Security", "San Ysidro", date, "T-4242"), ["San Ysidro", "2026-12-03", "T-4242"]),
        };

        Assert.All(messages, m =>
        {
            var text = m.Message.Subject + "\n" + m.Message.Body;
            Assert.All(m.Values, value => Assert.Contains(value, text, StringComparison.Ordinal));
            Assert.DoesNotMatch(Placeholder(), text);
            Assert.DoesNotContain("Message_", text, StringComparison.Ordinal);
        });
    }

    private static string Placeholders(string text) =>
        string.Join(",", Placeholder().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order());

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(WebDir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !Path.GetRelativePath(WebDir, f).Split(Path.DirectorySeparatorChar).Any(d => d is "bin" or "obj" or "Migrations"));

    // "Capacity_Error_Port", "Language_es": a capitalised word, then underscore-separated parts.
    [GeneratedRegex("""(?<![$\w])"([A-Z][a-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+)"(?!\s*\+)""")]
    private static partial Regex WholeKey();

    // "Lane_" + lane, $"CheckIn_Refused_{kind}"
    [GeneratedRegex("""(?:"(?<prefix>[A-Z][a-z][A-Za-z0-9]*_(?:[A-Za-z0-9]+_)*)"\s*\+|\$"(?<prefix>[A-Z][a-z][A-Za-z0-9]*_(?:[A-Za-z0-9]+_)*)\{)""")]
    private static partial Regex BuiltKey();

    // {0}, {1:yyyy-MM-dd}, {2,5}; not the escaped {{0}}.
    [GeneratedRegex("""(?<!\{)\{(\d+)(?:[,:][^}]*)?\}""")]
    private static partial Regex Placeholder();
}
