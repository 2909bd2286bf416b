using Puente.Domain.Pathways.Requests;

namespace Puente.Web.Messaging;

/// <summary>
/// Messages to many people that differ only by their ticket: each distinct text (its key: language, places,
/// dates…) is rendered once with a mark where the ticket goes, then filled in per person, the ticket grouped as pages show it. A draw day or a
/// closure tells tens of thousands of people in a handful of texts.
/// </summary>
internal sealed class RenderedOnce<TKey> where TKey : notnull
{
    // Stands for the ticket in a rendered text; a ticket is letters, digits and dashes, so it cannot hold this.
    private const string TicketMark = "\u0001ticket\u0001";

    private readonly Dictionary<TKey, OutgoingMessage> rendered = [];

    /// <summary>The message for <paramref name="key"/> with <paramref name="ticket"/> in it; <paramref name="render"/>
    /// is given the ticket to write (the mark) and runs once per key.</summary>
    public OutgoingMessage For(TKey key, string ticket, Func<string, OutgoingMessage> render)
    {
        if (!rendered.TryGetValue(key, out var text))
        {
            rendered[key] = text = render(TicketMark);
        }
        var shown = TicketCode.Display(ticket);
        return new OutgoingMessage(
            text.Subject.Replace(TicketMark, shown, StringComparison.Ordinal),
            text.Body.Replace(TicketMark, shown, StringComparison.Ordinal));
    }
}
