namespace Puente.Web.Demo;

/// <summary>A clock the simulation moves by hand, so a whole day's cycle runs in seconds.</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTimeOffset instant) => now = instant;
}
