using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Database;

namespace Puente.Web.Accounts;

/// <summary>Creates an account with one role and, for officers and caseworkers, its scope.</summary>
internal sealed class AddUser(UserManager<PuenteUser> users, PuenteDb db)
{
    public sealed record Command(
        string Email,
        string Role,
        string? Password = null,
        IReadOnlyList<string>? Ports = null,
        string? Consulate = null,
        string PreferredLanguage = "es");

    /// <summary>Either the new account (with the password when one was generated) or the problems found.</summary>
    public sealed record Outcome(string? UserId, string? GeneratedPassword, IReadOnlyList<string> Problems)
    {
        public bool Succeeded => Problems.Count == 0;
    }

    public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var role = Roles.Find(command.Role);
        var ports = (command.Ports ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();

        if (!new EmailAddressAttribute().IsValid(command.Email))
        {
            problems.Add($"'{command.Email}' is not an email address.");
        }
        if (role is null)
        {
            problems.Add($"Unknown role '{command.Role}'. Roles: {string.Join(", ", Roles.All)}.");
        }
        if (role == Roles.PortOfficer && ports.Count == 0)
        {
            problems.Add("A port officer needs at least one --port.");
        }
        if (role != Roles.PortOfficer && ports.Count > 0)
        {
            problems.Add("Only port officers are scoped to ports.");
        }
        if (role == Roles.Caseworker && string.IsNullOrWhiteSpace(command.Consulate))
        {
            problems.Add("A caseworker needs a --consulate.");
        }
        if (role != Roles.Caseworker && !string.IsNullOrWhiteSpace(command.Consulate))
        {
            problems.Add("Only caseworkers are scoped to a consulate.");
        }
        if (ports.Count > 0)
        {
            var known = await db.Ports.Where(p => ports.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken);
            problems.AddRange(ports.Except(known).Select(p => $"Unknown port '{p}'."));
        }
        if (problems.Count > 0)
        {
            return new Outcome(null, null, problems);
        }

        var generated = command.Password is null ? GeneratePassword() : null;
        var user = new PuenteUser
        {
            UserName = command.Email,
            Email = command.Email,
            EmailConfirmed = true,
            ConsulateCode = command.Consulate?.Trim(),
            PreferredLanguage = command.PreferredLanguage,
            Ports = ports.Select(p => new OfficerPort { UserId = "", PortCode = p }).ToList(),
        };
        var created = await users.CreateAsync(user, command.Password ?? generated!);
        if (!created.Succeeded)
        {
            return new Outcome(null, null, created.Errors.Select(e => e.Description).ToList());
        }
        var added = await users.AddToRoleAsync(user, role!);
        if (!added.Succeeded)
        {
            return new Outcome(null, null, added.Errors.Select(e => e.Description).ToList());
        }
        return new Outcome(user.Id, generated, []);
    }

    // Meets Identity's default rules (upper, lower, digit, symbol, length) with room to spare.
    private static string GeneratePassword() =>
        $"Pu-{Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', 'x').Replace('+', 'y')}7a";
}
