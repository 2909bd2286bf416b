using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace Puente.Browser.Tests.Infrastructure;

/// <summary>
/// axe-core, the script Deque.AxeCore ships, run in the page as axe documents it: the script evaluated in the
/// document, then <c>axe.run</c> asked for violations only. The wrapper's own run (each frame's partial
/// result, then a blank page to finish) took 2–7 s a page here against under one second for this, and
/// Puente's pages hold no frames: a page that does fails the scan rather than going half-scanned.
/// </summary>
internal static class Axe
{
    public sealed record Violation(string Id, string? Impact, string Help, IReadOnlyList<string> Targets)
    {
        public override string ToString() => $"{Id} ({Impact}): {Help} at {string.Join("; ", Targets)}";
    }

    private static readonly Lazy<string> Source = new(() =>
    {
        const string name = "Deque.AxeCore.Commons.Resources.axe.min.js";
        using var stream = typeof(AxeResult).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not in Deque.AxeCore.Commons any more");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private const string Run = """
        async (tags) => {
            const frames = document.querySelectorAll('iframe, frame, object, embed').length;
            if (frames > 0) {
                throw new Error(`the page holds ${frames} frame(s) or embedded documents, which this scan does not enter`);
            }
            const options = { resultTypes: ['violations'] };
            if (tags) {
                options.runOnly = { type: 'tag', values: tags };
            }
            const results = await axe.run(document, options);
            return results.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
            }));
        }
        """;

    /// <summary>The page's violations, of every rule axe runs by default or only of the rules with these tags.</summary>
    public static async Task<IReadOnlyList<Violation>> Scan(IPage page, IReadOnlyList<string>? tags = null)
    {
        // Each document starts without axe; evaluating (not a script tag) is not subject to the page's CSP.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(Source.Value);
        }
        var found = await page.EvaluateAsync<JsonElement>(Run, tags);
        return found.Deserialize<Violation[]>(JsonSerializerOptions.Web)!;
    }
}
