using Microsoft.Playwright;

namespace Puente.Browser.Tests.Infrastructure;

/// <summary>
/// The distribution's Chromium, never a browser Playwright downloads: the test machines have no
/// network, and one browser the OS keeps patched is enough.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>CI must run these tests; a developer without Chromium gets a skip that says how to get it.</summary>
    public static void RequireInstalled()
    {
        if (IsInstalled)
        {
            return;
        }
        Prerequisite.Missing($"Chromium not found at {Path}: apt-get install -y chromium");
    }

    public static BrowserTypeLaunchOptions LaunchOptions { get; } = new()
    {
        ExecutablePath = Path,
        Headless = true,
        Args =
        [
            // Root in a container has no user namespaces for the sandbox.
            "--no-sandbox",
            "--disable-gpu",
            // The network is closed: no background calls home, no update checks, no QUIC probes.
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    };
}
