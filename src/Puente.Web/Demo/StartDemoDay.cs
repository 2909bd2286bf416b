using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Puente.Domain.Pathways.Appointments;
using Puente.Domain.Ports;
using Puente.Web.Accounts;
using Puente.Web.Database;
using Puente.Web.Pathways.CheckIns;
using Puente.Web.Pathways.Registration;

namespace Puente.Web.Demo;

/// <summary>
/// A demo that is a living day, so every role can walk its path on first run: today's draw at every port
/// (today in each port's own zone), the demo applicant's family drawn at San Ysidro with a pass for today,
/// and the first half of San Ysidro's groups checked in by its officer, the rest still booked.
/// </summary>
internal sealed class StartDemoDay(
    PuenteDb db, UserManager<PuenteUser> users, CheckInPass checkIn, TimeProvider clock, IConfiguration configuration, IOptions<DemoOptions> options)
{
    /// <summary>The demo officer's port, where the demo family's pass is for.</summary>
    public const string Port = "2504";

    /// <summary>Longer than any simulated applicant has waited, so the draw's first phase (waiting time) selects the family.</summary>
    private const int FamilyWaitedDays = 600;

    public async Task Handle(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var zones = await db.Ports.Select(p => new { p.Code, p.TimeZone }).ToListAsync(cancellationToken);
        var portToday = PortCalendar.Today(now, zones.Single(z => z.Code == Port).TimeZone);
        var family = await Family(portToday, cancellationToken);
        foreach (var date in zones.Select(z => PortCalendar.Today(now, z.TimeZone)).Distinct().Order())
        {
            if (await db.DrawDays.AnyAsync(d => d.ServiceDate == date, cancellationToken))
            {
                continue;
            }
            await RunSimulation.Handle(configuration, date, options.Value.SimulatedApplicants, seed: date.DayNumber,
                family: date == portToday ? family : null, cancellationToken: cancellationToken);
        }
        await CheckInFirstHalf(portToday, family, cancellationToken);
    }

    /// <summary>The demo applicant's registration: them and a child, registered long ago.</summary>
    private async Task<string> Family(DateOnly today, CancellationToken cancellationToken)
    {
        var applicant = await users.FindByEmailAsync(SeedDemoData.Accounts.Single(a => a.Role == Roles.Applicant).Email)
            ?? throw new InvalidOperationException("The demo applicant is seeded before the demo day starts.");
        if (await db.Applicants.AnyAsync(a => a.UserId == applicant.Id, cancellationToken))
        {
            return applicant.Id;
        }
        var registered = clock.GetUtcNow().AddDays(-FamilyWaitedDays);
        db.Applicants.Add(new ApplicantRecord
        {
            UserId = applicant.Id,
            RegisteredAt = registered,
            RegisteredOn = today.AddDays(-FamilyWaitedDays),
            Travellers =
            [
                RegisterApplicant.ToRecord(applicant.Id, new RegisterApplicant.Person("María José", "García López", new DateOnly(1988, 3, 14), "MEX",
                    "passport", "MEX", "G12345678"), isApplicant: true),
                RegisterApplicant.ToRecord(applicant.Id, new RegisterApplicant.Person("Juan", "García", new DateOnly(2015, 7, 1), "MEX"), isApplicant: false),
            ],
        });
        await db.SaveChangesAsync(cancellationToken);
        return applicant.Id;
    }

    /// <summary>Through the officer's own check-in, earliest groups first; the family's stays booked for the applicant to show.</summary>
    private async Task CheckInFirstHalf(DateOnly today, string family, CancellationToken cancellationToken)
    {
        var officer = await users.FindByEmailAsync(SeedDemoData.Accounts.Single(a => a.Role == Roles.PortOfficer).Email);
        var booked = await db.Appointments
            .Where(a => a.PortCode == Port && a.ServiceDate == today && a.Status == AppointmentStatus.Booked && a.ApplicantUserId != family)
            .Join(db.Passes.Where(p => p.RevokedAt == null), a => a.Id, p => p.AppointmentId, (a, p) => new { a.SlotStart, p.Token })
            .ToListAsync(cancellationToken);
        if (officer is null || await db.Appointments.AnyAsync(a => a.PortCode == Port && a.ServiceDate == today && a.Status == AppointmentStatus.CheckedIn, cancellationToken))
        {
            return;
        }
        foreach (var pass in booked.OrderBy(b => b.SlotStart, StringComparer.Ordinal).Take(booked.Count / 2))
        {
            await checkIn.Handle(pass.Token, officer.Id, confirm: true, present: null, cancellationToken);
        }
    }
}
