using System.Net;
using Microsoft.AspNetCore.Identity;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Accounts;

/// <summary>
/// Checks a sign-in by contact and password, for the sign-in page (cookie) and the API (bearer). Known
/// and unknown names answer alike, in words and in time: an unknown name still costs one password
/// hash. Failures slow down the (address, name) pair (<see cref="SignInThrottle"/>); the account is
/// never locked for everyone. The caller signs the person in with its own scheme.
/// </summary>
internal sealed class SignIn(
    UserManager<PuenteUser> users, IPasswordHasher<PuenteUser> hasher, FindUnverifiedAccount unverified, SignInThrottle throttle)
{
    public abstract record Outcome;

    /// <param name="Pending">An account still waiting for its code: it may verify and see its registration, nothing more.</param>
    public sealed record SignedIn(PuenteUser User, bool Pending) : Outcome;

    /// <summary>The name or the password is wrong; which one is never said.</summary>
    public sealed record Failed : Outcome;

    /// <summary>Right password, but the account is disabled.</summary>
    public sealed record NotAllowed : Outcome;

    /// <summary>Too many failures of this name from this address: try again after <paramref name="Wait"/>.</summary>
    public sealed record Throttled(TimeSpan Wait) : Outcome;

    public async Task<Outcome> Handle(string typedName, string password, IPAddress? address, CancellationToken cancellationToken)
    {
        var name = ContactAddress.SignInName(typedName);
        if (await throttle.Wait(address, name, cancellationToken) is { } wait)
        {
            return new Throttled(wait);
        }
        var outcome = await Check(typedName, name, password, cancellationToken);
        if (outcome is Failed)
        {
            await throttle.Failed(address, name, cancellationToken);
        }
        else
        {
            await throttle.Succeeded(address, name, cancellationToken);
        }
        return outcome;
    }

    private async Task<Outcome> Check(string typedName, string name, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(name) is not { } user)
        {
            if (await unverified.Handle(typedName, password, cancellationToken) is { } pending)
            {
                return new SignedIn(pending, Pending: true);
            }
            // The same work a known account's check does, so the answer's time says nothing either.
            _ = hasher.HashPassword(new PuenteUser(), password);
            return new Failed();
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            return new Failed();
        }
        return await users.IsLockedOutAsync(user) ? new NotAllowed() : new SignedIn(user, Pending: false);
    }
}
