using System.Security.Cryptography;

using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Pathways.Requests;

/// <summary>
/// Draw tickets: random, from a CSPRNG, never derived from anything about the person. Letters
/// easy to confuse (I, l, O, 0, 1) are left out so a ticket can be read aloud or typed from paper.
/// </summary>
internal static class Tickets
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 12);
}
