using System.Diagnostics.CodeAnalysis;

namespace Puente.Tests;

/// <summary>
/// What a test needs from the machine (a browser, python3, the shared data folder). A developer
/// without it gets a skip that says how to get it; under CI=true the same absence is a failure,
/// so no check can drop out of continuous integration unnoticed.
/// </summary>
public static class Prerequisite
{
    public static bool InContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, under CI=true, fails) the running test with <paramref name="reason"/>.</summary>
    [DoesNotReturn]
    public static void Missing(string reason)
    {
        if (InContinuousIntegration)
        {
            Assert.Fail($"{reason} (CI=true: this check may not be skipped)");
        }
        Assert.Skip(reason);
    }

    /// <summary>The full path of <paramref name="program"/> on PATH, or a skip/failure naming it.</summary>
    public static string Program(string program, string why)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Where(dir => dir.Length > 0)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            Missing($"{program} is not on PATH; {why}");
        }
        return found;
    }
}
