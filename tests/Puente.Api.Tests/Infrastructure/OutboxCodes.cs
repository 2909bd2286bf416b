using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Puente.Web.Database;

namespace Puente.Api.Tests.Infrastructure;

/// <summary>Reads a verification code the way its owner would: from the newest message queued for the contact.</summary>
internal static partial class OutboxCodes
{
    public static async Task<string> Latest(IServiceProvider services, string contact)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PuenteDb>();
        var bodies = await db.Outbox.Where(m => m.Recipient == contact).Select(m => new { m.CreatedAt, m.Body }).ToListAsync();
        var latest = bodies.OrderByDescending(m => m.CreatedAt).Select(m => m.Body).FirstOrDefault()
            ?? throw new InvalidOperationException($"No message was queued for {contact}.");
        return SixDigits().Match(latest).Value;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
