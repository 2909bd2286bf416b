using System.Diagnostics;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>Runs the real `puente` tool as a separate process against a test database.</summary>
public static class PuenteCli
{
    public sealed record Run(int ExitCode, string Output, string Error);

    public static Task<Run> Invoke(TestDatabase database, params string[] args) =>
        Invoke(database, new Dictionary<string, string>(), args);

    /// <summary>With extra environment variables, e.g. <c>Smtp__Host</c>.</summary>
    public static async Task<Run> Invoke(TestDatabase database, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "puente.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Database__Provider"] = database.Provider;
        start.Environment["ConnectionStrings__Puente"] = database.ConnectionString;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["PasswordHashing__IterationCount"] = PuenteApp.TestPasswordHashIterations;
        // The test host keeps its key ring unencrypted; the tool must open the same keys.
        start.Environment["DataProtection__AllowUnencryptedKeys"] = "true";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return new Run(process.ExitCode, await output, await error);
    }
}
