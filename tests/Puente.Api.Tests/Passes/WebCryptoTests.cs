using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Puente.Api.Tests.Infrastructure;

namespace Puente.Api.Tests.Passes;

/// <summary>The offline scanner verifies passes with WebCrypto; Node's implementation is the same API.</summary>
public sealed class WebCryptoTests
{
    private const string Verifier = """
        const { subtle } = require('node:crypto').webcrypto;
        const [token, keys] = [process.env.PASS, JSON.parse(process.env.JWKS).keys];
        const b = (s) => Buffer.from(s, 'base64url');
        (async () => {
          const [h, p, s] = token.split('.');
          const header = JSON.parse(b(h));
          const jwk = keys.find((k) => k.kid === header.kid);
          const key = await subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
          const ok = await subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, b(s), new TextEncoder().encode(h + '.' + p));
          console.log(ok ? 'valid' : 'invalid');
        })().catch((e) => { console.error(e); process.exit(2); });
        """;

    [Fact]
    public async Task A_pass_signed_by_Puente_verifies_with_WebCrypto_and_a_tampered_one_does_not()
    {
        if (!OnPath("node"))
        {
            Assert.Skip("node is not on PATH; the WebCrypto check needs it.");
        }
        await using var app = new PuenteApp();
        var id = await Bookings.Book(app);
        var token = await Bookings.Token(app, id);
        var jwks = await app.CreateClient().GetStringAsync("/.well-known/puente-keys.json", TestContext.Current.CancellationToken);
        var parts = token.Split('.');
        var tampered = $"{parts[0]}.{parts[1][..5]}{(parts[1][5] == 'A' ? 'B' : 'A')}{parts[1][6..]}.{parts[2]}";

        Assert.Equal("valid", await Node(token, jwks));
        Assert.Equal("invalid", await Node(tampered, jwks));
    }

    private static async Task<string> Node(string token, string jwks)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Verifier);
        start.Environment["PASS"] = token;
        start.Environment["JWKS"] = jwks;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => File.Exists(Path.Combine(dir, program)) || File.Exists(Path.Combine(dir, program + ".exe")));
}
