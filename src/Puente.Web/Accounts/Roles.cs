namespace Puente.Web.Accounts;

/// <summary>The roles Puente knows; each is also the name of an authorization policy.</summary>
internal static class Roles
{
    public const string Applicant = "Applicant";
    public const string PortOfficer = "PortOfficer";
    public const string Caseworker = "Caseworker";
    public const string Supervisor = "Supervisor";
    public const string Analyst = "Analyst";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All =
        [Applicant, PortOfficer, Caseworker, Supervisor, Analyst, Admin];

    /// <summary>Finds a role by name, ignoring case; null when there is no such role.</summary>
    public static string? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase));
}
