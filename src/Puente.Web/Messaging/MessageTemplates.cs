using System.Globalization;
using Microsoft.Extensions.Localization;
using Puente.Domain.Pathways.Requests;
using Puente.Web.Hosting;

namespace Puente.Web.Messaging;

/// <summary>
/// The texts Puente sends, in the recipient's language. The language is the recipient's stored choice,
/// never the culture of whatever request or job happens to queue the message.
/// </summary>
internal sealed class MessageTemplates(IStringLocalizer<SharedResource> localizer)
{
    // Tickets in groups of four (TicketCode.Display), as every page shows them.
    // ISO dates: Mexico writes day/month and the United States month/day, so 03/12 would mislead one of them.

    public OutgoingMessage AppointmentSelected(string language, string portName, DateOnly serviceDate, string slotStart, string ticket) =>
        In(language, () => new OutgoingMessage(
            localizer["Message_AppointmentSelected_Subject", portName, IsoDates.Write(serviceDate)],
            Paragraphs(
                localizer["Message_AppointmentSelected_Body", portName, IsoDates.Write(serviceDate), slotStart, TicketCode.Display(ticket)],
                localizer["Message_OpenPuenteForPass"],
                localizer["Message_NeverCharged"],
                localizer["Message_Signature"])));

    public OutgoingMessage AppointmentNotSelected(string language, DateOnly serviceDate, string ticket, bool entersNextDrawAutomatically) =>
        In(language, () => new OutgoingMessage(
            localizer["Message_AppointmentNotSelected_Subject", IsoDates.Write(serviceDate)],
            Paragraphs(
                localizer["Message_AppointmentNotSelected_Body", IsoDates.Write(serviceDate), TicketCode.Display(ticket)],
                entersNextDrawAutomatically
                    ? localizer["Message_AppointmentNotSelected_AutoReentry"]
                    : localizer["Message_AppointmentNotSelected_RequestAgain"],
                localizer["Message_NeverCharged"],
                localizer["Message_Signature"])));

    public OutgoingMessage AppointmentCancelled(string language, string portName, DateOnly serviceDate, string slotStart, string ticket) =>
        In(language, () => new OutgoingMessage(
            localizer["Message_AppointmentCancelled_Subject", portName, IsoDates.Write(serviceDate)],
            Paragraphs(
                localizer["Message_AppointmentCancelled_Body", portName, IsoDates.Write(serviceDate), slotStart, TicketCode.Display(ticket)],
                localizer["Message_NeverCharged"],
                localizer["Message_Signature"])));

    /// <summary>Short enough for one text message: the code first, then how long it lasts.</summary>
    public OutgoingMessage ContactCode(string language, string code, int minutes) =>
        In(language, () => new OutgoingMessage(
            localizer["Message_ContactCode_Subject"],
            Paragraphs(localizer["Message_ContactCode_Body", code, minutes], localizer["Message_ContactCode_NotYou"])));
    /// <summary>To an account's owner when someone registers again with its contact: no code, nothing to do if it was not them.</summary>
    public OutgoingMessage AccountExists(string language) =>
        In(language, () => new OutgoingMessage(
            localizer["Message_AccountExists_Subject"],
            Paragraphs(localizer["Message_AccountExists_Body"], localizer["Message_AccountExists_NotYou"], localizer["Message_Signature"])));

    public OutgoingMessage RecoveryCode(string language, string code, int minutes) =>
        In(language, () => new OutgoingMessage(
            localizer["Message_RecoveryCode_Subject"],
            Paragraphs(localizer["Message_RecoveryCode_Body", code, minutes], localizer["Message_RecoveryCode_NotYou"])));

    /// <summary>A closure moved the appointment; <paramref name="reason"/> is a <c>LaneReason</c> name, told in the recipient's words.</summary>
    public OutgoingMessage AppointmentMoved(
        string language, string reason, string fromPort, DateOnly fromDate, string toPort, DateOnly toDate, string slotStart, string ticket) =>
        In(language, () => new OutgoingMessage(
            localizer["Message_AppointmentMoved_Subject", toPort, IsoDates.Write(toDate)],
            Paragraphs(
                localizer["Message_AppointmentMoved_Body", fromPort, IsoDates.Write(fromDate), localizer[$"LaneReason_{reason}"], toPort, IsoDates.Write(toDate), slotStart, TicketCode.Display(ticket)],
                localizer["Message_AppointmentMoved_NewPass"],
                localizer["Message_NeverCharged"],
                localizer["Message_Signature"])));

    /// <summary>A closure covers the appointment and no rule found room elsewhere: it stands, and the applicant is told why.</summary>
    public OutgoingMessage AppointmentNotMoved(string language, string reason, string portName, DateOnly serviceDate, string ticket) =>
        In(language, () => new OutgoingMessage(
            localizer["Message_AppointmentNotMoved_Subject", portName, IsoDates.Write(serviceDate)],
            Paragraphs(
                localizer["Message_AppointmentNotMoved_Body", portName, IsoDates.Write(serviceDate), localizer[$"LaneReason_{reason}"], TicketCode.Display(ticket)],
                localizer["Message_NeverCharged"],
                localizer["Message_Signature"])));

    /// <summary>One of Puente's languages; anything else gets the default (Spanish).</summary>
    public static string Normalize(string? language)
    {
        var code = language?.Split('-', '_')[0].ToLowerInvariant();
        return code is not null && Languages.Supported.Contains(code) ? code : Languages.Default;
    }

    private static string Paragraphs(params LocalizedString[] parts) =>
        string.Join("\n\n", parts.Select(p => p.Value));

    // The localizer reads CurrentUICulture; it is set only for this synchronous lookup and restored,
    // so neither the caller's culture nor another message's language can leak in.
    private static OutgoingMessage In(string language, Func<OutgoingMessage> build)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Normalize(language));
        try
        {
            return build();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
