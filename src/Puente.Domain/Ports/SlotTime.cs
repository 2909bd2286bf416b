namespace Puente.Domain.Ports;

/// <summary>A slot's start as written everywhere: strict 24-hour <c>HH:MM</c> in the port's local time.</summary>
public static class SlotTime
{
    /// <summary>Reads exactly two digits, a colon and two digits, from 00:00 to 23:59; anything else is refused.</summary>
    public static bool TryParse(string? text, out TimeOnly time)
    {
        time = default;
        if (text is not { Length: 5 } || text[2] != ':'
            || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1])
            || !char.IsAsciiDigit(text[3]) || !char.IsAsciiDigit(text[4]))
        {
            return false;
        }
        var hours = ((text[0] - '0') * 10) + (text[1] - '0');
        var minutes = ((text[3] - '0') * 10) + (text[4] - '0');
        if (hours >= 24 || minutes >= 60)
        {
            return false;
        }
        time = new TimeOnly(hours, minutes);
        return true;
    }

    /// <summary>For a start that was validated when it was stored; a malformed one is a bug and throws.</summary>
    public static TimeOnly Parse(string text) =>
        TryParse(text, out var time) ? time : throw new FormatException($"'{text}' is not a 24-hour HH:MM time.");
}
