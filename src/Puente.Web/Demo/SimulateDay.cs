using Microsoft.Extensions.Options;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Draws;
using Puente.Web.Pathways.Registration;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Demo;

/// <summary>
/// A whole service day on a simulated clock, through the same use cases the API calls: the window
/// opens (commitment), synthetic applicants register on earlier days and submit at random moments
/// inside the window, the window closes and the draw runs.
/// </summary>
internal sealed class SimulateDay(IServiceScopeFactory scopes, SimulatedClock clock, IOptions<PathwaysOptions> options)
{
    public sealed record Summary(DateOnly ServiceDate, int Applicants, int Requests, int Persons, RunDraw.Outcome Draw);

    private static readonly string[] Nationalities = ["MEX", "HTI", "VEN", "HND", "GTM", "SLV", "CUB", "COL", "ECU", "NIC"];
    private static readonly string[] GivenNames =
        ["María José", "José Luis", "Guadalupe", "Jean-Baptiste", "Mackenson", "Widline", "Yuleisy", "Luis Ángel", "Ana Sofía", "Darwin", "Kervens", "Nathalie", "Óscar", "Dayana", "Wilmer"];
    private static readonly string[] FamilyNames =
        ["Hernández López", "Pierre", "Jean-Louis", "Rodríguez Pérez", "O'Neil", "Désir", "Martínez", "García Ruiz", "Saint-Fleur", "Núñez", "Castillo", "Joseph", "Mendoza Ávila"];

    /// <param name="family">An applicant already registered (the demo's) who asks for this day at the demo officer's port.</param>
    public async Task<Summary> Handle(DateOnly serviceDate, int applicants, int seed, string? family = null, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var window = options.Value.Window;
        var opensAt = window.OpensAt(serviceDate);

        clock.Set(opensAt - options.Value.AnnounceLead);
        var day = await InScope((AnnounceDraw announce) => announce.Handle(serviceDate, cancellationToken)) is AnnounceDraw.Announced announced
            ? announced.Day
            : throw new InvalidOperationException($"No port has capacity on {serviceDate:yyyy-MM-dd}: configure Pathways:DefaultSlots.");
        var offered = (await InScope((PublishedAnnouncements announcements) => Task.FromResult(announcements.Of(day)))).Ports.Select(p => p.Code).ToArray();
        // Some ports draw far more requests than others, as in the 2023 appointment data.
        var weights = offered.Select((_, i) => 1.0 / (i % 4 + 1)).ToArray();

        var requests = 0;
        var persons = 0;
        if (family is not null)
        {
            clock.Set(opensAt + TimeSpan.FromMinutes(1));
            var registration = await InScope((GetRegistration registrations) => registrations.Handle(family, cancellationToken));
            var entered = await InScope((SubmitRequest submit) => submit.Handle(family,
                new SubmitRequest.Command(serviceDate, [StartDemoDay.Port], registration!.Travellers.Select(t => t.Id).ToList(), false),
                idempotencyKey: null, cancellationToken: cancellationToken));
            if (entered is SubmitRequest.Submitted { Receipt: var receipt })
            {
                requests++;
                persons += receipt.Size;
            }
        }
        for (var i = 0; i < applicants; i++)
        {
            clock.Set(opensAt - TimeSpan.FromDays(random.Next(1, 420)) - TimeSpan.FromMinutes(random.Next(0, 1440)));
            var nationality = Nationalities[random.Next(Nationalities.Length)];
            var companions = Enumerable.Range(0, GroupCompanions(random))
                .Select(c => Person(random, nationality, adult: c == 0 && random.NextDouble() < 0.5))
                .ToList();
            var registered = await InScope((RegisterApplicant register) => register.HandleSimulated(new RegisterApplicant.Command(
                $"sim-{serviceDate:yyyyMMdd}-{seed}-{i}{Messaging.EnqueueMessage.SimulatedEmailDomain}", null, null, "es",
                Person(random, nationality, adult: true), companions), cancellationToken));
            if (registered is not RegisterApplicant.Registered { Account: var account })
            {
                continue;
            }

            clock.Set(opensAt + TimeSpan.FromSeconds(random.NextDouble() * window.Length.TotalSeconds));
            var ports = PickPorts(random, offered, weights);
            var outcome = await InScope((SubmitRequest submit) => submit.Handle(account.ApplicantId,
                new SubmitRequest.Command(serviceDate, ports, account.Travellers.Select(t => t.Id).ToList(), random.NextDouble() < 0.3),
                idempotencyKey: null, cancellationToken: cancellationToken));
            if (outcome is SubmitRequest.Submitted submitted)
            {
                requests++;
                persons += submitted.Receipt.Size;
            }
        }

        clock.Set(window.ClosesAt(serviceDate) + TimeSpan.FromMinutes(1));
        var draw = await InScope((RunDraw run) => run.Handle(serviceDate, cancellationToken));
        return new Summary(serviceDate, applicants, requests, persons, draw);
    }

    private async Task<T> InScope<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    // Most people travel alone or with one or two others; a few families are large.
    private static int GroupCompanions(Random random) => random.NextDouble() switch
    {
        < 0.45 => 0,
        < 0.65 => 1,
        < 0.80 => 2,
        < 0.90 => 3,
        < 0.96 => 4,
        _ => random.Next(5, 9),
    };

    /// <summary>Adults carry a passport of their nationality; children travel on the family's registration.</summary>
    private static RegisterApplicant.Person Person(Random random, string nationality, bool adult) => new(
        GivenNames[random.Next(GivenNames.Length)],
        $"{FamilyNames[random.Next(FamilyNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}",
        new DateOnly(adult ? random.Next(1960, 2006) : random.Next(2010, 2025), random.Next(1, 13), random.Next(1, 29)),
        nationality,
        DocumentType: adult ? "passport" : null,
        DocumentCountry: adult ? nationality : null,
        DocumentNumber: adult ? $"P{random.Next(10_000_000, 99_999_999)}" : null);

    private static List<string> PickPorts(Random random, string[] offered, double[] weights)
    {
        var count = Math.Min(offered.Length, random.Next(1, 4));
        var chosen = new List<string>(count);
        while (chosen.Count < count)
        {
            var target = random.NextDouble() * weights.Sum();
            for (var i = 0; i < offered.Length; i++)
            {
                target -= weights[i];
                if (target <= 0)
                {
                    if (!chosen.Contains(offered[i]))
                    {
                        chosen.Add(offered[i]);
                    }
                    break;
                }
            }
        }
        return chosen;
    }
}
