using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Hosting;

namespace Puente.Web.Accounts;

/// <summary>Identity's refusals as field errors with stable codes, instead of its English descriptions.</summary>
internal static class IdentityErrors
{
    /// <param name="contact">The field that names the account: <c>email</c> or <c>phone</c>.</param>
    public static FieldError ToFieldError(IdentityError error, string contact, PasswordOptions password) => error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) =>
            new("password", FieldCodes.PasswordTooShort, password.RequiredLength.ToString(CultureInfo.InvariantCulture)),
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => new("password", FieldCodes.PasswordNeedsDigit),
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => new("password", FieldCodes.PasswordNeedsLower),
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => new("password", FieldCodes.PasswordNeedsUpper),
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => new("password", FieldCodes.PasswordNeedsSymbol),
        // Only a registration racing another one gets past the callers' own check.
        nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail) => new(contact, FieldCodes.AccountExists),
        // An address EmailAddressAttribute lets through but Identity's user name rules do not.
        nameof(IdentityErrorDescriber.InvalidUserName) or nameof(IdentityErrorDescriber.InvalidEmail) =>
            new(contact, contact == "email" ? FieldCodes.EmailInvalid : FieldCodes.PhoneInvalid),
        _ => new("password", FieldCodes.PasswordRefused),
    };
}
