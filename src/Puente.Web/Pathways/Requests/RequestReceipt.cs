using System.Linq.Expressions;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Pathways.Requests;

/// <summary>What the applicant keeps after requesting: above all the ticket the draw is about.</summary>
internal sealed record RequestReceipt(
    Guid Id,
    string Ticket,
    DateOnly ServiceDate,
    IReadOnlyList<string> Ports,
    int Size,
    IReadOnlyList<Guid> Travellers,
    DateOnly RegisteredOn,
    RequestStatus Status,
    bool ReenterUntilSelected,
    DateTimeOffset SubmittedAt)
{
    public static readonly Expression<Func<AppointmentRequestRecord, RequestReceiptRow>> Row = r => new RequestReceiptRow(
        r.Id, r.Ticket, r.ServiceDate, r.Ports, r.Size, r.Travellers.Select(t => t.TravellerId).ToList(),
        r.RegisteredOn, r.Status, r.ReenterUntilSelected, r.SubmittedAt);
}

/// <summary>The stored shape of a receipt, before the port list is split.</summary>
internal sealed record RequestReceiptRow(
    Guid Id, string Ticket, DateOnly ServiceDate, string Ports, int Size, List<Guid> Travellers,
    DateOnly RegisteredOn, RequestStatus Status, bool ReenterUntilSelected, DateTimeOffset SubmittedAt)
{
    public RequestReceipt ToReceipt() => new(
        Id, Ticket, ServiceDate, Ports.Split(','), Size, Travellers, RegisteredOn, Status, ReenterUntilSelected, SubmittedAt);
}
