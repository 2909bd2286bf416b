using System.ComponentModel.DataAnnotations;

namespace Puente.Web.Messaging;

/// <summary>Text messages go out as email to the carrier's email-to-SMS gateway, when one is configured.</summary>
internal sealed class SmsOptions
{
    public const string Section = "Sms";

    /// <summary>For example <c>sms.example.net</c>: a message to +52 664 123 4567 goes to 526641234567@sms.example.net.</summary>
    [RegularExpression(@"^[A-Za-z0-9.-]+$")]
    public string? EmailGatewayDomain { get; set; }
}
