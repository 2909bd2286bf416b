using Microsoft.AspNetCore.Identity;

namespace Puente.Web.Accounts;

/// <summary>Makes sure every role exists; run after migrations on every database.</summary>
internal sealed class SeedRoles(RoleManager<IdentityRole> roles)
{
    public async Task Handle()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new IdentityRole(role));
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Could not create role {role}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
        }
    }
}
