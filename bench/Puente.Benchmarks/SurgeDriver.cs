using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Puente.Benchmarks;

/// <summary>
/// The overload phase of bench/surge/run: submissions started at a fixed rate whatever the server
/// answers (an open loop), as a surge of people does not wait for each other. Closed-loop connections
/// (wrk's) offer less the slower the server gets, and one wrk thread per connection spends the cores the
/// server needs; here one process and its thread pool start every request on time.
/// <code>surge-drive URL TOKENS_FILE APPLICANTS SERVICE_DATE RATE SECONDS IDS_FILE</code>
/// Each applicant is sent once; one refused (429) is sent again once its <c>Retry-After</c> has passed,
/// in place of a new one. Latency runs from the moment a request was due, so a late start counts
/// against the server, not for it. Prints the same RESULT lines as bench/surge/submit.lua.
/// </summary>
internal static class SurgeDriver
{
    private sealed record Outcome(int Status, double LatencyMs, string? Id);

    public static async Task<int> Run(string[] args)
    {
        if (args.Length != 7)
        {
            Console.Error.WriteLine("usage: surge-drive URL TOKENS_FILE APPLICANTS SERVICE_DATE RATE SECONDS IDS_FILE");
            return 2;
        }
        var (url, tokensPath, applicants, date) = (args[0], args[1], int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);
        var rate = double.Parse(args[4], CultureInfo.InvariantCulture);
        var seconds = double.Parse(args[5], CultureInfo.InvariantCulture);
        var idsPath = args[6];
        var tokens = await File.ReadAllBytesAsync(tokensPath);

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1024,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseCookies = false,
        })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(10),
        };

        var outcomes = new ConcurrentBag<Outcome>();
        var retries = new ConcurrentQueue<(int Applicant, long NotBefore)>();
        var inFlight = new List<Task>();
        var next = 0;
        var ticksPerRequest = Stopwatch.Frequency / rate;
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(seconds * Stopwatch.Frequency);
        long sent = 0;
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= end)
            {
                break;
            }
            // Every request due by now starts now, each with its own due time.
            for (var due = started + (long)(sent * ticksPerRequest); due <= now; due = started + (long)(++sent * ticksPerRequest))
            {
                var applicant = retries.TryPeek(out var retry) && retry.NotBefore <= now && retries.TryDequeue(out retry)
                    ? retry.Applicant
                    : next++ % applicants;
                inFlight.Add(Send(client, tokens, applicant, date, due, outcomes, retries));
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(inFlight);
        var elapsed = (double)(end - started) / Stopwatch.Frequency;

        var all = outcomes.ToList();
        await File.WriteAllLinesAsync(idsPath, all.Where(o => o.Status == 201).Select(o => o.Id ?? "missing"));
        var accepted = all.Where(o => o.Status == 201).Select(o => o.LatencyMs).Order().ToList();
        var refused = all.Where(o => o.Status == 429).Select(o => o.LatencyMs).Order().ToList();
        var errors = all.Count(o => o.Status == 0);
        var statuses = all.Where(o => o.Status != 0).GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}");
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"RESULT seconds={elapsed:F2} requests={all.Count} rate={all.Count / elapsed:F1} created={accepted.Count} goodput={accepted.Count / elapsed:F1} errors_socket={errors}"));
        Console.WriteLine("RESULT statuses " + string.Join(' ', statuses));
        Console.WriteLine(string.Create(inv,
            $"RESULT accepted_ms p50={Percentile(accepted, 0.5):F1} p90={Percentile(accepted, 0.9):F1} p99={Percentile(accepted, 0.99):F1} max={Percentile(accepted, 1):F1}"));
        Console.WriteLine(string.Create(inv,
            $"RESULT refused_ms p50={Percentile(refused, 0.5):F1} p99={Percentile(refused, 0.99):F1} max={Percentile(refused, 1):F1}"));
        return 0;
    }

    private static async Task Send(
        HttpClient client, byte[] tokens, int applicant, string date, long due,
        ConcurrentBag<Outcome> outcomes, ConcurrentQueue<(int, long)> retries)
    {
        await Task.Yield();
        var line = Encoding.ASCII.GetString(tokens, applicant * SurgePreparation.LineWidth, SurgePreparation.LineWidth).TrimEnd('\0', ' ', '\n');
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var (token, traveller) = (line[..space], line[(space + 1)..].Trim());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests")
        {
            Content = new StringContent($$"""{"serviceDate":"{{date}}","ports":["2504"],"travellers":["{{traveller}}"]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var latency = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            var status = (int)response.StatusCode;
            string? id = null;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
            }
            else if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                retries.Enqueue((applicant, Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency)));
            }
            outcomes.Add(new Outcome(status, latency, id));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            outcomes.Add(new Outcome(0, Stopwatch.GetElapsedTime(due).TotalMilliseconds, null));
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * p) - 1)];
}
