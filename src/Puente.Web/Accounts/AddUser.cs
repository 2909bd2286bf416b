using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Puente.Web.Audit;
using Puente.Web.Database;
using Puente.Web.Hosting;
using Puente.Web.Protection.Jurisdiction;

namespace Puente.Web.Accounts;

/// <summary>Creates an account with one role and, for officers and caseworkers (and optionally supervisors), its scope; written to the audit log.</summary>
internal sealed class AddUser(UserManager<PuenteUser> users, PuenteDb db, FindJurisdiction consulates, AuditLog audit)
{
    public sealed record Command(
        string Email,
        string Role,
        string? Password = null,
        IReadOnlyList<string>? Ports = null,
        string? Consulate = null,
        string PreferredLanguage = "es",
        string Actor = AuditLog.System);

    public abstract record Outcome;

    /// <summary>The new account, with its password when one was generated.</summary>
    public sealed record Added(string UserId, string? GeneratedPassword) : Outcome;

    /// <summary>What is wrong with the command; fields are named as the CLI's options.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : Outcome;

    public async Task<Outcome> Handle(Command command, CancellationToken cancellationToken = default)
    {
        var problems = new List<FieldError>();
        if (!new EmailAddressAttribute().IsValid(command.Email))
        {
            problems.Add(new("email", FieldCodes.EmailInvalid));
        }
        var (role, ports, scopeProblems) = await CheckScope(command.Role, command.Ports, command.Consulate, cancellationToken);
        problems.AddRange(scopeProblems);
        if (problems.Count > 0)
        {
            return new Invalid(problems);
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
            return new Invalid([.. created.Errors.Select(e => IdentityErrors.ToFieldError(e, "email", users.Options.Password))]);
        }
        var added = await users.AddToRoleAsync(user, role!);
        if (!added.Succeeded)
        {
            return new Invalid([.. added.Errors.Select(e => IdentityErrors.ToFieldError(e, "email", users.Options.Password))]);
        }
        await audit.Append(new AuditLog.Event(command.Actor, "user.added", "user", user.Id, null,
            new { email = user.Email, role, consulate = user.ConsulateCode, ports }), cancellationToken);
        return new Added(user.Id, generated);
    }

    /// <summary>The role by its canonical name and the ports it works at, or what is wrong with them: officers
    /// need ports, caseworkers a consulate, and no other role takes either (a supervisor may take a consulate).</summary>
    public async Task<(string? Role, List<string> Ports, List<FieldError> Problems)> CheckScope(
        string roleName, IReadOnlyList<string>? requestedPorts, string? consulate, CancellationToken cancellationToken)
    {
        var problems = new List<FieldError>();
        var role = Roles.Find(roleName);
        var ports = (requestedPorts ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
        if (role is null)
        {
            problems.Add(new("role", FieldCodes.RoleUnknown, roleName, string.Join(", ", Roles.All)));
        }
        if (role == Roles.PortOfficer && ports.Count == 0)
        {
            problems.Add(new("port", FieldCodes.PortRequired));
        }
        if (role != Roles.PortOfficer && ports.Count > 0)
        {
            problems.Add(new("port", FieldCodes.PortsNotForRole));
        }
        if (role == Roles.Caseworker && string.IsNullOrWhiteSpace(consulate))
        {
            problems.Add(new("consulate", FieldCodes.ConsulateRequired));
        }
        // A supervisor with a consulate supervises that consulate; without one, the whole network.
        if (role is not (Roles.Caseworker or Roles.Supervisor) && !string.IsNullOrWhiteSpace(consulate))
        {
            problems.Add(new("consulate", FieldCodes.ConsulateNotForRole));
        }
        else if (!string.IsNullOrWhiteSpace(consulate) && !consulates.Exists(consulate.Trim()))
        {
            problems.Add(new("consulate", FieldCodes.ConsulateUnknown, consulate));
        }
        if (ports.Count > 0)
        {
            var known = await db.Ports.Where(p => ports.Contains(p.Code)).Select(p => p.Code).ToListAsync(cancellationToken);
            problems.AddRange(ports.Except(known).Select(p => new FieldError("port", FieldCodes.PortUnknown, p)));
        }
        return (role, ports, problems);
    }

    // Meets Identity's default rules (upper, lower, digit, symbol, length) with room to spare.
    private static string GeneratePassword() =>
        $"Pu-{Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', 'x').Replace('+', 'y')}7a";
}
