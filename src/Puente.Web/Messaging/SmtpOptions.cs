using System.ComponentModel.DataAnnotations;

namespace Puente.Web.Messaging;

/// <summary>The mail relay the outbox delivers through. With no Host, messages stay queued.</summary>
internal sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>Require STARTTLS. Off by default for a relay on the same host or private network.</summary>
    public bool UseStartTls { get; set; }

    public string? Username { get; set; }
    public string? Password { get; set; }

    public string? From { get; set; }

    [Required]
    public string FromName { get; set; } = "Puente";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Host) && string.IsNullOrWhiteSpace(From))
        {
            yield return new ValidationResult("Smtp:From is required when Smtp:Host is set.", [nameof(From)]);
        }
        else if (!string.IsNullOrWhiteSpace(From) && !MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Smtp:From '{From}' is not an email address.", [nameof(From)]);
        }
        if (!string.IsNullOrWhiteSpace(Username) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Smtp:Password is required when Smtp:Username is set.", [nameof(Password)]);
        }
    }
}
