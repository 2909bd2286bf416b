using System.ComponentModel.DataAnnotations;
using PhoneNumbers;

namespace Puente.Web.Pathways.Registration;

/// <summary>E-mail addresses and mobile numbers in the one form Puente stores and compares.</summary>
internal static class ContactAddress
{
    /// <summary>Numbers written without a country code are read as Mexican ones.</summary>
    public const string DefaultRegion = "MX";

    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Trimmed and in lower case; null when it is not an address.</summary>
    public static string? Email(string? email)
    {
        var trimmed = email?.Trim();
        return trimmed is { Length: > 0 and <= 254 } && new EmailAddressAttribute().IsValid(trimmed) ? trimmed.ToLowerInvariant() : null;
    }

    /// <summary>E.164 (+525512345678); null when the number cannot be a real one.</summary>
    public static string? Phone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length > 40)
        {
            return null;
        }
        try
        {
            var parsed = Phones.Parse(phone.Trim(), DefaultRegion);
            return Phones.IsValidNumber(parsed) ? Phones.Format(parsed, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>The user name an e-mail address or phone signs in with, however it was typed.</summary>
    public static string SignInName(string typed) => Email(typed) ?? Phone(typed) ?? typed.Trim();

    /// <summary>Enough of a contact for its owner to recognize it and too little for anyone else: a•••@example.org, •••••5678.</summary>
    public static string Masked(string contact)
    {
        var at = contact.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? $"{contact[0]}•••{contact[at..]}" : $"•••{contact[Math.Max(0, contact.Length - 4)..]}";
    }
}
