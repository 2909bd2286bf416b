using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;
using Microsoft.Extensions.Options;

namespace Puente.Web.Hosting;

/// <summary>
/// The API's 429: the same problem body any other refusal gets (title and detail in the reader's language,
/// <c>code</c>, <c>instance</c>, <c>traceId</c>, and the wait to the millisecond in <c>retryAfterMs</c>), written from
/// texts encoded once per language and wait in whole seconds. In a surge most answers are refusals; each one copies
/// those texts and writes three values instead of localizing, formatting and serializing a problem.
/// </summary>
internal sealed class TooManyRequestsProblem(Problems problems, IOptions<JsonOptions> json)
{
    /// <summary>Waits up to this many seconds keep their texts (the submission queue's are one to a few seconds).</summary>
    private const int KeptSeconds = 600;

    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Detail = JsonEncodedText.Encode("detail");
    private static readonly JsonEncodedText Instance = JsonEncodedText.Encode("instance");
    private static readonly JsonEncodedText RetryAfter = JsonEncodedText.Encode("retryAfterMs");
    private static readonly JsonEncodedText Code = JsonEncodedText.Encode(Problems.CodeMember);
    private static readonly JsonEncodedText CodeValue = JsonEncodedText.Encode(ProblemCodes.TooManyRequests);
    private static readonly JsonEncodedText TraceId = JsonEncodedText.Encode("traceId");

    private readonly ConcurrentDictionary<(string Culture, int Seconds), Texts> texts = new();
    private readonly JsonWriterOptions writing = new() { Encoder = json.Value.SerializerOptions.Encoder };

    private sealed record Texts(JsonEncodedText Title, JsonEncodedText Detail);

    public async Task Write(HttpContext context, int seconds, long retryAfterMs)
    {
        var said = seconds <= KeptSeconds
            ? texts.GetOrAdd((CultureInfo.CurrentUICulture.Name, seconds), key => Encode(key.Seconds))
            : Encode(seconds);
        context.Response.ContentType = "application/problem+json";
        await using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, writing))
        {
            writer.WriteStartObject();
            writer.WriteString(Title, said.Title);
            writer.WriteNumber(Status, StatusCodes.Status429TooManyRequests);
            writer.WriteString(Detail, said.Detail);
            writer.WriteString(Instance, context.Request.Path.Value);
            writer.WriteNumber(RetryAfter, retryAfterMs);
            writer.WriteString(Code, CodeValue);
            writer.WriteString(TraceId, Activity.Current?.Id ?? context.TraceIdentifier);
            writer.WriteEndObject();
        }
        await context.Response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private Texts Encode(int seconds)
    {
        var problem = new ProblemDetails();
        problems.Describe(problem, ProblemCodes.TooManyRequests, seconds.ToString(CultureInfo.InvariantCulture));
        return new(JsonEncodedText.Encode(problem.Title!, writing.Encoder), JsonEncodedText.Encode(problem.Detail!, writing.Encoder));
    }
}
